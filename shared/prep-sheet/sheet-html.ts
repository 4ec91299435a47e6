import { formatDuration } from '../domain/timing.ts';
import { RATING_LABELS } from '../lint/verdict.ts';
import type { Block, Inline, ListBlock } from '../story-format/blocks.ts';
import { escapeHtml as esc } from './html-escape.ts';
import { sheetCss } from './sheet-css.ts';
import type { SheetModel, SheetProbe, SheetStory } from './sheet-model.ts';

/**
 * The prep sheet as one complete HTML document: its own print CSS (paper size, margins, page numbers in the page
 * margins), no external resource and no script; a Content-Security-Policy that allows neither. Every piece of
 * user text is escaped.
 */

/** The policy the sheet carries (and that a host serving it should send as a header too). */
export const SHEET_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * How every sheet begins. The policy comes before anything else in <head>, so it governs the whole document: a
 * host that prints HTML handed to it checks this prefix first (isPrepSheetHtml) and refuses anything else.
 */
export const SHEET_HTML_PREFIX = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${SHEET_CSP}">
`;

/** Whether this HTML starts the way renderPrepSheet starts a sheet (its script-forbidding policy first). */
export function isPrepSheetHtml(html: string): boolean {
  return html.startsWith(SHEET_HTML_PREFIX);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "22 November 2025" (no locale data needed, the same everywhere). */
export function formatSheetDate(date: Date): string {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

const READINESS_LABEL = { ready: 'Ready', partial: 'Partly ready', gap: 'Gap' } as const;

const BAND_LABEL = { strong: 'strong', promising: 'promising', 'needs-work': 'needs work', incomplete: 'incomplete' } as const;

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// ------------------------------------------------------------------------------------------------- rich text

function inlineHtml(inlines: readonly Inline[]): string {
  let out = '';
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      out += '<br>';
      continue;
    }
    let piece = esc(inline.text);
    if (inline.italic) piece = `<em>${piece}</em>`;
    if (inline.bold) piece = `<strong>${piece}</strong>`;
    out += piece;
  }
  return out;
}

function listHtml(list: ListBlock): string {
  const tag = list.ordered ? 'ol' : 'ul';
  const start = list.ordered && list.start !== 1 ? ` start="${list.start}"` : '';
  const items = list.items.map((item) => `<li>${inlineHtml(item.inlines)}${item.children.map(listHtml).join('')}</li>`).join('');
  return `<${tag}${start}>${items}</${tag}>`;
}

function blocksHtml(blocks: readonly Block[]): string {
  return blocks.map((b) => (b.kind === 'paragraph' ? `<p>${inlineHtml(b.inlines)}</p>` : listHtml(b))).join('\n');
}

// ----------------------------------------------------------------------------------------------- fragments

function principlesHtml(story: SheetStory): string {
  if (story.principles.length === 0) return '<span class="muted">No principle yet</span>';
  return story.principles
    .map((p) => `<span class="principle ${p.role}" title="${p.role}">${p.role === 'primary' ? '●' : '○'} ${esc(p.name)}</span>`)
    .join(' ');
}

function contextLine(story: SheetStory): string {
  const parts: string[] = [];
  if (story.context) parts.push(esc(story.context));
  if (story.level) parts.push(esc(story.level));
  if (story.tags.length) parts.push(story.tags.map((t) => `#${esc(t)}`).join(' '));
  return parts.join(' · ');
}

export function metricHtml(story: SheetStory): string {
  return story.keyMetric === null
    ? '<p class="metric none"><span class="label">Key metric</span> <span class="muted">No number in the Result yet.</span></p>'
    : `<p class="metric"><span class="label">Key metric</span> ${esc(story.keyMetric)}</p>`;
}

function spokenHtml(story: SheetStory, model: Pick<SheetModel, 'answerTarget'>): string {
  const { minSeconds, maxSeconds } = model.answerTarget;
  const status = story.spokenSeconds === 0 ? 'empty' : story.spokenSeconds < minSeconds ? 'short' : story.spokenSeconds > maxSeconds ? 'long' : 'ok';
  const note = status === 'short' ? 'short' : status === 'long' ? 'long' : status === 'empty' ? 'empty' : 'on target';
  return `<span class="fact spoken ${status}"><b>${formatDuration(story.spokenSeconds)}</b> spoken <small>(${note})</small></span>`;
}

function scoreHtml(story: SheetStory): string {
  return `<span class="fact score ${story.band}">Score <b>${story.score}</b>/100 <small>(${BAND_LABEL[story.band]})</small></span>`;
}

