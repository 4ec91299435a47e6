import { memo, type ReactNode, useState } from 'react';
import { SECTION_IDS, SECTION_LABELS, type SectionId } from '../../../shared/domain/sections.ts';
import { formatDuration, type StoryTiming } from '../../../shared/domain/timing.ts';
import { type Diagnostic, scoreBand, type Suppression } from '../../../shared/lint/index.ts';
import type { Verdict } from '../../../shared/lint/verdict.ts';
import { GuidePanel, type GuideSource } from './GuidePanel.tsx';
import { VerdictList } from './VerdictList.tsx';

const SEVERITY_LABEL: Record<Diagnostic['severity'], string> = {
  error: 'Error',
  warning: 'Warning',
  suggestion: 'Suggestion',
  positive: 'Strength',
};

const BAND_LABEL: Record<ReturnType<typeof scoreBand>, string> = {
  strong: 'Strong',
  promising: 'Promising',
  'needs-work': 'Needs work',
  incomplete: 'Incomplete',
};

function IgnoreForm(props: { onIgnore(reason: string): void; onCancel(): void }): ReactNode {
  const [reason, setReason] = useState('');
  return (
    <form
      className="ignore-form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onIgnore(reason.trim());
      }}
    >
      <label>
        Why ignore it? (optional)
        <input
          value={reason}
          maxLength={500}
          autoFocus
          onChange={(event) => setReason(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') props.onCancel();
          }}
        />
      </label>
      <div className="ignore-actions">
        <button type="submit">Ignore on this story</button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface FindingProps {
  diagnostic: Diagnostic;
  quote: string;
  onReveal(diagnostic: Diagnostic): void;
  onIgnore(diagnostic: Diagnostic, reason: string): void;
}

/** Lint makes new Diagnostic objects on every keystroke: a finding is the same if what it shows and where it points are. */
function sameFinding(a: FindingProps, b: FindingProps): boolean {
  const x = a.diagnostic;
  const y = b.diagnostic;
  return (
    a.quote === b.quote &&
    a.onReveal === b.onReveal &&
    a.onIgnore === b.onIgnore &&
    x.ruleId === y.ruleId &&
    x.section === y.section &&
    x.fingerprint === y.fingerprint &&
    x.severity === y.severity &&
    x.message === y.message &&
    x.suggestion === y.suggestion &&
    x.start === y.start &&
    x.end === y.end
  );
}

const Finding = memo(function Finding(props: FindingProps): ReactNode {
  const { diagnostic, quote } = props;
  const [ignoring, setIgnoring] = useState(false);
  return (
    <li className={`finding finding-${diagnostic.severity}`} data-rule={diagnostic.ruleId}>
      <button type="button" className="finding-main" onClick={() => props.onReveal(diagnostic)}>
        <span className={`severity severity-${diagnostic.severity}`}>{SEVERITY_LABEL[diagnostic.severity]}</span>
        <span className="finding-message">{diagnostic.message}</span>
        {quote ? <q className="finding-quote">{quote}</q> : null}
        {diagnostic.suggestion ? <span className="finding-suggestion">{diagnostic.suggestion}</span> : null}
      </button>
      {diagnostic.severity !== 'positive' ? (
        ignoring ? (
          <IgnoreForm
            onIgnore={(reason) => {
              setIgnoring(false);
              props.onIgnore(diagnostic, reason);
            }}
            onCancel={() => setIgnoring(false)}
          />
        ) : (
          <button type="button" className="link-button" onClick={() => setIgnoring(true)}>
            Ignore…
          </button>
        )
      ) : null}
    </li>
  );
}, sameFinding);

