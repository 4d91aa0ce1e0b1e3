// The two walks (commit-graph file, git rev-list) must agree with each other and with an
// independent `git log` count, on graphs that cover all, part or none of the history.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRepo, cleanupTemp, daysAgo, type CommitSpec } from '../support/repo.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';
import type { HistoryEvidence } from '../../src/evidence/types.js';
import { readJudgedHistory } from '../support/history.js';

after(cleanupTemp);

const AS_OF = '2026-11-27T00:00:00Z';
const asOf = new Date(AS_OF);
const policy = loadDefaultPolicy();
const UNTIL = asOf.getTime() / 1000;
const SINCE = UNTIL - 90 * 86_400;

function git(dir: string, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd: dir, input, stdio: ['pipe', 'pipe', 'pipe'] })
    .toString()
    .trim();
}

/** A seeded history of `n` commits over `days` days: topic branches merged back, one octopus, some bots, no skew. */
function generated(n: number, seed = 7, days = 200): CommitSpec[] {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const commits: CommitSpec[] = [];
  const start = new Date(AS_OF).getTime() - days * 86_400_000;
  let t = start;
  let tip = -1;
  // steps average (days - 10) / n days, so the history ends a little before asOf
  const next = () => new Date((t += Math.floor((rand() * 2 * (days - 10) * 86_400_000) / n))).toISOString();
  while (commits.length < n) {
    const author =
      rand() < 0.1
        ? { name: 'pre-commit-ci[bot]', email: 'bot@example.org' }
        : { name: `Dev ${Math.floor(rand() * 12)}`, email: `dev${Math.floor(rand() * 12)}@example.org` };
    if (tip >= 0 && rand() < 0.1) {
      const base = tip;
      commits.push({ date: next(), author, branch: 'topic', parents: [base] });
      commits.push({ date: next(), author, branch: 'topic' });
      const side = commits.length - 1;
      if (rand() < 0.3) {
        commits.push({ date: next(), author, branch: 'third', parents: [base] });
        commits.push({ date: next(), author, parents: [base, side, commits.length - 1], message: 'octopus' });
      } else {
        commits.push({ date: next(), author, parents: [base, side], message: 'merge' });
      }
    } else {
      commits.push({ date: next(), author, ...(tip >= 0 ? { parents: [tip] } : {}) });
    }
    tip = commits.length - 1;
  }
  return commits;
}

/** What every walk must agree on (the walk's own bookkeeping aside). */
function windowFacts(h: Awaited<ReturnType<typeof both>>) {
  const { walk: _w, walked: _n, method: _m, skewedCommits: _s, ...facts } = h;
  return facts;
}

/** The raw history's records must agree too (the walk's bookkeeping aside). */
function recordFacts(h: HistoryEvidence) {
  const { walk: _w, walked: _n, method: _m, skewedCommits: _s, ...facts } = h;
  return facts;
}

async function both(dir: string) {
  return (await bothRaw(dir)).history;
}

async function bothRaw(dir: string) {
  const head = git(dir, ['rev-parse', 'HEAD']);
  return readJudgedHistory(dir, head, asOf, policy);
}

function independentCount(dir: string): { all: number; merges: number } {
  const range = [`--since=@${SINCE + 1}`, `--until=@${UNTIL}`, '--format=%H', 'HEAD'];
  const count = (extra: string[]) =>
    git(dir, ['log', ...extra, ...range])
      .split('\n')
      .filter(Boolean).length;
  return { all: count(['--no-merges']), merges: count(['--merges']) };
}

test('the window count equals an independent git log count, by rev-list and by commit-graph alike', async () => {
  // 1000 days of history: the walk with corrected dates stops at the 400-day horizon
  const dir = await buildRepo({ commits: generated(1500, 7, 1000) });
  const { history: plain, raw: plainRaw } = await bothRaw(dir);
  const { all, merges } = independentCount(dir);
  assert.ok(all > 100, `the window holds ${all} commits`);
  assert.equal(plain.walk, 'rev-list');
  assert.equal(plain.commits + plain.botCommits, all);
  assert.ok(plain.botCommits > 0);
  assert.equal(plain.mergeCommits, merges);
  assert.equal(plain.skewedCommits, 0);
  // the octopus merges are what the graph's EDGE chunk holds
  assert.ok(git(dir, ['rev-list', '--min-parents=3', 'HEAD']).split('\n').filter(Boolean).length > 0);

  // a graph without corrected commit dates: every reachable commit is visited, as by rev-list
  git(dir, ['-c', 'commitGraph.generationVersion=1', 'commit-graph', 'write', '--reachable']);
  assert.ok(existsSync(join(dir, '.git/objects/info/commit-graph')));
  const full = await both(dir);
  assert.equal(full.walk, 'commit-graph');
  assert.deepEqual({ ...full, walk: 'rev-list' }, plain);

  // with corrected commit dates the walk stops at the window's edge and finds the same window
  rmSync(join(dir, '.git/objects/info/commit-graph'));
  git(dir, ['-c', 'commitGraph.generationVersion=2', 'commit-graph', 'write', '--reachable']);
  const { history: pruned, raw: prunedRaw } = await bothRaw(dir);
  assert.equal(pruned.walk, 'commit-graph');
  assert.equal(pruned.method, 'since');
  assert.ok(pruned.walked! < plain.walked! / 2, `walked ${pruned.walked} of ${plain.walked}`);
  assert.deepEqual(windowFacts(pruned), windowFacts(plain));
  assert.deepEqual(recordFacts(prunedRaw), recordFacts(plainRaw));
  assert.ok(plainRaw.records.length > plain.commits + plain.botCommits, 'the horizon holds more than the window');
});

