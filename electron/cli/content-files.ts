import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ContentFile, parseFrameworks } from '../../shared/content/load.ts';
import type { Framework } from '../../shared/content/principle-schema.ts';

/** The coaching content (content/frameworks, content/principles) of this checkout, read with node:fs. */

/** The framework stories are mapped to: the same one the app uses. */
export const FRAMEWORK_ID = 'amazon-lp';

export function defaultContentDir(): string {
  return fileURLToPath(new URL('../../content/', import.meta.url));
}

function readFolder(dir: string, folder: string): ContentFile[] {
  const path = join(dir, folder);
  return readdirSync(path)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name: `content/${folder}/${name}`, data: JSON.parse(readFileSync(join(path, name), 'utf8')) as unknown }));
}

/** Reads and checks the frameworks; throws ContentError naming each bad file. */
export function loadFramework(dir: string = defaultContentDir(), id: string = FRAMEWORK_ID): Framework {
  const all = parseFrameworks(readFolder(dir, 'frameworks'), readFolder(dir, 'principles'));
  const chosen = all.find((f) => f.id === id) ?? all[0];
  if (!chosen) throw new Error(`No framework found in ${join(dir, 'frameworks')}.`);
  return chosen;
}
