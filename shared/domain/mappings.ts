import type { ProbeReadiness } from '../coverage/probes.ts';

/**
 * What a user records about a story beyond its text: notes prepared for follow-up probes, and the suggestions
 * they turned down. (The principles and prompts a story answers are part of its draft: see story.ts.)
 */

/** The user's prepared answer to one follow-up probe of one story. */
export interface ProbeNoteRecord {
  probeId: string;
  note: string;
  /** null until the user marks how ready they are. */
  readiness: ProbeReadiness | null;
  updatedAt: number;
}

/** What kind of thing a suggestion proposes. */
export type SuggestionKind = 'principle' | 'prompt';

/** Suggestions the user dismissed for one story, so they are not proposed again. */
export interface DismissedSuggestions {
  principles: string[];
  prompts: string[];
}
