import type { z } from 'zod';
import {
  frameworkFileSchema,
  principleFileSchema,
  type Framework,
  type Principle,
  type Probe,
  type Prompt,
} from './principle-schema.ts';

/**
 * Turns already-read content data into a typed, checked Framework. No file access here: Node code reads the
 * files and passes their JSON; the renderer passes what `import.meta.glob(..., { eager: true })` returns
 * (see filesFromGlob).
 */

/** One content file: its name or path (only the last segment matters) and its parsed JSON. */
export interface ContentFile {
  name: string;
  data: unknown;
}

export interface ContentIssue {
  /** The file the problem is in, as it was named by the caller. */
  file: string;
  /** Where in the file, e.g. "prompts[2].id" ('' for the whole file). */
  path: string;
  message: string;
}

/** Thrown when content does not validate. The message lists every problem, one per line, naming the file. */
export class ContentError extends Error {
  readonly issues: readonly ContentIssue[];
  constructor(issues: readonly ContentIssue[]) {
    super(
      `Invalid content (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  ${formatIssue(i)}`).join('\n'),
    );
    this.name = 'ContentError';
    this.issues = issues;
  }
}

export function formatIssue(issue: ContentIssue): string {
  return issue.path === '' ? `${issue.file}: ${issue.message}` : `${issue.file}: ${issue.path}: ${issue.message}`;
}

/** "content/principles/ownership.json" -> "ownership". */
export function contentFileId(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? name;
  return last.replace(/\.json$/i, '');
}

/**
 * Converts the result of Vite's `import.meta.glob('/content/principles/*.json', { eager: true })` (path -> module,
 * where a JSON module's data is its `default` export) into ContentFile[].
 */
