// License texts the matcher used to misread (issue 9, class 4): titles and copyright lines that
// SPDX's templates mark optional or variable, one file holding two alternative licenses, the
// LGPL-3.0 shipped beside the GPL it builds on, and a third-party notices file named LICENSE-….
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identifyLicense } from '../../../src/evidence/license/identify.js';
import { extractLicense } from '../../../src/evidence/license/index.js';
import { spdxText, templateLicenseText, templates } from '../../../src/evidence/license/templates.js';
import type { PythonEvidence } from '../../../src/evidence/types.js';
import { makeEvidence } from '../../support/evidence.js';
import { ALLOWLIST } from './corpus.js';

const noPython: PythonEvidence = { torch: [], classifiers: [], licenseMeta: [], urls: {}, files: [] };
const extract = (files: Record<string, string>) => {
  const ev = makeEvidence({ files });
  return extractLicense(ev.tree, ev.files, noPython, ev.problems);
};

test('the PostgreSQL License as projects write it (own title, own copyright and holder) is PostgreSQL, not modified', () => {
  const text = spdxText('PostgreSQL')
    .replace(
      /^PostgreSQL Database Management System\s*\n\s*\(formerly known as Postgres, then as Postgres95\)\s*\n/,
      'PostgreSQL License\n',
    )
    .replace(/Portions Copyright[^\n]*\n\s*\nPortions Copyright[^\n]*\n/, 'Copyright (c) 2021-2025, The Example Tensor Lab\n')
    .replace(/THE UNIVERSITY OF CALIFORNIA/g, 'THE EXAMPLE TENSOR LAB');
  assert.doesNotMatch(text, /Postgres95|University of California/i);
  const r = identifyLicense(text);
  assert.equal(r.spdx, 'PostgreSQL');
  assert.equal(r.modified, false, JSON.stringify(r.differences));
  assert.equal(r.expression, 'PostgreSQL');
  assert.deepEqual(r.differences, []);
});

test("every allowlisted template: its title left out, or another title of the project's own, is still that license", () => {
  const titled = templates().filter((t) => t.kind === 'license' && t.optional > 0 && ALLOWLIST.includes(t.spdx));
  assert.ok(titled.length >= 8, titled.map((t) => t.spdx).join(','));
  for (const t of titled) {
    const text = spdxText(t.spdx);
    const lines = text.split('\n');
    // the title block is the first lines up to the first blank line (or copyright line)
    let end = 0;
    while (end < lines.length && lines[end]!.trim() !== '' && !/^\s*(copyright|portions)/i.test(lines[end]!)) end++;
    const body = lines.slice(end).join('\n');
    const without = identifyLicense(body);
    assert.equal(without.expression, t.spdx, `${t.spdx} without its title: ${JSON.stringify(without.differences)}`);
    const own = identifyLicense(`Tensor Widgets Project License\n\n${body}`);
    assert.equal(own.expression, t.spdx, `${t.spdx} under another title: ${JSON.stringify(own.differences)}`);
    assert.equal(own.modified, false, t.spdx);
  }
});

test('another license\'s title over a text is still a difference (MIT-0\'s words under "MIT License")', () => {
  const r = identifyLicense(spdxText('MIT-0').replace('MIT No Attribution', 'MIT License'));
  assert.equal(r.modified, true);
  assert.ok(
    r.differences.some((d) => d.kind === 'added' && d.text === 'MIT License'),
    JSON.stringify(r.differences),
  );
});

test('one file "dual-licensed under either of Apache-2.0 / MIT, at your option" holding both texts is Apache-2.0 OR MIT', () => {
  const mit = spdxText('MIT').replace('<year> <copyright holders>', '2024 The Widget Authors');
  const text = `Widgets is dual-licensed under either of\n\n- Apache License, Version 2.0\n- MIT license\n\nat your option.\n\n${spdxText('Apache-2.0')}\n\n${mit}\n`;
  const r = identifyLicense(text);
  assert.equal(r.modified, false, JSON.stringify(r.differences));
  assert.equal(r.expression, 'Apache-2.0 OR MIT');
  assert.deepEqual(
    r.parts.filter((p) => p.kind === 'license').map((p) => p.spdx),
    ['Apache-2.0', 'MIT'],
  );
  // the same two texts without the sentence that makes them a choice are both binding, not a choice
  assert.notEqual(identifyLicense(`${spdxText('Apache-2.0')}\n\n${mit}\n`).expression, 'Apache-2.0 OR MIT');
});

test('LGPL-3.0 as LICENSE (the LGPL) + LICENSE.GPL (the GPL it builds on) is LGPL-3.0-only; a GPL-3.0 alone stays GPL', () => {
  const r = extract({ LICENSE: templateLicenseText('LGPL-3.0-only'), 'LICENSE.GPL': spdxText('GPL-3.0-only') });
  assert.equal(r.expression, 'LGPL-3.0-only');
  assert.match(r.files.find((f) => f.path === 'LICENSE.GPL')!.reason!, /builds on/);
  assert.equal(extract({ LICENSE: spdxText('GPL-3.0-only'), 'LICENSE-MIT': spdxText('MIT') }).expression, 'GPL-3.0-only AND MIT');
});

test("LICENSE-3RD-PARTY (notices for vendored code) is third-party licensing, not part of the project's expression", () => {
  const notices = `Third-party software bundled in this repository\n\nvendor/fastkernels is under the following license:\n\n${spdxText('BSD-3-Clause')}\n`;
  for (const name of ['LICENSE-3RD-PARTY', 'LICENSE-THIRD-PARTY.txt', 'LICENSES_THIRD_PARTY']) {
    const r = extract({ LICENSE: spdxText('MIT'), [name]: notices });
    assert.equal(r.expression, 'MIT', name);
    assert.deepEqual(
      r.files.map((f) => f.path),
      ['LICENSE'],
      name,
    );
    assert.ok(r.thirdParty.includes(name), `${name}: ${r.thirdParty.join(',')}`);
  }
});
