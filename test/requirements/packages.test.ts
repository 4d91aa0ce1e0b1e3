import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packages } from '../../src/requirements/packages.js';
import type { CiStep, OnlineEvidence } from '../../src/evidence/types.js';
import { ctx, makeEvidence, evaluateRule } from '../support/evidence.js';
import { assertSaid } from '../support/messages.js';

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
  assertSaid(packages, r, 'notConsulted', {
    why: ' (offline)',
    distribution: 'the distribution is torch-thing',
    publishing: 'CI publishes with pypa/gh-action-pypi-publish (.github/workflows/release.yml:30)',
    chosen: '',
  });
  assert.ok(r.evidence.some((e) => e.ref === '.github/workflows/release.yml' && e.line === 30));
  const unnamed = run(undefined, { name: undefined });
  assert.equal(unnamed.status, 'unknown');
  assertSaid(packages, unnamed, 'notConsulted', {
    distribution: 'no distribution name was found in pyproject.toml, setup.cfg or setup.py',
    publishing: 'no publishing step was found in CI',
  });
});

test('online: a wheel on PyPI passes; conda-forge alone passes; an older wheel passes and is noted', () => {
  const wheel = run({
    pypi: { distribution: 'torch-thing', exists: true, latest: '1.2.0', wheel: true, url: 'https://pypi.org/project/torch-thing/' },
    errors: {},
  });
  assert.equal(wheel.status, 'pass');
  assertSaid(packages, wheel, 'binary', { name: 'torch-thing', from: 'PyPI with a wheel (1.2.0)', noLatestWheel: '' });
  const conda = run({
    pypi: { distribution: 'torch-thing', exists: false },
    conda: { channel: 'conda-forge', exists: true, latest: '1.2.0' },
    errors: {},
  });
  assert.equal(conda.status, 'pass');
  assertSaid(packages, conda, 'binary', { from: 'conda-forge (1.2.0)' });
  const older = run({
    pypi: { distribution: 'torch-thing', exists: true, latest: '1.3.0', wheel: false, latestWithWheel: '1.2.0' },
    errors: {},
  });
  assert.equal(older.status, 'pass');
  assertSaid(packages, older, 'binary', {
    from: 'PyPI with a wheel (1.2.0)',
    noLatestWheel: '; the latest release 1.3.0 has no wheel',
  });
});

test('online: sdist only fails, absent fails, all yanked fails, each with a fix', () => {
  const sdist = run({
    pypi: { distribution: 'torch-thing', exists: true, latest: '1.0', wheel: false },
    conda: { channel: 'conda-forge', exists: false },
    errors: {},
  });
  assert.equal(sdist.status, 'fail');
  assertSaid(packages, sdist, 'sdistOnly', { notOnConda: ' and not on conda-forge' });
  assert.match(sdist.fix!, /wheel/);
  const none = run({ pypi: { distribution: 'torch-thing', exists: false }, conda: { channel: 'conda-forge', exists: false }, errors: {} });
  assert.equal(none.status, 'fail');
  assertSaid(packages, none, 'notFound', { orConda: ' or conda-forge' });
  const yanked = run({ pypi: { distribution: 'torch-thing', exists: true, wheel: true, allYanked: true }, errors: {} });
  assert.equal(yanked.status, 'fail');
  assertSaid(packages, yanked, 'allYanked', { notOnConda: '' });
});

test('PyPI not answering is unknown with the reason, even when conda-forge says no', () => {
  const r = run({ conda: { channel: 'conda-forge', exists: false }, errors: { pypi: 'pypi.org: 503' } });
  assert.equal(r.status, 'unknown');
  assertSaid(packages, r, 'notConsulted', { consulted: 'was not consulted (conda-forge has no torch-thing)', why: ' (pypi.org: 503)' });
});

test('a package not at the root is named with why it was taken, under whichever message is said', () => {
  const ev = makeEvidence({
    overrides: {
      python: {
        torch: [],
        classifiers: [],
        licenseMeta: [],
        urls: {},
        files: [],
        distribution: { name: 'thing', file: 'python/pyproject.toml', why: 'the only pyproject.toml' },
      },
      online: { pypi: { distribution: 'thing', exists: false }, errors: {} },
    },
  });
  const r = evaluateRule(packages, ev, ctx());
  assertSaid(packages, r, 'notFound', {
    name: 'thing',
    chosen: " The project's package is thing (python/pyproject.toml): the only pyproject.toml.",
  });
  assert.deepEqual(r.measured.distributionChosen, { file: 'python/pyproject.toml', why: 'the only pyproject.toml' });
});
