import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { buildRepo, cleanupTemp, daysAgo, type CommitSpec, type Ident } from '../support/repo.js';
import { readJudgedHistory } from '../support/history.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';

after(cleanupTemp);

const AS_OF = '2026-11-27T00:00:00Z';
const asOf = new Date(AS_OF);
const policy = loadDefaultPolicy();

const person = (n: number): Ident => ({ name: `Person ${n}`, email: `p${n}@example.org` });

function head(dir: string): string {
  return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir }).toString().trim();
}

async function history(dir: string, at = asOf) {
  return readJudgedHistory(dir, head(dir), at, policy);
}

/** `n` commits by one author, one a day, the newest a day before asOf. */
function daily(n: number, from = 1, author: Ident = person(1)): CommitSpec[] {
  return Array.from({ length: n }, (_, i) => ({ date: daysAgo(AS_OF, from + n - 1 - i), author }));
}

for (const n of [29, 30, 31]) {
  test(`${n} commits in the window are counted exactly`, async () => {
    const dir = await buildRepo({ commits: [{ date: daysAgo(AS_OF, 400) }, ...daily(n)] });
    const { history: h } = await history(dir);
    assert.equal(h.commits, n);
    assert.equal(h.botCommits, 0);
    assert.equal(h.mergeCommits, 0);
    assert.equal(h.method, 'full-walk');
    assert.equal(h.window.since, '2026-08-29T00:00:00.000Z');
    assert.equal(h.window.until, '2026-11-27T00:00:00.000Z');
    assert.equal(h.window.days, 90);
  });
}

test('window edges: exactly 90 days old is out, one second younger is in, asOf is in, the future is out', async () => {
  const dir = await buildRepo({
    commits: [
      { date: daysAgo(AS_OF, 90, 1), message: 'a second too old' },
      { date: daysAgo(AS_OF, 90), message: 'exactly 90 days' },
      { date: daysAgo(AS_OF, 90, -1), message: 'one second inside' },
      { date: AS_OF, message: 'at asOf' },
      { date: daysAgo(AS_OF, 0, -1), message: 'one second in the future' },
    ],
  });
  const { history: h } = await history(dir);
  assert.equal(h.commits, 2);
  assert.equal(h.latestCommitAt, '2026-11-27T00:00:00.000Z');
  const atAsOf = execFileSync('git', ['rev-parse', 'HEAD~1'], { cwd: dir }).toString().trim();
  assert.equal(h.latestCommit, atAsOf);
  assert.equal(h.latestWindowCommit, atAsOf);
  // a second later the future commit is in and the oldest inside one has left
  const later = (await history(dir, new Date(asOf.getTime() + 1000))).history;
  assert.equal(later.commits, 2);
  assert.equal(later.latestCommitAt, '2026-11-27T00:00:01.000Z');
});

test('the committer time decides, not the author time', async () => {
  const dir = await buildRepo({
    commits: [
      { date: daysAgo(AS_OF, 300), committerDate: daysAgo(AS_OF, 5), message: 'old work, merged recently' },
      { date: daysAgo(AS_OF, 4), committerDate: daysAgo(AS_OF, 95), message: 'recent author date, old commit' },
    ],
  });
  // the second commit is older by committer time than its parent: skewed, and out of the window
  const { history: h } = await history(dir);
  assert.equal(h.commits, 1);
  assert.equal(h.skewedCommits, 1);
});

test('merge commits are left out of the count and counted apart', async () => {
  const commits: CommitSpec[] = [
    { date: daysAgo(AS_OF, 200) },
    { date: daysAgo(AS_OF, 50), branch: 'topic', parents: [0] },
    { date: daysAgo(AS_OF, 49), branch: 'topic' },
    { date: daysAgo(AS_OF, 48), parents: [0] },
    { date: daysAgo(AS_OF, 47), parents: [3, 2], message: 'Merge branch topic' },
    { date: daysAgo(AS_OF, 46), branch: 'other', parents: [0] },
    { date: daysAgo(AS_OF, 45), parents: [4, 5], message: 'Merge branch other' },
    { date: daysAgo(AS_OF, 100), branch: 'old', parents: [0] },
    { date: daysAgo(AS_OF, 99), parents: [6, 7], message: 'an old merge, outside the window' },
  ];
  const dir = await buildRepo({ commits });
  const { history: h } = await history(dir);
  assert.equal(h.commits, 4); // 1, 2, 3, 5
  assert.equal(h.mergeCommits, 2);
  assert.equal(h.latestCommitAt, daysAgo(AS_OF, 45));
});

