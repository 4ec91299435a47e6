/** The five parts of a STAR story, in the order they are told. */
export const SECTION_IDS = ['situation', 'task', 'action', 'result', 'reflection'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_LABELS: Readonly<Record<SectionId, string>> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
  reflection: 'Reflection',
};

/** Sections a complete answer cannot do without (Reflection is optional). */
export const REQUIRED_SECTIONS: readonly SectionId[] = ['situation', 'task', 'action', 'result'];

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}
