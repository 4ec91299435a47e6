import type { PaperSize } from '../../../shared/prep-sheet/index.ts';
import { call } from '../api/client.ts';
import { base64ToBytes, saveFile } from './save-file.ts';

/**
 * Printing a sheet (the prep sheet, a loop sheet) from any screen: as a PDF download, or through a print dialog.
 * Electron's main process shows the system dialog itself; in a browser the host serves the sheet once and the page
 * prints it in a tab of its own.
 */

export interface SheetOutcome {
  text: string;
  error?: boolean;
}

/**
 * The tab a sheet will print in, opened now: a browser lets a page open a window only right after a click, so
 * this is called in the click and filled when the sheet is ready. Null in Electron, which needs none.
 */
export function openPrintTab(): Window | null {
  return window.storyBankHost ? null : window.open('', '_blank');
}

/** Waits until a window opened by this page shows `path` and has finished loading. */
async function loaded(target: Window, path: string, timeoutMs = 20_000): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if (target.closed) return false;
      if (target.location.pathname === path && target.document.readyState === 'complete') return true;
    } catch {
      // Not readable yet while it navigates.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Prints a sheet's HTML through the host; `what` names it in the message ("The prep sheet"). */
export async function printSheet(html: string, tab: Window | null, what: string): Promise<SheetOutcome> {
  const answer = await call('prepSheet.print', { html });
  if (answer.mode === 'dialog') {
    tab?.close();
    return { text: answer.printed ? `${what} was sent to the printer.` : 'Printing was cancelled.' };
  }
  if (!tab) return { text: 'The browser blocked the window for printing: allow pop-ups for Story Bank, then try again.', error: true };
  tab.location.href = answer.url;
  if (await loaded(tab, answer.url)) {
    tab.focus();
    tab.print();
    return { text: `${what} opened in a new tab, with the print dialog.` };
  }
  return { text: `${what} did not open for printing. Try again.`, error: true };
}

/** Turns a sheet's HTML into a PDF (the host's printer) and saves it as `fileName`. */
export async function saveSheetPdf(html: string, paper: PaperSize, fileName: string): Promise<void> {
  const { pdfBase64 } = await call('prepSheet.pdf', { html, paper });
  saveFile(fileName, base64ToBytes(pdfBase64), 'application/pdf');
}
