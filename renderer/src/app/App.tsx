import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { isPrincipleId, type PrincipleId } from '../../../shared/domain/principles.ts';
import type { Story, StorySummary } from '../../../shared/domain/story.ts';
import type { AppInfo } from '../../../shared/ipc/contract.ts';
import type { SamplesState } from '../../../shared/ipc/practice-channels.ts';
import type { CommandId } from '../../../shared/keyboard/shortcuts.ts';
import { call } from '../api/client.ts';
import { CoverageView } from '../coverage/CoverageView.tsx';
import { BackupsView } from '../reliability/BackupsView.tsx';
import { StoryEditor } from '../editor/StoryEditor.tsx';
import { HistoryView } from '../history/HistoryView.tsx';
import { ShortcutsDialog } from '../keyboard/ShortcutsDialog.tsx';
import { useCommands } from '../keyboard/useCommands.ts';
import { PracticeView } from '../practice/PracticeView.tsx';
import { ReadAloud } from '../practice/ReadAloud.tsx';
import { SettingsView } from '../settings/SettingsView.tsx';
import { useRememberedUiState } from './remembered-state.ts';
import { StoryTools } from './StoryTools.tsx';
import { TransferView } from '../transfer/TransferView.tsx';
import { FilterBar, type ListFilter, StoryList } from '../stories/StoryList.tsx';

type View = 'stories' | 'trash' | 'coverage' | 'backups' | 'practice' | 'history' | 'settings' | 'transfer';

/** The tabs above the story list, in their order. */
const VIEW_TABS: readonly (readonly [View, string])[] = [
  ['stories', 'Stories'],
  ['trash', 'Trash'],
  ['coverage', 'Coverage'],
  ['practice', 'Practice'],
  ['backups', 'Backups'],
];
/** Views that take the editor's place: the open story is saved before one opens, and reloaded after. */
const SCREENS: ReadonlySet<View> = new Set<View>(['coverage', 'backups', 'practice', 'history', 'settings', 'transfer']);

/** The view each "show" command opens. */
const COMMAND_VIEWS: Partial<Record<CommandId, View>> = {
  'show-stories': 'stories',
  'show-coverage': 'coverage',
  'show-practice': 'practice',
  'show-history': 'history',
  'show-trash': 'trash',
  'show-settings': 'settings',
};

interface Notice {
  text: string;
  undo?: () => void;
  error?: boolean;
}

/** How long a notice that is not an error stays up (one with an Undo gets the same: time to read and act). */
const NOTICE_MS = 10_000;

/** Rows fetched per page of the story list. */
const LIST_PAGE = 300;

const NO_FILTER: ListFilter = { query: '', principle: '', tag: '' };

function EmptyState({ onCreate, onAddSamples }: { onCreate(): void; onAddSamples?: () => void }): ReactNode {
  return (
    <div className="empty-state" data-testid="empty-state">
      <h1>Your story bank is empty</h1>
      <p>
        Interviewers ask for specific moments: a time you owned a problem nobody gave you, disagreed with a decision,
        or delivered under pressure. Write each moment down once as a STAR story (Situation, Task, Action, Result,
        Reflection), map it to the principles it shows, and refine it until it is ready.
      </p>
      <div className="empty-actions">
        <button type="button" className="primary" onClick={onCreate}>
          Write your first story
        </button>
        {onAddSamples ? (
          <button type="button" onClick={onAddSamples}>
            Look at sample stories first
          </button>
        ) : null}
      </div>
      {onAddSamples ? (
        <p className="hint">
          The samples are made up, strong and weak, to show what the lint and coverage do. Remove them in one click
          when you are done.
        </p>
      ) : null}
      <p className="hint">
        Or press <kbd>Ctrl</kbd>+<kbd>N</kbd> (<kbd>⌘</kbd>+<kbd>N</kbd> on a Mac) at any time.
      </p>
    </div>
  );
}

