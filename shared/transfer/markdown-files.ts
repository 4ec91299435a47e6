import { type StoryDraft, UNTITLED } from '../domain/story.ts';
import { printStoryMarkdown } from '../story-format/story-markdown.ts';

/** File names for stories exported as Markdown: readable, portable, unique within one export. */

const MAX_SLUG = 60;

/** "Cut checkout timeouts (2023)!" -> "cut-checkout-timeouts-2023". Letters of any script are kept. */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > MAX_SLUG ? slug.slice(0, MAX_SLUG).replace(/-[^-]*$/, '') || slug.slice(0, MAX_SLUG) : slug;
  return cut === '' ? UNTITLED.toLowerCase().replace(/ /g, '-') : cut;
}

export interface MarkdownFile {
  name: string;
  content: string;
  storyId: string;
}

/** One .md file per story, in the given order; a second story with the same slug gets "-2", and so on. */
export function markdownFiles(stories: ReadonlyArray<{ id: string; draft: StoryDraft }>): MarkdownFile[] {
  const used = new Set<string>();
  return stories.map(({ id, draft }) => {
    const base = fileSlug(draft.title);
    let name = `${base}.md`;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}.md`;
    used.add(name);
    return { name, content: printStoryMarkdown(draft), storyId: id };
  });
}
