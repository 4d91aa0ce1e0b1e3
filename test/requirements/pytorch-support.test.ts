import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pytorchSupport } from '../../src/requirements/pytorch-support.js';
import type { TorchDeclaration } from '../../src/evidence/types.js';
import { assertSaid } from '../support/messages.js';
import { ctx, makeEvidence, evaluateRule } from '../support/evidence.js';

const RELEASES = [
  { version: '2.11.0', date: '2026-03-23' },
  { version: '2.10.0', date: '2026-01-21' },
  { version: '2.9.0', date: '2025-10-15' },
];
const AS_OF = '2026-04-01T00:00:00.000Z';

function judge(torch: TorchDeclaration[], asOf = AS_OF) {
  const ev = makeEvidence({
    asOf,
    overrides: { torchReleases: RELEASES, python: { torch, classifiers: [], licenseMeta: [], urls: {}, files: [] } },
  });
  return evaluateRule(pytorchSupport, ev, ctx(undefined, asOf));
}

const d = (specifier: string, extra: Partial<TorchDeclaration> = {}): TorchDeclaration => ({
  file: 'pyproject.toml',
  line: 7,
  specifier,
  scope: 'dependencies',
  optional: false,
  ...extra,
});

test('unbounded and bounded ranges that admit 2.11 and 2.10 pass, with measured keys', () => {
  for (const s of ['', '>=2.0', '>=2.10', '~=2.10', '>=2.0,<3']) {
    const r = judge([d(s)]);
    assert.equal(r.status, 'pass', s);
    assert.deepEqual(r.measured.latest, ['2.11', '2.10']);
    assert.deepEqual(r.measured.admitted, { '2.11': true, '2.10': true });
    assert.deepEqual(r.measured.declaredIn, ['pyproject.toml:7']);
    assert.equal(r.evidence[0]?.line, 7);
  }
});

test('excluding the latest release fails with a fix naming the specifier to write', () => {
  let r = judge([d('==1.10.0', { file: 'setup.py', line: 12, scope: 'install_requires' })]);
  assert.equal(r.status, 'fail');
  assertSaid(pytorchSupport, r, 'excludesLatest', { latest: '2.11' });
  assert.match(r.fix!, /change torch==1.10.0 at setup.py:12 to `torch>=2.10`/i);
  r = judge([d('<2.11')]);
  assert.equal(r.status, 'fail');
  r = judge([d('<2.0')]);
  assert.equal(r.status, 'fail');
  assert.match(r.fix!, /`torch>=2.10`/);
});

test('admitting the latest but not the second latest warns', () => {
  for (const s of ['>=2.11', '==2.11.*']) {
    const r = judge([d(s)]);
    assert.equal(r.status, 'warn', s);
    assertSaid(pytorchSupport, r, 'excludesOlder', { latest: '2.11', missing: '2.10', n: 2 });
    assert.match(r.fix!, /torch>=2.10/);
  }
});

test('a release on the asOf day is the latest; the day before, the previous two are', () => {
  assert.equal(judge([d('<2.11')], '2026-03-23T00:00:00.000Z').status, 'fail');
  const before = judge([d('<2.11')], '2026-03-22T23:59:59.000Z');
  assert.equal(before.status, 'pass');
  assert.deepEqual(before.measured.latest, ['2.10', '2.9']);
});

test('torch absent anywhere is review, with a fix', () => {
  const r = judge([]);
  assert.equal(r.status, 'review');
  assertSaid(pytorchSupport, r, 'undeclared');
  assert.ok(r.fix);
});

test('extras only counts as declared and says so; markers are shown', () => {
  const r = judge([d('>=2.1', { scope: 'optional:torch', optional: true, marker: 'python_version >= "3.10"' })]);
  assert.equal(r.status, 'pass');
  assert.equal(r.message?.data['extras'], pytorchSupport.meta.messages['optionalOnly']);
  assert.match(r.evidence[0]!.detail!, /optional:torch; python_version >= "3.10"/);
});

test('install metadata outranks a pinned requirements file; both are reported', () => {
  const r = judge([d('==2.1.0', { file: 'requirements.txt', line: 3, scope: 'requirements' }), d('>=2.0')]);
  assert.equal(r.status, 'pass');
  assert.equal(r.message?.data['others'], '; 1 other declaration reported');
  assert.equal((r.measured.declarations as unknown[]).length, 2);
  assert.deepEqual(
    r.evidence.map((e) => e.ref),
    ['pyproject.toml', 'requirements.txt'],
  );
});

test('Poetry caret and conda `=2.10`', () => {
  assert.equal(judge([d('^2.1', { syntax: 'poetry', scope: 'poetry' })]).status, 'pass');
  assert.equal(judge([d('^1.13', { syntax: 'poetry', scope: 'poetry' })]).status, 'fail');
  const conda = judge([d('=2.10', { file: 'environment.yml', syntax: 'conda', scope: 'conda-env' })]);
  assert.equal(conda.status, 'fail');
  assert.match(conda.fix!, /`pytorch>=2.10`/);
});

test('an unreadable specifier is review; a short release list is unknown', () => {
  assert.equal(judge([d('{{ pytorch }}', { syntax: 'conda', scope: 'conda-recipe:run' })]).status, 'review');
  const ev = makeEvidence({
    asOf: AS_OF,
    overrides: { torchReleases: RELEASES.slice(2), python: { torch: [d('>=2.0')], classifiers: [], licenseMeta: [], urls: {}, files: [] } },
  });
  assert.equal(evaluateRule(pytorchSupport, ev, ctx(undefined, AS_OF)).status, 'unknown');
});

test('torch only in docs, examples or benchmarks requirements is not declared by the project: review, naming them', () => {
  const docs = d('>=2.0', { file: 'docs/requirements.txt', line: 3, scope: 'requirements', optional: true });
  const example = d('', { file: 'examples/optuna/requirements.txt', line: 1, scope: 'requirements', optional: true });
  const r = judge([docs, example]);
  assert.equal(r.status, 'review');
  assert.match(
    r.summary,
    /appears only in files for docs, examples, baselines, benchmarks or tests: docs\/requirements.txt:3 and examples\/optuna\/requirements.txt:1/,
  );
  // a test or dev requirements file still declares it (optional), and the docs one is only reported
  const tests = d('>=2.10', { file: 'requirements-test.txt', line: 2, scope: 'requirements', optional: true });
  const both = judge([docs, tests]);
  assert.equal(both.status, 'pass');
  assert.deepEqual(both.measured.declaredIn, ['requirements-test.txt:2']);
  assert.match(both.summary, /requirements-test.txt:2/);
});
