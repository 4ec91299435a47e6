import { z } from 'zod';
import { phraseListSchema } from '../rule-schema.ts';
import { sentenceAt } from '../text-analysis.ts';
import type { Match } from '../phrases.ts';
import { compileFirstPerson, firstPersonLexiconSchema, ownActionVerbsOf } from './first-person.ts';
import { defineScript, type ScriptFinding } from './script-api.ts';

/**
 * The Action resolves by handing the problem to someone else: it holds a hand-off ("escalated", "pinged my
 * manager", "they fixed it") and fewer than `minOwnActions` concrete steps of the speaker's own. An escalation
 * amid several own steps is fine and says nothing, and so is a hand-off the speaker followed with a step of their
 * own when nobody else is said to have fixed anything.
 */
export const handoffResolution = defineScript({
  name: 'handoff-resolution',
  summary: 'Fires when a section holds a hand-off or a fix by others and too few concrete first-person steps.',
  params: z.strictObject({
    handoff: phraseListSchema,
    resolvedByOthers: phraseListSchema,
    /** Matches inside these are not hand-offs ("de-escalated"). */
    exceptions: phraseListSchema.optional(),
    minOwnActions: z.number().int().min(1),
    /**
     * Escalations proper ("escalated", "paged the database team"): after the last of them the speaker must still
     * take `minOwnAfterEscalation` steps of their own. An Action whose own steps all come before the problem left
     * their hands (checked a graph, then escalated, then others fixed it) is an escalation story however busy the
     * start was; asking a manager for something ("asked my manager to move me") is not an escalation.
     */
    escalations: phraseListSchema.optional(),
    minOwnAfterEscalation: z.number().int().min(0).default(0),
    ...firstPersonLexiconSchema,
  }),
  compile(params, ctx) {
    const lex = compileFirstPerson(params, ctx);
    const handoff = ctx.phrases(params.handoff);
    const others = ctx.phrases(params.resolvedByOthers);
    const exceptions = params.exceptions ? ctx.phrases(params.exceptions) : -1;
    const escalations = params.escalations ? ctx.phrases(params.escalations) : -1;
    return (run) => {
      const out: ScriptFinding[] = [];
      for (const section of run.sections) {
        const except = exceptions >= 0 ? run.matches(section, exceptions) : [];
        const outside = (m: { start: number; end: number }) => !except.some((e) => e.start < m.end && m.start < e.end);
        const handoffs = run.matches(section, handoff).filter(outside);
        const fixedByOthers = run.matches(section, others).filter(outside);
        if (handoffs.length === 0 && fixedByOthers.length === 0) continue;
        const a = run.analysis(section);
        // The speaker's own steps, not counting verbs inside the hand-off phrases themselves.
        const inside = (t: number, list: readonly Match[]) => list.some((m) => m.tok <= t && t < m.tokEnd);
        // Where the problem leaves the speaker's hands: the last hand-off, or the last fix by others after it.
        let last = handoffs[handoffs.length - 1];
        const lastOther = fixedByOthers[fixedByOthers.length - 1];
        if (!last || (lastOther && lastOther.start > last.start)) last = lastOther;
        const escalated = escalations >= 0 ? run.matches(section, escalations).filter(outside) : [];
        const lastEscalation = escalated[escalated.length - 1];
        let own = 0;
        let ownAfter = 0;
        let ownAfterLast = 0;
        for (const v of ownActionVerbsOf(run, section, lex)) {
          if (inside(v, handoffs) || inside(v, fixedByOthers)) continue;
          own++;
          if (lastEscalation && v >= lastEscalation.tokEnd) ownAfter++;
          if (v >= last!.tokEnd) ownAfterLast++;
        }
        const keptHold = !lastEscalation || ownAfter >= params.minOwnAfterEscalation;
        if (own >= params.minOwnActions && keptHold) continue;
        // Nobody else fixed it and the speaker acted after telling someone ("I told the director it would slip, and
        // I offered two options"): the problem never left their hands, however short the text. Too few steps for
        // an Action is thin-action's to say, not this rule's.
        if (fixedByOthers.length === 0 && ownAfterLast > 0 && keptHold) continue;
        const span = sentenceAt(a, last!.start);
        out.push({ section, start: span.start, end: span.end, basis: 'section', values: { count: own } });
      }
      return out;
    };
  },
});
