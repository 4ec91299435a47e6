import type { ReactNode } from 'react';
import type { StoryDraft } from '../../../shared/domain/story.ts';
import type { MappingPatch } from './mapping-changes.ts';
import { ProbesPanel } from './ProbesPanel.tsx';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';

/** What the story editor shows below the STAR sections: suggestions from the text, then follow-up probes. */
export function StoryMappingPanels(props: {
  storyId: string;
  draft: StoryDraft;
  readOnly: boolean;
  onChange(patch: MappingPatch): void;
}): ReactNode {
  const { storyId, draft, readOnly, onChange } = props;
  return (
    <div className="mapping-panels">
      <SuggestionsPanel storyId={storyId} draft={draft} readOnly={readOnly} onChange={onChange} />
      <ProbesPanel storyId={storyId} principles={draft.principles} readOnly={readOnly} />
    </div>
  );
}
