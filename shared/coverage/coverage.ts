import type { Framework } from '../content/principle-schema.ts';
import type { PrincipleRole } from '../domain/story.ts';

/**
 * How well a bank of stories covers a framework: which story serves which principle, which prompts have an
 * answer, and how far each principle is from the targets. Pure: stories' mappings in, figures out.
 */

export interface CoverageStory {
  id: string;
  title: string;
  principles: ReadonlyArray<{ id: string; role: PrincipleRole }>;
  /** Ids of the prompts this story answers. */
  prompts: readonly string[];
  /** The story's lint score, if it has one. */
  score?: number | null;
}

export interface CoverageTargets {
  /** Stories each principle should have (primary or secondary). */
  storiesPerPrinciple: number;
  /** Prompts of each principle that should have at least one answering story (capped at the prompts it has). */
  promptsPerPrinciple: number;
  /** A story mapped (primary or secondary) to more principles than this gets a warning. */
  maxPrinciplesPerStory: number;
}

export const DEFAULT_COVERAGE_TARGETS: Readonly<CoverageTargets> = Object.freeze({
  storiesPerPrinciple: 2,
  promptsPerPrinciple: 3,
  maxPrinciplesPerStory: 4,
});

/**
 * - 'none': no story serves the principle.
 * - 'one': one story, fewer than the target.
 * - 'below-target': more than one story, still fewer than the target.
 * - 'ok': at least the target (and at least one story).
 */
export type PrincipleCoverageStatus = 'none' | 'one' | 'below-target' | 'ok';

export interface PromptCoverage {
  promptId: string;
  text: string;
  /** Stories that answer the prompt, in input order. */
  storyIds: string[];
}

export interface PrincipleCoverage {
  principleId: string;
  name: string;
  /** Stories serving the principle, primary or secondary, in input order. */
  stories: Array<{ storyId: string; role: PrincipleRole }>;
  storyCount: number;
  primaryCount: number;
  secondaryCount: number;
  status: PrincipleCoverageStatus;
  prompts: PromptCoverage[];
  promptsAnswered: number;
  promptsTotal: number;
  /** The prompt target for this principle: the setting, capped at the prompts it has. */
  promptTarget: number;
  /** Story status is 'ok' and promptsAnswered >= promptTarget. */
  atTarget: boolean;
}

export interface MatrixRow {
  principleId: string;
  /** One mark per story, in the order of CoverageReport.stories. */
  marks: Array<PrincipleRole | null>;
}

export interface UncoveredPrompt {
  promptId: string;
  principleId: string;
  text: string;
}

export type CoverageWarning =
  | {
      kind: 'story-spread';
      storyId: string;
      title: string;
      principleCount: number;
      max: number;
      message: string;
    }
  | {
      kind: 'unknown-principle' | 'unknown-prompt';
      storyId: string;
      title: string;
      /** The id the story refers to that the framework does not have. */
      id: string;
      message: string;
    };

export interface CoverageReadiness {
  principlesAtTarget: number;
  principlesTotal: number;
  promptsCovered: number;
  promptsTotal: number;
  /** Average lint score over stories that have one; null when none has. */
  averageScore: number | null;
  scoredStories: number;
}

export interface CoverageReport {
  targets: CoverageTargets;
  /** Matrix columns, in input order. */
  stories: Array<{ id: string; title: string }>;
  /** Matrix rows, in framework order. */
  matrix: MatrixRow[];
  principles: PrincipleCoverage[];
  uncoveredPrompts: UncoveredPrompt[];
  warnings: CoverageWarning[];
  readiness: CoverageReadiness;
}

export function principleStatus(storyCount: number, target: number): PrincipleCoverageStatus {
  if (storyCount === 0) return 'none';
  if (storyCount >= target) return 'ok';
  return storyCount === 1 ? 'one' : 'below-target';
}

function storyLabel(story: CoverageStory): string {
  return story.title.trim() === '' ? 'An untitled story' : `"${story.title}"`;
}

