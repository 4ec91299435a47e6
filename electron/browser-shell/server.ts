import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { dispatch } from '../../shared/ipc/dispatch.ts';
import { fail, type Result } from '../../shared/ipc/result.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';
import { contentTypeFor } from '../../shared/security/renderer-files.ts';
import type { Handlers } from '../../shared/ipc/contract.ts';
import { serveStagedSheet } from './staged-sheet-route.ts';

/** The largest request body accepted: several megabytes of pasted text fit; more is refused clearly. */
export const MAX_BODY_BYTES = 48 * 1024 * 1024;
export const TOKEN_HEADER = 'x-story-bank-token';

export interface BrowserShell {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export interface BrowserShellOptions {
  /** The handler object to serve: an AppBackend's (every channel) or a bare Backend's (tests). */
  backend: { handlers: Handlers };
  /** The built renderer (vite build output). */
  rendererDir: string;
  port?: number;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Serves the built renderer and the backend's handler object on 127.0.0.1 for a browser: a random port, a
 * per-launch token the page reads from its HTML, and a Host check against DNS rebinding.
 */
export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const token = randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(`The renderer is not built (no ${indexFile}). Run "npm run build" first.`);
  }
  const indexHtml = fs
    .readFileSync(indexFile, 'utf8')
    .replace('<head>', `<head>\n    <meta name="story-bank-token" content="${token}" />`);
  let allowedHosts: Set<string> = new Set();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'The browser shell failed to answer.'));
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421, { 'Content-Type': 'text/plain' });
      res.end('Unknown host.');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, fail('forbidden', 'Use POST.'));
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
        return sendJson(res, 403, fail('forbidden', 'Calls from another origin are refused.'));
      }
      const headerToken = req.headers[TOKEN_HEADER];
      if (!sameToken(typeof headerToken === 'string' ? headerToken : undefined, token)) {
        return sendJson(res, 403, fail('forbidden', 'Missing or wrong token.'));
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, fail('invalid-input', 'Send JSON.'));
      }
      const body = await readBody(req);
      if (body === null) {
        return sendJson(res, 413, fail('invalid-input', 'That is too large to save (over 48 MB in one call).'));
      }
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return sendJson(res, 400, fail('invalid-input', 'The request was not valid JSON.'));
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      return sendJson(res, 200, await dispatch(options.backend.handlers, channel, input));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405);
      res.end();
      return;
    }
    if (serveStagedSheet(url.pathname, res)) return;
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor('.html') });
      res.end(indexHtml);
      return;
    }
    const file = path.resolve(rendererDir, '.' + decodeURIComponent(url.pathname));
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' });
      res.end('Not found.');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeFor(path.extname(file)),
    });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The browser shell has no port.');
  const port = address.port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
