// Rule 7 (permissive licensing) at its edges: allowlisted or not, OR and AND, modified
// with and without restrictions, unidentified, no license at all, and the policy as data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { permissiveLicense } from '../../src/requirements/permissive-license.js';
import { extractLicense } from '../../src/evidence/license/index.js';
import { spdxText, templateLicenseText } from '../../src/evidence/license/templates.js';
import type { PythonEvidence } from '../../src/evidence/types.js';
import { makeEvidence, makePolicy, ctx, evaluateRule } from '../support/evidence.js';
import { assertSaid } from '../support/messages.js';

const noPython: PythonEvidence = { torch: [], classifiers: [], licenseMeta: [], urls: {}, files: [] };

/** Evidence whose license section is gathered from these files, as `steward check` gathers it. */
function judge(files: Record<string, string>, policy = makePolicy(), python = noPython) {
  const ev = makeEvidence({ files });
  ev.license = extractLicense(ev.tree, ev.files, python, ev.problems);
  return evaluateRule(permissiveLicense, ev, ctx(policy));
}

test('7: every allowlisted license text passes, naming the file, method and similarity', () => {
  for (const id of makePolicy().licenses.allow) {
    const r = judge({ LICENSE: spdxText(id) });
    assert.equal(r.status, 'pass', `${id}: ${r.summary}`);
    assert.equal(r.measured['spdx'], id);
    assert.equal(r.measured['file'], 'LICENSE');
    assertSaid(permissiveLicense, r, 'allowed', { expression: id, paths: 'LICENSE', referring: '', note: '' });
  }
});

test('7: copyleft, non-commercial and source-available licenses fail, saying which kind', () => {
  const cases: [string, string][] = [
    ['GPL-3.0-only', 'copyleft'],
    ['LGPL-2.1-only', 'copyleft'],
    ['MPL-2.0', 'copyleft'],
    ['CC-BY-NC-4.0', 'non-commercial'],
    ['SSPL-1.0', 'source-available, not open source'],
  ];
  for (const [id, kind] of cases) {
    const r = judge({ LICENSE: spdxText(id) });
    assert.equal(r.status, 'fail', id);
    assertSaid(permissiveLicense, r, 'notPermissive', { reasons: `the license is ${id} (${kind})`, note: '' });
    assert.ok(r.fix);
  }
  // one license is named once, not restated (`LGPL-3.0-only: LGPL-3.0-only (copyleft)`, poutyne)
  assertSaid(permissiveLicense, judge({ LICENSE: templateLicenseText('LGPL-3.0-only') }), 'notPermissive', {
    reasons: 'the license is LGPL-3.0-only (copyleft)',
  });
});

