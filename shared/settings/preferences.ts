import { z } from 'zod';
import type { RuleOverride } from '../lint/engine.ts';

/** Schemas and defaults of the user's preferences (settings.ts registers them as settings). */

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Rules the user turned off or moved to another severity; rules not listed keep the rubric's own. */
export type RuleOverrides = Record<string, RuleOverride>;

/** More than every rule of the rubric, so only a hand-edited value reaches it. */
export const MAX_RULE_OVERRIDES = 300;

export const ruleOverridesSchema: z.ZodType<RuleOverrides> = z
  .record(
    z.string().max(80).regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'A rule id is lower-case words joined by "-".'),
    z.enum(['off', 'error', 'warning', 'suggestion']),
  )
  .refine((value) => Object.keys(value).length <= MAX_RULE_OVERRIDES, `At most ${MAX_RULE_OVERRIDES} rule overrides.`);

export interface ListFilterState {
  query: string;
  principle: string;
  tag: string;
}

export interface UiState {
  /** The story open when the app was last used. */
  lastStoryId: string | null;
  filter: ListFilterState;
  sidebarHidden: boolean;
  lintHidden: boolean;
}

export const DEFAULT_UI_STATE: UiState = {
  lastStoryId: null,
  filter: { query: '', principle: '', tag: '' },
  sidebarHidden: false,
  lintHidden: false,
};

export const uiStateSchema: z.ZodType<UiState> = z.strictObject({
  lastStoryId: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .nullable(),
  filter: z.strictObject({
    query: z.string().max(500),
    principle: z.string().max(80),
    tag: z.string().max(40),
  }),
  sidebarHidden: z.boolean(),
  lintHidden: z.boolean(),
});

/** The overrides with every rule id the rubric does not have left out (rules get renamed or removed). */
export function knownOverrides(overrides: RuleOverrides, ruleIds: ReadonlySet<string>): RuleOverrides {
  const out: RuleOverrides = {};
  for (const [id, value] of Object.entries(overrides)) if (ruleIds.has(id)) out[id] = value;
  return out;
}
