import type { PaperSize } from '../../../shared/prep-sheet/sheet-model.ts';
import { printPdfWithChromium } from './chromium-pdf.ts';

/**
 * Who turns a prep sheet's HTML into paper or a PDF depends on the host: Electron's main process has
 * webContents.printToPDF and the system print dialog (electron/main/prep-sheet-printer.ts); the browser shell and
 * the command line use a Chromium found on the machine, and print through the user's browser. The host that has
 * something better installs it at start-up; the backend asks for it when a sheet is printed.
 */
export interface SheetPrinter {
  /** PDF bytes of a sheet (its @page CSS sets the paper; `paper` is there for printers that need it told). */
  pdf(html: string, paper: PaperSize): Promise<Uint8Array>;
  /**
   * Shows the system print dialog for the sheet and resolves once it closes (false: cancelled or failed).
   * Absent where the host cannot show one: the page then prints the sheet through its browser.
   */
  printDialog?: (html: string) => Promise<boolean>;
}

export const chromiumSheetPrinter: SheetPrinter = {
  pdf: (html) => printPdfWithChromium(html),
};

let installed: SheetPrinter = chromiumSheetPrinter;

/** Called once by a host with its own printing (Electron). */
export function installSheetPrinter(printer: SheetPrinter): void {
  installed = printer;
}

export function sheetPrinter(): SheetPrinter {
  return installed;
}