test('clock skew: a window commit behind an older-dated commit is still counted', async () => {
  const dir = await buildRepo({
    commits: [
      { date: daysAgo(AS_OF, 300) },
      { date: daysAgo(AS_OF, 10), message: 'in the window' },
      { date: daysAgo(AS_OF, 200), message: 'a committer whose clock was wrong' },
      { date: daysAgo(AS_OF, 1), message: 'in the window, head' },
    ],
  });
  // what `git log --since` sees: it stops at the old-dated commit
  const since = execFileSync('git', ['log', '--no-merges', `--since=${daysAgo(AS_OF, 90)}`, '--format=%H'], { cwd: dir })
    .toString()
    .trim()
    .split('\n');
  assert.equal(since.length, 1);
  const { history: h } = await history(dir);
  assert.equal(h.commits, 2);
  assert.equal(h.skewedCommits, 1);
  assert.equal(h.hiddenBySkew, 1);
});

test('an empty window still reports the newest commit', async () => {
  const dir = await buildRepo({ commits: [{ date: daysAgo(AS_OF, 300) }, { date: daysAgo(AS_OF, 91) }] });
  const { history: h } = await history(dir);
  assert.equal(h.commits, 0);
  assert.equal(h.botCommits, 0);
  assert.deepEqual(h.contributors, []);
  assert.equal(h.latestCommitAt, daysAgo(AS_OF, 91));
  assert.equal(h.latestWindowCommit, undefined);
});

