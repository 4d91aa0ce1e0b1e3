// Which torch releases a declaration admits (PEP 440, Poetry, conda, URLs), the latest series by
// date, and the judgement over several declarations that requirements 1 and 10 share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toPep440, versionFromUrl } from '../../src/evidence/python/torch.js';
import { admissionOf, judgeTorchSupport, latestSeries, suggestSpecifier } from '../../src/requirements/judge-torch-support.js';
import type { TorchDeclaration } from '../../src/evidence/types.js';

const RELEASES = [
  { version: '2.9.0', date: '2025-10-15' },
  { version: '2.10.0', date: '2026-01-21' },
  { version: '2.11.0', date: '2026-03-23' },
];
const LATEST = ['2.11', '2.10'];

function decl(specifier: string, extra: Partial<TorchDeclaration> = {}): TorchDeclaration {
  return { file: 'pyproject.toml', line: 3, specifier, scope: 'dependencies', optional: false, ...extra };
}

function admitted(specifier: string, extra: Partial<TorchDeclaration> = {}) {
  return admissionOf(decl(specifier, extra), LATEST).admitted;
}

test('PEP 440 edges against 2.11 and 2.10', () => {
  assert.deepEqual(admitted('>=2.10'), { '2.11': true, '2.10': true });
  assert.deepEqual(admitted('>=2.11'), { '2.11': true, '2.10': false });
  assert.deepEqual(admitted('<2.11'), { '2.11': false, '2.10': true });
  assert.deepEqual(admitted('==2.11.*'), { '2.11': true, '2.10': false });
  assert.deepEqual(admitted('~=2.10'), { '2.11': true, '2.10': true });
  assert.deepEqual(admitted('~=2.10.0'), { '2.11': false, '2.10': true });
  assert.deepEqual(admitted('==1.10.0'), { '2.11': false, '2.10': false });
  assert.deepEqual(admitted('<2.0'), { '2.11': false, '2.10': false });
  assert.deepEqual(admitted(''), { '2.11': true, '2.10': true });
  assert.deepEqual(admitted('>=2.0,<3'), { '2.11': true, '2.10': true });
  assert.deepEqual(admitted('!=2.11.*'), { '2.11': false, '2.10': true });
  // a patch release of the series is enough
  assert.deepEqual(admitted('>2.10.0'), { '2.11': true, '2.10': true });
  assert.deepEqual(admitted('==2.10.1'), { '2.11': false, '2.10': true });
  assert.deepEqual(admitted('==2.10.0+cu121'), { '2.11': false, '2.10': true });
  assert.deepEqual(admitted('<=2.10'), { '2.11': false, '2.10': true });
});

test('conda: `=2.10` is 2.10.*, `==2.10` is exact, `|` is or', () => {
  assert.deepEqual(admitted('=2.10', { syntax: 'conda' }), { '2.11': false, '2.10': true });
  assert.deepEqual(admitted('2.11.*', { syntax: 'conda' }), { '2.11': true, '2.10': false });
  assert.deepEqual(admitted('==2.10', { syntax: 'conda' }), { '2.11': false, '2.10': true });
  assert.deepEqual(admitted('=2', { syntax: 'conda' }), { '2.11': true, '2.10': true });
  assert.deepEqual(admitted('2.10.*|>=2.11', { syntax: 'conda' }), { '2.11': true, '2.10': true });
});

test('Poetry caret, tilde, wildcard, exact and `||`', () => {
  assert.deepEqual(toPep440('^2.1', 'poetry'), { alternatives: ['>=2.1,<3'] });
  assert.deepEqual(toPep440('^0.4.1', 'poetry'), { alternatives: ['>=0.4.1,<0.5'] });
  assert.deepEqual(toPep440('~2.10', 'poetry'), { alternatives: ['>=2.10,<2.11'] });
  assert.deepEqual(toPep440('*', 'poetry'), { alternatives: [''] });
  assert.deepEqual(toPep440('2.10.0', 'poetry'), { alternatives: ['==2.10.0'] });
  assert.deepEqual(toPep440('>=2.0 <3 || ^1.13', 'poetry'), { alternatives: ['>=2.0,<3', '>=1.13,<2'] });
  assert.deepEqual(admitted('^2.1', { syntax: 'poetry' }), { '2.11': true, '2.10': true });
  assert.deepEqual(admitted('~2.10', { syntax: 'poetry' }), { '2.11': false, '2.10': true });
  assert.deepEqual(admitted('^1.13', { syntax: 'poetry' }), { '2.11': false, '2.10': false });
});

