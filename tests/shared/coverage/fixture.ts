import type { Framework, Principle } from '../../../shared/content/principle-schema.ts';

/** A small framework for exact coverage figures: principles a..g, each with 3 prompts except b, which has 2. */
export function smallFramework(): Framework {
  const principle = (id: string, promptCount: number): Principle => ({
    id,
    name: `Principle ${id.toUpperCase()}`,
    frameworkId: 'small',
    summary: 'Summary.',
    lookFors: [],
    lookForCues: [],
    pitfallRules: [],
    pitfalls: [],
    prompts: Array.from({ length: promptCount }, (_, i) => ({ id: `${id}.${i + 1}`, text: `Prompt ${id}.${i + 1}`, keywords: [] })),
    probes: [1, 2, 3].map((i) => ({ id: `${id}.probe.${i}`, question: `Probe ${i}?`, weak: 'Weak.', strong: 'Strong.' })),
    emphasize: [],
    downplay: [],
    levels: { One: 'Level one.' },
    evidence: [],
  });
  return {
    id: 'small',
    name: 'Small Values',
    description: null,
    levels: ['One'],
    principles: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => principle(id, id === 'b' ? 2 : 3)),
  };
}
