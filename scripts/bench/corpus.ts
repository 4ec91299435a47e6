import { paragraphsToLexicalJson } from '../../shared/story-format/index.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { SECTION_IDS, type SectionId } from '../../shared/domain/sections.ts';
import type { StoryDraft } from '../../shared/domain/story.ts';
import { PRINCIPLE_IDS } from '../../shared/domain/principles.ts';

const SENTENCES: Record<SectionId, string[]> = {
  situation: [
    'Our payments service started timing out during the holiday peak.',
    'The team had inherited a billing pipeline with no tests and no owner.',
    'A key customer threatened to leave after three failed data exports.',
    'We were six weeks from launch when the vendor dropped support for our SDK.',
    'Search latency on the storefront had doubled over two quarters.',
    'Two teams disagreed about who should maintain the shared deployment tooling.',
  ],
  task: [
    'I was the on-call lead that week, and the fix was not formally mine.',
    'My responsibility was the ingestion layer; the dashboards belonged to another team.',
    'Nobody had asked me to, but I volunteered to own the investigation.',
    'I had to ship the migration without pausing feature work for the other squads.',
    'As the senior engineer I set the plan and the rollback criteria.',
  ],
  action: [
    'I pulled the last thirty days of traces and grouped the slow requests by endpoint.',
    'I wrote a load test that reproduced the timeout in under five minutes.',
    'I proposed a two-phase rollout and reviewed the risks with the product manager.',
    'I paired with a junior engineer to add retries with jittered backoff.',
    'I documented the runbook and walked the support team through it.',
    'I set up an alarm on queue depth and tuned the threshold over a week.',
    'I disagreed with the plan in the design review, then committed once we decided.',
    'I rewrote the batching logic so each worker handled a bounded slice.',
  ],
  result: [
    'Timeouts dropped from 4% to 0.2% of requests within two weeks.',
    'We saved roughly $18,000 a month in compute.',
    'The customer renewed for another three years.',
    'Deployment time fell from forty minutes to nine.',
    'Pages to the on-call rotation went from twelve a week to two.',
  ],
  reflection: [
    'I now write the rollback plan before the rollout plan.',
    'I learned to ask for the customer’s own numbers before proposing a fix.',
    'Since then I budget a day for load testing in every estimate.',
    'I would bring the other team in a week earlier next time.',
  ],
};

const SYSTEMS = ['checkout', 'billing', 'search', 'ledger', 'inventory', 'ingestion', 'notifications', 'identity',
  'recommendations', 'pricing', 'fulfilment', 'analytics', 'payroll', 'catalog', 'routing', 'telemetry', 'scheduler',
  'onboarding', 'reporting', 'gateway', 'warehouse', 'mobile', 'firmware', 'compliance', 'forecasting', 'streaming'];
const ISSUES = ['timeouts', 'memory leak', 'deadlock', 'cost overrun', 'data loss', 'slow queries', 'flaky tests',
  'missed deadline', 'security finding', 'hiring gap', 'vendor outage', 'schema drift', 'cache stampede',
  'quota exhaustion', 'churn risk', 'accessibility audit', 'license renewal', 'capacity crunch', 'alert fatigue'];
const TOOLS = ['Kafka', 'Postgres', 'Redis', 'Lambda', 'DynamoDB', 'Terraform', 'Grafana', 'Spark', 'React', 'Kotlin',
  'Airflow', 'Elasticsearch', 'Kubernetes', 'Snowflake', 'gRPC', 'Jenkins', 'Swift', 'Rust', 'Go', 'Flink'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** One sentence naming this story's own system, problem and tool, so stories differ as real ones do. */
function specific(random: () => number, system: string, issue: string, tool: string): string {
  const n = 2 + Math.floor(random() * 97);
  const forms = [
    `The ${system} team saw ${issue} in the ${tool} layer about ${n} times a week.`,
    `I measured ${n} ms of extra latency in ${system} caused by ${tool}.`,
    `The ${issue} cost the ${system} group roughly ${n} hours every sprint.`,
    `I moved the ${system} jobs off ${tool} after tracing the ${issue}.`,
  ];
  return pick(random, forms);
}

/** A realistic story of roughly `words` words. */
export function makeDraft(random: () => number, index: number, words = 450): StoryDraft {
  const shares: Record<SectionId, number> = { situation: 0.15, task: 0.1, action: 0.45, result: 0.15, reflection: 0.15 };
  const sections = {} as StoryDraft['sections'];
  const system = pick(random, SYSTEMS);
  const issue = pick(random, ISSUES);
  const tool = pick(random, TOOLS);
  for (const section of SECTION_IDS) {
    const pool = SENTENCES[section];
    const paragraphs: string[] = [];
    let count = 0;
    let paragraph: string[] = [];
    while (count < words * shares[section]) {
      const sentence = random() < 0.4 ? specific(random, system, issue, tool) : pick(random, pool);
      paragraph.push(sentence);
      count += sentence.split(/\s+/).length;
      if (paragraph.length === 3) {
        paragraphs.push(paragraph.join(' '));
        paragraph = [];
      }
    }
    if (paragraph.length) paragraphs.push(paragraph.join(' '));
    const text = paragraphs.join('\n\n');
    const json = paragraphsToLexicalJson(paragraphs);
    sections[section] = { json, text };
  }
  const principle = PRINCIPLE_IDS[index % PRINCIPLE_IDS.length] as (typeof PRINCIPLE_IDS)[number];
  return {
    title: `${system[0]?.toUpperCase()}${system.slice(1)} ${issue} (${index})`,
    sections,
    principles: [{ id: principle, role: 'primary' }],
    prompts: [],
    level: 'Senior',
    context: `Company ${index % 40}`,
    tags: [`tag-${index % 25}`],
  };
}

/** The corpus's generator: kept under this name for the benchmarks. */
export const rng = seededRandom;
