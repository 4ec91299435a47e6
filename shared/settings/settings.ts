import { z } from 'zod';
import { type CoverageTargets, DEFAULT_COVERAGE_TARGETS } from '../coverage/coverage.ts';

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
export const settingWriteSchema = z.discriminatedUnion('key', [writeEntry('coverage.targets')]);

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
