import type { ReactNode } from 'react';
import type { Story } from '../../../shared/domain/story.ts';
import type { StoryRevision } from '../../../shared/domain/revision.ts';
import type { SamplesState } from '../../../shared/ipc/samples-channels.ts';
import { CoverageView } from '../coverage/CoverageView.tsx';
import { StoryEditor } from '../editor/StoryEditor.tsx';
import { HistoryView } from '../history/HistoryView.tsx';
import { LoopView } from '../loop/LoopView.tsx';
import { PracticeView } from '../practice/PracticeView.tsx';
import { BackupsView } from '../backups/BackupsView.tsx';
import { SettingsView } from '../settings/SettingsView.tsx';
import { EmptyState } from '../stories/EmptyState.tsx';
import type { LintTab } from '../lint/LintPanel.tsx';
import { TransferView } from '../transfer/TransferView.tsx';
import { StoryTools } from './StoryTools.tsx';

export type ViewId = 'stories' | 'trash' | 'coverage' | 'backups' | 'practice' | 'history' | 'settings' | 'transfer' | 'loop';

/** What App hands every screen: the open story, the bank's state and the actions a screen may start. */
export interface ScreenContext {
  view: ViewId;
  selected: Story | null;
  /** Bumped on every load of the open story, so the editor restarts from what was stored. */
  loadCount: number;
  readOnly: boolean;
  samples: SamplesState | null;
  list: { loaded: boolean; empty: boolean; filtered: boolean };
  registerFlush(flush: (() => Promise<void>) | null): void;
  flush(): Promise<void>;
  open(id: string): void;
  /** Opens a story with the rubric panel on its Guide tab (a principle's look-fors and pitfalls). */
  openGuide(id: string): void;
  /** The rubric panel's first tab for the story being opened. */
  lintTab: LintTab;
  create(): void;
  /** A new story mapped from the start to a principle (and one of its prompts, when given). */
  startStory(principleId: string, promptId?: string): void;
  switchView(next: ViewId): void;
  readAloud(): void;
  readAloudStory(story: Story): void;
  addSamples(): void;
  removeSamples(): void;
  showShortcuts(): void;
  revisionRestored(story: Story, from: StoryRevision): void;
  imported(): void;
  storySaved(): void;
}

export interface Screen {
  label: string;
  /** A screen takes the editor's place: the open story is saved before it opens, and reloaded after. */
  replacesEditor: boolean;
  component(props: { ctx: ScreenContext }): ReactNode;
}

/** The open story in the editor, or what to do when none is open. */
function StoryPane({ ctx }: { ctx: ScreenContext }): ReactNode {
  const { selected, readOnly, samples, list, view } = ctx;
  if (selected && selected.deletedAt === null) {
    return (
      <>
        <StoryTools
          key={selected.id}
          storyId={selected.id}
          isSample={samples?.ids.includes(selected.id) ?? false}
          readOnly={readOnly}
          onPractice={() => ctx.switchView('practice')}
          onReadAloud={ctx.readAloud}
          onHistory={() => ctx.switchView('history')}
          onRemoveSamples={ctx.removeSamples}
        />
        <StoryEditor
          key={`${selected.id}:${ctx.loadCount}`}
          story={selected}
          readOnly={readOnly}
          registerFlush={ctx.registerFlush}
          onSaved={ctx.storySaved}
          lintTab={ctx.lintTab}
        />
      </>
    );
  }
  if (list.loaded && view === 'stories' && list.empty && !list.filtered) {
    return (
      <EmptyState
        onCreate={ctx.create}
        {...(!readOnly && samples && samples.available > 0 ? { onAddSamples: ctx.addSamples } : {})}
      />
    );
  }
  return (
    <div className="empty-state quiet">
      <p>{view === 'trash' ? 'Restore a story to edit it again.' : 'Choose a story on the left, or start a new one.'}</p>
    </div>
  );
}

function HistoryScreen({ ctx }: { ctx: ScreenContext }): ReactNode {
  if (!ctx.selected) {
    return (
      <div className="empty-state quiet">
        <p>Open a story to see its history.</p>
      </div>
    );
  }
  return <HistoryView story={ctx.selected} readOnly={ctx.readOnly} onRestored={ctx.revisionRestored} />;
}

/** Every view of the main pane, by id. */
export const SCREENS: Readonly<Record<ViewId, Screen>> = {
  stories: { label: 'Stories', replacesEditor: false, component: StoryPane },
  trash: { label: 'Trash', replacesEditor: false, component: StoryPane },
  coverage: {
    label: 'Coverage',
    replacesEditor: true,
    component: ({ ctx }) => (
      <CoverageView readOnly={ctx.readOnly} onOpenStory={ctx.open} onStartStory={ctx.startStory} />
    ),
  },
  practice: {
    label: 'Practice',
    replacesEditor: true,
    component: ({ ctx }) => (
      <PracticeView
        initialStoryId={ctx.selected && ctx.selected.deletedAt === null ? ctx.selected.id : null}
        readOnly={ctx.readOnly}
        onStartStory={ctx.startStory}
        onReadAloud={ctx.readAloudStory}
      />
    ),
  },
  loop: {
    label: 'Loop',
    replacesEditor: true,
    component: ({ ctx }) => <LoopView readOnly={ctx.readOnly} onOpenStory={ctx.open} onOpenGuide={ctx.openGuide} onStartStory={ctx.startStory} />,
  },
  backups: { label: 'Backups', replacesEditor: true, component: ({ ctx }) => <BackupsView flush={ctx.flush} /> },
  history: { label: 'History', replacesEditor: true, component: HistoryScreen },
  settings: {
    label: 'Settings',
    replacesEditor: true,
    component: ({ ctx }) => (
      <SettingsView
        readOnly={ctx.readOnly}
        samples={ctx.samples}
        onAddSamples={ctx.addSamples}
        onRemoveSamples={ctx.removeSamples}
        onShowShortcuts={ctx.showShortcuts}
      />
    ),
  },
  transfer: {
    label: 'Print, export & import',
    replacesEditor: true,
    component: ({ ctx }) => <TransferView readOnly={ctx.readOnly} onImported={ctx.imported} />,
  },
};

/** The tabs above the story list, in their order. */
export const VIEW_TABS: readonly ViewId[] = ['stories', 'trash', 'coverage', 'practice', 'loop', 'backups'];

/** The screens linked from the sidebar's foot. */
export const FOOTER_VIEWS: readonly ViewId[] = ['transfer', 'settings'];
