import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoryDraft } from '../../shared/domain/story.ts';
import type { SamplesState } from '../../shared/ipc/samples-channels.ts';
import { parseStoryMarkdown } from '../../shared/story-format/index.ts';
import type { Db } from './database.ts';
import type { StoriesRepository } from './stories-repository.ts';

/**
 * The sample stories offered on first run: Markdown story files in content/samples/ (front matter + ## sections),
 * each tagged "sample". Which stories came from a sample is kept in `sample_stories` (migration 0060), so removing
 * the samples removes exactly those stories.
 */

export const SAMPLE_TAG = 'sample';

export interface SampleStory {
  /** The file name without ".md": stable, so a sample is never added twice. */
  key: string;
  draft: StoryDraft;
}

/**
 * content/samples/ of this checkout. The same relative path holds inside the packaged app: the bundled main
 * process is dist/electron/main.cjs, two folders below the app root, like this file.
 */
export function defaultSamplesDir(): string {
  return fileURLToPath(new URL('../../content/samples/', import.meta.url));
}

/** Reads and parses every sample; a file that does not parse is an error in the app's own content. */
export function readSamples(dir: string = defaultSamplesDir()): SampleStory[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.md')).sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const parsed = parseStoryMarkdown(readFileSync(join(dir, name), 'utf8'));
    if (!parsed.ok) {
      throw new Error(`The sample story ${name} does not parse: ${parsed.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
    }
    const draft = parsed.story;
    if (!draft.tags.some((tag) => tag.toLowerCase() === SAMPLE_TAG)) draft.tags = [SAMPLE_TAG, ...draft.tags];
    return { key: name.slice(0, -'.md'.length), draft };
  });
}

export interface SamplesRepository {
  state(): SamplesState;
  /** Adds every sample not in the bank yet; returns how many were added. */
  add(): SamplesState & { added: number };
  /** Deletes every sample story for good (trash included). */
  remove(): { removed: number };
}

export function createSamplesRepository(db: Db, stories: StoriesRepository, load: () => SampleStory[] = readSamples): SamplesRepository {
  let cache: SampleStory[] | null = null;
  const samples = (): SampleStory[] => (cache ??= load());
  const selectIds = db.prepare('SELECT story_id FROM sample_stories ORDER BY rowid').pluck();
  const selectKeys = db.prepare('SELECT sample_key FROM sample_stories').pluck();
  const insert = db.prepare('INSERT INTO sample_stories (story_id, sample_key) VALUES (?, ?)');
  const removeStories = db.prepare('DELETE FROM stories WHERE id IN (SELECT story_id FROM sample_stories)');

  const state = (): SamplesState => ({ ids: selectIds.all() as string[], available: samples().length });

  const addTx = db.transaction(() => {
    const present = new Set(selectKeys.all() as string[]);
    let added = 0;
    // Newest first in the list: add the last file first, so the first file ends up on top.
    for (const sample of [...samples()].reverse()) {
      if (present.has(sample.key)) continue;
      const story = stories.create(structuredClone(sample.draft));
      insert.run(story.id, sample.key);
      added++;
    }
    return added;
  });

  return {
    state,
    add() {
      const added = addTx();
      return { ...state(), added };
    },
    remove() {
      return { removed: removeStories.run().changes };
    },
  };
}
