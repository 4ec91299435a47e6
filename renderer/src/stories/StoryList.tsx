import { type ReactNode, useEffect, useRef, useState } from 'react';
import { PRINCIPLES, principleName } from '../../../shared/domain/principles.ts';
import { type StorySummary, UNTITLED } from '../../../shared/domain/story.ts';
import { relativeTime } from './relative-time.ts';

export interface ListFilter {
  query: string;
  principle: string;
  tag: string;
}

export function FilterBar(props: {
  filter: ListFilter;
  tags: string[];
  onChange(next: ListFilter): void;
}): ReactNode {
  const { filter, tags, onChange } = props;
  return (
    <div className="filter-bar" role="search">
      <input
        type="search"
        className="search-input"
        aria-label="Search stories"
        placeholder="Search all stories…"
        value={filter.query}
        maxLength={500}
        onChange={(event) => onChange({ ...filter, query: event.target.value })}
      />
      <div className="filter-row">
        <select
          aria-label="Filter by principle"
          value={filter.principle}
          onChange={(event) => onChange({ ...filter, principle: event.target.value })}
        >
          <option value="">All principles</option>
          {PRINCIPLES.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by tag"
          value={filter.tag}
          onChange={(event) => onChange({ ...filter, tag: event.target.value })}
        >
          <option value="">All tags</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function RenameField(props: { initial: string; onDone(title: string | null): void }): ReactNode {
  const [value, setValue] = useState(props.initial);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  return (
    <input
      ref={ref}
      className="rename-input"
      aria-label="New title"
      value={value}
      maxLength={300}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') props.onDone(value);
        if (event.key === 'Escape') props.onDone(null);
      }}
      onBlur={() => props.onDone(value)}
    />
  );
}

export interface StoryListProps {
  stories: StorySummary[];
  selectedId: string | null;
  trash: boolean;
  onSelect(id: string): void;
  onRename(id: string, title: string): void;
  onDuplicate(id: string): void;
  onTrash(id: string): void;
  onRestore(id: string): void;
  onDeleteForever(id: string): void;
}

const LIST_KEYS: Readonly<Record<string, number | 'first' | 'last'>> = {
  ArrowDown: 1,
  ArrowUp: -1,
  Home: 'first',
  End: 'last',
};

/** Moves the focus to another story's row in the same list. */
function focusStory(from: HTMLElement, id: string): void {
  const list = from.closest('ul');
  list?.querySelector<HTMLButtonElement>(`li[data-story-id="${CSS.escape(id)}"] .story-open`)?.focus();
}

export function StoryList(props: StoryListProps): ReactNode {
  const { stories, selectedId, trash } = props;
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <ul className="story-list" aria-label={trash ? 'Stories in the trash' : 'Stories'}>
      {stories.map((story) => {
        const selected = story.id === selectedId;
        return (
          <li key={story.id} className={selected ? 'story-item selected' : 'story-item'} data-story-id={story.id}>
            {renaming === story.id ? (
              <RenameField
                initial={story.title}
                onDone={(title) => {
                  setRenaming(null);
                  if (title !== null && title !== story.title) props.onRename(story.id, title);
                }}
              />
            ) : (
              <button
                type="button"
                className="story-open"
                aria-current={selected ? 'true' : undefined}
                onClick={() => props.onSelect(story.id)}
                onKeyDown={(event) => {
                  if (event.key === 'F2' && !trash) setRenaming(story.id);
                  if (event.key === 'Delete' && !trash) props.onTrash(story.id);
                  // Arrow keys, Home and End move through the list and open the story they land on.
                  const step = Object.hasOwn(LIST_KEYS, event.key) ? LIST_KEYS[event.key] : undefined;
                  if (step !== undefined && !event.altKey && !event.ctrlKey && !event.metaKey) {
                    event.preventDefault();
                    const index = stories.indexOf(story);
                    const target = stories[step === 'first' ? 0 : step === 'last' ? stories.length - 1 : index + step];
                    if (target && target !== story) {
                      props.onSelect(target.id);
                      focusStory(event.currentTarget, target.id);
                    }
                  }
                }}
              >
                <span className="story-title">{story.title.trim() || UNTITLED}</span>
                {story.principles.length > 0 ? (
                  <span className="story-principles">
                    {story.principles.map((p) => principleName(p.id)).join(' · ')}
                  </span>
                ) : null}
                {story.snippet ? <span className="story-snippet">{story.snippet}</span> : null}
                <span className="story-edited">
                  {trash && story.deletedAt !== null
                    ? `Deleted ${relativeTime(story.deletedAt)}`
                    : `Edited ${relativeTime(story.updatedAt)}`}
                </span>
              </button>
            )}
            {selected || trash ? (
              <div className="story-actions">
                {trash ? (
                  <>
                    <button type="button" onClick={() => props.onRestore(story.id)}>
                      Restore
                    </button>
                    <button type="button" className="danger" onClick={() => props.onDeleteForever(story.id)}>
                      Delete forever
                    </button>
                  </>
                ) : (
                  <>
                    <button type="button" onClick={() => setRenaming(story.id)}>
                      Rename
                    </button>
                    <button type="button" onClick={() => props.onDuplicate(story.id)}>
                      Duplicate
                    </button>
                    <button type="button" className="danger" onClick={() => props.onTrash(story.id)}>
                      Delete
                    </button>
                  </>
                )}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
