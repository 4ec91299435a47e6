/**
 * Lint benchmark: the full rubric against write-good (a general prose linter) on the same generated corpus.
 *
 *   node scripts/bench-lint.ts            prints the figures
 *   import { runLintBench } from ...      returns them (npm run bench combines benchmarks)
 *
 * Targets: median under 0.5 ms for the full rubric on a 1,000-word story, and at least 10x write-good's throughput.
 * The corpus is generated from a fixed seed, so every run lints the same text.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { SECTION_IDS, type SectionId } from '../shared/domain/sections.ts';
import { countWords } from '../shared/domain/timing.ts';
import { analyzeStory, lint, type LintInput } from '../shared/lint/engine.ts';
import { storyGuide } from '../shared/lint/guide.ts';
import { judgeStory } from '../shared/lint/verdict.ts';
import { suggestIndexFor } from '../shared/suggest/suggest.ts';
import { loadFramework } from '../electron/cli/content-files.ts';
import { loadCompiledRubric } from '../electron/cli/rubric-files.ts';
import { seededRandom } from './support/seeded-random.ts';

type WriteGood = (text: string) => Array<{ index: number; offset: number; reason: string }>;

export interface LintBenchResult {
  stories: number;
  wordsPerStory: number;
  totalWords: number;
  rubricRules: number;
  /** Full rubric, words linted per millisecond. */
  rubricWordsPerMs: number;
  writeGoodWordsPerMs: number;
  /** rubricWordsPerMs / writeGoodWordsPerMs. */
  ratio: number;
  /** Median and 95th percentile of one full-rubric lint of one story (about 1,000 words), in ms. */
  medianMs: number;
  p95Ms: number;
  /** Median and 95th percentile of the verdicts for one story's principles (analysis included), in ms. */
  verdictMedianMs: number;
  verdictP95Ms: number;
  /** Median and 95th percentile of the principle guide for one story's principles (the Guide tab, open), in ms. */
  guideMedianMs: number;
  guideP95Ms: number;
  /** Findings per story, on average (the rubric is doing real work). */
  findingsPerStory: number;
  targets: { medianUnderHalfMs: boolean; tenTimesWriteGood: boolean };
}

