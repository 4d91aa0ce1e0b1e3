// The history is kept raw (one record per commit over the horizon, no policy applied), so evidence
// stored under one policy and judged again under an amended one (a longer bot list, another
// window) gives the same report as a fresh check under the amended policy. Evidence stored in the
// earlier shape (counts) still loads, and asks for a fresh check instead of failing. The README
// and docs pages read into blocks (evidence.docs) are not stored (they repeat the files' text): they
// are read again from the stored files when evidence is loaded, so their verdicts re-judge the same.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../src/check/index.js';
import { evaluate } from '../../src/check/evaluate.js';
import type { Evidence } from '../../src/evidence/types.js';
import { currentEvidence, storableEvidence } from '../../src/evidence/stored.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/types.js';
import type { Report } from '../../src/report/types.js';
import { buildRepo, cleanupTemp, daysAgo, type CommitSpec } from '../support/repo.js';

after(cleanupTemp);

const AS_OF = '2026-11-27T00:00:00Z';
const asOf = new Date(AS_OF);
const TRAIN = { name: 'Release Train', email: 'train@example.org' };
const person = (n: number) => ({ name: `Person ${n}`, email: `p${n}@example.org` });

function spec(): CommitSpec[] {
  const commits: CommitSpec[] = [{ date: daysAgo(AS_OF, 390), author: person(1), files: { 'README.md': '# x\n' } }];
  // an automation account no bot rule of policy 1.0 knows, busy every other day
  for (let i = 0; i < 30; i++) commits.push({ date: daysAgo(AS_OF, 70 - 2 * i, 10), author: TRAIN, message: `bump ${i}` });
  // four people in the last 90 days, one of them crediting the account as a co-author
  for (let i = 0; i < 8; i++) commits.push({ date: daysAgo(AS_OF, 60 - 5 * i), author: person(1 + (i % 4)) });
  commits.push({ date: daysAgo(AS_OF, 3), author: person(2), message: 'pair\n\nCo-authored-by: Release Train <train@example.org>' });
  // a fifth person 150 days ago: inside a 180-day window only
  for (let i = 0; i < 3; i++) commits.push({ date: daysAgo(AS_OF, 150 + i), author: person(5) });
  commits.sort((a, b) => Date.parse(String(a.date)) - Date.parse(String(b.date)));
  return commits;
}

/** Policy 1.0 amended: the account is a bot, and the window is 180 days. */
function amended(): Policy {
  const p = loadDefaultPolicy();
  return {
    ...p,
    version: '1.0-amended',
    bots: { ...p.bots, names: [...p.bots.names, 'release-train'] },
    shared: { ...p.shared, windowDays: 180 },
  };
}

/** What re-judging can reproduce: the report without the early warning (a check's own work). */
function judged(report: Report) {
  return {
    ...report,
    requirements: report.requirements.map(({ forecast: _f, ...r }) => r),
  };
}

const status = (r: Report, id: number) => r.requirements.find((q) => q.id === id)!;

test('stored evidence re-judged under a changed bot list and window equals a fresh check under that policy', async () => {
  const dir = await buildRepo({ commits: spec() });
  const first = await check(dir, { asOf, offline: true });
  // stored as the process stores it: JSON
  const stored = JSON.parse(JSON.stringify(first.evidence)) as Evidence;
  assert.deepEqual(stored, first.evidence, 'the evidence is JSON-safe');

  // under 1.0 the account's commits count as a person's
  assert.equal(status(first.report, 13).status, 'pass');
  assert.match(status(first.report, 13).summary, /^39 commits in the 90 days/);
  assert.match(status(first.report, 12).summary, /^5 contributors in the 90 days/);

  const policy = amended();
  const rejudged = evaluate(stored, policy);
  const fresh = await check(dir, { asOf, offline: true, policy });
  assert.deepEqual(judged(rejudged), judged(fresh.report));
  // and the amendment did change the answers: the account is a bot now, the window reaches person 5
  assert.equal(status(rejudged, 13).status, 'fail');
  assert.match(status(rejudged, 13).summary, /^12 commits in the 180 days to 2026-11-27 \(30 needed\); 30 commits by bots not counted\./);
  assert.match(status(rejudged, 12).summary, /^5 contributors in the 180 days/);
  assert.doesNotMatch(status(rejudged, 12).summary, /Release Train/);
  assert.match(status(rejudged, 12).summary, /Person 5/);
  assert.match(status(rejudged, 10).summary, /12 commits in the last 180 days/);

  // and back: the fresh check's evidence under the amended policy, judged under 1.0, is the first report
  assert.deepEqual(judged(evaluate(JSON.parse(JSON.stringify(fresh.evidence)) as Evidence, loadDefaultPolicy())), judged(first.report));
});

