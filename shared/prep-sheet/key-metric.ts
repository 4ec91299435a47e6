import { lint, type CompiledRubric } from '../lint/engine.ts';
import { analyzeText } from '../lint/text-analysis.ts';
import type { SectionId } from '../domain/sections.ts';

/**
 * The key metric of a story: the first sentence of its Result that states a quantity ("Errors fell by 40% in a
 * week."). Whether a sentence holds a quantity is decided by the rubric's own `missing-metric` rule, so the sheet
 * and the lint always agree on what counts (dates, versions and labels do not). Without that rule in the rubric, a
 * sentence with a digit counts.
 */

export const METRIC_RULE_ID = 'missing-metric';

const NO_TEXT: Record<SectionId, string> = { situation: '', task: '', action: '', result: '', reflection: '' };

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The Result's first sentence with a quantity, on one line; null when there is none. */
export function keyMetric(resultText: string, rubric: CompiledRubric): string | null {
  if (resultText.trim() === '') return null;
  const hasRule = rubric.byId.has(METRIC_RULE_ID);
  const analysis = analyzeText(resultText);
  for (const span of analysis.sentences) {
    const sentence = resultText.slice(span.start, span.end);
    if (!/[\p{L}\p{N}]/u.test(sentence)) continue;
    const quantified = hasRule
      ? lint({ sections: { ...NO_TEXT, result: sentence }, principles: [] }, rubric, { only: [METRIC_RULE_ID] }).length === 0
      : /\d/.test(sentence);
    if (quantified) return oneLine(sentence);
  }
  return null;
}
