// Door: the repository's own commit-graph file. A graph an applicant forged (dates moved into the
// window, checksum recomputed) must count nothing `git log` doesn't see, and a graph with flipped
// bytes must give the normal report, never an internal error.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRepo, cleanupTemp, type CommitSpec } from '../support/repo.js';
import { runCli } from '../support/cli.js';
import { readJudgedHistory } from '../support/history.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';

after(cleanupTemp);

const asOf = new Date('2026-11-27T00:00:00Z');
const UNTIL = asOf.getTime() / 1000;
const policy = loadDefaultPolicy();
const git = (dir: string, args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

/** 60 commits a year old, then 3 in the window. */
async function oldProject(): Promise<string> {
  const commits: CommitSpec[] = [];
  for (let i = 0; i < 60; i++) {
    commits.push({
      date: new Date((UNTIL - 400 * 86_400 + i * 3_600) * 1000),
      author: { name: `Dev ${i % 7}`, email: `dev${i % 7}@example.org` },
      files: { [`f${i}`]: `${i}\n` },
    });
  }
  for (let i = 0; i < 3; i++) commits.push({ date: new Date((UNTIL - (10 - i) * 86_400) * 1000), files: { [`n${i}`]: `${i}\n` } });
  return buildRepo({ commits });
}

function chunk(buf: Buffer, id: string): [number, number] {
  for (let i = 0; i < buf[6]!; i++) {
    const at = 8 + i * 12;
    if (buf.toString('latin1', at, at + 4) === id) return [Number(buf.readBigUInt64BE(at + 4)), Number(buf.readBigUInt64BE(at + 16))];
  }
  throw new Error(`no ${id} chunk`);
}

function rehash(buf: Buffer): void {
  createHash('sha1')
    .update(buf.subarray(0, buf.length - 20))
    .digest()
    .copy(buf, buf.length - 20);
}

function logCount(dir: string): number {
  const since = UNTIL - 90 * 86_400;
  return git(dir, [
    '-c',
    'core.commitGraph=false',
    'log',
    '--no-merges',
    `--since=@${since + 1}`,
    `--until=@${UNTIL}`,
    '--format=%H',
    'HEAD',
  ])
    .split('\n')
    .filter(Boolean).length;
}

test('a commit-graph with dates moved into the window (checksum recomputed) counts only what git log sees', async () => {
  const dir = await oldProject();
  git(dir, ['-c', 'commitGraph.generationVersion=1', 'commit-graph', 'write', '--reachable']);
  const file = join(dir, '.git/objects/info/commit-graph');
  const buf = readFileSync(file);
  const [cdat, end] = chunk(buf, 'CDAT');
  // every commit now claims a committer time five days before the as-of date
  for (let at = cdat; at < end; at += 36) buf.writeUInt32BE(UNTIL - 5 * 86_400, at + 32);
  rehash(buf);
  writeFileSync(file, buf);
  assert.equal(logCount(dir), 3);
  const { history } = await readJudgedHistory(dir, git(dir, ['rev-parse', 'HEAD']), asOf, policy);
  assert.equal(history.commits, 3, `counted ${history.commits}, git log sees 3`);
  assert.equal(history.walk, 'rev-list');
  assert.match(history.graphRejected ?? '', /disagrees with the commit objects/);
});

test('a commit-graph with generation dates lowered to prune the walk changes nothing', async () => {
  const dir = await oldProject();
  git(dir, ['commit-graph', 'write', '--reachable']);
  const file = join(dir, '.git/objects/info/commit-graph');
  const buf = readFileSync(file);
  const [cdat, end] = chunk(buf, 'CDAT');
  for (let at = cdat; at < end; at += 36) buf.writeUInt32BE(UNTIL - 5 * 86_400, at + 32);
  rehash(buf);
  writeFileSync(file, buf);
  const { history } = await readJudgedHistory(dir, git(dir, ['rev-parse', 'HEAD']), asOf, policy);
  assert.equal(history.commits, 3);
});

test('flipped bytes anywhere in the commit-graph: the normal report, the same count, no stack trace', async () => {
  const dir = await oldProject();
  const head = git(dir, ['rev-parse', 'HEAD']);
  const plain = (await readJudgedHistory(dir, head, asOf, policy)).history;
  git(dir, ['commit-graph', 'write', '--reachable']);
  const file = join(dir, '.git/objects/info/commit-graph');
  const good = readFileSync(file);
  let s = 11;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let tried = 0;
  for (let n = 0; n < 40; n++) {
    const buf = Buffer.from(good);
    const at = Math.floor(rand() * buf.length);
    buf[at] = buf[at]! ^ (1 << Math.floor(rand() * 8));
    writeFileSync(file, buf);
    const { history } = await readJudgedHistory(dir, head, asOf, policy);
    assert.equal(history.commits, plain.commits, `byte ${at} flipped`);
    // a graph walk refuses a graph failing its checksum; git's --since walk reads a few dates of it,
    // where a flipped byte can only make it fall back to that walk: the same history either way
    assert.deepEqual({ ...history, walk: 'rev-list', method: 'full-walk', walked: 0 }, { ...plain, walked: 0 }, `byte ${at} flipped`);
    tried++;
  }
  assert.equal(tried, 40);
  // and through the CLI, the report is a report
  const r = await runCli(['check', dir, '--offline', '--as-of', '2026-11-27', '--format', 'json']);
  assert.ok([0, 1, 3].includes(r.code ?? -1), r.stderr);
  assert.doesNotMatch(r.stderr, /\bat .*\.ts:\d+|internal error/i);
  assert.equal(JSON.parse(r.stdout).requirements.length, 19);
});
