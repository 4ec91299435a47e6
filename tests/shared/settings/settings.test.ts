import { describe, expect, it } from 'vitest';
import { DEFAULT_COVERAGE_TARGETS } from '../../../shared/coverage/coverage.ts';
import {
  coverageTargetsSchema,
  isSettingKey,
  readSetting,
  SETTING_KEYS,
  SETTINGS,
  settingWriteSchema,
} from '../../../shared/settings/settings.ts';

describe('settings', () => {
  it('has a default for every key that passes its own schema', () => {
    expect(SETTING_KEYS).toContain('coverage.targets');
    for (const key of SETTING_KEYS) {
      expect(SETTINGS[key].schema.safeParse(SETTINGS[key].defaultValue).success, key).toBe(true);
    }
    expect(SETTINGS['coverage.targets'].defaultValue).toEqual(DEFAULT_COVERAGE_TARGETS);
  });

  it('accepts sensible coverage targets and refuses the rest', () => {
    expect(coverageTargetsSchema.safeParse({ storiesPerPrinciple: 2, promptsPerPrinciple: 0, maxPrinciplesPerStory: 16 }).success).toBe(true);
    for (const bad of [
      { storiesPerPrinciple: 0, promptsPerPrinciple: 3, maxPrinciplesPerStory: 4 },
      { storiesPerPrinciple: 2.5, promptsPerPrinciple: 3, maxPrinciplesPerStory: 4 },
      { storiesPerPrinciple: 2, promptsPerPrinciple: -1, maxPrinciplesPerStory: 4 },
      { storiesPerPrinciple: 2, promptsPerPrinciple: 3, maxPrinciplesPerStory: 17 },
      { storiesPerPrinciple: 2, promptsPerPrinciple: 3 },
      { storiesPerPrinciple: 2, promptsPerPrinciple: 3, maxPrinciplesPerStory: 4, extra: true },
      { storiesPerPrinciple: '2', promptsPerPrinciple: 3, maxPrinciplesPerStory: 4 },
    ]) {
      expect(coverageTargetsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('checks a write against the schema of the key it names', () => {
    const value = { storiesPerPrinciple: 3, promptsPerPrinciple: 2, maxPrinciplesPerStory: 5 };
    expect(settingWriteSchema.safeParse({ key: 'coverage.targets', value }).success).toBe(true);
    expect(settingWriteSchema.safeParse({ key: 'coverage.targets', value: { ...value, storiesPerPrinciple: 99 } }).success).toBe(false);
    expect(settingWriteSchema.safeParse({ key: 'theme', value: 'dark' }).success).toBe(false);
    expect(isSettingKey('coverage.targets')).toBe(true);
    expect(isSettingKey('__proto__')).toBe(false);
  });

  it('reads what is stored when it fits and the default otherwise', () => {
    const value = { storiesPerPrinciple: 3, promptsPerPrinciple: 2, maxPrinciplesPerStory: 5 };
    expect(readSetting('coverage.targets', value)).toEqual(value);
    expect(readSetting('coverage.targets', undefined)).toEqual(DEFAULT_COVERAGE_TARGETS);
    expect(readSetting('coverage.targets', { storiesPerPrinciple: 3 })).toEqual(DEFAULT_COVERAGE_TARGETS);
    expect(readSetting('coverage.targets', null)).toEqual(DEFAULT_COVERAGE_TARGETS);
  });
});
