// Dated events through the CLI only (`--on`), on a fresh store: the 3-month wait on given days,
// the same repository under another URL form, and a season of periodic reviews run on the days
// they were due — with the real checker reading real repositories — then the audit chain intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { submitArgs } from './helpers.js';
import { buildRepo, cleanupTemp, tempDir } from '../support/repo.js';
import { healthySpec } from './real-repos.js';
import { landscapeItem } from './landscape-items.js';

test.after(cleanupTemp);

function cliIn(dir: string) {
  const env = { STEWARD_DATA_DIR: dir, STEWARD_ACTOR: '', STEWARD_OPERATOR: 'clerk' };
  return (args: string[]) => runCli(args, { env });
}

async function ok(p: ReturnType<typeof runCli>) {
  const r = await p;
  assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
  return r;
}

/** Submits, schedules, votes (one reject) and declines an application, every step dated `on`. */
async function declineOn(cli: ReturnType<typeof cliIn>, id: string, repo: string, on: string) {
  await ok(cli(submitArgs({ repo, on })));
  await ok(cli(['session', 'schedule', on, '--on', on]));
  await ok(cli(['vote', 'open', id, '--on', on]));
  await ok(cli(['vote', 'cast', id, 'reject', '--as', 'm1', '--on', on]));
  await ok(cli(['vote', 'close', id, '--on', on]));
  await ok(cli(['decision', 'record', id, 'DECLINED', '--reason', 'not yet', '--on', on]));
}

test('the 3-month wait on given days: refused the day before, accepted on the day; another URL form is the same project', async () => {
  const cli = cliIn(tempDir('steward-dated-'));
  await ok(cli(['people', 'add', 'm1', 'member', '--wg']));
  await declineOn(cli, '1', 'https://github.com/example/widgets', '2026-01-15');

  let r = await cli(['application', 'show', '1', '--format', 'json']);
  const declined = JSON.parse(r.stdout).application;
  assert.equal(declined.submittedAt.slice(0, 10), '2026-01-15');
  assert.equal(declined.decision.at.slice(0, 10), '2026-01-15');

  r = await cli(submitArgs({ on: '2026-04-14' }));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /was DECLINED on 2026-01-15; a resubmission is allowed from 2026-04-15 \(today is 2026-04-14\)/);
  // the same repository typed another way is the same project
  for (const form of [
    'https://github.com/Example/Widgets/tree/main',
    'http://www.github.com/example/widgets.git/',
    'https://GitHub.com/EXAMPLE/widgets/',
  ]) {
    r = await cli(submitArgs({ name: 'Widgets again', repo: form, on: '2026-04-14' }));
    assert.equal(r.code, 1, form);
    assert.match(r.stderr, /a resubmission is allowed from 2026-04-15/, form);
  }
  r = await ok(cli(submitArgs({ repo: 'https://github.com/Example/Widgets/tree/main', on: '2026-04-15' })));
  assert.match(r.stdout, /^application 2 submitted: Widgets \(https:\/\/github\.com\/Example\/Widgets\), status NEW, resubmission of 1\n$/);
  r = await cli(['application', 'show', '2', '--format', 'json']);
  assert.equal(JSON.parse(r.stdout).application.submittedAt.slice(0, 10), '2026-04-15');

  // a change dated before the record's latest event, or after today, is refused with nothing written
  r = await cli(['application', 'withdraw', '2', '--on', '2026-04-14']);
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /application 2: its latest event \(submitted\) is on 2026-04-15; a change dated 2026-04-14 would come before it; nothing was recorded/,
  );
  r = await cli(['application', 'withdraw', '2', '--on', '2999-01-01']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /--on 2999-01-01 is after today/);
  r = await cli(['application', 'withdraw', '2', '--on', '2026-02-30']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--on: 2026-02-30: 2026-02 has 28 days/);
  r = await ok(cli(['application', 'list', '--on', '2999-01-01']));
  assert.match(r.stdout, /NEW \(1\)/);

  // the audit entry keeps the day acted on, the real time and who ran the command
  r = await ok(cli(['audit', 'log', '--format', 'json']));
  const entries = JSON.parse(r.stdout) as {
    at: string;
    actor: string;
    action: string;
    data: { dated?: { on: string; recordedAt: string; recordedBy: string } };
  }[];
  const decided = entries.find((e) => e.action === 'application.decided')!;
  assert.equal(decided.at.slice(0, 10), '2026-01-15');
  assert.equal(decided.actor, 'operator');
  assert.equal(decided.data.dated?.on, '2026-01-15');
  assert.equal(decided.data.dated?.recordedBy, 'clerk');
  assert.ok(Math.abs(Date.parse(decided.data.dated!.recordedAt) - Date.now()) < 120_000);
  const cast = entries.find((e) => e.action === 'vote.cast')!;
  assert.deepEqual([cast.actor, cast.data.dated?.recordedBy], ['m1', 'clerk']);
  assert.match((await ok(cli(['audit', 'verify']))).stdout, /valid|intact|ok/i);
});

