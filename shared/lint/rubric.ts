import type { z } from 'zod';
import { compileRubric, type CompiledRubric } from './engine.ts';
import { phraseProblem } from './phrases.ts';
import { RULE_KINDS, rubricGroupSchema, ruleSchema, type Rule } from './rule-schema.ts';
import { SCRIPTS } from './checks/index.ts';

/**
 * Loads rubric files (content/rubric/*.json) from already-parsed JSON: validates each rule with the schema,
 * splices "@lexicon" references, checks script params and phrase syntax, and checks ids are unique.
 * Node reads the files with fs (electron/cli/rubric-files.ts); the renderer passes Vite's
 * `import.meta.glob('../content/rubric/*.json', { eager: true, import: 'default' })` to `rubricFilesFromModules`.
 */

export interface RubricFile {
  /** File name or path, used in error messages. */
  name: string;
  data: unknown;
}

export class RubricError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`The rubric has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RubricError';
    this.problems = problems;
  }
}

export type RubricParseResult = { ok: true; rules: Rule[] } | { ok: false; problems: string[] };

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out;
}

function issuesToProblems(prefix: string, error: z.ZodError, basePath: ReadonlyArray<PropertyKey> = []): string[] {
  return error.issues.slice(0, 8).map((issue) => {
    const path = formatPath([...basePath, ...issue.path]);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return `${prefix}${path ? `${path}: ` : ''}${message}`;
  });
}

const MAX_LEXICON_DEPTH = 4;

class LexiconResolver {
  private readonly lexicons = new Map<string, { entries: string[]; file: string }>();
  readonly problems: string[] = [];

  add(name: string, entries: string[], file: string): void {
    const existing = this.lexicons.get(name);
    if (existing) {
      this.problems.push(`${file}: lexicon "${name}" is already defined in ${existing.file}`);
      return;
    }
    this.lexicons.set(name, { entries, file });
  }

  /** Expands "@name" items in a string list. Reports unknown names against `where`. */
  expand(list: readonly string[], where: string, depth = 0): string[] {
    const out: string[] = [];
    for (const item of list) {
      if (!item.startsWith('@')) {
        out.push(item);
        continue;
      }
      const name = item.slice(1);
      const lexicon = this.lexicons.get(name);
      if (!lexicon) {
        this.problems.push(`${where}: unknown lexicon "${item}"${this.lexicons.size ? ` (known: ${[...this.lexicons.keys()].sort().join(', ')})` : ''}`);
        continue;
      }
      if (depth >= MAX_LEXICON_DEPTH) {
        this.problems.push(`${where}: lexicon "${item}" nests references too deeply (a cycle?)`);
        continue;
      }
      out.push(...this.expand(lexicon.entries, `${lexicon.file}: lexicon "${name}"`, depth + 1));
    }
    return [...new Set(out)];
  }

  /** Expands references in every string array inside a params object. */
  expandDeep(value: unknown, where: string): unknown {
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'string')) return this.expand(value as string[], where);
      return value.map((v) => this.expandDeep(v, where));
    }
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.expandDeep(v, `${where}.${k}`);
      return out;
    }
    return value;
  }
}

interface PendingRule {
  file: string;
  label: string;
  raw: unknown;
}

function ruleLabel(raw: unknown, index: number | null): string {
  const id = raw !== null && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
  const at = index === null ? '' : `rules[${index}]`;
  if (id) return index === null ? `rule "${id}"` : `rule "${id}" (${at})`;
  return index === null ? 'rule' : at;
}

/**
 * Splices lexicons into a phrase list and checks the phrases that came from them (phrases written in the rule
 * itself were checked by the schema already).
 */
function expandPhrases(lexicons: LexiconResolver, list: readonly string[], where: string, problems: string[]): string[] {
  const out: string[] = [];
  for (const item of list) {
    if (!item.startsWith('@')) {
      out.push(item);
      continue;
    }
    for (const phrase of lexicons.expand([item], where)) {
      const problem = phraseProblem(phrase);
      if (problem) problems.push(`${where}: ${problem} (from lexicon "${item}")`);
      out.push(phrase);
    }
  }
  return [...new Set(out)];
}

/** Validates rubric files. Never throws: returns every problem found. */
export function safeParseRubric(files: readonly RubricFile[]): RubricParseResult {
  const problems: string[] = [];
  const lexicons = new LexiconResolver();
  const pending: PendingRule[] = [];

  for (const file of files) {
    const data = file.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      problems.push(`${file.name}: a rubric file holds one JSON object (a rule, or { "rules": [...], "lexicons": {...} })`);
      continue;
    }
    if ('id' in data || 'kind' in data) {
      pending.push({ file: file.name, label: ruleLabel(data, null), raw: data });
      continue;
    }
    const group = rubricGroupSchema.safeParse(data);
    if (!group.success) {
      problems.push(...issuesToProblems(`${file.name}: `, group.error));
      continue;
    }
    if (!group.data.rules && !group.data.lexicons) {
      problems.push(`${file.name}: holds neither "rules" nor "lexicons"`);
      continue;
    }
    for (const [name, entries] of Object.entries(group.data.lexicons ?? {})) lexicons.add(name, entries, file.name);
    (group.data.rules ?? []).forEach((raw, i) => pending.push({ file: file.name, label: ruleLabel(raw, i), raw }));
  }

  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  for (const { file, label, raw } of pending) {
    const where = `${file}: ${label}`;
    const kind = raw !== null && typeof raw === 'object' ? (raw as { kind?: unknown }).kind : undefined;
    if (typeof kind !== 'string' || !(RULE_KINDS as readonly string[]).includes(kind)) {
      problems.push(`${where}: kind: ${kind === undefined ? 'missing' : `"${String(kind)}" is not a kind`}; expected one of ${RULE_KINDS.join(', ')}`);
      continue;
    }
    const parsed = ruleSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...issuesToProblems(`${where}: `, parsed.error));
      continue;
    }
    const rule = parsed.data;
    const before = lexicons.problems.length;
    switch (rule.kind) {
      case 'existence':
      case 'signal':
      case 'occurrence':
        rule.phrases = expandPhrases(lexicons, rule.phrases, `${where}: phrases`, problems);
        if (rule.exceptions) rule.exceptions = expandPhrases(lexicons, rule.exceptions, `${where}: exceptions`, problems);
        break;
      case 'ratio':
        rule.numerator = expandPhrases(lexicons, rule.numerator, `${where}: numerator`, problems);
        rule.denominator = expandPhrases(lexicons, rule.denominator, `${where}: denominator`, problems);
        break;
      case 'script': {
        const definition = SCRIPTS.get(rule.script);
        if (!definition) {
          problems.push(`${where}: script: "${rule.script}" is not a script; expected one of ${[...SCRIPTS.keys()].join(', ')}`);
          continue;
        }
        const expanded = lexicons.expandDeep(rule.params ?? {}, `${where}: params`);
        const params = definition.params.safeParse(expanded);
        if (!params.success) {
          problems.push(...issuesToProblems(`${where}: `, params.error, ['params']));
          continue;
        }
        rule.params = params.data as Record<string, unknown>;
        break;
      }
      case 'length':
        break;
    }
    if (lexicons.problems.length > before) continue;
    const other = seen.get(rule.id);
    if (other !== undefined) {
      problems.push(`${where}: id "${rule.id}" is already used in ${other}`);
      continue;
    }
    seen.set(rule.id, file);
    rules.push(rule);
  }
  problems.push(...lexicons.problems);
  if (problems.length) return { ok: false, problems: [...new Set(problems)] };
  if (rules.length === 0) return { ok: false, problems: ['The rubric holds no rules.'] };
  return { ok: true, rules };
}

/** Validates rubric files; throws RubricError listing every problem (file, rule and field named). */
export function parseRubric(files: readonly RubricFile[]): Rule[] {
  const result = safeParseRubric(files);
  if (!result.ok) throw new RubricError(result.problems);
  return result.rules;
}

/** parseRubric then compileRubric: the one call a consumer needs. */
export function loadRubric(files: readonly RubricFile[]): CompiledRubric {
  return compileRubric(parseRubric(files));
}

/**
 * Turns the result of Vite's `import.meta.glob('…/content/rubric/*.json', { eager: true, import: 'default' })`
 * (or of the same call without `import: 'default'`) into rubric files, sorted by name.
 */
export function rubricFilesFromModules(modules: Readonly<Record<string, unknown>>): RubricFile[] {
  return Object.keys(modules)
    .sort()
    .map((name) => {
      const mod = modules[name];
      // A JSON module without `import: 'default'` is { default: data, ...named exports }; rubric files never use "default".
      const data = mod !== null && typeof mod === 'object' && 'default' in mod ? (mod as { default: unknown }).default : mod;
      return { name, data };
    });
}
