// What a staff member and working-group members meet at the terminal, step by step (a real
// process, a real SQLite file): refusals that say what to do and record nothing, outputs that
// say where things stand and what comes next.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { cleanupTemp, tempDir } from '../support/repo.js';

test.after(cleanupTemp);

function cliIn(dir: string) {
  const env = { STEWARD_DATA_DIR: dir, STEWARD_ACTOR: '' };
  return (args: string[], input?: string) => runCli(args, { env, ...(input !== undefined ? { input } : {}) });
}

/** A roster of `n` working-group members and one application in review. */
async function inReview(n: number) {
  const cli = cliIn(tempDir('steward-walk-'));
  for (let i = 1; i <= n; i++) assert.equal((await cli(['people', 'add', `m${i}`, 'member', '--wg'])).code, 0);
  assert.equal(
    (
      await cli([
        'application',
        'submit',
        '--name',
        'Widgets',
        '--repo',
        'https://github.com/example/widgets',
        '--contact',
        'a@example.org',
        '--as',
        'owner',
      ])
    ).code,
    0,
  );
  assert.equal((await cli(['session', 'schedule', '2099-01-05'])).code, 0);
  return cli;
}

test('vote: a ballot needs a named voter, a change says what it replaced, the tally and the next step are shown', async () => {
  const cli = await inReview(3);
  let r = await cli(['vote', 'open', '1']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /vote opened \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC by operator/);
  assert.match(r.stdout, /open: 0 approve, 0 reject, 0 abstain so far, 3 not voted; approval needs 2 of 3/);

  // the local operator is on no roster: without --as nothing is recorded
  r = await cli(['vote', 'cast', '1', 'approve']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^steward: vote cast: expected the voter as --as <member> \(or STEWARD_ACTOR\); nothing was recorded\n$/);
  r = await cli(['vote', 'show', '1', '--format', 'json']);
  assert.deepEqual(JSON.parse(r.stdout).nonBinding, {});

  r = await cli(['vote', 'cast', '1', 'reject', '--as', 'm1']);
  assert.equal(r.stdout, 'm1: reject on application 1\n');
  r = await cli(['vote', 'cast', '1', 'approve', '--as', 'm1']);
  assert.equal(r.stdout, 'm1: approve on application 1 (changed from reject)\n');
  r = await cli(['vote', 'cast', '1', 'approve', '--as', 'm1']);
  assert.equal(r.stdout, 'm1: approve on application 1 (unchanged)\n');
  r = await cli(['vote', 'cast', '1', 'approve', '--as', 'visitor']);
  assert.equal(r.stdout, 'visitor: approve on application 1 (non-binding: not on the roster)\n');
  r = await cli(['vote', 'show', '1']);
  assert.match(r.stdout, /\n {2}m1: {6}approve \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\n {2}m2: {6}—\n/);
  assert.match(r.stdout, /\n {2}visitor: approve non-binding: not on the roster\n/);
  assert.match(r.stdout, /open: 1 approve, 0 reject, 0 abstain so far, 2 not voted; approval needs 2 of 3/);

  r = await cli(['vote', 'close', '1']);
  assert.match(r.stdout, /NOT APPROVED — 1 approve.*needed 2 of 3\nnext: steward decision record 1 DECLINED --reason "…"\n$/);
  r = await cli(['vote', 'cast', '1', 'reject', '--as', 'm2']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /ballots can no longer change/);
});

