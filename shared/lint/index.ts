/** The rubric engine's public surface. */
export { analyzeStory, compileRubric, createStoryLinter, lint, type CompiledRubric, type LintInput, type LintOptions, type RuleOverride, type StoryAnalysis, type StoryLinter } from './engine.ts';
export {
  applySuppressions,
  fingerprintOf,
  normalizeFindingText,
  staleSuppressions,
  suppressionFor,
  type Diagnostic,
  type FingerprintBasis,
  type Suppression,
} from './diagnostics.ts';
export { loadRubric, parseRubric, RubricError, rubricFilesFromModules, safeParseRubric, type RubricFile, type RubricParseResult } from './rubric.ts';
export { ERROR_CAP, scoreBand, scoreStory, type ScoreBand } from './score.ts';
export { findPhrases, type Match } from './phrases.ts';
export { RULE_KINDS, SEVERITIES, ruleSchema, type DiagnosticSeverity, type Rule, type RuleExample, type RuleKind, type Severity } from './rule-schema.ts';
export { SCRIPTS } from './checks/index.ts';