const SYSTEMS = ['checkout service', 'search indexer', 'billing pipeline', 'mobile sign-in flow', 'warehouse scheduler', 'payments API', 'recommendation job', 'notification service'];
const PEOPLE = ['my manager', 'the platform team', 'two senior engineers', 'our product manager', 'the on-call engineer', 'the data team', 'a new hire'];
const CUSTOMERS = ['sellers', 'riders', 'small-business customers', 'internal analysts', 'first-time buyers', 'support agents'];
const PROBLEMS = ['timeouts during peak traffic', 'duplicate charges', 'a slow nightly rebuild', 'a spike in failed logins', 'stale prices on the product page', 'missed delivery windows'];
const VERBS = ['profiled', 'rewrote', 'measured', 'added', 'split', 'tested', 'reviewed', 'simplified', 'automated', 'documented', 'instrumented', 'migrated'];
const OBJECTS = ['the slow query', 'the retry logic', 'the cache layer', 'the deployment script', 'the alert thresholds', 'the schema', 'the import job', 'the load test'];
const HEDGES = ['kind of', 'I think', 'probably', 'sort of', ''];
const NUMBERS = ['40%', 'from 12 minutes to 90 seconds', 'by half', 'three teams', '$120k a year', '2,300 tickets', 'twice as fast', 'from 6% to 0.5%'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function sentence(rand: () => number, section: SectionId): string {
  const system = pick(rand, SYSTEMS);
  switch (section) {
    case 'situation':
      return pick(rand, [
        `In 2022 I worked on the ${system}, which served ${pick(rand, CUSTOMERS)} across four regions.`,
        `We started seeing ${pick(rand, PROBLEMS)} in the ${system} after a large release.`,
        `The ${system} had been built years earlier and nobody on the current team knew it well.`,
        `Leadership expected the issue to be resolved before the quarterly planning review in March.`,
      ]);
    case 'task':
      return pick(rand, [
        `My job was to fix ${pick(rand, PROBLEMS)} without slowing down the feature roadmap.`,
        `I was asked to own the ${system} end to end while ${pick(rand, PEOPLE)} focused on the launch.`,
        `The goal was to cut the error rate and keep ${pick(rand, CUSTOMERS)} informed along the way.`,
      ]);
    case 'action':
      return pick(rand, [
        `I ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} and ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} before the next release.`,
        `We ${pick(rand, HEDGES)} looked at ${pick(rand, OBJECTS)} together, and I wrote down what we found in a short doc.`,
        `I met with ${pick(rand, PEOPLE)} to agree on a rollback plan, then I shipped the change behind a feature flag.`,
        `The old configuration was removed and ${pick(rand, OBJECTS)} was rebuilt over the weekend.`,
        `To check my idea, I pulled a week of logs, grouped the failures by request type, and compared them with the deploy history.`,
        `When ${pick(rand, PEOPLE)} disagreed with the approach, I showed them the data and we ${pick(rand, HEDGES)} settled on a smaller first step.`,
        `I escalated one blocker to ${pick(rand, PEOPLE)}, but I kept working on ${pick(rand, OBJECTS)} in parallel.`,
      ]).replace(/ {2,}/g, ' ');
    case 'result':
      return pick(rand, [
        `Errors dropped ${pick(rand, NUMBERS)} within two weeks, and ${pick(rand, CUSTOMERS)} stopped filing complaints about it.`,
        `The team was happy with the new process and things got better.`,
        `The rebuild now finishes ${pick(rand, NUMBERS)}, which freed up capacity for other work.`,
      ]);
    case 'reflection':
      return pick(rand, [
        'I learned that communication is important.',
        'Since then I write the rollback plan before the rollout plan.',
        'Next time I would involve the data team in the first week instead of the third.',
      ]);
  }
}

const SHARES: Record<SectionId, number> = { situation: 0.12, task: 0.08, action: 0.55, result: 0.15, reflection: 0.1 };

/** A story of about `words` words, paragraphs separated as Lexical separates them ("\n\n"). */
export function generateStory(seed: number, words = 1000): LintInput {
  const rand = seededRandom(seed);
  const sections = {} as Record<SectionId, string>;
  for (const id of SECTION_IDS) {
    const budget = Math.round(words * SHARES[id]);
    const paragraphs: string[] = [];
    let current: string[] = [];
    let count = 0;
    while (count < budget) {
      const s = sentence(rand, id);
      current.push(s);
      count += countWords(s);
      if (current.length >= 4) {
        paragraphs.push(current.join(' '));
        current = [];
      }
    }
    if (current.length) paragraphs.push(current.join(' '));
    sections[id] = paragraphs.join('\n\n');
  }
  const principles = pick(rand, [
    ['customer-obsession', 'ownership'],
    ['dive-deep', 'deliver-results'],
    ['have-backbone-disagree-and-commit'],
    ['bias-for-action', 'ownership'],
  ] as const);
  return { sections, principles: [...principles] };
}

function storyWords(input: LintInput): number {
  let n = 0;
  for (const id of SECTION_IDS) n += countWords(input.sections[id]);
  return n;
}

function loadWriteGood(): WriteGood {
  const require = createRequire(import.meta.url);
  return require('write-good') as WriteGood;
}

export async function runLintBench(options: { stories?: number; rounds?: number } = {}): Promise<LintBenchResult> {
  const storyCount = options.stories ?? 40;
  const rounds = options.rounds ?? 25;
  const rubric = await loadCompiledRubric();
  const writeGood = loadWriteGood();
  const corpus = Array.from({ length: storyCount }, (_, i) => generateStory(1000 + i));
  const totalWords = corpus.reduce((n, s) => n + storyWords(s), 0);

  // Warm up both linters.
  let findings = 0;
  for (let r = 0; r < 5; r++) for (const story of corpus) findings = lint(story, rubric).length;
  for (const story of corpus) for (const id of SECTION_IDS) writeGood(story.sections[id]);

  // Per-call timings for the median, and whole-corpus throughput.
  const times: number[] = [];
  let findingsTotal = 0;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const story of corpus) {
      const start = performance.now();
      const d = lint(story, rubric);
      times.push(performance.now() - start);
      if (r === 0) findingsTotal += d.length;
    }
  }
  const rubricMs = performance.now() - t0;

  // What the editor works out for the panel after an edit: the analysis and a read per principle (the story's
  // principles, at Senior, where the level-sensitive checks run); and, while the Guide tab is open, the guide.
  const framework = loadFramework();
  const index = suggestIndexFor(framework);
  const verdictTimes: number[] = [];
  const guideTimes: number[] = [];
  // Round 0 warms the verdict and guide code up and is not timed, as the rubric's warm-up above: a keystroke in
  // the app reaches code that is already compiled, and cold first calls made up the whole 95th percentile.
  for (let r = 0; r <= Math.max(2, Math.round(rounds / 5)); r++) {
    const timed = r > 0;
    for (const story of corpus) {
      const start = performance.now();
      const analysis = analyzeStory({ ...story, level: 'Senior' }, rubric);
      judgeStory({ sections: story.sections, title: '', principles: story.principles, level: 'Senior', analysis, rubric, framework, index });
      if (timed) verdictTimes.push(performance.now() - start);
      const guideStart = performance.now();
      storyGuide({
        sections: story.sections,
        principles: story.principles.map((id, i) => ({ id, role: i === 0 ? 'primary' : 'secondary' })),
        level: 'Senior',
        diagnostics: analysis.diagnostics,
        framework,
      });
      if (timed) guideTimes.push(performance.now() - guideStart);
    }
  }
  verdictTimes.sort((a, b) => a - b);
  guideTimes.sort((a, b) => a - b);

  const wgRounds = Math.max(1, Math.round(rounds / 5));
  const t1 = performance.now();
  for (let r = 0; r < wgRounds; r++) for (const story of corpus) for (const id of SECTION_IDS) writeGood(story.sections[id]);
  const writeGoodMs = performance.now() - t1;

  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  const rubricWordsPerMs = (totalWords * rounds) / rubricMs;
  const writeGoodWordsPerMs = (totalWords * wgRounds) / writeGoodMs;
  void findings;
  return {
    stories: storyCount,
    wordsPerStory: Math.round(totalWords / storyCount),
    totalWords,
    rubricRules: rubric.rules.length,
    rubricWordsPerMs,
    writeGoodWordsPerMs,
    ratio: rubricWordsPerMs / writeGoodWordsPerMs,
    medianMs: median,
    p95Ms: p95,
    verdictMedianMs: verdictTimes[Math.floor(verdictTimes.length / 2)]!,
    verdictP95Ms: verdictTimes[Math.floor(verdictTimes.length * 0.95)]!,
    guideMedianMs: guideTimes[Math.floor(guideTimes.length / 2)]!,
    guideP95Ms: guideTimes[Math.floor(guideTimes.length * 0.95)]!,
    findingsPerStory: findingsTotal / storyCount,
    targets: { medianUnderHalfMs: median < 0.5, tenTimesWriteGood: rubricWordsPerMs / writeGoodWordsPerMs >= 10 },
  };
}

