import { type ReactNode, useEffect, useRef, useState } from 'react';
import { SECTION_IDS, SECTION_LABELS } from '../../../shared/domain/sections.ts';
import { type Story, UNTITLED } from '../../../shared/domain/story.ts';
import { formatDuration, sectionTiming } from '../../../shared/domain/timing.ts';
import { usePreferences } from '../settings/preferences.tsx';

/**
 * The story large and clean, one section at a time, for rehearsing out loud. Right, Space or Page Down moves on;
 * Left or Page Up goes back; Home and End jump; Escape closes.
 */
export function ReadAloud({ story, onClose }: { story: Story; onClose(): void }): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const [index, setIndex] = useState(0);
  const { pace } = usePreferences().preferences;
  const sections = SECTION_IDS.filter((id) => story.sections[id].text.trim() !== '');
  const last = Math.max(0, sections.length - 1);
  const section = sections[Math.min(index, last)];

  const nextRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first control (Close): start on Next instead, so Space reads on.
    nextRef.current?.focus();
  }, []);

  const move = (by: number): void => setIndex((i) => Math.min(last, Math.max(0, i + by)));

  // On the window, not the dialog: a button that turns disabled at either end drops the focus to the page.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key;
      const onButton = event.target instanceof HTMLButtonElement;
      if (key === 'ArrowRight' || key === 'PageDown' || (key === ' ' && !onButton)) {
        event.preventDefault();
        setIndex((i) => Math.min(last, i + 1));
      } else if (key === 'ArrowLeft' || key === 'PageUp') {
        event.preventDefault();
        setIndex((i) => Math.max(0, i - 1));
      } else if (key === 'Home') {
        event.preventDefault();
        setIndex(0);
      } else if (key === 'End') {
        event.preventDefault();
        setIndex(last);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [last]);

  return (
    <dialog
      ref={ref}
      className="read-aloud"
      aria-labelledby="read-aloud-title"
      onClose={onClose}
    >
      <div className="read-aloud-body">
        <header className="read-aloud-header">
          <h2 id="read-aloud-title">{story.title.trim() || UNTITLED}</h2>
          <button type="button" className="icon-button" aria-label="Close read-aloud view" onClick={() => ref.current?.close()}>
            ×
          </button>
        </header>
        {section ? (
          <article className="read-aloud-section" aria-live="polite" data-testid="read-aloud-section">
            <h3>
              {SECTION_LABELS[section]}
              <span className="read-aloud-time">
                about {formatDuration(sectionTiming(section, story.sections[section].text, pace).seconds)} spoken · target{' '}
                {formatDuration(sectionTiming(section, '', pace).targetSeconds)}
              </span>
            </h3>
            {story.sections[section].text
              .split(/\n+/)
              .filter((p) => p.trim() !== '')
              .map((p, i) => (
                <p key={i}>{p}</p>
              ))}
          </article>
        ) : (
          <p className="read-aloud-section">This story has no text yet.</p>
        )}
        <footer className="read-aloud-footer">
          <button type="button" onClick={() => move(-1)} disabled={index === 0}>
            ← Previous
          </button>
          <span className="read-aloud-step" data-testid="read-aloud-step">
            {sections.length === 0 ? '0 / 0' : `${Math.min(index, last) + 1} / ${sections.length}`}
          </span>
          <button type="button" className="primary" ref={nextRef} onClick={() => move(1)} disabled={index >= last}>
            Next →
          </button>
        </footer>
      </div>
    </dialog>
  );
}
