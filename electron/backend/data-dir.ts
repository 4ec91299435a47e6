import path from 'node:path';

export const DATABASE_FILE = 'story-bank.sqlite';

/**
 * Where the story bank lives: STORY_BANK_DATA_DIR when set (tests give each run a fresh one),
 * otherwise the folder the host hands in (Electron's userData folder).
 */
export function resolveDataDir(env: Readonly<Record<string, string | undefined>>, fallback: string): string {
  const fromEnv = env.STORY_BANK_DATA_DIR?.trim();
  return path.resolve(fromEnv ? fromEnv : fallback);
}

/** The same folder Electron's app.getPath('userData') gives for "Story Bank", so both hosts share one bank. */
export function defaultUserDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  const product = 'Story Bank';
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), product);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', product);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), product);
}
