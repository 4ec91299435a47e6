/**
 * Test helper: reads the real content/ files from disk with node:fs and loads them through the shared loader,
 * the way the Node backend will.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFramework, type ContentFile } from '../../../shared/content/load.ts';
import type { Framework } from '../../../shared/content/principle-schema.ts';

export const CONTENT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'content');

export function readJsonFiles(folder: string): ContentFile[] {
  const dir = join(CONTENT_DIR, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name: `content/${folder}/${name}`, data: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown }));
}

export function readFrameworkData(id: string): unknown {
  return JSON.parse(readFileSync(join(CONTENT_DIR, 'frameworks', `${id}.json`), 'utf8')) as unknown;
}

let amazon: Framework | undefined;

/** The Amazon framework, loaded once per test file. */
export function loadAmazonFramework(): Framework {
  amazon ??= parseFramework(readFrameworkData('amazon-lp'), readJsonFiles('principles'), 'content/frameworks/amazon-lp.json');
  return amazon;
}