test('bots by [bot] suffix, by policy name, by no-reply login and by policy e-mail are set apart', async () => {
  const bots: Ident[] = [
    { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
    { name: 'PRE-COMMIT-CI', email: 'ci@example.org' },
    { name: 'Automation', email: '41898282+github-actions[bot]@users.noreply.github.com' },
    { name: 'Renovate Bot', email: 'renovate@users.noreply.github.com' },
    { name: 'Web Flow', email: 'noreply@github.com' },
  ];
  const commits: CommitSpec[] = [
    { date: daysAgo(AS_OF, 30), author: person(1) },
    ...bots.map((author, i) => ({ date: daysAgo(AS_OF, 20 - i), author })),
    // a human whose name merely contains "bot" is a human
    { date: daysAgo(AS_OF, 2), author: { name: 'Abbot Costello', email: 'abbot@example.org' } },
    // a bot's commit co-authored by a person: the person contributed, the bot didn't count
    { date: daysAgo(AS_OF, 1), author: bots[0]!, message: 'bump\n\nCo-authored-by: Person 7 <p7@example.org>' },
  ];
  const dir = await buildRepo({ commits });
  const { history: h } = await history(dir);
  assert.equal(h.commits, 2);
  assert.equal(h.botCommits, 6);
  assert.deepEqual(
    h.contributors.map((p) => [p.name, p.via]),
    [
      ['Abbot Costello', 'author'],
      ['Person 1', 'author'],
      ['Person 7', 'co-author'],
    ],
  );
});

test('co-author trailers add contributors, deduplicated with authors and bots left out', async () => {
  const commits: CommitSpec[] = [
    {
      date: daysAgo(AS_OF, 10),
      author: person(1),
      message:
        'pair work\n\nCo-authored-by: Person 2 <p2@example.org>\nco-authored-by: PERSON 1 <P1@Example.org>\n' +
        'Co-authored-by: dependabot[bot] <support@github.com>\nCo-authored-by: Person 3\n  <p3@example.org>\nCo-authored-by: Person 2 <p2@example.org>',
    },
    { date: daysAgo(AS_OF, 9), author: person(2) },
    // a trailer outside the last paragraph is not a trailer
    { date: daysAgo(AS_OF, 8), author: person(1), message: 'text\n\nCo-authored-by: Person 4 <p4@example.org>\n\nmore text' },
  ];
  const dir = await buildRepo({ commits });
  const { history: h } = await history(dir);
  assert.equal(h.commits, 3);
  assert.deepEqual(
    h.contributors.map((p) => [p.name, p.emails, p.commits, p.via]),
    [
      ['Person 1', ['p1@example.org'], 2, 'author'],
      ['Person 2', ['p2@example.org'], 2, 'both'],
      ['Person 3', ['p3@example.org'], 1, 'co-author'],
    ],
  );
});

test('identities merge by e-mail, by no-reply login (with and without id) and by folded name', async () => {
  const commits: CommitSpec[] = [
    { date: daysAgo(AS_OF, 10), author: { name: 'Octo Cat', email: '12345+octocat@users.noreply.github.com' } },
    { date: daysAgo(AS_OF, 9), author: { name: 'The Octocat', email: 'OctoCat@users.noreply.github.com' } },
    { date: daysAgo(AS_OF, 8), author: { name: 'Jane  Doe', email: 'jane@work.example' } },
    { date: daysAgo(AS_OF, 7), author: { name: 'jane doe', email: 'jd@home.example' } },
    { date: daysAgo(AS_OF, 6), author: { name: 'J. D.', email: 'JANE@work.example' } },
    { date: daysAgo(AS_OF, 5), author: { name: 'Jane Roe', email: 'jroe@example.org' } },
    // not a no-reply address: the digits and plus stay part of a plain e-mail
    { date: daysAgo(AS_OF, 4), author: { name: 'Other', email: '12345+octocat@example.org' } },
  ];
  const dir = await buildRepo({ commits });
  const { history: h } = await history(dir);
  assert.equal(h.commits, 7);
  assert.equal(h.contributors.length, 4);
  const jane = h.contributors.find((p) => p.emails.includes('jane@work.example'));
  assert.deepEqual(jane?.emails, ['jane@work.example', 'jd@home.example']);
  assert.equal(jane?.commits, 3);
  const octo = h.contributors.find((p) => p.login === 'octocat');
  assert.equal(octo?.commits, 2);
  assert.deepEqual(octo?.emails, ['12345+octocat@users.noreply.github.com', 'octocat@users.noreply.github.com']);
});

const MAILMAP = '# people\nJane Doe <jane@work.example> <jd@home.example>\n<pat@new.example> <PAT@OLD.example>\n';

test('the .mailmap of the evaluated commit merges identities, in work trees and bare repositories', async () => {
  for (const bare of [false, true]) {
    const spec = {
      bare,
      commits: [
        { date: daysAgo(AS_OF, 10), author: { name: 'Jane Doe', email: 'jane@work.example' } },
        { date: daysAgo(AS_OF, 9), author: { name: 'JD', email: 'jd@home.example' } },
        { date: daysAgo(AS_OF, 8), author: { name: 'Pat', email: 'pat@old.example' }, files: { '.mailmap': MAILMAP } },
        { date: daysAgo(AS_OF, 7), author: { name: 'Pat Q', email: 'pat@new.example' } },
      ] as CommitSpec[],
    };
    const dir = await buildRepo(spec);
    const { history: h } = await history(dir);
    assert.equal(h.mailmap, true, `bare=${bare}`);
    assert.deepEqual(
      h.contributors.map((p) => [p.name, p.emails, p.commits]),
      [
        ['Jane Doe', ['jane@work.example'], 2],
        ['Pat', ['pat@new.example'], 2],
      ],
      `bare=${bare}`,
    );
    // at the first commit there was no .mailmap: JD and Jane are two people
    const second = execFileSync('git', ['rev-parse', 'HEAD~2'], { cwd: dir }).toString().trim();
    const early = await readJudgedHistory(dir, second, asOf, policy);
    assert.equal(early.history.mailmap, false);
    assert.equal(early.history.contributors.length, 2);
  }
});

test('tags: count those dated at or before asOf, on any branch; the newest by tagger or commit date', async () => {
  const dir = await buildRepo({
    commits: [
      { date: daysAgo(AS_OF, 300) },
      { date: daysAgo(AS_OF, 200) },
      { date: daysAgo(AS_OF, 100) },
      { date: daysAgo(AS_OF, 50), branch: 'side', parents: [2] },
    ],
    tags: {
      'v0.1': 0,
      'v0.2': { commit: 1, date: daysAgo(AS_OF, 20) },
      'v0.3': { commit: 2, date: daysAgo(AS_OF, -5) },
      'side-1': { commit: 3, date: daysAgo(AS_OF, 10) },
    },
  });
  const { tags } = await history(dir);
  assert.equal(tags.count, 3); // v0.3 is dated after asOf
  // side-1 was cut on a branch that HEAD doesn't contain, as release branches are
  assert.equal(tags.latest?.name, 'side-1');
  assert.equal(tags.latest?.date, daysAgo(AS_OF, 10));
  assert.equal(tags.latest?.commit, execFileSync('git', ['rev-parse', 'side'], { cwd: dir }).toString().trim());
  // evaluated as of 15 days ago, side-1 didn't exist yet: v0.2 was the newest
  const earlier = await history(dir, new Date(asOf.getTime() - 15 * 86_400_000));
  assert.equal(earlier.tags.count, 2);
  assert.equal(earlier.tags.latest?.name, 'v0.2');
  assert.equal(earlier.tags.latest?.commit, execFileSync('git', ['rev-parse', 'HEAD~1'], { cwd: dir }).toString().trim());
  const none = await buildRepo({ commits: [{ date: daysAgo(AS_OF, 3) }] });
  assert.deepEqual((await history(none)).tags, { count: 0 });
});
