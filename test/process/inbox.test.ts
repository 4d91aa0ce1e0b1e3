// One view of the work: what waits on a member (their ballot), an applicant (the question to
// answer), and staff (schedule, open/close votes, decisions, onboarding, failing projects with
// the days left, undelivered notices); and the CLI's search, CSV, newest-first audit log and
// `review due` listing failing projects by default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as apps from '../../src/process/engine-applications.js';
import { importLandscape } from '../../src/process/engine-import.js';
import { runPeriodicReview } from '../../src/process/engine-review.js';
import { inbox } from '../../src/process/inbox.js';
import { markFailed, listOutbox, openStore } from '../../src/store/index.js';
import type { Landscape } from '../../src/landscape/index.js';
import { BACKENDS } from '../store/backends.js';
import { runCli } from '../support/cli.js';
import { cleanupTemp, tempDir } from '../support/repo.js';
import { fakeEvaluator } from './fake-report.js';
import { addMembers, applicant, member, simpleInput, STAFF, testEngine } from './helpers.js';

test.after(cleanupTemp);

const landscape: Landscape = {
  file: 'landscape.yml',
  format: 'landscape',
  categories: [],
  problems: [],
  items: [
    {
      id: 'modeling--x--slow',
      name: 'Slow',
      category: 'Modeling',
      subcategory: 'X',
      homepage_url: '',
      repo_url: 'https://github.com/example/slow',
      logo: 'x.svg',
      extra: { accepted: '2025-06-01' },
      line: 1,
    },
  ],
};

test('inbox: each person sees what waits on them', async () => {
  const store = await BACKENDS[0]!.open();
  try {
    const { engine, clock } = testEngine(
      store,
      '2025-12-01T09:00:00.000Z',
      fakeEvaluator(new Map([['https://github.com/example/slow', 28]])),
    );
    await addMembers(store, [1, 2]);
    await importLandscape(engine, STAFF, landscape);
    assert.deepEqual((await runPeriodicReview(engine, STAFF)).failed, ['slow']);
    const voted = await apps.submitApplication(engine, applicant('ann'), simpleInput('Alpha'));
    const asked = await apps.submitApplication(engine, applicant('bob'), simpleInput('Beta'));
    await apps.scheduleSession(engine, STAFF, '2025-12-10', 1);
    await apps.openVote(engine, STAFF, voted.id);
    await apps.castVote(engine, member(1), voted.id, 'approve');
    await apps.askQuestion(engine, STAFF, asked.id, 'Which CUDA versions?');
    const [first] = await listOutbox(store.db);
    await markFailed(store.db, first!.id, '550 no such user', null);
    clock.set('2025-12-06T09:00:00.000Z');

    const kinds = async (who: Parameters<typeof inbox>[1]) => (await inbox(engine, who)).map((i) => `${i.kind} ${i.subject}`);
    assert.deepEqual(await kinds(member(2)), ['ballot application:1']);
    assert.deepEqual(await kinds(member(1)), [], 'm1 has voted');
    assert.deepEqual(await kinds(applicant('bob')), ['question application:2']);
    assert.deepEqual(await kinds(applicant('ann')), []);
    const staff = await inbox(engine, STAFF);
    assert.deepEqual(
      staff.map((i) => `${i.kind} ${i.subject}`),
      ['question application:2', 'failing project:slow', 'close-vote application:1', `undelivered notice:${first!.id}`],
    );
    const failing = staff.find((i) => i.kind === 'failing')!;
    assert.deepEqual([failing.deadlineOn, failing.daysLeft], ['2025-12-31', 25]);
    assert.match(failing.text, /^Slow fails 13 recent-commits: 25 days left \(deadline 2025-12-31; retired if still failing\)$/);
  } finally {
    await store.dispose();
  }
});

test('CLI: application list --search/--status/--format csv, audit log newest first, review due lists failing projects', async () => {
  const dir = tempDir('steward-inbox-');
  const env = { STEWARD_DATA_DIR: dir, STEWARD_ACTOR: '' };
  const cli = (args: string[]) => runCli(args, { env });
  for (const [name, repo] of [
    ['Alpha, the "first"', 'https://github.com/example/alpha'],
    ['Beta', 'https://github.com/example/beta'],
  ]) {
    assert.equal(
      (await cli(['application', 'submit', '--name', name!, '--repo', repo!, '--contact', 'a@example.org', '--as', 'owner'])).code,
      0,
    );
  }
  let r = await cli(['application', 'list', '--search', 'ALPHA first', '--status', 'new', '--format', 'csv']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stdout,
    /^id,project,repository,status,submitted,applicant,contacts,session,decision,decided\r\n1,"Alpha, the ""first""",https:\/\/github\.com\/example\/alpha,NEW,\d{4}-\d{2}-\d{2},owner,a@example\.org,,,\r\n$/,
  );
  r = await cli(['application', 'list', '--search', 'gamma']);
  assert.equal(r.stdout, 'no applications\n');
  r = await cli(['audit', 'log', '--format', 'json', '--limit', '1']);
  assert.deepEqual(
    (JSON.parse(r.stdout) as { seq: number }[]).map((e) => e.seq),
    [2],
    'the newest entry first',
  );
  r = await cli(['inbox']);
  assert.match(r.stdout, /^2 items for operator \(staff\):\n {2}\[schedule\] schedule application 1/);
  // a failing project is listed by plain `review due` with its deadline, even when it is not re-checked today
  const store = await openStore({ dataDir: dir });
  try {
    const { engine } = testEngine(
      store,
      `${new Date().toISOString().slice(0, 10)}T00:00:01.000Z`,
      fakeEvaluator(new Map([['https://github.com/example/slow', 28]])),
    );
    await importLandscape(engine, STAFF, { ...landscape, items: [{ ...landscape.items[0]!, extra: { accepted: '2025-01-01' } }] });
    await runPeriodicReview(engine, STAFF);
  } finally {
    await store.close();
  }
  r = await cli(['review', 'due']);
  assert.match(r.stdout, /^slow {2}due 2025-07-01 {2}FAILING since \d{4}-\d{2}-\d{2}, deadline \d{4}-\d{2}-\d{2} {2}\(30 days left\)\n$/);
});
