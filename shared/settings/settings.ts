import { z } from 'zod';
import { type CoverageTargets, DEFAULT_COVERAGE_TARGETS } from '../coverage/coverage.ts';
import { LEVELS, type Level } from '../domain/levels.ts';
import { DEFAULT_PACE_WPM, MAX_PACE_WPM, MIN_PACE_WPM } from '../domain/timing.ts';
import {
  DEFAULT_UI_STATE,
  type RuleOverrides,
  ruleOverridesSchema,
  type Theme,
  THEMES,
  type UiState,
  uiStateSchema,
} from './preferences.ts';

/**
 * App settings: a typed map from each setting key to the zod schema its value must pass and the value used when
 * nothing (or nothing valid) is stored. The backend keeps them as key -> JSON in the `settings` table.
 *
 * To add a setting: add an entry to SETTINGS, then a line to settingWriteSchema below. Nothing else changes:
 * the channels, the repository and the renderer helper are generic over the keys.
 */

export const coverageTargetsSchema = z.strictObject({
  storiesPerPrinciple: z
    .number()
    .int('Stories per principle must be a whole number.')
    .min(1, 'Aim for at least one story per principle.')
    .max(10, 'Stories per principle is at most 10.'),
  promptsPerPrinciple: z
    .number()
    .int('Prompts per principle must be a whole number.')
    .min(0, 'Prompts per principle cannot be negative.')
    .max(20, 'Prompts per principle is at most 20.'),
  maxPrinciplesPerStory: z
    .number()
    .int('Principles per story must be a whole number.')
    .min(1, 'A story should serve at least one principle.')
    .max(16, 'Principles per story is at most 16.'),
}) satisfies z.ZodType<CoverageTargets>;

interface SettingDefinition<T> {
  schema: z.ZodType<T>;
  defaultValue: T;
}

function setting<T>(schema: z.ZodType<T>, defaultValue: T): SettingDefinition<T> {
  return { schema, defaultValue };
}

export const SETTINGS = {
  /** How many stories and prompts each principle should have, and how many principles one story may serve. */
  'coverage.targets': setting<CoverageTargets>(coverageTargetsSchema, { ...DEFAULT_COVERAGE_TARGETS }),
  /** Speaking pace in words per minute: spoken-time estimates and the timing rules use it. */
  'lint.pace': setting<number>(
    z
      .number()
      .int('The pace must be a whole number of words per minute.')
      .min(MIN_PACE_WPM, `A pace below ${MIN_PACE_WPM} words per minute is too slow to be real.`)
      .max(MAX_PACE_WPM, `A pace above ${MAX_PACE_WPM} words per minute is too fast to be real.`),
    DEFAULT_PACE_WPM,
  ),
  /** Rubric rules turned off or given another severity, by rule id. */
  'lint.rules': setting<RuleOverrides>(ruleOverridesSchema, {}),
  /** The level a new story starts with (null: none). */
  'stories.defaultLevel': setting<Level | null>(z.enum(LEVELS).nullable(), null),
  /** Light, dark, or whatever the system uses. */
  'appearance.theme': setting<Theme>(z.enum(THEMES), 'system'),
  /** What the window showed last: the open story, the list's filters, hidden panels. */
  'ui.state': setting<UiState>(uiStateSchema, DEFAULT_UI_STATE),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K]['defaultValue'];
/** Every setting's value type, by key. */
export type SettingValues = { [K in SettingKey]: SettingValue<K> };

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
export const settingKeySchema = z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]);

function writeEntry<K extends SettingKey>(key: K) {
  return z.strictObject({ key: z.literal(key), value: SETTINGS[key].schema });
}

/** One setting write: the key, and a value that passes that key's schema. */
export const settingWriteSchema = z.discriminatedUnion('key', [
  writeEntry('coverage.targets'),
  writeEntry('lint.pace'),
  writeEntry('lint.rules'),
  writeEntry('stories.defaultLevel'),
  writeEntry('appearance.theme'),
  writeEntry('ui.state'),
]);

export function isSettingKey(value: string): value is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(value);
}

/**
 * The value to use for `key` given what storage holds (already JSON-parsed, undefined when nothing is stored):
 * the stored value when it passes the schema, otherwise the default. A value written by another version of the
 * app that no longer fits never breaks the app; it is simply not used.
 */
export function readSetting<K extends SettingKey>(key: K, stored: unknown): SettingValue<K> {
  const definition = SETTINGS[key] as SettingDefinition<SettingValue<K>>;
  if (stored === undefined) return structuredCloneValue(definition.defaultValue);
  const parsed = definition.schema.safeParse(stored);
  return parsed.success ? parsed.data : structuredCloneValue(definition.defaultValue);
}

/** Defaults are plain JSON data: a JSON round trip copies them, so no caller can change the shared default. */
function structuredCloneValue<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
