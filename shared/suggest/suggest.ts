import type { Framework } from '../content/principle-schema.ts';
import { SECTION_IDS, SECTION_LABELS, type SectionId } from '../domain/sections.ts';
import { buildSuggestIndex, type PhraseEntry, type SuggestIndex, type TermVector } from './suggest-index.ts';
import { isStopword, tokenize, type Token } from './tokens.ts';

/**
 * Proposes the principles and prompts a story seems to answer, from its words alone, offline and explainably:
 *
 * 1. Evidence: each principle lists weighted phrases (content/principles/*.json, "evidence"). Phrases are matched
 *    on word stems, so "fixed it without being asked" matches "without being asked" and "rolling back" matches
 *    "rolled back". A phrase counts more in Action than in Situation (SECTION_FACTORS); repeats of the same phrase
 *    add a little (REPEAT_FACTOR, at most MAX_REPEATS times); a phrase inside a longer matched phrase of the same
 *    principle does not count again.
 * 2. Similarity: TF-IDF cosine between the story's stemmed words (stopwords removed) and each prompt (its text and
 *    keywords) and each principle (all its prompts, keywords and phrases).
 *
 * A principle's score is 1 - exp(-(evidence + SIMILARITY_SCALE x similarity) / SATURATION), in [0, 1).
 * A prompt's score is PROMPT_SIMILARITY_SHARE x its similarity + the rest x its principle's score.
 */

export type EvidenceSection = SectionId | 'title';

export interface SuggestStory {
  title: string;
  /** Plain text per section; missing sections count as empty. */
  sections: Partial<Record<SectionId, string>>;
}

export interface Evidence {
  /** The evidence phrase from the content that matched. */
  phrase: string;
  /** The words as they appear in the story (section text or title). */
  text: string;
  section: EvidenceSection;
  /** Offsets into that section's text (or the title), end exclusive. */
  start: number;
  end: number;
  /** The phrase's weight in the content. */
  weight: number;
}

export interface PrincipleSuggestion {
  principleId: string;
  name: string;
  /** 0..1, higher is a stronger match. Comparable between principles of the same story. */
  score: number;
  /** Every counted phrase match, in story order (title, then sections in STAR order, then by position). */
  evidence: Evidence[];
  /** A plain-words explanation, e.g. 'Mentions "without being asked" and "root cause" in Action.' */
  why: string;
}

export interface PromptSuggestion {
  promptId: string;
  principleId: string;
  /** The prompt's text. */
  text: string;
  score: number;
  /** Words the story shares with the prompt, as the story spells them, most telling first. */
  matchedTerms: string[];
  why: string;
}

export interface SuggestOptions {
  /** Return at most this many suggestions (default: principles all, prompts 10). */
  limit?: number;
  /** Leave out suggestions scoring below this (default 0.05). */
  minScore?: number;
}

export const SECTION_FACTORS: Readonly<Record<EvidenceSection, number>> = {
  title: 0.8,
  situation: 0.6,
  task: 0.8,
  action: 1,
  result: 0.9,
  reflection: 0.7,
};
const REPEAT_FACTOR = 0.35;
const MAX_REPEATS = 3;
const SIMILARITY_SCALE = 6;
const SATURATION = 8;
const PROMPT_SIMILARITY_SHARE = 0.6;
const DEFAULT_MIN_SCORE = 0.05;
const DEFAULT_PROMPT_LIMIT = 10;
/** Below this cosine, the closest prompt is not worth mentioning in a principle's "why". */
const WHY_SIMILARITY_FLOOR = 0.15;
/** How many phrases a principle's "why" quotes. */
const WHY_PHRASES = 4;
/** A principle this strong is mentioned in a prompt's "why". */
const WHY_PRINCIPLE_FLOOR = 0.3;

const STORY_ORDER: readonly EvidenceSection[] = ['title', ...SECTION_IDS];

const indexCache = new WeakMap<Framework, SuggestIndex>();

/** The index for a framework, built once per framework object and cached. */
export function suggestIndexFor(source: Framework | SuggestIndex): SuggestIndex {
  if ('kind' in source && source.kind === 'suggest-index') return source;
  const framework = source as Framework;
  let index = indexCache.get(framework);
  if (index === undefined) {
    index = buildSuggestIndex(framework);
    indexCache.set(framework, index);
  }
  return index;
}

interface Match {
  entry: PhraseEntry;
  section: EvidenceSection;
  firstToken: number;
  lastToken: number;
  start: number;
  end: number;
}

interface Analysis {
  index: SuggestIndex;
  principles: PrincipleSuggestion[];
  /** Principle scores by principle index, including zeros. */
  principleScores: number[];
  storyVector: TermVector;
  /** stem -> the first spelling of it in the story. */
  spelling: ReadonlyMap<string, string>;
  promptSimilarity: number[];
}

function sectionText(story: SuggestStory, section: EvidenceSection): string {
  return section === 'title' ? story.title : (story.sections[section] ?? '');
}

