import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRubric, type CompiledRubric } from '../../shared/lint/engine.ts';
import { parseRubric, RubricError, type RubricFile } from '../../shared/lint/rubric.ts';
import type { Rule } from '../../shared/lint/rule-schema.ts';

/** content/rubric/ of this checkout. */
export function defaultRubricDir(): string {
  return fileURLToPath(new URL('../../content/rubric/', import.meta.url));
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new RubricError([`${name}: not valid JSON (${message})`]);
  }
}

function jsonNames(names: string[]): string[] {
  return names.filter((n) => n.endsWith('.json')).sort();
}

/** Reads every *.json file of a rubric folder, sorted by name. Throws RubricError on unreadable JSON. */
export async function readRubricFiles(dir: string = defaultRubricDir()): Promise<RubricFile[]> {
  const names = jsonNames(await readdir(dir));
  return Promise.all(names.map(async (name) => ({ name, data: parseJson(name, await readFile(join(dir, name), 'utf8')) })));
}

export function readRubricFilesSync(dir: string = defaultRubricDir()): RubricFile[] {
  return jsonNames(readdirSync(dir)).map((name) => ({ name, data: parseJson(name, readFileSync(join(dir, name), 'utf8')) }));
}

/** Reads and validates the rubric; throws RubricError naming each file and problem. */
export async function loadRules(dir?: string): Promise<Rule[]> {
  return parseRubric(await readRubricFiles(dir));
}

export function loadRulesSync(dir?: string): Rule[] {
  return parseRubric(readRubricFilesSync(dir));
}

/** Reads, validates and compiles the rubric: ready for lint(). */
export async function loadCompiledRubric(dir?: string): Promise<CompiledRubric> {
  return compileRubric(await loadRules(dir));
}

export function loadCompiledRubricSync(dir?: string): CompiledRubric {
  return compileRubric(loadRulesSync(dir));
}
