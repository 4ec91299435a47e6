import { type ReactNode, useId, useMemo, useState } from 'react';
import type { Principle, Prompt } from '../../../shared/content/principle-schema.ts';
import { framework, promptById } from '../content/framework.ts';
import { addPrompt, type MappingPatch, removePrompt, type StoryMappings } from './mapping-changes.ts';

interface PromptGroup {
  principle: Principle;
  prompts: Prompt[];
}

/** Lower-case words of a search, ignoring punctuation. */
function searchTerms(query: string): string[] {
  return query.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** Every prompt whose text, keywords or principle name holds every term (as a word start), grouped by principle. */
function searchPrompts(principles: readonly Principle[], terms: readonly string[]): PromptGroup[] {
  const groups: PromptGroup[] = [];
  for (const principle of principles) {
    const prompts = principle.prompts.filter((prompt) => {
      const haystack = ` ${[prompt.text, ...prompt.keywords, principle.name].join(' ').toLowerCase()}`;
      return terms.every((term) => haystack.includes(` ${term}`) || haystack.includes(`-${term}`));
    });
    if (prompts.length > 0) groups.push({ principle, prompts });
  }
  return groups;
}

/**
 * "Prompts this story answers": the chosen interview questions as a list, and a picker that offers the prompts of
 * the story's principles (grouped by principle) or, while searching, every prompt of the framework.
 */
export function PromptPicker(props: StoryMappings & { readOnly: boolean; onChange(patch: MappingPatch): void }): ReactNode {
  const { principles, prompts, readOnly, onChange } = props;
  const [query, setQuery] = useState('');
  const searchId = useId();
  const all = framework().principles;
  const terms = useMemo(() => searchTerms(query), [query]);

  const groups = useMemo<PromptGroup[]>(() => {
    if (terms.length > 0) return searchPrompts(all, terms);
    // The story's own principles, primary ones first, in framework order.
    const order = [...principles].sort((a, b) => (a.role === b.role ? 0 : a.role === 'primary' ? -1 : 1));
    return order.flatMap((mapping) => {
      const principle = all.find((p) => p.id === mapping.id);
      return principle ? [{ principle, prompts: principle.prompts }] : [];
    });
  }, [all, principles, terms]);

  const chosen = new Set(prompts);
  const toggle = (promptId: string): void => {
    const current = { principles, prompts };
    onChange(chosen.has(promptId) ? removePrompt(current, promptId) : addPrompt(current, promptId));
  };

  return (
    <fieldset className="prompts-field">
      <legend>Prompts this story answers</legend>
      {prompts.length === 0 ? (
        <p className="field-note">None chosen yet: pick the interview questions this story is a good answer to.</p>
      ) : (
        <ul className="chosen-prompts" aria-label="Chosen prompts">
          {prompts.map((id) => {
            const found = promptById(id);
            const text = found?.prompt.text ?? id;
            return (
              <li key={id} className={found ? 'chosen-prompt' : 'chosen-prompt unknown'}>
                <span className="chosen-prompt-principle">{found?.principle.name ?? 'No longer in the content'}</span>
                <span className="chosen-prompt-text">{text}</span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove prompt: ${text}`}
                  disabled={readOnly}
                  onClick={() => toggle(id)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <details className="prompt-picker">
        <summary>{prompts.length === 0 ? 'Choose prompts…' : 'Change prompts…'}</summary>
        <div className="prompt-picker-body">
          <label htmlFor={searchId} className="visually-hidden">
            Search all prompts
          </label>
          <input
            id={searchId}
            type="search"
            className="prompt-search"
            placeholder="Search all prompts, e.g. “deadline” or “mistake”"
            value={query}
            maxLength={200}
            onChange={(event) => setQuery(event.target.value)}
          />
          {terms.length > 0 && groups.length > 0 ? (
            <p className="field-note">Choosing a prompt of another principle adds that principle to the story.</p>
          ) : null}
          {groups.length === 0 ? (
            <p className="field-note">
              {terms.length > 0
                ? `No prompt matches “${query.trim()}”.`
                : 'Choose a principle above to see its prompts here, or search all prompts.'}
            </p>
          ) : (
            <div className="prompt-groups-pick">
              {groups.map(({ principle, prompts: options }) => (
                <fieldset key={principle.id} className="prompt-options">
                  <legend>{principle.name}</legend>
                  <ul>
                    {options.map((prompt) => (
                      <li key={prompt.id}>
                        <label>
                          <input
                            type="checkbox"
                            checked={chosen.has(prompt.id)}
                            disabled={readOnly}
                            onChange={() => toggle(prompt.id)}
                          />
                          <span>{prompt.text}</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              ))}
            </div>
          )}
        </div>
      </details>
    </fieldset>
  );
}
