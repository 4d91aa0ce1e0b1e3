import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLandscape, normalizeName, itemId } from '../../src/landscape/index.js';
import { SAMPLE } from './sample.js';

test('normalizeName follows landscape2: kept letters/digits/+/-, others to -, collapsed, one trailing - dropped', () => {
  assert.equal(normalizeName('Medical & Biology'), 'medical-biology');
  assert.equal(normalizeName('Test  Project  '), 'test-project');
  assert.equal(normalizeName('Test___Project'), 'test-project');
  assert.equal(normalizeName('C++ (member)'), 'c++-member');
  assert.equal(normalizeName('(member) X'), '-member-x', 'a leading hyphen is kept, as landscape2 keeps it');
  assert.equal(normalizeName('Проект 中文'), 'проект-中文');
  assert.equal(normalizeName('a 🙂 b 🙂 '), 'a-b');
  assert.equal(itemId('Modeling', 'Computer Vision', 'PyTorch-NLP'), 'modeling--computer-vision--pytorch-nlp');
});

test('reads the legacy layout: categories, subcategories, items with ids, lines and extra fields', () => {
  const l = readLandscape(SAMPLE, { file: 'sample.yml' });
  assert.deepEqual(l.problems, []);
  assert.equal(l.format, 'landscape');
  assert.deepEqual(
    l.categories.map((c) => [c.name, c.line, c.subcategories.map((s) => s.name)]),
    [
      ['Modeling', 3, ['Computer Vision', 'Medical & Biology']],
      ['Training', 42, ['General']],
      ['PyTorch Projects', 66, ['Foundation']],
      ['PyTorch Members', 86, ['Platinum']],
    ],
  );
  assert.equal(l.items.length, 8);
  const kornia = l.items.find((i) => i.name === 'Kornia')!;
  assert.deepEqual(kornia, {
    id: 'modeling--computer-vision--kornia',
    name: 'Kornia',
    category: 'Modeling',
    subcategory: 'Computer Vision',
    description: 'Differentiable computer vision.',
    homepage_url: 'https://kornia.github.io/',
    logo: 'kornia.svg',
    repo_url: 'https://github.com/kornia/kornia',
    fields: { crunchbase: null },
    line: 18,
  });
  const pytorch = l.items.find((i) => i.name === 'PyTorch')!;
  assert.equal(pytorch.project, 'foundation');
  assert.deepEqual(pytorch.extra, { accepted: '2022-09-07', annotations: { slug: 'ptproject' } });
  assert.deepEqual(pytorch.fields?.['second_path'], ['Training / General']);
  assert.equal(l.items.find((i) => i.name === 'fastai')!.description, 'High-level components.\n\nLow-level components too.');
  assert.equal(l.items.find((i) => i.name === 'Albumentations')!.project, 'archived');
});

test('reads landscape2 `categories:` layout (no markers) to the same model', () => {
  const text = [
    'categories:',
    '  - name: Modeling',
    '    subcategories:',
    '      - name: Language',
    '        items:',
    '          - name: Transformers',
    '            homepage_url: https://huggingface.co/transformers',
    '            logo: transformers.svg',
    '',
  ].join('\n');
  const l = readLandscape(text);
  assert.equal(l.format, 'categories');
  assert.deepEqual(l.problems, []);
  assert.deepEqual(
    l.items.map((i) => [i.id, i.line]),
    [['modeling--language--transformers', 6]],
  );
});

test('hostile input never throws: every structural problem is reported with its line', () => {
  const cases: Array<[string, RegExp, number]> = [
    ['', /expected a mapping/, 1],
    ['- a\n- b\n', /expected a mapping/, 1],
    ['other: 1\n', /expected a `landscape:`/, 1],
    ['landscape: 3\n', /to be a list of categories/, 1],
    ['landscape:\n  - category:\n    name: A\n', /expected a `subcategories` list/, 2],
    ['landscape:\n  - category:\n    name: A\n    subcategories:\n      - name: S\n        items: 5\n', /expected `items` to be a list/, 6],
    [
      'landscape:\n  - category:\n    name: A\n    subcategories:\n      - name: S\n        items:\n          - just a string\n',
      /expected an item mapping/,
      7,
    ],
    ['landscape:\n  - category:\n    name: [A\n', /YAML syntax/, 3],
  ];
  for (const [text, re, line] of cases) {
    const l = readLandscape(text);
    const p = l.problems.find((x) => re.test(x.message));
    assert.ok(p, `${JSON.stringify(text)} → ${JSON.stringify(l.problems)}`);
    assert.equal(p.line, line, `${JSON.stringify(text)}: ${p.message}`);
  }
});