test('declined on 2026-11-30: a resubmission on 2026-12-01 is refused naming 2027-02-28', async () => {
  const cli = cliIn(tempDir('steward-dated-'));
  await ok(cli(['people', 'add', 'm1', 'member', '--wg']));
  await declineOn(cli, '1', 'https://github.com/example/widgets', '2026-11-30');
  const r = await cli(submitArgs({ on: '2026-12-01' }));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /was DECLINED on 2026-11-30; a resubmission is allowed from 2027-02-28 \(today is 2026-12-01\)/);
});

test('periodic reviews run on the days they were due: fixed on day 29 stays ACTIVE, still failing on day 30 is RETIRED', async () => {
  const dir = tempDir('steward-dated-review-');
  const repos = join(dir, 'repos');
  const at = (day: string) => new Date(`${day}T12:00:00Z`);
  await buildRepo(healthySpec(at('2025-11-15'), 28, { name: 'widgets' }), join(repos, 'example', 'widgets'));
  await buildRepo(healthySpec(at('2025-11-15'), 28, { name: 'gadgets' }), join(repos, 'example', 'gadgets'));
  const file = join(dir, 'landscape.yml');
  writeFileSync(
    file,
    `landscape:\n  - category:\n    name: Modeling\n    subcategories:\n      - subcategory:\n        name: X\n        items:\n${landscapeItem('widgets', '2025-05-15')}${landscapeItem('gadgets', '2025-05-15')}`,
  );
  const cli = cliIn(join(dir, 'data'));
  await ok(cli(['import', file]));

  let r = await ok(cli(['review', 'due', '--on', '2025-11-15']));
  assert.equal(r.stdout, 'gadgets  due 2025-11-15\nwidgets  due 2025-11-15\n');
  r = await ok(cli(['review', 'run', '--repos-dir', repos, '--offline', '--on', '2025-11-15', '--format', 'json']));
  assert.deepEqual(JSON.parse(r.stdout).failed, ['gadgets', 'widgets']);
  r = await ok(cli(['project', 'show', 'widgets', '--format', 'json']));
  assert.deepEqual(JSON.parse(r.stdout).pending.deadlineOn, '2025-12-15');

  // widgets is fixed: its activity by 2025-12-14 passes; gadgets is not
  rmSync(join(repos, 'example', 'widgets'), { recursive: true, force: true });
  await buildRepo(healthySpec(at('2025-12-14'), 40, { name: 'widgets' }), join(repos, 'example', 'widgets'));
  r = await ok(cli(['review', 'run', '--repos-dir', repos, '--offline', '--on', '2025-12-14', '--format', 'json']));
  const run = JSON.parse(r.stdout);
  assert.deepEqual([run.passed, run.stillFailing, run.retired], [['widgets'], ['gadgets'], []]);
  r = await ok(cli(['review', 'run', '--repos-dir', repos, '--offline', '--on', '2025-12-15', '--format', 'json']));
  assert.deepEqual(JSON.parse(r.stdout).retired, ['gadgets']);

  const show = async (id: string) => JSON.parse((await ok(cli(['project', 'show', id, '--format', 'json']))).stdout);
  const widgets = await show('widgets');
  assert.deepEqual([widgets.status, widgets.lastReviewOn, widgets.reviewDueOn], ['ACTIVE', '2025-12-14', '2026-06-14']);
  const gadgets = await show('gadgets');
  assert.deepEqual([gadgets.status, gadgets.retiredOn], ['RETIRED', '2025-12-15']);
  // the review report judged as of the end of the dated day
  r = await ok(cli(['audit', 'log', '--format', 'json', '--oldest-first']));
  const reports = (JSON.parse(r.stdout) as { action: string; subject: string; data: { asOf: string } }[]).filter(
    (e) => e.action === 'report.attached' && e.subject === 'project:widgets',
  );
  assert.deepEqual(
    reports.map((e) => e.data.asOf.slice(0, 19)),
    ['2025-11-15T23:59:59', '2025-12-14T23:59:59'],
  );
  // a review dated before what is on record is refused
  r = await cli(['retire', 'widgets', '--reason', 'late entry', '--on', '2025-12-01']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /project widgets: its latest event \(periodic review passed\) is on 2025-12-14/);
  assert.match((await ok(cli(['audit', 'verify']))).stdout, /valid|intact|ok/i);
});
