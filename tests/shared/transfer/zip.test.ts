import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode } from '../../../shared/transfer/utf8.ts';
import { zipSync } from 'fflate';
import { crc32, createZip, entryNameProblem, looksLikeZip, readZip, storyEntries, ZipError } from '../../../shared/transfer/zip.ts';
import { tempDir } from '../../support/temp-dir.ts';

const hasUnzip = spawnSync('unzip', ['-v']).status === 0;

const ENTRIES = [
  { name: 'cut-checkout-timeouts.md', text: '---\ntitle: Cut checkout timeouts\n---\n\n## Situation\n\nTimeouts tripled.\n' },
  { name: 'résumé-ünïcödé-故事.md', text: 'Ünïcödé text, 故事, and an emoji 🎤.\n' },
  { name: 'empty.md', text: '' },
];

function zipOf(entries = ENTRIES): Uint8Array {
  return createZip(entries.map((e) => ({ name: e.name, data: utf8Encode(e.text) })), new Date(2025, 10, 22, 10, 30, 12));
}

describe('CRC-32', () => {
  it('matches the standard check values', () => {
    expect(crc32(utf8Encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
    expect(crc32(utf8Encode('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });
});

describe('UTF-8', () => {
  it('encodes like TextEncoder and decodes back', () => {
    for (const text of ['plain', 'Ünïcödé', '故事', '🎤 emoji', 'lone \ud800 surrogate']) {
      expect([...utf8Encode(text)]).toEqual([...new TextEncoder().encode(text)]);
      expect(utf8Decode(utf8Encode(text))).toBe(new TextDecoder().decode(new TextEncoder().encode(text)));
    }
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => utf8Decode(Uint8Array.of(0x61, 0xff, 0x62))).toThrow(/not valid UTF-8/);
    expect(() => utf8Decode(Uint8Array.of(0xc3))).toThrow(/not valid UTF-8/);
    expect(() => utf8Decode(Uint8Array.of(0xc0, 0x80))).toThrow(/not valid UTF-8/);
  });
});

describe('zip archives', () => {
  it('reads back what it wrote, deflated', () => {
    const bytes = zipOf();
    expect(looksLikeZip(bytes)).toBe(true);
    const back = readZip(bytes);
    expect(back.map((e) => e.name)).toEqual(ENTRIES.map((e) => e.name));
    expect(back.map((e) => utf8Decode(e.data))).toEqual(ENTRIES.map((e) => e.text));
    const big = createZip([{ name: 'long.md', data: utf8Encode('I measured the queue again.\n'.repeat(2000)) }]);
    expect(big.length).toBeLessThan(2000); // deflated: 56 KB of text in under 2 KB
  });

  it.skipIf(!hasUnzip)('writes an archive that unzip tests clean and extracts byte for byte', () => {
    const dir = tempDir();
    const file = path.join(dir, 'stories.zip');
    fs.writeFileSync(file, zipOf());
    const test = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(test.stdout).toContain('No errors detected');
    expect(test.status).toBe(0);
    const out = path.join(dir, 'out');
    execFileSync('unzip', ['-q', file, '-d', out]);
    for (const e of ENTRIES) expect(fs.readFileSync(path.join(out, e.name), 'utf8')).toBe(e.text);
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    expect(listing).toMatch(/2025-11-22 10:30|11-22-2025 10:30/);
  });

  it.skipIf(!hasUnzip)('reads what the zip tool makes, compressed or stored, with folders and a Finder-style __MACOSX', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'bank', '__MACOSX'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'bank', '.git'));
    fs.writeFileSync(path.join(dir, 'bank', 'a.md'), 'first story\n'.repeat(50));
    fs.writeFileSync(path.join(dir, 'bank', 'b.md'), 'second story\n');
    fs.writeFileSync(path.join(dir, 'bank', 'notes.txt'), 'not a story\n');
    fs.writeFileSync(path.join(dir, 'bank', '__MACOSX', '._a.md'), 'resource fork');
    fs.writeFileSync(path.join(dir, 'bank', '.git', 'HEAD'), 'ref: main');
    for (const level of ['-0', '-9']) {
      execFileSync('zip', ['-q', '-r', level, `bank${level}.zip`, 'bank'], { cwd: dir });
      const entries = readZip(fs.readFileSync(path.join(dir, `bank${level}.zip`)));
      const { stories, skipped } = storyEntries(entries);
      expect(stories.map((e) => [e.name, utf8Decode(e.data)]).sort()).toEqual([
        ['bank/a.md', 'first story\n'.repeat(50)],
        ['bank/b.md', 'second story\n'],
      ]);
      expect(skipped).toHaveLength(3);
      expect(skipped).toEqual(
        expect.arrayContaining([
          { name: 'bank/.git/HEAD', reason: 'hidden file' },
          { name: 'bank/__MACOSX/._a.md', reason: 'macOS metadata' },
          { name: 'bank/notes.txt', reason: 'not a Markdown file' },
        ]),
      );
    }
  });

  it('refuses a damaged archive instead of returning wrong text', () => {
    const stored = zipSync({ 'a.md': utf8Encode('The Situation was tense.') }, { level: 0 });
    const flipped = stored.slice();
    const at = flipped.indexOf('T'.charCodeAt(0), 30); // a byte inside the file's data
    flipped[at] = flipped[at]! ^ 0x20;
    expect(() => readZip(flipped)).toThrow(/"a.md" is damaged \(its checksum does not match\)/);
    const bytes = zipOf();
    expect(() => readZip(bytes.slice(0, bytes.length - 10))).toThrow(ZipError);
    expect(() => readZip(bytes.slice(0, 40))).toThrow(/not a zip archive/);
    expect(() => readZip(utf8Encode('just some text, not a zip'))).toThrow(/not a zip archive/);
  });
});

describe('zip limits against a hostile archive', () => {
  it('refuses a zip bomb by its ratio before inflating it', () => {
    const bomb = zipSync({ 'a.md': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => readZip(bomb)).toThrow(/"a.md" unpacks to \d+ times its size/);
  });

  it('refuses more files, or more bytes, than the limits', () => {
    const many = createZip(Array.from({ length: 12 }, (_, i) => ({ name: `s${i}.md`, data: utf8Encode('x') })));
    expect(readZip(many, { maxEntries: 12 })).toHaveLength(12);
    expect(() => readZip(many, { maxEntries: 11 })).toThrow(/more than 11 files/);
    const big = createZip([{ name: 'a.md', data: new Uint8Array(700_000).fill(97) }, { name: 'b.md', data: new Uint8Array(700_000).fill(98) }]);
    expect(() => readZip(big, { maxBytes: 1024 * 1024, maxRatio: 1e9 })).toThrow(/unpacks to more than 1 MB/);
  });

  it.each([
    ['../evil.md', /points outside the archive/],
    ['stories/../../evil.md', /points outside the archive/],
    ['/etc/evil.md', /is an absolute path/],
    ['C:/Users/evil.md', /is an absolute path/],
    ['stories\\evil.md', /uses backslashes/],
  ])('refuses the entry name %s, and takes nothing', (name, message) => {
    const archive = zipSync({ 'fine.md': utf8Encode('ok'), [name]: utf8Encode('bad') });
    expect(() => readZip(archive)).toThrow(message);
    expect(entryNameProblem(name)).not.toBeNull();
  });

  it('refuses an entry name that appears twice', () => {
    const archive = zipSync({ 'a.md': utf8Encode('first'), 'b.md': utf8Encode('second') });
    // Rename b.md to a.md in both headers: the same length, so the archive stays well formed.
    const twice = archive.slice();
    for (let at = twice.indexOf(0x62); at >= 0; at = twice.indexOf(0x62, at + 1)) {
      if (twice[at + 1] === 0x2e && twice[at + 2] === 0x6d && twice[at + 3] === 0x64) twice[at] = 0x61;
    }
    expect(() => readZip(twice)).toThrow(/"a.md" is in the archive twice/);
    expect(() => createZip([{ name: 'a.md', data: new Uint8Array() }, { name: 'a.md', data: new Uint8Array() }])).toThrow(/twice/);
  });

  it('takes ordinary names, folders and non-ASCII included', () => {
    for (const name of ['a.md', 'bank/2024/a story.md', 'résumé-故事.md', 'x..y.md', '.hidden/a.md']) expect(entryNameProblem(name)).toBeNull();
  });
});
