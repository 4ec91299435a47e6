import { type ReactNode, useMemo, useState } from 'react';
import type { Level } from '../../../shared/domain/levels.ts';
import { SECTION_LABELS, type SectionId } from '../../../shared/domain/sections.ts';
import type { PrincipleMapping } from '../../../shared/domain/story.ts';
import type { Diagnostic } from '../../../shared/lint/diagnostics.ts';
import { type GuidePitfall, type PrincipleGuide, storyGuide } from '../../../shared/lint/guide.ts';
import type { LookForResult } from '../../../shared/lint/look-fors.ts';
import { framework } from '../content/framework.ts';

/** What the guide is worked out from. The panel works it out itself, so it costs nothing while its tab is closed. */
export interface GuideSource {
  texts: Readonly<Record<SectionId, string>>;
  principles: readonly PrincipleMapping[];
  level: Level;
  diagnostics: readonly Diagnostic[];
}

export interface GuidePanelProps {
  source: GuideSource;
  /** True when the story names no level and the expectation shown is the default level's. */
  levelAssumed: boolean;
  onReveal(section: SectionId, start: number, end: number): void;
}

function LookFor({ result, onReveal }: { result: LookForResult; onReveal: GuidePanelProps['onReveal'] }): ReactNode {
  const { hit } = result;
  return (
    <li className={`guide-item ${hit ? 'guide-shown' : 'guide-missing'}`} data-testid="look-for" data-shown={hit ? 'true' : 'false'}>
      <span className="guide-mark" role="img" aria-label={hit ? 'In the story' : 'Not in the story yet'}>
        {hit ? '✓' : '○'}
      </span>
      <span className="guide-text">
        {result.lookFor}
        {hit ? (
          <button type="button" className="guide-evidence" onClick={() => onReveal(hit.section, hit.start, hit.end)} title="Show in the story">
            “{hit.text}” <span className="guide-where">in the {SECTION_LABELS[hit.section]}</span>
          </button>
        ) : null}
      </span>
    </li>
  );
}

function Pitfall({ pitfall, onReveal }: { pitfall: GuidePitfall; onReveal: GuidePanelProps['onReveal'] }): ReactNode {
  const { finding } = pitfall;
  const state = finding ? 'fallen' : pitfall.detectable ? 'clear' : 'unknown';
  const mark = { fallen: '!', clear: '✓', unknown: '?' }[state];
  const label = { fallen: 'This story falls into it', clear: 'Not found in this story', unknown: 'Check this yourself' }[state];
  return (
    <li className={`guide-item guide-pitfall-${state}`} data-testid="pitfall" data-state={state}>
      <span className="guide-mark" role="img" aria-label={label} title={label}>
        {mark}
      </span>
      <span className="guide-text">
        {pitfall.text}
        {finding ? (
          <button type="button" className="guide-evidence" onClick={() => onReveal(finding.section, finding.start, finding.end)} title="Show in the story">
            This story falls into it: see the {SECTION_LABELS[finding.section]}
          </button>
        ) : state === 'unknown' ? (
          <span className="guide-note">No rule can tell; read your story for it.</span>
        ) : null}
      </span>
    </li>
  );
}

function Guide({ guide, levelAssumed, onReveal }: { guide: PrincipleGuide } & Omit<GuidePanelProps, 'source'>): ReactNode {
  const shown = guide.lookFors.filter((l) => l.hit !== null).length;
  const fallen = guide.pitfalls.filter((p) => p.finding !== null).length;
  return (
    <article className="guide" data-testid={`guide-${guide.principle}`} aria-label={`${guide.principleName} guide`}>
      <p className="guide-summary">{guide.summary}</p>
      <h4>
        What interviewers look for <small>{shown} of {guide.lookFors.length} in the story</small>
      </h4>
      <ul className="guide-list">
        {guide.lookFors.map((result, i) => (
          <LookFor key={i} result={result} onReveal={onReveal} />
        ))}
      </ul>
      <p className="guide-caveat">A tick means the story touches it, in the words shown; whether it shows it well is the verdict's call.</p>
      <h4>
        Pitfalls <small>{fallen === 0 ? 'none found' : `${fallen} found`}</small>
      </h4>
      <ul className="guide-list">
        {guide.pitfalls.map((pitfall, i) => (
          <Pitfall key={i} pitfall={pitfall} onReveal={onReveal} />
        ))}
      </ul>
      <h4>
        Expected at {guide.level}
        {levelAssumed ? <small>no level chosen</small> : null}
      </h4>
      <p className="guide-expectation" data-testid="guide-expectation">
        {guide.expectation ?? 'The content has no expectation for this level.'}
      </p>
      {guide.angle ? (
        <section className="guide-angle" data-testid="guide-angle" aria-label={`Telling it for ${guide.principleName}`}>
          <h4>Told for {guide.principleName}, a secondary principle</h4>
          <p className="guide-angle-label">Bring forward</p>
          <ul>
            {guide.angle.emphasize.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
          <p className="guide-angle-label">Say less about</p>
          <ul>
            {guide.angle.downplay.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

/** What content/principles says interviewers want, per principle of the story, read against the story. */
export function GuidePanel({ source, levelAssumed, onReveal }: GuidePanelProps): ReactNode {
  const [chosen, setChosen] = useState<string | null>(null);
  const { texts, principles, level, diagnostics } = source;
  const guides = useMemo(
    () => storyGuide({ sections: texts, principles, level, diagnostics, framework: framework() }),
    [texts, principles, level, diagnostics],
  );
  if (guides.length === 0) {
    return (
      <p className="verdict-empty" data-testid="guide-empty">
        Choose the principles this story is for to see what interviewers look for in each.
      </p>
    );
  }
  const current = guides.find((g) => g.principle === chosen) ?? guides[0]!;
  return (
    <section className="guide-panel" aria-label="Principle guide" data-testid="guide-panel">
      {guides.length > 1 ? (
        <div className="guide-principles" role="group" aria-label="Principle">
          {guides.map((g) => (
            <button
              key={g.principle}
              type="button"
              aria-pressed={g === current}
              onClick={() => setChosen(g.principle)}
            >
              {g.principleName}
            </button>
          ))}
        </div>
      ) : (
        <h3 className="guide-title">{current.principleName}</h3>
      )}
      <Guide guide={current} levelAssumed={levelAssumed} onReveal={onReveal} />
    </section>
  );
}
