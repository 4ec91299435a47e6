import { SECTION_IDS, type SectionId } from './sections.ts';
import type { StoryDraft } from './story.ts';
import { diffWords, type WordDiff } from './word-diff.ts';

/** One state of a story in its history: the live state (id null) or the last state of an earlier session. */
export interface StoryRevision {
  /** null for the live state. */
  id: number | null;
  sessionId: string;
  savedAt: number;
  draft: StoryDraft;
}

export interface DraftDiff {
  title: WordDiff;
  sections: Record<SectionId, WordDiff>;
  /** Sections whose text differs. */
  changed: SectionId[];
}

/** What changed between two drafts, word by word: the title and each section's plain text. */
export function diffDrafts(before: StoryDraft, after: StoryDraft): DraftDiff {
  const sections = {} as Record<SectionId, WordDiff>;
  const changed: SectionId[] = [];
  for (const id of SECTION_IDS) {
    const diff = diffWords(before.sections[id].text, after.sections[id].text);
    sections[id] = diff;
    if (diff.parts.some((p) => p.kind !== 'same')) changed.push(id);
  }
  return { title: diffWords(before.title, after.title), sections, changed };
}
