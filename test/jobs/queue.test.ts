// The durable job queue on both stores: retries with growing delays then success, the retry
// limit leading to a dead job that staff can retry, singleton keys (queued and running), a
// graceful and a hard stop, and a job whose worker was SIGKILLed running again after its lease.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BACKENDS } from '../store/backends.js';
import { openJobQueue, type Job, type JobQueue } from '../../src/jobs/index.js';
import { openStore } from '../../src/store/index.js';
import { cleanupTemp, tempDir } from '../support/repo.js';
import { REPO_ROOT } from '../support/cli.js';

test.after(cleanupTemp);

// pg-boss counts retry delays in whole seconds: 1 s there, 40 ms on SQLite
const RETRY_MS = { sqlite: 40, postgres: 1000 } as const;

async function until(what: string, cond: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

for (const backend of BACKENDS) {
  const open = async (tuning = {}) => {
    const store = await backend.open();
    const queue = await openJobQueue(store, { pollMs: 30, retryDelayMs: RETRY_MS[backend.name], leaseMs: 5_000, ...tuning });
    return { store, queue };
  };

  test(`${backend.name}: a failing job is retried with growing delays, then succeeds`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const { store, queue } = await open();
    try {
      const seen: { attempt: number; at: number }[] = [];
      queue.work<{ n: number }>('flaky', async (job) => {
        seen.push({ attempt: job.attempt, at: Date.now() });
        assert.deepEqual(job.data, { n: 7 });
        if (job.attempt < 3) throw new Error(`attempt ${job.attempt} failed`);
      });
      await queue.start();
      const id = await queue.enqueue('flaky', { n: 7 }, { retryLimit: 2 });
      assert.ok(id);
      await queue.drain(['flaky']);
      assert.deepEqual(
        seen.map((s) => s.attempt),
        [1, 2, 3],
      );
      const first = seen[1]!.at - seen[0]!.at;
      const second = seen[2]!.at - seen[1]!.at;
      assert.ok(first >= RETRY_MS[backend.name] * 0.9, `first retry after ${first} ms`);
      assert.ok(second >= RETRY_MS[backend.name] * 1.8, `second retry after ${second} ms, expected about twice ${RETRY_MS[backend.name]}`);
      const rec = await queue.get(id);
      assert.equal(rec?.state, 'completed');
      assert.equal(rec?.attempts, 3);
      assert.deepEqual(await queue.dead(), []);
      await queue.stop();
    } finally {
      await store.dispose();
    }
  });

  test(`${backend.name}: past its retry limit a job is dead, listed, and runs once more when retried`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const { store, queue } = await open();
    try {
      let healed = false;
      const attempts: number[] = [];
      queue.work('sync', async (job: Job) => {
        attempts.push(job.attempt);
        if (!healed) throw new Error('the mirror answered 502');
      });
      await queue.start();
      const id = (await queue.enqueue('sync', { repo: 'a/b' }, { retryLimit: 1 }))!;
      await queue.drain(['sync']);
      assert.deepEqual(attempts, [1, 2], 'the first run and one retry');
      const dead = await queue.dead();
      assert.deepEqual(
        dead.map((d) => [d.id, d.state, d.attempts, d.lastError]),
        [[id, 'dead', 2, 'the mirror answered 502']],
      );
      await assert.rejects(queue.retry('00000000-0000-0000-0000-000000000000'), /no such job/);
      healed = true;
      await queue.retry(id);
      await queue.drain(['sync']);
      assert.deepEqual(attempts, [1, 2, 3]);
      assert.equal((await queue.get(id))?.state, 'completed');
      assert.deepEqual(await queue.dead(), []);
      await assert.rejects(queue.retry(id), new RegExp(`job ${id}: expected a dead job to retry, found it completed`));
      await queue.stop();
    } finally {
      await store.dispose();
    }
  });

  test(`${backend.name}: one job per singleton key while one is queued or running`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const { store, queue } = await open();
    try {
      const a = await queue.enqueue('review', { p: 1 }, { singletonKey: 'project:torchgeo' });
      assert.ok(a);
      assert.equal(await queue.enqueue('review', { p: 2 }, { singletonKey: 'project:torchgeo' }), null, 'queued: refused');
      assert.ok(await queue.enqueue('review', { p: 3 }, { singletonKey: 'project:kornia' }), 'another key');
      assert.ok(await queue.enqueue('check', { p: 4 }, { singletonKey: 'project:torchgeo' }), 'another job name');
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const running: unknown[] = [];
      queue.work(
        'review',
        async (job) => {
          running.push(job.data);
          if ((job.data as { p: number }).p === 1) await gate;
        },
        { concurrency: 2 },
      );
      await queue.start();
      await until('the torchgeo review running', async () => (await queue.get(a))?.state === 'active');
      assert.equal(await queue.enqueue('review', { p: 5 }, { singletonKey: 'project:torchgeo' }), null, 'running: refused');
      release();
      await queue.drain(['review']);
      const again = await queue.enqueue('review', { p: 6 }, { singletonKey: 'project:torchgeo' });
      assert.ok(again, 'finished: a new review of the same project is accepted');
      await queue.drain(['review']);
      assert.deepEqual((running as { p: number }[]).map((d) => d.p).sort(), [1, 3, 6]);
      await queue.stop();
    } finally {
      await store.dispose();
    }
  });

  test(`${backend.name}: stop waits for the job in hand; a hard stop hands it back uncounted`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const { store, queue } = await open();
    try {
      let finished = 0;
      queue.work('slow', async () => {
        await new Promise((r) => setTimeout(r, 300));
        finished++;
      });
      await queue.start();
      const id = (await queue.enqueue('slow', {}))!;
      await until('the job active', async () => (await queue.get(id))?.state === 'active');
      await queue.stop();
      assert.equal(finished, 1, 'stop() returned after the handler finished');
      assert.equal((await queue.get(id))?.state, 'completed');

      const q2 = await openJobQueue(store, { pollMs: 30, leaseMs: 5_000 });
      const attempts: number[] = [];
      q2.work('slow', async (job) => {
        attempts.push(job.attempt);
        await new Promise((r) => setTimeout(r, 300));
      });
      await q2.start();
      const id2 = (await q2.enqueue('slow', {}))!;
      await until('the second job active', async () => (await q2.get(id2))?.state === 'active');
      await q2.stop({ graceful: false });
      const back = await q2.get(id2);
      assert.deepEqual([back?.state, back?.attempts], ['queued', 0], 'released, the attempt not counted');
      const q3 = await openJobQueue(store, { pollMs: 30, leaseMs: 5_000 });
      q3.work('slow', async (job) => void attempts.push(job.attempt));
      await q3.start();
      await q3.drain(['slow']);
      await q3.stop();
      assert.deepEqual(attempts, [1, 1]);
      await new Promise((r) => setTimeout(r, 400));
      assert.equal((await q3.get(id2))?.state, 'completed', "the released handler's late end changed nothing");
    } finally {
      await store.dispose();
    }
  });
}

