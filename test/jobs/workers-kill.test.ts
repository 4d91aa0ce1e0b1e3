// Four `steward worker` processes share one PostgreSQL queue; one is SIGKILLed in the middle of
// the run. The others finish: every project has exactly one review, every failing project's
// notice is delivered once, and the killed worker's job was taken over after its lease.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, REPO_ROOT, runCli } from '../support/cli.js';
import { buildRepo, cleanupTemp, tempDir } from '../support/repo.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { PG_URL, postgresUnavailable } from '../store/backends.js';
import { healthySpec } from '../process/real-repos.js';
import { landscapeItem } from '../process/landscape-items.js';
import { openStore } from '../../src/store/index.js';

test.after(cleanupTemp);

const PROJECTS = 12;

test('a worker SIGKILLed mid-run: the others finish, one review per project, no notice twice', async (t) => {
  const why = await postgresUnavailable();
  if (why) return t.skip(why);
  const schema = `steward_t_${randomBytes(6).toString('hex')}`;
  const dir = tempDir('steward-kill-');
  const repos = join(dir, 'repos');
  const names = Array.from({ length: PROJECTS }, (_, i) => `proj${String(i).padStart(2, '0')}`);
  // a third pass (many commits), the rest fail (too few) and are notified
  await Promise.all(names.map((n, i) => buildRepo(healthySpec(new Date(), i % 3 === 0 ? 40 : 12, { name: n }), join(repos, 'example', n))));
  const file = join(dir, 'landscape.yml');
  writeFileSync(
    file,
    `landscape:\n  - category:\n    name: Modeling\n    subcategories:\n      - subcategory:\n        name: X\n        items:\n${names.map((n) => landscapeItem(n)).join('')}`,
  );
  const env = { DATABASE_URL: PG_URL, STEWARD_PG_SCHEMA: schema, STEWARD_ACTOR: '', STEWARD_STAFF_EMAIL: '' };
  const sink = await startSmtpSink({ dedupe: true });
  const workers: { child: ChildProcess; log: string; exited: Promise<number | null> }[] = [];
  try {
    assert.equal((await runCli(['import', file], { env })).code, 0);
    for (let i = 0; i < 4; i++) {
      const child = spawn(
        process.execPath,
        [
          ...CLI,
          'worker',
          '--smtp',
          sink.url,
          '--notify',
          'staff@example.org',
          '--deliver-every',
          '0.5',
          '--review-every',
          '0.0005',
          '--concurrency',
          '1',
          '--lease',
          '4',
          '--send-timeout',
          '2',
          '--repos-dir',
          repos,
          '--offline',
        ],
        { cwd: REPO_ROOT, env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      const w = { child, log: '', exited: new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))) };
      child.stderr!.on('data', (c: Buffer) => (w.log += c.toString()));
      workers.push(w);
    }
    const logs = () => workers.map((w, i) => `--- worker ${i}\n${w.log}`).join('\n');
    const store = await openStore({ databaseUrl: PG_URL, pgSchema: schema, migrate: false });
    try {
      const reviewed = async () =>
        Number(
          (
            await store.db
              .selectFrom('reviews')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const until = async (what: string, cond: () => Promise<boolean>, ms: number) => {
        const end = Date.now() + ms;
        while (!(await cond())) {
          if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${logs()}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      // kill the worker that holds a job while the run is under way
      await until('the first reviews', async () => (await reviewed()) >= 2, 90_000);
      const victim = workers.find((w) => /review proj\d+: /.test(w.log)) ?? workers[0]!;
      victim.child.kill('SIGKILL');
      await victim.exited;
      await until(`all ${PROJECTS} reviews`, async () => (await reviewed()) >= PROJECTS, 90_000);
      const failing = names.filter((_, i) => i % 3 !== 0).length;
      // a notice the victim was sending when it died waits out its delivery lease (send timeout 2 s
      // + 30 s margin) before another worker may send it: wait past that
      await until('the failure notices delivered', async () => sink.messages.length >= failing, 45_000);
      await new Promise((r) => setTimeout(r, 1500)); // room for a duplicate to show up, if any would
      for (const w of workers) if (w !== victim) w.child.kill('SIGTERM');
      for (const w of workers) if (w !== victim) assert.equal(await w.exited, 0, logs());

      const steps = await store.db.selectFrom('reviews').select(['project_id', 'outcome']).execute();
      assert.deepEqual(steps.map((s) => s.project_id).sort(), names, 'exactly one review per project');
      assert.equal(steps.filter((s) => s.outcome === 'failed').length, failing);
      const outbox = await store.db.selectFrom('outbox').select(['id', 'status']).execute();
      assert.equal(outbox.length, failing, 'one notice per failing project');
      assert.ok(outbox.every((o) => o.status === 'delivered'));
      assert.equal(sink.messages.length, failing);
      assert.equal(sink.duplicates.length, 0, 'no notice sent twice');
      assert.equal(new Set(sink.messages.map((m) => m.messageId)).size, failing, 'each notice under its own Message-ID');
      assert.match(logs(), /worker \d+: stopped; .*peak rss/);
      if (process.env.STEWARD_TEST_LOGS) writeFileSync(process.env.STEWARD_TEST_LOGS, logs());
    } finally {
      await store.close();
    }
  } finally {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await sink.close();
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  }
});
