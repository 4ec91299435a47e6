import { readSetting, SETTINGS, type SettingKey, type SettingValue } from '../../shared/settings/settings.ts';
import { AppError } from '../../shared/ipc/result.ts';
import type { Db } from './database.ts';

/**
 * Settings over the `settings` table (migration 0030): one row per key, the value as JSON. Values are checked with
 * the key's schema from shared/settings both ways: a bad value is never written, and a stored value that does not
 * pass (hand-edited, or from another version) reads as the default.
 */
export interface SettingsRepository {
  get<K extends SettingKey>(key: K): SettingValue<K>;
  set<K extends SettingKey>(key: K, value: SettingValue<K>): void;
}

export function createSettingsRepository(db: Db): SettingsRepository {
  const select = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @now)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );

  return {
    get(key) {
      const raw = select.get(key) as string | undefined;
      let stored: unknown;
      if (raw !== undefined) {
        try {
          stored = JSON.parse(raw);
        } catch {
          stored = undefined;
        }
      }
      return readSetting(key, stored);
    },
    set(key, value) {
      const parsed = SETTINGS[key].schema.safeParse(value);
      if (!parsed.success) {
        throw new AppError('invalid-input', parsed.error.issues[0]?.message ?? `That value does not fit "${key}".`);
      }
      upsert.run({ key, value: JSON.stringify(parsed.data), now: Date.now() });
    },
  };
}
