import { type CompiledRubric, loadRubric, rubricFilesFromModules } from '../../../shared/lint/index.ts';

// The rubric is data in content/rubric/, bundled with the renderer and validated by shared/lint's schema on load.
const modules = import.meta.glob('../../../content/rubric/*.json', { eager: true });

let compiled: CompiledRubric | null = null;

export function rubric(): CompiledRubric {
  compiled ??= loadRubric(rubricFilesFromModules(modules));
  return compiled;
}
