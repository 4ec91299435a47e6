import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { isPrincipleId } from '../../../shared/domain/principles.ts';
import type { DismissedSuggestions, SuggestionKind } from '../../../shared/domain/mappings.ts';
import { sectionTexts, type StoryDraft } from '../../../shared/domain/story.ts';
import { suggest, type SuggestStory } from '../../../shared/suggest/suggest.ts';
import { call } from '../api/client.ts';
import { framework, principleById, promptById } from '../content/framework.ts';
import { addPrompt, type MappingPatch, withPrinciple } from './mapping-changes.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';
import { ErrorNote } from '../app/ErrorNote.tsx';

/** Suggestions are recomputed this long after the text stops changing. */
export const SUGGEST_DELAY_MS = 300;
/** Below this many words there is too little to go on. */
const MIN_WORDS = 12;
const SHOWN_PRINCIPLES = 4;
const SHOWN_PROMPTS = 5;
const PRINCIPLE_MIN_SCORE = 0.15;
const PROMPT_MIN_SCORE = 0.2;

function wordCount(story: SuggestStory): number {
  const all = [story.title, ...Object.values(story.sections)].join(' ');
  return all.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** A word for how strong a match is: the raw scores are only comparable within one story. */
function strength(score: number, kind: SuggestionKind): { label: string; level: 'strong' | 'likely' | 'possible' } {
  const [strong, likely] = kind === 'principle' ? [0.6, 0.35] : [0.4, 0.28];
  if (score >= strong) return { label: 'Strong match', level: 'strong' };
  if (score >= likely) return { label: 'Likely match', level: 'likely' };
  return { label: 'Possible match', level: 'possible' };
}

/** One suggestion: what it proposes, why, and Accept / Dismiss (labelled "Accept <name>" for screen readers). */
function SuggestionRow(props: {
  title: ReactNode;
  text?: string;
  why: string;
  name: string;
  readOnly: boolean;
  onAccept(): void;
  onDismiss(): void;
}): ReactNode {
  return (
    <li className="suggestion">
      <div className="suggestion-body">
        <div className="suggestion-title">{props.title}</div>
        {props.text ? <strong className="suggestion-prompt">{props.text}</strong> : null}
        <p className="suggestion-why">{props.why}</p>
      </div>
      <div className="suggestion-actions">
        <button type="button" disabled={props.readOnly} aria-label={`Accept ${props.name}`} onClick={props.onAccept}>
          Accept
        </button>
        <button
          type="button"
          className="quiet"
          disabled={props.readOnly}
          aria-label={`Dismiss ${props.name}`}
          onClick={props.onDismiss}
        >
          Dismiss
        </button>
      </div>
    </li>
  );
}

function StrengthTag({ score, kind }: { score: number; kind: SuggestionKind }): ReactNode {
  const { label, level } = strength(score, kind);
  return <span className={`match-strength match-${level}`}>{label}</span>;
}

export interface SuggestionsPanelProps {
  storyId: string;
  draft: StoryDraft;
  readOnly: boolean;
  onChange(patch: MappingPatch): void;
}

/**
 * Principles and prompts the story's words point to (shared/suggest), best first, each with the reason. Accept maps
 * the story; Dismiss stores the refusal so the suggestion stays away for this story.
 */
export function SuggestionsPanel({ storyId, draft, readOnly, onChange }: SuggestionsPanelProps): ReactNode {
  const [dismissed, setDismissed] = useState<DismissedSuggestions>({ principles: [], prompts: [] });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('suggestions.dismissed', { storyId }).then(
      (value) => live && setDismissed(value),
      (reason: unknown) => live && setError(reason instanceof Error ? reason.message : String(reason)),
    );
    return () => {
      live = false;
    };
  }, [storyId]);

  const story = useMemo<SuggestStory>(
    () => ({ title: draft.title, sections: sectionTexts(draft.sections) }),
    [draft.title, draft.sections],
  );
  const settled = useDebouncedValue(story, SUGGEST_DELAY_MS);
  const enoughText = useMemo(() => wordCount(settled) >= MIN_WORDS, [settled]);
  const result = useMemo(
    () =>
      enoughText
        ? suggest(settled, framework(), {
            principles: { minScore: PRINCIPLE_MIN_SCORE },
            prompts: { minScore: PROMPT_MIN_SCORE, limit: 60 },
          })
        : { principles: [], prompts: [] },
    [settled, enoughText],
  );

  const mapped = new Set<string>(draft.principles.map((p) => p.id));
  const principles = result.principles
    .filter((s) => !mapped.has(s.principleId) && !dismissed.principles.includes(s.principleId))
    .slice(0, SHOWN_PRINCIPLES);
  const prompts = result.prompts
    .filter((s) => !draft.prompts.includes(s.promptId) && !dismissed.prompts.includes(s.promptId))
    .slice(0, SHOWN_PROMPTS);

  const setDismissal = useCallback(
    (kind: SuggestionKind, id: string, on: boolean) => {
      const key = kind === 'principle' ? 'principles' : 'prompts';
      const apply = (list: DismissedSuggestions, value: boolean): DismissedSuggestions => ({
        ...list,
        [key]: value ? [...list[key].filter((x) => x !== id), id] : list[key].filter((x) => x !== id),
      });
      setDismissed((list) => apply(list, on));
      setError(null);
      const input =
        kind === 'principle' && isPrincipleId(id)
          ? { storyId, kind: 'principle' as const, id }
          : { storyId, kind: 'prompt' as const, id };
      call(on ? 'suggestions.dismiss' : 'suggestions.restore', input).catch((reason: unknown) => {
        setDismissed((list) => apply(list, !on));
        setError(reason instanceof Error ? reason.message : String(reason));
      });
    },
    [storyId],
  );

  const acceptPrinciple = (id: string): void => {
    if (isPrincipleId(id)) onChange({ principles: withPrinciple(draft.principles, id) });
  };
  const acceptPrompt = (id: string): void => onChange(addPrompt(draft, id));
  const dismissedCount = dismissed.principles.length + dismissed.prompts.length;

  return (
    <section className="mapping-panel suggestions-panel" aria-labelledby="suggestions-heading" data-testid="suggestions">
      <header className="panel-header">
        <h2 id="suggestions-heading">Suggestions</h2>
        <p className="panel-hint">Principles and prompts this story’s words point to. Accept what fits, dismiss the rest.</p>
      </header>
      <ErrorNote message={error} />
      {!enoughText ? (
        <p className="panel-empty">Write a few sentences in the sections above: suggestions appear as you type.</p>
      ) : principles.length === 0 && prompts.length === 0 ? (
        <p className="panel-empty">Nothing new to suggest: the story is mapped to what its words point to.</p>
      ) : (
        <div className="suggestion-lists">
          {principles.length > 0 ? (
            <div>
              <h3>Principles</h3>
              <ul className="suggestion-list" aria-label="Suggested principles">
                {principles.map((s) => (
                  <SuggestionRow
                    key={s.principleId}
                    title={
                      <>
                        <strong>{s.name}</strong>
                        <StrengthTag score={s.score} kind="principle" />
                      </>
                    }
                    why={s.why}
                    name={`principle ${s.name}`}
                    readOnly={readOnly}
                    onAccept={() => acceptPrinciple(s.principleId)}
                    onDismiss={() => setDismissal('principle', s.principleId, true)}
                  />
                ))}
              </ul>
            </div>
          ) : null}
          {prompts.length > 0 ? (
            <div>
              <h3>Prompts</h3>
              <ul className="suggestion-list" aria-label="Suggested prompts">
                {prompts.map((s) => (
                  <SuggestionRow
                    key={s.promptId}
                    title={
                      <>
                        <span className="suggestion-principle">{principleById(s.principleId)?.name}</span>
                        <StrengthTag score={s.score} kind="prompt" />
                      </>
                    }
                    text={s.text}
                    why={s.why}
                    name={`prompt: ${s.text}`}
                    readOnly={readOnly}
                    onAccept={() => acceptPrompt(s.promptId)}
                    onDismiss={() => setDismissal('prompt', s.promptId, true)}
                  />
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      )}
      {dismissedCount > 0 ? (
        <details className="dismissed">
          <summary>Dismissed ({dismissedCount})</summary>
          <ul aria-label="Dismissed suggestions">
            {dismissed.principles.map((id) => (
              <li key={`p:${id}`}>
                <span>{principleById(id)?.name ?? id}</span>
                <button
                  type="button"
                  className="text-button"
                  disabled={readOnly}
                  aria-label={`Suggest ${principleById(id)?.name ?? id} again`}
                  onClick={() => setDismissal('principle', id, false)}
                >
                  Suggest again
                </button>
              </li>
            ))}
            {dismissed.prompts.map((id) => (
              <li key={`q:${id}`}>
                <span>{promptById(id)?.prompt.text ?? id}</span>
                <button
                  type="button"
                  className="text-button"
                  disabled={readOnly}
                  aria-label={`Suggest again: ${promptById(id)?.prompt.text ?? id}`}
                  onClick={() => setDismissal('prompt', id, false)}
                >
                  Suggest again
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
