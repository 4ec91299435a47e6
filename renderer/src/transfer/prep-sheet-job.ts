import { SHEET_BATCH, type SheetStoryRecord } from '../../../shared/ipc/transfer-channels.ts';
import { buildPrepSheet, type PaperSize, type SheetLayout } from '../../../shared/prep-sheet/index.ts';
import { call } from '../api/client.ts';
import { getSetting } from '../api/settings.ts';
import { framework } from '../content/framework.ts';
import { rubric } from '../lint/rubric.ts';

/**
 * Builds a prep sheet in the page: the chosen stories are read in batches (so progress can be shown), scored with
 * the same rubric, pace and rule overrides as the editor, and laid out by shared/prep-sheet. The host then turns
 * the HTML into a PDF or prints it.
 */

export interface SheetRequest {
  ids: readonly string[];
  layout: SheetLayout;
  paper: PaperSize;
  coverage: boolean;
  scope: string;
}

export type SheetProgress =
  | { stage: 'reading'; done: number; total: number }
  | { stage: 'laying-out'; total: number }
  | { stage: 'printing'; total: number };

/** Lets the browser paint between steps, so the progress bar moves. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Stories with their probe notes and ignored findings, in the order asked, read SHEET_BATCH at a time. */
export async function readSheetRecords(ids: readonly string[], onBatch?: (done: number) => void): Promise<SheetStoryRecord[]> {
  const records: SheetStoryRecord[] = [];
  for (let i = 0; i < ids.length; i += SHEET_BATCH) {
    records.push(...(await call('prepSheet.stories', { ids: ids.slice(i, i + SHEET_BATCH) })));
    onBatch?.(records.length);
  }
  return records;
}

export async function buildSheetHtml(request: SheetRequest, onProgress: (p: SheetProgress) => void): Promise<string> {
  const total = request.ids.length;
  onProgress({ stage: 'reading', done: 0, total });
  const records = await readSheetRecords(request.ids, (done) => onProgress({ stage: 'reading', done, total }));
  const [pace, overrides, targets] = await Promise.all([getSetting('lint.pace'), getSetting('lint.rules'), getSetting('coverage.targets')]);
  onProgress({ stage: 'laying-out', total });
  await nextFrame();
  return buildPrepSheet({
    stories: records,
    framework: framework(),
    rubric: rubric(),
    options: {
      layout: request.layout,
      paper: request.paper,
      coverage: request.coverage,
      generatedAt: new Date(),
      scope: request.scope,
      pace,
      overrides,
      targets,
    },
  });
}
