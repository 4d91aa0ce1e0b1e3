// A cached clone carries a commit-graph, so the history walk reads it instead of inflating every
// commit: written whole after the clone, as a split layer after a fetch that brought new commits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub } from '../support/fake-github.js';
import { buildRepo, tempDir, cleanupTemp } from '../support/repo.js';
import { resolveRemoteTarget } from '../../src/check/remote-target.js';
import { readJudgedHistory } from '../support/history.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';

const fake = new FakeGitHub();
let served = '';
before(async () => {
  const root = tempDir();
  mkdirSync(join(root, 'acme'));
  served = join(root, 'acme', 'widget.git');
  await buildRepo(
    {
      bare: true,
      commits: [
        { date: '2026-10-01T00:00:00Z', files: { 'README.md': 'a\n' } },
        { date: '2026-11-01T00:00:00Z', files: { 'README.md': 'b\n' } },
      ],
    },
    served,
  );
  fake.opts.gitRoot = root;
  await fake.start();
});
after(async () => {
  await fake.stop();
  cleanupTemp();
});

test('a cloned and then fetched cache has a commit-graph the history walk uses', async () => {
  const opts = { cacheDir: tempDir(), cloneBaseUrls: { 'github.com': `${fake.url}/git` } };
  const asOf = new Date('2026-11-27T00:00:00Z');
  const first = await resolveRemoteTarget('acme/widget', opts);
  assert.ok(existsSync(join(first.localGitDir, 'objects', 'info', 'commit-graph')), 'a clone gets a commit-graph');
  const head = () => execFileSync('git', ['rev-parse', 'HEAD'], { cwd: first.localGitDir, encoding: 'utf8' }).trim();
  const h1 = await readJudgedHistory(first.localGitDir, head(), asOf, loadDefaultPolicy());
  assert.equal(h1.history.walk, 'commit-graph');
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'a',
    GIT_AUTHOR_EMAIL: 'a@x',
    GIT_COMMITTER_NAME: 'a',
    GIT_COMMITTER_EMAIL: 'a@x',
    GIT_COMMITTER_DATE: '2026-11-20T00:00:00Z',
    GIT_AUTHOR_DATE: '2026-11-20T00:00:00Z',
  };
  const c = execFileSync('git', ['--git-dir', served, 'commit-tree', '-p', 'main', '-m', 'third', 'main^{tree}'], {
    encoding: 'utf8',
    env,
  }).trim();
  execFileSync('git', ['--git-dir', served, 'update-ref', 'refs/heads/main', c]);
  const second = await resolveRemoteTarget('acme/widget', opts);
  assert.equal(second.refreshed, 'fetched');
  assert.ok(existsSync(join(first.localGitDir, 'objects', 'info', 'commit-graphs', 'commit-graph-chain')), 'a fetch adds a split layer');
  const h2 = await readJudgedHistory(first.localGitDir, head(), asOf, loadDefaultPolicy());
  assert.equal(h2.history.walk, 'commit-graph');
  assert.equal(h2.history.walked, 3);
});

test('a clone whose check fetches blobs gets its commit-graph from that fetch, read the same as one written on its own', async () => {
  const asOf = new Date('2026-11-27T00:00:00Z');
  const base = { cloneBaseUrls: { 'github.com': `${fake.url}/git` } };
  const own = await resolveRemoteTarget('acme/widget', { ...base, cacheDir: tempDir() });
  const byFetch = await resolveRemoteTarget('acme/widget', { ...base, cacheDir: tempDir(), wantsPath: (p) => p === 'README.md' });
  assert.equal(byFetch.refreshed, 'cloned');
  assert.ok(byFetch.resolved, 'the commit was resolved for the blob fetch');
  assert.ok(existsSync(join(byFetch.localGitDir, 'objects', 'info', 'commit-graphs', 'commit-graph-chain')), 'the fetch wrote the graph');
  const head = (dir: string) => execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
  const a = await readJudgedHistory(own.localGitDir, head(own.localGitDir), asOf, loadDefaultPolicy());
  const b = await readJudgedHistory(byFetch.localGitDir, head(byFetch.localGitDir), asOf, loadDefaultPolicy());
  assert.equal(b.history.walk, 'commit-graph');
  assert.deepEqual(b.history, a.history);
});
