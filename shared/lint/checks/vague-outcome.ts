import { z } from 'zod';
import { phraseListSchema } from '../rule-schema.ts';
import { compileQuantityLexicon, quantitiesOf, quantityLexiconSchema, sentencesWithQuantities } from './quantities.ts';
import { defineScript, type ScriptFinding } from './script-api.ts';

/** Feel-good or generic outcome phrases ("things got better", "the team was happy") in a sentence with no measure. */
export const vagueOutcome = defineScript({
  name: 'vague-outcome',
  summary: 'Reports each vague outcome phrase whose sentence holds no quantity.',
  params: z.strictObject({ phrases: phraseListSchema, quantities: quantityLexiconSchema }),
  compile(params, ctx) {
    const q = compileQuantityLexicon(params.quantities, ctx);
    const vague = ctx.phrases(params.phrases);
    return (run) => {
      const out: ScriptFinding[] = [];
      for (const section of run.sections) {
        const found = run.matches(section, vague);
        if (found.length === 0) continue;
        const a = run.analysis(section);
        const measured = sentencesWithQuantities(a, quantitiesOf(run, section, q));
        for (const m of found) {
          if (!measured.has(a.sentenceOf[m.tok]!)) out.push({ section, start: m.start, end: m.end, basis: 'text' });
        }
      }
      return out;
    };
  },
});
