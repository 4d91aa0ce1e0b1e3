// Progress of a long run (a review of the whole portfolio, a check of a list of repositories) on a
// terminal: one line redrawn in place (done / total, rate, ETA, GitHub budget left), then a
// summary table. Nothing at all when the stream is not a terminal, or with --quiet or
// --format json: logs and pipes get the result, not a ticker. The figures themselves come from
// progressFigures(), which the web app's review dashboard shows too.

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

import { formatDuration, progressFigures, type ProgressFigures } from '../util/progress-figures.js';

export { formatDuration, progressFigures, type ProgressFigures };

/** The one progress line: `reviewed 120/2000 (6 %)  3.2/s  ETA 9m 47s  GitHub budget 9640 left  widgets passed`. */
export function progressLine(label: string, f: ProgressFigures, detail = ''): string {
  // a total of NaN is not known yet (the run is still listing what is due)
  const pct = Number.isNaN(f.total) ? '' : ` (${f.total > 0 ? Math.floor((100 * f.done) / f.total) : 100} %)`;
  const parts = [
    `${label} ${f.done}/${Number.isNaN(f.total) ? '?' : f.total}${pct}`,
    `${f.ratePerS >= 10 ? f.ratePerS.toFixed(0) : f.ratePerS.toFixed(1)}/s`,
    `ETA ${f.etaS === null ? '?' : formatDuration(f.etaS)}`,
    ...(f.budgetLeft !== undefined ? [`GitHub budget ${f.budgetLeft} left`] : []),
    ...(detail ? [detail] : []),
  ];
  return parts.join('  ');
}

/** A plain table: the first row is the header; numbers (and the header above them) right-aligned. */
export function renderTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const numeric = widths.map((_, c) => rows.slice(1).every((r) => /^[\d.,%/ s-]*$/.test(r[c] ?? '')));
  return rows
    .map(
      (r) =>
        r
          .map((x, c) => (numeric[c] ? x.padStart(widths[c]!) : x.padEnd(widths[c]!)))
          .join('  ')
          .trimEnd() + '\n',
    )
    .join('');
}

export interface ProgressOptions {
  /** where to draw (default process.stderr) */
  stream?: ProgressStream;
  /** draw nothing (--quiet, --format json) */
  quiet?: boolean;
  /** the budget left, asked at most once a second while drawing */
  budget?: () => Promise<number | undefined> | number | undefined;
  /** at most one redraw per this many ms (default 100), except the last */
  minIntervalMs?: number;
  now?: () => number;
}

export interface Progress {
  readonly enabled: boolean;
  /** `done` of the total so far, and what just happened (`widgets passed`) */
  update(done: number, detail?: string): void;
  /** the total, when it is known only after the start */
  setTotal(total: number): void;
  figures(): ProgressFigures;
  /** clears the line; with rows, prints the summary table (header first) */
  end(summary?: string[][]): void;
}

/** Starts drawing (on a terminal only); `total` NaN when not known yet (then setTotal). */
export function startProgress(label: string, total: number, opts: ProgressOptions = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  const enabled = opts.quiet !== true && stream.isTTY === true;
  const now = opts.now ?? (() => performance.now());
  const started = now();
  const minInterval = opts.minIntervalMs ?? 100;
  let done = 0;
  let detail = '';
  let lastDraw = -Infinity;
  let budgetLeft: number | undefined;
  let budgetAsked = -Infinity;
  let drawn = false;

  const askBudget = () => {
    if (!opts.budget || now() - budgetAsked < 1000) return;
    budgetAsked = now();
    try {
      const v = opts.budget();
      if (v instanceof Promise)
        v.then(
          (b) => void (budgetLeft = b),
          () => undefined,
        );
      else budgetLeft = v;
    } catch {
      // the budget is a nicety: a failed look leaves the last one shown
    }
  };
  const figures = () => progressFigures(done, total, started, now(), budgetLeft);
  const draw = (force: boolean) => {
    if (!enabled) return;
    const t = now();
    if (!force && t - lastDraw < minInterval) return;
    lastDraw = t;
    askBudget();
    let line = progressLine(label, figures(), detail);
    const cols = stream.columns ?? 0;
    if (cols > 1 && line.length > cols - 1) line = line.slice(0, cols - 1);
    stream.write(`\r\x1b[K${line}`);
    drawn = true;
  };
  if (enabled) {
    askBudget();
    draw(true);
  }
  return {
    enabled,
    update(n, d = '') {
      done = n;
      detail = d;
      draw(done >= total);
    },
    setTotal(n) {
      total = n;
      draw(true);
    },
    figures,
    end(summary) {
      if (!enabled) return;
      if (drawn) stream.write('\r\x1b[K');
      const f = figures();
      if (summary && summary.length > 1) {
        stream.write(renderTable(summary));
      }
      stream.write(
        `${label} ${f.done}/${f.total} in ${formatDuration(f.elapsedS)} (${f.ratePerS.toFixed(1)}/s)${f.budgetLeft !== undefined ? `, GitHub budget ${f.budgetLeft} left` : ''}\n`,
      );
    },
  };
}
