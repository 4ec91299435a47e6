import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFileId, safeParseFramework, type ContentFile } from '../../../shared/content/load.ts';
import { CONTENT_LIMITS } from '../../../shared/content/principle-schema.ts';
import { sectionTexts } from '../../../shared/domain/story.ts';
import { compileLookFors } from '../../../shared/lint/look-fors.ts';
import { parseStoryMarkdown } from '../../../shared/story-format/story-markdown.ts';
import { phraseStems } from '../../../shared/suggest/tokens.ts';
import { CONTENT_DIR, loadAmazonFramework, readFrameworkData, readJsonFiles } from './content-files.ts';

const FRAMEWORK_FILE = 'content/frameworks/amazon-lp.json';
/** The evidence-phrase rule (principle-schema.ts PHRASE): plain words joined by spaces, hyphens or apostrophes. */
const PHRASE = /^[\p{L}\p{N}]+(?:[\s'’-]+[\p{L}\p{N}]+)*$/u;
/** Words nearly every story holds; a cue of one of these alone would tick the look-for on any story. */
const TOO_COMMON = new Set(['i', 'we', 'team', 'project', 'customer', 'customers', 'user', 'users', 'work', 'worked', 'the', 'it', 'made', 'did', 'time', 'then']);

describe('look-for cues in the shipped content', () => {
  const framework = loadAmazonFramework();

  describe.each(framework.principles.map((p) => [p.id, p] as const))('%s', (_id, principle) => {
    it('has one list of cues for every look-for', () => {
      expect(principle.lookForCues.length).toBe(principle.lookFors.length);
      principle.lookForCues.forEach((cues, i) => {
        expect(cues.length, `look-for ${i + 1}`).toBeGreaterThanOrEqual(CONTENT_LIMITS.lookForCues.min);
        expect(cues.length, `look-for ${i + 1}`).toBeLessThanOrEqual(CONTENT_LIMITS.lookForCues.max);
      });
    });

    it('has cues that are plain phrases, none too common, none repeating another once stemmed', () => {
      principle.lookForCues.forEach((cues, i) => {
        const seen = new Map<string, string>();
        for (const cue of cues) {
          expect(cue, `look-for ${i + 1}`).toMatch(PHRASE);
          expect(cue.length, cue).toBeLessThanOrEqual(60);
          expect(TOO_COMMON.has(cue.toLowerCase()), `"${cue}" alone is in almost every story`).toBe(false);
          const key = phraseStems(cue).join(' ');
          expect(seen.get(key), `look-for ${i + 1}: "${cue}" matches the same words as "${seen.get(key)}"`).toBeUndefined();
          seen.set(key, cue);
        }
      });
    });
  });
});

describe('the loader checks lookForCues against lookFors', () => {
  const frameworkData = readFrameworkData('amazon-lp');

  /** The real content with the Ownership file changed, and what the loader says about it. */
  function problemsWith(change: (data: { lookFors: string[]; lookForCues?: unknown }) => void): string[] {
    const files: ContentFile[] = readJsonFiles('principles').map((file) => {
      if (contentFileId(file.name) !== 'ownership') return file;
      const data = structuredClone(file.data) as { lookFors: string[]; lookForCues?: unknown };
      change(data);
      return { name: file.name, data };
    });
    const result = safeParseFramework(frameworkData, files, FRAMEWORK_FILE);
    return result.ok ? [] : result.issues.map((i) => `${i.file}: ${i.path}: ${i.message}`);
  }

  it('names the file and the look-for that has no cues when a list is missing', () => {
    expect(
      problemsWith((d) => {
        d.lookForCues = (d.lookForCues as string[][]).slice(0, 4);
      }),
    ).toEqual([
      'content/principles/ownership.json: lookForCues: has 4 lists of cues for 5 look-fors: look-for 5 ("You brought in the right people without handing…") has no cues.',
    ]);
  });

  it('names each extra list when there are more lists than look-fors', () => {
    expect(
      problemsWith((d) => {
        const cues = d.lookForCues as string[][];
        d.lookForCues = [...cues, ['extra one', 'extra two', 'extra three'], ['more one', 'more two', 'more three']];
      }),
    ).toEqual([
      'content/principles/ownership.json: lookForCues[5]: has 7 lists of cues for 5 look-fors: list 6 belongs to no look-for.',
      'content/principles/ownership.json: lookForCues[6]: has 7 lists of cues for 5 look-fors: list 7 belongs to no look-for.',
    ]);
  });

  it('counts look-fors from 1 when a list is too short or a cue is not a plain phrase', () => {
    expect(
      problemsWith((d) => {
        const cues = d.lookForCues as string[][];
        cues[1] = ['root cause', 'runbook'];
        cues[2] = ['long term', 'tech debt!', ' shortcut', 'x'.repeat(61)];
      }),
    ).toEqual([
      'content/principles/ownership.json: lookForCues[1]: look-for 2 has 2 cues; it needs 3 to 14.',
      'content/principles/ownership.json: lookForCues[2][1]: look-for 3, cue 2 ("tech debt!") must be plain words: letters, digits, spaces, hyphens and apostrophes.',
      'content/principles/ownership.json: lookForCues[2][2]: look-for 3, cue 3 (" shortcut") must be plain words: letters, digits, spaces, hyphens and apostrophes.',
      `content/principles/ownership.json: lookForCues[2][3]: look-for 3, cue 4 ("${'x'.repeat(61)}") is longer than 60 characters.`,
    ]);
  });

  it('reports a cue listed twice for one look-for', () => {
    expect(
      problemsWith((d) => {
        const first = (d.lookForCues as string[][])[0] ?? [];
        first[first.length - 1] = 'Stepped  In';
      }),
    ).toEqual([
      'content/principles/ownership.json: lookForCues[0][13]: look-for 1 ("You picked up something outside your formal…") lists the cue "Stepped  In" twice.',
    ]);
  });

  it('requires the field', () => {
    expect(
      problemsWith((d) => {
        delete d.lookForCues;
      }),
    ).toEqual(['content/principles/ownership.json: lookForCues: lookForCues must be a list with one list of cues per look-for.']);
  });
});

describe('the loader checks pitfallRules against pitfalls', () => {
  const frameworkData = readFrameworkData('amazon-lp');
  function problemsWith(change: (data: { pitfallRules?: unknown }) => void): string[] {
    const files: ContentFile[] = readJsonFiles('principles').map((file) => {
      if (contentFileId(file.name) !== 'ownership') return file;
      const data = structuredClone(file.data) as { pitfallRules?: unknown };
      change(data);
      return { name: file.name, data };
    });
    const result = safeParseFramework(frameworkData, files, FRAMEWORK_FILE);
    return result.ok ? [] : result.issues.map((i) => `${i.file}: ${i.path}: ${i.message}`);
  }

  it('accepts the shipped file', () => {
    expect(problemsWith(() => undefined)).toEqual([]);
  });

  it('needs one list per pitfall, of rule ids', () => {
    expect(problemsWith((d) => void (d.pitfallRules = [[], ['blame-others']]))).toEqual([
      'content/principles/ownership.json: pitfallRules: has 2 lists of rule ids for 4 pitfalls; each pitfall needs one (an empty list when no rule tells it).',
    ]);
    expect(problemsWith((d) => void (d.pitfallRules = [[], [], [], ['Blame Others']]))).toEqual([
      'content/principles/ownership.json: pitfallRules[3][0]: A rule id must be lower-case words joined by "-" (for example "missing-metric").',
    ]);
    expect(problemsWith((d) => void delete d.pitfallRules)).toEqual([
      'content/principles/ownership.json: pitfallRules: pitfallRules must be a list with one list of rule ids per pitfall.',
    ]);
  });
});

describe('the cues on the labeled corpus (tests/fixtures/labeled-stories)', () => {
  const framework = loadAmazonFramework();
  const matchers = new Map(framework.principles.map((p) => [p.id as string, compileLookFors(p)]));
  const dir = join(CONTENT_DIR, '..', 'tests', 'fixtures', 'labeled-stories');
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, { label: 'strong' | 'weak' }>;
  const stories = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((file) => {
      const parsed = parseStoryMarkdown(readFileSync(join(dir, file), 'utf8'));
      if (!parsed.ok) throw new Error(`${file} does not parse`);
      const label = labels[file]?.label;
      if (label === undefined) throw new Error(`${file} has no label`);
      return { file, label, story: parsed.story, texts: sectionTexts(parsed.story.sections) };
    });
  /** Share of a principle's look-fors that a story ticks. */
  const ticked = (principleId: string, texts: (typeof stories)[number]['texts']): number => {
    const results = matchers.get(principleId)?.(texts) ?? [];
    return results.filter((r) => r.hit !== null).length / Math.max(1, results.length);
  };

  it('ticks at least one look-for of each principle a strong story is filed under', () => {
    const strong = stories.filter((s) => s.label === 'strong');
    expect(strong.length).toBeGreaterThanOrEqual(15);
    const unticked: string[] = [];
    for (const s of strong) {
      for (const mapping of s.story.principles.filter((m) => m.role === 'primary')) {
        if (ticked(mapping.id, s.texts) === 0) unticked.push(`${s.file}: ${mapping.id}`);
      }
    }
    expect(unticked).toEqual([]);
  });

  it('ticks a story’s own principles more often than the others', () => {
    let own = 0;
    let ownCount = 0;
    let other = 0;
    let otherCount = 0;
    for (const s of stories) {
      const mine = new Set<string>(s.story.principles.map((m) => m.id));
      for (const id of matchers.keys()) {
        if (mine.has(id)) {
          own += ticked(id, s.texts);
          ownCount++;
        } else {
          other += ticked(id, s.texts);
          otherCount++;
        }
      }
    }
    expect(own / ownCount).toBeGreaterThan((1.5 * other) / otherCount);
  });
});
