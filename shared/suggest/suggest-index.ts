import type { Framework } from '../content/principle-schema.ts';
import { isStopword, phraseStems, tokenize } from './tokens.ts';

/**
 * Everything the suggestion engine precomputes from a framework, so that scoring a story is one pass over its words:
 * - evidence phrases as stem sequences, indexed by their first stem;
 * - a TF-IDF vector for each prompt (its text plus its keywords) and for each principle (all its prompts,
 *   keywords and evidence phrases), over stemmed words with stopwords removed.
 */

export interface PhraseEntry {
  principleIndex: number;
  /** The phrase as written in the content. */
  phrase: string;
  weight: number;
  stems: readonly string[];
  /** stems joined by a space: two phrases with the same key match the same words. */
  key: string;
}

export type TermVector = ReadonlyMap<string, number>;

export interface PromptEntry {
  promptId: string;
  principleId: string;
  principleIndex: number;
  text: string;
  /** Unit-length TF-IDF vector. */
  vector: TermVector;
}

export interface PrincipleEntry {
  principleId: string;
  name: string;
  /** Unit-length TF-IDF vector of all the principle's prompts, keywords and evidence phrases. */
  vector: TermVector;
  /** Indexes into SuggestIndex.prompts. */
  promptIndexes: readonly number[];
}

export interface SuggestIndex {
  readonly kind: 'suggest-index';
  readonly frameworkId: string;
  readonly principles: readonly PrincipleEntry[];
  readonly prompts: readonly PromptEntry[];
  readonly phrasesByFirstStem: ReadonlyMap<string, readonly PhraseEntry[]>;
  /** Inverse document frequency of every term that appears in some prompt, keyword or phrase. */
  readonly idf: ReadonlyMap<string, number>;
}

/** Stems of the meaningful words of a text (stopwords dropped), in order, repeats kept. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) if (!isStopword(token.word)) out.push(token.stem);
  return out;
}

function termCounts(stems: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of stems) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

/** Sublinear TF times IDF, scaled to unit length. Terms without an IDF are left out. */
export function weightVector(counts: ReadonlyMap<string, number>, idf: ReadonlyMap<string, number>): Map<string, number> {
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [term, count] of counts) {
    const w = idf.get(term);
    if (w === undefined) continue;
    const value = (1 + Math.log(count)) * w;
    vector.set(term, value);
    norm += value * value;
  }
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (const [term, value] of vector) vector.set(term, value * scale);
  }
  return vector;
}

export function buildSuggestIndex(framework: Framework): SuggestIndex {
  const principles: PrincipleEntry[] = [];
  const prompts: PromptEntry[] = [];
  const phrasesByFirstStem = new Map<string, PhraseEntry[]>();

  // Documents for IDF: one per prompt (text + keywords).
  const promptDocs: string[][] = [];
  const principleDocs: string[][] = [];

  framework.principles.forEach((principle, principleIndex) => {
    const principleStems: string[] = [];
    for (const prompt of principle.prompts) {
      const stems = [...contentStems(prompt.text), ...prompt.keywords.flatMap((k) => contentStems(k))];
      promptDocs.push(stems);
      principleStems.push(...stems);
    }

    // Phrases: one entry per distinct stem sequence within a principle (the highest weight wins).
    const byKey = new Map<string, PhraseEntry>();
    for (const e of principle.evidence) {
      const stems = phraseStems(e.phrase);
      if (stems.length === 0) continue;
      const key = stems.join(' ');
      const existing = byKey.get(key);
      if (existing === undefined || existing.weight < e.weight) {
        byKey.set(key, { principleIndex, phrase: e.phrase, weight: e.weight, stems, key });
      }
      principleStems.push(...contentStems(e.phrase));
    }
    for (const entry of byKey.values()) {
      const first = entry.stems[0] as string;
      const list = phrasesByFirstStem.get(first);
      if (list === undefined) phrasesByFirstStem.set(first, [entry]);
      else list.push(entry);
    }
    principleDocs.push(principleStems);
  });

  // IDF over prompt documents; terms that only occur in evidence phrases get the highest IDF.
  const df = new Map<string, number>();
  for (const doc of promptDocs) for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
  for (const doc of principleDocs) for (const term of doc) if (!df.has(term)) df.set(term, 0);
  const n = promptDocs.length;
  const idf = new Map<string, number>();
  for (const [term, count] of df) idf.set(term, Math.log((n + 1) / (count + 1)) + 1);

  let promptIndex = 0;
  framework.principles.forEach((principle, principleIndex) => {
    const promptIndexes: number[] = [];
    for (const prompt of principle.prompts) {
      const doc = promptDocs[promptIndex] as string[];
      prompts.push({
        promptId: prompt.id,
        principleId: principle.id,
        principleIndex,
        text: prompt.text,
        vector: weightVector(termCounts(doc), idf),
      });
      promptIndexes.push(promptIndex);
      promptIndex++;
    }
    principles.push({
      principleId: principle.id,
      name: principle.name,
      vector: weightVector(termCounts(principleDocs[principleIndex] as string[]), idf),
      promptIndexes,
    });
  });

  return { kind: 'suggest-index', frameworkId: framework.id, principles, prompts, phrasesByFirstStem, idf };
}
