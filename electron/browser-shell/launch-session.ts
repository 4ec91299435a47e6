import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Who may use the browser shell. Anything on the machine can reach 127.0.0.1, so the page must prove it was opened
 * by the person who started the shell: the shell opens (or prints) one URL carrying a launch code, and the first
 * request with that code gets a session cookie in exchange. The code then stops working, so a copy read later (from
 * a terminal's scrollback, say) opens nothing. The cookie is HttpOnly, so no script, ours included, can read it.
 *
 * One launch, one code, one session: the session ends when the shell stops, so a cookie from an earlier run is
 * refused like a forged one.
 */

/** 32 random bytes (256 bits), URL-safe. */
function secret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Compares in time that depends on neither string's content nor length: both sides are hashed to 32 bytes first,
 * so even a length mismatch is found by the constant-time compare.
 */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** Every value of the cookie `name` in a Cookie header (another server on 127.0.0.1 may have set one too). */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

export class LaunchSession {
  /** The cookie's name carries the port: cookies are not kept apart by port, and two shells may run at once. */
  readonly cookieName: string;
  private code: string | null = secret();
  private session: string | null = null;

  constructor(port: number) {
    this.cookieName = `story-bank-session-${port}`;
  }

  /** The launch code, while it is unused (only the shell's own start-up reads it, to build the launch URL). */
  get launchCode(): string | null {
    return this.code;
  }

  /**
   * Trades the launch code for a new session id, once. A wrong code changes nothing (the real one still works:
   * 256 bits are not guessed); the right code returns a session and is forgotten.
   */
  redeem(given: string): string | null {
    if (this.code === null || !sameSecret(given, this.code)) return null;
    this.code = null;
    this.session = secret();
    return this.session;
  }

  /** Whether a request's Cookie header holds this launch's session. */
  isValid(cookieHeader: string | undefined): boolean {
    const session = this.session;
    if (session === null) return false;
    let valid = false;
    // Every candidate is compared, so the time taken does not tell which one (if any) matched.
    for (const value of cookieValues(cookieHeader, this.cookieName)) valid = sameSecret(value, session) || valid;
    return valid;
  }

  /** The Set-Cookie value for a session: a browser-session cookie the page's scripts cannot read. */
  setCookie(session: string): string {
    return `${this.cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`;
  }
}
