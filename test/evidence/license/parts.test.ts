// The matcher's building blocks: the word diff, normalisation, SPDX free text and classifiers,
// restriction wording.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignTokens } from '../../../src/evidence/license/diff.js';
import { normalizeLicenseText, WILDCARD } from '../../../src/evidence/license/normalize.js';
import { classifierToSpdx, correctLicense, sameLicense } from '../../../src/evidence/license/spdx.js';
import { restrictionCues, saysDualLicensed } from '../../../src/evidence/license/restrictions.js';

test('diff: matches common words in order, leaves inserted and deleted ones unmatched', () => {
  const m = alignTokens([1, 2, 3, 4, 5], [1, 2, 9, 4, 5, 6], 10)!;
  assert.deepEqual([...m], [0, 1, -1, 3, 4]);
  assert.deepEqual([...alignTokens([1, 2, 3], [1, 2, 3], 0)!], [0, 1, 2]);
  assert.deepEqual([...alignTokens([1, 2, 3], [], 5)!], [-1, -1, -1]);
  assert.deepEqual([...alignTokens([7, 1, 2], [1, 2, 7], 4)!], [-1, 0, 1]);
});

test('diff: past the edit cap it gives up instead of working on', () => {
  const a = Array.from({ length: 50 }, (_, i) => i + 1);
  const b = Array.from({ length: 50 }, (_, i) => i + 100);
  assert.equal(alignTokens(a, b, 99), null);
  assert.notEqual(alignTokens(a, b, 100), null);
});

test('normalise: case, punctuation, quotes, bullets, enumerators (1. a. (ii)), Markdown, CRLF and BOM vanish', () => {
  const words = (s: string) => normalizeLicenseText(s).tokens.join(' ');
  const plain = words('Redistributions of source code must retain the "above" notice.');
  for (const variant of [
    '\uFEFF1. Redistributions of source code must retain the “above” notice.',
    '  a. Redistributions of source code\r\n     must retain the above notice.',
    "(ii) Redistributions of SOURCE code must retain the 'above' notice.",
    '- **Redistributions** of source code must retain the _above_ notice.',
    '> ## Redistributions of source code must retain the above notice.',
  ]) {
    assert.equal(words(variant), plain, variant);
  }
  // a line-start word is not an enumerator unless it is followed by . or )
  assert.equal(words('a copy of it'), 'a copy of it');
});

test('normalise: copyright lines of many shapes become attributions; copyright in prose stays', () => {
  const n = normalizeLicenseText(
    [
      'Copyright (c) 2019-2024 Meta Platforms, Inc. and affiliates.',
      '© 2021 The Foo Authors. All rights reserved.',
      '(c) 2023 Some Lab,',
      '    and contributors',
      'Copyright <YEAR> <COPYRIGHT HOLDER>',
      'All rights reserved.',
      '',
      'copyright notice and this permission notice appear in all copies.',
    ].join('\n'),
  );
  assert.equal(n.attributions.length, 6);
  assert.deepEqual(n.tokens, ['copyright', 'notice', 'and', 'this', 'permission', 'notice', 'appear', 'in', 'all', 'copies']);
  assert.equal(n.lines[0], 8);
});

test('normalise: placeholders become one wildcard; URLs in brackets and Markdown links keep their words', () => {
  const n = normalizeLicenseText(
    'Neither the name of [fullname] nor <Name of Institution> nor {{ owner }}; see <https://fsf.org/> or [the site](https://x.org).',
  );
  assert.equal(n.tokens.filter((t) => t === WILDCARD).length, 3);
  assert.ok(n.tokens.includes('fsf'));
  assert.ok(n.tokens.includes('site'));
  assert.ok(!n.tokens.includes('x'));
  assert.deepEqual(normalizeLicenseText('SPDX-License-Identifier: MIT OR Apache-2.0\n').spdxTags, [
    { line: 1, value: 'MIT OR Apache-2.0' },
  ]);
  assert.equal(normalizeLicenseText('licence Licences').tokens.join(' '), 'license licenses');
});

test('free text, classifiers and families', () => {
  assert.equal(correctLicense('Apache 2.0'), 'Apache-2.0');
  assert.equal(correctLicense('MIT OR Apache-2.0'), 'MIT OR Apache-2.0');
  assert.equal(correctLicense('BSD'), 'BSD-*');
  assert.equal(correctLicense(''), undefined);
  assert.equal(correctLicense('x'.repeat(81)), undefined);
  assert.equal(classifierToSpdx('License :: OSI Approved :: MIT License'), 'MIT');
  assert.equal(classifierToSpdx('License :: OSI Approved :: MIT No Attribution License (MIT-0)'), 'MIT-0');
  assert.equal(classifierToSpdx('License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)'), 'LGPL-3.0-only');
  assert.equal(classifierToSpdx('License :: OSI Approved :: BSD License'), 'BSD-*');
  assert.equal(classifierToSpdx('Programming Language :: Python :: 3'), undefined);
  assert.ok(sameLicense('GPL-3.0-only', 'GPL-3.0-or-later'));
  assert.ok(sameLicense('BSD-*', 'BSD-2-Clause'));
  assert.ok(!sameLicense('BSD-*', 'MIT'));
});

test('restriction wording: stated limits are found; neutral mentions of commerce are not', () => {
  const cues = (s: string) =>
    restrictionCues(
      s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim(),
    );
  assert.deepEqual(cues('This software is provided for non-commercial research purposes only.'), ['non-commercial', 'limited purpose']);
  assert.ok(cues('the License does not grant to you, the right to Sell the Software').includes('use or sale forbidden'));
  assert.ok(cues('The Software shall not be used for military purposes').length > 0);
  assert.ok(cues('all rights granted to You under this license terminate immediately').includes('termination'));
  assert.deepEqual(cues('Commercial support is available from Example Inc.'), []);
  assert.deepEqual(cues('See the NOTICES file for the relevant copyright notices and license texts.'), []);
  // wording the template already has is not an added restriction
  assert.deepEqual(restrictionCues('this license terminates', 'your rights terminate automatically'), []);
  assert.ok(saysDualLicensed('you may use it under either license at your option'));
  assert.ok(!saysDualLicensed('this project bundles the following components'));
});
