import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../electron/backend/data-dir.ts';
import { createStoriesRepository } from '../../electron/backend/stories-repository.ts';
import { draftOf, emptyDraft, type Story, type StoryDraft } from '../../shared/domain/story.ts';
import { seededRandom as random } from '../support/seeded-random.ts';
import { crashDraft, versionOfTitle } from './crash-drafts.ts';
import { runMigrationKills } from './migration-kills.ts';

// The crash harness: a child process saves stories through the backend exactly as the app does and prints an
// acknowledgement after each committed save; it is killed with SIGKILL at random moments and restarted, and after
// every kill each acknowledged save must be there with exactly the acknowledged content, and integrity_check must
// pass. Then the same for migrations: a child migrating a database is killed mid-way, and the file must hold the
// old schema or the new one, never a mix. Usage: node scripts/reliability/crash-harness.ts [--cycles N]

const root = path.resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '50' },
    'migration-kills': { type: 'string', default: '10' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    out: { type: 'string', default: path.join(root, 'test-results', 'reliability', 'crash.json') },
  },
});
const cycles = Number(values.cycles);
const seed = Number(values.seed);
const next = random(seed);

type Kind = 'create' | 'save';
interface Acked {
  version: number;
  kind: Kind;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-bank-crash-'));
const databaseFile = path.join(dataDir, DATABASE_FILE);
const lastAck = new Map<string, Acked>();
const kindOf = new Map<number, Kind>();
let nextVersion = 1;
let acknowledged = 0;
let lost = 0;
const problems: string[] = [];

function expectedDraft(version: number): StoryDraft {
  const draft = crashDraft(version);
  return kindOf.get(version) === 'create' ? emptyDraft(draft.title) : draft;
}

interface ChildRun {
  acks: number;
  /** The call in flight when the child died: it may or may not have committed. */
  inFlight: { id: string; version: number } | null;
  exitedBy: string;
}

function runChild(delayMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'reliability', 'crash-child.ts'), dataDir, String(nextVersion)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let stderr = '';
    let acks = 0;
    let inFlight: ChildRun['inFlight'] = null;
    let timer: NodeJS.Timeout | null = null;
    const onLine = (line: string): void => {
      const [word, kind, id, v] = line.split(' ');
      if (word === 'READY') {
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      } else if (word === 'INTENT') {
        const version = Number(v);
        kindOf.set(version, kind as Kind);
        nextVersion = Math.max(nextVersion, version + 1);
        inFlight = { id: id ?? '-', version };
      } else if (word === 'ACK') {
        const version = Number(v);
        lastAck.set(id as string, { version, kind: kind as Kind });
        acks++;
        inFlight = null;
      } else if (word === 'RECOVERY') {
        problems.push(`The app started in recovery mode after a kill: ${line}`);
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let end: number;
      while ((end = buffer.indexOf('\n')) >= 0) {
        onLine(buffer.slice(0, end));
        buffer = buffer.slice(end + 1);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (buffer) onLine(buffer);
      if (signal !== 'SIGKILL') problems.push(`The saving process ended by itself (${String(code)}): ${stderr.slice(0, 500)}`);
      resolve({ acks, inFlight, exitedBy: signal ?? String(code) });
    });
  });
}

/** Every acknowledged save is there with exactly its content, or (for the call in flight) the next version. */
function verify(run: ChildRun): void {
  const db = new Database(databaseFile);
  try {
    const verdict = db.pragma('integrity_check', { simple: true });
    if (verdict !== 'ok') problems.push(`integrity_check after a kill said: ${String(verdict)}`);
    const repo = createStoriesRepository(db);
    for (const [id, acked] of lastAck) {
      let story: Story;
      try {
        story = repo.get(id);
      } catch {
        lost++;
        problems.push(`Story ${id} (acknowledged at v${acked.version}) is gone.`);
        continue;
      }
      const stored = versionOfTitle(story.title);
      const allowed = [acked.version];
      if (run.inFlight && run.inFlight.id === id) allowed.push(run.inFlight.version);
      if (stored === null || !allowed.includes(stored)) {
        lost++;
        problems.push(`Story ${id}: acknowledged v${acked.version}, found v${String(stored)}.`);
        continue;
      }
      if (JSON.stringify(draftOf(story)) !== JSON.stringify(expectedDraft(stored))) {
        lost++;
        problems.push(`Story ${id}: v${stored} is stored with different content.`);
        continue;
      }
      if (stored !== acked.version) lastAck.set(id, { version: stored, kind: kindOf.get(stored) ?? 'save' });
    }
  } finally {
    db.close();
  }
}

const started = Date.now();
for (let cycle = 1; cycle <= cycles; cycle++) {
  // Kill anywhere from the first save to well into a run of saves (and the backups running beside them).
  const delay = Math.floor(5 + next() * 600);
  const run = await runChild(delay);
  acknowledged += run.acks;
  verify(run);
}
const migration = await runMigrationKills({ kills: Number(values['migration-kills']), seed, root });
problems.push(...migration.problems);
fs.rmSync(dataDir, { recursive: true, force: true });

const figures = {
  cycles,
  acknowledgedSaves: acknowledged,
  lost,
  migrationKills: migration.kills,
  mixedSchemas: migration.mixed,
  seed,
  seconds: Math.round((Date.now() - started) / 100) / 10,
};
fs.mkdirSync(path.dirname(values.out), { recursive: true });
fs.writeFileSync(values.out, `${JSON.stringify(figures, null, 2)}\n`);
console.log(`crash harness: ${cycles} cycles, ${acknowledged} acknowledged saves, ${lost} lost (seed ${seed})`);
console.log(`crash harness: ${migration.kills} kills during migration, ${migration.mixed} mixed schemas, versions seen: ${migration.versionsSeen.join(', ')}`);
for (const problem of problems.slice(0, 20)) console.error(`  ${problem}`);
if (problems.length > 0 || acknowledged === 0) {
  console.error(acknowledged === 0 ? 'crash harness: no save was acknowledged at all.' : `crash harness: ${problems.length} problems.`);
  process.exit(1);
}
