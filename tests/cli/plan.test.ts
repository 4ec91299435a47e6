import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/backend/data-dir.ts';
import { findChromium } from '../../electron/backend/prep-sheet/chromium-pdf.ts';
import { fullDump } from '../support/bank-dump.ts';
import { SAMPLE_STORIES, sampleDraft } from '../support/sample-stories.ts';
import { tempDir } from '../support/temp-dir.ts';

const BIN = fileURLToPath(new URL('../../bin/story-bank.mjs', import.meta.url));

const hasChromium = findChromium() !== null;
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

function run(dataDir: string, cwd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, timeout: 90_000, env: { ...process.env, STORY_BANK_DATA_DIR: dataDir, ...env } });
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

  it('refuses output options that do not go together, or a sheet it cannot make, with exit 2 and no file', () => {
    const w = bankWithSamples();
    fs.writeFileSync(path.join(w.cwd, 'loop.json'), JSON.stringify(LOOP));
    const cases: Array<[string[], RegExp, Record<string, string>?]> = [
      [['--format', 'docx', '--out', 'loop.pdf'], /--format must be pdf/],
      [['--format', 'pdf'], /--out is required with --format pdf/],
      [['--out', 'loop.pdf'], /--out goes with --format pdf/],
      [['--json', '--format', 'pdf', '--out', 'loop.pdf'], /choose one/],
      [['--format', 'pdf', '--out', 'loop.pdf', '--paper', 'tabloid'], /--paper must be a4 or letter/],
      [['--format', 'pdf', '--out', 'loop.pdf'], /Chromium|Chrome/, { STORY_BANK_CHROMIUM: '/nonexistent/chromium' }],
    ];
    for (const [extra, message, env] of cases) {
      const result = run(w.dataDir, w.cwd, ['plan', '--loop', 'loop.json', ...extra], env);
      expect(result.status, extra.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
      expect(fs.existsSync(path.join(w.cwd, 'loop.pdf'))).toBe(false);
    }
    // A bad loop file is refused before any PDF is made.
    fs.writeFileSync(path.join(w.cwd, 'bad.json'), JSON.stringify({ ...LOOP, interviewers: [{ name: 'A', principles: ['ownershp'] }] }));
    const bad = run(w.dataDir, w.cwd, ['plan', '--loop', 'bad.json', '--format', 'pdf', '--out', 'loop.pdf']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json: interviewers\[0\]\.principles\[0\]/);
    expect(fs.existsSync(path.join(w.cwd, 'loop.pdf'))).toBe(false);
  });

  it.skipIf(!hasChromium || !hasPdftotext)('--format pdf writes the loop sheet: the plan first, then a page per interviewer', () => {
    const w = bankWithSamples();
    fs.writeFileSync(path.join(w.cwd, 'loop.json'), JSON.stringify(LOOP));
    const before = fullDump(w.database);
    const result = run(w.dataDir, w.cwd, ['plan', '--loop', 'loop.json', '--format', 'pdf', '--out', 'sheets/loop.pdf', '--paper', 'letter']);
    expect(result.stderr).toContain('Making the loop sheet (US Letter)');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Wrote the loop sheet for Onsite \(2 interviewers\) to sheets\/loop\.pdf \(\d+ KB\)\.\n$/);
    const pdf = path.join(w.cwd, 'sheets', 'loop.pdf');
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/612 x 792 pts \(letter\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const pageText = (n: number) => spawnSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    // Page 1: the whole plan, every story planned, and what to fix.
    const first = pageText(1);
    expect(first).toContain('Interview loop · Onsite');
    for (const i of [0, 1, 2]) expect(first).toContain(sampleDraft(i).title);
    expect(first).toContain('What to fix');
    expect(first).toContain('Page 1 of');
    // Then each interviewer's page opens with their name; the Ownership story's card carries its key metric.
    const starts = Array.from({ length: pages }, (_, i) => pageText(i + 1).trim());
    // (The heading: the name, then how many principles they hold; a warning on the plan's pages starts "Name, ".)
    const manager = starts.findIndex((t) => /^Hiring manager \d principles?:/.test(t));
    const barRaiser = starts.findIndex((t) => /^Bar raiser BAR RAISER \d principles?:/.test(t));
    expect(manager).toBeGreaterThan(0);
    expect(barRaiser).toBeGreaterThan(manager);
    expect(starts.slice(manager, barRaiser).join(' ')).toContain(SAMPLE_STORIES[1]!.metric);
    expect(starts.slice(barRaiser).join(' ')).toMatch(/Follow-up probes to expect/i);
    expect(fullDump(w.database)).toEqual(before);
  });
});
