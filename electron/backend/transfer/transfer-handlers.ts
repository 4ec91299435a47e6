import type { AppInfo, Handlers } from '../../../shared/ipc/contract.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { transferChannels } from '../../../shared/ipc/transfer-channels.ts';
import { isPrepSheetHtml } from '../../../shared/prep-sheet/sheet-html.ts';
import { printBackup } from '../../../shared/transfer/backup.ts';
import { markdownFiles } from '../../../shared/transfer/markdown-files.ts';
import type { Db } from '../database.ts';
import { NoChromiumError, PdfRenderError } from '../prep-sheet/chromium-pdf.ts';
import { sheetPrinter } from '../prep-sheet/sheet-printer.ts';
import { stageSheet } from '../prep-sheet/staged-sheets.ts';
import { type BankRecords, type BankRepositories, createBankRecords } from './bank-records.ts';
import { createImporter, type Importer } from './importer.ts';

/** What the transfer channels work with: whole-bank reads and the importer, over one database. */
export interface TransferService {
  records: BankRecords;
  importer: Importer;
}

export function createTransferService(db: Db, repos: BankRepositories): TransferService {
  const records = createBankRecords(db, repos);
  return { records, importer: createImporter(db, repos, records) };
}

export type TransferHandlers = Pick<Handlers, keyof typeof transferChannels>;

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** "story-bank-backup-2025-11-22.json" (local date). */
export function backupFileName(now: Date): string {
  return `story-bank-backup-${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}.json`;
}

function requireStory(records: BankRecords, id: string): void {
  if (!records.exists(id)) throw new AppError('not-found', 'One of the chosen stories no longer exists.');
}

export function createTransferHandlers(service: TransferService, info: AppInfo, clock: () => Date = () => new Date()): TransferHandlers {
  const { records, importer } = service;
  const writable = (): void => {
    if (info.readOnlyReason) throw new AppError('read-only', info.readOnlyReason);
  };
  const sheetHtml = (html: string): string => {
    if (!isPrepSheetHtml(html)) throw new AppError('invalid-input', 'Only a prep sheet made by Story Bank can be printed here.');
    return html;
  };
  return {
    'transfer.exportBackup': () => {
      const now = clock();
      const backup = records.backup(info.version, now);
      return { fileName: backupFileName(now), content: printBackup(backup), stories: backup.stories.length };
    },
    'transfer.exportMarkdown': ({ ids }) => {
      const chosen = ids ?? records.liveIds();
      for (const id of chosen) requireStory(records, id);
      const stories = chosen.map((id) => records.sheetRecord(id).story);
      return { files: markdownFiles(stories.map((story) => ({ id: story.id, draft: story }))) };
    },
    'transfer.previewImport': ({ files }) => importer.preview(files),
    'transfer.applyImport': ({ files }) => {
      writable();
      return importer.apply(files);
    },
    'prepSheet.stories': ({ ids }) =>
      ids.map((id) => {
        requireStory(records, id);
        return records.sheetRecord(id);
      }),
    'prepSheet.pdf': async ({ html, paper }) => {
      try {
        const bytes = await sheetPrinter().pdf(sheetHtml(html), paper);
        return { pdfBase64: Buffer.from(bytes).toString('base64'), bytes: bytes.length };
      } catch (error) {
        if (error instanceof NoChromiumError || error instanceof PdfRenderError) throw new AppError('internal', error.message);
        throw error;
      }
    },
    'prepSheet.print': async ({ html }) => {
      const printer = sheetPrinter();
      const checked = sheetHtml(html);
      if (printer.printDialog) return { mode: 'dialog', printed: await printer.printDialog(checked) };
      return { mode: 'browser', url: stageSheet(checked) };
    },
  };
}
