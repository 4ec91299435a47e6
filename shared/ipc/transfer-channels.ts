import { z } from 'zod';
import type { ProbeNoteRecord } from '../domain/mappings.ts';
import type { Story } from '../domain/story.ts';
import type { Suppression } from '../lint/diagnostics.ts';
import { PAPER_SIZES } from '../prep-sheet/sheet-model.ts';
import { importFilesSchema, type ImportOutcome, type ImportPreview } from '../transfer/import-files.ts';
import type { MarkdownFile } from '../transfer/markdown-files.ts';
import { channel } from './channel.ts';
import { empty, storyIdSchema } from './schemas.ts';

/**
 * Channels for the prep sheet and for stories in and out (Markdown, JSON backup, import). The renderer builds the
 * sheet's HTML itself (shared/prep-sheet) from the records it reads here; the host turns that HTML into a PDF or
 * prints it. Imports are previewed, then applied in one transaction.
 */

/** A sheet's HTML: far more than hundreds of full stories. */
export const SHEET_HTML_MAX_CHARS = 30_000_000;

/** Stories the renderer reads per call while building a sheet (it shows progress between calls). */
export const SHEET_BATCH = 50;

/** A story with what its sheet entry shows besides the text: prepared probe notes and ignored findings. */
export interface SheetStoryRecord {
  story: Story;
  probeNotes: ProbeNoteRecord[];
  suppressions: Suppression[];
}

export interface BackupExport {
  fileName: string;
  content: string;
  stories: number;
}

/**
 * How a host printed a sheet: 'dialog' when it opened the system print dialog itself (Electron; printed is false
 * when the user cancelled); 'browser' when the page should open `url` (the sheet, served once) and print it.
 */
export type PrintAnswer = { mode: 'dialog'; printed: boolean } | { mode: 'browser'; url: string };

const sheetHtmlSchema = z.string().min(1).max(SHEET_HTML_MAX_CHARS, 'That sheet is too large to print.');

export const transferChannels = {
  /** Everything, as one JSON backup document. */
  'transfer.exportBackup': channel<BackupExport>()(empty),
  /** Stories as Markdown, one file each; without ids, every story not in the trash. */
  'transfer.exportMarkdown': channel<{ files: MarkdownFile[] }>()(
    z.strictObject({ ids: z.array(storyIdSchema).min(1).max(100_000).optional() }),
  ),
  /** What importing these files would do; problems name each bad file. Writes nothing. */
  'transfer.previewImport': channel<ImportPreview>()(z.strictObject({ files: importFilesSchema })),
  /** Imports the files in one transaction, or refuses them all (invalid-input naming the file and problem). */
  'transfer.applyImport': channel<ImportOutcome>()(z.strictObject({ files: importFilesSchema })),
  /** Stories with their probe notes and suppressions, in the order asked. */
  'prepSheet.stories': channel<SheetStoryRecord[]>()(
    z.strictObject({ ids: z.array(storyIdSchema).min(1).max(SHEET_BATCH) }),
  ),
  /** A prep sheet's HTML (as shared/prep-sheet renders it) printed to PDF, base64-encoded. */
  'prepSheet.pdf': channel<{ pdfBase64: string; bytes: number }>()(
    z.strictObject({ html: sheetHtmlSchema, paper: z.enum(PAPER_SIZES) }),
  ),
  /** Prints a prep sheet through the host's print dialog (see PrintAnswer). */
  'prepSheet.print': channel<PrintAnswer>()(z.strictObject({ html: sheetHtmlSchema })),
} as const;