function verdictBadges(story: SheetStory): string {
  return story.verdicts
    .map((v) => `<span class="fact verdict ${v.rating}">${esc(v.principleName)}: <b>${RATING_LABELS[v.rating]}</b></span>`)
    .join(' ');
}

function verdictsHtml(story: SheetStory): string {
  if (story.verdicts.length === 0) return '';
  const items = story.verdicts
    .map(
      (v) => `<div class="verdict-read"><h4>${esc(v.principleName)} at ${esc(v.level)}: <span class="rating ${v.rating}">${RATING_LABELS[v.rating]}</span></h4>
<ul>${v.reasons.map((r) => `<li class="${r.kind}">${r.kind === 'strength' ? '+' : '−'} ${esc(r.text)}</li>`).join('')}</ul>
${v.next ? `<p class="next"><b>Next level.</b> ${esc(v.next)}</p>` : ''}</div>`,
    )
    .join('\n');
  return `<section class="extra verdicts"><h3>How an interviewer would read it</h3>${items}</section>`;
}

function findingsText(story: SheetStory): string {
  const { errors, warnings, suggestions } = story.findings;
  if (errors + warnings + suggestions === 0) return 'No open lint findings.';
  const parts: string[] = [];
  if (errors) parts.push(plural(errors, 'error'));
  if (warnings) parts.push(plural(warnings, 'warning'));
  if (suggestions) parts.push(plural(suggestions, 'suggestion'));
  return `Open lint findings: ${parts.join(', ')}.`;
}

// -------------------------------------------------------------------------------------------------- compact

/** A story as a compact STAR card: title, spoken time, score, verdicts, principles, one line a section, key metric. */
export function compactCard(story: SheetStory, model: Pick<SheetModel, 'answerTarget'>): string {
  const lines = story.sections
    .map(
      (s) =>
        `<div class="line"><span class="section-label">${s.label}</span><span class="section-line${s.line ? '' : ' muted'}">${s.line ? esc(s.line) : 'Not written yet'}</span></div>`,
    )
    .join('');
  const context = contextLine(story);
  return `<article class="card" data-story-id="${esc(story.id)}">
<div class="card-head"><h3 class="story-title">${esc(story.title)}</h3><div class="facts">${spokenHtml(story, model)} ${scoreHtml(story)}</div></div>
${story.verdicts.length ? `<p class="verdict-line">${verdictBadges(story)}</p>` : ''}
<p class="principles">${principlesHtml(story)}${context ? `<span class="context"> · ${context}</span>` : ''}</p>
<div class="lines">${lines}</div>
${metricHtml(story)}
</article>`;
}

function compactBody(model: SheetModel): string {
  return model.groups
    .map(
      (g) => `<section class="group">
<h2 class="group-title">${esc(g.heading)} <span class="count">${plural(g.stories.length, 'story', 'stories')}</span></h2>
${g.stories.map((s) => compactCard(s, model)).join('\n')}
</section>`,
    )
    .join('\n');
}

// ----------------------------------------------------------------------------------------------------- full

/** A follow-up probe with its readiness mark and the prepared note (a list item of a .probe-list). */
export function probeHtml(probe: SheetProbe): string {
  const mark = probe.readiness === null ? '<span class="mark unmarked">Not marked</span>' : `<span class="mark ${probe.readiness}">${READINESS_LABEL[probe.readiness]}</span>`;
  const note = probe.note.trim() === '' ? '' : `<p class="note">${esc(probe.note.trim()).replace(/\r?\n/g, '<br>')}</p>`;
  return `<li class="probe"><p class="question">${esc(probe.question)} ${mark}</p>${note}</li>`;
}

function fullStory(story: SheetStory, model: SheetModel): string {
  const context = contextLine(story);
  const sections = story.sections
    .map((s) => {
      const body = s.blocks.length ? blocksHtml(s.blocks) : '<p class="muted">Not written yet.</p>';
      return `<section class="star ${s.id}"><h3>${s.label}</h3><div class="star-text">${body}</div></section>`;
    })
    .join('\n');
  const prompts = story.prompts.length
    ? `<ul class="prompt-list">${story.prompts
        .map((p) => `<li>${esc(p.text)}${p.principleName ? ` <span class="muted">(${esc(p.principleName)})</span>` : ' <span class="muted">(no longer in the content)</span>'}</li>`)
        .join('')}</ul>`
    : '<p class="muted">No prompt chosen yet.</p>';
  const probes = story.probes.length
    ? story.probes
        .map((g) => `<div class="probe-group"><h4>${esc(g.principleName)}${g.role === 'secondary' ? ' <small>(secondary)</small>' : ''}</h4><ol class="probe-list">${g.probes.map(probeHtml).join('')}</ol></div>`)
        .join('\n')
    : '<p class="muted">Map the story to a principle to see its follow-up probes.</p>';
  return `<article class="story-page" data-story-id="${esc(story.id)}">
<header class="story-head">
<h2 class="story-title">${esc(story.title)}</h2>
${context ? `<p class="context">${context}</p>` : ''}
<p class="principles">${principlesHtml(story)}</p>
<p class="facts">${spokenHtml(story, model)} ${scoreHtml(story)} <span class="fact findings">${findingsText(story)}</span></p>
${metricHtml(story)}
</header>
${sections}
${verdictsHtml(story)}
<section class="extra prompts"><h3>Prompts it answers</h3>${prompts}</section>
<section class="extra probes"><h3>Follow-up probes</h3><div class="probe-columns">${probes}</div></section>
</article>`;
}

