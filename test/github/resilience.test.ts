// The App against a GitHub that pushes back: secondary rate limits (403 with Retry-After) and 5xx
// are retried with back-off, and a delivery whose work still fails is retried by the queue,
// with nothing lost and nothing done twice. Backfill on installation: 20 existing issues become
// 20 applications in the states their labels say, with no call that writes. A pull request that
// breaks landscape.yml gets a failing check run annotated at the lines at fault.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { listDocs } from '../../src/store/index.js';
import type { Application } from '../../src/process/types.js';
import { EXPECTED_STATUS, SAMPLE_ISSUES, sampleComments, toGhIssue } from '../support/issue-export.js';
import { cleanupTemp } from '../support/repo.js';
import { KORNIA, landscapeYml, lineOf } from '../support/landscape.js';
import {
  addApplicantRepo,
  ECOSYSTEM,
  INSTALLATION,
  LANDSCAPE,
  openApplication,
  pullRequestPayload,
  sender,
  startHarness,
  type Harness,
} from './harness.js';

let h: Harness;
before(async () => {
  h = await startHarness({ members: 3 });
});
after(async () => {
  await h.close();
  cleanupTemp();
});

test('backfill on installation: 20 existing issues become 20 applications, and nothing is written to GitHub', async () => {
  for (const s of SAMPLE_ISSUES) {
    const g = toGhIssue(s, ECOSYSTEM);
    h.gh.api.addIssue(ECOSYSTEM, {
      number: s.number,
      title: g.title,
      body: g.body ?? '',
      user: g.user!.login,
      labels: s.labels,
      state: s.state,
      created_at: s.created,
      updated_at: g.updated_at,
      closed_at: s.closed ?? null,
    });
  }
  for (const c of sampleComments(ECOSYSTEM))
    h.gh.api.addComment(ECOSYSTEM, Number(c.issue_url.split('/').at(-1)), c.user!.login, c.body ?? '');
  const before = h.appCalls().length;
  const r = await h.deliver('installation', {
    action: 'created',
    installation: { id: INSTALLATION, account: { login: 'example-fdn' } },
    repositories: [{ full_name: ECOSYSTEM }, { full_name: LANDSCAPE }],
    sender: sender('sam-gh'),
  });
  assert.equal(r.status, 202);
  await h.settle();
  const apps = await listDocs<Application>(h.store.db, 'applications');
  assert.equal(apps.length, 20);
  for (const a of apps) assert.equal(a.status, EXPECTED_STATUS[a.issue!.number], `issue #${a.issue!.number}`);
  const calls = h.appCalls().slice(before);
  // minting the installation token is a POST that changes nothing on GitHub
  assert.deepEqual(
    calls.filter((c) => c.method !== 'GET' && !/^\/app\/installations\/\d+\/access_tokens$/.test(c.path)),
    [],
    'backfill wrote to GitHub',
  );
  assert.ok(calls.some((c) => c.path.startsWith(`/repos/${ECOSYSTEM}/issues?`)));
  assert.equal(h.gh.api.comments(ECOSYSTEM, 1).filter((c) => c.bot).length, 0);
  // a second installation event imports nothing again
  await h.deliver('installation', {
    action: 'created',
    installation: { id: INSTALLATION },
    repositories: [{ full_name: ECOSYSTEM }],
    sender: sender('sam-gh'),
  });
  await h.settle();
  assert.equal((await listDocs<Application>(h.store.db, 'applications')).length, 20);
});

