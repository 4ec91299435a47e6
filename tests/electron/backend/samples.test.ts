import { describe, expect, it } from 'vitest';
import { readSamples, SAMPLE_TAG } from '../../../electron/backend/samples.ts';
import { loadCompiledRubric } from '../../../electron/cli/rubric-files.ts';
import { sectionTexts } from '../../../shared/domain/story.ts';
import { analyzeStory } from '../../../shared/lint/index.ts';
import { loadAmazonFramework } from '../../shared/content/content-files.ts';

describe('the sample stories in content/samples', () => {
  const samples = readSamples();

  it('parse, are marked as samples, and refer only to principles and prompts the content has', () => {
    expect(samples.length).toBeGreaterThanOrEqual(4);
    const framework = loadAmazonFramework();
    const prompts = new Set(framework.principles.flatMap((p) => p.prompts.map((q) => q.id)));
    for (const { key, draft } of samples) {
      expect(draft.tags, key).toContain(SAMPLE_TAG);
      expect(draft.title, key).toMatch(/^Sample: /);
      expect(draft.principles.length, key).toBeGreaterThan(0);
      for (const id of draft.prompts) expect(prompts.has(id), `${key}: ${id}`).toBe(true);
    }
    expect(new Set(samples.flatMap((s) => s.draft.principles.map((p) => p.id))).size).toBeGreaterThanOrEqual(5);
  });

  it('include a strong story and weak ones, so the lint has something to show', async () => {
    const rubric = await loadCompiledRubric();
    const scores = new Map(
      samples.map(({ key, draft }) => [
        key,
        analyzeStory({ sections: sectionTexts(draft.sections), principles: draft.principles.map((p) => p.id) }, rubric).score,
      ]),
    );
    const strong = scores.get('01-deploy-pipeline') ?? 0;
    const weak = scores.get('03-migration-weak') ?? 100;
    const unfinished = scores.get('05-bad-news-incomplete') ?? 100;
    expect(strong).toBeGreaterThanOrEqual(85);
    expect(weak).toBeLessThan(strong - 30);
    expect(unfinished).toBeLessThan(strong - 20);
  });

  it('returns nothing for a folder that is not there', () => {
    expect(readSamples('/no/such/folder')).toEqual([]);
  });
});
