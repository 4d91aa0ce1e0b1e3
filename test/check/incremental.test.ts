// Incremental checks against the loopback git server and GitHub stand-in: after a full check, an
// unchanged repository (same default-branch head, GitHub answering 304 to the ETags) is not fetched
// again and its stored evidence is judged afresh, under the policy given now; a new commit on the
// default branch, or changed GitHub metadata, brings the full check back (and keeps it wanted
// until one completes, though the probe's own answer already refreshed the cache).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub } from '../support/fake-github.js';
import { FakePyPI } from '../support/fake-pypi.js';
import { buildRepo, tempDir, cleanupTemp } from '../support/repo.js';
import { changedSince, checkIncremental, type PriorEvaluation } from '../../src/check/incremental.js';
import { createOnlineSession } from '../../src/evidence/online/index.js';
import { withOptions } from '../support/evidence.js';

const gh = new FakeGitHub({ tokens: { tok: {} } });
const pypi = new FakePyPI();
let served = '';
before(async () => {
  const root = tempDir();
  mkdirSync(join(root, 'acme'));
  served = join(root, 'acme', 'widget.git');
  await buildRepo(
    {
      bare: true,
      commits: [
        { date: '2026-10-01T00:00:00Z', files: { 'README.md': '# widget\n', LICENSE: 'MIT License\n' } },
        { date: '2026-11-01T00:00:00Z', files: { 'README.md': '# widget\n\nIt widgets.\n' } },
      ],
    },
    served,
  );
  gh.opts.gitRoot = root;
  await gh.start();
  await pypi.start();
  gh.addRepo({
    owner: 'acme',
    name: 'widget',
    stars: 321,
    runs: [{ name: 'ci', workflowId: 1, branch: 'main', conclusion: 'success', updatedAt: '2026-11-02T00:00:00Z' }],
  });
});
after(async () => {
  await gh.stop();
  await pypi.stop();
  cleanupTemp();
});

const URL_ = 'https://github.com/acme/widget';

test('unchanged head and 304 ETags: not fetched, re-judged; a new default-branch commit or new metadata: fetched again', async () => {
  const session = createOnlineSession({
    cacheDir: tempDir(),
    tokens: [{ origin: 'test', token: 'tok' }],
    baseUrls: { github: gh.url, pypi: pypi.url, conda: pypi.url },
  });
  const opts = {
    session,
    asOf: new Date('2026-11-27T00:00:00Z'),
    remote: { cacheDir: tempDir(), cloneBaseUrls: { 'github.com': `${gh.url}/git` } },
  };
  const gitPosts = () => gh.log.filter((l) => l.path.startsWith('/git/') && l.method === 'POST').length;
  const billable = () => gh.billable;

  // the first check is full: a clone, and the GitHub metadata asked for
  const first = await checkIncremental(URL_, undefined, opts);
  assert.equal(first.reused, false);
  const head1 = execFileSync('git', ['--git-dir', served, 'rev-parse', 'main'], { encoding: 'utf8' }).trim();
  assert.equal(first.report.target.commit, head1);
  const prior: PriorEvaluation = { commit: first.report.target.commit, evidence: first.evidence };

  // nothing changed: one ls-remote (its ref listing, no pack) and conditional requests answered 304
  gh.log = [];
  assert.equal(await changedSince(URL_, prior, session, opts), null);
  const strict = { ...withOptions('stars', { min: 10_000 }), version: '1.0-strict' };
  gh.log = [];
  const second = await checkIncremental(URL_, prior, { ...opts, policy: strict });
  assert.equal(second.reused, true);
  assert.equal(billable(), 0, 'every GitHub request was a free 304');
  assert.ok(gh.notModified >= 2, `the metadata and the workflow runs answered 304 (${gh.notModified})`);
  assert.ok(gitPosts() <= 1, `no fetch, only the ref listing (${gitPosts()} git POSTs)`);
  assert.equal(second.evidence, prior.evidence, 'the stored evidence, not a new gathering');
  // judged afresh under the policy given now: 321 stars fall short of 10 000
  assert.equal(second.report.policy.version, '1.0-strict');
  assert.notEqual(JSON.stringify(second.report.requirements), JSON.stringify(first.report.requirements));

  // a new commit on the default branch: the probe says so and the check fetches and gathers again
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'a',
    GIT_AUTHOR_EMAIL: 'a@x',
    GIT_COMMITTER_NAME: 'a',
    GIT_COMMITTER_EMAIL: 'a@x',
    GIT_COMMITTER_DATE: '2026-11-20T00:00:00Z',
    GIT_AUTHOR_DATE: '2026-11-20T00:00:00Z',
  };
  const head2 = execFileSync('git', ['--git-dir', served, 'commit-tree', '-p', 'main', '-m', 'third', 'main^{tree}'], {
    encoding: 'utf8',
    env,
  }).trim();
  execFileSync('git', ['--git-dir', served, 'update-ref', 'refs/heads/main', head2]);
  assert.match(
    (await changedSince(URL_, prior, session, opts)) ?? '',
    new RegExp(`^the default branch moved \\(${head1.slice(0, 12)} → ${head2.slice(0, 12)}\\)$`),
  );
  gh.log = [];
  const third = await checkIncremental(URL_, prior, opts);
  assert.equal(third.reused, false);
  assert.equal(third.report.target.commit, head2);
  assert.ok(gitPosts() >= 2, `fetched again (${gitPosts()} git POSTs)`);

  // the head unchanged since the last check, but the repository's metadata changed (new ETag): full check
  const prior3: PriorEvaluation = { commit: third.report.target.commit, evidence: third.evidence };
  assert.equal(await changedSince(URL_, prior3, session, opts), null);
  gh.repos.get('acme/widget')!.stars = 999;
  assert.equal(await changedSince(URL_, prior3, session, opts), 'the repository metadata changed (new ETag)');
  // that probe refreshed the cache: until a full check completes, the next one must not take its 304 for "unchanged"
  assert.equal(
    await changedSince(URL_, prior3, session, opts),
    'the repository metadata changed since the stored evidence (no full check has completed since)',
  );
  const fourth = await checkIncremental(URL_, prior3, opts);
  assert.equal(fourth.reused, false);
  assert.equal(
    await changedSince(URL_, { commit: fourth.report.target.commit, evidence: fourth.evidence }, session, opts),
    null,
    'after the full check: unchanged again',
  );

  // evidence stored before the history was kept raw (counts made under the policy of its day) is
  // not re-judged: the repository is checked afresh
  const legacy: PriorEvaluation = {
    commit: fourth.report.target.commit,
    evidence: { ...fourth.evidence, history: LEGACY_HISTORY as unknown as PriorEvaluation['evidence']['history'] },
  };
  assert.match((await changedSince(URL_, legacy, session, opts)) ?? '', /history counts, not the commits/);
  const fifth = await checkIncremental(URL_, legacy, opts);
  assert.equal(fifth.reused, false);
  assert.ok(Array.isArray(fifth.evidence.history.records));
});

/** The history section as evidence stored before it was kept raw. */
const LEGACY_HISTORY = {
  window: { since: '2026-08-29T00:00:00.000Z', until: '2026-11-27T00:00:00.000Z', days: 90 },
  commits: 2,
  botCommits: 0,
  mergeCommits: 0,
  contributors: [{ name: 'a', emails: ['a@x'], commits: 2, via: 'author' }],
  method: 'full-walk',
  identityMethod: 'mailmap+email+noreply+name',
  skewedCommits: 0,
  mailmap: false,
};
