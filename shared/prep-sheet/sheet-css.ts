import type { PaperSize } from './sheet-model.ts';

/**
 * The sheet's print CSS. Page numbers and the running footer are CSS page-margin boxes (@bottom-left,
 * @bottom-right with counter(page) and counter(pages)), which Chromium prints since version 131: Electron's
 * printToPDF, headless Chromium's --print-to-pdf and the browser's own print dialog all honour them.
 * `footerDate` is built by the sheet from numbers and month names only, and `kind` is one of two fixed words: neither
 * is user text.
 */
export function sheetCss(paper: PaperSize, footerDate: string, kind: 'prep sheet' | 'loop sheet' = 'prep sheet'): string {
  const size = paper === 'a4' ? 'A4' : 'letter';
  return `
@page {
  size: ${size};
  margin: 16mm 17mm 18mm 17mm;
  @bottom-left { content: "Story Bank · ${kind} · ${footerDate}"; font: 7.5pt/1 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: #6b6f76; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt/1 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: #6b6f76; }
}
:root {
  --sans: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  --serif: Charter, "Bitstream Charter", Georgia, Cambria, "Liberation Serif", "DejaVu Serif", serif;
  --ink: #1d2025;
  --muted: #6b6f76;
  --rule: #c9ccd1;
  --soft: #f3f4f6;
  --accent: #1f4fb5;
  --metric: #0d6b3a;
  --metric-soft: #eaf6ef;
  --warn: #a15c00;
  --bad: #b42318;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
* { box-sizing: border-box; }
html { font: 10pt/1.42 var(--serif); color: var(--ink); background: #fff; }
body { margin: 0; }
h1, h2, h3, h4, .facts, .principles, .context, .label, .section-label, .sheet-meta, .count, .mark, .verdict-line, .rating, table { font-family: var(--sans); }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p, li { orphans: 3; widows: 3; }
p { margin: 0 0 1.6mm; }
.muted { color: var(--muted); }
small { font-size: 0.82em; }

/* Heading of the whole sheet */
.sheet-head { border-bottom: 1.2pt solid var(--ink); padding-bottom: 2.4mm; margin-bottom: 4mm; }
.sheet-head h1 { font-size: 17pt; line-height: 1.15; margin: 0 0 1.2mm; letter-spacing: -0.01em; }
.sheet-meta { font-size: 8.5pt; color: var(--muted); margin: 0; }
.empty { font-family: var(--sans); color: var(--muted); }

/* Shared story bits */
.principles { font-size: 8.5pt; margin: 0 0 1mm; }
.principle { white-space: nowrap; margin-right: 2.2mm; }
.principle.primary { font-weight: 700; color: var(--accent); }
.principle.secondary { color: #39414d; }
.context { font-size: 8.5pt; color: var(--muted); margin: 0 0 1.2mm; }
.facts { font-size: 8.5pt; }
.fact { white-space: nowrap; margin-left: 3mm; }
.fact:first-child { margin-left: 0; }
.fact small { color: var(--muted); }
.spoken.short b, .spoken.long b { color: var(--warn); }
.score.strong b { color: var(--metric); }
.score.needs-work b, .score.incomplete b { color: var(--bad); }
.metric { font-family: var(--serif); background: var(--metric-soft); border-left: 2.4pt solid var(--metric); padding: 1.2mm 2.4mm; margin: 1.6mm 0 0; }
.card .metric { padding: 0.7mm 2.4mm; margin-top: 1.2mm; font-size: 9.5pt; }
.metric.none { background: var(--soft); border-left-color: var(--rule); }
.label { font-size: 7pt; text-transform: uppercase; letter-spacing: 0.08em; font-weight: 700; color: var(--metric); margin-right: 1.5mm; }
.metric.none .label { color: var(--muted); }

/* Compact layout: one card per story, grouped under its first primary principle */
.group { margin-bottom: 2mm; }
.group-title { font-size: 9.5pt; text-transform: uppercase; letter-spacing: 0.06em; color: var(--accent); border-bottom: 0.6pt solid var(--rule); padding-bottom: 0.6mm; margin: 3mm 0 1.8mm; }
.group:first-child .group-title { margin-top: 0; }
.count { font-weight: 400; color: var(--muted); text-transform: none; letter-spacing: 0; font-size: 8.5pt; margin-left: 1.5mm; }
.card { break-inside: avoid; page-break-inside: avoid; border: 0.6pt solid var(--rule); border-radius: 1.6mm; padding: 1.8mm 3mm 2mm; margin: 0 0 2mm; }
.card-head { display: flex; justify-content: space-between; align-items: baseline; gap: 4mm; margin-bottom: 0.4mm; }
.card .story-title { font-size: 11pt; margin: 0; line-height: 1.25; }
.card .facts { flex: none; }
.card .principles { margin: 0; }
.card .context { font-size: inherit; margin: 0; }
.lines { margin-top: 1mm; border-top: 0.4pt solid #e3e5e8; padding-top: 0.8mm; }
.line { display: flex; align-items: baseline; gap: 2.4mm; font-size: 9pt; line-height: 1.38; }
.section-label { flex: none; width: 19mm; font-size: 7pt; text-transform: uppercase; letter-spacing: 0.07em; color: var(--muted); }
.section-line { flex: 1; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }

/* Full layout: each story on its own page */
.story-page { break-before: page; page-break-before: always; }
.sheet-head + main .story-page:first-child { break-before: auto; page-break-before: auto; }
.story-head { border-bottom: 0.6pt solid var(--rule); padding-bottom: 2mm; margin-bottom: 3mm; }
.story-page .story-title { font-size: 15pt; line-height: 1.2; margin: 0 0 1.2mm; }
.story-page .facts { margin: 1mm 0 0; }
.star { margin: 0 0 2.6mm; }
.star h3, .extra h3 { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.08em; color: var(--accent); margin: 0 0 0.8mm; }
.star-text p { margin: 0 0 1.4mm; }
.star-text ul, .star-text ol { margin: 0 0 1.4mm; padding-left: 6mm; }
.star-text li { margin: 0 0 0.6mm; break-inside: avoid; }
.extra { margin-top: 3.4mm; border-top: 0.4pt solid #e3e5e8; padding-top: 2mm; }
.verdict-line { margin: 0.6mm 0 0; font-size: 8.5pt; }
.verdict-line .fact { margin-left: 0; margin-right: 3mm; }
.verdict-read { break-inside: avoid; page-break-inside: avoid; margin-bottom: 1.6mm; }
.verdict-read h4 { font-size: 9pt; margin: 0 0 0.6mm; }
.verdict-read ul { margin: 0; padding-left: 2mm; list-style: none; font-size: 9pt; line-height: 1.35; }
.verdict-read li.concern { color: var(--warn); }
.verdict-read .next { margin: 0.6mm 0 0; font-size: 8.5pt; color: var(--muted); }
.rating { font-size: 7.5pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; border-radius: 1mm; padding: 0.2mm 1.2mm; }
.rating.strong-hire, .rating.hire { color: var(--metric); background: var(--metric-soft); }
.rating.lean-hire, .rating.lean-no-hire { color: var(--warn); background: #fdf3e1; }
.rating.no-hire { color: var(--bad); background: #fdecea; }
.prompt-list { margin: 0; padding-left: 5mm; font-size: 9.5pt; }
.prompt-list li { break-inside: avoid; margin-bottom: 0.6mm; }
.probe-columns { column-count: 2; column-gap: 7mm; }
.probe-group { margin-bottom: 2mm; }
.probe-group h4 { font-size: 9pt; margin: 0 0 1mm; }
.probe-list { margin: 0; padding-left: 5mm; }
.probe { break-inside: avoid; page-break-inside: avoid; margin: 0 0 1.4mm; }
.question { font-weight: 600; margin: 0 0 0.4mm; font-size: 9pt; line-height: 1.35; }
.note { margin: 0; font-size: 9pt; line-height: 1.35; padding-left: 2mm; border-left: 1pt solid var(--rule); }
.mark { font-size: 7pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em; border-radius: 1mm; padding: 0.2mm 1.2mm; margin-left: 1mm; white-space: nowrap; vertical-align: 0.3mm; }
.mark.ready { color: var(--metric); background: var(--metric-soft); }
.mark.partial { color: var(--warn); background: #fdf3e1; }
.mark.gap { color: var(--bad); background: #fdecea; }
.mark.unmarked { color: var(--muted); background: var(--soft); }

/* Coverage page */
.coverage-page { break-before: page; page-break-before: always; }
.coverage-page h2 { font-size: 15pt; margin: 0 0 1mm; }
.coverage-summary { font-family: var(--sans); font-size: 9pt; color: var(--muted); margin-bottom: 3mm; }
.coverage-page h3 { font-size: 11pt; margin: 5mm 0 2mm; }
.matrix { border-collapse: collapse; width: 100%; font-size: 8pt; table-layout: fixed; }
.matrix thead { display: table-header-group; }
.matrix tr { break-inside: avoid; page-break-inside: avoid; }
.matrix th, .matrix td { border-bottom: 0.4pt solid #e3e5e8; padding: 0.9mm 0.6mm; }
.matrix .corner { text-align: left; vertical-align: bottom; width: auto; font-size: 8.5pt; }
.matrix .corner small { display: block; font-weight: 400; color: var(--muted); }
.matrix th.rot { width: 6.6mm; height: 46mm; vertical-align: bottom; padding: 0 0 1mm; font-weight: 600; }
.matrix th.rot span { display: inline-block; writing-mode: vertical-rl; transform: rotate(180deg); font-size: 7.2pt; line-height: 1.05; max-height: 44mm; text-align: left; }
.matrix .story-name { text-align: left; font-weight: 600; font-size: 8.5pt; line-height: 1.25; overflow-wrap: anywhere; }
.matrix .mark-cell { text-align: center; color: var(--accent); font-size: 9pt; }
.matrix tbody tr:nth-child(even) th, .matrix tbody tr:nth-child(even) td { background: #f8f9fa; }
.matrix tfoot th { text-align: left; font-size: 8pt; }
.matrix tfoot th, .matrix tfoot td { border-top: 0.8pt solid var(--ink); border-bottom: none; }
.matrix .total { text-align: center; font-weight: 700; }
.matrix .total.none { color: var(--bad); }
.matrix .total.one, .matrix .total.below-target { color: var(--warn); }
.uncovered { column-count: 2; column-gap: 7mm; font-size: 8pt; line-height: 1.3; }
.uncovered-group { break-inside: avoid-column; margin-bottom: 2.4mm; }
.uncovered-group h4 { font-size: 8.5pt; margin: 0 0 0.6mm; color: var(--accent); }
.uncovered-group ul { margin: 0; padding-left: 4mm; }
.uncovered-group li { break-inside: avoid; margin-bottom: 0.3mm; }

/* On screen (a browser tab before printing): the sheet as a page on a grey desk */
@media screen {
  html { background: #e6e7ea; }
  body { max-width: ${paper === 'a4' ? '210mm' : '216mm'}; margin: 8mm auto; background: #fff; padding: 16mm 17mm; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.18); }
  .story-page, .coverage-page { border-top: 1px dashed var(--rule); margin-top: 10mm; padding-top: 8mm; }
  .sheet-head + main .story-page:first-child { border-top: none; margin-top: 0; padding-top: 0; }
}
`;
}
