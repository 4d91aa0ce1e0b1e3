// `steward review run --queue`: the due reviews go on the job queue for the workers (a project
// already queued is not queued twice), and run follows them until each is reviewed, here by a
// `steward worker` on the same SQLite store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, runCli } from '../support/cli.js';
import { buildRepo, cleanupTemp, tempDir } from '../support/repo.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { healthySpec } from './real-repos.js';
import { landscapeItem } from './landscape-items.js';

test.after(cleanupTemp);
const ENTRY = fileURLToPath(new URL('../../src/cli/run.ts', import.meta.url));

test('review run --queue hands the due reviews to the workers and follows them to the end', async () => {
  const dir = tempDir('steward-review-queue-');
  const repos = join(dir, 'repos');
  const now = new Date();
  await buildRepo(healthySpec(now, 40, { name: 'widgets' }), join(repos, 'example', 'widgets'));
  await buildRepo(healthySpec(now, 28, { name: 'gadgets' }), join(repos, 'example', 'gadgets'));
  const file = join(dir, 'landscape.yml');
  writeFileSync(
    file,
    `landscape:\n  - category:\n    name: Modeling\n    subcategories:\n      - subcategory:\n        name: X\n        items:\n${landscapeItem('widgets')}${landscapeItem('gadgets')}`,
  );
  const env = { STEWARD_DATA_DIR: join(dir, 'data'), STEWARD_ACTOR: '', STEWARD_STAFF_EMAIL: 'staff@example.org' };
  assert.equal((await runCli(['import', file], { env })).code, 0);

  let r = await runCli(['review', 'run', '--queue', '--no-wait', '--format', 'json'], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { total: 2, queued: 2, alreadyQueued: 0 });

  // run again while the worker works them: nothing queued twice, and it waits for both
  const sink = await startSmtpSink({ dedupe: true });
  let log = '';
  const worker = spawn(
    process.execPath,
    ['--import', 'tsx', ENTRY, 'worker', '--smtp', sink.url, '--review-every', '0', '--repos-dir', repos, '--offline'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  worker.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));
  try {
    r = await runCli(['review', 'run', '--queue'], { env });
    assert.equal(r.code, 0, `${r.stderr}\n${log}`);
    assert.equal(r.stdout, '2 due: 0 queued for the workers, 2 already queued; 2 reviewed, 0 dead (steward jobs dead)\n');
    assert.equal(r.stderr, '', 'no progress line when stderr is not a terminal');
  } finally {
    worker.kill('SIGTERM');
    await exited;
    await sink.close();
  }
  assert.match(log, /review gadgets: failed/);
  assert.match(log, /review widgets: passed/);
  r = await runCli(['review', 'run', '--queue', '--format', 'json'], { env });
  assert.deepEqual(JSON.parse(r.stdout), { total: 0, queued: 0, alreadyQueued: 0 });
});
