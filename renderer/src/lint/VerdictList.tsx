import type { ReactNode } from 'react';
import type { SectionId } from '../../../shared/domain/sections.ts';
import { RATING_LABELS, type Verdict, type VerdictReason } from '../../../shared/lint/verdict.ts';

export interface VerdictListProps {
  verdicts: readonly Verdict[];
  /** True when the story names no level and the verdict is read at the default one. */
  levelAssumed: boolean;
  onReveal(section: SectionId, start: number, end: number): void;
}

function Reason({ reason, onReveal }: { reason: VerdictReason; onReveal: VerdictListProps['onReveal'] }): ReactNode {
  const { section, start, end } = reason;
  const mark = reason.kind === 'strength' ? '+' : '−';
  const label = reason.kind === 'strength' ? 'Strength' : 'Concern';
  const body = (
    <>
      <span className={`reason-mark reason-${reason.kind}`} aria-label={label} role="img">
        {mark}
      </span>
      <span>{reason.text}</span>
    </>
  );
  return (
    <li className="verdict-reason" data-kind={reason.kind}>
      {section !== undefined && start !== undefined && end !== undefined ? (
        <button type="button" className="reason-link" onClick={() => onReveal(section, start, end)} title="Show in the story">
          {body}
        </button>
      ) : (
        <span className="reason-link">{body}</span>
      )}
    </li>
  );
}

/** The bar-raiser read per principle, beside the score: the rating, why, and what the next level needs. */
export function VerdictList({ verdicts, levelAssumed, onReveal }: VerdictListProps): ReactNode {
  if (verdicts.length === 0) {
    return (
      <p className="verdict-empty" data-testid="verdicts">
        Choose the principles this story is for to see how an interviewer would read it.
      </p>
    );
  }
  return (
    <section className="verdicts" aria-label="Verdicts" data-testid="verdicts">
      {verdicts.map((v) => (
        <article key={v.principle} className={`verdict verdict-${v.rating}`} data-testid={`verdict-${v.principle}`}>
          <header>
            <span className="verdict-principle">{v.principleName}</span>
            <span className={`rating rating-${v.rating}`} data-testid="verdict-rating">
              {RATING_LABELS[v.rating]}
            </span>
          </header>
          <p className="verdict-level">
            Read at {v.level}
            {levelAssumed ? ' (no level chosen)' : ''}
          </p>
          <ul>
            {v.reasons.map((reason, i) => (
              <Reason key={i} reason={reason} onReveal={onReveal} />
            ))}
          </ul>
          {v.nextLevel ? (
            <p className="verdict-next" data-testid="verdict-next">
              <strong>Next level.</strong> {v.nextLevel.needs}
            </p>
          ) : null}
        </article>
      ))}
    </section>
  );
}
