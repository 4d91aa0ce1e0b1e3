// git's own `--since` walk, shown whole by the commit-graph's corrected dates: it must give what
// the walk over every commit gives, and say why it can't whenever a commit could hide behind its
// edge (clock skew, a graph without the edge commit, a head older than the horizon).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { buildRepo, cleanupTemp, daysAgo, type CommitSpec } from '../support/repo.js';
import { walkLoggedSince } from '../../src/evidence/git/since-walk.js';
import { walkWithRevList } from '../../src/evidence/git/walk.js';
import { openCorrectedDates } from '../../src/evidence/git/graph-file.js';

after(cleanupTemp);

const AS_OF = '2026-11-27T00:00:00Z';
const UNTIL = new Date(AS_OF).getTime() / 1000;
const bounds = { since: UNTIL - 400 * 86_400, until: UNTIL };
const git = (dir: string, args: string[], input?: string) =>
  execFileSync('git', args, { cwd: dir, input, stdio: ['pipe', 'pipe', 'pipe'] })
    .toString()
    .trim();

async function walked(dir: string, b = bounds) {
  const dates = openCorrectedDates(dir);
  assert.ok(dates, 'the graph has corrected dates');
  try {
    return await walkLoggedSince(dir, git(dir, ['rev-parse', 'HEAD']), b, dates);
  } finally {
    dates.close();
  }
}

/** A line of history a day apart from `from` days ago to `to` days ago, with a merge of a side branch in it. */
function line(from: number, to: number): CommitSpec[] {
  const commits: CommitSpec[] = [];
  for (let d = from; d >= to; d -= 3) {
    const author = { name: `Dev ${d % 5}`, email: `dev${d % 5}@example.org` };
    if (d % 30 === 0 && commits.length > 0) {
      const base = commits.length - 1;
      commits.push({ date: daysAgo(AS_OF, d, 60), author, branch: 'side', parents: [base] });
      commits.push({ date: daysAgo(AS_OF, d), author, parents: [base, commits.length - 1], message: 'merge' });
    } else commits.push({ date: daysAgo(AS_OF, d), author });
  }
  return commits;
}

test('without skew, the --since walk finds the window, merges, latest commit and authors the full walk finds', async () => {
  const dir = await buildRepo({ commits: line(900, 2) });
  git(dir, ['-c', 'commitGraph.generationVersion=2', 'commit-graph', 'write', '--reachable']);
  const since = await walked(dir);
  assert.ok('walk' in since, 'unproven' in since ? since.unproven : '');
  const full = await walkWithRevList(dir, git(dir, ['rev-parse', 'HEAD']), bounds);
  const byCommit = (w: typeof full) => w.window.map((c) => [c.commit, c.time]);
  assert.deepEqual(byCommit(since.walk), byCommit(full));
  assert.ok(full.window.length > 100 && full.merges.length > 5);
  assert.deepEqual(since.walk.merges, full.merges);
  assert.deepEqual(since.walk.latest, full.latest);
  assert.equal(since.walk.skewedCommits, 0);
  assert.equal(since.walk.reachedThrough.size, 0);
  // it stopped at the edge: the horizon and the one commit below it, not the 900 days
  assert.equal(since.walk.walked, Number(git(dir, ['rev-list', '--count', `--since=@${bounds.since}`, 'HEAD'])) + 1);
  // each window commit's details are the commit object's
  const w = since.walk.window[0]!;
  const slot = since.details.slot(w.at);
  assert.equal(since.details.names[since.details.authors[slot]!], git(dir, ['log', '-1', '--format=%an', w.commit]));
  assert.equal(since.details.times[slot], w.time);
});

test('a commit hidden behind an older one (clock skew across the edge) is not missed: the walk says it cannot show the horizon whole', async () => {
  const dir = await buildRepo({
    commits: [
      ...line(900, 500),
      { date: daysAgo(AS_OF, 20), message: 'in the horizon, behind an older commit' },
      { date: daysAgo(AS_OF, 450), message: 'a committer whose clock was wrong' },
      { date: daysAgo(AS_OF, 1), message: 'head' },
    ],
  });
  git(dir, ['-c', 'commitGraph.generationVersion=2', 'commit-graph', 'write', '--reachable']);
  const since = await walked(dir);
  assert.ok('unproven' in since);
  assert.match(since.unproven, /clock skew/);
});

test('an edge commit the graph does not hold, a head older than the horizon, no commit before asOf: unproven', async () => {
  const dir = await buildRepo({ commits: line(600, 2) });
  // the graph holds only the first commits: the edge of the horizon is above it
  git(
    dir,
    ['-c', 'commitGraph.generationVersion=2', 'commit-graph', 'write', '--stdin-commits'],
    git(dir, ['rev-list', '--max-count=1', '--skip=190', 'HEAD']) + '\n',
  );
  const notHeld = await walked(dir);
  assert.ok('unproven' in notHeld);
  assert.match(notHeld.unproven, /does not hold/);

  git(dir, ['-c', 'commitGraph.generationVersion=2', 'commit-graph', 'write', '--reachable']);
  const old = await walked(dir, { since: UNTIL + 100 * 86_400, until: UNTIL + 500 * 86_400 });
  assert.ok('unproven' in old);
  assert.match(old.unproven, /before the horizon/);
  // the horizon holds only the commit of 3 days ago, after asOf: the newest commit at or before asOf lies below the edge
  const early = await walked(dir, { since: UNTIL - 5.5 * 86_400, until: UNTIL - 4 * 86_400 });
  assert.ok('unproven' in early);
  assert.match(early.unproven, /no commit in the horizon/);
  // and on the right bounds the same graph proves the walk
  assert.ok('walk' in (await walked(dir)));
});
