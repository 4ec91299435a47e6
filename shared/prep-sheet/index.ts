/** The printable prep sheet: pure functions from stories and content to one self-contained HTML document. */
import { renderPrepSheet } from './sheet-html.ts';
import { prepareSheet, type PrepSheetInput } from './sheet-model.ts';

export { escapeHtml } from './html-escape.ts';
export { keyMetric } from './key-metric.ts';
export { isPrepSheetHtml, SHEET_CSP, SHEET_HTML_PREFIX } from './sheet-html.ts';
export {
  firstSentenceOf,
  PAPER_SIZES,
  prepareSheet,
  SHEET_LAYOUTS,
  sheetScope,
  type PaperSize,
  type PrepSheetInput,
  type PrepSheetOptions,
  type SheetLayout,
  type SheetStoryInput,
} from './sheet-model.ts';

/** The prep sheet's HTML for these stories: prepareSheet, then renderPrepSheet. */
export function buildPrepSheet(input: PrepSheetInput): string {
  return renderPrepSheet(prepareSheet(input));
}
export { buildLoopSheet, prepareLoopSheet } from './loop-sheet.ts';