export function computeCoverage(
  stories: readonly CoverageStory[],
  framework: Framework,
  targets: Partial<CoverageTargets> = {},
): CoverageReport {
  const t: CoverageTargets = { ...DEFAULT_COVERAGE_TARGETS, ...targets };
  const principleIndex = new Map(framework.principles.map((p, i) => [p.id, i]));
  const promptOwner = new Map<string, string>();
  for (const p of framework.principles) for (const q of p.prompts) promptOwner.set(q.id, p.id);

  const warnings: CoverageWarning[] = [];
  const matrix: MatrixRow[] = framework.principles.map((p) => ({
    principleId: p.id,
    marks: stories.map(() => null),
  }));
  const answeredBy = new Map<string, string[]>();

  stories.forEach((story, column) => {
    // A principle listed twice keeps its strongest role.
    const roles = new Map<string, PrincipleRole>();
    for (const mapping of story.principles) {
      if (!principleIndex.has(mapping.id)) {
        warnings.push({
          kind: 'unknown-principle',
          storyId: story.id,
          title: story.title,
          id: mapping.id,
          message: `${storyLabel(story)} is mapped to "${mapping.id}", which is not a principle of ${framework.name}.`,
        });
        continue;
      }
      if (roles.get(mapping.id) !== 'primary') roles.set(mapping.id, mapping.role);
    }
    for (const [id, role] of roles) {
      (matrix[principleIndex.get(id) as number] as MatrixRow).marks[column] = role;
    }
    if (roles.size > t.maxPrinciplesPerStory) {
      warnings.push({
        kind: 'story-spread',
        storyId: story.id,
        title: story.title,
        principleCount: roles.size,
        max: t.maxPrinciplesPerStory,
        message:
          `${storyLabel(story)} is mapped to ${roles.size} principles; more than ${t.maxPrinciplesPerStory} ` +
          'spreads one story thin. Keep the principles it shows best and find other stories for the rest.',
      });
    }
    for (const promptId of new Set(story.prompts)) {
      if (!promptOwner.has(promptId)) {
        warnings.push({
          kind: 'unknown-prompt',
          storyId: story.id,
          title: story.title,
          id: promptId,
          message: `${storyLabel(story)} answers "${promptId}", which is not a prompt of ${framework.name}.`,
        });
        continue;
      }
      const list = answeredBy.get(promptId);
      if (list === undefined) answeredBy.set(promptId, [story.id]);
      else list.push(story.id);
    }
  });

  const uncoveredPrompts: UncoveredPrompt[] = [];
  let promptsCovered = 0;
  let promptsTotal = 0;
  let principlesAtTarget = 0;

  const principles: PrincipleCoverage[] = framework.principles.map((p, row) => {
    const marks = (matrix[row] as MatrixRow).marks;
    const served: Array<{ storyId: string; role: PrincipleRole }> = [];
    marks.forEach((role, column) => {
      if (role !== null) served.push({ storyId: (stories[column] as CoverageStory).id, role });
    });
    const primaryCount = served.filter((s) => s.role === 'primary').length;
    const prompts: PromptCoverage[] = p.prompts.map((q) => ({
      promptId: q.id,
      text: q.text,
      storyIds: [...(answeredBy.get(q.id) ?? [])],
    }));
    for (const q of prompts) {
      if (q.storyIds.length === 0) uncoveredPrompts.push({ promptId: q.promptId, principleId: p.id, text: q.text });
    }
    const promptsAnswered = prompts.filter((q) => q.storyIds.length > 0).length;
    const promptTarget = Math.min(t.promptsPerPrinciple, prompts.length);
    const status = principleStatus(served.length, t.storiesPerPrinciple);
    const atTarget = status === 'ok' && promptsAnswered >= promptTarget;
    if (atTarget) principlesAtTarget++;
    promptsCovered += promptsAnswered;
    promptsTotal += prompts.length;
    return {
      principleId: p.id,
      name: p.name,
      stories: served,
      storyCount: served.length,
      primaryCount,
      secondaryCount: served.length - primaryCount,
      status,
      prompts,
      promptsAnswered,
      promptsTotal: prompts.length,
      promptTarget,
      atTarget,
    };
  });

  const scores = stories
    .map((s) => s.score)
    .filter((s): s is number => typeof s === 'number' && Number.isFinite(s));
  const averageScore = scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;

  return {
    targets: t,
    stories: stories.map((s) => ({ id: s.id, title: s.title })),
    matrix,
    principles,
    uncoveredPrompts,
    warnings,
    readiness: {
      principlesAtTarget,
      principlesTotal: framework.principles.length,
      promptsCovered,
      promptsTotal,
      averageScore,
      scoredStories: scores.length,
    },
  };
}
