import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/backend/data-dir.ts';
import { fullDump } from '../support/bank-dump.ts';
import { SAMPLE_STORIES, sampleDraft } from '../support/sample-stories.ts';
import { tempDir } from '../support/temp-dir.ts';

const BIN = fileURLToPath(new URL('../../bin/story-bank.mjs', import.meta.url));

function run(dataDir: string, cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, timeout: 90_000, env: { ...process.env, STORY_BANK_DATA_DIR: dataDir } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A bank holding the three sample stories, and a folder to write loop files in. */
function bankWithSamples(): { cwd: string; dataDir: string; database: string } {
  const cwd = tempDir();
  const dataDir = path.join(tempDir(), 'data');
  SAMPLE_STORIES.forEach((s, i) => fs.writeFileSync(path.join(cwd, `sample-${i}.md`), s.markdown));
  const imported = run(dataDir, cwd, ['import', ...SAMPLE_STORIES.map((_, i) => `sample-${i}.md`)]);
  expect(imported.status).toBe(0);
  return { cwd, dataDir, database: path.join(dataDir, DATABASE_FILE) };
}

const LOOP = {
  name: 'Onsite',
  level: 'Senior',
  interviewers: [
    { name: 'Hiring manager', principles: ['ownership', 'customer-obsession'] },
    { name: 'Bar raiser', principles: ['have-backbone-disagree-and-commit', 'dive-deep'], barRaiser: true },
  ],
};

describe('story-bank plan', () => {
  it('plans a loop over the bank: each story once, slots in the file order, what is missing said with its fix', () => {
    const w = bankWithSamples();
    fs.writeFileSync(path.join(w.cwd, 'loop.json'), JSON.stringify(LOOP));
    const before = fullDump(w.database);
    const result = run(w.dataDir, w.cwd, ['plan', '--loop', 'loop.json', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const plan = JSON.parse(result.stdout) as {
      slots: Array<{ interviewer: string; principle: string; story: { id: string; title: string; rating: string } | null; backups: unknown[] }>;
      warnings: Array<{ kind: string; interviewer: string; principle: string; message: string; fix: string }>;
    };
    expect(plan.slots.map((s) => [s.interviewer, s.principle])).toEqual([
      ['Hiring manager', 'ownership'],
      ['Hiring manager', 'customer-obsession'],
      ['Bar raiser', 'have-backbone-disagree-and-commit'],
      ['Bar raiser', 'dive-deep'],
    ]);
    const titles = plan.slots.map((s) => s.story?.title ?? null);
    // Three stories, four slots: each story is told once. The checkout story reads Strong Hire for Dive Deep (its
    // secondary) but only Lean Hire for Customer Obsession (it never names the customer), so it goes to Dive Deep
    // and Customer Obsession goes without, and says so.
    expect(titles).toEqual([sampleDraft(1).title, null, sampleDraft(2).title, sampleDraft(0).title]);
    for (const slot of plan.slots) if (slot.story) expect(['strong-hire', 'hire', 'lean-hire', 'lean-no-hire', 'no-hire']).toContain(slot.story.rating);
    expect(plan.slots[3]!.story?.rating).toBe('strong-hire');
    const missing = plan.warnings.find((w) => w.principle === 'customer-obsession');
    expect(missing?.interviewer).toBe('Hiring manager');
    expect(missing?.fix.length).toBeGreaterThan(5);
    expect(fullDump(w.database)).toEqual(before);

    const text = run(w.dataDir, w.cwd, ['plan', '--loop', 'loop.json']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Plan for Onsite (Senior)');
    expect(text.stdout).toContain(`  Ownership: "${sampleDraft(1).title}"`);
    expect(text.stdout).toContain('  Customer Obsession: no story');
    expect(text.stdout).toContain('To fix:');
  });

  it.each([
    ['an unknown principle id', { ...LOOP, interviewers: [{ name: 'A', principles: ['ownershp'] }] }, /interviewers\[0\]\.principles\[0\]/],
    ['two interviewers with one name', { ...LOOP, interviewers: [{ name: 'A', principles: ['ownership'] }, { name: 'a', principles: ['dive-deep'] }] }, /interviewers\[1\]\.name: "a" is already interviewer 1/],
    ['an interviewer with no principles', { ...LOOP, interviewers: [{ name: 'A', principles: [] }] }, /interviewers\[0\]\.principles: an interviewer needs at least one principle/],
    ['13 interviewers', { ...LOOP, interviewers: Array.from({ length: 13 }, (_, i) => ({ name: `I${i}`, principles: ['ownership'] })) }, /interviewers: a loop has at most 12 interviewers/],
    ['a level that is not one', { ...LOOP, level: 'Wizard' }, /level: must be one of/],
  ])('refuses %s with exit 2, naming the field, and writes nothing', (_, loop, message) => {
    const w = bankWithSamples();
    const before = fullDump(w.database);
    fs.writeFileSync(path.join(w.cwd, 'loop.json'), JSON.stringify(loop));
    const result = run(w.dataDir, w.cwd, ['plan', '--loop', 'loop.json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('loop.json');
    expect(result.stdout).toBe('');
    expect(fullDump(w.database)).toEqual(before);
  });

  it('refuses malformed JSON, a missing file and a missing --loop with exit 2', () => {
    const w = bankWithSamples();
    fs.writeFileSync(path.join(w.cwd, 'broken.json'), '{ "name": "Onsite", ');
    const broken = run(w.dataDir, w.cwd, ['plan', '--loop', 'broken.json']);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('broken.json is not valid JSON');
    expect(run(w.dataDir, w.cwd, ['plan', '--loop', 'nowhere.json']).stderr).toContain('cannot read nowhere.json: no such file');
    const none = run(w.dataDir, w.cwd, ['plan']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('--loop is required');
  });
});
