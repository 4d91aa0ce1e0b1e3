// An online check asks PyPI for torch's releases itself (conditionally, through the HTTP cache),
// so "the latest two releases" is today's pair even when the local list is stale; a list the user
// chose stays in use, and PyPI failing leaves the local list, named in the report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { FakeGitHub } from '../support/fake-github.js';
import { FakePyPI } from '../support/fake-pypi.js';
import { buildRepo, tempDir, cleanupTemp } from '../support/repo.js';
import { check } from '../../src/check/index.js';
import { BUNDLED_TORCH_RELEASES } from '../../src/evidence/torch-releases.js';

const gh = new FakeGitHub({ tokens: { good: {} } });
const pypi = new FakePyPI();
const asOf = new Date('2026-11-27T00:00:00Z');
const saved = { XDG_DATA_HOME: process.env.XDG_DATA_HOME, STEWARD_TORCH_RELEASES: process.env.STEWARD_TORCH_RELEASES };

before(async () => {
  process.env.XDG_DATA_HOME = tempDir();
  delete process.env.STEWARD_TORCH_RELEASES;
  await gh.start();
  await pypi.start();
  gh.addRepo({ owner: 'acme', name: 'fresh', stars: 50 });
});
after(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await gh.stop();
  await pypi.stop();
  cleanupTemp();
});

const whl = (v: string, uploaded: string) => [{ filename: `torch-${v}-cp312-cp312-manylinux_2_28_x86_64.whl`, uploaded }];

async function clone(): Promise<string> {
  const dir = await buildRepo({
    commits: [
      { date: '2026-11-01T00:00:00Z', files: { 'pyproject.toml': '[project]\nname = "fresh"\ndependencies = ["torch>=2.12,<2.14"]\n' } },
    ],
  });
  execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/fresh.git'], { cwd: dir });
  return dir;
}

test('online: the list comes from PyPI, the second check costs a 304; a chosen list is kept; a PyPI failure keeps the local list', async () => {
  const cacheDir = tempDir();
  const online = {
    baseUrls: { github: gh.url, pypi: pypi.url, conda: pypi.url },
    cacheDir,
    tokens: [{ token: 'good', origin: 'GITHUB_TOKEN' as const }],
    retryBaseMs: 5,
  };
  const dir = await clone();
  // PyPI does not know torch yet: the bundled list stays, and 1 says which list it used
  const before = await check(dir, { asOf, online });
  assert.equal(before.evidence.torchReleaseList?.why, 'bundled');
  assert.ok(
    before.report.sources.some(
      (s) => s.name === 'pypi' && /torch release list/.test(s.detail ?? '') && /the local torch release list was used/.test(s.error ?? ''),
    ),
  );

  pypi.addProject({
    name: 'torch',
    releases: {
      '2.11.0': whl('2.11.0', '2026-03-23T17:00:00Z'),
      '2.12.0': whl('2.12.0', '2026-06-10T17:00:00Z'),
      '2.12.1': whl('2.12.1', '2026-07-01T17:00:00Z'),
      '2.13.0': whl('2.13.0', '2026-09-02T17:00:00Z'),
      '2.14.0': whl('2.14.0', '2026-12-15T17:00:00Z'),
    },
  });
  pypi.log = [];
  const first = await check(dir, { asOf, online });
  assert.equal(first.evidence.torchReleaseList?.why, 'pypi');
  assert.equal(first.evidence.torchReleaseList?.source, `${pypi.url}/pypi/torch/json`);
  assert.deepEqual(
    first.evidence.torchReleases.map((r) => r.version),
    ['2.13.0', '2.12.0', '2.11.0'],
    'releases after the evaluation date are left out',
  );
  const one = first.report.requirements.find((r) => r.key === 'pytorch-support')!;
  assert.equal(one.status, 'pass', one.summary);
  assert.deepEqual(one.measured.latest, ['2.13', '2.12']);
  assert.match(
    one.summary,
    /Judged against PyPI's torch releases \(.*\/pypi\/torch\/json\) of \d{4}-\d{2}-\d{2} \(newest 2\.13\.0, 2026-09-02\)\.$/,
  );
  assert.deepEqual(
    pypi.log.filter((l) => l.path === '/pypi/torch/json').map((l) => l.status),
    [200],
  );

  pypi.log = [];
  await check(dir, { asOf, online });
  assert.deepEqual(
    pypi.log.filter((l) => l.path === '/pypi/torch/json').map((l) => l.status),
    [304],
    'asked conditionally, answered from the cache',
  );

  pypi.log = [];
  const chosen = await check(dir, { asOf, online, torchReleasesFile: BUNDLED_TORCH_RELEASES });
  assert.equal(chosen.evidence.torchReleaseList?.why, 'option');
  assert.equal(pypi.log.filter((l) => l.path === '/pypi/torch/json').length, 0, 'a list the user chose is not replaced');
  assert.equal(chosen.report.requirements.find((r) => r.key === 'pytorch-support')!.status, 'review', 'and it does not know 2.12');
});
