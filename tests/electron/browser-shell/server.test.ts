import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, createBackend } from '../../../electron/backend/backend.ts';
import { type BrowserShell, startBrowserShell } from '../../../electron/browser-shell/server.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { api, launchPath, request, startSession } from './shell-client.ts';

let backend: Backend;
let shell: BrowserShell;
let rendererDir: string;

const INDEX_HTML = '<html><head><title>the app itself</title></head><body></body></html>';

beforeEach(async () => {
  rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX_HTML);
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(rendererDir), `${path.basename(rendererDir)}-secret.txt`), 'secret');
  backend = await createBackend({ dataDir: tempDir(), appVersion: 'test' });
  shell = await startBrowserShell({ backend, rendererDir });
});

afterEach(async () => {
  await shell.close();
  await backend.close();
});

function launchCode(): string {
  return new URL(shell.launchUrl).searchParams.get('launch') ?? '';
}

describe('the browser shell', () => {
  it('listens on 127.0.0.1 only, on a random port, and launches with a long random code', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(shell.port).toBeGreaterThan(0);
    expect(shell.launchUrl.startsWith(`${shell.url}?launch=`)).toBe(true);
    // 32 random bytes in base64url: 256 bits.
    expect(launchCode()).toMatch(/^[\w-]{43}$/);
  });

  it('trades the launch code for an HttpOnly, SameSite=Strict session cookie and sends the page on to a clean address', async () => {
    const res = await request(shell, launchPath(shell));
    expect(res.status).toBe(200);
    // On to the clean address by a meta refresh (see sendToApp), with no script and nothing secret in the page.
    expect(res.body).toContain('<meta http-equiv="refresh" content="0; url=/" />');
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).not.toContain(launchCode());
    expect(res.headers['content-security-policy']).not.toContain('script-src');
    const cookies = res.headers['set-cookie'] ?? [];
    expect(cookies).toHaveLength(1);
    const [pair = '', ...attributes] = (cookies[0] ?? '').split(';').map((part) => part.trim());
    const [name, value = ''] = pair.split('=');
    expect(name).toBe(shell.cookieName);
    expect(value).toMatch(/^[\w-]{43}$/);
    expect(value).not.toBe(launchCode());
    expect(res.body).not.toContain(value);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    expect(res.headers['cache-control']).toBe('no-store');

    const page = await request(shell, '/', { headers: { cookie: pair } });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX_HTML);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect((await request(shell, '/assets/app.js', { headers: { cookie: pair } })).status).toBe(200);
  });

  it('refuses the launch code a second time: a replay gets the start-again page and no cookie', async () => {
    await startSession(shell);
    const replay = await request(shell, launchPath(shell));
    expect(replay.status).toBe(403);
    expect(replay.headers['set-cookie']).toBeUndefined();
    expect(replay.body).toContain('Start Story Bank again');
    expect(replay.body).not.toContain(INDEX_HTML);
  });

  it('keeps the real code working after wrong guesses, and a HEAD request does not use it up', async () => {
    for (const guess of ['', 'x', launchCode().slice(0, -1), `${launchCode()}A`, launchCode().toLowerCase()]) {
      const res = await request(shell, `/?launch=${encodeURIComponent(guess)}`);
      expect(res.status).toBe(403);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect((await request(shell, launchPath(shell), { method: 'HEAD' })).headers['set-cookie']).toBeUndefined();
    const cookie = await startSession(shell);
    expect(JSON.parse((await api(shell, 'stories.list', {}, cookie)).body)).toEqual({ ok: true, value: [] });
  });

  it('opening the used launch URL again from the page that holds the session just lands on the app', async () => {
    const cookie = await startSession(shell);
    const again = await request(shell, launchPath(shell), { headers: { cookie } });
    expect(again.status).toBe(200);
    expect(again.body).toContain('url=/');
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('serves a script-free start-again page, and neither the app nor any secret, to a page without a session', async () => {
    for (const pathname of ['/', '/index.html', '/assets/app.js']) {
      const res = await request(shell, pathname);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('Start Story Bank again');
      expect(res.body).toContain('npm start');
      expect(res.body).not.toContain('the app itself');
      expect(res.body).not.toContain('console.log');
      expect(res.body).not.toContain(launchCode());
      expect(res.body).not.toMatch(/<script/i);
      const csp = res.headers['content-security-policy'] ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('script-src');
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
    }
    // After a session exists, the page without it still learns nothing.
    const cookie = await startSession(shell);
    const stranger = await request(shell, '/');
    expect(stranger.status).toBe(403);
    expect(stranger.body).not.toContain(cookie.split('=')[1]);
  });

  it('answers calls that carry the session cookie', async () => {
    const cookie = await startSession(shell);
    const created = await api(shell, 'stories.create', { title: 'Via HTTP' }, cookie);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { title: 'Via HTTP' } });
  });

  it('refuses calls without a session, with a forged cookie, or with the launch code in its place', async () => {
    const cookie = await startSession(shell);
    const value = cookie.split('=')[1] ?? '';
    const forged = [
      null,
      `${shell.cookieName}=`,
      `${shell.cookieName}=${'A'.repeat(43)}`,
      `${shell.cookieName}=${value.slice(0, -1)}`,
      `${shell.cookieName}=${value}x`,
      `${shell.cookieName}=${launchCode()}`,
      `story-bank-session-1=${value}`,
      `${shell.cookieName.toUpperCase()}=${value}`,
    ];
    for (const attempt of forged) {
      const res = await api(shell, 'stories.create', { title: 'Not allowed' }, attempt);
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(JSON.parse(res.body).error.message).toContain('start the app again');
    }
    expect(JSON.parse((await api(shell, 'stories.list', {}, cookie)).body)).toEqual({ ok: true, value: [] });
    // A cookie of the same name set by something else on 127.0.0.1 does not lock the real one out.
    const tossed = await api(shell, 'stories.list', {}, `${shell.cookieName}=planted; ${cookie}`);
    expect(tossed.status).toBe(200);
  });

  it('refuses the session of an earlier launch, even on the same port', async () => {
    const cookie = await startSession(shell);
    const port = shell.port;
    await shell.close();
    shell = await startBrowserShell({ backend, rendererDir, port });
    expect(shell.port).toBe(port);
    expect((await api(shell, 'stories.list', {}, cookie)).status).toBe(401);
    expect((await request(shell, '/', { headers: { cookie } })).status).toBe(403);
    // This launch's own code still works.
    const fresh = await startSession(shell);
    expect(fresh).not.toBe(cookie);
    expect((await api(shell, 'stories.list', {}, fresh)).status).toBe(200);
  });

  it('refuses calls from another origin or naming another host, even with the session', async () => {
    const cookie = await startSession(shell);
    expect((await api(shell, 'stories.list', {}, cookie, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api(shell, 'stories.list', {}, cookie, { origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await api(shell, 'stories.list', {}, cookie, { host: 'evil.example' })).status).toBe(421);
    expect((await request(shell, '/', { headers: { host: 'rebound.example:80', cookie } })).status).toBe(421);
    // The launch code is not redeemed through a foreign host name either (DNS rebinding).
    const rebound = await request(shell, launchPath(shell), { headers: { host: 'rebound.example:80' } });
    expect(rebound.status).toBe(421);
    expect(rebound.headers['set-cookie']).toBeUndefined();
    const wrongType = await request(shell, '/api/stories.list', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie },
      body: '{}',
    });
    expect(wrongType.status).toBe(415);
    expect((await api(shell, 'stories.list', {}, cookie, { origin: shell.url.replace(/\/$/, '') })).status).toBe(200);
  });

  it('never serves a file outside the renderer folder', async () => {
    const cookie = await startSession(shell);
    for (const attempt of [`/../${'x'}-secret.txt`, '/../secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fpackage.json']) {
      const res = await request(shell, attempt, { headers: { cookie } });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('secret');
    }
  });

  it('says clearly when a request body is not JSON', async () => {
    const cookie = await startSession(shell);
    const res = await request(shell, '/api/stories.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
