import type { SectionId } from '../../shared/domain/sections.ts';
import { emptyDraft, type StoryDraft } from '../../shared/domain/story.ts';

/** A draft whose sections hold the given plain text (JSON as Lexical would store a single paragraph). */
export function draftWith(title: string, texts: Partial<Record<SectionId, string>>, extra: Partial<StoryDraft> = {}): StoryDraft {
  const draft = emptyDraft(title);
  for (const [section, text] of Object.entries(texts) as [SectionId, string][]) {
    const json = JSON.stringify({
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            children: [{ type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text }],
          },
        ],
      },
    });
    draft.sections[section] = { json, text };
  }
  return { ...draft, ...extra };
}
