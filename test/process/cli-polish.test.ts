// The process CLI details a staff member met walking the whole process (a real process, a real
// SQLite file): planning reviews ahead, decision outcomes in any case, session ids without the S,
// the form's answers on `application show`, the staff notice when an applicant answers, and
// retry times people can read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { cleanupTemp, tempDir } from '../support/repo.js';
import { openStore } from '../../src/store/index.js';
import { runPeriodicReview } from '../../src/process/engine-review.js';
import { fakeEvaluator } from './fake-report.js';
import { STAFF, submitArgs, testEngine } from './helpers.js';
import { addMonths } from '../../src/process/calendar.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';
import { landscapeItem } from './landscape-items.js';
import { ORG_URL } from './form/bodies.js';

test.after(cleanupTemp);

function cliIn(dir: string) {
  const env = { STEWARD_DATA_DIR: dir, STEWARD_ACTOR: '', STEWARD_STAFF_EMAIL: '' };
  return (args: string[], input?: string) => runCli(args, { env, ...(input !== undefined ? { input } : {}) });
}

const item = landscapeItem;

test('review due --on plans ahead: due by that date, failing ones whose deadline falls by then; nothing is written', async () => {
  const dir = tempDir('steward-polish-');
  const cli = cliIn(dir);
  const file = join(dir, 'landscape.yml');
  writeFileSync(
    file,
    `landscape:\n  - category:\n    name: Modeling\n    subcategories:\n      - subcategory:\n        name: X\n        items:\n${item('widgets', '2026-01-01')}${item('gadgets', '2026-01-01')}${item('later', '2026-03-01')}`,
  );
  assert.equal((await cli(['import', file])).code, 0);
  // gadgets fails its review on 2026-07-02: deadline 30 days later, 2026-08-01
  const store = await openStore({ dataDir: dir });
  try {
    const { engine } = testEngine(store, '2026-07-02T10:00:00Z', fakeEvaluator(new Map([['gadgets', 28]])));
    const run = await runPeriodicReview(engine, STAFF, { projectIds: ['gadgets'] });
    assert.deepEqual(run.failed, ['gadgets']);
  } finally {
    await store.close();
  }
  const audit = (await cli(['audit', 'log', '--format', 'json'])).stdout;

  let r = await cli(['review', 'due', '--on', '2026-06-30']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'nothing due by 2026-06-30\n');
  r = await cli(['review', 'due', '--on', '2026-07-31']);
  assert.equal(
    r.stdout,
    'gadgets  due 2026-07-01  FAILING since 2026-07-02, deadline 2026-08-01  (1 day left on 2026-07-31)\nwidgets  due 2026-07-01\n',
    'gadgets is failing with its deadline the next day; later is due in September',
  );
  r = await cli(['review', 'due', '--on', '2026-08-01']);
  assert.equal(
    r.stdout,
    'gadgets  due 2026-07-01  FAILING since 2026-07-02, deadline 2026-08-01  (retired if still failing)\nwidgets  due 2026-07-01\n',
  );
  r = await cli(['review', 'due', '--on', '2026-09-01']);
  assert.match(r.stdout, /^gadgets .*\nlater {4}due 2026-09-01\nwidgets .*\n$/);
  r = await cli(['review', 'due', '--on', '2026-02-30']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--on: 2026-02-30: 2026-02 has 28 days/);
  assert.equal((await cli(['audit', 'log', '--format', 'json'])).stdout, audit, 'planning writes nothing');
});

