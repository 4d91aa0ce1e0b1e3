import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { fastScan } from '../../src/landscape/fastscan.js';
import { parseLandscapeSource } from '../../src/landscape/source.js';
import { validateLandscape } from '../../src/landscape/index.js';
import { bothParsers } from './parsers.js';
import { SAMPLE, generateLandscape } from './sample.js';

const REAL = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/pytorch-landscape.yml');

test('the fast scanner takes the sample, a generated landscape and the real file, and agrees with `yaml` on every offset and value', () => {
  const texts: Array<[string, string]> = [
    ['sample', SAMPLE],
    ['generated', generateLandscape(400)],
  ];
  if (existsSync(REAL)) texts.push(['real', readFileSync(REAL, 'utf8')]);
  for (const [name, text] of texts) {
    const r = bothParsers(text);
    assert.equal(r.fast, true, `${name}: expected the fast scanner to take it`);
    assert.deepEqual(r.viaFast, r.viaYaml, name);
  }
});

test('the fast scanner refuses what is outside its subset, and `yaml` reads it instead', () => {
  const base =
    'landscape:\n  - category:\n    name: A\n    subcategories:\n      - subcategory:\n        name: S\n        items:\n          - item:\n            name: X\n';
  const outside = [
    base + '            homepage_url: &h https://x.org/\n',
    base + '            second_path: [A / S]\n',
    base + '            description: >\n              folded\n',
    base + '            description: two\n              lines\n',
    base + "            description: 'two\n              lines'\n",
    base + '            homepage_url: !!str https://x.org/\n',
    base.replace(/\n/g, '\r\n'),
    base.replace('            name: X', '\tname: X'),
    '---\n' + base,
  ];
  for (const text of outside) {
    assert.equal(fastScan(text), null, JSON.stringify(text.slice(-60)));
    const r = bothParsers(text);
    assert.deepEqual(r.viaFast, r.viaYaml);
  }
});

test('property: for mutated landscapes the fast path and `yaml` give the same model, problems included, and nothing throws', () => {
  const lines = SAMPLE.split('\n');
  const pieces = [
    '',
    ' ',
    '  ',
    '- ',
    '#',
    ': ',
    "'",
    '"',
    '|',
    '|-',
    'key: v',
    'name: X',
    '- item:',
    '  x',
    '[',
    '{',
    '&a',
    '*a',
    '~',
    'null',
    '12',
    '1.5',
    '2024-01-01',
    'yes',
    'a # c',
    'ü',
  ];
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          at: fc.nat(lines.length - 1),
          kind: fc.constantFrom('insert', 'delete', 'edit'),
          piece: fc.constantFrom(...pieces),
          indent: fc.nat(14),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      (muts) => {
        const ls = [...lines];
        for (const m of muts) {
          const at = Math.min(m.at, ls.length - 1);
          const line = ' '.repeat(m.indent) + m.piece;
          if (m.kind === 'insert') ls.splice(at, 0, line);
          else if (m.kind === 'delete') ls.splice(at, 1);
          else ls[at] = (ls[at] ?? '') + m.piece;
        }
        const text = ls.join('\n');
        const r = bothParsers(text);
        assert.deepEqual(r.viaFast, r.viaYaml);
        validateLandscape(text, { logosDir: null });
      },
    ),
    { numRuns: 150, seed: 20261127 },
  );
  assert.ok(parseLandscapeSource(SAMPLE).categories.length > 0);
});
