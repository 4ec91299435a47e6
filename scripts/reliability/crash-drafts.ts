import { LEVELS } from '../../shared/domain/levels.ts';
import { PRINCIPLE_IDS } from '../../shared/domain/principles.ts';
import { SECTION_IDS } from '../../shared/domain/sections.ts';
import type { StoryDraft } from '../../shared/domain/story.ts';
import { paragraphsToLexicalJson } from '../../shared/story-format/index.ts';
import { seededRandom } from '../support/seeded-random.ts';

const WORDS = 'we shipped the retry fix after tracing latency across three services and cut pages by half'.split(' ');

function text(next: () => number, length: number): string {
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    const word = WORDS[Math.floor(next() * WORDS.length)] ?? 'word';
    out.push(word);
    size += word.length + 1;
  }
  return out.join(' ');
}

/**
 * The draft saved as version `version` in the crash harness. Its title starts with "v<version> " so the harness
 * can tell which save a stored story holds, and every other field is compared exactly.
 */
export function crashDraft(version: number): StoryDraft {
  const next = seededRandom(version * 7919 + 13);
  const sections = {} as StoryDraft['sections'];
  for (const id of SECTION_IDS) {
    // Mostly small edits, now and then a large paste, so kills land inside big writes too.
    const length = next() < 0.08 ? 60_000 + Math.floor(next() * 140_000) : Math.floor(next() * 1500);
    const body = text(next, length);
    const json = paragraphsToLexicalJson([body]);
    sections[id] = { json, text: body };
  }
  const principle = PRINCIPLE_IDS[Math.floor(next() * PRINCIPLE_IDS.length)];
  return {
    title: `v${version} ${text(next, 30)}`.slice(0, 120),
    sections,
    principles: principle ? [{ id: principle, role: 'primary' }] : [],
    prompts: [],
    level: next() < 0.3 ? null : (LEVELS[Math.floor(next() * LEVELS.length)] ?? null),
    context: text(next, 20).slice(0, 60),
    tags: [`tag-${version % 7}`, `v-${version}`],
  };
}

/** Which version a stored title belongs to. */
export function versionOfTitle(title: string): number | null {
  const match = /^v(\d+) /.exec(title);
  return match ? Number(match[1]) : null;
}
