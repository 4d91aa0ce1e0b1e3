// The progress line of long runs (review run, check --from-file), drawn on a fake terminal: one line
// redrawn in place with done / total, rate, ETA and the GitHub budget, cut to the terminal's width,
// a summary table at the end; nothing on a stream that is not a terminal or when quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, progressFigures, progressLine, renderTable, startProgress, type ProgressStream } from '../../src/cli/progress.js';
import { targetsFromFile } from '../../src/cli/commands/check.js';

function fakeTty(isTTY = true, columns = 200): ProgressStream & { out: string } {
  return {
    isTTY,
    columns,
    out: '',
    write(chunk: string) {
      this.out += chunk;
      return true;
    },
  };
}

/** What a terminal shows: each \r returns to the line's start and \x1b[K clears it. */
function screen(out: string): string[] {
  const lines: string[] = [''];
  for (const part of out.split(/(\r|\n|\x1b\[K)/)) {
    if (part === '\r' || part === '\x1b[K') lines[lines.length - 1] = '';
    else if (part === '\n') lines.push('');
    else lines[lines.length - 1] += part;
  }
  return lines;
}

test('on a terminal: one line redrawn with done/total, rate, ETA and budget; a summary table at the end', () => {
  const tty = fakeTty();
  let clock = 0;
  let budget = 9000;
  const p = startProgress('reviewed', 200, { stream: tty, now: () => clock, budget: () => budget, minIntervalMs: 0 });
  assert.equal(p.enabled, true);
  clock = 10_000;
  p.update(40, 'widgets passed');
  let shown = screen(tty.out);
  assert.equal(shown.length, 1, 'still one line');
  assert.equal(shown[0], 'reviewed 40/200 (20 %)  4.0/s  ETA 40s  GitHub budget 9000 left  widgets passed');
  // the budget is asked again at most once a second
  budget = 8800;
  clock = 20_000;
  p.update(100, 'gadgets failed');
  shown = screen(tty.out);
  assert.equal(shown.length, 1);
  assert.equal(shown[0], 'reviewed 100/200 (50 %)  5.0/s  ETA 20s  GitHub budget 8800 left  gadgets failed');
  assert.equal((tty.out.match(/\r\x1b\[K/g) ?? []).length, 3, 'each update redraws the same line');
  clock = 40_000;
  p.update(200, 'last passed');
  p.end([
    ['outcome', 'projects'],
    ['passed', '190'],
    ['failed (notified)', '10'],
  ]);
  shown = screen(tty.out);
  assert.deepEqual(shown, [
    'outcome            projects',
    'passed                  190',
    'failed (notified)        10',
    'reviewed 200/200 in 40s (5.0/s), GitHub budget 8800 left',
    '',
  ]);
});

test('not a terminal, --quiet or --format json: nothing is written at all', () => {
  for (const [stream, quiet] of [
    [fakeTty(false), false],
    [fakeTty(true), true],
  ] as const) {
    const p = startProgress('checked', 3, { stream, quiet, minIntervalMs: 0 });
    assert.equal(p.enabled, false);
    p.update(1, 'a pass');
    p.update(3, 'c fail');
    p.end([
      ['verdict', 'repositories'],
      ['pass', '2'],
    ]);
    assert.equal(stream.out, '');
    assert.equal(p.figures().done, 3, 'the figures are kept all the same');
  }
});

test('the line is cut to the terminal width, redraws are throttled, an unknown total shows ?', () => {
  const tty = fakeTty(true, 30);
  let clock = 0;
  const p = startProgress('reviewed', Number.NaN, { stream: tty, now: () => clock, minIntervalMs: 100 });
  assert.equal(screen(tty.out)[0], 'reviewed 0/?  0.0/s  ETA ?');
  p.setTotal(1000);
  clock = 50;
  p.update(1, 'a-project-with-a-very-long-name passed');
  const before = tty.out.length;
  clock = 60;
  p.update(2, 'x passed'); // within 100 ms of the last draw: not drawn
  assert.equal(tty.out.length, before);
  clock = 200;
  p.update(3, 'y passed');
  for (const line of screen(tty.out)) assert.ok(line.length <= 29, `"${line}" fits in 29 columns`);
});

test('figures, durations and the table', () => {
  assert.deepEqual(progressFigures(0, 10, 0, 0), { done: 0, total: 10, ratePerS: 0, etaS: null, elapsedS: 0 });
  assert.deepEqual(progressFigures(5, 10, 0, 10_000, 42), { done: 5, total: 10, ratePerS: 0.5, etaS: 10, elapsedS: 10, budgetLeft: 42 });
  assert.equal(formatDuration(42.4), '42s');
  assert.equal(formatDuration(75), '1m 15s');
  assert.equal(formatDuration(3725), '1h 02m');
  assert.equal(progressLine('checked', progressFigures(30, 120, 0, 2000)), 'checked 30/120 (25 %)  15/s  ETA 6s');
  assert.equal(
    renderTable([
      ['verdict', 'n'],
      ['pass', '12'],
      ['fail', '3'],
    ]),
    'verdict   n\npass     12\nfail      3\n',
  );
});

test('--from-file lists: one repository a line, blank lines and # comments skipped', () => {
  assert.deepEqual(targetsFromFile('# the portfolio\npytorch/ignite\n\n  https://github.com/a/b  # kept\r\nc/d\n'), [
    'pytorch/ignite',
    'https://github.com/a/b',
    'c/d',
  ]);
});
