import type { CompiledRubric } from '../lint/engine.ts';
import { measuredSentence } from '../lint/measured.ts';

/**
 * The key metric of a story: the first sentence of its Result that states a quantity ("Errors fell by 40% in a
 * week."), as shared/lint/measured.ts decides it.
 */

/** The Result's first sentence with a quantity, on one line; null when there is none. */
export function keyMetric(resultText: string, rubric: CompiledRubric): string | null {
  const span = measuredSentence(resultText, rubric);
  return span === null ? null : resultText.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}
