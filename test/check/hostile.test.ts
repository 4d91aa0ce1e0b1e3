// Hostile repositories: each gives a bounded-time answer with problems reported, never a crash.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildRepo, cleanupTemp } from '../support/repo.js';
import { check } from '../../src/check/index.js';

after(cleanupTemp);

const asOf = new Date('2026-11-27T00:00:00Z');

function byKey(report: Awaited<ReturnType<typeof check>>['report']) {
  return Object.fromEntries(report.requirements.map((r) => [r.key, r]));
}

test('a 50 MB README is read in part, marked truncated, and the check completes quickly', async () => {
  const big = '# Big\n\n' + 'All work and no play makes a README very long. '.repeat(1_100_000);
  assert.ok(big.length > 50_000_000);
  const dir = await buildRepo({ commits: [{ date: '2026-11-01T00:00:00Z', files: { 'README.md': big } }] });
  const started = Date.now();
  const { report, evidence } = await check(dir, { asOf, offline: true });
  assert.ok(Date.now() - started < 10_000, 'bounded time');
  assert.equal(evidence.files['README.md']?.truncated, true);
  assert.ok(report.problems.some((p) => p.file === 'README.md' && /bytes of \d+ were read/.test(p.message)));
  assert.equal(byKey(report)['readme']?.status === 'fail', false, 'a long README is still a README');
});

test('binary and invalid UTF-8 files never crash an extractor', async () => {
  const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
  const dir = await buildRepo({
    commits: [
      {
        date: '2026-11-01T00:00:00Z',
        files: {
          'README.md': junk,
          LICENSE: Buffer.concat([Buffer.from('MIT License\n'), Buffer.from([0xff, 0xfe, 0xfd])]),
          'pyproject.toml': Buffer.from([0x5b, 0x70, 0xff, 0x5d, 0x0a]),
          CODEOWNERS: junk,
          '.github/workflows/ci.yml': Buffer.from([0xc3, 0x28, 0x0a]),
          'setup.py': junk,
        },
      },
    ],
  });
  const { report } = await check(dir, { asOf, offline: true });
  assert.equal(report.requirements.length, 19);
  assert.ok(report.problems.some((p) => p.file === 'LICENSE' && /UTF-8/.test(p.message)));
  for (const r of report.requirements) assert.doesNotMatch(r.summary, /Could not be evaluated/, r.key);
});

test('symlinks pointing outside the repository are never followed', async () => {
  const dir = await buildRepo({
    commits: [
      {
        date: '2026-11-01T00:00:00Z',
        files: {
          'README.md': { symlink: '../../../../etc/passwd' },
          LICENSE: { symlink: '/etc/hostname' },
          'CODE_OF_CONDUCT.md': { symlink: '../outside/CODE_OF_CONDUCT.md' },
        },
      },
    ],
  });
  const { report, evidence } = await check(dir, { asOf, offline: true });
  assert.equal(evidence.files['README.md']?.text, undefined);
  assert.equal(evidence.files['README.md']?.symlinkTarget, '../../../../etc/passwd');
  const text = JSON.stringify(report);
  assert.doesNotMatch(text, /root:x:0:0/, 'nothing of /etc/passwd reaches the report');
});

test('malformed TOML and YAML are reported with file and line', async () => {
  const dir = await buildRepo({
    commits: [
      {
        date: '2026-11-01T00:00:00Z',
        files: {
          'pyproject.toml': '[project]\nname = "demo"\ndependencies = ["torch>=2.0"\n',
          '.github/workflows/ci.yml': 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n   steps: [\n',
          'environment.yml': 'name: x\ndependencies:\n  - pytorch\n  - : :\n',
        },
      },
    ],
  });
  const { report } = await check(dir, { asOf, offline: true });
  const toml = report.problems.find((p) => p.file === 'pyproject.toml');
  assert.ok(toml, 'pyproject.toml problem reported');
  assert.equal(typeof toml.line, 'number');
  const yml = report.problems.find((p) => p.file === '.github/workflows/ci.yml');
  assert.ok(yml, 'workflow problem reported');
  assert.equal(typeof yml.line, 'number');
});

test('no commits in the window: activity fails with a fix, nothing crashes', async () => {
  const dir = await buildRepo({ commits: [{ date: '2020-01-01T00:00:00Z', files: { 'README.md': '# Old\n' } }] });
  const { report } = await check(dir, { asOf, offline: true });
  const r = byKey(report);
  assert.equal(r['recent-commits']?.status, 'fail');
  assert.equal(r['recent-commits']?.measured['commits'], 0);
  assert.ok(r['recent-commits']?.fix);
  assert.equal(r['active-contributors']?.status, 'fail');
});
