import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { openAppBackend } from '../electron/backend/app-backend.ts';
import { defaultUserDataDir, resolveDataDir } from '../electron/backend/data-dir.ts';
import { startBrowserShell } from '../electron/browser-shell/server.ts';

/**
 * Renderer hot reload: Vite serves the renderer from source, and forwards /api to the real backend running in a
 * browser shell in this process. Open the printed Vite address in Chromium.
 *
 * The page is Vite's, not the shell's, so it cannot take the shell's session cookie itself: this script redeems the
 * launch code once and the proxy adds the cookie to every call it forwards. Anything that can reach the Vite dev
 * server can therefore use this development bank; `npm run dev` is for development data only.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolveDataDir(process.env, defaultUserDataDir(process.platform, process.env, os.homedir()));
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-bank-dev-'));
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
const backend = await openAppBackend({ dataDir, appVersion: 'dev' });
const shell = await startBrowserShell({ backend, rendererDir });
const launched = await fetch(shell.launchUrl, { redirect: 'manual' });
const sessionCookie = (launched.headers.get('set-cookie') ?? '').split(';')[0];
if (!sessionCookie) throw new Error(`The browser shell gave no session (HTTP ${launched.status}).`);

const server = await createServer({
  configFile: path.join(root, 'vite.config.ts'),
  server: {
    proxy: {
      '/api': {
        target: shell.url,
        changeOrigin: true,
        headers: { origin: shell.url.replace(/\/$/, ''), cookie: sessionCookie },
      },
    },
  },
});
await server.listen();
server.printUrls();
console.log(`Backend: ${dataDir}`);
