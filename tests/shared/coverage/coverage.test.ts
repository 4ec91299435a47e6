import { describe, expect, it } from 'vitest';
import {
  computeCoverage,
  DEFAULT_COVERAGE_TARGETS,
  principleStatus,
  type CoverageStory,
} from '../../../shared/coverage/coverage.ts';
import { loadAmazonFramework } from '../content/content-files.ts';
import { smallFramework } from './fixture.ts';

const framework = smallFramework();

const STORIES: CoverageStory[] = [
  {
    id: 's1',
    title: 'Outage',
    principles: [
      { id: 'a', role: 'primary' },
      { id: 'b', role: 'secondary' },
    ],
    prompts: ['a.1', 'a.2', 'b.1'],
    score: 80,
  },
  {
    id: 's2',
    title: 'Mentor',
    principles: [
      { id: 'a', role: 'secondary' },
      { id: 'c', role: 'primary' },
    ],
    prompts: ['a.3', 'a.1', 'a.1'],
    score: 60,
  },
  {
    id: 's3',
    title: 'Everything story',
    principles: [
      { id: 'b', role: 'primary' },
      { id: 'c', role: 'secondary' },
      { id: 'd', role: 'secondary' },
      { id: 'e', role: 'secondary' },
      { id: 'f', role: 'secondary' },
    ],
    prompts: [],
    score: null,
  },
  {
    id: 's4',
    title: 'Old mappings',
    principles: [
      { id: 'a', role: 'secondary' },
      { id: 'zzz', role: 'primary' },
      { id: 'a', role: 'primary' },
    ],
    prompts: ['zzz.1'],
    score: 100,
  },
];

function principle(report: ReturnType<typeof computeCoverage>, id: string) {
  const found = report.principles.find((p) => p.principleId === id);
  if (found === undefined) throw new Error(`no principle ${id}`);
  return found;
}

