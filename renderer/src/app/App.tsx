import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { isPrincipleId, type PrincipleId } from '../../../shared/domain/principles.ts';
import type { Story, StorySummary } from '../../../shared/domain/story.ts';
import type { AppInfo } from '../../../shared/ipc/contract.ts';
import { call } from '../api/client.ts';
import { CoverageView } from '../coverage/CoverageView.tsx';
import { StoryEditor } from '../editor/StoryEditor.tsx';
import { FilterBar, type ListFilter, StoryList } from '../stories/StoryList.tsx';

type View = 'stories' | 'trash' | 'coverage';

interface Notice {
  text: string;
  undo?: () => void;
  error?: boolean;
}

/** Rows fetched per page of the story list. */
const LIST_PAGE = 300;

const NO_FILTER: ListFilter = { query: '', principle: '', tag: '' };

function EmptyState({ onCreate }: { onCreate(): void }): ReactNode {
  return (
    <div className="empty-state" data-testid="empty-state">
      <h1>Your story bank is empty</h1>
      <p>
        Interviewers ask for specific moments: a time you owned a problem nobody gave you, disagreed with a decision,
        or delivered under pressure. Write each moment down once as a STAR story (Situation, Task, Action, Result,
        Reflection), map it to the principles it shows, and refine it until it is ready.
      </p>
      <button type="button" className="primary" onClick={onCreate}>
        Write your first story
      </button>
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
      await flushRef.current?.();
      const leaveCoverage = (): void => setView((current) => (current === 'coverage' ? 'stories' : current));
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
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        void create();
      }
    };
    window.addEventListener('keydown', onKey);
    window.storyBankHost?.onMenuCommand((command) => {
      if (command === 'new-story') void create();
    });
    window.storyBankHost?.onFlushRequest(async () => {
      await flushRef.current?.();
    });
    return () => window.removeEventListener('keydown', onKey);
  }, [create]);

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
      if (next === 'coverage') await flushRef.current?.();
      setView(next);
      if (view === 'coverage' && selected) {
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

  return (
    <div className="app">
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
            <button
              type="button"
              role="tab"
              aria-selected={view === 'stories'}
              onClick={() => void switchView('stories')}
            >
              Stories
            </button>
            <button type="button" role="tab" aria-selected={view === 'trash'} onClick={() => void switchView('trash')}>
              Trash
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={view === 'coverage'}
              onClick={() => void switchView('coverage')}
            >
              Coverage
            </button>
          </div>
          <FilterBar filter={filter} tags={tags} onChange={setFilter} />
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
        </nav>
        <main className="main-pane">
          {view === 'coverage' ? (
            <CoverageView
              readOnly={readOnly}
              onOpenStory={(id) => void open(id)}
              onStartStory={(principleId, promptId) =>
                void create({ principles: isPrincipleId(principleId) ? [principleId] : [], prompts: [promptId] })
              }
            />
          ) : selected && selected.deletedAt === null ? (
            <StoryEditor
              key={`${selected.id}:${loadCount}`}
              story={selected}
              readOnly={readOnly}
              registerFlush={registerFlush}
              onSaved={() => void refresh()}
            />
          ) : loaded && view === 'stories' && stories.length === 0 && !filtered ? (
            <EmptyState onCreate={() => void create()} />
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
    </div>
  );
}
