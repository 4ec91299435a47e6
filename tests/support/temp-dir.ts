import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A fresh directory for one test, removed after it. */
export function tempDir(prefix = 'story-bank-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

// No retries: a backend's close() settles only once nothing of it writes into its folder, so a test that closed
// what it opened leaves a folder that goes in one pass (an ENOTEMPTY here means something outlived close()).
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
