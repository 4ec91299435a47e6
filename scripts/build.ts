import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the renderer with Vite into dist/renderer. */
export async function buildRenderer(): Promise<void> {
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

/** What both Electron bundles share: one CommonJS file each. */
const CJS_BUNDLE = { bundle: true, format: 'cjs', logLevel: 'warning', legalComments: 'none' } as const;

/**
 * Bundles Electron's main process and preload into dist/electron (CommonJS; the native module stays external).
 * `sourcemap` inlines a map in both files so test coverage (npm run coverage:electron) lands on electron/main/*.ts
 * and electron/preload/*.ts rather than on the bundles; the shipped build has none.
 */
export async function buildElectron(options: { sourcemap?: boolean } = {}): Promise<void> {
  const sourcemap = options.sourcemap ? ('inline' as const) : false;
  await esbuild({
    ...CJS_BUNDLE,
    sourcemap,
    platform: 'node',
    target: 'node22',
    external: ['electron', 'better-sqlite3'],
    entryPoints: [path.join(root, 'electron/main/main.ts')],
    outfile: path.join(root, 'dist/electron/main.cjs'),
    // import.meta.url has no meaning in CommonJS: give the bundle its own file URL.
    define: { 'import.meta.url': 'import_meta_url' },
    banner: { js: 'const import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  });
  await buildPreload(undefined, sourcemap);
}

/**
 * The preload, alone: a sandboxed preload has no __filename and its require loads only electron, events, timers and
 * url, so the bundle gets no banner and must import nothing else (tests/electron/preload/preload-sandbox.test.ts runs it so).
 */
export async function buildPreload(outfile = path.join(root, 'dist/electron/preload.cjs'), sourcemap: 'inline' | false = false): Promise<void> {
  await esbuild({
    ...CJS_BUNDLE,
    sourcemap,
    platform: 'browser',
    target: 'chrome130',
    external: ['electron'],
    entryPoints: [path.join(root, 'electron/preload/preload.ts')],
    outfile,
    minify: true,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rendererOnly = process.argv.includes('--renderer-only');
  await buildRenderer();
  if (!rendererOnly) await buildElectron();
  console.log(rendererOnly ? 'Built the renderer.' : 'Built the renderer and the Electron main process.');
}
