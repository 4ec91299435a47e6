import { describe, expect, it } from 'vitest';
import { compileRubric } from '../../../shared/lint/engine.ts';
import { parseRubric, RubricError, rubricFilesFromModules, safeParseRubric, type RubricFile } from '../../../shared/lint/rubric.ts';
import { rubricFiles } from './fixture.ts';

const examples = {
  trigger: [{ sections: { action: 'It was kind of slow.' } }],
  pass: [{ sections: { action: 'It took nine seconds.' } }],
};

const goodRule = {
  id: 'test-hedge',
  kind: 'existence',
  sections: ['action'],
  severity: 'suggestion',
  message: 'Hedging makes you sound unsure.',
  suggestion: 'State the fact instead of the hedge.',
  phrases: ['kind of'],
  examples,
};

function problems(files: RubricFile[]): string[] {
  const result = safeParseRubric(files);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('rubric loading', () => {
  it('accepts the shipped rubric and a minimal rule', () => {
    expect(safeParseRubric(rubricFiles).ok).toBe(true);
    expect(parseRubric([{ name: 'one.json', data: goodRule }]).map((r) => r.id)).toEqual(['test-hedge']);
    expect(parseRubric([{ name: 'group.json', data: { rules: [goodRule] } }])).toHaveLength(1);
  });

  it('names the file, the rule and the field', () => {
    const [p] = problems([{ name: 'style.json', data: { rules: [{ ...goodRule, severity: 'fatal' }] } }]);
    expect(p).toContain('style.json');
    expect(p).toContain('rule "test-hedge"');
    expect(p).toContain('severity');
  });

  it('rejects an unknown kind with the list of kinds', () => {
    const [p] = problems([{ name: 'x.json', data: { ...goodRule, kind: 'regex' } }]);
    expect(p).toMatch(/x\.json: rule "test-hedge": kind: "regex" is not a kind; expected one of existence/);
  });

  it('rejects unknown fields (typos) and missing examples', () => {
    expect(problems([{ name: 'x.json', data: { ...goodRule, phrase: ['x'] } }]).join('\n')).toMatch(/unknown field "phrase"/);
    const noPass = { ...goodRule, examples: { trigger: examples.trigger, pass: [] } };
    expect(problems([{ name: 'x.json', data: noPass }]).join('\n')).toMatch(/examples\.pass: Give at least one example that must not trigger/);
  });

  it('rejects bad phrase syntax with the phrase quoted', () => {
    const p = problems([{ name: 'x.json', data: { ...goodRule, phrases: ['(was|were happy'] } }]).join('\n');
    expect(p).toContain('phrases[0]');
    expect(p).toContain('"(was|were happy"');
    expect(p).toContain('without a closing ")"');
    expect(problems([{ name: 'x.json', data: { ...goodRule, phrases: ['ab*'] } }]).join('\n')).toContain('at least 3 letters');
  });

  it('rejects duplicate ids across files, naming both', () => {
    const p = problems([
      { name: 'a.json', data: goodRule },
      { name: 'b.json', data: { rules: [goodRule] } },
    ]);
    expect(p.join('\n')).toMatch(/b\.json: rule "test-hedge" \(rules\[0\]\): id "test-hedge" is already used in a\.json/);
  });

  it('resolves lexicons and reports unknown ones', () => {
    const lex = { name: 'lexicons.json', data: { lexicons: { hedges: ['kind of', 'sort of'] } } };
    const [rule] = parseRubric([lex, { name: 'r.json', data: { ...goodRule, phrases: ['@hedges', 'maybe'] } }]);
    expect(rule!.kind === 'existence' && rule!.phrases).toEqual(['kind of', 'sort of', 'maybe']);
    expect(problems([{ name: 'r.json', data: { ...goodRule, phrases: ['@nope'] } }]).join('\n')).toMatch(/r\.json: rule "test-hedge": phrases: unknown lexicon "@nope"/);
  });

  it('checks phrases that come from lexicons, and requires whole-word alternatives', () => {
    const lex = { name: 'lexicons.json', data: { lexicons: { broken: ['fine', 'bad*word'] } } };
    const p = problems([lex, { name: 'r.json', data: { ...goodRule, phrases: ['@broken'] } }]).join('\n');
    expect(p).toMatch(/r\.json: rule "test-hedge": phrases: phrase "bad\*word": may use "\*" only at the end of a word \(from lexicon "@broken"\)/);
    expect(problems([{ name: 'x.json', data: { ...goodRule, phrases: ['re(do|done)'] } }]).join('\n')).toContain('alternatives must be whole words');
  });

  it('checks script names and script params', () => {
    const script = { ...goodRule, kind: 'script', script: 'no-such-script', phrases: undefined };
    delete (script as { phrases?: unknown }).phrases;
    expect(problems([{ name: 's.json', data: script }]).join('\n')).toMatch(/script: "no-such-script" is not a script; expected one of quantified-outcome/);
    const badParams = { ...script, script: 'own-actions', params: { min: 'two' } };
    const p = problems([{ name: 's.json', data: badParams }]).join('\n');
    expect(p).toContain('params.min');
  });

  it('rejects files that are not objects, and empty rubrics', () => {
    expect(problems([{ name: 'x.json', data: [goodRule] }]).join('\n')).toContain('x.json: a rubric file holds one JSON object');
    expect(problems([]).join('\n')).toContain('no rules');
  });

  it('parseRubric throws a RubricError listing every problem', () => {
    try {
      parseRubric([{ name: 'x.json', data: { ...goodRule, severity: 'fatal', sections: ['plot'] } }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RubricError);
      expect((error as RubricError).problems.length).toBeGreaterThanOrEqual(2);
      expect((error as Error).message).toContain('x.json');
    }
  });

  it('compileRubric refuses duplicate ids given directly', () => {
    const [rule] = parseRubric([{ name: 'a.json', data: goodRule }]);
    expect(() => compileRubric([rule!, rule!])).toThrow(/share the id/);
  });

  it('takes modules the way Vite import.meta.glob gives them', () => {
    const files = rubricFilesFromModules({ '/content/rubric/b.json': { default: goodRule }, '/content/rubric/a.json': { rules: [] } });
    expect(files.map((f) => f.name)).toEqual(['/content/rubric/a.json', '/content/rubric/b.json']);
    expect(files[1]!.data).toBe(goodRule);
  });
});
