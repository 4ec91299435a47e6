import { type ReactNode, useMemo } from 'react';
import { PRINCIPLES, principleName, type PrincipleId } from '../../../shared/domain/principles.ts';
import { type StorySummary, UNTITLED } from '../../../shared/domain/story.ts';
import { sheetScope } from '../../../shared/prep-sheet/index.ts';

/** Which stories a prep sheet or a Markdown export holds: all, those of one principle, or hand-picked ones. */
export type Selection = { kind: 'all' } | { kind: 'principle'; principle: PrincipleId } | { kind: 'chosen'; ids: ReadonlySet<string> };

export function selectedIds(selection: Selection, stories: readonly StorySummary[]): string[] {
  if (selection.kind === 'all') return stories.map((s) => s.id);
  if (selection.kind === 'principle') return stories.filter((s) => s.principles.some((p) => p.id === selection.principle)).map((s) => s.id);
  return stories.filter((s) => selection.ids.has(s.id)).map((s) => s.id);
}

export function selectionScope(selection: Selection, count: number): string {
  if (selection.kind === 'all') return sheetScope({ kind: 'all' });
  if (selection.kind === 'principle') return sheetScope({ kind: 'principle', name: principleName(selection.principle) });
  return sheetScope({ kind: 'chosen', count });
}

export function StoryChooser(props: { stories: readonly StorySummary[]; selection: Selection; onChange(next: Selection): void }): ReactNode {
  const { stories, selection, onChange } = props;
  const byPrinciple = useMemo(() => {
    const counts = new Map<string, number>();
    for (const s of stories) for (const p of s.principles) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
    return counts;
  }, [stories]);
  const chosen = selection.kind === 'chosen' ? selection.ids : new Set<string>();
  const principle = selection.kind === 'principle' ? selection.principle : (PRINCIPLES.find((p) => byPrinciple.has(p.id))?.id ?? PRINCIPLES[0].id);
  const toggle = (id: string, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange({ kind: 'chosen', ids: next });
  };
  return (
    <fieldset className="transfer-choice story-chooser">
      <legend>Stories</legend>
      <label>
        <input type="radio" name="story-selection" checked={selection.kind === 'all'} onChange={() => onChange({ kind: 'all' })} />
        All stories ({stories.length})
      </label>
      <div className="chooser-row">
        <label>
          <input
            type="radio"
            name="story-selection"
            checked={selection.kind === 'principle'}
            onChange={() => onChange({ kind: 'principle', principle })}
          />
          Stories for one principle
        </label>
        <select
          aria-label="Principle"
          value={principle}
          onChange={(event) => onChange({ kind: 'principle', principle: event.target.value as PrincipleId })}
        >
          {PRINCIPLES.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({byPrinciple.get(p.id) ?? 0})
            </option>
          ))}
        </select>
      </div>
      <label>
        <input
          type="radio"
          name="story-selection"
          checked={selection.kind === 'chosen'}
          onChange={() => onChange({ kind: 'chosen', ids: chosen })}
        />
        Stories I choose{selection.kind === 'chosen' ? ` (${chosen.size} chosen)` : ''}
      </label>
      {selection.kind === 'chosen' ? (
        <div className="chooser-list" role="group" aria-label="Choose stories">
          <div className="chooser-actions">
            <button type="button" onClick={() => onChange({ kind: 'chosen', ids: new Set(stories.map((s) => s.id)) })}>
              Choose all
            </button>
            <button type="button" onClick={() => onChange({ kind: 'chosen', ids: new Set() })}>
              Choose none
            </button>
          </div>
          <ul>
            {stories.map((s) => (
              <li key={s.id}>
                <label>
                  <input type="checkbox" checked={chosen.has(s.id)} onChange={(event) => toggle(s.id, event.target.checked)} />
                  {s.title.trim() || UNTITLED}
                </label>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}