test('people add: an update keeps the rosters and e-mail it does not name; --no-wg and --no-tac take someone off', async () => {
  const cli = cliIn(tempDir('steward-walk-'));
  let r = await cli(['people', 'add', 'alice', 'member', '--wg', '--tac', '--email', 'alice@old.example']);
  assert.equal(r.stdout, 'alice: member, working group, TAC <alice@old.example>\n');
  r = await cli(['people', 'add', 'alice', 'member', '--email', 'alice@new.example']);
  assert.equal(r.stdout, 'alice: member, working group, TAC <alice@new.example>\n');
  r = await cli(['people', 'add', 'alice', 'member', '--no-wg']);
  assert.equal(r.stdout, 'alice: member, TAC <alice@new.example>\n');
  r = await cli(['people', 'add', 'alice', 'staff', '--no-tac']);
  assert.equal(r.stdout, 'alice: staff <alice@new.example>\n');
  r = await cli(['people', 'add', 'bob', 'member']);
  assert.equal(r.stdout, 'bob: member\n', 'a new person is on no roster unless named');
  r = await cli(['people', 'list']);
  assert.match(r.stdout, /^alice {16}staff {12}alice@new\.example\nbob {18}member {11}\n$/);
});

test('session schedule: a past date is refused with nothing written; the notice names the session day; the receipt claims no report when none ran', async () => {
  const cli = cliIn(tempDir('steward-walk-'));
  let r = await cli([
    'application',
    'submit',
    '--name',
    'Widgets',
    '--repo',
    'https://github.com/example/widgets',
    '--contact',
    'a@example.org',
    '--as',
    'owner',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  r = await cli(['session', 'schedule', yesterday]);
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr,
    `steward: session schedule: expected today (${today}) or a later date, found ${yesterday}; nothing was scheduled\n`,
  );
  r = await cli(['session', 'list']);
  assert.equal(r.stdout, 'no sessions scheduled\n', 'no session was written');
  r = await cli(['application', 'list', '--status', 'NEW']);
  assert.match(r.stdout, /^NEW \(1\)\n/);

  r = await cli(['session', 'schedule', today]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stdout,
    `session S1 on ${today}: 1 application(s) in review: 1\nnext: steward session agenda S1; then steward vote open <application-id> for each\n`,
  );
  r = await cli(['session', 'schedule', today]);
  assert.match(r.stdout, /0 application\(s\) in review\nno application was waiting/);

  r = await cli(['notices', 'deliver', '--dry-run']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`Subject: \\[PyTorch Ecosystem\\] Widgets: scheduled for the review session of ${today}\n`));
  assert.match(r.stdout, new RegExp(`on the agenda of review session S1 on ${today}\\.`));
  assert.doesNotMatch(r.stdout, /has been attached/);
  assert.match(r.stdout, /runs the automated requirements check when your application enters review/);
});

test('project show reads as text (JSON with --format json); review run --project says why a named project was not reviewed', async () => {
  const dir = tempDir('steward-walk-');
  const cli = cliIn(join(dir, 'data'));
  const item = (name: string, accepted: string) =>
    `          - item:\n            name: ${name}\n            homepage_url: https://github.com/example/${name}\n            logo: ${name}.svg\n            repo_url: https://github.com/example/${name}\n            extra:\n              accepted: '${accepted}'\n`;
  const file = join(dir, 'landscape.yml');
  writeFileSync(
    file,
    `landscape:\n  - category:\n    name: Modeling\n    subcategories:\n      - subcategory:\n        name: X\n        items:\n${item('widgets', '2099-01-01')}${item('longer-name', '2099-01-01')}`,
  );
  assert.equal((await cli(['import', file])).code, 0);

  let r = await cli(['project', 'list']);
  assert.equal(
    r.stdout,
    [
      'ACTIVE   longer-name  https://github.com/example/longer-name  accepted 2099-01-01  review due 2099-07-01',
      'ACTIVE   widgets      https://github.com/example/widgets      accepted 2099-01-01  review due 2099-07-01',
      '',
    ].join('\n'),
  );
  r = await cli(['project', 'show', 'widgets']);
  assert.equal(
    r.stdout,
    [
      'project widgets: widgets — ACTIVE',
      '  repository: https://github.com/example/widgets',
      '  contacts:   (none: notices go to --notify / STEWARD_STAFF_EMAIL to forward; record them with steward project contacts widgets --set …)',
      '  accepted:   2099-01-01 (imported from the landscape)',
      '  review:     last never, next due 2099-07-01',
      '',
    ].join('\n'),
  );
  assert.equal(JSON.parse((await cli(['project', 'show', 'widgets', '--format', 'json'])).stdout).reviewDueOn, '2099-07-01');

  r = await cli(['review', 'run', '--project', 'widgets', '--offline']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stdout,
    '0 due (judged under pytorch-ecosystem@1.0): 0 passed, 0 failed (notified), 0 still failing, 0 retired, 0 skipped, 0 errors\n  widgets: not reviewed: not due until 2099-07-01\n',
  );
  assert.equal((await cli(['retire', 'widgets', '--reason', 'asked by the owners'])).code, 0);
  r = await cli(['project', 'show', 'widgets']);
  assert.match(r.stdout, /— RETIRED\n[^]*\n {2}retired: {4}\d{4}-\d{2}-\d{2} — asked by the owners\n$/);
  assert.doesNotMatch(r.stdout, /review:/);
  r = await cli(['review', 'run', '--project', 'widgets', '--offline']);
  assert.match(r.stdout, /\n {2}widgets: not reviewed: RETIRED, only ACTIVE projects are reviewed\n$/);
  r = await cli(['project', 'show', 'nosuch']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /project "nosuch" does not exist/);
});