/** The words a finding is about, cut at a word boundary when long. */
function quoteOf(text: string, diagnostic: Diagnostic): string {
  const full = text.slice(diagnostic.start, diagnostic.end).trim();
  if (full.length <= 90) return full;
  const cut = full.slice(0, 90);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).trimEnd()}…`;
}

export interface LintPanelProps {
  diagnostics: readonly Diagnostic[];
  score: number;
  timing: StoryTiming;
  texts: Readonly<Record<SectionId, string>>;
  suppressions: readonly Suppression[];
  onReveal(diagnostic: Diagnostic): void;
  onIgnore(diagnostic: Diagnostic, reason: string): void;
  onUnignore(suppression: Suppression): void;
  verdicts: readonly Verdict[];
  levelAssumed: boolean;
  onRevealRange(section: SectionId, start: number, end: number): void;
  guide: GuideSource;
  /** The tab shown first (the Guide when another screen sent the user to a principle's guide). */
  initialTab?: LintTab;
}

export type LintTab = 'findings' | 'guide';
type PanelTab = LintTab;
const TAB_LABELS: Record<PanelTab, string> = { findings: 'Findings', guide: 'Guide' };

/** The rubric's findings by section, with the score and the spoken length of the whole answer. */
export function LintPanel(props: LintPanelProps): ReactNode {
  const { diagnostics, score, timing, texts, suppressions } = props;
  const [showIgnored, setShowIgnored] = useState(false);
  const [tab, setTab] = useState<PanelTab>(props.initialTab ?? 'findings');
  const problems = diagnostics.filter((d) => d.severity !== 'positive').length;
  const band = scoreBand(score);
  return (
    <aside className="lint-panel" aria-label="Rubric">
      <div className={`score score-${band}`} data-testid="lint-score">
        <span className="score-number">{score}</span>
        <span className="score-label">
          {BAND_LABEL[band]}
          <small>
            {problems === 0 ? 'No problems found' : `${problems} ${problems === 1 ? 'thing' : 'things'} to improve`}
          </small>
        </span>
      </div>
      <div className="panel-tabs" role="tablist" aria-label="Coaching">
        {(['findings', 'guide'] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`coach-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`coach-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
              const next = tab === 'findings' ? 'guide' : 'findings';
              setTab(next);
              document.getElementById(`coach-tab-${next}`)?.focus();
            }}
          >
            {TAB_LABELS[id]}
          </button>
        ))}
      </div>
      {tab === 'guide' ? (
        <div role="tabpanel" id="coach-panel-guide" aria-labelledby="coach-tab-guide">
          <GuidePanel source={props.guide} levelAssumed={props.levelAssumed} onReveal={props.onRevealRange} />
        </div>
      ) : (
        <div role="tabpanel" id="coach-panel-findings" aria-labelledby="coach-tab-findings">
          <VerdictList verdicts={props.verdicts} levelAssumed={props.levelAssumed} onReveal={props.onRevealRange} />
          <p className={`answer-length answer-${timing.total.status}`}>
            Spoken: <strong>{formatDuration(timing.total.seconds)}</strong> of a {formatDuration(timing.total.minSeconds)}–
            {formatDuration(timing.total.maxSeconds)} answer at {timing.pace} words a minute
          </p>
          {SECTION_IDS.map((section) => {
            const list = diagnostics.filter((d) => d.section === section);
            if (list.length === 0) return null;
            return (
              <section key={section} className="finding-group" aria-label={`${SECTION_LABELS[section]} findings`}>
                <h3>{SECTION_LABELS[section]}</h3>
                <ul>
                  {list.map((diagnostic) => (
                    <Finding
                      key={`${diagnostic.ruleId}:${diagnostic.fingerprint}:${diagnostic.start}`}
                      diagnostic={diagnostic}
                      quote={quoteOf(texts[section], diagnostic)}
                      onReveal={props.onReveal}
                      onIgnore={props.onIgnore}
                    />
                  ))}
                </ul>
              </section>
            );
          })}
          {suppressions.length > 0 ? (
            <div className="ignored">
              <button type="button" className="link-button" onClick={() => setShowIgnored((v) => !v)} aria-expanded={showIgnored}>
                {suppressions.length} ignored on this story
              </button>
              {showIgnored ? (
                <ul>
                  {suppressions.map((s) => (
                    <li key={s.fingerprint}>
                      <span>
                        {s.ruleId} in {SECTION_LABELS[s.section]}
                        {s.reason ? `: ${s.reason}` : ''}
                      </span>
                      <button type="button" className="link-button" onClick={() => props.onUnignore(s)}>
                        Show again
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
      )}
    </aside>
  );
}