function findMatches(tokens: readonly Token[], section: EvidenceSection, index: SuggestIndex, out: Match[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const candidates = index.phrasesByFirstStem.get((tokens[i] as Token).stem);
    if (candidates === undefined) continue;
    for (const entry of candidates) {
      const n = entry.stems.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n; k++) {
        if ((tokens[i + k] as Token).stem !== entry.stems[k]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      out.push({
        entry,
        section,
        firstToken: i,
        lastToken: i + n - 1,
        start: (tokens[i] as Token).start,
        end: (tokens[i + n - 1] as Token).end,
      });
    }
  }
}

function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, value] of small) {
    const other = large.get(term);
    if (other !== undefined) dot += value * other;
  }
  return dot;
}

function quoteList(items: readonly string[]): string {
  const quoted = items.map((s) => `"${s}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1] as string}`;
}

function sectionName(section: EvidenceSection): string {
  return section === 'title' ? 'the title' : SECTION_LABELS[section];
}

/**
 * 'Mentions "without being asked" and "root cause" in Action; "outage" in the title.': the strongest distinct
 * phrases (at most WHY_PHRASES), each named once, in the part of the story where it counts most.
 */
function explainEvidence(evidence: readonly Evidence[]): string {
  const best = new Map<string, { e: Evidence; value: number }>();
  for (const e of evidence) {
    const value = e.weight * SECTION_FACTORS[e.section];
    const current = best.get(e.phrase);
    if (current === undefined || value > current.value) best.set(e.phrase, { e, value });
  }
  const chosen = [...best.values()]
    .sort((a, b) => b.value - a.value || a.e.phrase.localeCompare(b.e.phrase))
    .slice(0, WHY_PHRASES);
  if (chosen.length === 0) return '';
  const parts: string[] = [];
  for (const section of STORY_ORDER) {
    const inSection = chosen.filter((c) => c.e.section === section);
    if (inSection.length === 0) continue;
    parts.push(`${quoteList(inSection.map((c) => c.e.text))} in ${sectionName(section)}`);
  }
  const others = best.size - chosen.length;
  const more = others > 0 ? ` (and ${others} more phrase${others === 1 ? '' : 's'})` : '';
  return `Mentions ${parts.join('; ')}${more}.`;
}

function analyze(story: SuggestStory, source: Framework | SuggestIndex): Analysis {
  const index = suggestIndexFor(source);
  const matches: Match[] = [];
  const counts = new Map<string, number>();
  const spelling = new Map<string, string>();

  for (const section of STORY_ORDER) {
    const text = sectionText(story, section);
    if (text === '') continue;
    const tokens = tokenize(text);
    findMatches(tokens, section, index, matches);
    for (const token of tokens) {
      if (isStopword(token.word) || !index.idf.has(token.stem)) continue;
      counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
      if (!spelling.has(token.stem)) spelling.set(token.stem, token.word);
    }
  }

  // Story vector over the framework's vocabulary.
  const storyVector = new Map<string, number>();
  let norm = 0;
  for (const [term, count] of counts) {
    const value = (1 + Math.log(count)) * (index.idf.get(term) as number);
    storyVector.set(term, value);
    norm += value * value;
  }
  if (norm > 0) for (const [term, value] of storyVector) storyVector.set(term, value / Math.sqrt(norm));

  // Group matches by principle; drop matches overlapping a longer one of the same principle in the same section.
  const byPrinciple: Match[][] = index.principles.map(() => []);
  for (const m of matches) (byPrinciple[m.entry.principleIndex] as Match[]).push(m);

  const promptSimilarity = index.prompts.map((p) => cosine(storyVector, p.vector));
  const principleScores: number[] = [];
  const principles: PrincipleSuggestion[] = [];

  index.principles.forEach((principle, pi) => {
    const candidates = (byPrinciple[pi] as Match[]).sort(
      (a, b) =>
        b.entry.stems.length - a.entry.stems.length ||
        STORY_ORDER.indexOf(a.section) - STORY_ORDER.indexOf(b.section) ||
        a.firstToken - b.firstToken,
    );
    const accepted: Match[] = [];
    for (const m of candidates) {
      const overlaps = accepted.some(
        (a) => a.section === m.section && a.firstToken <= m.lastToken && m.firstToken <= a.lastToken,
      );
      if (!overlaps) accepted.push(m);
    }

    // Evidence strength: the best occurrence of each phrase counts fully, a few repeats count a little.
    const contributions = new Map<string, number[]>();
    for (const m of accepted) {
      const list = contributions.get(m.entry.key) ?? [];
      list.push(m.entry.weight * SECTION_FACTORS[m.section]);
      contributions.set(m.entry.key, list);
    }
    let strength = 0;
    for (const list of contributions.values()) {
      list.sort((a, b) => b - a);
      strength += list[0] as number;
      for (const extra of list.slice(1, 1 + MAX_REPEATS)) strength += extra * REPEAT_FACTOR;
    }

    const similarity = cosine(storyVector, principle.vector);
    const raw = strength + SIMILARITY_SCALE * similarity;
    const score = Math.round((1 - Math.exp(-raw / SATURATION)) * 1000) / 1000;
    principleScores.push(score);
    if (score <= 0) return;

    accepted.sort(
      (a, b) => STORY_ORDER.indexOf(a.section) - STORY_ORDER.indexOf(b.section) || a.start - b.start,
    );
    const evidence: Evidence[] = accepted.map((m) => ({
      phrase: m.entry.phrase,
      text: sectionText(story, m.section).slice(m.start, m.end),
      section: m.section,
      start: m.start,
      end: m.end,
      weight: m.entry.weight,
    }));

    let bestPrompt = -1;
    for (const i of principle.promptIndexes) {
      if (bestPrompt === -1 || (promptSimilarity[i] as number) > (promptSimilarity[bestPrompt] as number)) bestPrompt = i;
    }
    const parts: string[] = [];
    const evidenceWhy = explainEvidence(evidence);
    if (evidenceWhy !== '') parts.push(evidenceWhy);
    if (bestPrompt >= 0 && (promptSimilarity[bestPrompt] as number) >= WHY_SIMILARITY_FLOOR) {
      parts.push(`Close in wording to "${(index.prompts[bestPrompt] as { text: string }).text}"`);
    } else if (evidenceWhy === '') {
      parts.push(`Shares some vocabulary with ${principle.name} prompts, but no key phrases.`);
    }
    principles.push({
      principleId: principle.principleId,
      name: principle.name,
      score,
      evidence,
      why: parts.join(' '),
    });
  });

  principles.sort(
    (a, b) =>
      b.score - a.score ||
      index.principles.findIndex((p) => p.principleId === a.principleId) -
        index.principles.findIndex((p) => p.principleId === b.principleId),
  );
  return { index, principles, principleScores, storyVector, spelling, promptSimilarity };
}

function limitList<T extends { score: number }>(list: T[], options: SuggestOptions, defaultLimit: number): T[] {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const filtered = list.filter((s) => s.score >= minScore);
  return filtered.slice(0, Math.max(0, options.limit ?? defaultLimit));
}

function promptSuggestions(analysis: Analysis): PromptSuggestion[] {
  const { index, storyVector, spelling, promptSimilarity, principleScores } = analysis;
  const out: PromptSuggestion[] = [];
  index.prompts.forEach((prompt, i) => {
    const similarity = promptSimilarity[i] as number;
    if (similarity <= 0) return;
    const shared: Array<{ term: string; weight: number }> = [];
    for (const [term, value] of prompt.vector) {
      const storyValue = storyVector.get(term);
      if (storyValue !== undefined) shared.push({ term, weight: value * storyValue });
    }
    shared.sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term));
    const matchedTerms = shared.map((s) => spelling.get(s.term) ?? s.term).slice(0, 8);
    const principleScore = principleScores[prompt.principleIndex] as number;
    const raw = PROMPT_SIMILARITY_SHARE * similarity + (1 - PROMPT_SIMILARITY_SHARE) * principleScore;
    const score = Math.round(raw * 1000) / 1000;
    const principle = index.principles[prompt.principleIndex] as { name: string };
    let why = `Shares ${quoteList(matchedTerms.slice(0, 4))} with this prompt`;
    why +=
      principleScore >= WHY_PRINCIPLE_FLOOR
        ? `, and the story reads strongly as ${principle.name}.`
        : '.';
    out.push({ promptId: prompt.promptId, principleId: prompt.principleId, text: prompt.text, score, matchedTerms, why });
  });
  out.sort((a, b) => b.score - a.score || a.promptId.localeCompare(b.promptId));
  return out;
}

/** The principles a story seems to show, best first. */
export function suggestPrinciples(
  story: SuggestStory,
  framework: Framework | SuggestIndex,
  options: SuggestOptions = {},
): PrincipleSuggestion[] {
  return limitList(analyze(story, framework).principles, options, Number.POSITIVE_INFINITY);
}

/** The prompts a story seems to answer, best first. */
export function suggestPrompts(
  story: SuggestStory,
  framework: Framework | SuggestIndex,
  options: SuggestOptions = {},
): PromptSuggestion[] {
  return limitList(promptSuggestions(analyze(story, framework)), options, DEFAULT_PROMPT_LIMIT);
}

/** Both lists from one pass over the story. */
export function suggest(
  story: SuggestStory,
  framework: Framework | SuggestIndex,
  options: { principles?: SuggestOptions; prompts?: SuggestOptions } = {},
): { principles: PrincipleSuggestion[]; prompts: PromptSuggestion[] } {
  const analysis = analyze(story, framework);
  return {
    principles: limitList(analysis.principles, options.principles ?? {}, Number.POSITIVE_INFINITY),
    prompts: limitList(promptSuggestions(analysis), options.prompts ?? {}, DEFAULT_PROMPT_LIMIT),
  };
}
