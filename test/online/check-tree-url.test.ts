// `steward check https://github.com/OWNER/REPO/tree/<branch>/<path>`: the project in that folder,
// at that branch (split by the repository's branch list when the branch holds a `/`),
// unless --rev or --path say otherwise; the blobs fetched into the blobless clone are the folder's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub } from '../support/fake-github.js';
import { FakePyPI } from '../support/fake-pypi.js';
import { buildRepo, tempDir, cleanupTemp } from '../support/repo.js';
import { check } from '../../src/check/index.js';

const gh = new FakeGitHub({ tokens: { good: {} } });
const pypi = new FakePyPI();
const asOf = new Date('2026-11-27T00:00:00Z');
let options: Parameters<typeof check>[1] = {};

before(async () => {
  const gitRoot = tempDir();
  mkdirSync(join(gitRoot, 'acme'));
  await buildRepo(
    {
      bare: true,
      commits: [
        {
          date: '2026-10-01T00:00:00Z',
          files: { 'README.md': '# mono\n', 'sub/dir/pyproject.toml': '[project]\nname = "subdir"\ndependencies = ["torch>=2.0"]\n' },
        },
        {
          date: '2026-10-02T00:00:00Z',
          files: { 'sub/dir/pyproject.toml': '[project]\nname = "subdir"\ndependencies = ["torch>=2.10"]\n' },
          branch: 'release/1.0',
          parents: [0],
        },
      ],
    },
    join(gitRoot, 'acme', 'mono.git'),
  );
  gh.opts.gitRoot = gitRoot;
  await gh.start();
  await pypi.start();
  gh.addRepo({ owner: 'acme', name: 'mono', stars: 5 });
  options = {
    asOf,
    online: {
      baseUrls: { github: gh.url, pypi: pypi.url, conda: pypi.url },
      cacheDir: false,
      tokens: [{ token: 'good', origin: 'GITHUB_TOKEN' }],
      retryBaseMs: 5,
    },
    remote: { cacheDir: tempDir(), cloneBaseUrls: { 'github.com': `${gh.url}/git` } },
  };
});
after(async () => {
  await gh.stop();
  await pypi.stop();
  cleanupTemp();
});

test('a /tree/<branch>/<path> URL: a branch holding a / is found by the branch list, its head is checked, the folder is the project', async () => {
  const { report, evidence } = await check('https://github.com/acme/mono/tree/release/1.0/sub/dir', options);
  assert.equal(report.target.path, 'sub/dir');
  assert.equal(report.target.rev, 'release/1.0');
  assert.equal(evidence.python.distribution?.name, 'subdir');
  assert.deepEqual(
    evidence.python.torch.map((t) => `${t.file} ${t.specifier}`),
    ['pyproject.toml >=2.10'],
    'the head of release/1.0, not of main',
  );
  // --rev and --path win over the URL's
  const main = await check('https://github.com/acme/mono/tree/release/1.0/sub/dir', { ...options, rev: 'main', path: 'sub' });
  assert.equal(main.report.target.path, 'sub');
  assert.deepEqual(
    main.evidence.python.torch.map((t) => `${t.file} ${t.specifier}`),
    ['dir/pyproject.toml >=2.0'],
  );
  await assert.rejects(
    check('https://github.com/acme/mono/tree/nobranch/sub', options),
    /names the branch "nobranch\/sub" \(or a prefix of it\), which https:\/\/github\.com\/acme\/mono does not have/,
  );
});
