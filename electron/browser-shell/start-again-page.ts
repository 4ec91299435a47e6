import { createHash } from 'node:crypto';

/**
 * The browser shell's own two pages, both under START_AGAIN_CSP. The start-again page is what a page without a
 * valid session gets: a window left over from an earlier run, a copied address, or anyone else on the machine. It
 * holds no script, no token and nothing from the bank.
 */
const STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f5f2;color:#1f1f1f}',
  'main{max-width:34rem;margin:15vh auto;padding:0 1.5rem}',
  'h1{font-size:1.5rem;margin:0 0 .75rem}',
  'code{background:#e8e6e1;padding:.1rem .3rem;border-radius:3px}',
].join('');

export const START_AGAIN_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Story Bank: start it again</title>
    <style>${STYLE}</style>
  </head>
  <body>
    <main>
      <h1>Start Story Bank again</h1>
      <p>This window is not connected to a running Story Bank. Close it and start the app again
        (<code>npm start</code>): it opens a new window that is.</p>
    </main>
  </body>
</html>
`;

/** What a redeemed launch code answers: straight on to the app's clean address (no script needed). */
export const LAUNCHING_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="refresh" content="0; url=/" />
    <title>Story Bank</title>
    <style>${STYLE}</style>
  </head>
  <body>
    <main><p>Opening Story Bank…</p></main>
  </body>
</html>
`;

const styleHash = createHash('sha256').update(STYLE, 'utf8').digest('base64');

/** Nothing but the one inline style above, by its hash: no script of any kind, no framing, no forms. */
export const START_AGAIN_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${styleHash}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