test('corrected commit dates let the walk stop early without losing a window commit behind clock skew', async () => {
  const dir = await buildRepo({
    commits: [
      ...Array.from({ length: 50 }, (_, i) => ({ date: daysAgo(AS_OF, 800 - i) })),
      { date: daysAgo(AS_OF, 10), message: 'in the window' },
      { date: daysAgo(AS_OF, 200), message: 'a committer whose clock was wrong' },
      { date: daysAgo(AS_OF, 1), message: 'in the window, head' },
    ],
  });
  git(dir, ['-c', 'commitGraph.generationVersion=2', 'commit-graph', 'write', '--reachable']);
  const h = await both(dir);
  assert.equal(h.method, 'since');
  assert.equal(h.commits, 2);
  assert.equal(h.hiddenBySkew, 1);
  assert.equal(h.skewedCommits, 1);
  assert.ok(h.walked! < 10);
  // an empty window: the walk goes on only as far as it takes to find the newest commit
  const later = await readJudgedHistory(dir, git(dir, ['rev-parse', 'HEAD']), new Date(asOf.getTime() + 200 * 86_400_000), policy);
  assert.equal(later.history.commits, 0);
  assert.equal(later.history.latestCommitAt, daysAgo(AS_OF, 1));
});

test('commits newer than the commit-graph, and a split graph chain, give the same answer', async () => {
  const commits = generated(300, 11);
  // skew in the middle of the history, in the part the graph will hold
  commits[150] = { ...commits[150]!, committerDate: daysAgo(AS_OF, 150) };
  const dir = await buildRepo({ commits, bare: true });
  const plain = await both(dir);
  assert.equal(plain.walk, 'rev-list');
  assert.equal(plain.skewedCommits, 1);

  // the graph holds the history up to 40 commits ago; the newest commits are above it
  git(dir, ['commit-graph', 'write', '--stdin-commits'], git(dir, ['rev-parse', 'HEAD~40']) + '\n');
  const above = await both(dir);
  assert.equal(above.walk, 'commit-graph');
  assert.deepEqual(windowFacts(above), windowFacts(plain));

  // a second layer for the rest: a chain of two graph files
  rmSync(join(dir, 'objects/info/commit-graph'));
  git(dir, ['commit-graph', 'write', '--split', '--stdin-commits'], git(dir, ['rev-parse', 'HEAD~40']) + '\n');
  git(dir, ['commit-graph', 'write', '--split=no-merge', '--reachable']);
  const chain = git(dir, ['-c', 'core.commitGraph=true', 'rev-parse', '--git-path', 'objects/info/commit-graphs/commit-graph-chain']);
  assert.equal(
    execFileSync('cat', [join(dir, chain)])
      .toString()
      .trim()
      .split('\n').length,
    2,
  );
  const split = await both(dir);
  assert.equal(split.walk, 'commit-graph');
  assert.deepEqual(windowFacts(split), windowFacts(plain));
});

test('a corrupt or untrustworthy commit-graph is not used', async () => {
  const dir = await buildRepo({ commits: generated(120, 3) });
  const plain = await both(dir);
  const file = join(dir, '.git/objects/info/commit-graph');
  for (const garbage of [Buffer.from('CGPH\x01\x01\x05\x00' + 'x'.repeat(40)), Buffer.alloc(0), Buffer.from('not a graph at all')]) {
    writeFileSync(file, garbage);
    const h = await both(dir);
    assert.equal(h.walk, 'rev-list');
    assert.deepEqual(h, plain);
  }
  rmSync(file);
  git(dir, ['commit-graph', 'write', '--reachable']);
  // a shallow file means parents the graph names may be cut off: git's own walk decides
  writeFileSync(join(dir, '.git/shallow'), '');
  assert.equal((await both(dir)).walk, 'rev-list');
  rmSync(join(dir, '.git/shallow'));
  assert.equal((await both(dir)).walk, 'commit-graph');
});
