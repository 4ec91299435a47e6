import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, createBackend } from '../../../electron/backend/backend.ts';
import { type BrowserShell, startBrowserShell, TOKEN_HEADER } from '../../../electron/browser-shell/server.ts';
import { tempDir } from '../../support/temp-dir.ts';

let backend: Backend;
let shell: BrowserShell;

beforeEach(async () => {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(rendererDir), `${path.basename(rendererDir)}-secret.txt`), 'secret');
  backend = await createBackend({ dataDir: tempDir(), appVersion: 'test' });
  shell = await startBrowserShell({ backend, rendererDir });
});

afterEach(async () => {
  await shell.close();
  backend.close();
});

/** A raw request, so the Host header can be anything (fetch would not allow that). */
function request(
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: shell.port, path: pathname, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  request(`/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: shell.token, ...headers },
    body: JSON.stringify(body),
  });

describe('the browser shell', () => {
  it('listens on 127.0.0.1 only, on a random port', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(shell.port).toBeGreaterThan(0);
  });

  it('serves the renderer with the per-launch token and a strict CSP', async () => {
    const page = await request('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="story-bank-token" content="${shell.token}" />`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect((await request('/assets/app.js')).status).toBe(200);
  });

  it('answers calls that carry the token', async () => {
    const created = await api('stories.create', { title: 'Via HTTP' });
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { title: 'Via HTTP' } });
  });

  it('refuses calls without the token, from another origin, or naming another host', async () => {
    expect((await api('stories.list', {}, { [TOKEN_HEADER]: 'wrong' })).status).toBe(403);
    expect((await api('stories.list', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('stories.list', {}, { host: 'evil.example' })).status).toBe(421);
    expect((await request('/', { headers: { host: 'rebound.example:80' } })).status).toBe(421);
    const wrongType = await request('/api/stories.list', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', [TOKEN_HEADER]: shell.token },
      body: '{}',
    });
    expect(wrongType.status).toBe(415);
    expect(JSON.parse((await api('stories.list', {})).body)).toEqual({ ok: true, value: [] });
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const attempt of [`/../${'x'}-secret.txt`, '/../secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fpackage.json']) {
      const res = await request(attempt);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('secret');
    }
  });

  it('says clearly when a request body is not JSON', async () => {
    const res = await request('/api/stories.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: shell.token },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
