import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppBackend, openAppBackend } from '../../../electron/backend/app-backend.ts';
import { BACKUP_DIR } from '../../../electron/backend/backups.ts';
import { CHANNEL_NAMES, type ChannelName, contract } from '../../../shared/ipc/contract.ts';
import { dispatch } from '../../../shared/ipc/dispatch.ts';
import { LIMITS } from '../../../shared/ipc/schemas.ts';
import type { ErrorCode, Result } from '../../../shared/ipc/result.ts';
import { draftWith } from '../../support/drafts.ts';
import { tempDir } from '../../support/temp-dir.ts';

// Property-based fuzzing of every IPC channel's input, through the same dispatch() both hosts use: arbitrary
// values, and near-valid inputs (a valid input with one part broken). Whatever arrives: dispatch answers a Result
// (never throws), a failure carries a known code and a message a person can read, and an input refused as invalid
// changes nothing in the database or the backups folder.

const CODES: readonly ErrorCode[] = ['invalid-input', 'not-found', 'read-only', 'conflict', 'storage-full', 'storage-failed', 'unknown-channel', 'forbidden', 'internal'];
const RUNS = Number(process.env.STORY_BANK_FUZZ_RUNS ?? 60);
// A fixed seed keeps `npm test` reproducible; set STORY_BANK_FUZZ_SEED to explore other inputs.
const SEED = Number(process.env.STORY_BANK_FUZZ_SEED ?? 20_260_601);
fc.configureGlobal({ seed: SEED });

let app: AppBackend;
let dataDir: string;
let storyId = '';
let backupName = '';
const figures = { cases: 0, failures: 0, channels: 0 };

const connections = new WeakMap<object, number>();
let opened = 0;

/**
 * What a write would change: which connection is open (a restore reopens it), how many rows it has changed so far
 * (SQLite's total_changes() counts every insert, update and delete made through it; every write goes through this
 * one connection), and the files in the backups folder.
 */
function fingerprint(): string {
  const db = app.current()?.db;
  let state = 'closed';
  if (db) {
    if (!connections.has(db)) connections.set(db, ++opened);
    state = `${connections.get(db)}:${String(db.prepare('SELECT total_changes()').pluck().get())}`;
  }
  const backups = path.join(dataDir, BACKUP_DIR);
  return `${state}|${JSON.stringify(fs.existsSync(backups) ? fs.readdirSync(backups).sort() : [])}`;
}

/** A valid input for each channel, as the renderer sends it. Channels added later without one start from {}. */
function validSamples(): Partial<Record<ChannelName, unknown>> {
  const suppression = { ruleId: 'vague-outcome', section: 'result', fingerprint: 'result:vague-outcome:improved', reason: 'fine' };
  return {
    'stories.list': { query: 'retry', principle: 'ownership', tag: 'oncall', trash: false, limit: 20, offset: 0 },
    'stories.get': { id: storyId },
    'stories.create': { title: 'Fuzzed', principles: ['ownership'], prompts: ['ownership.outside-your-scope'] },
    'stories.save': { id: storyId, sessionId: 'fuzz-session-1', draft: draftWith('Saved by the fuzzer', { task: 'text' }, { tags: ['a'] }) },
    'stories.rename': { id: storyId, title: 'Renamed' },
    'stories.duplicate': { id: storyId },
    'stories.trash': { id: storyId },
    'stories.restore': { id: storyId },
    'stories.deleteForever': { id: storyId },
    'stories.emptyTrash': {},
    'tags.list': {},
    'lint.suppressions': { storyId },
    'lint.suppress': { storyId, suppression },
    'lint.unsuppress': { storyId, fingerprint: suppression.fingerprint },
    'probes.get': { storyId },
    'probes.save': { storyId, probeId: 'ownership.what-did-you-own', note: 'a note', readiness: null },
    'suggestions.dismissed': { storyId },
    'suggestions.dismiss': { storyId, kind: 'principle', id: 'ownership' },
    'suggestions.restore': { storyId, kind: 'prompt', id: 'ownership.outside-your-scope' },
    'coverage.stories': {},
    'settings.get': { key: 'lint.pace' },
    'settings.set': { key: 'lint.pace', value: 150 },
    'app.info': {},
    'backups.list': {},
    'backups.create': {},
    'backups.restore': { name: backupName },
    'recovery.status': {},
    'recovery.moveAside': {},
    'recovery.restoreBackup': { name: backupName },
    'recovery.startFresh': {},
  };
}

