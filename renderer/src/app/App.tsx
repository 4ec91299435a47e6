import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { isPrincipleId, type PrincipleId } from '../../../shared/domain/principles.ts';
import type { Story } from '../../../shared/domain/story.ts';
import type { AppInfo } from '../../../shared/ipc/contract.ts';
import type { SamplesState } from '../../../shared/ipc/samples-channels.ts';
import type { CommandId } from '../../../shared/keyboard/shortcuts.ts';
import { call } from '../api/client.ts';
import { ShortcutsDialog } from '../keyboard/ShortcutsDialog.tsx';
import { useCommands } from '../keyboard/useCommands.ts';
import { ReadAloud } from '../practice/ReadAloud.tsx';
import { FilterBar, StoryList } from '../stories/StoryList.tsx';
import { NO_FILTER, useStoryList } from '../stories/useStoryList.ts';
import { NoticeBar, useNotices } from './notices.tsx';
import { useRememberedUiState } from './remembered-state.ts';
import type { LintTab } from '../lint/LintPanel.tsx';
import { FOOTER_VIEWS, type ScreenContext, SCREENS, VIEW_TABS, type ViewId } from './screens.tsx';

/** The view each "show" command opens. */
const COMMAND_VIEWS: Partial<Record<CommandId, ViewId>> = {
  'show-stories': 'stories',
  'show-coverage': 'coverage',
  'show-practice': 'practice',
  'show-history': 'history',
  'show-trash': 'trash',
  'show-settings': 'settings',
};

const replacesEditor = (view: ViewId): boolean => SCREENS[view].replacesEditor;

