import { z } from 'zod';
import { firstSentence } from '../text-analysis.ts';
import { compileFirstPerson, firstPersonLexiconSchema, ownActionVerbsOf } from './first-person.ts';
import { defineScript, type ScriptFinding } from './script-api.ts';

/** A non-empty section with fewer than `min` concrete first-person steps ("I rewrote...", "..., and added..."). */
export const ownActions = defineScript({
  name: 'own-actions',
  summary: 'Fires when a non-empty section has fewer than `min` concrete first-person verbs.',
  params: z.strictObject({ min: z.number().int().min(1), ...firstPersonLexiconSchema }),
  compile(params, ctx) {
    const lex = compileFirstPerson(params, ctx);
    return (run) => {
      const out: ScriptFinding[] = [];
      for (const section of run.sections) {
        const a = run.analysis(section);
        if (a.count === 0) continue;
        const count = ownActionVerbsOf(run, section, lex).length;
        if (count < params.min) out.push({ section, ...firstSentence(a), basis: 'section', values: { count, min: params.min } });
      }
      return out;
    };
  },
});
