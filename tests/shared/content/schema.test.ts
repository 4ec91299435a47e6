import { describe, expect, it } from 'vitest';
import {
  ContentError,
  contentFileId,
  filesFromGlob,
  findPrinciple,
  findProbe,
  findPrompt,
  parseFramework,
  parseFrameworks,
  safeParseFramework,
  type ContentFile,
} from '../../../shared/content/load.ts';
import { CONTENT_LIMITS } from '../../../shared/content/principle-schema.ts';
import { LEVELS } from '../../../shared/domain/levels.ts';
import { PRINCIPLE_IDS, PRINCIPLES } from '../../../shared/domain/principles.ts';
import { phraseStems } from '../../../shared/suggest/tokens.ts';
import { loadAmazonFramework, readFrameworkData, readJsonFiles } from './content-files.ts';

const FRAMEWORK_FILE = 'content/frameworks/amazon-lp.json';

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The real content, with one principle file replaced by `change(data)`. */
function withChangedPrinciple(id: string, change: (data: Record<string, unknown>) => void): ContentFile[] {
  return readJsonFiles('principles').map((file) => {
    if (contentFileId(file.name) !== id) return file;
    const data = clone(file.data) as Record<string, unknown>;
    change(data);
    return { name: file.name, data };
  });
}

function problemsOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error('expected the content to be rejected');
}

