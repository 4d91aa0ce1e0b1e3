import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDoc, formatOf, sectionAfter, countWords, isLinkOnly, cleanInline } from '../../../src/evidence/community/readme.js';

const kinds = (text: string, fmt: 'markdown' | 'rst' = 'markdown') => parseDoc(text, fmt).blocks.map((b) => b.kind);

test('Markdown: ATX and setext headings, with levels and closing #s', () => {
  const doc = parseDoc('# Title #\n\nIntro text\n\nSub\n---\n\nBig\n===\n\n### Three ###\n#NotHeading\n', 'markdown');
  const hs = doc.blocks.filter((b) => b.kind === 'heading').map((b) => [b.level, b.text]);
  assert.deepEqual(hs, [
    [1, 'Title'],
    [2, 'Sub'],
    [1, 'Big'],
    [3, 'Three'],
  ]);
  assert.equal(doc.blocks.at(-1)?.kind, 'paragraph'); // `#NotHeading` has no space: a paragraph
});

test('Markdown: --- after a blank line is a rule, after a paragraph line a heading', () => {
  assert.deepEqual(kinds('text\n\n---\n\nmore\n'), ['paragraph', 'paragraph']);
  assert.deepEqual(kinds('text\n---\n'), ['heading']);
});

test('Markdown: fenced (``` and ~~~, longer closers) and indented code, not list continuations', () => {
  const doc = parseDoc(
    '```bash\npip install x\n```\n\n~~~~python\nimport x\n~~~\n~~~~\n\npara\n\n    indented code\n    more\n\n- item\n\n    continuation of the item\n',
    'markdown',
  );
  const code = doc.blocks.filter((b) => b.kind === 'code');
  assert.deepEqual(
    code.map((c) => [c.style, c.lang, c.text]),
    [
      ['fenced', 'bash', 'pip install x'],
      ['fenced', 'python', 'import x\n~~~'],
      ['indented', '', 'indented code\nmore'],
    ],
  );
  // an indented line right after a paragraph line is a lazy continuation, not code
  assert.deepEqual(kinds('para\n    still para\n'), ['paragraph']);
});

test('Markdown: an unclosed fence runs to the end without throwing', () => {
  const doc = parseDoc('# T\n\n```\ncode forever\n# not a heading\n', 'markdown');
  assert.deepEqual(
    doc.blocks.map((b) => b.kind),
    ['heading', 'code'],
  );
});

test('Markdown: HTML blocks, HTML headings, comments, quotes and tables', () => {
  const doc = parseDoc(
    '<p align="center">\n  <img src="logo.png">\n</p>\n\n<h2 align="center">Install</h2>\n\n<!--\ncomment\n\nstill comment\n-->\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
    'markdown',
  );
  assert.deepEqual(
    doc.blocks.map((b) => b.kind),
    ['html', 'heading', 'html', 'quote', 'table'],
  );
  assert.equal(doc.blocks[1]!.text, 'Install');
});

test('RST: underlined and overlined titles get levels by first appearance', () => {
  const doc = parseDoc('=====\nTitle\n=====\n\nSection\n-------\n\nSub\n~~~\n\nOther\n-------\n', 'rst');
  assert.deepEqual(
    doc.blocks.map((b) => [b.level, b.text]),
    [
      [1, 'Title'],
      [2, 'Section'],
      [3, 'Sub'],
      [2, 'Other'],
    ],
  );
});

test('RST: code-block directives (options skipped), :: literal blocks, doctest blocks', () => {
  const text = [
    'Install it with::',
    '',
    '    pip install thing',
    '',
    '.. code-block:: python',
    '   :linenos:',
    '',
    '   import thing',
    '   thing.run()',
    '',
    '>>> import thing',
    '>>> thing.go()',
    '',
    'Expanded form:',
    '',
    '::',
    '',
    '    $ thing --help',
    '',
  ].join('\n');
  const doc = parseDoc(text, 'rst');
  const b = doc.blocks;
  assert.equal(b[0]!.kind, 'paragraph');
  assert.equal(b[0]!.text, 'Install it with:');
  assert.deepEqual(
    b.filter((x) => x.kind === 'code').map((x) => [x.style, x.lang, x.text]),
    [
      ['literal', '', 'pip install thing'],
      ['code-block', 'python', 'import thing\nthing.run()'],
      ['doctest', 'pycon', '>>> import thing\n>>> thing.go()'],
      ['literal', '', '$ thing --help'],
    ],
  );
});

