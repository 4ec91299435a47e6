import type { ReactNode } from 'react';
import type { Diagnostic } from '../../../shared/lint/index.ts';

export interface ActiveFinding {
  diagnostics: Diagnostic[];
  rect: { left: number; top: number; bottom: number };
}

/** The message and suggestion of the finding under the mouse or the caret. */
export function FindingTooltip({ active }: { active: ActiveFinding | null }): ReactNode {
  if (!active) return null;
  const top = active.rect.bottom + 6;
  const left = Math.max(8, Math.min(active.rect.left, window.innerWidth - 360));
  return (
    <div className="finding-tooltip" role="tooltip" data-testid="finding-tooltip" style={{ top, left }}>
      {active.diagnostics.map((d) => (
        <div key={`${d.ruleId}:${d.start}`} className={`tooltip-item tooltip-${d.severity}`}>
          <strong>{d.message}</strong>
          {d.suggestion ? <span>{d.suggestion}</span> : null}
        </div>
      ))}
    </div>
  );
}
