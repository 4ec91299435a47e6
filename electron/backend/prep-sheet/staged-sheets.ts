import { randomBytes } from 'node:crypto';

/**
 * Sheets waiting to be printed by the user's browser (the browser shell): the page asks the backend to print, gets
 * back a URL with a random token, opens it in a new tab and calls print() there. The shell serves each staged
 * sheet from this store for a few minutes, under the sheet's own script-free policy.
 */

export const STAGED_SHEET_TTL_MS = 10 * 60 * 1000;
const MAX_STAGED = 8;
/** The URL path sheets are served under (token appended). */
export const STAGED_SHEET_PATH = '/prep-sheets/';

const staged = new Map<string, { html: string; expires: number }>();

function prune(now: number): void {
  for (const [token, sheet] of staged) if (sheet.expires <= now) staged.delete(token);
  while (staged.size > MAX_STAGED) {
    const oldest = staged.keys().next().value;
    if (oldest === undefined) break;
    staged.delete(oldest);
  }
}

/** Keeps the sheet; returns the path the shell serves it at. */
export function stageSheet(html: string, now: number = Date.now()): string {
  const token = randomBytes(24).toString('base64url');
  staged.set(token, { html, expires: now + STAGED_SHEET_TTL_MS });
  prune(now);
  return `${STAGED_SHEET_PATH}${token}`;
}

/** The staged sheet for a token, or null when there is none (or it expired). */
export function stagedSheet(token: string, now: number = Date.now()): string | null {
  prune(now);
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  return staged.get(token)?.html ?? null;
}
