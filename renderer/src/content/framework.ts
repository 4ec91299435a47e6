import { filesFromGlob, findPrompt, parseFrameworks } from '../../../shared/content/load.ts';
import type { Framework, Principle, Prompt } from '../../../shared/content/principle-schema.ts';

// The coaching content (principles, prompts, probes) is data in content/, bundled with the renderer and checked by
// shared/content's schemas when the app starts.
const principleModules = import.meta.glob('../../../content/principles/*.json', { eager: true });
const frameworkModules = import.meta.glob('../../../content/frameworks/*.json', { eager: true });

/** The framework stories are mapped to. Only Amazon's Leadership Principles ship today. */
export const FRAMEWORK_ID = 'amazon-lp';

let loaded: Framework | null = null;

export function framework(): Framework {
  if (loaded === null) {
    const all = parseFrameworks(filesFromGlob(frameworkModules), filesFromGlob(principleModules));
    const chosen = all.find((f) => f.id === FRAMEWORK_ID) ?? all[0];
    if (chosen === undefined) throw new Error('No framework content was bundled with the app.');
    loaded = chosen;
  }
  return loaded;
}

export function principleById(id: string): Principle | undefined {
  return framework().principles.find((p) => p.id === id);
}

export function promptById(id: string): { prompt: Prompt; principle: Principle } | undefined {
  return findPrompt(framework(), id);
}

/** The principle a prompt belongs to: the part of its id before the first dot. */
export function promptPrincipleId(promptId: string): string {
  return promptId.split('.')[0] ?? promptId;
}