export function formatLintBench(r: LintBenchResult): string {
  const ok = (b: boolean) => (b ? 'met' : 'MISSED');
  return [
    `lint benchmark: ${r.stories} generated stories of about ${r.wordsPerStory} words (${r.totalWords} words), ${r.rubricRules} rules`,
    `  full rubric   ${r.rubricWordsPerMs.toFixed(0).padStart(7)} words/ms   ${r.findingsPerStory.toFixed(1)} findings per story`,
    `  write-good    ${r.writeGoodWordsPerMs.toFixed(0).padStart(7)} words/ms`,
    `  ratio         ${r.ratio.toFixed(1).padStart(7)}x          target >= 10x: ${ok(r.targets.tenTimesWriteGood)}`,
    `  one story     median ${r.medianMs.toFixed(3)} ms, p95 ${r.p95Ms.toFixed(3)} ms   target median < 0.5 ms: ${ok(r.targets.medianUnderHalfMs)}`,
    `  + verdicts    median ${r.verdictMedianMs.toFixed(3)} ms, p95 ${r.verdictP95Ms.toFixed(3)} ms   target p95 < 8 ms (half a frame): ${ok(r.verdictP95Ms < 8)}`,
    `  + guide       median ${r.guideMedianMs.toFixed(3)} ms, p95 ${r.guideP95Ms.toFixed(3)} ms   target p95 < 2 ms: ${ok(r.guideP95Ms < 2)}`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await runLintBench();
  console.log(formatLintBench(result));
  if (!result.targets.medianUnderHalfMs || !result.targets.tenTimesWriteGood) process.exitCode = 1;
}
