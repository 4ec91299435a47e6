import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../../electron/cli/content-files.ts';
import { loadCompiledRubricSync } from '../../../electron/cli/rubric-files.ts';
import { findPrinciple } from '../../../shared/content/load.ts';
import type { Principle } from '../../../shared/content/principle-schema.ts';
import { SECTION_IDS } from '../../../shared/domain/sections.ts';
import { analyzeStory } from '../../../shared/lint/engine.ts';
import { principleGuide, storyGuide } from '../../../shared/lint/guide.ts';
import { DEFAULT_CORPUS, evaluateCorpus, type StoryResult } from '../../../scripts/eval-lint/core.ts';

const rubric = loadCompiledRubricSync();
const framework = loadFramework();
const evaluation = evaluateCorpus(DEFAULT_CORPUS, rubric, framework);
const principleById = (id: string): Principle | undefined => findPrinciple(framework, id);

function story(file: string): StoryResult {
  const found = evaluation.stories.find((s) => s.file === file);
  if (found === undefined) throw new Error(`no corpus story ${file}`);
  return found;
}

function guideOf(s: StoryResult, roles: Record<string, 'primary' | 'secondary'> = {}) {
  return storyGuide({
    sections: s.texts,
    principles: s.verdicts.map((v) => ({ id: v.principle, role: roles[v.principle] ?? 'primary' })),
    level: s.verdicts[0]?.level ?? 'SDE2',
    diagnostics: s.diagnostics,
    framework,
  });
}

describe('the principle guide', () => {
  it('marks the "we throughout" pitfall on a story told in "we", pointing at the finding', () => {
    const we = story('02-checkout-rewrite-we.md');
    const [guide] = guideOf(we);
    expect(guide!.principle).toBe('deliver-results');
    const fallen = guide!.pitfalls.filter((p) => p.finding !== null);
    expect(fallen.map((p) => p.text)).toEqual([expect.stringMatching(/^"We" throughout/)]);
    expect(fallen[0]!.finding).toMatchObject({ ruleId: 'we-overuse', section: 'action' });
  });

  it('marks no pitfall on any strong story of the labeled corpus, for any of its principles', () => {
    const strong = evaluation.stories.filter((s) => s.label.label === 'strong');
    expect(strong.length).toBeGreaterThanOrEqual(15);
    const marked = strong.flatMap((s) =>
      guideOf(s).flatMap((g) => g.pitfalls.filter((p) => p.finding).map((p) => `${s.file} ${g.principle}: ${p.finding!.ruleId}`)),
    );
    expect(marked).toEqual([]);
  });

  it('marks a pitfall on every weak story whose labeled flaws include one of its rules', () => {
    let checked = 0;
    for (const s of evaluation.stories.filter((x) => x.label.label === 'weak')) {
      for (const g of guideOf(s)) {
        const principle = principleById(g.principle)!;
        principle.pitfallRules.forEach((rules, i) => {
          if (!rules.some((r) => s.label.expect.includes(r))) return;
          checked++;
          expect(g.pitfalls[i]!.finding, `${s.file}: ${principle.pitfalls[i]}`).not.toBeNull();
        });
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it('does not mark a pitfall whose finding the writer ignored', () => {
    const we = story('02-checkout-rewrite-we.md');
    const kept = we.diagnostics.filter((d) => d.ruleId !== 'we-overuse');
    const [guide] = storyGuide({
      sections: we.texts,
      principles: [{ id: 'deliver-results', role: 'primary' }],
      level: 'SDE2',
      diagnostics: kept,
      framework,
    });
    expect(guide!.pitfalls.some((p) => p.finding?.ruleId === 'we-overuse')).toBe(false);
  });

  it('ticks look-fors with the words of the story that show them', () => {
    const s = story('05-safari-checkout-bug.md');
    for (const g of guideOf(s)) {
      expect(g.lookFors.length).toBe(principleById(g.principle)!.lookFors.length);
      for (const result of g.lookFors) {
        if (result.hit === null) continue;
        expect(s.texts[result.hit.section].slice(result.hit.start, result.hit.end)).toBe(result.hit.text);
      }
    }
    expect(guideOf(s).some((g) => g.lookFors.some((l) => l.hit !== null))).toBe(true);
  });

  it('ticks nothing on an empty story, and marks only pitfalls whose rule fires', () => {
    const sections = Object.fromEntries(SECTION_IDS.map((id) => [id, ''])) as Record<(typeof SECTION_IDS)[number], string>;
    const analysis = analyzeStory({ sections, principles: ['customer-obsession'], level: 'SDE2' }, rubric);
    const [guide] = storyGuide({ sections, principles: [{ id: 'customer-obsession', role: 'primary' }], level: 'SDE2', diagnostics: analysis.diagnostics, framework });
    expect(guide!.lookFors.every((l) => l.hit === null)).toBe(true);
    const fired = new Set(analysis.diagnostics.filter((d) => d.severity !== 'positive').map((d) => d.ruleId));
    const co = principleById('customer-obsession')!;
    guide!.pitfalls.forEach((p, i) => {
      expect(p.finding !== null).toBe(co.pitfallRules[i]!.some((r) => fired.has(r)));
    });
  });

  it('gives emphasize and downplay only for a principle the story is angled to as a secondary one', () => {
    const s = story('05-safari-checkout-bug.md');
    const principle = principleById('invent-and-simplify')!;
    const input = { sections: s.texts, level: 'Senior' as const, diagnostics: s.diagnostics };
    expect(principleGuide(principle, false, input).angle).toBeNull();
    expect(principleGuide(principle, true, input).angle).toEqual({ emphasize: principle.emphasize, downplay: principle.downplay });
  });

  it('gives the expectation for the chosen level, and says which pitfalls no rule can tell', () => {
    const s = story('05-safari-checkout-bug.md');
    const principle = principleById('ownership')!;
    for (const level of framework.levels) {
      const guide = principleGuide(principle, false, { sections: s.texts, level: level as never, diagnostics: [] });
      expect(guide.expectation).toBe(principle.levels[level]);
    }
    const guide = principleGuide(principle, false, { sections: s.texts, level: 'SDE2', diagnostics: [] });
    expect(guide.pitfalls.map((p) => p.detectable)).toEqual(principle.pitfallRules.map((r) => r.length > 0));
  });

  it('skips a principle the content does not know', () => {
    const s = story('05-safari-checkout-bug.md');
    expect(storyGuide({ sections: s.texts, principles: [{ id: 'not-a-principle', role: 'primary' }], level: 'SDE2', diagnostics: [], framework })).toEqual([]);
  });
});

describe('pitfallRules in the shipped content', () => {
  const ruleIds = new Set(rubric.rules.map((r) => r.id));
  it.each(framework.principles.map((p) => [p.id, p] as const))('%s names one list per pitfall, of rules the rubric has', (_id, p) => {
    expect(p.pitfallRules.length).toBe(p.pitfalls.length);
    for (const id of p.pitfallRules.flat()) expect(ruleIds.has(id), id).toBe(true);
  });
});
