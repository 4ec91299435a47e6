import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The e2e hosts as playwright.config.ts sets them up, read from `playwright test --list` (which loads the config
// and every test file but launches nothing): the browser shell always, the desktop app only where an Electron
// binary is named, and a run without one says it skipped that host once, never silently.

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

function list(env: Record<string, string>, ...args: string[]): string[] {
  const { STORY_BANK_ELECTRON: _electron, STORY_BANK_QUIET_HOSTS: _quiet, ...rest } = process.env;
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--list', ...args], {
    cwd: repoRoot,
    env: { ...rest, ...env },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.split('\n');
}

/** "[project] › file:line:col › title" lines, as project and "file › title" (line numbers differ by nothing here). */
function tests(lines: string[], project: string): string[] {
  const pattern = new RegExp(`^\\s*\\[${project}\\] › (\\S+?):\\d+:\\d+ › (.*)$`);
  return lines.flatMap((line) => {
    const match = pattern.exec(line);
    return match ? [`${match[1]} › ${match[2]}`] : [];
  });
}

describe('the e2e hosts', () => {
  it('without an Electron binary, runs the browser shell only and says once, first, that it skipped Electron', () => {
    const lines = list({});
    const skips = lines.filter((line) => line.includes('Skipping the Electron host'));
    expect(skips).toHaveLength(1);
    expect(lines[0]).toBe(skips[0]);
    expect(skips[0]).toContain('STORY_BANK_ELECTRON=/path/to/electron');
    expect(tests(lines, 'browser-shell').length).toBeGreaterThan(20);
    expect(lines.some((line) => line.includes('[electron]'))).toBe(false);
  }, 60_000);

  it('with one, runs the same suite in the desktop app too, less the browser-shell-only tests, plus its smoke test', () => {
    const both = list({ STORY_BANK_ELECTRON: '/nonexistent/electron' });
    expect(both.some((line) => line.includes('Skipping the Electron host'))).toBe(false);
    const shellOnly = tests(list({}, '--grep', '@browser-shell'), 'browser-shell');
    expect(shellOnly.length).toBeGreaterThan(0);
    const shared = tests(both, 'browser-shell').filter((name) => !shellOnly.includes(name));
    const electron = tests(both, 'electron');
    expect(electron.filter((name) => name.startsWith('tests/e2e/')).sort()).toEqual(shared.sort());
    expect(electron.filter((name) => name.startsWith('tests/e2e-electron/'))).toHaveLength(1);
  }, 60_000);
});
