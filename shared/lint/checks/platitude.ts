import { z } from 'zod';
import { phraseListSchema } from '../rule-schema.ts';
import { sentenceAt } from '../text-analysis.ts';
import { defineScript, type ScriptFinding } from './script-api.ts';

/**
 * A reflection that rests on a platitude ("communication is key") and never says what the speaker now does
 * differently. A platitude followed by a concrete change ("since then I write...") is fine.
 */
export const platitude = defineScript({
  name: 'platitude',
  summary: 'Fires when a section holds a platitude and no phrase naming a concrete change of practice.',
  params: z.strictObject({ platitudes: phraseListSchema, concreteCues: phraseListSchema }),
  compile(params, ctx) {
    const plat = ctx.phrases(params.platitudes);
    const cues = ctx.phrases(params.concreteCues);
    return (run) => {
      const out: ScriptFinding[] = [];
      for (const section of run.sections) {
        const found = run.matches(section, plat);
        if (found.length === 0 || run.matches(section, cues).length > 0) continue;
        const span = sentenceAt(run.analysis(section), found[0]!.start);
        out.push({ section, start: span.start, end: span.end, basis: 'section' });
      }
      return out;
    };
  },
});
