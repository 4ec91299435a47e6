import { z } from 'zod';
import { HAS_LETTER, JOIN_PREV } from '../text-analysis.ts';
import { isRegularPast, isSkippable } from './first-person.ts';
import { defineScript, wordListSchema, type ScriptFinding } from './script-api.ts';

/**
 * Passive voice that hides who acted: "the bug was fixed", "the config got rolled back", with no "by ..." naming
 * the actor. Passives whose subject is the speaker ("I was asked to...") are left alone: the actor of the step is
 * clear, only the asker is unnamed.
 */
export const passiveActor = defineScript({
  name: 'passive-actor',
  summary: 'Reports passive constructions with no "by" phrase, except when the subject is I or we.',
  params: z.strictObject({
    /** Forms of "be"/"get" that start a passive (was, were, been, got). */
    auxiliaries: wordListSchema.min(1),
    /** Irregular past participles (written, built, done...). Regular ones end in -ed. */
    participles: wordListSchema.min(1),
    /** -ed words that describe a state, not an action (interested, involved, based). */
    stateWords: wordListSchema,
    /** Words allowed between the auxiliary and the participle (not, also, then, been, being; -ly words too). */
    skipWords: wordListSchema,
    /** Subjects that make the passive harmless (i, we). */
    subjects: wordListSchema,
    /** -ed words that are not verbs (hundred). */
    notVerbs: wordListSchema,
    /** How many words after the participle a "by" may appear and still name the actor. */
    byWindow: z.number().int().min(1).max(10),
  }),
  compile(params, ctx) {
    const aux = ctx.words(params.auxiliaries);
    const irregular = ctx.words(params.participles);
    const states = ctx.words(params.stateWords);
    const skip = ctx.words(params.skipWords);
    const subjects = ctx.words(params.subjects);
    const notVerbs = ctx.words(params.notVerbs);
    const by = ctx.words(['by']);
    return (run) => {
      const out: ScriptFinding[] = [];
      for (const section of run.sections) {
        const a = run.analysis(section);
        const ids = run.ids(section);
        const n = a.count;
        let covered = -1;
        for (let t = 0; t < n; t++) {
          if (t <= covered || !aux.has(ids[t]!)) continue;
          const s = a.sentenceOf[t]!;
          let v = t + 1;
          let hops = 0;
          while (v < n && a.sentenceOf[v] === s && hops < 3 && (a.flags[v]! & JOIN_PREV) !== 0 && isSkippable(a, ids, v, skip)) {
            v++;
            hops++;
          }
          if (v >= n || a.sentenceOf[v] !== s || (a.flags[v]! & JOIN_PREV) === 0 || (a.flags[v]! & HAS_LETTER) === 0) continue;
          const pid = ids[v]!;
          const participle = irregular.has(pid) || (!notVerbs.has(pid) && isRegularPast(a, t === v ? t : v));
          if (!participle || states.has(pid)) continue;
          covered = v;
          // Subject right before the auxiliary (skipping an adverb): "I was asked", "we were told".
          let subj = t - 1;
          while (subj >= 0 && a.sentenceOf[subj] === s && isSkippable(a, ids, subj, skip)) subj--;
          if (subj >= 0 && a.sentenceOf[subj] === s && subjects.has(ids[subj]!)) continue;
          let named = false;
          for (let k = v + 1; k < n && k <= v + params.byWindow && a.sentenceOf[k] === s; k++) {
            if (by.has(ids[k]!)) {
              named = true;
              break;
            }
          }
          if (!named) out.push({ section, start: a.starts[t]!, end: a.ends[v]!, basis: 'text' });
        }
      }
      return out;
    };
  },
});
