import type { SectionId } from '../domain/sections.ts';
import { lint, type CompiledRubric } from './engine.ts';
import { analyzeText, type Span } from './text-analysis.ts';

/** The rule that decides whether a sentence states a quantity. */
export const METRIC_RULE_ID = 'missing-metric';

const NO_TEXT: Readonly<Record<SectionId, string>> = { situation: '', task: '', action: '', result: '', reflection: '' };

/**
 * The first sentence of a Result that states a quantity ("from three days to four hours" counts; a year or a
 * version does not), as the rubric's own missing-metric rule decides, so every place that quotes a measured result
 * (the prep sheet's key metric, the verdict's reason) agrees with the lint. Without that rule in the rubric, a
 * sentence with a digit counts. Null when no sentence does.
 */
export function measuredSentence(result: string, rubric: CompiledRubric): Span | null {
  if (result.trim() === '') return null;
  const hasRule = rubric.byId.has(METRIC_RULE_ID);
  for (const span of analyzeText(result).sentences) {
    const sentence = result.slice(span.start, span.end);
    if (!/[\p{L}\p{N}]/u.test(sentence)) continue;
    const quantified = hasRule
      ? lint({ sections: { ...NO_TEXT, result: sentence }, principles: [] }, rubric, { only: [METRIC_RULE_ID] }).length === 0
      : /\d/.test(sentence);
    if (quantified) return span;
  }
  return null;
}
