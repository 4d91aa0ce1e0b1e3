// License identification by content: the generated corpus, the shapes of real ecosystem files,
// modifications at the edge of what counts as one, and hostile input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identifyLicense } from '../../../src/evidence/license/identify.js';
import { spdxText, templateAppendixText } from '../../../src/evidence/license/templates.js';
import { buildCorpus, expectedKey, family, lettered, withCopyright, ALLOWLIST, CORPUS_LICENSES } from './corpus.js';

const keyOf = (r: ReturnType<typeof identifyLicense>) =>
  r.spdx ? (r.modified ? `modified:${family(r.spdx)}` : family(r.spdx)) : 'unknown';

test('corpus: at least 400 generated cases, every license under every mutation class', () => {
  const corpus = buildCorpus();
  assert.ok(corpus.length >= 400, `${corpus.length} cases`);
  assert.equal(new Set(corpus.map((c) => c.license)).size, CORPUS_LICENSES.length);
  assert.equal(new Set(corpus.map((c) => c.mutation)).size, 11);
  for (const spdx of ALLOWLIST) assert.ok(corpus.some((c) => c.license === spdx));
});

test('corpus: every case gets its expected answer; nothing non-permissive or modified reads as permissive', () => {
  const wrong: string[] = [];
  const falsePermissive: string[] = [];
  for (const c of buildCorpus()) {
    const r = identifyLicense(c.text);
    const key = keyOf(r);
    const secondFound = !c.expect.second || r.parts.some((p) => p.kind === 'license' && p.spdx === c.expect.second);
    if (key !== expectedKey(c) || !secondFound) wrong.push(`${c.id}: expected ${expectedKey(c)} ${c.expect.second ?? ''}, got ${key}`);
    const permissive = !r.modified && !!r.spdx && ALLOWLIST.includes(r.spdx);
    if (permissive && !c.expect.permissive) falsePermissive.push(c.id);
  }
  assert.deepEqual(falsePermissive, []);
  // The bench reports accuracy; the tests hold the line at 99 % with every miss listed.
  assert.ok(wrong.length <= 4, wrong.join('\n'));
});

// ------------------------------------------------------------- shapes seen in ecosystem projects

function bsd3LetteredWithNames(): string {
  // BSD-3-Clause as some projects ship it: a title, a filled-in copyright, clauses lettered
  // a. b. c., the project named in clause c and "the regents" in the disclaimer.
  const t = lettered(spdxText('BSD-3-Clause'), 'letters')
    .replace('Copyright (c) <year> <owner>. ', 'BSD 3-Clause License\n\nCopyright (c) 2016 The Example Developers.\nAll rights reserved.\n')
    .replace('the name of the copyright holder nor', 'the name of the Example Developers  nor')
    .replace('SHALL THE COPYRIGHT HOLDER OR', 'SHALL THE REGENTS OR');
  return t
    .split('\n')
    .map((l) => (/^[abc]\. /.test(l) ? `  ${l}` : l))
    .join('\n');
}

test('BSD-3-Clause with lettered clauses, names filled in and a title is BSD-3-Clause, unmodified', () => {
  const r = identifyLicense(bsd3LetteredWithNames());
  assert.equal(r.spdx, 'BSD-3-Clause');
  assert.equal(r.modified, false);
  assert.deepEqual(r.differences, []);
  assert.ok(r.confidence >= 0.95, String(r.confidence));
  assert.deepEqual(r.attributions, ['Copyright (c) 2016 The Example Developers.', 'All rights reserved.']);
});

test('MIT followed by a paragraph pointing to third-party NOTICES: MIT, with the paragraph as a notice part', () => {
  const text =
    withCopyright(spdxText('MIT'), 'Copyright (c) Ada Lovelace, Charles Babbage', 'MIT') +
    '\n\nThis software includes third-party code. See the NOTICES file for the relevant\ncopyright notices and license texts.\n';
  const r = identifyLicense(text);
  assert.equal(r.spdx, 'MIT');
  assert.equal(r.expression, 'MIT');
  assert.equal(r.modified, false);
  const notice = r.parts.find((p) => p.kind === 'notice');
  assert.ok(notice, JSON.stringify(r.parts));
  assert.match(notice.excerpt ?? '', /third party code/i);
  assert.equal(r.parts.filter((p) => p.kind === 'license').length, 1);
});

