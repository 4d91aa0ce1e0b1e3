// The review-history chart: commits and contributors per window at each stored report, as a
// small inline SVG drawn on the server (two lines over time, a point per report), with the same
// numbers in a table for screen readers and for copying.
import type { HistoryPoint } from '../data/projects.js';

const W = 640;
const H = 220;
const PAD = { l: 44, r: 16, t: 16, b: 36 };

export function HistoryChart(props: { points: HistoryPoint[] }) {
  const pts = props.points.filter((p) => p.commits !== null || p.contributors !== null);
  if (pts.length === 0) return <p class="muted">No reviews with a history measurement yet.</p>;
  const times = pts.map((p) => Date.parse(p.asOf));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const max = Math.max(1, ...pts.map((p) => Math.max(p.commits ?? 0, p.contributors ?? 0)));
  const top = Math.ceil(max / 10) * 10;
  const x = (t: number) => PAD.l + (t1 === t0 ? (W - PAD.l - PAD.r) / 2 : ((t - t0) / (t1 - t0)) * (W - PAD.l - PAD.r));
  const y = (v: number) => H - PAD.b - (v / top) * (H - PAD.t - PAD.b);
  const line = (k: 'commits' | 'contributors') =>
    pts
      .filter((p) => p[k] !== null)
      .map((p) => `${x(Date.parse(p.asOf)).toFixed(1)},${y(p[k]!).toFixed(1)}`)
      .join(' ');
  const ticks = [0, top / 2, top];
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  const oneDay = first.asOf.slice(0, 10) === last.asOf.slice(0, 10);
  return (
    <figure>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">Commits and contributors per 90-day window at each review</title>
        <desc id="chart-desc">
          {oneDay
            ? `On ${first.asOf.slice(0, 10)}: commits ${last.commits ?? '?'}, contributors ${last.contributors ?? '?'}.`
            : `From ${first.asOf.slice(0, 10)} to ${last.asOf.slice(0, 10)}: commits ${first.commits ?? '?'} to ${last.commits ?? '?'}, contributors ${first.contributors ?? '?'} to ${last.contributors ?? '?'}.`}
        </desc>
        {ticks.map((t) => (
          <g>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} stroke="#d5d7dc" />
            <text x={PAD.l - 6} y={y(t) + 4} font-size="16" text-anchor="end" fill="#55575d">
              {String(t)}
            </text>
          </g>
        ))}
        <polyline points={line('commits')} fill="none" stroke="#b3300b" stroke-width="2.5" />
        <polyline points={line('contributors')} fill="none" stroke="#0b4fb3" stroke-width="2.5" stroke-dasharray="6 4" />
        {pts.map((p) => (
          <g>
            {p.commits !== null ? <circle cx={x(Date.parse(p.asOf))} cy={y(p.commits)} r="3.5" fill="#b3300b" /> : null}
            {p.contributors !== null ? <circle cx={x(Date.parse(p.asOf))} cy={y(p.contributors)} r="3.5" fill="#0b4fb3" /> : null}
          </g>
        ))}
        {oneDay ? (
          // reviewed on one day: that day once, under its point (two equal dates at the ends read
          // as a span of time)
          <text x={x(t0)} y={H - 10} font-size="16" text-anchor="middle" fill="#55575d">
            {first.asOf.slice(0, 10)}
          </text>
        ) : (
          <>
            <text x={PAD.l} y={H - 10} font-size="16" fill="#55575d">
              {first.asOf.slice(0, 10)}
            </text>
            <text x={W - PAD.r} y={H - 10} font-size="16" text-anchor="end" fill="#55575d">
              {last.asOf.slice(0, 10)}
            </text>
          </>
        )}
      </svg>
      <figcaption>
        <span style="color:#b3300b">━ commits</span> · <span style="color:#0b4fb3">┅ contributors</span> per 90-day window
      </figcaption>
      <details>
        <summary>The numbers</summary>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">As of</th>
                <th scope="col">Kind</th>
                <th scope="col">Verdict</th>
                <th scope="col">Commits</th>
                <th scope="col">Contributors</th>
              </tr>
            </thead>
            <tbody>
              {pts.map((p) => (
                <tr>
                  <td>{p.asOf.slice(0, 10)}</td>
                  <td>{p.kind}</td>
                  <td>{p.verdict}</td>
                  <td>{p.commits ?? '—'}</td>
                  <td>{p.contributors ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
