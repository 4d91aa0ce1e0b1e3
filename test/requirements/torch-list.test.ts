// Rule 1 names the torch release list it judged against and its date; a list older than
// torch's release cadence at the evaluation date, or one that does not know a version the
// repository names, turns the verdict into review with `steward data refresh` as the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pytorchSupport } from '../../src/requirements/pytorch-support.js';
import { ongoingMaintenance } from '../../src/requirements/ongoing-maintenance.js';
import type { Evidence, TorchDeclaration, TorchReleaseListInfo } from '../../src/evidence/types.js';
import { ctx, makeEvidence, evaluateRule } from '../support/evidence.js';
import { dailyCommits, rawHistory } from '../support/history.js';

const RELEASES = [
  { version: '2.11.0', date: '2026-03-23' },
  { version: '2.10.0', date: '2026-01-21' },
];
const BUNDLED: TorchReleaseListInfo = { source: '/opt/steward/data/torch-releases.json', why: 'bundled', asOf: '2026-03-23' };
const d = (specifier: string, extra: Partial<TorchDeclaration> = {}): TorchDeclaration => ({
  file: 'pyproject.toml',
  line: 7,
  specifier,
  scope: 'dependencies',
  optional: false,
  ...extra,
});

function evidence(torch: TorchDeclaration[], asOf: string, list: TorchReleaseListInfo | undefined = BUNDLED): Evidence {
  const ev = makeEvidence({
    asOf,
    overrides: {
      torchReleases: RELEASES,
      python: { torch, classifiers: [], licenseMeta: [], urls: {}, files: [] },
      tags: { count: 1, latest: { name: 'v1', date: '2026-01-01T00:00:00Z', commit: 'a'.repeat(40) } },
    },
  });
  if (list) ev.torchReleaseList = list;
  ev.history = rawHistory(asOf, dailyCommits(asOf, 3));
  return ev;
}
const one = (torch: TorchDeclaration[], asOf: string, list?: TorchReleaseListInfo) =>
  evaluateRule(pytorchSupport, evidence(torch, asOf, list), ctx(undefined, asOf));

test('the list judged against is named with its date and newest release', () => {
  const r = one([d('>=2.0')], '2026-04-01T00:00:00.000Z');
  assert.equal(r.status, 'pass');
  assert.match(r.summary, / Judged against the bundled torch release list of 2026-03-23 \(newest 2\.11\.0, 2026-03-23\)\.$/);
  assert.deepEqual(r.measured.releaseList, {
    name: 'the bundled torch release list',
    asOf: '2026-03-23',
    newest: { version: '2.11.0', date: '2026-03-23' },
    unknownVersions: [],
  });
});

test('a list more than 122 days older than the evaluation date: review, pointing at steward data refresh', () => {
  // 2026-03-23 + 122 days = 2026-07-23: still trusted; a day later it is not
  assert.equal(one([d('>=2.0')], '2026-07-23T00:00:00.000Z').status, 'pass');
  const r = one([d('>=2.0')], '2026-07-24T00:00:00.000Z');
  assert.equal(r.status, 'review');
  assert.match(
    r.summary,
    /^The bundled torch release list is from 2026-03-23, 123 days before the evaluation date, longer than torch's usual release cadence/,
  );
  assert.match(r.fix!, /^Refresh the torch release list with `steward data refresh`/);
  // a fail judged against a stale list is no more trustworthy than a pass
  assert.equal(one([d('<2.11')], '2026-09-01T00:00:00.000Z').status, 'review');
  // a list whose date is not known (evidence stored before lists were recorded) is not called stale
  assert.equal(one([d('>=2.0')], '2026-09-01T00:00:00.000Z', { source: 'x.json', why: 'option' }).status, 'pass');
});

test('a repository naming a torch version the list does not know: review, whatever the date', () => {
  for (const [spec, unknown] of [
    ['==2.13.0', ['2.13.0']],
    ['==2.12.*', ['2.12']],
    ['>=2.12', ['2.12']],
    ['~=2.12.1', ['2.12.1']],
  ] as const) {
    const r = one([d(spec)], '2026-04-01T00:00:00.000Z');
    assert.equal(r.status, 'review', spec);
    assert.deepEqual((r.measured.releaseList as { unknownVersions: string[] }).unknownVersions, unknown, spec);
    assert.match(
      r.summary,
      /^The repository names torch .*, which the bundled torch release list does not know \(its newest is 2\.11\.0 of 2026-03-23\)\./,
      spec,
    );
  }
  const wheel = one(
    [d('', { url: 'https://download.pytorch.org/whl/cu124/torch-2.13.0%2Bcu124-cp311-cp311-linux_x86_64.whl' })],
    '2026-04-01T00:00:00.000Z',
  );
  assert.equal(wheel.status, 'review');
  // upper bounds and exclusions name versions only to keep them out
  for (const spec of ['<2.13', '>=2.0,<2.12', '>=2.10,!=2.12.0', '<=2.11.5'])
    assert.equal(one([d(spec)], '2026-04-01T00:00:00.000Z').status, 'pass', spec);
  // a version the list knows, even a docs-only one, is no concern
  assert.equal(
    one([d('>=2.10'), d('==2.11.0', { file: 'docs/requirements.txt', scope: 'requirements' })], '2026-04-01T00:00:00.000Z').status,
    'pass',
  );
});

test('requirement 10 judges torch support on the same list, and says so', () => {
  const asOf = '2026-04-01T00:00:00.000Z';
  const r = evaluateRule(ongoingMaintenance, evidence([d('==2.13.0')], asOf), ctx(undefined, asOf));
  assert.equal(r.status, 'review');
  assert.match(
    r.summary,
    /^Torch support was judged against the bundled torch release list of 2026-03-23 \(newest 2\.11\.0, 2026-03-23\), but the repository names torch 2\.13\.0/,
  );
  assert.match(r.fix!, /steward data refresh/);
});