test('NCSA with its placeholders filled in (or left as written) is NCSA', () => {
  const filled = spdxText('NCSA')
    .replace('University of Illinois/NCSA Open Source License', 'University of Illinois/NCSA Open Source License for ExampleFI')
    .replace(
      'Copyright (c) <Year> <Owner Organization Name>. All rights reserved.',
      'Copyright (c) 2021 University of Illinois\nAll rights reserved.',
    )
    .replace(
      'Developed by: <Name of Development Group> <Name of Institution> <URL for Development Group/Institution>',
      'Developed by: \t\tSome Research Group\n                      \tUniversity of Illinois at Urbana-Champaign\n                        http://example.illinois.edu/',
    )
    .replace(/\n\s+\* /g, '\n');
  const r = identifyLicense(filled);
  assert.equal(r.spdx, 'NCSA');
  assert.equal(r.modified, false, JSON.stringify(r.differences));
});

// ------------------------------------------------------------- modifications, at the edge

test('one word that flips meaning ("may not") is a modification; a name swapped in is not', () => {
  const mit = spdxText('MIT');
  const flipped = identifyLicense(mit.replace('to permit persons to whom', 'not to permit persons to whom'));
  assert.equal(flipped.spdx, 'MIT');
  assert.equal(flipped.modified, true);
  assert.deepEqual(
    flipped.differences.map((d) => d.kind),
    ['added'],
  );
  const renamed = identifyLicense(mit.replace('THE AUTHORS OR COPYRIGHT HOLDERS', 'ACME CORP.'));
  assert.equal(renamed.spdx, 'MIT');
  assert.equal(renamed.modified, false);
});

test('an added restriction is listed with its kind and makes the text modified, wherever it sits', () => {
  const base = spdxText('Apache-2.0');
  const middle = base.replace(
    '3. Grant of Patent License.',
    'The Work may not be used for military purposes.\n\n3. Grant of Patent License.',
  );
  const r = identifyLicense(middle);
  assert.equal(r.spdx, 'Apache-2.0');
  assert.equal(r.modified, true);
  const added = r.differences.find((d) => d.kind === 'added');
  assert.ok(added?.restriction, JSON.stringify(r.differences));
  assert.match(added.text, /military/);
  assert.equal(typeof added.line, 'number');
  assert.equal(r.expression, undefined);

  const after = identifyLicense(spdxText('MIT') + '\n\nThis software is provided for non-commercial research purposes only.\n');
  assert.equal(after.modified, true);
  assert.ok(after.restrictions.includes('non-commercial'));
  // …but a notice after the license that only mentions commerce neutrally restricts nothing
  const neutral = identifyLicense(spdxText('MIT') + '\n\nCommercial support is available from Example Inc.\n');
  assert.equal(neutral.modified, false);
  assert.equal(neutral.expression, 'MIT');
});

test('licenses outside the candidate set that add terms to a permissive one are never read as it', () => {
  // Cube: zlib plus "Source versions may not be relicensed … without my explicitly written permission"
  const cube = identifyLicense(spdxText('Cube'));
  assert.equal(cube.spdx, 'Zlib');
  assert.equal(cube.modified, true);
  assert.equal(cube.expression, undefined);
  // FSL: a non-compete source-available license that names Apache-2.0 as its future license
  const fsl = identifyLicense(spdxText('FSL-1.1-ALv2'));
  assert.equal(fsl.method, 'reference');
  assert.equal(fsl.modified, true);
  assert.equal(fsl.expression, undefined);
  // …while BSD-2-Clause with the FreeBSD "views and conclusions" sentence after it is BSD-2-Clause
  const views = identifyLicense(spdxText('BSD-2-Clause-Views'));
  assert.equal(views.expression, 'BSD-2-Clause');
  assert.ok(views.parts.some((p) => p.kind === 'notice'));
});

test('a removed sentence is listed as removed; the license is named as modified', () => {
  const bsd = spdxText('BSD-2-Clause');
  const r = identifyLicense(bsd.replace(/IN NO EVENT SHALL[^]*SUCH DAMAGE\./, ''));
  assert.equal(r.spdx, 'BSD-2-Clause');
  assert.equal(r.modified, true);
  assert.ok(
    r.differences.some((d) => d.kind === 'removed' && /^IN NO EVENT SHALL/.test(d.text)),
    JSON.stringify(r.differences),
  );
  assert.equal(r.restrictions.length, 0);
  // MIT without its attribution condition is, word for word, MIT-0 under MIT's title: never plain MIT.
  const mit = identifyLicense(
    spdxText('MIT').replace(
      /The above copyright notice and this permission notice shall be included in all copies or substantial\s+portions of the Software\./,
      '',
    ),
  );
  assert.equal(mit.modified, true);
  assert.equal(mit.spdx, 'MIT-0');
});

