import { readRubricFilesSync } from '../../../electron/cli/rubric-files.ts';
import { SECTION_IDS, type SectionId } from '../../../shared/domain/sections.ts';
import type { PrincipleId } from '../../../shared/domain/principles.ts';
import { compileRubric, lint, type LintOptions } from '../../../shared/lint/engine.ts';
import { parseRubric } from '../../../shared/lint/rubric.ts';
import type { Diagnostic } from '../../../shared/lint/diagnostics.ts';

/** The shipped rubric (content/rubric/*.json), parsed and compiled once for all tests. */
export const rubricFiles = readRubricFilesSync();
export const rules = parseRubric(rubricFiles);
export const rubric = compileRubric(rules);

export type SectionTexts = Record<SectionId, string>;

export function sections(partial: Partial<SectionTexts>): SectionTexts {
  const out = {} as SectionTexts;
  for (const id of SECTION_IDS) out[id] = partial[id] ?? '';
  return out;
}

/** Lints with the shipped rubric; `only` limits to some rule ids. */
export function lintStory(partial: Partial<SectionTexts>, principles: PrincipleId[] = [], options: LintOptions = {}): Diagnostic[] {
  return lint({ sections: sections(partial), principles }, rubric, options);
}

export function findingsOf(ruleId: string, partial: Partial<SectionTexts>, principles: PrincipleId[] = []): Diagnostic[] {
  return lintStory(partial, principles, { only: [ruleId] });
}

/** The text each finding covers. */
export function flagged(diagnostics: readonly Diagnostic[], texts: Partial<SectionTexts>): string[] {
  return diagnostics.map((d) => (texts[d.section] ?? '').slice(d.start, d.end));
}

/** A strong story: every required section, a metric, own steps, scope, a specific reflection, about 2.5 minutes. */
export const STRONG_STORY: SectionTexts = {
  situation:
    'In 2022 I was the backend lead for checkout at an online retailer. During the holiday sale our fraud-scoring vendor slowed down, and customers started abandoning carts at the payment step.',
  task: 'The checkout service was mine to keep healthy. My job was to stop the timeouts before the second sale weekend without switching off fraud checks, because finance would not accept more chargebacks.',
  action:
    'I pulled a week of request logs and grouped the slow calls by order type. I found that nine in ten timeouts came from gift-card orders, which the vendor scored with an extra lookup.\n\n' +
    'I proposed scoring those orders after payment and holding shipment until the score arrived, and I walked my manager and the warehouse lead through the risk. I wrote the change behind a feature flag so it could be switched off in seconds, and I added a dashboard for the held orders.\n\n' +
    'I ran a load test that replayed the busiest hour at twice the volume, found a connection-pool limit, and raised it. On Friday I enabled the flag for a tenth of traffic, watched the error rate for an hour, and then rolled it out to everyone.\n\n' +
    'On Saturday the held-order queue grew faster than the warehouse could review it, so I wrote a rule that released low-value orders when the score came back clean, reviewed it with the fraud analyst, and deployed it before noon. On Sunday I wrote up the timeline and the flag settings and walked the next on-call engineer through them.',
  result:
    'Checkout timeouts fell from 6% of orders to under 0.5% for the second weekend, and customers abandoned a third fewer carts at payment. Chargebacks stayed flat.',
  reflection:
    'I learned to look at the shape of slow requests before tuning anything. Since then I start every latency investigation by grouping slow calls by request type.',
};
