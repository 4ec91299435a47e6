import http from 'node:http';
import type { BrowserShell } from '../../../electron/browser-shell/server.ts';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request to the shell, so Host, Origin and Cookie can be anything (fetch would not allow that). */
export function request(
  shell: BrowserShell,
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: shell.port,
        path: pathname,
        method: options.method ?? 'GET',
        headers: options.headers,
        // A fresh connection each time: a kept-alive one would outlive a shell the test restarts.
        agent: false,
      },
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

/** The path and query of the shell's launch URL. */
export function launchPath(shell: BrowserShell): string {
  const url = new URL(shell.launchUrl);
  return url.pathname + url.search;
}

/** Opens the launch URL as the browser would and returns the `name=value` of the session cookie it set. */
export async function startSession(shell: BrowserShell): Promise<string> {
  const res = await request(shell, launchPath(shell));
  const setCookie = res.headers['set-cookie']?.[0];
  if (res.status !== 200 || !setCookie) throw new Error(`The launch URL gave no session (HTTP ${res.status}).`);
  return setCookie.split(';')[0] ?? '';
}

/** A JSON call to a channel with the given cookie (or none). */
export function api(
  shell: BrowserShell,
  channel: string,
  body: unknown,
  cookie: string | null,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return request(shell, `/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    body: JSON.stringify(body),
  });
}
