import type http from 'node:http';
import { SHEET_CSP } from '../../shared/prep-sheet/sheet-html.ts';
import { STAGED_SHEET_PATH, stagedSheet } from '../backend/prep-sheet/staged-sheets.ts';

/**
 * Serves a prep sheet staged for printing (see electron/backend/prep-sheet/staged-sheets.ts) at
 * /prep-sheets/<token>, under the sheet's own policy: no script, no remote anything, only its inline styles. The
 * token is the secret; the shell's Host check has already run. Returns false when the path is not a sheet's.
 */
export function serveStagedSheet(pathname: string, res: http.ServerResponse): boolean {
  if (!pathname.startsWith(STAGED_SHEET_PATH)) return false;
  const html = stagedSheet(pathname.slice(STAGED_SHEET_PATH.length));
  const headers = {
    'Content-Security-Policy': `${SHEET_CSP}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // The same as the app's pages, so the page that opened the sheet can still call print() on it.
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
  if (html === null) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('This prep sheet is no longer available: print it again from Story Bank.');
  } else {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  }
  return true;
}