/** Every path into a value: [] for the value itself, then each key or index, recursively. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...paths(item, [...prefix, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...paths(item, [...prefix, key]));
  }
  return out;
}

type Mutation = { kind: 'replace'; with: unknown } | { kind: 'delete' } | { kind: 'extra'; key: string; with: unknown };

function mutate(value: unknown, at: (string | number)[], mutation: Mutation): unknown {
  if (at.length === 0) {
    if (mutation.kind === 'replace') return mutation.with;
    if (mutation.kind === 'extra' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return { ...value, [mutation.key]: mutation.with };
    }
    return undefined;
  }
  const [head, ...rest] = at;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && mutation.kind === 'delete') copy.splice(Number(head), 1);
    else copy[Number(head)] = mutate(copy[Number(head)], rest, mutation);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && mutation.kind === 'delete') delete copy[String(head)];
  else copy[String(head)] = mutate(copy[String(head)], rest, mutation);
  return copy;
}

/** Values that sit just outside what the schemas allow, and hostile ones. */
const nearValues = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    null,
    '',
    ' ',
    -1,
    0,
    1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '../../etc/passwd',
    'story-bank.sqlite',
    '__proto__',
    { __proto__: { polluted: true } },
    'x'.repeat(LIMITS.titleLength + 1),
    'x'.repeat(LIMITS.idLength + 1),
    'x'.repeat(LIMITS.tagLength + 1),
    Array.from({ length: LIMITS.tags + 1 }, (_, i) => `t${i}`),
    '\u0000\u202e<script>',
    "'; DROP TABLE stories; --",
    '"*" OR NEAR(',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const mutationArb = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), with: nearValues }),
  fc.constant({ kind: 'delete' as const }),
  fc.record({ kind: fc.constant('extra' as const), key: fc.string({ maxLength: 12 }), with: fc.jsonValue() }),
);

async function checkCall(channel: string, input: unknown): Promise<void> {
  const before = fingerprint();
  let result: Result<unknown>;
  try {
    result = await dispatch(app.handlers, channel, input);
  } catch (error) {
    figures.failures++;
    throw new Error(`dispatch threw for ${channel}: ${String(error)}`);
  }
  figures.cases++;
  const shapeOk =
    typeof result === 'object' &&
    result !== null &&
    (result.ok === true || (result.ok === false && CODES.includes(result.error.code) && typeof result.error.message === 'string' && result.error.message.trim().length > 3));
  if (!shapeOk) figures.failures++;
  expect(shapeOk, `${channel} answered ${JSON.stringify(result).slice(0, 200)}`).toBe(true);
  if (!result.ok) expect(result.error.code, `${channel}: ${result.error.message}`).not.toBe('internal');
  if (!result.ok && result.error.code === 'invalid-input') {
    const unchanged = fingerprint() === before;
    if (!unchanged) figures.failures++;
    expect(unchanged, `${channel} wrote although its input was refused`).toBe(true);
  }
}

beforeAll(async () => {
  dataDir = tempDir('story-bank-fuzz-');
  app = await openAppBackend({ dataDir, appVersion: 'fuzz', backupIntervalMs: 0 });
  const created = await dispatch(app.handlers, 'stories.create', { title: 'Fuzz target' });
  if (!created.ok) throw new Error(created.error.message);
  storyId = (created.value as { id: string }).id;
  const backup = await dispatch(app.handlers, 'backups.create', {});
  if (!backup.ok) throw new Error(backup.error.message);
  backupName = (backup.value as { name: string }).name;
});

afterAll(async () => {
  await app.close();
  const out = path.resolve(import.meta.dirname, '..', '..', '..', 'test-results', 'reliability');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'fuzz.json'), `${JSON.stringify(figures, null, 2)}\n`);
});

describe('fuzzing every IPC channel', () => {
  it('has valid samples that pass their own schemas', () => {
    for (const [channel, sample] of Object.entries(validSamples())) {
      const parsed = contract[channel as ChannelName].input.safeParse(sample);
      expect(parsed.success, `${channel}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
  });

  it.each(CHANNEL_NAMES.map((name) => [name]))('%s: arbitrary values never crash, never write when refused', async (channel) => {
    figures.channels++;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true })), (input) =>
        checkCall(channel, input),
      ),
      { numRuns: RUNS },
    );
  });

  it.each(CHANNEL_NAMES.map((name) => [name]))('%s: near-valid inputs are answered clearly', async (channel) => {
    const sample = validSamples()[channel] ?? {};
    const sites = paths(sample);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...sites), mutationArb, (site, mutation) => checkCall(channel, mutate(sample, site, mutation))),
      { numRuns: RUNS },
    );
  });

  it('answers an unknown channel clearly, without writing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.jsonValue(), async (name, input) => {
        fc.pre(!(CHANNEL_NAMES as readonly string[]).includes(name));
        const before = fingerprint();
        const result = await dispatch(app.handlers, name, input);
        figures.cases++;
        expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
        expect(fingerprint()).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });
});
