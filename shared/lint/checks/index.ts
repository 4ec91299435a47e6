import { customerImpact } from './customer-impact.ts';
import { handoffResolution } from './handoff-resolution.ts';
import { ownActions } from './own-actions.ts';
import { passiveActor } from './passive-actor.ts';
import { platitude } from './platitude.ts';
import { quantifiedOutcome } from './quantified-outcome.ts';
import type { AnyScriptDefinition } from './script-api.ts';
import { vagueOutcome } from './vague-outcome.ts';

/** Every script a rubric rule may name. */
export const SCRIPTS: ReadonlyMap<string, AnyScriptDefinition> = new Map(
  [quantifiedOutcome, vagueOutcome, handoffResolution, ownActions, passiveActor, platitude, customerImpact].map((s) => [s.name, s]),
);

export type { AnyScriptDefinition, ScriptCheck, ScriptRunContext } from './script-api.ts';