export function App(): ReactNode {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [view, setView] = useState<View>('stories');
  const [filter, setFilter] = useState<ListFilter>(NO_FILTER);
  const [stories, setStories] = useState<StorySummary[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [tags, setTags] = useState<string[]>([]);
  const [selected, setSelectedState] = useState<Story | null>(null);
  // Bumped on every load from the backend, so the editor restarts from what was stored (after a rename, say).
  const [loadCount, setLoadCount] = useState(0);
  const setSelected = useCallback((story: Story | null) => {
    setSelectedState(story);
    setLoadCount((n) => n + 1);
  }, []);
  const [notice, setNotice] = useState<Notice | null>(null);
  const flushRef = useRef<(() => Promise<void>) | null>(null);
  const listRequest = useRef(0);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [readAloudStory, setReadAloudStory] = useState<Story | null>(null);
  const [samples, setSamples] = useState<SamplesState | null>(null);
  const [panels, setPanels] = useState({ sidebarHidden: false, lintHidden: false });
  // Set once the user opens a story or filters the list, so the remembered state never overrides them.
  const userMoved = useRef(false);

  // A notice that is not an error goes by itself after a while, so it never sits over the page for good.
  useEffect(() => {
    if (!notice || notice.error) return;
    const timer = setTimeout(() => setNotice((current) => (current === notice ? null : current)), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const report = useCallback((error: unknown) => {
    setNotice({ text: error instanceof Error ? error.message : String(error), error: true });
  }, []);

  const [pageSize, setPageSize] = useState(LIST_PAGE);
  const refresh = useCallback(async () => {
    const request = ++listRequest.current;
    try {
      const [list, allTags] = await Promise.all([
        call('stories.list', {
          query: filter.query || undefined,
          principle: (filter.principle || undefined) as never,
          tag: filter.tag || undefined,
          trash: view === 'trash',
          limit: pageSize,
        }),
        call('tags.list', {}),
      ]);
      if (request !== listRequest.current) return;
      setStories(list);
      setTags(allTags);
      setLoaded(true);
    } catch (error) {
      report(error);
    }
  }, [filter, view, report, pageSize]);

  useEffect(() => {
    call('app.info', {}).then(setInfo, report);
  }, [report]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const registerFlush = useCallback((flush: (() => Promise<void>) | null) => {
    flushRef.current = flush;
  }, []);

  const open = useCallback(
    async (id: string | null) => {
      userMoved.current = true;
      await flushRef.current?.();
      const leaveCoverage = (): void => setView((current) => (SCREENS.has(current) ? 'stories' : current));
      if (id === null) {
        leaveCoverage();
        setSelected(null);
        return;
      }
      try {
        const story = await call('stories.get', { id });
        leaveCoverage();
        setSelected(story);
      } catch (error) {
        report(error);
      }
    },
    [report],
  );

  /** A new story; `preset` maps it from the start (a story begun from an uncovered prompt). */
  const create = useCallback(async (preset: { principles?: PrincipleId[]; prompts?: string[] } = {}) => {
    try {
      await flushRef.current?.();
      const story = await call('stories.create', preset);
      setView('stories');
      setFilter(NO_FILTER);
      setSelected(story);
      await refresh();
      requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.title-input')?.focus());
    } catch (error) {
      report(error);
    }
  }, [refresh, report]);

  useEffect(() => {
    window.storyBankHost?.onFlushRequest(async () => {
      await flushRef.current?.();
    });
  }, []);

  const act = useCallback(
    async (action: () => Promise<unknown>, text?: string, undo?: () => Promise<unknown>) => {
      try {
        await action();
        await refresh();
        if (text) {
          setNotice({
            text,
            ...(undo ? { undo: () => void undo().then(refresh).catch(report) } : {}),
          });
        }
      } catch (error) {
        report(error);
      }
    },
    [refresh, report],
  );

  // The coverage view replaces the editor: save before showing it (so it counts the latest edits), and load the
  // open story afresh when coming back (the editor restarts from what was stored).
  const switchView = useCallback(
    async (next: View) => {
      if (next === view) return;
      if (SCREENS.has(next)) await flushRef.current?.();
      setView(next);
      if (SCREENS.has(view) && selected) {
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
  const filtered = filter.query !== '' || filter.principle !== '' || filter.tag !== '';

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
      setNotice({
        text:
          result.added === 0
            ? 'The sample stories are already in your bank.'
            : `Added ${result.added} sample stories. Remove them from Settings, or from the banner on any sample.`,
      });
    } catch (error) {
      report(error);
    }
  }, [refresh, report]);
  const removeSamples = useCallback(async () => {
    try {
      await flushRef.current?.();
      const { removed } = await call('samples.remove', {});
      if (selected && samples?.ids.includes(selected.id)) setSelected(null);
      await loadSamples();
      await refresh();
      setNotice({ text: `Removed ${removed} sample ${removed === 1 ? 'story' : 'stories'}.` });
    } catch (error) {
      report(error);
    }
  }, [refresh, report, selected, samples, setSelected, loadSamples]);

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
        if (SCREENS.has(view)) void switchView('stories');
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
            {VIEW_TABS.map(([tab, label]) => (
              <button key={tab} type="button" role="tab" aria-selected={view === tab} onClick={() => void switchView(tab)}>
                {label}
              </button>
            ))}
          </div>
          <FilterBar
            filter={filter}
            tags={tags}
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
          {stories.length >= pageSize ? (
            <button type="button" className="show-more" onClick={() => setPageSize((n) => n + LIST_PAGE)}>
              Show more stories
            </button>
          ) : null}
          {loaded && view === 'trash' && stories.length === 0 ? (
            <p className="list-note">The trash is empty.</p>
          ) : null}
          {loaded && view === 'stories' && stories.length === 0 && filtered ? (
            <p className="list-note">No story matches.</p>
          ) : null}
          <div className="sidebar-footer">
            <button
              type="button"
              aria-current={view === 'transfer' ? 'page' : undefined}
              onClick={() => void switchView('transfer')}
            >
              Print, export &amp; import
            </button>
            <button
              type="button"
              aria-current={view === 'settings' ? 'page' : undefined}
              onClick={() => void switchView('settings')}
            >
              Settings
            </button>
            <button type="button" onClick={() => setShortcutsOpen(true)}>
              Keyboard shortcuts
            </button>
          </div>
        </nav>
        <main className="main-pane">
          {view === 'practice' ? (
            <PracticeView
              initialStoryId={selected && selected.deletedAt === null ? selected.id : null}
              readOnly={readOnly}
              onStartStory={(principleId, promptId) =>
                void create({ principles: isPrincipleId(principleId) ? [principleId] : [], prompts: [promptId] })
              }
              onReadAloud={(story) => setReadAloudStory(story)}
            />
          ) : view === 'history' ? (
            selected ? (
              <HistoryView
                story={selected}
                readOnly={readOnly}
                onRestored={(story, from) => {
                  setSelected(story);
                  void refresh();
                  setNotice({
                    text: `Restored the version of ${new Date(from.savedAt).toLocaleString()}. The version it replaced is kept in the history.`,
                  });
                }}
              />
            ) : (
              <div className="empty-state quiet">
                <p>Open a story to see its history.</p>
              </div>
            )
          ) : view === 'settings' ? (
            <SettingsView
              readOnly={readOnly}
              samples={samples}
              onAddSamples={() => void addSamples()}
              onRemoveSamples={() => void removeSamples()}
              onShowShortcuts={() => setShortcutsOpen(true)}
            />
          ) : view === 'transfer' ? (
            <TransferView
              readOnly={readOnly}
              onImported={() => {
                void refresh();
                void loadSamples().catch(() => undefined);
              }}
            />
          ) : view === 'backups' ? (
            <BackupsView flush={async () => await flushRef.current?.()} />
          ) : view === 'coverage' ? (
            <CoverageView
              readOnly={readOnly}
              onOpenStory={(id) => void open(id)}
              onStartStory={(principleId, promptId) =>
                void create({ principles: isPrincipleId(principleId) ? [principleId] : [], prompts: [promptId] })
              }
            />
          ) : selected && selected.deletedAt === null ? (
            <>
              <StoryTools
                key={selected.id}
                storyId={selected.id}
                isSample={samples?.ids.includes(selected.id) ?? false}
                readOnly={readOnly}
                onPractice={() => void switchView('practice')}
                onReadAloud={() => void readAloud()}
                onHistory={() => void switchView('history')}
                onRemoveSamples={() => void removeSamples()}
              />
              <StoryEditor
                key={`${selected.id}:${loadCount}`}
                story={selected}
                readOnly={readOnly}
                registerFlush={registerFlush}
                onSaved={() => void refresh()}
              />
            </>
          ) : loaded && view === 'stories' && stories.length === 0 && !filtered ? (
            <EmptyState
              onCreate={() => void create()}
              {...(!readOnly && samples && samples.available > 0 ? { onAddSamples: () => void addSamples() } : {})}
            />
          ) : (
            <div className="empty-state quiet">
              <p>{view === 'trash' ? 'Restore a story to edit it again.' : 'Choose a story on the left, or start a new one.'}</p>
            </div>
          )}
        </main>
      </div>
      {notice ? (
        <div className={notice.error ? 'notice error' : 'notice'} role={notice.error ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          {notice.undo ? (
            <button
              type="button"
              onClick={() => {
                notice.undo?.();
                setNotice(null);
              }}
            >
              Undo
            </button>
          ) : null}
          <button type="button" aria-label="Dismiss" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      ) : null}
      {shortcutsOpen ? <ShortcutsDialog onClose={() => setShortcutsOpen(false)} /> : null}
      {readAloudStory ? <ReadAloud story={readAloudStory} onClose={() => setReadAloudStory(null)} /> : null}
    </div>
  );
}
