import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, createBackend } from '../../../electron/backend/backend.ts';
import { type BrowserShell, startBrowserShell } from '../../../electron/browser-shell/server.ts';
import { buildPrepSheet, SHEET_CSP } from '../../../shared/prep-sheet/index.ts';
import { framework, options, rubric, sampleSheetStories } from '../../shared/prep-sheet/fixture.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { api, request, startSession } from './shell-client.ts';

let backend: Backend;
let shell: BrowserShell;
let cookie: string;

beforeEach(async () => {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
  backend = await createBackend({ dataDir: tempDir(), appVersion: 'test' });
  shell = await startBrowserShell({ backend, rendererDir });
  cookie = await startSession(shell);
});

afterEach(async () => {
  await shell.close();
  await backend.close();
});

/** A GET with the session cookie (or the one given), naming `host`. */
function get(pathname: string, host = `127.0.0.1:${shell.port}`, withCookie: string | null = cookie) {
  return request(shell, pathname, { headers: { host, ...(withCookie ? { cookie: withCookie } : {}) } });
}

async function print(html: string): Promise<{ mode: string; url: string }> {
  const response = await api(shell, 'prepSheet.print', { html }, cookie);
  const result = JSON.parse(response.body) as { ok: true; value: { mode: string; url: string } };
  expect(result.ok).toBe(true);
  return result.value;
}

describe('a prep sheet staged for the browser to print', () => {
  it('is served at its one-off address under the sheet’s own script-free policy', async () => {
    const html = buildPrepSheet({ stories: sampleSheetStories(), framework, rubric, options: options() });
    const answer = await print(html);
    expect(answer.mode).toBe('browser');
    const page = await get(answer.url);
    expect(page.status).toBe(200);
    expect(page.body).toBe(html);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(`${SHEET_CSP}; frame-ancestors 'none'`);
    expect(page.headers['content-security-policy']).not.toContain('script-src');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('is not served for an unknown token, nor to another host name', async () => {
    const html = buildPrepSheet({ stories: sampleSheetStories(), framework, rubric, options: options() });
    const answer = await print(html);
    expect((await get('/prep-sheets/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await get('/prep-sheets/../index.html')).body).not.toBe(html);
    expect((await get(answer.url, 'evil.example:80')).status).toBe(421);
  });

  it('is not served to a page without the session, even at its own address', async () => {
    const html = buildPrepSheet({ stories: sampleSheetStories(), framework, rubric, options: options() });
    const answer = await print(html);
    const stranger = await get(answer.url, `127.0.0.1:${shell.port}`, null);
    expect(stranger.status).toBe(403);
    expect(stranger.body).not.toContain(html);
    expect(stranger.body).toContain('Start Story Bank again');
  });
});
