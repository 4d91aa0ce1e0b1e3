// `steward review rejudge`: every project's latest stored evidence judged again under a policy with
// no network and no git (the clones are deleted and every network address points nowhere): the
// policy in force changes nothing, a stricter policy file turns the 33-commit project into a
// failure, and nothing is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../support/cli.js';
import { buildRepo, cleanupTemp, tempDir } from '../support/repo.js';
import { healthySpec } from './real-repos.js';
import { landscapeItem } from './landscape-items.js';

test.after(cleanupTemp);

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

test('review rejudge re-judges stored evidence under a policy with nothing fetched and nothing written', async () => {
  const dir = tempDir('steward-rejudge-cli-');
  const repos = join(dir, 'repos');
  const now = new Date();
  await buildRepo(healthySpec(now, 40, { name: 'widgets' }), join(repos, 'example', 'widgets'));
  await buildRepo(healthySpec(now, 33, { name: 'gadgets' }), join(repos, 'example', 'gadgets'));
  const file = join(dir, 'landscape.yml');
  writeFileSync(
    file,
    `landscape:\n  - category:\n    name: Modeling\n    subcategories:\n      - subcategory:\n        name: X\n        items:\n${landscapeItem('widgets')}${landscapeItem('gadgets')}`,
  );
  const stricter = readFileSync(join(REPO_ROOT, 'data/policies/pytorch-ecosystem-1.0.yml'), 'utf8')
    .replace('version: "1.0"', 'version: "1.0-strict"')
    .replace('options: { min: 30 }', 'options: { min: 35 }');
  writeFileSync(join(dir, 'strict.yml'), stricter);
  const env = { STEWARD_DATA_DIR: join(dir, 'data'), STEWARD_ACTOR: '' };

  assert.equal((await runCli(['import', file], { env })).code, 0);
  let r = await runCli(['review', 'run', '--all', '--repos-dir', repos, '--offline', '--format', 'json'], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).passed, ['gadgets', 'widgets']);
  // stored as raw facts: the README read into blocks is read again from the stored README when judged
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(join(dir, 'data', 'steward.sqlite'), { readonly: true });
  const rows = db.prepare("SELECT evidence FROM reports WHERE kind = 'review'").all() as { evidence: string }[];
  db.close();
  assert.equal(rows.length, 2);
  for (const row of rows) {
    const stored = JSON.parse(row.evidence) as { docs?: unknown; files: Record<string, unknown> };
    assert.equal(stored.docs, undefined);
    assert.ok(stored.files['README.md']);
  }

  // no clone and no reachable server from here on
  rmSync(repos, { recursive: true, force: true });
  const offline = {
    ...env,
    STEWARD_GITHUB_API_URL: 'http://127.0.0.1:9',
    STEWARD_PYPI_URL: 'http://127.0.0.1:9',
    STEWARD_CONDA_API_URL: 'http://127.0.0.1:9',
    STEWARD_CLONE_BASE_URLS: 'github.com=http://127.0.0.1:9/git',
    GITHUB_TOKEN: '',
  };
  r = await runCli(['review', 'rejudge'], { env: offline });
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stdout,
    /^2 project\(s\) re-judged under pytorch-ecosystem@1\.0 in [\d.]+ s, nothing fetched, nothing written\nverdict {2}projects\nreview {10}2\nno verdict would change\n$/,
  );

  r = await runCli(['review', 'rejudge', '--policy', join(dir, 'strict.yml'), '--format', 'json'], { env: offline });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as {
    policy: string;
    projects: number;
    verdicts: Record<string, number>;
    changed: { projectId: string; from: string; to: string }[];
    withoutEvidence: string[];
  };
  assert.equal(out.policy, 'pytorch-ecosystem@1.0-strict');
  assert.equal(out.projects, 2);
  assert.deepEqual(out.verdicts, { fail: 1, review: 1 }, 'offline evidence leaves the online requirements to a person');
  assert.deepEqual(out.changed, [{ projectId: 'gadgets', from: 'review', to: 'fail' }]);
  assert.deepEqual(out.withoutEvidence, []);
  assert.equal(r.stderr, '', 'no progress written to a pipe');

  // nothing written: the project is still passing and due on the same day as after the review
  r = await runCli(['project', 'show', 'gadgets', '--format', 'json'], { env: offline });
  const gadgets = JSON.parse(r.stdout) as { pending?: unknown; lastReviewOn: string };
  assert.equal(gadgets.pending, undefined);
  assert.equal(gadgets.lastReviewOn, now.toISOString().slice(0, 10));
});
