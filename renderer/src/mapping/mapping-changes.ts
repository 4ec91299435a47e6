import { isPrincipleId, type PrincipleId } from '../../../shared/domain/principles.ts';
import type { PrincipleMapping } from '../../../shared/domain/story.ts';
import { promptPrincipleId } from '../content/framework.ts';

/** The part of a draft the mapping controls change. */
export interface StoryMappings {
  principles: PrincipleMapping[];
  prompts: string[];
}

export type MappingPatch = Partial<StoryMappings>;

/**
 * Adds a principle to a story: as secondary when the story already has a primary principle, as primary when it
 * has none (so a story always leads with something). Unchanged when it is already there.
 */
export function withPrinciple(principles: PrincipleMapping[], id: PrincipleId): PrincipleMapping[] {
  if (principles.some((p) => p.id === id)) return principles;
  const role = principles.some((p) => p.role === 'primary') ? 'secondary' : 'primary';
  return [...principles, { id, role }];
}

/** Adds a prompt, and its principle too when the story is not mapped to it yet. */
export function addPrompt(current: StoryMappings, promptId: string): MappingPatch {
  if (current.prompts.includes(promptId)) return {};
  const patch: MappingPatch = { prompts: [...current.prompts, promptId] };
  const principleId = promptPrincipleId(promptId);
  if (isPrincipleId(principleId) && !current.principles.some((p) => p.id === principleId)) {
    patch.principles = withPrinciple(current.principles, principleId);
  }
  return patch;
}

export function removePrompt(current: StoryMappings, promptId: string): MappingPatch {
  return { prompts: current.prompts.filter((id) => id !== promptId) };
}
