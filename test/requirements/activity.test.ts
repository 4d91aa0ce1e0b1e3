import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { buildRepo, cleanupTemp, daysAgo, type CommitSpec } from '../support/repo.js';
import { readJudgedHistory } from '../support/history.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';
import { recentCommits } from '../../src/requirements/recent-commits.js';
import { activeContributors } from '../../src/requirements/active-contributors.js';
import type { Evidence, HistoryEvidence } from '../../src/evidence/types.js';
import { assertSaid } from '../support/messages.js';
import { evaluateRule, withOptions } from '../support/evidence.js';

after(cleanupTemp);

const AS_OF = '2026-11-27T00:00:00Z';
const asOf = new Date(AS_OF);
const policy = loadDefaultPolicy();

/** The requirements read only the repository's revision and the history section. */
function evidenceOf(history: HistoryEvidence): Evidence {
  return { repo: { rev: 'HEAD' }, asOf: AS_OF, history } as unknown as Evidence;
}

async function judge(commits: CommitSpec[]) {
  const dir = await buildRepo({ commits });
  const headSha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir }).toString().trim();
  const { history, raw } = await readJudgedHistory(dir, headSha, asOf, policy);
  const ev = evidenceOf(raw);
  return {
    commits: evaluateRule(recentCommits, ev, { policy, asOf }),
    contributors: evaluateRule(activeContributors, ev, { policy, asOf }),
    history,
    raw,
  };
}

const bot = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

for (const [n, status] of [
  [29, 'fail'],
  [30, 'pass'],
  [31, 'pass'],
] as const) {
  test(`recent-commits: ${n} human commits and 4 by a bot → ${status}`, async () => {
    const commits: CommitSpec[] = Array.from({ length: n }, (_, i) => ({ date: daysAgo(AS_OF, 80 - i) }));
    for (let i = 0; i < 4; i++) commits.push({ date: daysAgo(AS_OF, 5 - i), author: bot });
    const r = await judge(commits);
    assert.equal(r.commits.status, status);
    assert.equal(r.commits.summary, `${n} commits in the 90 days to 2026-11-27 (30 needed); 4 commits by bots not counted.`);
    assertSaid(recentCommits, r.commits, status === 'pass' ? 'enough' : 'tooFew', { commits: `${n} commits`, need: 30 });
    assert.equal(r.commits.measured.commits, n);
    assert.equal(r.commits.measured.botCommits, 4);
    assert.equal(r.commits.measured.method, 'full-walk');
    // the newest *counted* commit is the evidence, not the bot's
    assert.equal(r.commits.evidence[0]?.ref, r.history.latestWindowCommit);
    assert.notEqual(r.history.latestWindowCommit, r.history.latestCommit);
    if (status === 'fail') assert.match(r.commits.fix ?? '', /^1 more commit by people/);
    else assert.equal(r.commits.fix, undefined);
  });
}

for (const [n, status] of [
  [4, 'fail'],
  [5, 'pass'],
  [6, 'pass'],
] as const) {
  test(`active-contributors: ${n} people (one of them twice, under another e-mail) → ${status}`, async () => {
    const commits: CommitSpec[] = Array.from({ length: n }, (_, i) => ({
      date: daysAgo(AS_OF, 30 - i),
      author: { name: `Person ${i}`, email: `p${i}@example.org` },
    }));
    commits.push({ date: daysAgo(AS_OF, 2), author: { name: 'person  0', email: 'p0@home.example' } });
    commits.push({ date: daysAgo(AS_OF, 1), author: bot });
    const r = await judge(commits);
    assert.equal(r.contributors.status, status);
    assert.equal(r.contributors.measured.contributors, n);
    assert.equal((r.contributors.measured.people as string[])[0], 'Person 0');
    assert.match(r.contributors.summary, new RegExp(`^${n} contributors in the 90 days to 2026-11-27 \\(5 needed\\): Person 0, `));
    if (status === 'fail') assert.match(r.contributors.fix ?? '', /^1 more person must author/);
  });
}

test('merge commits and co-author-only contributors are named in the summaries', async () => {
  const commits: CommitSpec[] = [
    { date: daysAgo(AS_OF, 300) },
    { date: daysAgo(AS_OF, 10), branch: 'topic', parents: [0] },
    { date: daysAgo(AS_OF, 200), parents: [0], message: 'wrong clock' },
    { date: daysAgo(AS_OF, 3), parents: [2, 1], message: 'Merge topic' },
    {
      date: daysAgo(AS_OF, 2),
      author: { name: 'Bob', email: 'bob@example.org' },
      message: 'x\n\nCo-authored-by: Carol <carol@example.org>',
    },
  ];
  const r = await judge(commits);
  assert.equal(r.commits.status, 'fail');
  assert.equal(r.commits.summary, '2 commits in the 90 days to 2026-11-27 (30 needed); 1 merge commit not counted.');
  assert.equal(r.history.hiddenBySkew, 0); // the merge reaches the topic commit directly
  assert.equal(
    r.contributors.summary,
    '3 contributors in the 90 days to 2026-11-27 (5 needed): Alice Example, Bob and Carol; 1 credited only by Co-authored-by.',
  );
});

