import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';
import { contentTypeFor } from '../../shared/security/renderer-files.ts';

/** Headers on every file the app:// scheme serves. */
export const RENDERER_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
} as const;

/**
 * Answers one app:// request from the built renderer: only files inside rendererDir, only on host "story-bank",
 * each with the CSP. Everything else is a 404.
 */
export async function serveRendererRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const root = path.resolve(rendererDir);
  const notFound = (): Response => new Response('Not found', { status: 404 });
  let url: URL;
  let relative: string;
  try {
    url = new URL(requestUrl);
    relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
  } catch {
    return notFound();
  }
  const file = path.resolve(root, relative);
  if (url.protocol !== 'app:' || url.host !== 'story-bank' || !file.startsWith(root + path.sep)) return notFound();
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return notFound();
  const body = await fs.promises.readFile(file);
  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': contentTypeFor(path.extname(file)), ...RENDERER_HEADERS },
  });
}