test('onboarding: --help names the items; each step says how many are done and which to record next', async () => {
  const cli = await inReview(1);
  let r = await cli(['onboarding', 'done', '--help']);
  assert.match(r.stdout, /item +the checklist item .*\n.*choices: "logo", "two-factor", "category",/);
  await cli(['vote', 'open', '1']);
  await cli(['vote', 'cast', '1', 'approve', '--as', 'm1']);
  await cli(['vote', 'close', '1']);
  await cli(['decision', 'record', '1', 'ACCEPTED', '--reason', 'yes']);
  r = await cli(['onboarding', 'show', '1']);
  assert.equal(r.stdout, 'application 1 (Widgets): ACCEPTED\nnext: steward onboarding start 1\n');
  r = await cli(['onboarding', 'start', '1']);
  assert.match(r.stdout, /^application 1 \(Widgets\): ONBOARDING; 0 of 6 done\n/);
  assert.match(
    r.stdout,
    /\nnext: steward onboarding done 1 logo --note "…" \(left: logo, two-factor, category, landscape-entry, blog-post, cla-dco\)\n$/,
  );
  for (const item of ['logo', 'two-factor', 'category', 'landscape-entry', 'blog-post']) r = await cli(['onboarding', 'done', '1', item]);
  assert.match(r.stdout, /ONBOARDING; 5 of 6 done\n[^]*\nnext: steward onboarding done 1 cla-dco --note "…" \(left: cla-dco\)\n$/);
  r = await cli(['onboarding', 'done', '1', 'cla-dco', '--note', 'DCO bot']);
  assert.match(r.stdout, /^application 1 \(Widgets\): ACTIVE, project widgets; 6 of 6 done\n/);
  assert.doesNotMatch(r.stdout, /next:/);
});

test('application show: dates as YYYY-MM-DD and the next step for the state it is in', async () => {
  const cli = await inReview(1);
  let r = await cli(['application', 'show', '1']);
  assert.match(r.stdout, /\n {2}submitted: \d{4}-\d{2}-\d{2} by owner\n {2}session: S1\nnext: steward vote open 1\n$/);
  await cli(['vote', 'open', '1']);
  r = await cli(['application', 'show', '1']);
  assert.match(r.stdout, /\nnext: members vote \(steward vote cast 1 approve --as <member>\), then steward vote close 1\n$/);
  await cli(['vote', 'close', '1']);
  r = await cli(['application', 'show', '1']);
  assert.match(r.stdout, /\nnext: steward decision record 1 DECLINED --reason "…"\n$/);
  await cli(['decision', 'record', '1', 'DECLINED', '--reason', 'no ballots']);
  r = await cli(['application', 'show', '1']);
  assert.match(r.stdout, /\n {2}decision: DECLINED on \d{4}-\d{2}-\d{2} — no ballots\n {2}may resubmit from \d{4}-\d{2}-\d{2}\n$/);
});
