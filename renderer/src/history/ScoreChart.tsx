import type { ReactNode } from 'react';

export interface ScorePoint {
  /** A stable key (the revision's id, or "live"). */
  key: string;
  at: number;
  score: number;
}

const WIDTH = 440;
const HEIGHT = 180;
const PAD = { left: 34, right: 16, top: 22, bottom: 26 };
/** Up to this many points, each is labelled with its score. */
const LABELLED = 12;

function shortDate(at: number): string {
  return new Date(at).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/**
 * The lint score of each revision, oldest to newest, as a small inline SVG line chart. Points are evenly spaced
 * (editing sessions come at uneven times); the first and last dates label the axis.
 */
export function ScoreChart({ points }: { points: readonly ScorePoint[] }): ReactNode {
  if (points.length === 0) return null;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number): number => PAD.left + (points.length === 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (score: number): number => PAD.top + (1 - score / 100) * innerH;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ');
  const first = points[0] as ScorePoint;
  const last = points[points.length - 1] as ScorePoint;
  const label =
    points.length === 1
      ? `Lint score: ${first.score}.`
      : `Lint score over ${points.length} revisions, from ${first.score} on ${shortDate(first.at)} to ${last.score} on ${shortDate(last.at)}.`;
  return (
    <figure className="score-chart" data-testid="score-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
        {[0, 50, 100].map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        <path className="chart-line" d={path} fill="none" />
        {points.map((p, i) => (
          <circle key={p.key} className="chart-point" cx={x(i)} cy={y(p.score)} r={4}>
            <title>{`${new Date(p.at).toLocaleString()}: ${p.score}`}</title>
          </circle>
        ))}
        {points.length <= LABELLED
          ? points.map((p, i) => (
              <text key={`label-${p.key}`} className="chart-label" x={x(i)} y={y(p.score) - 9} textAnchor="middle" aria-hidden="true">
                {p.score}
              </text>
            ))
          : null}
        <text className="chart-axis" x={PAD.left} y={HEIGHT - 6} textAnchor="start">
          {shortDate(first.at)}
        </text>
        {points.length > 1 ? (
          <text className="chart-axis" x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end">
            {shortDate(last.at)}
          </text>
        ) : null}
      </svg>
      <figcaption className="visually-hidden">{label}</figcaption>
    </figure>
  );
}
