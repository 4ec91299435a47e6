import type { Framework } from '../content/principle-schema.ts';
import { ANSWER_TARGET_SECONDS, clampPace, formatDuration } from '../domain/timing.ts';
import type { CompiledRubric, RuleOverride } from '../lint/engine.ts';
import type { Loop } from '../loop/loop.ts';
import { RATING_LABELS, type LoopPlan, type Rating } from '../loop/solve.ts';
import { escapeHtml as esc } from './html-escape.ts';
import { sheetCss } from './sheet-css.ts';
import { compactCard, formatSheetDate, plural, probeHtml, SHEET_HTML_PREFIX } from './sheet-html.ts';
import { prepareSheet, principleNameIn, type PaperSize, type SheetProbe, type SheetStory, type SheetStoryInput } from './sheet-model.ts';

/**
 * The loop sheet: what to take into an interview loop, printed. A first page with the whole plan (every
 * interviewer's principles, the story for each, its verdict and backups) and what still needs fixing; then a page
 * per interviewer with the story for each of their principles as a compact STAR card (key metric, spoken time),
 * the backups, and the follow-up probes to expect with the notes prepared for them. It is built from the plan the
 * Loop screen shows (shared/loop) and laid out with the prep sheet's card, probes, print CSS and escaping.
 */

export interface LoopSheetOptions {
  paper: PaperSize;
  /** When the sheet was made (the function reads no clock). */
  generatedAt: Date;
  /** Words a minute for the spoken times (default 150). */
  pace?: number;
  overrides?: Readonly<Record<string, RuleOverride>>;
}

export interface LoopSheetInput {
  loop: Loop;
  /** The plan for this loop (planLoop over the same stories, with the loop's pins and bans). */
  plan: LoopPlan;
  /** The bank's stories as the prep sheet reads them; only those the plan names are laid out. */
  stories: readonly SheetStoryInput[];
  framework: Framework;
  rubric: CompiledRubric;
  options: LoopSheetOptions;
}

export interface LoopSheetSlot {
  principleId: string;
  principleName: string;
  story: SheetStory | null;
  /** The plan's rating of the story for this principle at the loop's level (null: pinned but not mapped to it). */
  rating: Rating | null;
  pinned: boolean;
  /** The principle of an earlier slot of the same interviewer this story also answers (shared stories), or null. */
  sameStoryAs: string | null;
  backups: Array<{ title: string; rating: Rating | null }>;
  /** The follow-up probes the content lists for this principle, with the story's prepared notes. */
  probes: SheetProbe[];
}

export interface LoopSheetModel {
  name: string;
  date: string | null;
  level: string;
  paper: PaperSize;
  generatedAt: Date;
  frameworkName: string;
  pace: number;
  answerTarget: { minSeconds: number; maxSeconds: number };
  interviewers: Array<{ name: string; barRaiser: boolean; slots: LoopSheetSlot[] }>;
  warnings: Array<{ interviewer: string; principleName: string; message: string; fix: string }>;
}

/** "14 January 2027" for a loop's YYYY-MM-DD date. */
function loopDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return formatSheetDate(new Date(y, m - 1, d));
}

/** Computes what the loop sheet shows. Pure: same input, same model. */
export function prepareLoopSheet(input: LoopSheetInput): LoopSheetModel {
  const { loop, plan, framework, options } = input;
  const named = new Set(plan.slots.flatMap((slot) => (slot.story ? [slot.story.id] : [])));
  const sheet = prepareSheet({
    stories: input.stories.filter((s) => named.has(s.story.id)),
    framework,
    rubric: input.rubric,
    options: {
      layout: 'compact',
      paper: options.paper,
      coverage: false,
      generatedAt: options.generatedAt,
      level: loop.level,
      ...(options.pace === undefined ? {} : { pace: options.pace }),
      ...(options.overrides === undefined ? {} : { overrides: options.overrides }),
    },
  });
  const byId = new Map(sheet.stories.map((s) => [s.id, s]));
  const nameOf = (id: string): string => principleNameIn(framework, id);
  const probesOf = new Map(framework.principles.map((p) => [p.id, p.probes]));

  const interviewers = loop.interviewers.map((person, index) => {
    const seen = new Map<string, string>();
    const slots = plan.slots
      .filter((slot) => slot.interviewer === index)
      .map((slot): LoopSheetSlot => {
        const story = slot.story ? (byId.get(slot.story.id) ?? null) : null;
        const group = story?.probes.find((g) => g.principleId === slot.principle);
        // A story not mapped to this principle (a pin) has no notes for it: its probes are listed unprepared.
        const probes = group
          ? group.probes
          : (probesOf.get(slot.principle) ?? []).map((p) => ({ question: p.question, readiness: null, note: '' }));
        const sameStoryAs = story ? (seen.get(story.id) ?? null) : null;
        if (story && sameStoryAs === null) seen.set(story.id, nameOf(slot.principle));
        return {
          principleId: slot.principle,
          principleName: nameOf(slot.principle),
          story,
          rating: slot.story?.rating ?? null,
          pinned: slot.story?.pinned ?? false,
          sameStoryAs,
          backups: slot.backups.map((b) => ({ title: b.title, rating: b.rating })),
          probes,
        };
      });
    return { name: person.name, barRaiser: person.barRaiser, slots };
  });

  return {
    name: loop.name,
    date: loop.date,
    level: loop.level,
    paper: options.paper,
    generatedAt: options.generatedAt,
    frameworkName: framework.name,
    pace: clampPace(options.pace),
    answerTarget: { minSeconds: ANSWER_TARGET_SECONDS.min, maxSeconds: ANSWER_TARGET_SECONDS.max },
    interviewers,
    warnings: plan.warnings.map((w) => ({
      interviewer: loop.interviewers[w.interviewer]?.name ?? `Interviewer ${w.interviewer + 1}`,
      principleName: nameOf(w.principle),
      message: w.message,
      fix: w.fix.label,
    })),
  };
}