describe('the Amazon framework content', () => {
  const framework = loadAmazonFramework();

  it('lists exactly the principles of shared/domain/principles.ts, in the same order and with the same names', () => {
    expect(framework.id).toBe('amazon-lp');
    expect(framework.principles.map((p) => p.id)).toEqual([...PRINCIPLE_IDS]);
    expect(framework.principles.map((p) => p.name)).toEqual(PRINCIPLES.map((p) => p.name));
  });

  it('declares the five interview levels of shared/domain/levels.ts', () => {
    expect(framework.levels).toEqual([...LEVELS]);
  });

  it('has no principle file that the framework does not list', () => {
    const files = readJsonFiles('principles').map((f) => contentFileId(f.name));
    expect(files.sort()).toEqual([...PRINCIPLE_IDS].sort());
  });

  describe.each(framework.principles.map((p) => [p.id, p] as const))('%s', (_id, principle) => {
    it('is complete', () => {
      expect(principle.summary.length).toBeGreaterThan(60);
      expect(principle.lookFors.length).toBeGreaterThanOrEqual(4);
      expect(principle.lookFors.length).toBeLessThanOrEqual(6);
      expect(principle.pitfalls.length).toBeGreaterThanOrEqual(2);
      expect(principle.prompts.length).toBeGreaterThanOrEqual(6);
      expect(principle.probes.length).toBeGreaterThanOrEqual(3);
      expect(principle.probes.length).toBeLessThanOrEqual(5);
      expect(principle.emphasize.length).toBeGreaterThanOrEqual(2);
      expect(principle.downplay.length).toBeGreaterThanOrEqual(2);
      expect(Object.keys(principle.levels).sort()).toEqual([...LEVELS].sort());
      for (const level of LEVELS) expect(principle.levels[level]?.length ?? 0).toBeGreaterThan(30);
      for (const probe of principle.probes) {
        expect(probe.question).toMatch(/[?.]$/);
        expect(probe.weak).not.toBe(probe.strong);
      }
    });

    it('has prompts phrased as questions an interviewer would ask, with ids under the principle', () => {
      for (const prompt of principle.prompts) {
        expect(prompt.id.startsWith(`${principle.id}.`)).toBe(true);
        expect(prompt.text).toMatch(/^Tell me /);
      }
      for (const probe of principle.probes) expect(probe.id.startsWith(`${principle.id}.`)).toBe(true);
    });

    it('has evidence phrases that all differ once stemmed', () => {
      const seen = new Map<string, string>();
      for (const e of principle.evidence) {
        const key = phraseStems(e.phrase).join(' ');
        expect(key, `"${e.phrase}" has no words`).not.toBe('');
        expect(seen.get(key), `"${e.phrase}" matches the same words as "${seen.get(key)}"`).toBeUndefined();
        seen.set(key, e.phrase);
      }
    });
  });

  it('uses every prompt and probe id once across the whole framework', () => {
    const ids = framework.principles.flatMap((p) => [...p.prompts.map((q) => q.id), ...p.probes.map((q) => q.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(16 * (6 + 3));
  });

  it('has lookups by id', () => {
    expect(findPrinciple(framework, 'frugality')?.name).toBe('Frugality');
    expect(findPrompt(framework, 'ownership.outside-your-scope')?.principle.id).toBe('ownership');
    expect(findProbe(framework, 'dive-deep.probe.how-found')?.probe.question).toMatch(/cause/);
    expect(findPrompt(framework, 'ownership.no-such-prompt')).toBeUndefined();
  });
});

describe('parseFramework rejects broken content with clear messages', () => {
  const frameworkData = readFrameworkData('amazon-lp');

  it('names the file, the field and the limit when a principle has too few prompts', () => {
    const files = withChangedPrinciple('ownership', (d) => {
      d.prompts = (d.prompts as unknown[]).slice(0, 3);
    });
    const message = problemsOf(() => parseFramework(frameworkData, files, FRAMEWORK_FILE));
    expect(message).toContain('content/principles/ownership.json: prompts: needs at least 6 prompts.');
  });

  it('reports a missing level, a stray level and too many probes, all at once', () => {
    const files = withChangedPrinciple('dive-deep', (d) => {
      const levels = d.levels as Record<string, string>;
      delete levels.Principal;
      levels.Staff = 'Somebody in between.';
    });
    const more = files.map((f) => {
      if (contentFileId(f.name) !== 'frugality') return f;
      const data = clone(f.data) as { probes: unknown[] };
      data.probes = [...data.probes, ...data.probes];
      return { name: f.name, data };
    });
    const result = safeParseFramework(frameworkData, more, FRAMEWORK_FILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.issues.map((i) => `${i.file} | ${i.path} | ${i.message}`);
    expect(text).toContain('content/principles/dive-deep.json | levels | has no text for level "Principal".');
    expect(text.some((t) => t.startsWith('content/principles/dive-deep.json | levels.Staff | "Staff" is not a level'))).toBe(
      true,
    );
    expect(text).toContain('content/principles/frugality.json | probes | allows at most 5 probes.');
  });

  it('reports a prompt id used by two principles, naming where it was first used', () => {
    const files = withChangedPrinciple('think-big', (d) => {
      const prompts = d.prompts as Array<{ id: string }>;
      (prompts[0] as { id: string }).id = 'ownership.outside-your-scope';
    });
    const message = problemsOf(() => parseFramework(frameworkData, files, FRAMEWORK_FILE));
    expect(message).toContain(
      'content/principles/think-big.json: prompts[0].id: "ownership.outside-your-scope" must start with "think-big.".',
    );
    expect(message).toContain('"ownership.outside-your-scope" is already used (content/principles/ownership.json prompts[0].id).');
  });

  it('reports a probe id that repeats a prompt id in the same file', () => {
    const files = withChangedPrinciple('earn-trust', (d) => {
      const probes = d.probes as Array<{ id: string }>;
      (probes[1] as { id: string }).id = 'earn-trust.admitted-mistake';
    });
    const message = problemsOf(() => parseFramework(frameworkData, files, FRAMEWORK_FILE));
    expect(message).toMatch(/earn-trust\.json: probes\[1\]\.id: "earn-trust\.admitted-mistake" is already used/);
  });

  it('reports a file whose id does not match its name, a misspelled field and a bad evidence weight', () => {
    const files = withChangedPrinciple('think-big', (d) => {
      d.id = 'think-bigger';
      d.lookfors = d.lookFors;
      const evidence = d.evidence as Array<{ weight: number }>;
      (evidence[0] as { weight: number }).weight = 12;
    });
    const message = problemsOf(() => parseFramework(frameworkData, files, FRAMEWORK_FILE));
    expect(message).toContain('content/principles/think-big.json: evidence[0].weight: An evidence weight must be at most 5.');
    expect(message).toMatch(/think-big\.json: .*lookfors/);

    const onlyId = withChangedPrinciple('think-big', (d) => {
      d.id = 'think-bigger';
    });
    expect(problemsOf(() => parseFramework(frameworkData, onlyId, FRAMEWORK_FILE))).toContain(
      'content/principles/think-big.json: id: is "think-bigger" but the file is named "think-big.json".',
    );
  });

  it('reports a listed principle that has no file', () => {
    const files = readJsonFiles('principles').filter((f) => contentFileId(f.name) !== 'frugality');
    expect(problemsOf(() => parseFramework(frameworkData, files, FRAMEWORK_FILE))).toContain(
      `${FRAMEWORK_FILE}: principles[9]: principle "frugality" has no file "frugality.json".`,
    );
  });

  it('reports a broken framework file', () => {
    const broken = { ...(clone(frameworkData) as Record<string, unknown>), levels: ['SDE1', 'SDE1'] };
    expect(problemsOf(() => parseFramework(broken, readJsonFiles('principles'), FRAMEWORK_FILE))).toContain(
      `${FRAMEWORK_FILE}: levels: lists a level twice.`,
    );
    expect(problemsOf(() => parseFramework(null, [], FRAMEWORK_FILE))).toContain(FRAMEWORK_FILE);
  });

  it('reports an evidence phrase listed twice', () => {
    const files = withChangedPrinciple('frugality', (d) => {
      const evidence = d.evidence as Array<{ phrase: string; weight: number }>;
      evidence.push({ phrase: 'Cut  costs', weight: 1 });
    });
    expect(problemsOf(() => parseFramework(frameworkData, files, FRAMEWORK_FILE))).toMatch(
      /frugality\.json: evidence\[\d+\]\.phrase: "Cut {2}costs" is listed twice\./,
    );
  });
});

describe('the loader is generic over frameworks', () => {
  const principle = (id: string, levels: string[]) => {
    const base = clone(loadAmazonFramework().principles[0]) as Record<string, unknown>;
    delete base.frameworkId;
    const prompts = (base.prompts as Array<{ id: string; text: string }>).map((p, i) => ({ id: `${id}.prompt-${i}`, text: p.text }));
    const probes = (base.probes as Array<Record<string, string>>).map((p, i) => ({ ...p, id: `${id}.probe-${i}` }));
    return {
      ...base,
      id,
      name: id.toUpperCase(),
      prompts,
      probes,
      levels: Object.fromEntries(levels.map((l) => [l, `What a ${l} shows for ${id}.`])),
    };
  };

  it('loads another company values with their own levels, from glob-shaped modules, without code changes', () => {
    const levels = ['Junior', 'Senior', 'Staff'];
    const modules = {
      '/content/principles/acme-kindness.json': { default: principle('acme-kindness', levels) },
      '/content/principles/acme-speed.json': { default: principle('acme-speed', levels) },
      // A principle of another framework in the same folder is ignored.
      '/content/principles/customer-obsession.json': { default: { not: 'used here' } },
    };
    const framework = parseFramework(
      { id: 'acme-values', name: 'Acme Values', levels, principles: ['acme-speed', 'acme-kindness'] },
      filesFromGlob(modules),
    );
    expect(framework.principles.map((p) => p.id)).toEqual(['acme-speed', 'acme-kindness']);
    expect(framework.principles.every((p) => p.frameworkId === 'acme-values')).toBe(true);
    expect(framework.levels).toEqual(levels);
    expect(framework.description).toBeNull();
  });

  it('loads several frameworks and refuses two with the same id', () => {
    const levels = ['One'];
    const files = [{ name: 'x/acme-speed.json', data: principle('acme-speed', levels) }];
    const fw = { id: 'acme-values', name: 'Acme', levels, principles: ['acme-speed'] };
    expect(parseFrameworks([{ name: 'a.json', data: fw }], files).map((f) => f.id)).toEqual(['acme-values']);
    expect(problemsOf(() => parseFrameworks([{ name: 'a.json', data: fw }, { name: 'b.json', data: fw }], files))).toContain(
      'b.json: id: framework "acme-values" is defined twice.',
    );
  });

  it('filesFromGlob passes plain data through and contentFileId takes the last path segment', () => {
    expect(filesFromGlob({ 'a/b.json': { id: 'b' } })).toEqual([{ name: 'a/b.json', data: { id: 'b' } }]);
    expect(contentFileId('/content/principles/dive-deep.json')).toBe('dive-deep');
    expect(contentFileId('C:\\content\\principles\\dive-deep.json')).toBe('dive-deep');
  });

  it('enforces the documented limits', () => {
    expect(CONTENT_LIMITS.prompts.min).toBe(6);
    const tooManyLookFors: Record<string, unknown> = principle('acme-speed', ['One']);
    tooManyLookFors.lookFors = Array.from({ length: 7 }, (_, i) => `Look-for number ${i}`);
    const result = safeParseFramework({ id: 'acme', name: 'Acme', levels: ['One'], principles: ['acme-speed'] }, [
      { name: 'acme-speed.json', data: tooManyLookFors },
    ]);
    expect(result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'lookFors: allows at most 6 look-fors (has more).',
    ]);
  });
});
