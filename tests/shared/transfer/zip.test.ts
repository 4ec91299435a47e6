import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode } from '../../../shared/transfer/utf8.ts';
import { crc32, createZip, looksLikeZip, readZip, ZipError } from '../../../shared/transfer/zip.ts';
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

describe('the zip writer', () => {
  it('reads back what it wrote', () => {
    const bytes = zipOf();
    expect(looksLikeZip(bytes)).toBe(true);
    const back = readZip(bytes);
    expect(back.map((e) => e.name)).toEqual(ENTRIES.map((e) => e.name));
    expect(back.map((e) => utf8Decode(e.data))).toEqual(ENTRIES.map((e) => e.text));
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

  it.skipIf(!hasUnzip)('reads an archive made by zip -0 (stored), and refuses a compressed one with a message', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), 'first story\n'.repeat(50));
    fs.writeFileSync(path.join(dir, 'b.md'), 'second story\n');
    execFileSync('zip', ['-q', '-0', 'stored.zip', 'a.md', 'b.md'], { cwd: dir });
    execFileSync('zip', ['-q', '-9', 'deflated.zip', 'a.md'], { cwd: dir });
    const stored = readZip(fs.readFileSync(path.join(dir, 'stored.zip')));
    expect(stored.map((e) => [e.name, utf8Decode(e.data)])).toEqual([
      ['a.md', 'first story\n'.repeat(50)],
      ['b.md', 'second story\n'],
    ]);
    expect(() => readZip(fs.readFileSync(path.join(dir, 'deflated.zip')))).toThrow(/"a.md" is compressed/);
  });

  it('refuses a damaged archive instead of returning wrong text', () => {
    const bytes = zipOf();
    const flipped = bytes.slice();
    const at = flipped.indexOf('T'.charCodeAt(0), 60); // a byte inside the first file's data
    flipped[at] = flipped[at]! ^ 0x20;
    expect(() => readZip(flipped)).toThrow(/checksum does not match/);
    expect(() => readZip(bytes.slice(0, bytes.length - 10))).toThrow(ZipError);
    expect(() => readZip(utf8Encode('just some text, not a zip'))).toThrow(/not a zip archive/);
  });
});
