import { type ReactNode, useId, useState } from 'react';
import { isLevel, LEVELS, type Level } from '../../../shared/domain/levels.ts';
import { PRINCIPLES, type PrincipleId } from '../../../shared/domain/principles.ts';
import type { PrincipleMapping, PrincipleRole } from '../../../shared/domain/story.ts';

export function PrinciplePicker(props: {
  value: PrincipleMapping[];
  onChange(next: PrincipleMapping[]): void;
}): ReactNode {
  const { value, onChange } = props;
  const chosen = new Map(value.map((p) => [p.id, p.role]));
  const toggle = (id: PrincipleId): void => {
    if (chosen.has(id)) onChange(value.filter((p) => p.id !== id));
    else onChange([...value, { id, role: value.some((p) => p.role === 'primary') ? 'secondary' : 'primary' }]);
  };
  const setRole = (id: PrincipleId, role: PrincipleRole): void =>
    onChange(value.map((p) => (p.id === id ? { ...p, role } : p)));
  return (
    <fieldset className="principles-field">
      <legend>Principles</legend>
      <details className="principle-picker">
        <summary>
          {value.length === 0 ? 'Choose the principles this story shows…' : `${value.length} chosen — change…`}
        </summary>
        <ul className="principle-options">
          {PRINCIPLES.map((principle) => (
            <li key={principle.id}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(principle.id)}
                  onChange={() => toggle(principle.id)}
                />
                {principle.name}
              </label>
            </li>
          ))}
        </ul>
      </details>
      <ul className="chips" aria-label="Chosen principles">
        {value.map((mapping) => {
          const name = PRINCIPLES.find((p) => p.id === mapping.id)?.name ?? mapping.id;
          return (
            <li key={mapping.id} className={`chip chip-${mapping.role}`}>
              <span>{name}</span>
              <select
                aria-label={`Role of ${name}`}
                value={mapping.role}
                onChange={(event) => setRole(mapping.id, event.target.value as PrincipleRole)}
              >
                <option value="primary">primary</option>
                <option value="secondary">secondary</option>
              </select>
              <button type="button" aria-label={`Remove ${name}`} onClick={() => toggle(mapping.id)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** A story level, or none (named `emptyLabel`): the story's own level, or the one new stories start at. */
export function LevelSelect(props: {
  value: Level | null;
  onChange(next: Level | null): void;
  label?: string;
  emptyLabel?: string;
  disabled?: boolean;
}): ReactNode {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label ?? 'Level'}</label>
      <select
        id={id}
        value={props.value ?? ''}
        disabled={props.disabled}
        onChange={(event) => props.onChange(isLevel(event.target.value) ? event.target.value : null)}
      >
        <option value="">{props.emptyLabel ?? 'Any level'}</option>
        {LEVELS.map((level) => (
          <option key={level} value={level}>
            {level}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TagsInput(props: { value: string[]; onChange(next: string[]): void; onBlur(): void }): ReactNode {
  const id = useId();
  const [entry, setEntry] = useState('');
  const add = (): void => {
    const tag = entry.trim().slice(0, 40);
    if (tag && !props.value.some((t) => t.toLowerCase() === tag.toLowerCase())) props.onChange([...props.value, tag]);
    setEntry('');
  };
  return (
    <div className="field tags-field">
      <label htmlFor={id}>Tags</label>
      <div className="tags-box">
        <ul className="chips" aria-label="Current tags">
          {props.value.map((tag) => (
            <li key={tag} className="chip">
              <span>{tag}</span>
              <button
                type="button"
                aria-label={`Remove tag ${tag}`}
                onClick={() => props.onChange(props.value.filter((t) => t !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          value={entry}
          placeholder="Add a tag, press Enter"
          maxLength={40}
          onChange={(event) => setEntry(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ',') {
              event.preventDefault();
              add();
            } else if (event.key === 'Backspace' && entry === '' && props.value.length > 0) {
              props.onChange(props.value.slice(0, -1));
            }
          }}
          onBlur={() => {
            if (entry.trim()) add();
            props.onBlur();
          }}
        />
      </div>
    </div>
  );
}
