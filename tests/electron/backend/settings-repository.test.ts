import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Db, openStoryDatabase } from '../../../electron/backend/database.ts';
import { createSettingsRepository, type SettingsRepository } from '../../../electron/backend/settings-repository.ts';
import { DEFAULT_COVERAGE_TARGETS } from '../../../shared/coverage/coverage.ts';
import { tempDir } from '../../support/temp-dir.ts';

let db: Db;
let settings: SettingsRepository;

beforeEach(async () => {
  ({ db } = await openStoryDatabase(path.join(tempDir(), 'bank.sqlite')));
  settings = createSettingsRepository(db);
  return () => db.close();
});

const stored = (key: string): unknown => db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key);

describe('settings repository', () => {
  it('answers the default until a value is saved, then the saved value', () => {
    expect(settings.get('coverage.targets')).toEqual(DEFAULT_COVERAGE_TARGETS);
    expect(stored('coverage.targets')).toBeUndefined();
    settings.set('coverage.targets', { storiesPerPrinciple: 3, promptsPerPrinciple: 2, maxPrinciplesPerStory: 5 });
    expect(settings.get('coverage.targets')).toEqual({ storiesPerPrinciple: 3, promptsPerPrinciple: 2, maxPrinciplesPerStory: 5 });
    settings.set('coverage.targets', { storiesPerPrinciple: 1, promptsPerPrinciple: 0, maxPrinciplesPerStory: 2 });
    expect(settings.get('coverage.targets')).toEqual({ storiesPerPrinciple: 1, promptsPerPrinciple: 0, maxPrinciplesPerStory: 2 });
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(1);
  });

  it('never writes a value that does not fit the setting', () => {
    settings.set('coverage.targets', { storiesPerPrinciple: 3, promptsPerPrinciple: 2, maxPrinciplesPerStory: 5 });
    const before = stored('coverage.targets');
    const bad = { storiesPerPrinciple: 0, promptsPerPrinciple: 2, maxPrinciplesPerStory: 5 };
    expect(() => settings.set('coverage.targets', bad)).toThrow(/at least one story/);
    expect(stored('coverage.targets')).toBe(before);
  });

  it('reads a stored value that no longer fits (or is not JSON it expects) as the default', () => {
    const put = db.prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('coverage.targets', ?, 1)");
    put.run(JSON.stringify({ storiesPerPrinciple: 'many' }));
    expect(settings.get('coverage.targets')).toEqual(DEFAULT_COVERAGE_TARGETS);
    put.run(JSON.stringify([1, 2, 3]));
    expect(settings.get('coverage.targets')).toEqual(DEFAULT_COVERAGE_TARGETS);
    // A default handed out is a copy: changing it changes nothing for the next reader.
    const copy = settings.get('coverage.targets');
    copy.storiesPerPrinciple = 9;
    expect(settings.get('coverage.targets')).toEqual(DEFAULT_COVERAGE_TARGETS);
  });
});