test('unreadable specifiers and URLs give null admission with the reason', () => {
  const a = admissionOf(decl('>=two'), LATEST);
  assert.deepEqual(a.admitted, { '2.11': null, '2.10': null });
  assert.match(a.error!, /not a PEP 440 specifier/);
  assert.match(admissionOf(decl("{{ pin_compatible('pytorch') }}", { syntax: 'conda' }), LATEST).error!, /template/);
  assert.equal(versionFromUrl('https://download.pytorch.org/whl/cpu/torch-2.10.0%2Bcpu-cp311-cp311-linux_x86_64.whl'), '2.10.0');
  assert.equal(versionFromUrl('git+https://github.com/pytorch/pytorch'), undefined);
  assert.deepEqual(admissionOf(decl('', { url: 'https://x/torch-2.11.0-cp312-none-any.whl' }), LATEST).admitted, {
    '2.11': true,
    '2.10': false,
  });
  assert.equal(admissionOf(decl('', { url: 'file:///src/torch' }), LATEST).admitted['2.11'], null);
  assert.match(admissionOf(decl('>='.repeat(5000)), LATEST).error!, /not a version constraint/);
});

test('latest series by date: a release on the asOf day counts, the day before it does not', () => {
  assert.deepEqual(latestSeries(RELEASES, new Date('2026-03-23T00:00:00Z'), 2), ['2.11', '2.10']);
  assert.deepEqual(latestSeries(RELEASES, new Date('2026-03-22T23:59:59Z'), 2), ['2.10', '2.9']);
  // patch entries and out-of-order input collapse into series, ordered by version
  assert.deepEqual(
    latestSeries(
      [...RELEASES, { version: '2.10.1', date: '2026-02-01' }, { version: '1.13.1', date: '2026-03-01' }],
      new Date('2026-04-01'),
      3,
    ),
    ['2.11', '2.10', '2.9'],
  );
});

test('judging: the best-ranked declarations decide, extras-only is flagged, absence is undeclared', () => {
  const asOf = new Date('2026-04-01T00:00:00Z');
  const pinned = { ...decl('==2.1.0'), file: 'requirements.txt', scope: 'requirements' };
  const meta = decl('>=2.0');
  let j = judgeTorchSupport([pinned, meta], RELEASES, asOf, 2);
  assert.equal(j.outcome, 'admits-all');
  assert.deepEqual(
    j.judged.map((a) => a.declaration.file),
    ['pyproject.toml'],
  );
  j = judgeTorchSupport([pinned], RELEASES, asOf, 2);
  assert.equal(j.outcome, 'excludes-latest');
  j = judgeTorchSupport([decl('>=2.11', { optional: true, scope: 'optional:torch' })], RELEASES, asOf, 2);
  assert.equal(j.outcome, 'excludes-older');
  assert.equal(j.optionalOnly, true);
  // two required declarations with markers: both must admit
  j = judgeTorchSupport(
    [decl('>=2.0', { marker: 'sys_platform == "linux"' }), decl('<2.11', { marker: 'sys_platform == "darwin"' })],
    RELEASES,
    asOf,
    2,
  );
  assert.equal(j.outcome, 'excludes-latest');
  assert.equal(judgeTorchSupport([], RELEASES, asOf, 2).outcome, 'undeclared');
  assert.equal(judgeTorchSupport([meta], RELEASES.slice(0, 1), asOf, 2).outcome, 'no-releases');
  assert.equal(judgeTorchSupport([decl('{{ v }}', { syntax: 'conda' })], RELEASES, asOf, 2).outcome, 'indeterminate');
});

test('suggested specifiers keep a working lower bound, else ask for the oldest supported series', () => {
  assert.equal(suggestSpecifier(decl('>=1.13,<2.0'), LATEST), '>=1.13');
  assert.equal(suggestSpecifier(decl('==1.10.0'), LATEST), '>=2.10');
  assert.equal(suggestSpecifier(decl('>=2.11'), LATEST), '>=2.10');
  assert.equal(suggestSpecifier(decl('^1.13', { syntax: 'poetry' }), LATEST), '>=1.13');
});
