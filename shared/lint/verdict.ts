import type { Framework, Principle } from '../content/principle-schema.ts';
import type { Level } from '../domain/levels.ts';
import type { SectionId } from '../domain/sections.ts';
import { suggestPrinciples, type Evidence, type PrincipleSuggestion } from '../suggest/suggest.ts';
import type { SuggestIndex } from '../suggest/suggest-index.ts';
import { messageHeadline, type Diagnostic } from './diagnostics.ts';
import { partOfRule, type CompiledRubric, type StoryAnalysis } from './engine.ts';
import { measuredSentence } from './measured.ts';
import { analyzeText, type Span } from './text-analysis.ts';
import { costOf, weigh, type WeighedFinding } from './weighing.ts';

/**
 * A bar raiser's read of one story for one principle at one level, on the scale interviewers write up: Strong
 * Hire, Hire, Lean Hire, Lean No Hire, No Hire. It starts from the same weighing as the score (weighing.ts), keeps
 * only the findings that bear on this principle, and adds what only a read per principle and level can see:
 *  - the principle's own evidence in the story (content/principles: the phrases interviewers listen for);
 *  - at Senior and above, a Reflection that stays with the technology and names no change in how you or the team
 *    work (fine at SDE1, thin at Senior).
 * Then it says why, in two to four reasons that point at the text, and what the next level up would ask for.
 */

export const RATINGS = ['strong-hire', 'hire', 'lean-hire', 'lean-no-hire', 'no-hire'] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  'strong-hire': 'Strong Hire',
  hire: 'Hire',
  'lean-hire': 'Lean Hire',
  'lean-no-hire': 'Lean No Hire',
  'no-hire': 'No Hire',
};

export interface VerdictReason {
  kind: 'strength' | 'concern';
  text: string;
  /** Where in the story it is, when it is about particular words (offsets into that section's plain text). */
  section?: SectionId;
  start?: number;
  end?: number;
  /** The rubric rule behind a concern, when there is one. */
  ruleId?: string;
}

export interface Verdict {
  principle: string;
  principleName: string;
  level: Level;
  rating: Rating;
  /** 0–100 on the same weighing as the score, for this principle at this level. */
  points: number;
  /** Two to four, the deciding ones first. */
  reasons: VerdictReason[];
  /** What the next level up would need; null at the top of the ladder (Principal) and for Manager. */
  nextLevel: { level: Level; needs: string } | null;
}

export interface VerdictInput {
  sections: Readonly<Record<SectionId, string>>;
  title: string;
  principles: readonly string[];
  level: Level;
  /** The story's analysis (analyzeStory); its findings are weighed again at `level` where that differs. */
  analysis: Pick<StoryAnalysis, 'diagnostics'>;
  rubric: CompiledRubric;
  framework: Framework;
  /** The framework's suggestion index, when the caller keeps one (suggestIndexFor). */
  index?: SuggestIndex;
}

/** The individual-contributor ladder, in order. Manager is a track of its own: no "next level" is implied. */
const LADDER: readonly Level[] = ['SDE1', 'SDE2', 'Senior', 'Principal'];
const SENIOR_AND_ABOVE: ReadonlySet<Level> = new Set<Level>(['Senior', 'Principal', 'Manager']);

/** Evidence weight (content/principles) a story needs for the principle to count as clearly shown, or shown at all. */
const CLEAR_EVIDENCE = 4;
const SOME_EVIDENCE = 2;

/**
 * Words that take a Reflection past the technology: a change in how you or the team work, a mechanism, a
 * trade-off, people. Read only at Senior and above.
 */
