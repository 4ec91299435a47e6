import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStoryDatabase } from '../../electron/backend/database.ts';
import { seededRandom as random } from '../support/seeded-random.ts';
import { CRASH_MIGRATIONS } from './migration-steps.ts';

/** The schema as SQLite records it: every table, index and trigger with its SQL. */
function signature(db: Database.Database): string {
  return JSON.stringify(db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all());
}

const START_AT = CRASH_MIGRATIONS[1]?.version ?? 0;

/** A database at an early schema version holding one story, as an old install would have. */
async function oldDatabase(file: string): Promise<void> {
  const { db } = await openStoryDatabase(file, { migrations: CRASH_MIGRATIONS.filter((m) => m.version <= START_AT) });
  db.exec("INSERT INTO stories (seq, id, title, created_at, updated_at) VALUES (1, 'story-0001', 'Old story', 1, 1)");
  db.close();
}

function runChild(file: string, backupDir: string, root: string, killAfterMs: number | null): Promise<{ done: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'reliability', 'migration-child.ts'), file, backupDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let startedAt = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (startedAt === 0 && out.includes('START')) {
        startedAt = Date.now();
        if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.once('error', reject);
    child.once('exit', () => resolve({ done: out.includes('DONE'), ms: Date.now() - startedAt }));
  });
}

export interface MigrationKillFigures {
  kills: number;
  mixed: number;
  versionsSeen: number[];
  problems: string[];
}

/** Kills a migrating child `kills` times at random moments; each time the schema must match one whole version. */
export async function runMigrationKills(options: { kills: number; seed: number; root: string }): Promise<MigrationKillFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-bank-migration-crash-'));
  const next = random(options.seed + 1);
  const problems: string[] = [];
  try {
    // What each version's schema looks like when its migrations ran to completion.
    const expected = new Map<number, string>();
    for (const step of CRASH_MIGRATIONS) {
      const file = path.join(dir, `expected-${step.version}.sqlite`);
      const { db } = await openStoryDatabase(file, { migrations: CRASH_MIGRATIONS.filter((m) => m.version <= step.version) });
      expected.set(step.version, signature(db));
      db.close();
    }
    // How long a whole migration takes here, to spread the kills over it.
    const probe = path.join(dir, 'probe.sqlite');
    await oldDatabase(probe);
    const full = await runChild(probe, path.join(dir, 'probe-backups'), options.root, null);
    if (!full.done) problems.push('The migrating child did not finish when left alone.');
    const span = Math.max(50, full.ms);

    let mixed = 0;
    const seen = new Set<number>();
    for (let i = 0; i < options.kills; i++) {
      const file = path.join(dir, `kill-${i}.sqlite`);
      await oldDatabase(file);
      await runChild(file, path.join(dir, `kill-${i}-backups`), options.root, Math.floor(next() * span * 1.1));
      const db = new Database(file);
      try {
        const verdict = db.pragma('integrity_check', { simple: true });
        if (verdict !== 'ok') problems.push(`integrity_check after a kill during migration said: ${String(verdict)}`);
        const version = Number(db.pragma('user_version', { simple: true }));
        seen.add(version);
        if (expected.get(version) !== signature(db)) {
          mixed++;
          problems.push(`After a kill during migration the schema does not match version ${version} as a whole.`);
        }
        const title = db.prepare("SELECT title FROM stories WHERE id = 'story-0001'").pluck().get();
        if (title !== 'Old story') problems.push('The story stored before the migration is gone after a kill.');
      } finally {
        db.close();
      }
    }
    return { kills: options.kills, mixed, versionsSeen: [...seen].sort((a, b) => a - b), problems };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
