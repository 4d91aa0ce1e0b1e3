// The App over real HTTP with signed deliveries: a new application gets exactly one report
// comment and the New label; an edit updates that comment; an all-TBD issue gets one comment
// saying what is missing and Need more info; a forged signature is 401 with no API call; the
// same delivery twice is handled once; an event the App does not act on is acknowledged.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { renderApplicationBody } from '../../src/process/form/index.js';
import { listDocs } from '../../src/store/index.js';
import type { Application } from '../../src/process/types.js';
import { formFields, TBD_BODY } from '../support/issue-export.js';
import { cleanupTemp } from '../support/repo.js';
import { addApplicantRepo, ECOSYSTEM, issuesPayload, openApplication, startHarness, type Harness } from './harness.js';

let h: Harness;
let widget: string;
before(async () => {
  h = await startHarness();
  widget = await addApplicantRepo(h.gh, h.gh.opts.gitRoot!, 'widget');
});
after(async () => {
  await h.close();
  cleanupTemp();
});

const writes = (calls: { method: string }[]) => calls.filter((c) => c.method !== 'GET');

test('a new application: answered at once, then exactly one report comment and the New label', async () => {
  const started = Date.now();
  const r = await h.deliver('issues', openApplication(h, 1, 'Widget', widget));
  assert.equal(r.status, 202, JSON.stringify(r.body));
  assert.ok(r.ms < 1000, `answered in ${r.ms} ms`);
  await h.settle();
  assert.ok(Date.now() - started < 60_000);
  const comments = h.gh.api.comments(ECOSYSTEM, 1);
  assert.equal(comments.length, 1, comments.map((c) => c.body.slice(0, 80)).join('\n'));
  assert.match(comments[0]!.body, /Steward's report for application 1 \(Widget\)/);
  assert.match(comments[0]!.body, /\| # \| Requirement \| Status/);
  assert.equal(comments[0]!.body.split('\n').filter((l) => /^\| \d+ \|/.test(l)).length, 19, 'the 19 rows');
  assert.deepEqual(h.gh.api.repo(ECOSYSTEM).issues.get(1)!.labels, ['New']);
  const [app] = await listDocs<Application>(h.store.db, 'applications');
  assert.equal(app!.status, 'NEW');
  assert.equal(app!.issue!.number, 1);
  assert.equal(app!.applicant, 'widget-dev');
});

test('an edit updates the same report comment, saying what changed, and posts no new one', async () => {
  const issue = h.gh.api.repo(ECOSYSTEM).issues.get(1)!;
  issue.body = renderApplicationBody({ ...formFields('Widget', widget), summary: 'Widget: faster data loading for PyTorch' });
  const before = h.gh.log.length;
  const r = await h.deliver('issues', issuesPayload(h, 'edited', 1, 'widget-dev', { changes: { body: { from: 'old' } } }));
  assert.equal(r.status, 202);
  await h.settle();
  const comments = h.gh.api.comments(ECOSYSTEM, 1);
  assert.equal(comments.length, 1);
  assert.match(comments[0]!.body, /What changed\*\* since the check of/);
  const calls = writes(h.gh.log.slice(before).filter((l) => l.token));
  assert.deepEqual(
    calls.map((c) => c.method),
    ['PATCH'],
    'one edit of the comment, nothing else written',
  );
  const [app] = await listDocs<Application>(h.store.db, 'applications');
  assert.equal((app!.fields as { summary: string }).summary, 'Widget: faster data loading for PyTorch');
});

test('an all-TBD issue gets one comment listing what is missing, and Need more info', async () => {
  const r = await h.deliver('issues', openApplication(h, 2, 'Vapor', '', 'vapor-dev', TBD_BODY));
  assert.equal(r.status, 202);
  await h.settle();
  const comments = h.gh.api.comments(ECOSYSTEM, 2);
  assert.equal(comments.length, 1);
  assert.match(comments[0]!.body, /cannot be reviewed yet/);
  for (const q of ['Contact emails', 'Project summary', 'Project repo URL', 'Project description', 'Project license'])
    assert.match(comments[0]!.body, new RegExp(q), q);
  assert.deepEqual(h.gh.api.repo(ECOSYSTEM).issues.get(2)!.labels, ['Need more info']);
  // edited again, still incomplete: the same comment, edited
  await h.deliver('issues', issuesPayload(h, 'edited', 2, 'vapor-dev'));
  await h.settle();
  assert.equal(h.gh.api.comments(ECOSYSTEM, 2).length, 1);
  const apps = await listDocs<Application>(h.store.db, 'applications', { status: ['INCOMPLETE'] });
  assert.equal(apps.length, 1);
});

test('a forged signature is refused with 401 and causes no API call', async () => {
  const before = h.gh.log.length;
  const payload = openApplication(h, 3, 'Forged', widget);
  const wrongSecret = await h.deliver('issues', payload, { secret: 'not-the-secret' });
  assert.equal(wrongSecret.status, 401);
  const garbage = await h.deliver('issues', payload, { signature: 'sha256=' + '0'.repeat(64) });
  assert.equal(garbage.status, 401);
  const none = await fetch(`${h.server.url}/github/webhooks`, {
    method: 'POST',
    headers: { 'x-github-event': 'issues', 'x-github-delivery': 'x' },
    body: JSON.stringify(payload),
  });
  assert.equal(none.status, 401);
  await h.settle();
  assert.equal(h.gh.log.length, before, 'no call reached the API');
  assert.equal(h.gh.api.comments(ECOSYSTEM, 3).length, 0);
});

test('the same delivery twice is handled once; an event the App does not act on is acknowledged', async () => {
  h.gh.api.repo(ECOSYSTEM).issues.delete(3);
  const payload = openApplication(h, 4, 'Twice', await addApplicantRepo(h.gh, h.gh.opts.gitRoot!, 'twice'));
  const first = await h.deliver('issues', payload, { id: 'delivery-twice' });
  const second = await h.deliver('issues', payload, { id: 'delivery-twice' });
  assert.equal(first.status, 202);
  assert.equal(second.status, 200);
  assert.deepEqual(second.body, { duplicate: 'delivery-twice' });
  await h.settle();
  const third = await h.deliver('issues', payload, { id: 'delivery-twice' });
  assert.equal(third.status, 200);
  await h.settle();
  assert.equal(h.gh.api.comments(ECOSYSTEM, 4).length, 1);
  assert.equal((await listDocs<Application>(h.store.db, 'applications')).filter((a) => a.issue?.number === 4).length, 1);
  const star = await h.deliver('star', { action: 'created', repository: { full_name: ECOSYSTEM } });
  assert.equal(star.status, 200);
  assert.deepEqual(star.body, { ignored: 'star' });
});
