import { isSettingKey, readSetting, SETTINGS, type SettingKey, type SettingValue } from '../../shared/settings/settings.ts';
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
  /** The value stored under a key as parsed JSON, unchecked; undefined when none is (or it is not JSON). */
  stored(key: string): unknown;
  /** Every stored setting that passes its key's schema, by key: what a whole-bank record keeps. */
  storedValid(): Record<string, unknown>;
}

export function createSettingsRepository(db: Db): SettingsRepository {
  const select = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @now)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );

  const selectAll = db.prepare('SELECT key, value FROM settings ORDER BY key');
  const parse = (raw: string | undefined): unknown => {
    if (raw === undefined) return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return undefined;
    }
  };

  return {
    get(key) {
      return readSetting(key, parse(select.get(key) as string | undefined));
    },
    stored(key) {
      return parse(select.get(key) as string | undefined);
    },
    storedValid() {
      const out: Record<string, unknown> = {};
      for (const row of selectAll.all() as Array<{ key: string; value: string }>) {
        if (!isSettingKey(row.key)) continue;
        const value = parse(row.value);
        if (value !== undefined && SETTINGS[row.key].schema.safeParse(value).success) out[row.key] = value;
      }
      return out;
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
