// npm run eval:lint [DIR]: how far the lint agrees with a labeled corpus (default tests/fixtures/labeled-stories).
// What the figures mean is written at the top of scripts/eval-lint/core.ts.
import { loadFramework } from '../electron/cli/content-files.ts';
import { loadCompiledRubric } from '../electron/cli/rubric-files.ts';
import { DEFAULT_CORPUS, evaluateCorpus, formatEvaluation } from './eval-lint/core.ts';

const dir = process.argv[2] ?? DEFAULT_CORPUS;
process.stdout.write(formatEvaluation(evaluateCorpus(dir, await loadCompiledRubric(), loadFramework())));
