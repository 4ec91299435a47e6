import { z } from 'zod';
import { firstSentence } from '../text-analysis.ts';
import { compileQuantityLexicon, quantitiesOf, quantityLexiconSchema } from './quantities.ts';
import { defineScript, type ScriptFinding } from './script-api.ts';

/** A section (the Result) that states no quantity at all. Empty sections are left to missing-section. */
export const quantifiedOutcome = defineScript({
  name: 'quantified-outcome',
  summary: 'Fires when a non-empty section holds no quantity (number with a unit, percentage, money, duration, count, before/after, or a number in words). Dates and years do not count.',
  params: z.strictObject({ quantities: quantityLexiconSchema }),
  compile(params, ctx) {
    const q = compileQuantityLexicon(params.quantities, ctx);
    return (run) => {
      const out: ScriptFinding[] = [];
      for (const section of run.sections) {
        const a = run.analysis(section);
        if (a.count === 0) continue;
        if (quantitiesOf(run, section, q).length > 0) continue;
        out.push({ section, ...firstSentence(a), basis: 'section' });
      }
      return out;
    };
  },
});
