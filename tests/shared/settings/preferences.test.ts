import { describe, expect, it } from 'vitest';
import { DEFAULT_UI_STATE, knownOverrides, ruleOverridesSchema, uiStateSchema } from '../../../shared/settings/preferences.ts';
import { readSetting, settingWriteSchema } from '../../../shared/settings/settings.ts';

describe('preference settings', () => {
  it('keeps a pace inside the plausible range', () => {
    expect(readSetting('lint.pace', undefined)).toBe(150);
    expect(settingWriteSchema.safeParse({ key: 'lint.pace', value: 165 }).success).toBe(true);
    for (const bad of [59, 301, 150.5, '150', null]) {
      expect(settingWriteSchema.safeParse({ key: 'lint.pace', value: bad }).success, String(bad)).toBe(false);
    }
    expect(readSetting('lint.pace', 9000)).toBe(150);
  });

  it('accepts rule overrides by rule id and nothing else', () => {
    expect(ruleOverridesSchema.safeParse({ hedging: 'off', 'missing-metric': 'warning' }).success).toBe(true);
    expect(ruleOverridesSchema.safeParse({ hedging: 'loud' }).success).toBe(false);
    expect(ruleOverridesSchema.safeParse({ 'Bad Id': 'off' }).success).toBe(false);
    expect(ruleOverridesSchema.safeParse({ hedging: 'positive' }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`rule-${i}`, 'off']));
    expect(ruleOverridesSchema.safeParse(many).success).toBe(false);
    expect(knownOverrides({ hedging: 'off', gone: 'error' }, new Set(['hedging']))).toEqual({ hedging: 'off' });
  });

  it('validates the theme, the default level and the remembered window state', () => {
    expect(readSetting('appearance.theme', 'dark')).toBe('dark');
    expect(readSetting('appearance.theme', 'sepia')).toBe('system');
    expect(readSetting('stories.defaultLevel', 'Senior')).toBe('Senior');
    expect(readSetting('stories.defaultLevel', 'Wizard')).toBeNull();
    expect(uiStateSchema.safeParse(DEFAULT_UI_STATE).success).toBe(true);
    const state = { ...DEFAULT_UI_STATE, lastStoryId: 'abc-12345', filter: { query: 'pager', principle: 'ownership', tag: '' } };
    expect(readSetting('ui.state', state)).toEqual(state);
    expect(readSetting('ui.state', { ...state, lastStoryId: '../etc' })).toEqual(DEFAULT_UI_STATE);
    expect(readSetting('ui.state', { ...state, extra: true })).toEqual(DEFAULT_UI_STATE);
  });
});
