import { SECTION_IDS, type SectionId } from '../domain/sections.ts';
import { phraseStems, tokenize, type Token } from '../suggest/tokens.ts';

/**
 * Ticks a principle's look-fors (content/principles/<id>.json `lookFors`) on a story, for the guide panel.
 *
 * Each look-for has cues (`lookForCues`, aligned by index): short phrases a story that shows it would typically
 * contain. A cue matches case-insensitively on whole words, each word compared by its stem (shared/suggest/tokens.ts),
 * so "measured" matches "measure" and "measuring", and "follow-up" matches "followed up". The words of a cue must be
 * consecutive in the text and separated only by spaces, hyphens or a slash ("A/B") on one line: a cue never spans a
 * comma or a sentence break.
 *
 * compileLookFors does the work that does not depend on the story once; the function it returns tokenizes each
 * section once and looks cues up by their first stem, so a 1,000-word story takes a fraction of a millisecond.
 */

export interface LookForHit {
  /** The cue, as written in the content file. */
  cue: string;
  section: SectionId;
  /** Offsets into that section's text, end exclusive (UTF-16 code units, as String.prototype.slice uses). */
  start: number;
  end: number;
  /** The words of the story that matched: sections[section].slice(start, end). */
  text: string;
}

export interface LookForResult {
  lookFor: string;
  /** The first place in the story (sections in STAR order, then by offset) where one of its cues occurs. */
  hit: LookForHit | null;
}

export interface LookForSource {
  lookFors: readonly string[];
  /** lookForCues[i] holds the cues of lookFors[i]; a missing list means that look-for is never ticked. */
  lookForCues: readonly (readonly string[])[];
}

export type LookForMatcher = (sections: Readonly<Record<SectionId, string>>) => LookForResult[];

interface CompiledCue {
  cue: string;
  lookFor: number;
  /** Stems after the first one (the first is the key it is filed under). */
  rest: string[];
}

/** What may sit between two words of a cue: spaces, tabs, hyphens and a slash, nothing else (no line break). */
const WORD_GAP = /^[ \t\u00a0/\-\u2010\u2011]*$/;

/**
 * Prepares a matcher for one principle: (sections) -> one result per look-for, in the order of lookFors.
 */
export function compileLookFors(principle: LookForSource): LookForMatcher {
  const lookFors = [...principle.lookFors];
  const match = compileCues(lookFors.map((_, i) => principle.lookForCues[i] ?? []));
  return (sections) => {
    const hits = match(sections);
    return lookFors.map((lookFor, i) => ({ lookFor, hit: hits[i] ?? null }));
  };
}

/**
 * Cues with no words are ignored. When a look-for has several cues at the same place, the longer cue is reported
 * (then the one listed first).
 */
function compileCues(cues: readonly (readonly string[])[]): (sections: Readonly<Record<SectionId, string>>) => (LookForHit | null)[] {
  const count = cues.length;
  const byFirstStem = new Map<string, CompiledCue[]>();
  cues.forEach((list, i) => {
    for (const cue of list) {
      const stems = phraseStems(cue);
      const first = stems[0];
      if (first === undefined) continue;
      const filed = byFirstStem.get(first) ?? [];
      filed.push({ cue, lookFor: i, rest: stems.slice(1) });
      byFirstStem.set(first, filed);
    }
  });
  // Longest first, so at one position the longest cue of a look-for wins; the sort is stable for equal lengths.
  for (const filed of byFirstStem.values()) filed.sort((a, b) => b.rest.length - a.rest.length);

  return (sections) => {
    const hits: (LookForHit | null)[] = Array.from({ length: count }, () => null);
    let open = count;
    for (const section of SECTION_IDS) {
      if (open === 0) break;
      const text = sections[section];
      if (text === '') continue;
      const tokens = tokensOf(text);
      for (let t = 0; t < tokens.length && open > 0; t++) {
        const candidates = byFirstStem.get((tokens[t] as Token).stem);
        if (candidates === undefined) continue;
        for (const c of candidates) {
          if (hits[c.lookFor] !== null) continue;
          const last = matchRest(text, tokens, t, c.rest);
          if (last < 0) continue;
          const start = (tokens[t] as Token).start;
          const end = (tokens[last] as Token).end;
          hits[c.lookFor] = { cue: c.cue, section, start, end, text: text.slice(start, end) };
          open--;
        }
      }
    }
    return hits;
  };
}

/**
 * The guide panel runs one matcher per principle of the story over the same section texts, so the last few texts'
 * tokens are kept: each section is tokenized once per edit, not once per principle. Tokens are never mutated.
 */
const recentTokens = new Map<string, readonly Token[]>();
const RECENT_LIMIT = 12;

function tokensOf(text: string): readonly Token[] {
  const cached = recentTokens.get(text);
  if (cached !== undefined) return cached;
  const tokens = tokenize(text);
  if (recentTokens.size >= RECENT_LIMIT) {
    const oldest = recentTokens.keys().next();
    if (oldest.done !== true) recentTokens.delete(oldest.value);
  }
  recentTokens.set(text, tokens);
  return tokens;
}

/** Index of the cue's last token when the words after tokens[t] match `rest`, else -1. */
function matchRest(text: string, tokens: readonly Token[], t: number, rest: readonly string[]): number {
  let at = t;
  for (const stem of rest) {
    const next = tokens[at + 1];
    if (next === undefined || next.stem !== stem) return -1;
    if (!WORD_GAP.test(text.slice((tokens[at] as Token).end, next.start))) return -1;
    at++;
  }
  return at;
}