// ----------------------------------------------------------------------------------------------- fragments

function ratingHtml(rating: Rating | null): string {
  return rating === null ? '<span class="rating unmapped">Not mapped</span>' : `<span class="rating ${rating}">${RATING_LABELS[rating]}</span>`;
}

function backupsText(slot: LoopSheetSlot): string {
  if (slot.backups.length === 0) return '<span class="muted">None</span>';
  return slot.backups.map((b) => `${esc(b.title)} ${ratingHtml(b.rating)}`).join('<span class="sep"> · </span>');
}

function barRaiserHtml(barRaiser: boolean): string {
  return barRaiser ? ' <span class="badge">Bar raiser</span>' : '';
}

function gridPage(model: LoopSheetModel): string {
  const rows = model.interviewers
    .flatMap((person) =>
      person.slots.map((slot, i) => {
        const who = i === 0 ? `<th scope="rowgroup" rowspan="${person.slots.length}" class="who">${esc(person.name)}${barRaiserHtml(person.barRaiser)}</th>` : '';
        const story = slot.story
          ? `${esc(slot.story.title)}${slot.pinned ? ' <small class="muted">(pinned)</small>' : ''}`
          : '<span class="missing">No story yet</span>';
        return `<tr class="${i === 0 ? 'first' : ''}">${who}<td class="principle-cell">${esc(slot.principleName)}</td><td class="story-cell">${story}</td><td class="rating-cell">${slot.story ? ratingHtml(slot.rating) : ''}</td><td class="backup-cell">${backupsText(slot)}</td></tr>`;
      }),
    )
    .join('\n');
  const warnings = model.warnings.length
    ? `<ul class="loop-warnings">${model.warnings
        .map((w) => `<li><b>${esc(w.interviewer)}, ${esc(w.principleName)}:</b> ${esc(w.message)} <span class="fix">${esc(w.fix)}.</span></li>`)
        .join('')}</ul>`
    : '<p>Nothing to fix: every principle has its own story at Lean Hire or better, with follow-up notes.</p>';
  return `<section class="grid-page">
<table class="plan-grid">
<colgroup><col class="who-col"><col class="principle-col"><col class="story-col"><col class="rating-col"><col></colgroup>
<thead><tr><th scope="col">Interviewer</th><th scope="col">Principle</th><th scope="col">Story to tell</th><th scope="col">Verdict</th><th scope="col">Backups</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>What to fix <span class="count">${model.warnings.length}</span></h2>
${warnings}
</section>`;
}

function slotHtml(slot: LoopSheetSlot, model: LoopSheetModel): string {
  const head = `<h3 class="slot-title">${esc(slot.principleName)} ${slot.story ? ratingHtml(slot.rating) : ''}${slot.pinned ? ' <small class="muted">pinned</small>' : ''}</h3>`;
  let story: string;
  if (!slot.story) story = '<p class="missing">No story for this principle yet: write one, or map a story to it.</p>';
  else if (slot.sameStoryAs !== null)
    story = `<p class="same-story">The same story as for ${esc(slot.sameStoryAs)}: <b>${esc(slot.story.title)}</b>. Tell it once and bring out both.</p>`;
  // The card's verdict line would repeat the rating above it, for every principle of the story: the slot shows its one.
  else story = compactCard({ ...slot.story, verdicts: [] }, model);
  const probes = slot.probes.length
    ? `<ol class="probe-list">${slot.probes.map(probeHtml).join('')}</ol>`
    : '<p class="muted">The content lists no follow-up probes for this principle.</p>';
  return `<section class="slot">
${head}
${story}
<p class="backups"><span class="label">Backups</span> ${backupsText(slot)}</p>
<h4>Follow-up probes to expect</h4>
${probes}
</section>`;
}

