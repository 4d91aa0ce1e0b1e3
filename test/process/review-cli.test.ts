// `steward review run` with the REAL checker, as a user runs it: real git repositories under
// --repos-dir, checked offline. A well-kept project passes; one with 28 commits in the window
// fails requirement 13 and gets a notice with a 30-day deadline; the reports are stored. Then the
// offboarding follow-up through the same checker finds the badge left in a retired project's README.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { buildRepo, cleanupTemp, tempDir } from '../support/repo.js';
import { healthySpec } from './real-repos.js';
import { landscapeItem } from './landscape-items.js';

test.after(cleanupTemp);

const item = landscapeItem;

test('review run through the CLI checks real repositories: a pass, a 28-commit failure with its deadline, the offboarding follow-up', async () => {
  const dir = tempDir('steward-review-cli-');
  const repos = join(dir, 'repos');
  const now = new Date();
  const badge = '[![PyTorch Ecosystem](https://img.shields.io/badge/PyTorch-Ecosystem-ee4c2c)](https://landscape.pytorch.org/)';
  await buildRepo(healthySpec(now, 40, { name: 'widgets', readmeExtra: badge }), join(repos, 'example', 'widgets'));
  await buildRepo(healthySpec(now, 28, { name: 'gadgets' }), join(repos, 'example', 'gadgets'));
  const file = join(dir, 'landscape.yml');
  writeFileSync(
    file,
    `landscape:\n  - category:\n    name: Modeling\n    subcategories:\n      - subcategory:\n        name: X\n        items:\n${item('widgets')}${item('gadgets')}`,
  );
  const env = { STEWARD_DATA_DIR: join(dir, 'data'), STEWARD_ACTOR: '' };
  const cli = (args: string[]) => runCli(args, { env });

  let r = await cli(['import', file]);
  assert.equal(r.code, 0, r.stderr);
  for (const name of ['widgets', 'gadgets'])
    assert.equal((await cli(['project', 'contacts', name, '--set', `owner@${name}.example`])).code, 0);
  r = await cli(['review', 'due']);
  assert.match(r.stdout, /^gadgets {2}due 2026-07-01\nwidgets {2}due 2026-07-01\n$/);

  r = await cli(['review', 'run', '--repos-dir', repos, '--offline', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const run = JSON.parse(r.stdout) as { total: number; passed: string[]; failed: string[]; errors: unknown[] };
  assert.deepEqual(
    { total: run.total, passed: run.passed, failed: run.failed, errors: run.errors },
    { total: 2, passed: ['widgets'], failed: ['gadgets'], errors: [] },
  );
  // progress is for a terminal: with output to a pipe (and --format json) stderr has none of it
  assert.doesNotMatch(r.stderr, /reviewed \d/);

  const today = now.toISOString().slice(0, 10);
  const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  r = await cli(['review', 'due', '--all']);
  assert.match(r.stdout, new RegExp(`gadgets {2}due 2026-07-01 {2}FAILING since ${today}, deadline ${deadline}`));
  assert.match(r.stdout, /widgets {2}due \d{4}-\d{2}-\d{2}\n/);
  r = await cli(['notices', 'list', '--format', 'json']);
  const notices = JSON.parse(r.stdout) as {
    kind: string;
    to: string[];
    data: { deadlineOn: string; failures: { id: number; summary: string }[] };
  }[];
  assert.deepEqual(
    notices.map((n) => [n.kind, n.to]),
    [['review-failure', ['owner@gadgets.example']]],
  );
  assert.equal(notices[0]!.data.deadlineOn, deadline);
  assert.deepEqual(
    notices[0]!.data.failures.map((f) => f.id),
    [13],
  );
  assert.match(notices[0]!.data.failures[0]!.summary, /28 commits in the 90 days/);
  r = await cli(['project', 'show', 'widgets', '--format', 'json']);
  const widgets = JSON.parse(r.stdout) as { lastReviewOn: string };
  assert.equal(widgets.lastReviewOn, today);
  r = await cli(['audit', 'log', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal((r.stdout.match(/"report\.attached"/g) ?? []).length, 2, 'both reports stored and audited');

  // a second run the same day does nothing (the failing one is re-checked at most once a day)
  r = await cli(['review', 'run', '--repos-dir', repos, '--offline']);
  assert.match(r.stdout, /^0 due \(judged under pytorch-ecosystem@1.0\): 0 passed/);
  // asked for by name the same day (say the owners just pushed a fix), it says when it will be
  // re-checked, not "not due until" its deadline
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  r = await cli(['review', 'run', '--project', 'gadgets', '--repos-dir', repos, '--offline']);
  assert.match(
    r.stdout,
    new RegExp(
      `\\n {2}gadgets: not reviewed: already re-checked on ${today}; a failing project is re-checked once a day, next on ${tomorrow} \\(deadline ${deadline}\\)\\n`,
    ),
  );
  assert.doesNotMatch(r.stdout, /not due until/);

  // offboarding follow-up through the real checker: the README still carries the badge
  assert.equal((await cli(['retire', 'widgets', '--reason', 'owners asked'])).code, 0);
  r = await cli(['project', 'offboarding-check', 'widgets', '--repos-dir', repos, '--offline']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `widgets: 1 reference(s) remain (owners reminded)\n  README.md:4: ${badge}\n`);
  r = await cli(['notices', 'list']);
  assert.match(r.stdout, /offboarding-reminder\s+project:widgets {2}→ owner@widgets\.example/);
  r = await cli(['project', 'offboarding-check', 'gadgets']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /refused \(conflict\): offboarding check: project gadgets is ACTIVE, expected RETIRED/);
});
