import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { Level } from '../../../shared/domain/levels.ts';
import { DEFAULT_PACE_WPM } from '../../../shared/domain/timing.ts';
import type { LintOptions } from '../../../shared/lint/index.ts';
import { knownOverrides, type RuleOverrides, type Theme } from '../../../shared/settings/preferences.ts';
import { getSetting, setSetting } from '../api/settings.ts';
import { rubric } from '../lint/rubric.ts';

/**
 * The user's preferences (speaking pace, rule overrides, default level, theme), loaded once from the settings
 * channels and shared through a React context, so a change on the Settings screen shows at once in the editor.
 */

export interface Preferences {
  pace: number;
  rules: RuleOverrides;
  defaultLevel: Level | null;
  theme: Theme;
}

export const DEFAULT_PREFERENCES: Preferences = { pace: DEFAULT_PACE_WPM, rules: {}, defaultLevel: null, theme: 'system' };

interface PreferencesContextValue {
  preferences: Preferences;
  loaded: boolean;
  /** Stores one preference; the promise rejects with the backend's message when the value is refused. */
  update<K extends keyof Preferences>(key: K, value: Preferences[K]): Promise<void>;
}

const SETTING_OF = {
  pace: 'lint.pace',
  rules: 'lint.rules',
  defaultLevel: 'stories.defaultLevel',
  theme: 'appearance.theme',
} as const;

const PreferencesContext = createContext<PreferencesContextValue>({
  preferences: DEFAULT_PREFERENCES,
  loaded: false,
  update: () => Promise.resolve(),
});

/** 'light' or 'dark': the theme chosen, or the system's when following it. */
export function resolvedTheme(theme: Theme, systemDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
}

function useSystemDark(): boolean {
  const query = useMemo(() => window.matchMedia?.('(prefers-color-scheme: dark)') ?? null, []);
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = (event: MediaQueryListEvent): void => setDark(event.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  return dark;
}

export function PreferencesProvider({ children }: { children: ReactNode }): ReactNode {
  const [preferences, setPreferences] = useState<Preferences>(DEFAULT_PREFERENCES);
  const [loaded, setLoaded] = useState(false);
  const systemDark = useSystemDark();

  useEffect(() => {
    let live = true;
    Promise.all([
      getSetting('lint.pace'),
      getSetting('lint.rules'),
      getSetting('stories.defaultLevel'),
      getSetting('appearance.theme'),
    ]).then(
      ([pace, rules, defaultLevel, theme]) => {
        if (!live) return;
        setPreferences({ pace, rules, defaultLevel, theme });
        setLoaded(true);
      },
      // Without the settings (recovery mode, say) the defaults apply.
      () => live && setLoaded(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const theme = resolvedTheme(preferences.theme, systemDark);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const latest = useRef(preferences);
  latest.current = preferences;
  // Shown at once (a radio button that waits for the disk feels broken); put back if the backend refuses it.
  const update = useCallback(async <K extends keyof Preferences>(key: K, value: Preferences[K]) => {
    const previous = latest.current[key];
    setPreferences((current) => ({ ...current, [key]: value }));
    try {
      await setSetting(SETTING_OF[key], value as never);
    } catch (error) {
      setPreferences((current) => (current[key] === value ? { ...current, [key]: previous } : current));
      throw error;
    }
  }, []);

  const value = useMemo(() => ({ preferences, loaded, update }), [preferences, loaded, update]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesContextValue {
  return useContext(PreferencesContext);
}

/** The lint options the preferences imply: the pace, and overrides for rules the rubric has. */
export function useLintOptions(): Pick<LintOptions, 'pace' | 'overrides'> {
  const { pace, rules } = useContext(PreferencesContext).preferences;
  return useMemo(
    () => ({ pace, overrides: knownOverrides(rules, new Set(rubric().rules.map((rule) => rule.id))) }),
    [pace, rules],
  );
}