test('evidence stored before the history was kept raw still loads; the activity requirements ask for a fresh check', () => {
  const legacy = {
    repo: { input: '.', root: '/gone', bare: false, rev: 'HEAD', commit: 'c'.repeat(40), commitDate: AS_OF },
    asOf: AS_OF,
    tree: [],
    files: {},
    history: {
      window: { since: '2026-08-29T00:00:00.000Z', until: AS_OF, days: 90 },
      commits: 40,
      botCommits: 3,
      mergeCommits: 1,
      contributors: [{ name: 'A', emails: ['a@x'], commits: 40, via: 'author' }],
      latestCommitAt: '2026-11-20T00:00:00.000Z',
      latestCommit: 'd'.repeat(40),
      method: 'full-walk',
      identityMethod: 'mailmap+email+noreply+name',
      skewedCommits: 0,
      mailmap: false,
      shallow: { cutAt: null, hidesWindow: true },
    },
    tags: { count: 0 },
    python: { torch: [], classifiers: [], licenseMeta: [], urls: {}, files: [] },
    ci: { systems: [], workflows: [], os: [], testSteps: [], publishSteps: [] },
    license: { files: [], signals: [], disagreements: [], thirdParty: [] },
    torchReleases: [],
    problems: [{ file: 'shallow', message: 'a shallow clone: history before an unknown commit is cut off, inside the activity window' }],
    sources: [{ name: 'git' }],
  } as unknown as Evidence;
  const report = evaluate(legacy, loadDefaultPolicy());
  for (const id of [12, 13]) {
    assert.equal(status(report, id).status, 'unknown');
    assert.match(status(report, id).summary, /as counted when it was gathered \(a 90-day window\), not its commits/);
    assert.match(status(report, id).fix ?? '', /^Run a fresh check/);
  }
  assert.match(status(report, 10).summary, /not its commits/);
  // the stored problems are shown as they were written
  assert.deepEqual(report.problems, legacy.problems);
});

test('stored evidence re-judged gives the README and docs verdicts of a fresh check; the docs facts are read again, not stored', async () => {
  const readme = [
    '# Widget',
    '',
    'Widget turns tensors into widgets for people who train models with PyTorch and want them fast, small and easy to ship on any machine they have, from a laptop to a cluster of many nodes.',
    '',
    '## Installation',
    '',
    '```bash',
    'pip install widget',
    '```',
    '',
    '## Releases',
    '',
    'A release is made every month; see [the changelog](CHANGELOG.md).',
    '',
  ].join('\n');
  const dir = await buildRepo({
    commits: [
      {
        date: daysAgo(AS_OF, 5),
        author: person(1),
        files: { 'README.md': readme, 'docs/index.md': '# Widget\n\nSee https://widget.readthedocs.io/\n', 'mkdocs.yml': 'site_name: w\n' },
      },
    ],
  });
  const fresh = await check(dir, { asOf, offline: true });
  const byKey = (r: Report, key: string) => r.requirements.find((q) => q.key === key)!;
  assert.equal(byKey(fresh.report, 'readme').status, 'pass');
  assert.equal(byKey(fresh.report, 'readme').summary, 'README.md is at the root and has a "Releases" section (line 11).');
  assert.equal(byKey(fresh.report, 'quick-start').status, 'pass');
  assert.equal(byKey(fresh.report, 'user-experience').status, 'pass');

  // kept whole (as a check gives it) or as the process stores it, without the docs facts
  const whole = JSON.parse(JSON.stringify(fresh.evidence)) as Evidence;
  assert.deepEqual(judged(evaluate(currentEvidence(whole), loadDefaultPolicy())), judged(fresh.report));
  const stored = JSON.parse(JSON.stringify(storableEvidence(fresh.evidence))) as Evidence;
  assert.equal('docs' in stored, false, 'the README in blocks is not stored beside the README');
  assert.ok(stored.files['README.md']?.text, 'the README itself is');
  const upgraded = currentEvidence(stored);
  assert.deepEqual(upgraded.docs, fresh.evidence.docs);
  assert.deepEqual(judged(evaluate(upgraded, loadDefaultPolicy())), judged(fresh.report));
});
