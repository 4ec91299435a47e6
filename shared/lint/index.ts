/** The rubric engine's public surface. */
export { analyzeStory, createStoryLinter, type CompiledRubric, type LintInput, type LintOptions, type RuleOverride } from './engine.ts';
export type { Diagnostic, Suppression } from './diagnostics.ts';
export { loadRubric, rubricFilesFromModules } from './rubric.ts';
export { scoreBand } from './score.ts';
export type { Severity } from './rule-schema.ts';
