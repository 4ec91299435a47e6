import { z } from 'zod';
import type { SectionId } from '../../domain/sections.ts';
import { phraseListSchema, sectionIdSchema } from '../rule-schema.ts';
import { firstSentence } from '../text-analysis.ts';
import { defineScript, type ScriptFinding } from './script-api.ts';

/**
 * The story never names a customer (anywhere in the rule's sections), or names one but the outcome section says
 * nothing about them.
 */
export const customerImpact = defineScript({
  name: 'customer-impact',
  summary: 'Fires when no customer word appears in the story, or none appears in the outcome section.',
  params: z.strictObject({ customerWords: phraseListSchema, outcomeSection: sectionIdSchema }),
  compile(params, ctx) {
    const words = ctx.phrases(params.customerWords);
    return (run) => {
      let total = 0;
      let firstNonEmpty: SectionId | undefined;
      for (const section of run.sections) {
        total += run.matches(section, words).length;
        if (firstNonEmpty === undefined && run.analysis(section).count > 0) firstNonEmpty = section;
      }
      if (firstNonEmpty === undefined) return [];
      const out: ScriptFinding[] = [];
      if (total === 0) {
        out.push({ section: firstNonEmpty, ...firstSentence(run.analysis(firstNonEmpty)), basis: 'story', values: { problem: 'who' } });
      } else if (run.sections.includes(params.outcomeSection)) {
        const outcome = run.analysis(params.outcomeSection);
        if (outcome.count > 0 && run.matches(params.outcomeSection, words).length === 0) {
          out.push({ section: params.outcomeSection, ...firstSentence(outcome), basis: 'story', values: { problem: 'change' } });
        }
      }
      return out;
    };
  },
});
