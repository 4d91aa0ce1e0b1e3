// The in-process job runner: runs on schedule, never overlaps a task with itself, survives a
// failing run, and stop() waits for the run in progress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startJobs } from '../../src/jobs/index.js';

test('jobs run periodically without overlapping, survive failures, and stop cleanly', async () => {
  let active = 0;
  let maxActive = 0;
  let failures = 0;
  let finishedAfterStop = false;
  const errors: string[] = [];
  const runner = startJobs(
    [
      {
        name: 'slow',
        everyMs: 5,
        async run() {
          active++;
          maxActive = Math.max(maxActive, active);
          await new Promise((r) => setTimeout(r, 20));
          active--;
          finishedAfterStop = true;
        },
      },
      {
        name: 'flaky',
        everyMs: 5,
        async run() {
          if (failures++ % 2 === 0) throw new Error('boom');
        },
      },
    ],
    { onError: (name, err) => errors.push(`${name}: ${(err as Error).message}`) },
  );
  await new Promise((r) => setTimeout(r, 120));
  finishedAfterStop = false;
  await runner.stop();
  assert.equal(maxActive, 1, 'a task never runs twice at once');
  assert.ok(runner.runs['slow']! >= 2);
  assert.ok(runner.runs['flaky']! >= 2, 'runs continue after a failure');
  assert.ok(errors.length >= 2 && errors.every((e) => e === 'flaky: boom'));
  assert.equal(active, 0, 'stop() waited for the run in progress');
  const after = runner.runs['slow'];
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(runner.runs['slow'], after, 'nothing runs after stop()');
  void finishedAfterStop;
  assert.throws(() => startJobs([{ name: 'x', everyMs: 0, run: async () => {} }]), /positive interval/);
});