// ------------------------------------------------------------------------------------------------- coverage

function coveragePage(model: SheetModel): string {
  const report = model.coverage;
  if (!report) return '';
  const columns = model.principleColumns;
  const head = columns.map((c) => `<th class="rot" scope="col"><span>${esc(c.name)}</span></th>`).join('');
  const rows = report.stories
    .map((s, column) => {
      const cells = report.matrix
        .map((row) => {
          const mark = row.marks[column];
          return `<td class="mark-cell ${mark ?? ''}">${mark === 'primary' ? '●' : mark === 'secondary' ? '○' : ''}</td>`;
        })
        .join('');
      return `<tr><th scope="row" class="story-name">${esc(s.title)}</th>${cells}</tr>`;
    })
    .join('\n');
  const totals = report.principles
    .map((p) => `<td class="total ${p.status}">${p.storyCount}</td>`)
    .join('');
  const byPrinciple = new Map<string, string[]>();
  for (const u of report.uncoveredPrompts) {
    const list = byPrinciple.get(u.principleId);
    if (list) list.push(u.text);
    else byPrinciple.set(u.principleId, [u.text]);
  }
  const uncovered = report.uncoveredPrompts.length
    ? `<div class="uncovered">${report.principles
        .filter((p) => byPrinciple.has(p.principleId))
        .map((p) => `<div class="uncovered-group"><h4>${esc(p.name)}</h4><ul>${(byPrinciple.get(p.principleId) ?? []).map((t) => `<li>${esc(t)}</li>`).join('')}</ul></div>`)
        .join('')}</div>`
    : '<p>Every prompt has a story on this sheet.</p>';
  const r = report.readiness;
  return `<section class="coverage-page">
<h2>Coverage</h2>
<p class="coverage-summary">${plural(report.stories.length, 'story', 'stories')} on this sheet · ${r.principlesAtTarget} of ${r.principlesTotal} principles at target · ${r.promptsCovered} of ${r.promptsTotal} prompts answered</p>
${
  report.stories.length
    ? `<table class="matrix">
<thead><tr><th class="corner" scope="col">Story <small>● primary ○ secondary</small></th>${head}</tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row">Stories per principle</th>${totals}</tr></tfoot>
</table>`
    : ''
}
<h3>Prompts still uncovered <span class="count">${report.uncoveredPrompts.length}</span></h3>
${uncovered}
</section>`;
}

// ------------------------------------------------------------------------------------------------ document

/** The complete HTML document of a prep sheet. */
export function renderPrepSheet(model: SheetModel): string {
  const date = formatSheetDate(model.generatedAt);
  const count = plural(model.stories.length, 'story', 'stories');
  const title = `Interview prep sheet · ${model.scope}`;
  const body =
    model.stories.length === 0
      ? '<p class="empty">There is no story to print in this selection.</p>'
      : model.layout === 'compact'
        ? compactBody(model)
        : model.stories.map((s) => fullStory(s, model)).join('\n');
  return `${SHEET_HTML_PREFIX}<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Story Bank">
<title>${esc(title)}</title>
<style>
${sheetCss(model.paper, date)}
</style>
</head>
<body class="layout-${model.layout} paper-${model.paper}">
<header class="sheet-head">
<h1>${esc(title)}</h1>
<p class="sheet-meta">${count} · ${esc(model.frameworkName)} · ${date} · Spoken times at ${model.pace} words a minute; a full answer runs ${formatDuration(model.answerTarget.minSeconds)} to ${formatDuration(model.answerTarget.maxSeconds)}.</p>
</header>
<main>
${body}
</main>
${coveragePage(model)}
</body>
</html>
`;
}
