// Door: the license text (issue 11). An applicant can't make a license that costs money, depends
// on who you are, or pulls in other terms read as a plain permissive license: any added sentence
// that conditions, restricts or extends the grant is a modification, never a notice, and so is any
// unexplained sentence inside the license body. Rule 7 fails and shows the added words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identifyLicense } from '../../src/evidence/license/identify.js';
import { extractLicense } from '../../src/evidence/license/index.js';
import { spdxText } from '../../src/evidence/license/templates.js';
import { permissiveLicense } from '../../src/requirements/permissive-license.js';
import type { PythonEvidence } from '../../src/evidence/types.js';
import { makeEvidence, ctx, evaluateRule } from '../support/evidence.js';

const noPython: PythonEvidence = { torch: [], classifiers: [], licenseMeta: [], urls: {}, files: [] };
const mit = spdxText('MIT').replace('<year> <copyright holders>', '2025 Widget Labs');
const seven = (text: string) => {
  const ev = makeEvidence({ files: { LICENSE: text } });
  ev.license = extractLicense(ev.tree, ev.files, noPython, ev.problems);
  return evaluateRule(permissiveLicense, ev, ctx());
};

test('MIT plus a paid-licence clause for companies fails requirement 7, showing the clause', () => {
  for (const clause of [
    'Companies with more than 25 employees must purchase a commercial licence before using the Software.',
    'Organisations with annual revenue over one million dollars need to buy an enterprise license from Widget Labs.',
    'Commercial users shall pay a yearly fee to the copyright holder.',
  ]) {
    const r = seven(`${mit}\n\n${clause}\n`);
    assert.equal(r.status, 'fail', `${clause}: ${r.summary}`);
    assert.match(r.summary, /added restrictions/);
    assert.ok(
      r.evidence.some((e) => e.detail?.startsWith('added: ') && e.detail.includes(clause.split(' ').slice(0, 3).join(' '))),
      JSON.stringify(r.evidence),
    );
  }
});

test('MIT plus "TERMS.md forms part of this license" fails requirement 7: other terms pulled into the grant', () => {
  for (const clause of [
    'The terms in TERMS.md form part of this license.',
    'TERMS.md is incorporated into this license by reference.',
    'Use is also subject to the additional terms in TERMS.md.',
  ]) {
    const r = seven(`${mit}\n\n${clause}\n`);
    assert.equal(r.status, 'fail', `${clause}: ${r.summary}`);
    assert.ok(
      r.evidence.some((e) => /TERMS/.test(e.detail ?? '')),
      JSON.stringify(r.evidence),
    );
  }
});

test('an unmatched sentence between two sentences of the license body is a modification, however plain', () => {
  const r = identifyLicense(mit.replace('The above copyright notice', 'See TERMS.md for details. The above copyright notice'));
  assert.equal(r.modified, true);
  assert.ok(
    r.differences.some((d) => d.kind === 'added' && d.text === 'See TERMS md for details'),
    JSON.stringify(r.differences),
  );
  assert.equal(seven(mit.replace('The above copyright notice', 'See TERMS.md for details. The above copyright notice')).status, 'review');
});

test("what is not a change of the grant stays allowed: a notice after the license, a filled-in holder, a title of the project's own", () => {
  assert.equal(seven(`${mit}\n\nThis project bundles third-party code; see THIRD_PARTY_NOTICES.md for their licenses.\n`).status, 'pass');
  assert.equal(seven(`Widget Labs License\n\n${mit.replace(/^MIT License\n/, '')}`).status, 'pass');
  assert.equal(seven(mit.replace('THE AUTHORS OR COPYRIGHT HOLDERS', 'WIDGET LABS')).status, 'pass');
});
