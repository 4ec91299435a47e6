import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { dispatch } from '../../shared/ipc/dispatch.ts';
import { fail, type Result } from '../../shared/ipc/result.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';
import { contentTypeFor } from '../../shared/security/renderer-files.ts';
import type { Handlers } from '../../shared/ipc/contract.ts';
import { LaunchSession } from './launch-session.ts';
import { serveStagedSheet } from './staged-sheet-route.ts';
import { LAUNCHING_HTML, START_AGAIN_CSP, START_AGAIN_HTML } from './start-again-page.ts';

/** The largest request body accepted: several megabytes of pasted text fit; more is refused clearly. */
export const MAX_BODY_BYTES = 48 * 1024 * 1024;
/** The query parameter of the launch URL that carries the one-time launch code. */
export const LAUNCH_PARAM = 'launch';

export interface BrowserShell {
  /** The app's clean address (what the page shows once it has a session). */
  url: string;
  /** The one-time address that starts a session: open it (once) in the browser; never log it anywhere else. */
  launchUrl: string;
  /** The session cookie's name (tests and the dev server need it). */
  cookieName: string;
  port: number;
  close(): Promise<void>;
}

export interface BrowserShellOptions {
  /** The handler object to serve: an AppBackend's (every channel) or a bare Backend's (tests). */
  backend: { handlers: Handlers };
  /** The built renderer (vite build output). */
  rendererDir: string;
  port?: number;
  /** Called once, when the launch code has been redeemed (main.ts then deletes its private launch file). */
  onLaunch?: () => void;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendStartAgain(res: http.ServerResponse, head: boolean): void {
  res.writeHead(403, {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': START_AGAIN_CSP,
    'Content-Type': contentTypeFor('.html'),
  });
  res.end(head ? undefined : START_AGAIN_HTML);
}

/**
 * Answers a redeemed launch code: sets the cookie and sends the page on to the clean address, so the used code
 * leaves the address bar and the history. The hop is a meta refresh, not a 303: when the launch began on another
 * site (the private launch file main.ts opens is a file:// page), a browser sends no SameSite=Strict cookie along
 * an HTTP redirect chain that started there, but it does on a navigation the app's own page starts.
 */
function sendToApp(res: http.ServerResponse, setCookie: string | null): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': START_AGAIN_CSP,
    'Content-Type': contentTypeFor('.html'),
    ...(setCookie !== null ? { 'Set-Cookie': setCookie } : {}),
  });
  res.end(LAUNCHING_HTML);
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

const NO_SESSION = 'This window is not connected to Story Bank any more: start the app again (npm start).';

/**
 * Serves the built renderer and the backend's handler object on 127.0.0.1 for a browser: a random port, a Host check
 * against DNS rebinding, an Origin check, and a session cookie that only the one-time launch URL hands out (see
 * launch-session.ts). Without the session, every API call is refused and every page is the start-again page.
 */
export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const rendererDir = path.resolve(options.rendererDir);
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(`The renderer is not built (no ${indexFile}). Run "npm run build" first.`);
  }
  const indexHtml = fs.readFileSync(indexFile, 'utf8');
  let allowedHosts: Set<string> = new Set();
  let launch: LaunchSession | null = null;

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
    if (!launch) throw new Error('The browser shell is not listening yet.');
    const hasSession = launch.isValid(req.headers.cookie);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, fail('forbidden', 'Use POST.'));
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
        return sendJson(res, 403, fail('forbidden', 'Calls from another origin are refused.'));
      }
      if (!hasSession) return sendJson(res, 401, fail('forbidden', NO_SESSION));
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
    const code = url.pathname === '/' ? url.searchParams.get(LAUNCH_PARAM) : null;
    if (code !== null && req.method === 'GET') {
      const session = launch.redeem(code);
      if (session !== null) options.onLaunch?.();
      if (session !== null || hasSession) {
        sendToApp(res, session !== null ? launch.setCookie(session) : null);
        return;
      }
    }
    if (!hasSession) return sendStartAgain(res, req.method === 'HEAD');
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
  launch = new LaunchSession(port);
  const base = `http://127.0.0.1:${port}/`;
  return {
    url: base,
    launchUrl: `${base}?${LAUNCH_PARAM}=${launch.launchCode ?? ''}`,
    cookieName: launch.cookieName,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