test('7: a restriction added to a permissive text fails and shows the added words; a removal is review', () => {
  const restricted = judge({ LICENSE: spdxText('BSD-3-Clause') + '\n\nThe Software shall not be used for military purposes.\n' });
  assert.equal(restricted.status, 'fail');
  assertSaid(permissiveLicense, restricted, 'notPermissive');
  assert.match(
    String(restricted.message!.data['reasons']),
    /^LICENSE is BSD-3-Clause with added restrictions \(.*field-of-use restriction/,
  );
  assert.ok(
    restricted.evidence.some((e) => /added: .*military/.test(e.detail ?? '') && typeof e.line === 'number'),
    JSON.stringify(restricted.evidence),
  );

  const removed = judge({ LICENSE: spdxText('BSD-2-Clause').replace(/IN NO EVENT SHALL[^]*SUCH DAMAGE\./, '') });
  assert.equal(removed.status, 'review');
  assertSaid(permissiveLicense, removed, 'needsReview');
  assert.match(
    String(removed.message!.data['reasons']),
    /^LICENSE is a modified BSD-2-Clause text \(\d+ difference\(s\) from the template\)$/,
  );
  assert.ok(removed.evidence.some((e) => /^removed: IN NO EVENT/.test(e.detail ?? '')));
});

test('7: an unidentified text is review with the closest candidates; no license at all fails', () => {
  const odd = judge({
    LICENSE: 'You can do whatever you like with this code, as long as you buy me a beer when we meet. No warranty.\n'.repeat(3),
  });
  assert.equal(odd.status, 'review');
  assertSaid(permissiveLicense, odd, 'needsReview');
  assert.match(String(odd.message!.data['reasons']), /^LICENSE is not identified \(/);
  const none = judge({ 'README.md': '# x\n' }, makePolicy(), {
    ...noPython,
    licenseMeta: [{ value: 'MIT', file: 'pyproject.toml', kind: 'expression' }],
  });
  assert.equal(none.status, 'fail');
  assertSaid(permissiveLicense, none, 'metadataOnly', { source: 'pyproject.toml license-expression', value: 'MIT' });
  assertSaid(permissiveLicense, judge({ 'README.md': '# x\n' }), 'none');
});

test('7: OR needs one allowed branch, AND needs every one', () => {
  const dualMeta: PythonEvidence = {
    ...noPython,
    licenseMeta: [{ value: 'GPL-3.0-only OR MIT', file: 'pyproject.toml', kind: 'expression' }],
  };
  const or = judge({ 'LICENSE-GPL': spdxText('GPL-3.0-only'), 'LICENSE-MIT': spdxText('MIT') }, makePolicy(), dualMeta);
  assert.equal(or.measured['expression'], 'GPL-3.0-only OR MIT');
  assert.equal(or.status, 'pass', or.summary);
  const and = judge({ 'LICENSE-GPL': spdxText('GPL-3.0-only'), 'LICENSE-MIT': spdxText('MIT') });
  assert.equal(and.measured['expression'], 'GPL-3.0-only AND MIT');
  assert.equal(and.status, 'fail');
  assertSaid(permissiveLicense, and, 'notPermissive', { reasons: 'the license is GPL-3.0-only AND MIT: GPL-3.0-only (copyleft)' });
});

test('7: a non-allowlisted license appended after the license proper is review (bundled code or second license?)', () => {
  const r = judge({ LICENSE: spdxText('MIT') + '\n\n----\n\n' + spdxText('GPL-2.0-only') });
  assert.equal(r.status, 'review');
  assertSaid(permissiveLicense, r, 'needsReview');
  assert.match(String(r.message!.data['reasons']), /^LICENSE also holds the GPL-2\.0-only license \(copyleft\) at lines \d+–\d+/);
  const allowed = judge({ LICENSE: spdxText('MIT') + '\n\n----\n\n' + spdxText('Apache-2.0') });
  assert.equal(allowed.status, 'pass');
});

test("7: the allowlist is the policy's: removing an id makes its text fail", () => {
  const policy = makePolicy();
  const strict = makePolicy({ licenses: { allow: policy.licenses.allow.filter((id) => id !== 'MIT') } });
  assert.equal(judge({ LICENSE: spdxText('MIT') }, strict).status, 'fail');
  assert.equal(judge({ LICENSE: spdxText('MIT') }, policy).status, 'pass');
});

test('7: disagreeing metadata is noted without changing the verdict of the text', () => {
  const meta: PythonEvidence = { ...noPython, licenseMeta: [{ value: 'Apache-2.0', file: 'pyproject.toml', kind: 'expression' }] };
  const r = judge({ LICENSE: spdxText('MIT') }, makePolicy(), meta);
  assert.equal(r.status, 'pass');
  const disagreements = r.measured['disagreements'] as string[];
  assert.equal(disagreements.length, 1);
  assert.match(disagreements[0]!, /^pyproject\.toml license-expression says Apache-2\.0, but LICENSE is MIT/);
  assertSaid(permissiveLicense, r, 'allowed', { expression: 'MIT', note: ` Note: ${disagreements[0]}.` });
});

test('7: a notice that only refers to the license passes beside the full text, and is review alone (kornia: COPYRIGHT + LICENSE)', () => {
  const notice = [
    'Copyright (C) 2020-, Example authors, all rights reserved.',
    '',
    'Licensed under the Apache License, Version 2.0 (the "License");',
    'you may not use this file except in compliance with the License.',
    'You may obtain a copy of the License at',
    '',
    '    http://www.apache.org/licenses/LICENSE-2.0',
    '',
    'Unless required by applicable law or agreed to in writing, software',
    'distributed under the License is distributed on an "AS IS" BASIS,',
    'WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.',
    'See the License for the specific language governing permissions and',
    'limitations under the License.',
    '',
  ].join('\n');
  const both = judge({ LICENSE: spdxText('Apache-2.0'), COPYRIGHT: notice });
  assert.equal(both.status, 'pass', both.summary);
  assertSaid(permissiveLicense, both, 'allowed', {
    expression: 'Apache-2.0',
    paths: 'LICENSE',
    method: 'exact',
    similarity: 100,
    referring: '; COPYRIGHT refers to it',
  });
  assert.ok(
    both.evidence.some((e) => e.ref === 'COPYRIGHT' && /reference/.test(e.detail ?? '')),
    JSON.stringify(both.evidence),
  );

  const alone = judge({ COPYRIGHT: notice });
  assert.equal(alone.status, 'review', alone.summary);
  assertSaid(permissiveLicense, alone, 'needsReview', {
    reasons: 'COPYRIGHT only refers to Apache-2.0; it does not hold the license text',
  });

  // The full text of another license does not vouch for the notice's license.
  const other = judge({ LICENSE: spdxText('MIT'), COPYRIGHT: notice });
  assert.notEqual(other.status, 'pass', other.summary);
});

test('7: license files only below the root are judged by their texts, and say so', () => {
  const one = judge({ 'pkg/LICENSE': spdxText('MIT') });
  assert.equal(one.status, 'pass', one.summary);
  assertSaid(permissiveLicense, one, 'elsewhereAllowed', { expressions: 'MIT', paths: 'pkg/LICENSE' });
  const copyleft = judge({ 'pkg/LICENSE': spdxText('GPL-3.0-only') });
  assert.equal(copyleft.status, 'fail', copyleft.summary);
  assertSaid(permissiveLicense, copyleft, 'elsewhereNotPermissive', { reasons: 'pkg/LICENSE is GPL-3.0-only (copyleft)' });
  const mixed = judge({ 'a/LICENSE': spdxText('MIT'), 'b/LICENSE': spdxText('GPL-3.0-only') });
  assert.equal(mixed.status, 'review', mixed.summary);
  assertSaid(permissiveLicense, mixed, 'elsewhereDiffer', { reasons: 'a/LICENSE is MIT; b/LICENSE is GPL-3.0-only (copyleft)' });
});