export function App(): ReactNode {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [view, setView] = useState<ViewId>('stories');
  const { notice, show, report, dismiss } = useNotices();
  const list = useStoryList(view, report);
  const { filter, setFilter, stories, refresh } = list;
  const [selected, setSelectedState] = useState<Story | null>(null);
  // Bumped on every load from the backend, so the editor restarts from what was stored (after a rename, say).
  const [loadCount, setLoadCount] = useState(0);
  const setSelected = useCallback((story: Story | null) => {
    setSelectedState(story);
    setLoadCount((n) => n + 1);
  }, []);
  const flushRef = useRef<(() => Promise<void>) | null>(null);
  // The rubric panel's tab when a story opens: the Guide when a screen sends the user to a principle's guide.
  const [lintTab, setLintTab] = useState<LintTab>('findings');
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [readAloudStory, setReadAloudStory] = useState<Story | null>(null);
  const [samples, setSamples] = useState<SamplesState | null>(null);
  const [panels, setPanels] = useState({ sidebarHidden: false, lintHidden: false });
  // Set once the user opens a story or filters the list, so the remembered state never overrides them.
  const userMoved = useRef(false);

  useEffect(() => {
    call('app.info', {}).then(setInfo, report);
  }, [report]);

  const registerFlush = useCallback((flush: (() => Promise<void>) | null) => {
    flushRef.current = flush;
  }, []);

  const open = useCallback(
    async (id: string | null, tab: LintTab = 'findings') => {
      userMoved.current = true;
      setLintTab(tab);
      await flushRef.current?.();
      const leaveScreen = (): void => setView((current) => (replacesEditor(current) ? 'stories' : current));
      if (id === null) {
        leaveScreen();
        setSelected(null);
        return;
      }
      try {
        const story = await call('stories.get', { id });
        leaveScreen();
        setSelected(story);
      } catch (error) {
        report(error);
      }
    },
    [report, setSelected],
  );

  /** A new story; `preset` maps it from the start (a story begun from an uncovered prompt). */
  const create = useCallback(
    async (preset: { principles?: PrincipleId[]; prompts?: string[] } = {}) => {
      try {
        await flushRef.current?.();
        const story = await call('stories.create', preset);
        setLintTab('findings');
        setView('stories');
        setFilter(NO_FILTER);
        setSelected(story);
        await refresh();
        requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.title-input')?.focus());
      } catch (error) {
        report(error);
      }
    },
    [refresh, report, setFilter, setSelected],
  );

  useEffect(() => {
    window.storyBankHost?.onFlushRequest(async () => {
      await flushRef.current?.();
    });
  }, []);

  /** Runs a change to the bank, reloads the list, and says what happened (with an Undo when one is given). */
  const act = useCallback(
    async (action: () => Promise<unknown>, text?: string, undo?: () => Promise<unknown>) => {
      try {
        await action();
        await refresh();
        if (text) show({ text, ...(undo ? { undo: () => void undo().then(refresh).catch(report) } : {}) });
      } catch (error) {
        report(error);
      }
    },
    [refresh, report, show],
  );

  // A screen replaces the editor: save before showing it (so it counts the latest edits), and load the open story
  // afresh when coming back (the editor restarts from what was stored).
  const switchView = useCallback(
    async (next: ViewId) => {
      if (next === view) return;
      if (replacesEditor(next)) await flushRef.current?.();
      setView(next);
      if (replacesEditor(view) && selected) {
        const id = selected.id;
        setSelected(null);
        try {
          setSelected(await call('stories.get', { id }));
        } catch {
          // The story is gone (deleted elsewhere): nothing to reopen.
        }
      }
    },
    [view, selected, setSelected],
  );

  const readOnly = info?.readOnlyReason != null;

  // Sample stories: offered on an empty bank, marked with a banner, removed in one action.
  const loadSamples = useCallback(async () => {
    setSamples(await call('samples.list', {}));
  }, []);
  useEffect(() => {
    loadSamples().catch(() => undefined);
  }, [loadSamples]);
  const addSamples = useCallback(async () => {
    try {
      const result = await call('samples.add', {});
      setSamples(result);
      setView((current) => (current === 'trash' ? 'stories' : current));
      await refresh();
      show({
        text:
          result.added === 0
            ? 'The sample stories are already in your bank.'
            : `Added ${result.added} sample stories. Remove them from Settings, or from the banner on any sample.`,
      });
    } catch (error) {
      report(error);
    }
  }, [refresh, report, show]);
  const removeSamples = useCallback(async () => {
    try {
      await flushRef.current?.();
      const { removed } = await call('samples.remove', {});
      if (selected && samples?.ids.includes(selected.id)) setSelected(null);
      await loadSamples();
      await refresh();
      show({ text: `Removed ${removed} sample ${removed === 1 ? 'story' : 'stories'}.` });
    } catch (error) {
      report(error);
    }
  }, [refresh, report, show, selected, samples, setSelected, loadSamples]);

  // The open story, the list's filters and hidden panels are remembered across starts.
  useRememberedUiState({ lastStoryId: selected?.id ?? null, filter, ...panels }, (stored) => {
    setPanels({ sidebarHidden: stored.sidebarHidden, lintHidden: stored.lintHidden });
    if (userMoved.current) return;
    setFilter(stored.filter);
    const id = stored.lastStoryId;
    if (id) {
      call('stories.get', { id }).then(
        (story) => {
          if (!userMoved.current && story.deletedAt === null) setSelected(story);
        },
        () => undefined,
      );
    }
  });

  const readAloud = useCallback(async () => {
    if (!selected) return;
    try {
      await flushRef.current?.();
      setReadAloudStory(await call('stories.get', { id: selected.id }));
    } catch (error) {
      report(error);
    }
  }, [selected, report]);

  /** Opens the story `by` rows away from the open one in the list (the first or last when none is open). */
  const moveInList = (by: number): void => {
    if (stories.length === 0) return;
    const index = stories.findIndex((s) => s.id === selected?.id);
    const next = stories[index === -1 ? (by > 0 ? 0 : stories.length - 1) : Math.min(stories.length - 1, Math.max(0, index + by))];
    if (next && next.id !== selected?.id) void open(next.id);
  };

  // Every main action has a shortcut (shared/keyboard/shortcuts.ts), also sent by Electron's menu.
  useCommands((command) => {
    const target = COMMAND_VIEWS[command];
    if (target) {
      setShortcutsOpen(false);
      setReadAloudStory(null);
      void switchView(target);
      return;
    }
    switch (command) {
      case 'new-story':
        if (!readOnly) void create();
        break;
      case 'focus-search':
        setPanels((current) => ({ ...current, sidebarHidden: false }));
        if (replacesEditor(view)) void switchView('stories');
        {
          // At once when the box is on screen (typing may follow straight away), otherwise once it is back.
          const box = document.querySelector<HTMLInputElement>('.search-input');
          if (box && box.offsetParent !== null) box.focus();
          else requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.search-input')?.focus());
        }
        break;
      case 'next-story':
        moveInList(1);
        break;
      case 'previous-story':
        moveInList(-1);
        break;
      case 'read-aloud':
        if (readAloudStory) setReadAloudStory(null);
        else void readAloud();
        break;
      case 'toggle-sidebar':
        setPanels((current) => ({ ...current, sidebarHidden: !current.sidebarHidden }));
        break;
      case 'toggle-lint':
        setPanels((current) => ({ ...current, lintHidden: !current.lintHidden }));
        break;
      case 'shortcuts':
        setShortcutsOpen((open) => !open);
        break;
      default:
        break;
    }
  });

  const startStory = (principleId: string, promptId?: string): void =>
    void create({ principles: isPrincipleId(principleId) ? [principleId] : [], prompts: promptId === undefined ? [] : [promptId] });

  const ctx: ScreenContext = {
    view,
    selected,
    loadCount,
    readOnly,
    samples,
    list: { loaded: list.loaded, empty: stories.length === 0, filtered: list.filtered },
    registerFlush,
    flush: async () => await flushRef.current?.(),
    open: (id) => void open(id),
    openGuide: (id) => void open(id, 'guide'),
    lintTab,
    create: () => void create(),
    startStory,
    switchView: (next) => void switchView(next),
    readAloud: () => void readAloud(),
    readAloudStory: setReadAloudStory,
    addSamples: () => void addSamples(),
    removeSamples: () => void removeSamples(),
    showShortcuts: () => setShortcutsOpen(true),
    revisionRestored: (story, from) => {
      setSelected(story);
      void refresh();
      show({
        text: `Restored the version of ${new Date(from.savedAt).toLocaleString()}. The version it replaced is kept in the history.`,
      });
    },
    imported: () => {
      void refresh();
      void loadSamples().catch(() => undefined);
    },
    storySaved: () => void refresh(),
  };
  const Screen = SCREENS[view].component;

  return (
    <div className={`app${panels.sidebarHidden ? ' sidebar-hidden' : ''}${panels.lintHidden ? ' lint-hidden' : ''}`}>
      {readOnly ? (
        <div className="banner warning" role="alert">
          {info?.readOnlyReason}
        </div>
      ) : null}
      <div className="panes">
        <nav className="sidebar" aria-label="Story bank">
          <div className="sidebar-header">
            <span className="brand">Story Bank</span>
            <button type="button" className="primary" onClick={() => void create()} disabled={readOnly}>
              New story
            </button>
          </div>
          <div className="view-switch" role="tablist" aria-label="Which stories">
            {VIEW_TABS.map((tab) => (
              <button key={tab} type="button" role="tab" aria-selected={view === tab} onClick={() => void switchView(tab)}>
                {SCREENS[tab].label}
              </button>
            ))}
          </div>
          <FilterBar
            filter={filter}
            tags={list.tags}
            onChange={(next) => {
              userMoved.current = true;
              setFilter(next);
            }}
          />
          {view === 'trash' && stories.length > 0 ? (
            <button
              type="button"
              className="danger empty-trash"
              onClick={() =>
                void act(async () => {
                  const { removed } = await call('stories.emptyTrash', {});
                  if (selected?.deletedAt != null) setSelected(null);
                  return removed;
                }, 'Trash emptied.')
              }
            >
              Empty trash
            </button>
          ) : null}
          <StoryList
            stories={stories}
            selectedId={selected?.id ?? null}
            trash={view === 'trash'}
            onSelect={(id) => void open(id)}
            onRename={(id, title) =>
              void act(async () => {
                await flushRef.current?.();
                await call('stories.rename', { id, title });
                if (selected?.id === id) setSelected(await call('stories.get', { id }));
              })
            }
            onDuplicate={(id) =>
              void act(async () => {
                await flushRef.current?.();
                setSelected(await call('stories.duplicate', { id }));
              }, 'Story duplicated.')
            }
            onTrash={(id) =>
              void act(
                async () => {
                  await flushRef.current?.();
                  await call('stories.trash', { id });
                  if (selected?.id === id) setSelected(null);
                },
                'Moved to the trash.',
                () => call('stories.restore', { id }),
              )
            }
            onRestore={(id) => void act(() => call('stories.restore', { id }), 'Story restored.')}
            onDeleteForever={(id) =>
              void act(async () => {
                await call('stories.deleteForever', { id });
                if (selected?.id === id) setSelected(null);
              }, 'Story deleted for good.')
            }
          />
          {list.hasMore ? (
            <button type="button" className="show-more" onClick={list.showMore}>
              Show more stories
            </button>
          ) : null}
          {list.loaded && view === 'trash' && stories.length === 0 ? <p className="list-note">The trash is empty.</p> : null}
          {list.loaded && view === 'stories' && stories.length === 0 && list.filtered ? (
            <p className="list-note">No story matches.</p>
          ) : null}
          <div className="sidebar-footer">
            {FOOTER_VIEWS.map((id) => (
              <button key={id} type="button" aria-current={view === id ? 'page' : undefined} onClick={() => void switchView(id)}>
                {SCREENS[id].label}
              </button>
            ))}
            <button type="button" onClick={() => setShortcutsOpen(true)}>
              Keyboard shortcuts
            </button>
          </div>
        </nav>
        <main className="main-pane">
          <Screen ctx={ctx} />
        </main>
      </div>
      <NoticeBar notice={notice} onDismiss={dismiss} />
      {shortcutsOpen ? <ShortcutsDialog onClose={() => setShortcutsOpen(false)} /> : null}
      {readAloudStory ? <ReadAloud story={readAloudStory} onClose={() => setReadAloudStory(null)} /> : null}
    </div>
  );
}
