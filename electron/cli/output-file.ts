import fs from 'node:fs';
import path from 'node:path';
import { NoChromiumError, PdfRenderError, printPdfWithChromium } from '../backend/prep-sheet/chromium-pdf.ts';

/** What the commands that write files (export, plan) share: writing one, and the problems that mean exit 2. */

/** Writes a file, making its folder first. */
export function writeOutputFile(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
}

/** The message for a file that could not be written (no permission, read-only, full, not a folder), else null. */
export function writeProblem(error: unknown, shown: string): string | null {
  const code = (error as { code?: string }).code;
  return code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC' || code === 'ENOTDIR' ? `cannot write ${shown}: ${(error as Error).message}` : null;
}

/** A sheet's HTML as PDF bytes from a Chromium found on the machine, or the problem (none found, the print failed). */
export async function sheetPdf(html: string): Promise<{ pdf: Buffer } | { problem: string }> {
  try {
    return { pdf: await printPdfWithChromium(html) };
  } catch (error) {
    if (error instanceof NoChromiumError || error instanceof PdfRenderError) return { problem: error.message };
    throw error;
  }
}

export function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KB`;
}
