import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packages } from '../../src/requirements/packages.js';
import type { CiStep, OnlineEvidence } from '../../src/evidence/types.js';
import { ctx, makeEvidence, evaluateRule } from '../support/evidence.js';

const PUBLISH: CiStep = {
  file: '.github/workflows/release.yml',
  line: 30,
  job: 'pypi',
  tool: 'pypa/gh-action-pypi-publish',
  text: 'uses: pypa/gh-action-pypi-publish@release/v1',
};

function run(online: OnlineEvidence | undefined, opts: { name?: string; publish?: CiStep[] } = {}) {
  const name = 'name' in opts ? opts.name : 'torch-thing';
  const ev = makeEvidence({
    overrides: {
      python: {
        torch: [],
        classifiers: [],
        licenseMeta: [],
        urls: {},
        files: [],
        ...(name ? { distribution: { name, file: 'pyproject.toml', line: 2 } } : {}),
      },
      ci: { systems: [], workflows: [], os: [], testSteps: [], publishSteps: opts.publish ?? [] },
      ...(online ? { online } : {}),
    },
  });
  return evaluateRule(packages, ev, ctx());
}

test('offline: unknown, with the distribution measured and the publish step as evidence', () => {
  const r = run(undefined, { publish: [PUBLISH] });
  assert.equal(r.status, 'unknown');
  assert.equal(r.measured.distribution, 'torch-thing');
  assert.match(r.summary, /offline/);
  assert.match(r.summary, /pypa\/gh-action-pypi-publish \(\.github\/workflows\/release\.yml:30\)/);
  assert.ok(r.evidence.some((e) => e.ref === '.github/workflows/release.yml' && e.line === 30));
  const unnamed = run(undefined, { name: undefined });
  assert.equal(unnamed.status, 'unknown');
  assert.match(unnamed.summary, /no distribution name/);
});

test('online: a wheel on PyPI passes; conda-forge alone passes; an older wheel passes and is noted', () => {
  assert.equal(
    run({
      pypi: { distribution: 'torch-thing', exists: true, latest: '1.2.0', wheel: true, url: 'https://pypi.org/project/torch-thing/' },
      errors: {},
    }).status,
    'pass',
  );
  const conda = run({
    pypi: { distribution: 'torch-thing', exists: false },
    conda: { channel: 'conda-forge', exists: true, latest: '1.2.0' },
    errors: {},
  });
  assert.equal(conda.status, 'pass');
  assert.match(conda.summary, /conda-forge/);
  const older = run({
    pypi: { distribution: 'torch-thing', exists: true, latest: '1.3.0', wheel: false, latestWithWheel: '1.2.0' },
    errors: {},
  });
  assert.equal(older.status, 'pass');
  assert.match(older.summary, /latest release 1.3.0 has no wheel/);
});

test('online: sdist only fails, absent fails, all yanked fails, each with a fix', () => {
  const sdist = run({
    pypi: { distribution: 'torch-thing', exists: true, latest: '1.0', wheel: false },
    conda: { channel: 'conda-forge', exists: false },
    errors: {},
  });
  assert.equal(sdist.status, 'fail');
  assert.match(sdist.summary, /only as a source distribution/);
  assert.match(sdist.fix!, /wheel/);
  const none = run({ pypi: { distribution: 'torch-thing', exists: false }, conda: { channel: 'conda-forge', exists: false }, errors: {} });
  assert.equal(none.status, 'fail');
  assert.match(none.summary, /not found on PyPI or conda-forge/);
  const yanked = run({ pypi: { distribution: 'torch-thing', exists: true, wheel: true, allYanked: true }, errors: {} });
  assert.equal(yanked.status, 'fail');
});

test('PyPI not answering is unknown with the reason, even when conda-forge says no', () => {
  const r = run({ conda: { channel: 'conda-forge', exists: false }, errors: { pypi: 'pypi.org: 503' } });
  assert.equal(r.status, 'unknown');
  assert.match(r.summary, /pypi\.org: 503/);
});