test('siblings are told apart: MIT / MIT-0 / X11, ISC / 0BSD, BSD-2 / BSD-3, GPL-3.0 / AGPL-3.0', () => {
  for (const id of [
    'MIT',
    'MIT-0',
    'X11',
    'ISC',
    '0BSD',
    'BSD-2-Clause',
    'BSD-3-Clause',
    'GPL-3.0-only',
    'AGPL-3.0-only',
    'LGPL-2.1-only',
    'GPL-2.0-only',
  ]) {
    const r = identifyLicense(spdxText(id));
    assert.equal(r.spdx, id, id);
    assert.equal(r.modified, false, id);
  }
});

test('two licenses said to be alternatives form an OR expression; appended ones are parts', () => {
  const dual = identifyLicense(
    'This project is dual-licensed: you may use it under either license, at your option.\n\n' +
      spdxText('MIT') +
      '\n\n---\n\n' +
      spdxText('Apache-2.0'),
  );
  assert.equal(dual.spdx, 'MIT');
  assert.equal(dual.expression, 'MIT OR Apache-2.0');
  const appended = identifyLicense(spdxText('MIT') + '\n\n---\n\n' + spdxText('Apache-2.0'));
  assert.equal(appended.expression, 'MIT');
  assert.deepEqual(
    appended.parts.filter((p) => p.kind === 'license').map((p) => p.spdx),
    ['MIT', 'Apache-2.0'],
  );
  assert.ok(appended.parts.some((p) => p.kind === 'appendix' && p.spdx === 'Apache-2.0'));
});

test('only the "how to apply" notice: named by reference, not as the license text', () => {
  const notice = templateAppendixText('Apache-2.0')!;
  const r = identifyLicense(notice.slice(notice.indexOf('Copyright')));
  assert.equal(r.spdx, 'Apache-2.0');
  assert.equal(r.method, 'reference');
});

test('SPDX-License-Identifier lines and copyright lines of many shapes are read, not matched', () => {
  const r = identifyLicense(
    'SPDX-License-Identifier: MIT\n© 2021 The Foo Authors\n(c) 2023 Bar,\n    Baz and contributors\n\n' +
      spdxText('MIT').replace(/^Copyright.*$/m, ''),
  );
  assert.deepEqual(r.spdxTags, ['MIT']);
  assert.equal(r.spdx, 'MIT');
  assert.equal(r.method, 'exact');
  assert.equal(r.attributions.length, 3);
});

// ------------------------------------------------------------- hostile input

test('hostile input: empty, blank, binary, invalid UTF-8, prose: unknown with a reason', () => {
  assert.match(identifyLicense('').reason ?? '', /empty/);
  assert.match(identifyLicense(' \n\t\r\n').reason ?? '', /empty/);
  assert.match(identifyLicense('\u0000\u0001PNG\u0000binary').reason ?? '', /binary/);
  const invalid = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]).toString('utf8').repeat(200);
  const bad = identifyLicense(invalid);
  assert.equal(bad.spdx, undefined);
  assert.ok(bad.reason);
  const prose = identifyLicense(
    'This is a README. It has nothing to do with licensing at all, but it is long enough to be looked at.\n'.repeat(20),
  );
  assert.equal(prose.spdx, undefined);
  assert.match(prose.reason ?? '', /no candidate/);
  assert.equal(identifyLicense('Copyright 2020 Foo\nAll rights reserved.\n').spdx, undefined);
});

test('hostile input: a 20 MB file gets a bounded-time answer that says what was analysed', () => {
  const big = spdxText('MIT') + '\n' + 'lorem ipsum dolor sit amet '.repeat(Math.ceil(20_000_000 / 27));
  const t0 = performance.now();
  const r = identifyLicense(big);
  const ms = performance.now() - t0;
  assert.ok(ms < 15_000, `${ms} ms`);
  assert.equal(r.spdx, 'MIT');
  assert.match(r.reason ?? '', /only the first/);
});

test('hostile input: one 20 MB line, and a tag line padded with a megabyte of spaces, answer in bounded time', () => {
  for (const text of ['x'.repeat(20_000_000), 'SPDX-License-Identifier: MIT' + ' '.repeat(1_000_000) + 'x\n' + spdxText('MIT')]) {
    const t0 = performance.now();
    const r = identifyLicense(text);
    const ms = performance.now() - t0;
    assert.ok(ms < 15_000, `${ms} ms`);
    assert.ok(r.reason || r.spdx === 'MIT');
  }
});

test('hostile input: 50 licenses concatenated is a collection, answered in bounded time', () => {
  const ids = [...CORPUS_LICENSES, ...CORPUS_LICENSES, ...CORPUS_LICENSES].slice(0, 50);
  const t0 = performance.now();
  const r = identifyLicense(ids.map((id) => spdxText(id)).join('\n\n'));
  const ms = performance.now() - t0;
  assert.ok(ms < 15_000, `${ms} ms`);
  assert.equal(r.spdx, undefined);
  assert.match(r.reason ?? '', /more than 10 license texts/);
});
