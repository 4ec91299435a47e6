import type { Level } from './levels.ts';
import type { PrincipleId } from './principles.ts';
import type { SectionId } from './sections.ts';

/** One STAR section: the Lexical editor state (serialized JSON, '' when never edited) and its plain text. */
export interface StorySection {
  json: string;
  text: string;
}

export type StorySections = Record<SectionId, StorySection>;

/** How strongly a story serves a principle. */
export type PrincipleRole = 'primary' | 'secondary';

export interface PrincipleMapping {
  id: PrincipleId;
  role: PrincipleRole;
}

/** Everything the user edits on a story. */
export interface StoryDraft {
  title: string;
  sections: StorySections;
  principles: PrincipleMapping[];
  /** Ids of the prompts (interview questions from content/principles) the user says this story answers. */
  prompts: string[];
  level: Level | null;
  /** Company, team or project the story happened in. */
  context: string;
  tags: string[];
}

export interface Story extends StoryDraft {
  id: string;
  createdAt: number;
  updatedAt: number;
  /** Set when the story is in the trash. */
  deletedAt: number | null;
}

/** A row in the story list. */
export interface StorySummary {
  id: string;
  title: string;
  principles: PrincipleMapping[];
  tags: string[];
  level: Level | null;
  updatedAt: number;
  deletedAt: number | null;
  /** For search results: a short excerpt around the match, plain text. */
  snippet: string | null;
}

export const UNTITLED = 'Untitled story';

export function emptySections(): StorySections {
  return {
    situation: { json: '', text: '' },
    task: { json: '', text: '' },
    action: { json: '', text: '' },
    result: { json: '', text: '' },
    reflection: { json: '', text: '' },
  };
}

export function emptyDraft(title = ''): StoryDraft {
  return { title, sections: emptySections(), principles: [], prompts: [], level: null, context: '', tags: [] };
}

/** Plain text of each section, the input of lint, search and timing. */
export function sectionTexts(sections: StorySections): Record<SectionId, string> {
  return {
    situation: sections.situation.text,
    task: sections.task.text,
    action: sections.action.text,
    result: sections.result.text,
    reflection: sections.reflection.text,
  };
}

/** The editable part of a story (or of anything shaped like one, such as a backup record). */
export function draftOf(story: StoryDraft): StoryDraft {
  const { title, sections, principles, prompts, level, context, tags } = story;
  return { title, sections, principles, prompts, level, context, tags };
}

/** Tags are trimmed and kept once each (ignoring case), in the order the user gave them. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

/** Prompt ids kept once each, in the order the user chose them. */
export function normalizePrompts(prompts: readonly string[]): string[] {
  return [...new Set(prompts)];
}