test('sqlite: a job active in a SIGKILLed process runs again once its lease expires', async () => {
  const dataDir = tempDir('steward-jobs-crash-');
  const store = await openStore({ dataDir });
  let queue: JobQueue | undefined;
  try {
    const q = await openJobQueue(store, { pollMs: 30 });
    const id = (await q.enqueue('hang', { repo: 'a/b' }))!;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./crash-child.ts', import.meta.url)), dataDir, '1500'],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => c.toString().includes('taken') && resolve());
      child.on('exit', (code) => reject(new Error(`the child exited (${code}) before taking the job`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const left = await q.get(id);
    assert.deepEqual([left?.state, left?.attempts], ['active', 1], 'the killed worker left it active');
    const runs: { attempt: number; at: number }[] = [];
    const killedAt = Date.now();
    queue = await openJobQueue(store, { pollMs: 30 });
    queue.work('hang', async (job) => void runs.push({ attempt: job.attempt, at: Date.now() }));
    await queue.start();
    await queue.drain(['hang']);
    assert.equal(runs.length, 1);
    assert.equal(runs[0]!.attempt, 2, 'the lost run counted as an attempt');
    assert.ok(runs[0]!.at - killedAt < 3_000, 'taken again soon after the lease');
    const row = await store.db.selectFrom('jobs').select(['lease_until', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal((await queue.get(id))?.state, 'completed');
    assert.ok(row.updated_at >= left!.updatedAt);
  } finally {
    await queue?.stop();
    await store.close();
  }
});
