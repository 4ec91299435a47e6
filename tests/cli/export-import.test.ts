import { spawnSync } from 'node:child_process';
import { zipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/backend/prep-sheet/chromium-pdf.ts';
import { DATABASE_FILE } from '../../electron/backend/data-dir.ts';
import { utf8Encode } from '../../shared/transfer/utf8.ts';
import { printStoryMarkdown } from '../../shared/story-format/story-markdown.ts';
import { createZip } from '../../shared/transfer/zip.ts';
import { contentDump, fullDump } from '../support/bank-dump.ts';
import { SAMPLE_STORIES, sampleDraft } from '../support/sample-stories.ts';
import { tempDir } from '../support/temp-dir.ts';

const BIN = fileURLToPath(new URL('../../bin/story-bank.mjs', import.meta.url));
const hasChromium = findChromium() !== null;
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

function run(dataDir: string, cwd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd,
    timeout: 90_000,
    env: { ...process.env, STORY_BANK_DATA_DIR: dataDir, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A working folder with the sample stories as Markdown files, and an empty data folder. */
function workspace(): { cwd: string; dataDir: string; database: string } {
  const cwd = tempDir();
  const dataDir = path.join(tempDir(), 'data');
  fs.mkdirSync(path.join(cwd, 'stories'));
  SAMPLE_STORIES.forEach((s, i) => fs.writeFileSync(path.join(cwd, 'stories', `sample-${i}.md`), s.markdown));
  return { cwd, dataDir, database: path.join(dataDir, DATABASE_FILE) };
}

function importSamples(w: ReturnType<typeof workspace>): void {
  const result = run(w.dataDir, w.cwd, ['import', ...SAMPLE_STORIES.map((_, i) => `stories/sample-${i}.md`)]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}

describe('story-bank import', () => {
  it('imports Markdown stories into the bank STORY_BANK_DATA_DIR names, showing what it does', () => {
    const w = workspace();
    const result = run(w.dataDir, w.cwd, ['import', 'stories/sample-0.md', 'stories/sample-1.md', 'stories/sample-2.md']);
    expect(result.status).toBe(0);
    for (const [i] of SAMPLE_STORIES.entries()) expect(result.stdout).toContain(`add     "${sampleDraft(i).title}"  [stories/sample-${i}.md]`);
    expect(result.stdout).toContain('3 added, 0 replaced, 0 unchanged');
    const dump = contentDump(w.database) as { stories: Array<{ title: string }> };
    expect(dump.stories.map((s) => s.title).sort()).toEqual(SAMPLE_STORIES.map((_, i) => sampleDraft(i).title).sort());
  });

  it('reads a folder of Markdown files and a zip of them; --dry-run writes nothing', () => {
    const w = workspace();
    importSamples(w);
    const before = fullDump(w.database);
    const again = run(w.dataDir, w.cwd, ['import', 'stories']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('0 added, 0 replaced, 3 unchanged');
    fs.writeFileSync(
      path.join(w.cwd, 'stories.zip'),
      createZip([
        ...SAMPLE_STORIES.map((s, i) => ({ name: `sample-${i}.md`, data: utf8Encode(s.markdown.replace('0.4%', '0.2%')) })),
        { name: '__MACOSX/._sample-0.md', data: utf8Encode('resource fork') },
        { name: 'README.txt', data: utf8Encode('not a story') },
      ]),
    );
    const dry = run(w.dataDir, w.cwd, ['import', '--dry-run', 'stories.zip']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/replace +"Cut checkout timeouts during the holiday sale" \(replaces "Cut checkout timeouts during the holiday sale", same title\) +\[stories\.zip\/sample-0\.md\]/);
    expect(dry.stdout).toContain('Dry run, nothing written. Would import: 0 to add, 1 to replace, 2 unchanged.');
    // What the archive holds besides stories is named, not dropped silently.
    expect(dry.stdout).toContain('  skip    stories.zip/__MACOSX/._sample-0.md (macOS metadata)\n');
    expect(dry.stdout).toContain('  skip    stories.zip/README.txt (not a Markdown file)\n');
    // Importing unchanged files and a dry run leave every row as it was (a start-up style backup may be written beside it).
    expect(fullDump(w.database)).toEqual(before);
  });

  it('refuses a zip with an entry name pointing outside it, exit status 2, and imports nothing', () => {
    const w = workspace();
    importSamples(w);
    const before = fullDump(w.database);
    const evil = zipSync({ 'new.md': utf8Encode(SAMPLE_STORIES[0]!.markdown.replace('title: Cut', 'title: Another')), '../evil.md': utf8Encode('x') });
    fs.writeFileSync(path.join(w.cwd, 'evil.zip'), evil);
    const result = run(w.dataDir, w.cwd, ['import', 'evil.zip']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('evil.zip: "../evil.md" points outside the archive (..)');
    expect(result.stderr).toContain('Nothing was imported');
    expect(fullDump(w.database)).toEqual(before);
  });

  it('refuses a bad file with its name, line and problem, exit status 2, and imports nothing', () => {
    const w = workspace();
    importSamples(w);
    const before = fullDump(w.database);
    fs.writeFileSync(path.join(w.cwd, 'bad.md'), '---\ntitle: Bad\nprinciples: [customer-obsesion]\n---\n\n## Situation\n\nText.\n');
    fs.writeFileSync(path.join(w.cwd, 'new.md'), SAMPLE_STORIES[0]!.markdown.replace('title: Cut', 'title: Another'));
    const bad = run(w.dataDir, w.cwd, ['import', 'new.md', 'bad.md']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('bad.md, line 3: "customer-obsesion" is not a principle id; did you mean "customer-obsession"?');
    expect(bad.stderr).toContain('Nothing was imported');
    expect(bad.stdout).toBe('');
    const missing = run(w.dataDir, w.cwd, ['import', 'new.md', 'nowhere.md']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read nowhere.md: no such file');
    fs.writeFileSync(path.join(w.cwd, 'latin1.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]));
    const binary = run(w.dataDir, w.cwd, ['import', 'latin1.md']);
    expect(binary.status).toBe(2);
    expect(binary.stderr).toContain('latin1.md: not valid UTF-8 text');
    expect(fullDump(w.database)).toEqual(before);
  });
});

describe('story-bank import refuses what a save would refuse', () => {
  it('a 100,000-character title or 5,000 tags: exit status 2, the file, story and field named, nothing imported', () => {
    const w = workspace();
    importSamples(w);
    const before = fullDump(w.database);
    const draft = sampleDraft(1);
    fs.writeFileSync(path.join(w.cwd, 'notes.md'), printStoryMarkdown({ ...draft, title: 'N'.repeat(100_000) }));
    fs.writeFileSync(path.join(w.cwd, 'tags.md'), printStoryMarkdown({ ...draft, title: 'Tagged', tags: Array.from({ length: 5000 }, (_, i) => `t${i}`) }));
    fs.writeFileSync(path.join(w.cwd, 'fine.md'), printStoryMarkdown({ ...draft, title: 'A fine new one' }));
    const bad = run(w.dataDir, w.cwd, ['import', 'fine.md', 'notes.md', 'tags.md']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`notes.md: story "${'N'.repeat(59)}…": title: A title is at most 300 characters.`);
    expect(bad.stderr).toContain('tags.md: story "Tagged": tags: A story has at most 30 tags.');
    expect(bad.stderr).toContain('Nothing was imported');
    expect(fullDump(w.database)).toEqual(before);
  });
});

describe('story-bank export', () => {
  it('--format md writes one file per story; importing them back changes nothing', () => {
    const w = workspace();
    importSamples(w);
    const out = run(w.dataDir, w.cwd, ['export', '--format', 'md', '--out', 'exported']);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('Wrote 3 Markdown stories');
    const names = fs.readdirSync(path.join(w.cwd, 'exported')).sort();
    expect(names).toEqual([
      'cut-checkout-timeouts-during-the-holiday-sale.md',
      'disagreed-about-a-rewrite-and-committed-to-the-plan.md',
      'rebuilt-the-ci-pipeline-nobody-owned.md',
    ]);
    const before = fullDump(w.database);
    const back = run(w.dataDir, w.cwd, ['import', ...names.map((n) => path.join('exported', n))]);
    expect(back.stdout).toContain('0 added, 0 replaced, 3 unchanged');
    expect(fullDump(w.database)).toEqual(before);
  });

  it('--format json writes a full backup that rebuilds the same bank elsewhere', () => {
    const w = workspace();
    importSamples(w);
    const out = run(w.dataDir, w.cwd, ['export', '--format', 'json', '--out', 'backup.json']);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/Wrote a backup of 3 stories/);
    const other = path.join(tempDir(), 'other');
    const restored = run(other, w.cwd, ['import', 'backup.json']);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain('3 added');
    expect(contentDump(path.join(other, DATABASE_FILE))).toEqual(contentDump(w.database));
  });

  it('refuses bad options and a missing bank with exit status 2', () => {
    const w = workspace();
    expect(run(w.dataDir, w.cwd, ['export', '--format', 'md', '--out', 'x'])).toMatchObject({ status: 2, stderr: expect.stringContaining('there is no story bank in') });
    importSamples(w);
    expect(run(w.dataDir, w.cwd, ['export', '--format', 'docx', '--out', 'x'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--format must be pdf, md or json') });
    expect(run(w.dataDir, w.cwd, ['export', '--format', 'pdf'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--out is required') });
    expect(run(w.dataDir, w.cwd, ['export', '--format', 'pdf', '--out', 'a.pdf', '--layout', 'tiny'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--layout must be compact or full') });
    expect(run(w.dataDir, w.cwd, ['export', '--format', 'pdf', '--out', 'a.pdf', '--principle', 'ownrship'])).toMatchObject({ status: 2, stderr: expect.stringContaining('is not a principle id') });
  });

  it('--format pdf says clearly when there is no Chromium to print with', () => {
    const w = workspace();
    importSamples(w);
    const out = run(w.dataDir, w.cwd, ['export', '--format', 'pdf', '--out', 'sheet.pdf'], { STORY_BANK_CHROMIUM: '/nonexistent/chromium' });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('No Chromium or Chrome was found to make the PDF');
    expect(fs.existsSync(path.join(w.cwd, 'sheet.pdf'))).toBe(false);
  });

  it.skipIf(!hasChromium || !hasPdftotext)('--format pdf prints the prep sheet: every title and key metric is in the PDF, on the paper asked for', () => {
    const w = workspace();
    importSamples(w);
    for (const [layout, paper, size] of [
      ['compact', 'a4', /pts \(A4\)/],
      ['full', 'letter', /612 x 792 pts \(letter\)/],
    ] as const) {
      const file = `sheet-${layout}.pdf`;
      const out = run(w.dataDir, w.cwd, ['export', '--format', 'pdf', '--out', file, '--layout', layout, '--paper', paper]);
      expect(out.stderr).toContain('Reading stories: 3 of 3');
      expect(out.status).toBe(0);
      const pdf = path.join(w.cwd, file);
      const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      for (const [i, sample] of SAMPLE_STORIES.entries()) {
        expect(text).toContain(sampleDraft(i).title);
        expect(text).toContain(sample.metric);
      }
      expect(text).toMatch(/Page 1 of \d+/);
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(size);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      // Full: a page per story, then the coverage page.
      if (layout === 'full') expect(pages).toBeGreaterThanOrEqual(4);
    }
  });
});
