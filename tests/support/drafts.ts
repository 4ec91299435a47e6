import type { SectionId } from '../../shared/domain/sections.ts';
import { emptyDraft, type StoryDraft } from '../../shared/domain/story.ts';
import { paragraphsToLexicalJson } from '../../shared/story-format/index.ts';

/** A draft whose sections hold the given plain text (JSON as Lexical stores a single paragraph). */
export function draftWith(title: string, texts: Partial<Record<SectionId, string>>, extra: Partial<StoryDraft> = {}): StoryDraft {
  const draft = emptyDraft(title);
  for (const [section, text] of Object.entries(texts) as [SectionId, string][]) {
    const json = paragraphsToLexicalJson([text]);
    draft.sections[section] = { json, text };
  }
  return { ...draft, ...extra };
}
