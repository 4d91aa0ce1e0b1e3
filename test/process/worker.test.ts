// `steward worker` as a process on a short schedule: it delivers the outbox to the loopback SMTP
// sink, runs the due periodic review with the real checker (28 commits → failure notice), delivers
// that notice too, and on SIGTERM finishes what it holds and exits 0 with nothing half-written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, REPO_ROOT, runCli } from '../support/cli.js';
import { buildRepo, cleanupTemp, tempDir } from '../support/repo.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { healthySpec } from './real-repos.js';
import { landscapeItem } from './landscape-items.js';

test.after(cleanupTemp);

const item = landscapeItem;

async function until(what: string, cond: () => boolean, ms: number, log: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; worker said:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('steward worker delivers the outbox, runs the due review, and stops cleanly on SIGTERM', async () => {
  const dir = tempDir('steward-worker-');
  const repos = join(dir, 'repos');
  await buildRepo(healthySpec(new Date(), 28, { name: 'gadgets' }), join(repos, 'example', 'gadgets'));
  const file = join(dir, 'landscape.yml');
  writeFileSync(
    file,
    `landscape:\n  - category:\n    name: Modeling\n    subcategories:\n      - subcategory:\n        name: X\n        items:\n${item('gadgets')}${item('oldie')}`,
  );
  const env = { STEWARD_DATA_DIR: join(dir, 'data'), STEWARD_ACTOR: '', STEWARD_STAFF_EMAIL: '' };
  const cli = (args: string[]) => runCli(args, { env });
  assert.equal((await cli(['import', file])).code, 0);
  for (const name of ['gadgets', 'oldie'])
    assert.equal((await cli(['project', 'contacts', name, '--set', `owner@${name}.example`])).code, 0);
  // two notices waiting before the worker starts
  assert.equal((await cli(['retire', 'oldie', '--reason', 'owners asked'])).code, 0);

  const sink = await startSmtpSink({ dedupe: true });
  let stderr = '';
  const child = spawn(
    process.execPath,
    [...CLI, 'worker', '--smtp', sink.url, '--deliver-every', '0.3', '--review-every', '0.001', '--repos-dir', repos, '--offline'],
    { cwd: REPO_ROOT, env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  try {
    await until(
      'three deliveries',
      () => sink.messages.length >= 3,
      60_000,
      () => stderr,
    );
    await until(
      'the review logged',
      () => /review gadgets: failed/.test(stderr),
      20_000,
      () => stderr,
    );
    child.kill('SIGTERM');
    const { code, signal } = await exited;
    assert.deepEqual({ code, signal }, { code: 0, signal: null }, stderr);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await sink.close();
  }

  assert.deepEqual(sink.messages.map((m) => [m.to.join(','), m.subject.replace(/^\[PyTorch Ecosystem\] /, '')]).sort(), [
    [
      'owner@gadgets.example',
      `gadgets: periodic review found 1 requirement to fix by ${new Date(Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10)}`,
    ],
    ['owner@oldie.example', 'oldie: offboarding from the PyTorch Ecosystem'],
    ['owner@oldie.example', 'oldie: retired from the PyTorch Ecosystem'],
  ]);
  assert.equal(sink.duplicates.length, 0);
  // nothing half-written: every notice delivered, the audit chain intact, the review recorded once
  let r = await cli(['notices', 'list', '--format', 'json']);
  assert.deepEqual(
    (JSON.parse(r.stdout) as { status: string }[]).map((n) => n.status),
    ['delivered', 'delivered', 'delivered'],
  );
  r = await cli(['audit', 'verify']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  r = await cli(['review', 'due', '--all']);
  assert.match(r.stdout, /gadgets {2}due 2026-07-01 {2}FAILING since/);
});