describe('computeCoverage with the default targets', () => {
  const report = computeCoverage(STORIES, framework);

  it('uses the documented defaults', () => {
    expect(DEFAULT_COVERAGE_TARGETS).toEqual({ storiesPerPrinciple: 2, promptsPerPrinciple: 3, maxPrinciplesPerStory: 4 });
    expect(report.targets).toEqual(DEFAULT_COVERAGE_TARGETS);
  });

  it('builds the principles x stories matrix with primary and secondary marks', () => {
    expect(report.stories).toEqual([
      { id: 's1', title: 'Outage' },
      { id: 's2', title: 'Mentor' },
      { id: 's3', title: 'Everything story' },
      { id: 's4', title: 'Old mappings' },
    ]);
    expect(report.matrix.map((r) => r.principleId)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    const marks = Object.fromEntries(report.matrix.map((r) => [r.principleId, r.marks]));
    // s4 lists "a" twice: the primary role wins.
    expect(marks.a).toEqual(['primary', 'secondary', null, 'primary']);
    expect(marks.b).toEqual(['secondary', null, 'primary', null]);
    expect(marks.c).toEqual([null, 'primary', 'secondary', null]);
    expect(marks.g).toEqual([null, null, null, null]);
  });

  it('counts stories per principle and gives each a status', () => {
    const a = principle(report, 'a');
    expect([a.storyCount, a.primaryCount, a.secondaryCount, a.status]).toEqual([3, 2, 1, 'ok']);
    expect(a.stories).toEqual([
      { storyId: 's1', role: 'primary' },
      { storyId: 's2', role: 'secondary' },
      { storyId: 's4', role: 'primary' },
    ]);
    expect(principle(report, 'b').status).toBe('ok');
    expect(principle(report, 'd').status).toBe('one');
    expect(principle(report, 'g').status).toBe('none');
    expect(principle(report, 'g').storyCount).toBe(0);
  });

  it('lists the stories answering each prompt, counting a story once per prompt', () => {
    expect(principle(report, 'a').prompts).toEqual([
      { promptId: 'a.1', text: 'Prompt a.1', storyIds: ['s1', 's2'] },
      { promptId: 'a.2', text: 'Prompt a.2', storyIds: ['s1'] },
      { promptId: 'a.3', text: 'Prompt a.3', storyIds: ['s2'] },
    ]);
    expect(principle(report, 'a').promptsAnswered).toBe(3);
    expect(principle(report, 'b').promptsAnswered).toBe(1);
  });

  it('caps the prompt target at the prompts a principle has, and marks principles at target', () => {
    expect(principle(report, 'a').promptTarget).toBe(3);
    expect(principle(report, 'b').promptTarget).toBe(2);
    expect(report.principles.filter((p) => p.atTarget).map((p) => p.principleId)).toEqual(['a']);
  });

  it('lists uncovered prompts in framework order', () => {
    expect(report.uncoveredPrompts).toHaveLength(20 - 4);
    expect(report.uncoveredPrompts[0]).toEqual({ promptId: 'b.2', principleId: 'b', text: 'Prompt b.2' });
    expect(report.uncoveredPrompts.map((p) => p.promptId)).not.toContain('a.1');
  });

  it('warns about a story spread over too many principles and about ids the framework lacks', () => {
    expect(report.warnings.map((w) => [w.kind, w.storyId])).toEqual([
      ['story-spread', 's3'],
      ['unknown-principle', 's4'],
      ['unknown-prompt', 's4'],
    ]);
    const spread = report.warnings[0];
    expect(spread).toMatchObject({ kind: 'story-spread', principleCount: 5, max: 4 });
    expect(spread?.message).toMatch(/^"Everything story" is mapped to 5 principles; more than 4 /);
    expect(report.warnings[1]).toMatchObject({ id: 'zzz' });
    expect(report.warnings[2]?.message).toBe('"Old mappings" answers "zzz.1", which is not a prompt of Small Values.');
  });

  it('summarizes readiness', () => {
    expect(report.readiness).toEqual({
      principlesAtTarget: 1,
      principlesTotal: 7,
      promptsCovered: 4,
      promptsTotal: 20,
      averageScore: 80,
      scoredStories: 3,
    });
  });
});

describe('computeCoverage with custom targets', () => {
  it('applies the targets given and keeps the defaults for the rest', () => {
    const report = computeCoverage(STORIES, framework, { storiesPerPrinciple: 3, promptsPerPrinciple: 1 });
    expect(report.targets).toEqual({ storiesPerPrinciple: 3, promptsPerPrinciple: 1, maxPrinciplesPerStory: 4 });
    expect(report.principles.map((p) => p.status)).toEqual(['ok', 'below-target', 'below-target', 'one', 'one', 'one', 'none']);
    expect(report.readiness.principlesAtTarget).toBe(1);
  });

  it('counts a principle with enough stories and prompts as at target', () => {
    const report = computeCoverage(STORIES, framework, { promptsPerPrinciple: 1, maxPrinciplesPerStory: 5 });
    expect(report.principles.filter((p) => p.atTarget).map((p) => p.principleId)).toEqual(['a', 'b']);
    expect(report.warnings.some((w) => w.kind === 'story-spread')).toBe(false);
  });
});

describe('principleStatus', () => {
  it.each([
    [0, 2, 'none'],
    [1, 2, 'one'],
    [2, 3, 'below-target'],
    [2, 2, 'ok'],
    [5, 2, 'ok'],
    [1, 1, 'ok'],
    [0, 0, 'none'],
  ] as const)('%i stories against a target of %i is %s', (count, target, status) => {
    expect(principleStatus(count, target)).toBe(status);
  });
});

describe('computeCoverage edge cases', () => {
  it('reports an empty bank against the Amazon framework', () => {
    const amazon = loadAmazonFramework();
    const report = computeCoverage([], amazon);
    const promptsTotal = amazon.principles.reduce((n, p) => n + p.prompts.length, 0);
    expect(report.readiness).toEqual({
      principlesAtTarget: 0,
      principlesTotal: 16,
      promptsCovered: 0,
      promptsTotal,
      averageScore: null,
      scoredStories: 0,
    });
    expect(report.principles.every((p) => p.status === 'none')).toBe(true);
    expect(report.uncoveredPrompts).toHaveLength(promptsTotal);
    expect(report.matrix.every((r) => r.marks.length === 0)).toBe(true);
  });

  it('ignores missing and non-finite scores in the average', () => {
    const report = computeCoverage(
      [
        { id: 'x', title: 'X', principles: [], prompts: [], score: 70 },
        { id: 'y', title: 'Y', principles: [], prompts: [] },
        { id: 'z', title: '', principles: [], prompts: [], score: Number.NaN },
        { id: 'w', title: 'W', principles: [], prompts: [], score: 0 },
      ],
      framework,
    );
    expect(report.readiness.averageScore).toBe(35);
    expect(report.readiness.scoredStories).toBe(2);
  });

  it('names an untitled story plainly in warnings', () => {
    const report = computeCoverage([{ id: 'u', title: ' ', principles: [{ id: 'nope', role: 'primary' }], prompts: [] }], framework);
    expect(report.warnings[0]?.message).toMatch(/^An untitled story is mapped to "nope"/);
  });
});
