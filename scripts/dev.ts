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
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolveDataDir(process.env, defaultUserDataDir(process.platform, process.env, os.homedir()));
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-bank-dev-'));
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
const backend = await openAppBackend({ dataDir, appVersion: 'dev' });
const shell = await startBrowserShell({ backend, rendererDir });

const server = await createServer({
  configFile: path.join(root, 'vite.config.ts'),
  server: {
    proxy: {
      '/api': { target: shell.url, changeOrigin: true, headers: { origin: shell.url.replace(/\/$/, '') } },
    },
  },
  plugins: [
    {
      name: 'story-bank-token',
      transformIndexHtml: (html) =>
        html.replace('<head>', `<head>\n    <meta name="story-bank-token" content="${shell.token}" />`),
    },
  ],
});
await server.listen();
server.printUrls();
console.log(`Backend: ${dataDir}`);