const SYSTEMIC =
  /\b(process|processes|mechanism|mechanisms|teams?|team's|organi[sz]ation|culture|default|habits?|checklists?|reviews?|runbooks?|alarms?|trade-?offs?|incentives?|owners?|ownership|earlier|sooner|next time|from then on|since then|stakeholders?|mentor(ed|ing)?|hiring|people|how I|I now|now I|I start|I ask|I write|I set)\b/i;

/** Past these points (and the conditions in `rate`), each rating. */
const STRONG_HIRE_POINTS = 92;
const HIRE_POINTS = 80;
const LEAN_HIRE_POINTS = 65;
const LEAN_HIRE_WITH_WARNINGS = 70;
const LEAN_NO_HIRE_POINTS = 45;
const POSITIVE_BONUS = 2;
const MAX_BONUS = 6;

function quote(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Findings that bear on `principle`: every general one, and principle rules only for their own principles. */
function findingsFor(principle: string, diagnostics: readonly Diagnostic[], rubric: CompiledRubric): Diagnostic[] {
  return diagnostics.filter((d) => {
    const only = rubric.byId.get(d.ruleId)?.principles;
    return !only || (only as readonly string[]).includes(principle);
  });
}

interface Concern {
  reason: VerdictReason;
  cost: number;
}

/** The Action's first sentence told in the first person singular, as the place your own steps show. */
function ownStep(action: string): Span | null {
  for (const span of analyzeText(action).sentences) {
    if (/(^|[^\p{L}])(I|I've|I'd|I'm|my)(?![\p{L}])/u.test(action.slice(span.start, span.end))) return span;
  }
  return null;
}

function concernOf(w: WeighedFinding): Concern {
  const d = w.diagnostic;
  const reason: VerdictReason = { kind: 'concern', text: messageHeadline(d.message), ruleId: d.ruleId, section: d.section };
  if (d.end > d.start) {
    reason.start = d.start;
    reason.end = d.end;
  }
  return { reason, cost: w.cost };
}

interface Read {
  points: number;
  concerns: Concern[];
  strengths: VerdictReason[];
  hasError: boolean;
  hasWarning: boolean;
  /** Any finding, even a suggestion, about the two things every interviewer scores first: your steps, your result. */
  firstThingsFlagged: boolean;
  nothingToJudge: boolean;
  clearEvidence: boolean;
}

/** What a read needs that depends on neither the principle nor the level: worked out once per story. */
interface StoryFacts {
  suggestions: readonly PrincipleSuggestion[];
  measured: Span | null;
  own: Span | null;
}

function read(input: VerdictInput, principle: Principle, level: Level, facts: StoryFacts): Read {
  const { sections, rubric } = input;
  const relevant = findingsFor(principle.id, input.analysis.diagnostics, rubric);
  const weighing = weigh(relevant, partOfRule(rubric), level);
  // One concern per rule (its most telling finding), most costly first.
  const byRule = new Map<string, Concern>();
  for (const w of weighing.problems) {
    const current = byRule.get(w.diagnostic.ruleId);
    if (current) current.cost += w.cost;
    else byRule.set(w.diagnostic.ruleId, concernOf(w));
  }
  const concerns = [...byRule.values()];
  let cost = weighing.cost;
  const strengths: VerdictReason[] = [];

  // The principle's own evidence.
  const suggestion = facts.suggestions.find((s) => s.principleId === principle.id);
  const bestByPhrase = new Map<string, { weight: number; at: Evidence }>();
  for (const e of suggestion?.evidence ?? []) {
    const seen = bestByPhrase.get(e.phrase);
    if (!seen || e.weight > seen.weight) bestByPhrase.set(e.phrase, { weight: e.weight, at: e });
  }
  const evidenceWeight = [...bestByPhrase.values()].reduce((sum, e) => sum + e.weight, 0);
  const strongest = [...bestByPhrase.values()].filter((e) => e.at.section !== 'title').sort((a, b) => b.weight - a.weight)[0];
  if (evidenceWeight >= CLEAR_EVIDENCE && strongest) {
    const at = strongest.at;
    strengths.push({ kind: 'strength', text: `Shows ${principle.name}: "${quote(at.text)}".`, section: at.section as SectionId, start: at.start, end: at.end });
  } else if (evidenceWeight < SOME_EVIDENCE) {
    // Faint evidence is no fault (people tell a principle in their own words); none at all is worth a look.
    const here = costOf('principle', 'warning', level) * 0.6;
    cost += here;
    concerns.push({
      cost: here,
      reason: { kind: 'concern', text: `Few of the words interviewers listen for in ${principle.name} are here: name the moment that shows it in plain words.` },
    });
  }

  // At Senior and above, a Reflection that names no change in how you or the team work is thin.
  const reflection = sections.reflection.trim();
  const genericAlready = relevant.some((d) => d.section === 'reflection' && d.severity !== 'positive');
  if (SENIOR_AND_ABOVE.has(level) && reflection !== '' && !genericAlready && !SYSTEMIC.test(reflection)) {
    const here = costOf('reflection', 'warning', level) * 0.8;
    cost += here;
    concerns.push({
      cost: here,
      reason: {
        kind: 'concern',
        text: `At ${level} a lesson about the technology alone is thin: say what you now do differently, or changed in how the team works.`,
        section: 'reflection',
        start: 0,
        end: sections.reflection.length,
      },
    });
  }

  // What the rubric recognises as strong: ownership language, a change the Reflection names, a measured Result.
  for (const d of weighing.strengths) {
    strengths.push({ kind: 'strength', text: messageHeadline(d.message), section: d.section, start: d.start, end: d.end, ruleId: d.ruleId });
  }
  const flagged = (part: string) => weighing.problems.some((w) => w.part === part);
  const measured = flagged('impact') ? null : facts.measured;
  if (measured) {
    strengths.push({ kind: 'strength', text: `The Result is measured: "${quote(sections.result.slice(measured.start, measured.end))}".`, section: 'result', ...measured });
  }
  const own = flagged('ownership') ? null : facts.own;
  if (own) {
    strengths.push({ kind: 'strength', text: `The Action is yours, step by step: "${quote(sections.action.slice(own.start, own.end))}".`, section: 'action', ...own });
  }
  // Nothing to judge without an Action or a Result.
  const nothingToJudge = sections.action.trim() === '' || sections.result.trim() === '';

  concerns.sort((a, b) => b.cost - a.cost);
  const bonus = Math.min(MAX_BONUS, weighing.strengths.length * POSITIVE_BONUS);
  const points = Math.max(0, Math.min(100, Math.round(100 - cost + bonus)));
  const hasWarning = weighing.problems.some((w) => w.diagnostic.severity === 'warning');
  const firstThingsFlagged = weighing.problems.some((w) => w.part === 'ownership' || w.part === 'impact');
  return { points, concerns, strengths, hasError: weighing.hasError, hasWarning, firstThingsFlagged, nothingToJudge, clearEvidence: evidenceWeight >= CLEAR_EVIDENCE };
}

function rate(r: Read): Rating {
  if (r.nothingToJudge) return 'no-hire';
  if (r.hasError) return r.points >= LEAN_NO_HIRE_POINTS ? 'lean-no-hire' : 'no-hire';
  if (r.hasWarning) return r.points >= LEAN_HIRE_WITH_WARNINGS ? 'lean-hire' : r.points >= LEAN_NO_HIRE_POINTS ? 'lean-no-hire' : 'no-hire';
  // A hire needs your own steps and a measured result to stand without a flag.
  if (r.firstThingsFlagged) return r.points >= LEAN_HIRE_POINTS ? 'lean-hire' : 'lean-no-hire';
  if (r.points >= STRONG_HIRE_POINTS && r.clearEvidence && r.strengths.length >= 2) return 'strong-hire';
  if (r.points >= HIRE_POINTS) return 'hire';
  return r.points >= LEAN_HIRE_POINTS ? 'lean-hire' : 'lean-no-hire';
}

/** Two to four: for a hire, what carried it first; otherwise what held it back first. */
function chooseReasons(rating: Rating, r: Read): VerdictReason[] {
  const concerns = r.concerns.map((c) => c.reason);
  const positive = rating === 'strong-hire' || rating === 'hire';
  const first = positive ? r.strengths : concerns;
  const second = positive ? concerns : r.strengths;
  const out = [...first.slice(0, 3), ...second.slice(0, 1)];
  for (const extra of [...first.slice(3), ...second.slice(1)]) {
    if (out.length >= 2) break;
    out.push(extra);
  }
  if (out.length < 2 && r.concerns.length === 0) {
    out.push({ kind: 'strength', text: 'Nothing in the rubric holds it back: every part is there, in your own words.' });
  }
  return out.slice(0, 4);
}

function nextOf(level: Level): Level | null {
  const i = LADDER.indexOf(level);
  return i < 0 || i === LADDER.length - 1 ? null : (LADDER[i + 1] ?? null);
}

function nextLevelNeeds(input: VerdictInput, principle: Principle, next: Level, facts: StoryFacts): string {
  const then = read(input, principle, next, facts);
  const asks: string[] = [];
  if (then.concerns.some((c) => c.reason.section === 'reflection')) asks.push('name the systemic cause and what you changed in how you or the team work in the Reflection');
  if (then.concerns.some((c) => c.reason.ruleId === 'no-scope-boundary')) asks.push('say where your part ended and what you left to others');
  if (!/\btrade-?offs?\b|\binstead of\b|\brather than\b|\bgave up\b/i.test(Object.values(input.sections).join(' '))) asks.push('name the trade-off you made and what you gave up for it');
  const expectation = principle.levels[next];
  const head = asks.length > 0 ? `${next}: ${asks.slice(0, 2).join('; ')}.` : `${next}: the rubric has nothing more to ask; check the scope matches the level.`;
  return expectation ? `${head} At ${next}, ${principle.name} means: ${expectation}` : head;
}

/** The verdict for each of the story's principles (in the story's order) at `level`. */
export function judgeStory(input: VerdictInput): Verdict[] {
  const out: Verdict[] = [];
  if (input.principles.length === 0) return out;
  const facts: StoryFacts = {
    suggestions: suggestPrinciples({ title: input.title, sections: input.sections }, input.index ?? input.framework),
    measured: measuredSentence(input.sections.result, input.rubric),
    own: ownStep(input.sections.action),
  };
  for (const id of input.principles) {
    const principle = input.framework.principles.find((p) => p.id === id);
    if (!principle) continue;
    const r = read(input, principle, input.level, facts);
    const rating = rate(r);
    const next = nextOf(input.level);
    out.push({
      principle: principle.id,
      principleName: principle.name,
      level: input.level,
      rating,
      points: r.points,
      reasons: chooseReasons(rating, r),
      nextLevel: next ? { level: next, needs: nextLevelNeeds(input, principle, next, facts) } : null,
    });
  }
  return out;
}

/** The level a verdict is read at when the story names none. */
export const DEFAULT_VERDICT_LEVEL: Level = 'SDE2';

/** Ratings from best to worst, as numbers (0 best) for sorting and comparing. */
export function ratingRank(rating: Rating): number {
  return RATINGS.indexOf(rating);
}