test('secondary rate limits and 5xx are retried with back-off: one report comment, the label set once', async () => {
  const repo = await addApplicantRepo(h.gh, h.gh.opts.gitRoot!, 'sturdy');
  h.gh.faults.push({ status: 403, kind: 'secondary', retryAfter: 1, path: /\/issues\/31\/comments$/, times: 2 });
  h.gh.faults.push({ status: 502, path: /\/issues\/31\/labels$/, times: 2 });
  const before = h.gh.log.length;
  // opened without the form's label: the App puts it on
  const opened = openApplication(h, 31, 'Sturdy', repo);
  opened.issue.labels = [];
  h.gh.api.repo(ECOSYSTEM).issues.get(31)!.labels = [];
  await h.deliver('issues', opened);
  await h.settle();
  const log = h.gh.log.slice(before).filter((l) => /\/issues\/31\//.test(l.path));
  assert.deepEqual(
    log.filter((l) => l.method === 'POST' && l.path.endsWith('/comments')).map((l) => l.status),
    [403, 403, 201],
  );
  assert.deepEqual(
    log.filter((l) => l.method === 'POST' && l.path.endsWith('/labels')).map((l) => l.status),
    [502, 502, 200],
  );
  assert.equal(h.gh.api.comments(ECOSYSTEM, 31).length, 1);
  assert.deepEqual(h.gh.api.repo(ECOSYSTEM).issues.get(31)!.labels, ['New']);
});

test('work that still fails after the client gives up is retried by the queue: nothing lost, nothing twice', async () => {
  const repo = await addApplicantRepo(h.gh, h.gh.opts.gitRoot!, 'stubborn');
  // more 503s than the client retries (4): the first attempt of the job fails, the next succeeds
  h.gh.faults.push({ status: 503, path: /\/issues\/32\/comments$/, times: 7 });
  const before = h.gh.log.length;
  await h.deliver('issues', openApplication(h, 32, 'Stubborn', repo));
  await h.settle();
  const posts = h.gh.log.slice(before).filter((l) => l.method === 'POST' && l.path.endsWith('/issues/32/comments'));
  assert.deepEqual(
    posts.map((p) => p.status),
    [503, 503, 503, 503, 503, 503, 503, 201],
  );
  assert.equal(h.gh.api.comments(ECOSYSTEM, 32).length, 1);
  const apps = (await listDocs<Application>(h.store.db, 'applications')).filter((a) => a.issue?.number === 32);
  assert.equal(apps.length, 1);
  assert.deepEqual(await h.queue.dead(), []);
});

test('a pull request breaking landscape.yml gets a failing check run annotated at the lines at fault', async () => {
  const main = landscapeYml([KORNIA]);
  h.gh.api.setFile(LANDSCAPE, 'main', 'landscape.yml', main);
  const broken = main + `          - item:\n            name: Nameless Logo\n            repo_url: https://github.com/acme/nologo\n`;
  h.gh.api.setFile(LANDSCAPE, 'add-nologo', 'landscape.yml', broken);
  await h.deliver('pull_request', pullRequestPayload(h, 'add-nologo', 7));
  await h.deliver('pull_request', pullRequestPayload(h, 'main', 8));
  await h.settle();
  const runs = h.gh.api.checkRuns(LANDSCAPE) as {
    conclusion: string;
    head_sha: string;
    output: { annotations: { start_line: number; annotation_level: string; message: string }[] };
  }[];
  assert.equal(runs.length, 2);
  const failing = runs.find((r) => r.head_sha === h.gh.api.headSha(LANDSCAPE, 'add-nologo'))!;
  assert.equal(failing.conclusion, 'failure');
  const errors = failing.output.annotations.filter((a) => a.annotation_level === 'failure');
  assert.ok(errors.length >= 2, JSON.stringify(failing.output.annotations, null, 1));
  const entry = lineOf(broken, /name: Nameless Logo/) - 1;
  assert.ok(
    errors.every((a) => a.start_line >= entry && a.start_line <= entry + 2),
    JSON.stringify(errors, null, 1),
  );
  assert.ok(errors.some((a) => /homepage url is required/.test(a.message)) && errors.some((a) => /logo is required/.test(a.message)));
  assert.equal(runs.find((r) => r.head_sha === h.gh.api.headSha(LANDSCAPE, 'main'))!.conclusion, 'success');
});
