import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackage } from '@electron/asar';
import { build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildElectron, buildRenderer } from '../../scripts/build.ts';

// Packs the app as the installers would, with the real electron-builder.yml, so a broken `files` list or asarUnpack
// is caught here rather than by a user whose app starts without its preload or its database driver.
//
// electron-builder copies a given Electron distribution (electronDist) instead of downloading one, which is the
// only way it runs offline. Ours is a stand-in: the files of Electron's linux-x64 zip, empty, and a shell script in
// place of the binary. That is enough for `--linux dir`, which copies the distribution and writes resources/app.asar
// beside it. Flipping the fuses reads the real binary, so they are left off here; the other targets (AppImage, deb,
// dmg, nsis) need the network and are built by `npm run package` on a machine that has it.

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'story-bank-pack-'));
const output = path.join(work, 'release');
const resources = path.join(output, 'linux-unpacked', 'resources');

function standInElectron(dir: string): string {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'locales'));
  fs.writeFileSync(path.join(dir, 'electron'), '#!/bin/sh\necho "a stand-in for Electron, for packaging tests"\n', { mode: 0o755 });
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  fs.writeFileSync(path.join(dir, 'version'), version);
  for (const name of ['LICENSE', 'LICENSES.chromium.html', 'chrome_100_percent.pak', 'chrome_200_percent.pak', 'resources.pak', 'icudtl.dat', 'snapshot_blob.bin', 'v8_context_snapshot.bin', 'libffmpeg.so', 'chrome-sandbox', 'locales/en-US.pak']) {
    fs.writeFileSync(path.join(dir, name), '');
  }
  return version;
}

let entries: string[] = [];

beforeAll(async () => {
  await buildRenderer();
  await buildElectron();
  const dist = path.join(work, 'electron-dist');
  const electronVersion = standInElectron(dist);
  const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & { directories: object };
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: { ...config, electronDist: dist, electronVersion, electronFuses: null, directories: { ...config.directories, output } },
  });
  entries = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((e) => e.split(path.sep).join('/'));
}, 240_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the packed app (electron-builder --linux dir)', () => {
  it('holds the main process, the preload, the renderer and the sample stories in app.asar', () => {
    for (const file of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html']) expect(entries).toContain(file);
    expect(entries.some((e) => /^\/dist\/renderer\/assets\/index-[\w-]+\.js$/.test(e))).toBe(true);
    const samples = fs.readdirSync(path.join(root, 'content/samples')).filter((n) => n.endsWith('.md'));
    expect(samples.length).toBeGreaterThan(0);
    for (const name of samples) expect(entries).toContain(`/content/samples/${name}`);
    // The package.json "main" that Electron starts is in the archive.
    const main = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string }).main;
    expect(entries).toContain(`/${main.replace(/^\.\//, '')}`);
  });

  it('leaves out sources, tests and source maps', () => {
    expect(entries.filter((e) => /^\/(electron|renderer|shared|tests|scripts)\//.test(e))).toEqual([]);
    expect(entries.filter((e) => e.endsWith('.map') || e.endsWith('.ts'))).toEqual([]);
  });

  it('keeps better-sqlite3 and its native module outside the archive, where Electron can load it', () => {
    const unpacked = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
    expect(fs.existsSync(path.join(unpacked, 'package.json'))).toBe(true);
    const natives = fs.readdirSync(path.join(unpacked, 'prebuilds')).filter((n) => n.endsWith('.node'));
    expect(natives).toContain('linux-x64.node');
    expect(entries.filter((e) => e.endsWith('.node')).every((e) => e.includes('better-sqlite3'))).toBe(true);
  });
});