test('RST: images, badges, comments and targets are not prose', () => {
  const text =
    '.. image:: https://x/badge.svg\n   :target: https://x\n\n.. |b| image:: https://y\n\n.. comment here\n   continues\n\n.. _target: https://z\n\n|b| |c|\n\nReal words here.\n';
  const doc = parseDoc(text, 'rst');
  const paras = doc.blocks.filter((x) => x.kind === 'paragraph');
  assert.deepEqual(
    paras.map((p) => p.text),
    ['|b| |c|', 'Real words here.'],
  );
  assert.ok(isLinkOnly(paras[0]!.text));
  assert.ok(doc.links.some((l) => l.url === 'https://z'));
  assert.ok(doc.links.some((l) => l.url === 'https://x'));
});

test('links: inline, reference, autolink, HTML href and RST forms, with lines', () => {
  const md = parseDoc(
    'See [the changelog](CHANGELOG.md) and <https://a.io/x>.\n\n[ref]: https://docs.example.org/\n\n<a href="https://b.github.io">b</a>\n',
    'markdown',
  );
  assert.deepEqual(
    md.links.map((l) => [l.url, l.line]),
    [
      ['CHANGELOG.md', 1],
      ['https://a.io/x', 1],
      ['https://docs.example.org/', 3],
      ['https://b.github.io', 5],
    ],
  );
  const rst = parseDoc('Read `the docs <https://x.readthedocs.io/en/latest/>`_.\n', 'rst');
  assert.equal(rst.links[0]!.url, 'https://x.readthedocs.io/en/latest/');
  assert.equal(rst.links[0]!.text, 'the docs');
});

test('words: markup stripped, link text kept, URLs and images dropped', () => {
  assert.equal(countWords(cleanInline('A **fast** [library](https://x) for `torch` ![img](a.png) https://u.rl')), 5);
  assert.equal(countWords("don't re-use v2.1 of PyTorch's API"), 6);
  assert.ok(isLinkOnly('[![CI](https://b/ci.svg)](https://ci) [![PyPI](https://b/p.svg)](https://p) | [Docs](https://d)'));
  assert.ok(!isLinkOnly('[Docs](https://d) explain everything'));
});

test('sections: a heading owns the blocks up to the next heading of its level or higher', () => {
  const doc = parseDoc('## A\n\nx\n\n### A1\n\ny\n\n## B\n\nz\n', 'markdown');
  assert.deepEqual(
    sectionAfter(doc.blocks, 0).map((b) => b.text),
    ['x', 'A1', 'y'],
  );
  assert.deepEqual(sectionAfter(doc.blocks, 1), []); // not a heading
});

test('formats by extension', () => {
  assert.equal(formatOf('README.rst'), 'rst');
  assert.equal(formatOf('docs/index.REST'), 'rst');
  assert.equal(formatOf('README'), 'markdown');
  assert.equal(formatOf('README.txt'), 'markdown');
});

test('hostile input: long lines of brackets, tags and fences parse in bounded time', () => {
  const evil = ['[', '<a', '![', '`<', '<!--', '# ' + ' '.repeat(50), '|'].map((s) => s.repeat(200_000 / s.length)).join('\n');
  const t0 = process.hrtime.bigint();
  const doc = parseDoc(evil + '\n' + '```\n'.repeat(1000) + '\r\n'.repeat(1000), 'markdown');
  parseDoc(evil, 'rst');
  for (const b of doc.blocks) void (countWords(cleanInline(b.text)) + Number(isLinkOnly(b.text)));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  assert.ok(ms < 3000, `took ${ms} ms`);
});
