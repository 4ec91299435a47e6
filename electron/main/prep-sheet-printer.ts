import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, type Session, shell } from 'electron';
import type { SheetPrinter } from '../backend/prep-sheet/sheet-printer.ts';
import { sheetWindowOptions } from './sheet-window-options.ts';

// Thin glue: prints a prep sheet (HTML made by shared/prep-sheet, checked by the backend) in a hidden window with
// JavaScript off, either to PDF (webContents.printToPDF) or through the system print dialog; and shows a saved
// download in the file manager.

/** Loads the sheet from a temporary file (a data: URL would cap large sheets at 2 MB), then runs `use`. */
async function withSheet<T>(html: string, use: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-bank-print-'));
  const file = path.join(dir, 'prep-sheet.html');
  fs.writeFileSync(file, html, 'utf8');
  const window = new BrowserWindow(sheetWindowOptions());
  try {
    await window.loadFile(file);
    return await use(window);
  } finally {
    if (!window.isDestroyed()) window.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const electronSheetPrinter: SheetPrinter = {
  pdf: (html, paper) =>
    withSheet(html, (window) =>
      window.webContents.printToPDF({
        pageSize: paper === 'a4' ? 'A4' : 'Letter',
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: false,
        generateDocumentOutline: true,
      }),
    ),
  printDialog: (html) =>
    withSheet(
      html,
      (window) =>
        new Promise<boolean>((resolve) => {
          window.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success));
        }),
    ),
};

/** When a download the page started (a PDF, a zip, a backup) has been saved, show it in the file manager. */
export function revealFinishedDownloads(session: Session): void {
  session.on('will-download', (_event, item) => {
    item.once('done', (_done, state) => {
      if (state === 'completed') shell.showItemInFolder(item.getSavePath());
    });
  });
}
