import { useCallback, useEffect, useRef, useState } from 'react';
import type { StorySummary } from '../../../shared/domain/story.ts';
import { call } from '../api/client.ts';
import type { ListFilter } from './StoryList.tsx';

/** Rows fetched per page of the story list. */
export const LIST_PAGE = 300;

export const NO_FILTER: ListFilter = { query: '', principle: '', tag: '' };

export interface StoryListState {
  filter: ListFilter;
  setFilter(next: ListFilter): void;
  stories: StorySummary[];
  tags: string[];
  /** False until the first page has arrived (so an empty bank is not announced while it loads). */
  loaded: boolean;
  /** True when a search, principle or tag narrows the list. */
  filtered: boolean;
  /** True when the page is full, so there may be more rows to show. */
  hasMore: boolean;
  showMore(): void;
  /** Reads the list and the tags again; an answer that a newer request overtook is dropped. */
  refresh(): Promise<void>;
}

/**
 * The sidebar's stories: the filter, one growing page of rows and the tag list. The list is read again whenever
 * the filter, the page size or `view` changes (a screen the user leaves may have changed stories); only
 * `view === 'trash'` changes which rows are asked for.
 */
export function useStoryList(view: string, report: (error: unknown) => void): StoryListState {
  const [filter, setFilter] = useState<ListFilter>(NO_FILTER);
  const [stories, setStories] = useState<StorySummary[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [pageSize, setPageSize] = useState(LIST_PAGE);
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latest.current;
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
      if (request !== latest.current) return;
      setStories(list);
      setTags(allTags);
      setLoaded(true);
    } catch (error) {
      report(error);
    }
  }, [filter, view, report, pageSize]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const showMore = useCallback(() => setPageSize((n) => n + LIST_PAGE), []);

  return {
    filter,
    setFilter,
    stories,
    tags,
    loaded,
    filtered: filter.query !== '' || filter.principle !== '' || filter.tag !== '',
    hasMore: stories.length >= pageSize,
    showMore,
    refresh,
  };
}