function interviewerPage(person: LoopSheetModel['interviewers'][number], model: LoopSheetModel): string {
  return `<section class="interviewer-page">
<header class="interviewer-head">
<h2>${esc(person.name)}${barRaiserHtml(person.barRaiser)}</h2>
<p class="holds">${plural(person.slots.length, 'principle')}: ${person.slots.map((s) => esc(s.principleName)).join(' · ')}</p>
</header>
${person.slots.map((slot) => slotHtml(slot, model)).join('\n')}
</section>`;
}

const LOOP_CSS = `
.sheet-head h1 .loop-name { font-weight: 700; }
.plan-grid { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 8.5pt; line-height: 1.3; margin-bottom: 5mm; }
.plan-grid thead { display: table-header-group; }
.plan-grid th, .plan-grid td { text-align: left; vertical-align: top; padding: 1.1mm 1.6mm; border-bottom: 0.4pt solid #e3e5e8; }
.plan-grid thead th { font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); border-bottom: 0.8pt solid var(--ink); }
.plan-grid tr.first > * { border-top: 0.8pt solid var(--rule); }
.plan-grid tbody tr { break-inside: avoid; page-break-inside: avoid; }
.plan-grid .who { font-weight: 700; }
.plan-grid col.who-col { width: 17%; }
.plan-grid col.principle-col { width: 18%; }
.plan-grid col.story-col { width: 31%; }
.plan-grid col.rating-col { width: 13%; }
.plan-grid .story-cell { font-family: var(--serif); font-size: 9.5pt; }
.plan-grid .rating-cell { white-space: nowrap; }
.plan-grid .backup-cell { font-family: var(--serif); }
.plan-grid .backup-cell .rating { font-size: 6.5pt; }
.missing { color: var(--bad); font-family: var(--sans); }
.badge { font-size: 7pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em; color: #fff; background: var(--accent); border-radius: 1mm; padding: 0.3mm 1.2mm; vertical-align: 0.4mm; white-space: nowrap; }
.rating.unmapped { color: var(--muted); background: var(--soft); }
.grid-page h2 { font-size: 11pt; margin: 0 0 2mm; }
.loop-warnings { margin: 0; padding-left: 5mm; font-size: 9pt; }
.loop-warnings li { break-inside: avoid; margin-bottom: 1.2mm; }
.loop-warnings .fix { color: var(--accent); font-family: var(--sans); font-size: 8.5pt; }
.interviewer-page { break-before: page; page-break-before: always; }
.interviewer-head { border-bottom: 0.6pt solid var(--rule); padding-bottom: 1.6mm; margin-bottom: 3mm; }
.interviewer-head h2 { font-size: 15pt; line-height: 1.2; margin: 0 0 0.8mm; }
.holds { font-family: var(--sans); font-size: 9pt; color: var(--muted); margin: 0; }
.slot { margin-bottom: 5mm; }
.slot-title { font-size: 11pt; color: var(--accent); margin: 0 0 1.6mm; }
.slot .card { margin-bottom: 1.4mm; }
.same-story { font-size: 9.5pt; }
.backups { font-size: 9pt; margin: 0 0 1.8mm; }
.backups .label { color: var(--muted); }
.slot h4 { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin: 0 0 1mm; }
@media screen {
  .interviewer-page { border-top: 1px dashed var(--rule); margin-top: 10mm; padding-top: 8mm; }
}
`;

/** The complete HTML document of a loop sheet (it starts as every sheet does: SHEET_HTML_PREFIX, its CSP first). */
export function renderLoopSheet(model: LoopSheetModel): string {
  const made = formatSheetDate(model.generatedAt);
  const slots = model.interviewers.reduce((n, p) => n + p.slots.length, 0);
  const meta = [
    model.date ? `On ${loopDate(model.date)}` : null,
    esc(model.level),
    `${plural(model.interviewers.length, 'interviewer')}, ${plural(slots, 'principle')} to answer`,
    esc(model.frameworkName),
    `Made ${made}`,
    `Spoken times at ${model.pace} words a minute; a full answer runs ${formatDuration(model.answerTarget.minSeconds)} to ${formatDuration(model.answerTarget.maxSeconds)}.`,
  ]
    .filter((part) => part !== null)
    .join(' · ');
  return `${SHEET_HTML_PREFIX}<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Story Bank">
<title>Interview loop · ${esc(model.name)}</title>
<style>
${sheetCss(model.paper, made, 'loop sheet')}
${LOOP_CSS}
</style>
</head>
<body class="loop-sheet paper-${model.paper}">
<header class="sheet-head">
<h1>Interview loop · <span class="loop-name">${esc(model.name)}</span></h1>
<p class="sheet-meta">${meta}</p>
</header>
<main>
${gridPage(model)}
${model.interviewers.map((person) => interviewerPage(person, model)).join('\n')}
</main>
</body>
</html>
`;
}

/** The loop sheet's HTML: prepareLoopSheet, then renderLoopSheet. */
export function buildLoopSheet(input: LoopSheetInput): string {
  return renderLoopSheet(prepareLoopSheet(input));
}