test('decision record takes the outcome in any case, with - or _; --help lists the outcomes', async () => {
  const cli = cliIn(tempDir('steward-polish-'));
  for (let i = 1; i <= 3; i++) assert.equal((await cli(['people', 'add', `m${i}`, 'member', '--wg'])).code, 0);
  for (const name of ['widgets', 'gadgets', 'sprockets']) {
    assert.equal((await cli(submitArgs({ name }))).code, 0);
  }
  assert.equal((await cli(['session', 'schedule', '2099-01-05'])).code, 0);
  for (const id of ['1', '2', '3']) {
    await cli(['vote', 'open', id]);
    for (let i = 1; i <= 3; i++) await cli(['vote', 'cast', id, id === '1' ? 'approve' : 'reject', '--as', `m${i}`]);
    await cli(['vote', 'close', id]);
  }
  let r = await cli(['decision', 'record', '2', 'too-earlyy', '--reason', 'come back later']);
  assert.equal(r.code, 2, 'an unknown outcome is a usage error');
  assert.match(r.stderr, /expected one of ACCEPTED, DECLINED, TOO_EARLY, COMMUNITY_HIGHLIGHT \(any case\), found "too-earlyy"/);
  r = await cli(['decision', 'record', '1', 'Accepted', '--reason', 'meets the bar']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^application 1: ACCEPTED/);
  r = await cli(['decision', 'record', '2', 'too-early', '--reason', 'come back later']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^application 2: TOO_EARLY/);
  r = await cli(['decision', 'record', '3', 'declined', '--reason', 'no']);
  assert.match(r.stdout, /^application 3: DECLINED/);
  r = await cli(['decision', 'record', '--help']);
  assert.match(r.stdout.replace(/\s+/g, ' '), /ACCEPTED, DECLINED, TOO_EARLY, COMMUNITY_HIGHLIGHT \(any case/);
});

test('session agenda 1 is session S1; session list has a header row', async () => {
  const cli = cliIn(tempDir('steward-polish-'));
  assert.equal((await cli(submitArgs())).code, 0);
  assert.equal((await cli(['session', 'schedule', '2099-01-05'])).code, 0);
  const named = await cli(['session', 'agenda', 'S1']);
  assert.equal(named.code, 0, named.stderr);
  for (const id of ['1', 's1']) {
    const r = await cli(['session', 'agenda', id]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, named.stdout);
  }
  let r = await cli(['session', 'agenda', '2']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /S2/);
  r = await cli(['session', 'list']);
  assert.equal(r.stdout, 'ID  DATE        FILLED  APPLICATIONS\nS1  2099-01-05  1/10    1\n');
});

const BODY = [
  ['Contact emails', 'alice@example.org, bob@example.org'],
  ['Project summary', 'Widgets for PyTorch'],
  ['Project description', 'Line one.\nLine two.'],
  ['Project repo URL', 'https://github.com/example/widgets'],
  ['Project license', 'BSD-3-Clause'],
  ['GitHub handles of the project maintainer(s)', '@alice, @bob'],
  ['Website URL', '_No response_'],
]
  .map(([h, v]) => `### ${h}\n\n${v}\n`)
  .join('\n');

test("application show: the form's answers aligned, and when a declined project may resubmit", async () => {
  const cli = cliIn(tempDir('steward-polish-'));
  assert.equal((await cli(['people', 'add', 'm1', 'member', '--wg'])).code, 0);
  let r = await cli(['application', 'submit', '--body', '-', '--title', '[Ecosystem] Widgets', '--as', 'alice'], BODY);
  assert.equal(r.code, 0, r.stderr);
  r = await cli(['application', 'show', '1']);
  assert.match(
    r.stdout,
    /\n {2}answers:\n {4}contactEmails: alice@example\.org, bob@example\.org\n {4}summary: {7}Widgets for PyTorch\n {4}description: {3}Line one\.\n {19}Line two\.\n {4}repoUrl: {7}https:\/\/github\.com\/example\/widgets\n {4}license: {7}BSD-3-Clause\n {4}maintainers: {3}alice, bob\n(?! {4}websiteUrl)/,
  );
  assert.doesNotMatch(r.stdout, /may resubmit/);
  await cli(['session', 'schedule', '2099-01-05']);
  await cli(['vote', 'open', '1']);
  await cli(['vote', 'cast', '1', 'reject', '--as', 'm1']);
  await cli(['vote', 'close', '1']);
  assert.equal((await cli(['decision', 'record', '1', 'DECLINED', '--reason', 'not yet'])).code, 0);
  r = await cli(['application', 'show', '1']);
  const declinedOn = /decision: DECLINED on (\d{4}-\d{2}-\d{2})/.exec(r.stdout)?.[1];
  assert.ok(declinedOn, r.stdout);
  assert.match(r.stdout, new RegExp(`\n {2}may resubmit from ${addMonths(declinedOn, loadDefaultPolicy().process.resubmitAfterMonths)}\n`));
});

test('an applicant answering a question sends staff an answer-received notice: to the staff on record, else to the fallback recipient', async () => {
  const dir = tempDir('steward-polish-');
  const cli = cliIn(dir);
  assert.equal((await cli(submitArgs({ as: 'alice' }))).code, 0);
  assert.equal((await cli(['application', 'ask', '1', 'Which licence?'])).code, 0);
  let r = await cli(['application', 'answer', '1', 'BSD-3-Clause', '--as', 'alice']);
  assert.equal(r.code, 0, r.stderr);
  type Row = { kind: string; to: string[]; data: Record<string, unknown> };
  const answered = async () =>
    (JSON.parse((await cli(['notices', 'list', '--format', 'json'])).stdout) as Row[]).filter((n) => n.kind === 'answer-received');
  let rows = await answered();
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0]!.to, [], 'no staff address on record');
  assert.deepEqual(rows[0]!.data, {
    applicationId: '1',
    projectName: 'Widgets',
    question: 'Which licence?',
    answer: 'BSD-3-Clause',
    answeredBy: 'alice',
  });
  // the fallback recipient gets it as a staff message, not as one to forward to maintainers
  r = await runCli(['notices', 'deliver', '--dry-run', '--notify', 'desk@pytorch.example'], {
    env: { STEWARD_DATA_DIR: dir, STEWARD_ACTOR: '' },
  });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /To: desk@pytorch\.example\nSubject: [^\n]*Widgets: answer received\n/);
  assert.doesNotMatch(r.stdout, /to forward|forward this message/, 'every other notice has its recipient');

  assert.equal((await cli(['people', 'add', 'sam', 'staff', '--email', 'sam@pytorch.example'])).code, 0);
  assert.equal((await cli(['people', 'add', 'kim', 'staff'])).code, 0);
  assert.equal((await cli(['application', 'ask', '1', 'And the docs?'])).code, 0);
  assert.equal((await cli(['application', 'answer', '1', 'On the website.', '--as', 'alice'])).code, 0);
  // staff typing an answer in for the applicant: no notice to themselves
  assert.equal((await cli(['application', 'ask', '1', 'CI?'])).code, 0);
  assert.equal((await cli(['application', 'answer', '1', 'GitHub Actions'])).code, 0);
  rows = await answered();
  assert.deepEqual(
    rows.map((n) => n.to),
    [[], ['sam@pytorch.example']],
  );
});