export function filesFromGlob(modules: Record<string, unknown>): ContentFile[] {
  return Object.entries(modules).map(([name, mod]) => ({
    name,
    data: isRecord(mod) && 'default' in mod ? mod.default : mod,
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function zodIssues(file: string, error: z.ZodError): ContentIssue[] {
  return error.issues.map((issue) => ({ file, path: formatPath(issue.path), message: issue.message }));
}

/**
 * Validates a framework file and the principle files it lists.
 *
 * - `frameworkData` is the parsed framework JSON (content/frameworks/<id>.json).
 * - `principleFiles` may hold more files than the framework lists (e.g. a glob over a shared folder); files
 *   that are not listed are ignored. A listed principle is read from the file whose name is "<id>.json".
 * - `frameworkName` names the framework file in error messages.
 *
 * Throws ContentError listing every problem found.
 */
export function parseFramework(
  frameworkData: unknown,
  principleFiles: readonly ContentFile[],
  frameworkName = 'framework',
): Framework {
  const issues: ContentIssue[] = [];
  const parsedFramework = frameworkFileSchema.safeParse(frameworkData);
  if (!parsedFramework.success) throw new ContentError(zodIssues(frameworkName, parsedFramework.error));
  const fw = parsedFramework.data;

  const byId = new Map<string, ContentFile>();
  for (const file of principleFiles) {
    const id = contentFileId(file.name);
    if (byId.has(id)) {
      issues.push({ file: file.name, path: '', message: `another file is also named "${id}.json".` });
    }
    byId.set(id, file);
  }

  const principles: Principle[] = [];
  const seenPrinciples = new Set<string>();
  /** Prompt and probe ids share one namespace across the whole framework. */
  const seenIds = new Map<string, string>();

  fw.principles.forEach((principleId, index) => {
    if (seenPrinciples.has(principleId)) {
      issues.push({ file: frameworkName, path: `principles[${index}]`, message: `lists "${principleId}" twice.` });
      return;
    }
    seenPrinciples.add(principleId);
    const file = byId.get(principleId);
    if (file === undefined) {
      issues.push({
        file: frameworkName,
        path: `principles[${index}]`,
        message: `principle "${principleId}" has no file "${principleId}.json".`,
      });
      return;
    }
    const parsed = principleFileSchema.safeParse(file.data);
    if (!parsed.success) {
      issues.push(...zodIssues(file.name, parsed.error));
      return;
    }
    const p = parsed.data;
    const fileIssue = (path: string, message: string) => issues.push({ file: file.name, path, message });

    if (p.id !== principleId) fileIssue('id', `is "${p.id}" but the file is named "${principleId}.json".`);

    const checkId = (id: string, path: string) => {
      if (!id.startsWith(`${p.id}.`)) fileIssue(path, `"${id}" must start with "${p.id}.".`);
      const previous = seenIds.get(id);
      if (previous !== undefined) fileIssue(path, `"${id}" is already used (${previous}).`);
      else seenIds.set(id, `${file.name} ${path}`);
    };
    p.prompts.forEach((prompt, i) => checkId(prompt.id, `prompts[${i}].id`));
    p.probes.forEach((probe, i) => checkId(probe.id, `probes[${i}].id`));

    const declared = new Set(fw.levels);
    for (const level of fw.levels) {
      if (!(level in p.levels)) fileIssue('levels', `has no text for level "${level}".`);
    }
    for (const level of Object.keys(p.levels)) {
      if (!declared.has(level)) {
        fileIssue(`levels.${level}`, `"${level}" is not a level of framework "${fw.id}" (${fw.levels.join(', ')}).`);
      }
    }

    const phrases = new Set<string>();
    p.evidence.forEach((e, i) => {
      const key = e.phrase.toLowerCase().replace(/\s+/g, ' ');
      if (phrases.has(key)) fileIssue(`evidence[${i}].phrase`, `"${e.phrase}" is listed twice.`);
      phrases.add(key);
    });

    checkLookForCues(p.lookFors, p.lookForCues, fileIssue);
    if (p.pitfallRules.length !== p.pitfalls.length) {
      fileIssue(
        'pitfallRules',
        `has ${p.pitfallRules.length} list${p.pitfallRules.length === 1 ? '' : 's'} of rule ids for ${p.pitfalls.length} pitfalls; each pitfall needs one (an empty list when no rule tells it).`,
      );
    }

    principles.push({ ...p, frameworkId: fw.id });
  });

  if (issues.length > 0) throw new ContentError(issues);
  return {
    id: fw.id,
    name: fw.name,
    description: fw.description ?? null,
    levels: [...fw.levels],
    principles,
  };
}

/** "You stayed with the problem until it was really fixed…" -> its first words, to name a look-for in a message. */
function lookForLabel(index: number, text: string): string {
  if (text.length <= 50) return `look-for ${index + 1} ("${text}")`;
  const cut = text.slice(0, 48);
  const space = cut.lastIndexOf(' ');
  const short = `${(space > 20 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
  return `look-for ${index + 1} ("${short}")`;
}

/**
 * lookForCues[i] belongs to lookFors[i], so there must be exactly one list per look-for; within a list a cue may
 * not repeat (compared in lower case, spaces collapsed). Look-fors are counted from 1 in messages.
 */
function checkLookForCues(
  lookFors: readonly string[],
  lookForCues: readonly (readonly string[])[],
  fileIssue: (path: string, message: string) => void,
): void {
  const have = lookForCues.length;
  const want = lookFors.length;
  for (let i = have; i < want; i++) {
    fileIssue(
      'lookForCues',
      `has ${have} list${have === 1 ? '' : 's'} of cues for ${want} look-fors: ${lookForLabel(i, lookFors[i] ?? '')} has no cues.`,
    );
  }
  for (let i = want; i < have; i++) {
    fileIssue(
      `lookForCues[${i}]`,
      `has ${have} lists of cues for ${want} look-fors: list ${i + 1} belongs to no look-for.`,
    );
  }
  lookForCues.forEach((cues, i) => {
    const seen = new Set<string>();
    cues.forEach((cue, j) => {
      const key = cue.toLowerCase().replace(/\s+/g, ' ');
      if (seen.has(key)) {
        fileIssue(`lookForCues[${i}][${j}]`, `${lookForLabel(i, lookFors[i] ?? '')} lists the cue "${cue}" twice.`);
      }
      seen.add(key);
    });
  });
}

/** Like parseFramework, but returns the problems instead of throwing. */
export function safeParseFramework(
  frameworkData: unknown,
  principleFiles: readonly ContentFile[],
  frameworkName = 'framework',
): { ok: true; framework: Framework } | { ok: false; issues: readonly ContentIssue[] } {
  try {
    return { ok: true, framework: parseFramework(frameworkData, principleFiles, frameworkName) };
  } catch (error) {
    if (error instanceof ContentError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/**
 * Loads several frameworks at once (e.g. every file in content/frameworks/). Framework ids must be unique.
 * Principle files are shared: each framework picks the ones it lists.
 */
export function parseFrameworks(
  frameworkFiles: readonly ContentFile[],
  principleFiles: readonly ContentFile[],
): Framework[] {
  const issues: ContentIssue[] = [];
  const out: Framework[] = [];
  const seen = new Set<string>();
  for (const file of frameworkFiles) {
    const result = safeParseFramework(file.data, principleFiles, file.name);
    if (!result.ok) {
      issues.push(...result.issues);
      continue;
    }
    if (seen.has(result.framework.id)) {
      issues.push({ file: file.name, path: 'id', message: `framework "${result.framework.id}" is defined twice.` });
      continue;
    }
    seen.add(result.framework.id);
    out.push(result.framework);
  }
  if (issues.length > 0) throw new ContentError(issues);
  return out;
}

// Lookups over a loaded framework. Linear scans: a framework holds a few hundred ids at most.

export function findPrinciple(framework: Framework, principleId: string): Principle | undefined {
  return framework.principles.find((p) => p.id === principleId);
}

export function findPrompt(framework: Framework, promptId: string): { prompt: Prompt; principle: Principle } | undefined {
  for (const principle of framework.principles) {
    const prompt = principle.prompts.find((q) => q.id === promptId);
    if (prompt !== undefined) return { prompt, principle };
  }
  return undefined;
}

export function findProbe(framework: Framework, probeId: string): { probe: Probe; principle: Principle } | undefined {
  for (const principle of framework.principles) {
    const probe = principle.probes.find((q) => q.id === probeId);
    if (probe !== undefined) return { probe, principle };
  }
  return undefined;
}
