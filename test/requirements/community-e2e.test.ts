// Requirements 3–6, 11 and 14–19 through check() on real git repositories: files read from git at
// the evaluated commit, symlinks, a binary README and a 50 MB README.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildRepo, cleanupTemp } from '../support/repo.js';
import { check } from '../../src/check/index.js';
import type { Result } from '../../src/requirements/types.js';

after(cleanupTemp);

const AS_OF = new Date('2026-11-27T00:00:00Z');
const byKey = (results: Result[]) => Object.fromEntries(results.map((r) => [r.key, r]));

const README = `# Proj

[![CI](https://github.com/o/proj/actions/workflows/ci.yml/badge.svg)](https://github.com/o/proj/actions)

Proj trains and evaluates PyTorch models on streaming data, with reproducible
pipelines, checkpointing that survives preemption, and metrics you can compare across
runs without writing glue code for every new experiment.

## Installation

\`\`\`bash
pip install proj
\`\`\`

## Releases

We cut a release every month; see the [changelog](CHANGELOG.md).

Full documentation: https://proj.readthedocs.io/en/latest/
`;

test('a well-kept repository passes every community requirement it can measure offline', async () => {
  const dir = await buildRepo({
    commits: [
      {
        date: '2026-11-01T00:00:00Z',
        files: {
          'README.md': README,
          'CHANGELOG.md': '# 1.0\n',
          'LICENSE.md': 'MIT License\n',
          'GOVERNANCE.md': '# Governance\n\nMaintainers decide by lazy consensus.\n',
          '.github/CONTRIBUTING.md': 'Open a pull request.\n',
          '.github/CODEOWNERS': '* @alice @bob\n\n# Emeritus\n# @carol\n',
          'docs/CODE_OF_CONDUCT.md':
            'This project follows the LF Projects Code of Conduct: https://lfprojects.org/policies/code-of-conduct/\n',
          'docs/index.md': '# Proj\n',
          'docs/usage.md': '# Usage\n',
          'docs/api.md': '# API\n',
        },
      },
    ],
  });
  const { report, evidence } = await check(dir, { asOf: AS_OF, offline: true });
  const r = byKey(report.requirements);
  for (const key of [
    'governance',
    'user-experience',
    'quick-start',
    'documentation',
    'core-maintainers',
    'license-file',
    'readme',
    'contributing',
    'codeowners',
    'code-of-conduct',
  ]) {
    assert.equal(r[key]?.status, 'pass', `${key}: ${r[key]?.summary}`);
  }
  assert.equal(r['stars']?.status, 'unknown');
  assert.equal(r['license-file']?.measured['exactName'], true);
  assert.equal(r['user-experience']?.measured['readmeWords'], 31);
  assert.equal(r['quick-start']?.measured['installCommand'], 'pip install proj');
  assert.equal(r['documentation']?.measured['source'], 'docs/');
  assert.deepEqual(r['core-maintainers']?.measured['maintainers'], ['@alice', '@bob']);
  assert.equal(r['code-of-conduct']?.measured['kind'], 'linux-foundation');
  // only the files the requirements need were read
  assert.ok(evidence.files['README.md']?.text);
  assert.equal(evidence.files['docs/usage.md'], undefined);
  assert.equal(evidence.files['CHANGELOG.md'], undefined);
});

test('an untended repository: each missing file fails with a fix; wrong names and places explained', async () => {
  const dir = await buildRepo({
    commits: [
      {
        date: '2026-11-01T00:00:00Z',
        files: {
          'readme.txt': 'proj\n',
          'LICENSE-MIT': 'MIT License\n',
          '.github/codeowners': '* @alice\n',
          'CODE_OF_CONDUCT.md': { symlink: '../../org/CODE_OF_CONDUCT.md' },
          'src/CONTRIBUTING.md': 'x\n',
        },
      },
    ],
  });
  const { report } = await check(dir, { asOf: AS_OF, offline: true });
  const r = byKey(report.requirements);
  for (const key of [
    'governance',
    'user-experience',
    'quick-start',
    'documentation',
    'core-maintainers',
    'contributing',
    'codeowners',
    'code-of-conduct',
  ]) {
    assert.equal(r[key]?.status, 'fail', `${key}: ${r[key]?.summary}`);
    assert.ok(r[key]?.fix, `${key} has a fix`);
  }
  assert.equal(r['license-file']?.status, 'warn');
  assert.equal(r['readme']?.status, 'warn');
  assert.match(r['codeowners']!.summary, /must be exactly CODEOWNERS/);
  assert.match(r['code-of-conduct']!.summary, /outside the repository/);
  assert.equal(report.verdict, 'fail');
});

test('a binary README, an invalid UTF-8 CONTRIBUTING and a 50 MB README are handled without a crash', async () => {
  const big = Buffer.alloc(50 * 1024 * 1024, 'word ');
  const dir = await buildRepo({
    commits: [
      {
        date: '2026-10-01T00:00:00Z',
        files: {
          'README.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
          'CONTRIBUTING.md': Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x21]),
        },
      },
      { date: '2026-11-01T00:00:00Z', files: { 'README.rst': big } },
    ],
  });
  const t0 = Date.now();
  const { report, evidence } = await check(dir, { asOf: AS_OF, offline: true });
  const ms = Date.now() - t0;
  const r = byKey(report.requirements);
  // README.md is binary, so README.rst (truncated at the read limit) is the one read
  assert.equal(evidence.files['README.rst']?.truncated, true);
  assert.equal(r['readme']?.measured['path'], 'README.rst');
  assert.equal(r['user-experience']?.status, 'pass');
  assert.match(r['readme']!.summary, /only the first \d+ characters were read/);
  assert.equal(r['contributing']?.status, 'pass');
  assert.match(r['contributing']!.summary, /not valid UTF-8/);
  for (const res of report.requirements) assert.doesNotMatch(res.summary, /Could not be evaluated/, res.key);
  assert.ok(ms < 20_000, `check took ${ms} ms`);
});