test('notices deliver and notices list show a retry time as YYYY-MM-DD HH:MM UTC', async () => {
  const cli = cliIn(tempDir('steward-polish-'));
  assert.equal((await cli(submitArgs({ as: 'alice' }))).code, 0);
  // nothing listens on port 1 of the loopback: a temporary failure, retried later
  let r = await cli(['notices', 'deliver', '--smtp', 'smtp://127.0.0.1:1']);
  // a run that reached no server failed, though nothing was given up: a script running it must see that
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^0 delivered, 1 to retry, 0 given up\n {2}1: .* \(retry at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)\n$/);
  assert.doesNotMatch(r.stdout, /T\d{2}:\d{2}/);
  r = await cli(['notices', 'list']);
  assert.match(r.stdout, /pending .* retry at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC {2}last error: /);
  assert.doesNotMatch(r.stdout, /T\d{2}:\d{2}:\d{2}/);
});

test('application submit --body: a parse warning names its line once, not "line 21: line 21"', async () => {
  const dir = tempDir('steward-polish-');
  const body = join(dir, 'body.md');
  writeFileSync(body, ORG_URL);
  const r = await cliIn(join(dir, 'data'))(['application', 'submit', '--body', body, '--name', 'Monai', '--as', 'alice']);
  assert.match(
    r.stderr,
    /^steward: warning: repoUrl \(line 21\): https:\/\/github\.com\/Project-MONAI is an organisation, not a repository/m,
  );
  assert.doesNotMatch(r.stderr, /line \d+\)?: line \d+/);
});