test('AI coding agents credited by Co-authored-by (Claude Code, Cursor) are not contributors (SimplexLab/TorchJD)', async () => {
  const people = ['Ann', 'Ben', 'Cat', 'Dan'];
  const commits: CommitSpec[] = people.map((name, i) => ({
    date: daysAgo(AS_OF, 10 + i),
    author: { name, email: `${name.toLowerCase()}@example.org` },
    message: `change ${i}\n\nCo-authored-by: ${i % 2 ? 'Cursor <cursoragent@cursor.com>' : `Claude Sonnet 4.${i} <noreply@anthropic.com>`}`,
  }));
  const r = await judge(commits);
  assert.equal(r.contributors.status, 'fail', r.contributors.summary);
  assert.equal(r.contributors.summary, '4 contributors in the 90 days to 2026-11-27 (5 needed): Ann, Ben, Cat and Dan.');
  // A fifth person makes it pass, so the agents are the only thing kept out.
  const r5 = await judge([...commits, { date: daysAgo(AS_OF, 1), author: { name: 'Eve', email: 'eve@example.org' } }]);
  assert.equal(r5.contributors.status, 'pass', r5.contributors.summary);
  assert.equal(r5.commits.measured['commits'], 5);
});

test('commits found behind clock skew are named in the summary', async () => {
  const r = await judge([
    { date: daysAgo(AS_OF, 300) },
    { date: daysAgo(AS_OF, 10) },
    { date: daysAgo(AS_OF, 200), message: 'a committer whose clock was wrong' },
    { date: daysAgo(AS_OF, 1) },
  ]);
  assert.equal(
    r.commits.summary,
    '2 commits in the 90 days to 2026-11-27 (30 needed); 1 of them reachable only through a commit dated before the window (clock skew), which git log --since would miss.',
  );
  assert.equal(r.commits.measured.skewedCommits, 1);
  assert.equal(r.commits.measured.hiddenBySkew, 1);
});

test('an empty window names the newest commit; another window is judged from the same records, one past the horizon is not', async () => {
  const r = await judge([{ date: daysAgo(AS_OF, 120) }]);
  assert.equal(r.commits.summary, '0 commits in the 90 days to 2026-11-27 (30 needed); the newest commit is from 2026-07-30.');
  assert.equal(r.commits.evidence[0]?.detail, 'newest commit, 2026-07-30T00:00:00.000Z');
  assert.equal(r.contributors.status, 'fail');
  assert.equal(r.contributors.summary, '0 contributors in the 90 days to 2026-11-27 (5 needed); no commits since 2026-07-30.');
  assertSaid(activeContributors, r.contributors, 'tooFew', { need: 5, people: '', notes: '; no commits since 2026-07-30' });
  assertSaid(recentCommits, r.commits, 'tooFew', { notes: '; the newest commit is from 2026-07-30' });
  const ev = evidenceOf(r.raw);
  const longer = { ...policy, shared: { ...policy.shared, windowDays: 150 } };
  assert.equal(evaluateRule(recentCommits, ev, { policy: longer, asOf }).summary, '1 commit in the 150 days to 2026-11-27 (30 needed).');
  assert.equal(evaluateRule(activeContributors, ev, { policy: longer, asOf }).measured['contributors'], 1);
  const beyond = { ...policy, shared: { ...policy.shared, windowDays: 500 } };
  const refused = evaluateRule(recentCommits, ev, { policy: beyond, asOf });
  assert.equal(refused.status, 'unknown');
  assertSaid(recentCommits, refused, 'pastHorizon', { windowDays: 500, horizonDays: 400, horizonUntil: '2026-11-27' });
  const refusedToo = evaluateRule(activeContributors, ev, { policy: beyond, asOf });
  assert.equal(refusedToo.status, 'unknown');
  assertSaid(activeContributors, refusedToo, 'pastHorizon', { windowDays: 500 });
  // thresholds come from the policy, not the code
  const lenient = withOptions('active-contributors', { min: 0 }, withOptions('recent-commits', { min: 0 }, policy));
  assert.equal(evaluateRule(recentCommits, ev, { policy: lenient, asOf }).status, 'pass');
  assert.equal(evaluateRule(activeContributors, ev, { policy: lenient, asOf }).status, 'pass');
});
