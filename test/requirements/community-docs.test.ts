// Requirements 3 (governance), 4 (user experience), 5 (quick start), 6 (documentation), 16 (README).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { governance } from '../../src/requirements/governance.js';
import { userExperience } from '../../src/requirements/user-experience.js';
import { quickStart } from '../../src/requirements/quick-start.js';
import { documentation } from '../../src/requirements/documentation.js';
import { readme } from '../../src/requirements/readme.js';
import { makeEvidence, ctx, type EvidenceSpec, type FileSpec, evaluateRule, withOptions } from '../support/evidence.js';
import type { Rule } from '../../src/requirements/types.js';
import { assertSaid } from '../support/messages.js';

const words = (n: number) => Array.from({ length: n }, (_, k) => `word${k}`).join(' ');
const run = (req: Rule, files: Record<string, FileSpec>, extra: EvidenceSpec = {}) =>
  evaluateRule(req, makeEvidence({ ...extra, files }), ctx());

// ------------------------------------------------------------------ 4: user experience

test('4: 30 words before the first code block pass, 29 fail', () => {
  const md = (n: number) =>
    `# Title\n\n[![CI](https://b/ci.svg)](https://ci)\n\n${words(n)}\n\n\`\`\`\npip install x\n\`\`\`\n\n${words(50)}\n`;
  const pass = run(userExperience, { 'README.md': md(30) });
  assert.equal(pass.status, 'pass');
  assertSaid(userExperience, pass, 'enough', { path: 'README.md', words: 30, until: ' before the first code block (line 7)' });
  assert.equal(pass.measured['readmeWords'], 30);
  assert.equal(pass.measured['openingParagraph'], words(30));
  assert.equal(pass.evidence[0]?.line, 5);
  const fail = run(userExperience, { 'README.md': md(29) });
  assert.equal(fail.status, 'fail');
  assertSaid(userExperience, fail, 'tooFew', { path: 'README.md', words: 29, min: 30 });
  assert.equal(fail.measured['readmeWords'], 29);
  assert.match(fail.fix!, /at least 30 words/);
});

test('4: counting stops at an install heading; headings, HTML, badges and link-only lines are skipped', () => {
  const text = [
    '<p align="center"><img src="logo.png"></p>',
    '',
    '<h1>Big Title With Many Words In It</h1>',
    '',
    '[Docs](https://d) | [Paper](https://p) | [Blog](https://b)',
    '',
    words(20),
    '',
    '- ' + words(5),
    '- ' + words(4),
    '',
    '## Installation',
    '',
    words(100),
  ].join('\n');
  const r = run(userExperience, { 'README.md': text });
  assert.equal(r.measured['readmeWords'], 29);
  assert.equal(r.status, 'fail');
  assert.deepEqual(r.measured['countedUntil'], { kind: 'heading', line: 12, text: 'Installation' });
  assertSaid(userExperience, r, 'tooFew', { words: 29, until: ' before the "Installation" heading (line 12)' });
});

test('4: reStructuredText README, with an indented literal block as the first code', () => {
  const text = `Project\n=======\n\n.. image:: https://b/badge.svg\n   :target: https://ci\n\n${words(31)}::\n\n    pip install project\n\n${words(40)}\n`;
  const r = run(userExperience, { 'README.rst': text });
  assert.equal(r.status, 'pass');
  assert.equal(r.measured['readmeWords'], 31);
  assert.deepEqual(r.measured['countedUntil'], { kind: 'code', line: 9, text: 'code block' });
});

test('4: the opening paragraph is quoted within a bound', () => {
  const r = run(userExperience, { 'README.md': words(400) });
  const q = r.measured['openingParagraph'] as string;
  assert.ok(q.length <= 501 && q.endsWith('…'), q);
});

test('4: no README fails; an unreadable README fails with why; README.adoc is for review', () => {
  const none = run(userExperience, {});
  assert.equal(none.status, 'fail');
  assertSaid(userExperience, none, 'missing');
  const bin = run(userExperience, { 'README.md': { binary: true, size: 100 } });
  assert.equal(bin.status, 'fail');
  assertSaid(userExperience, bin, 'unreadable', { problem: 'README.md is a binary file, not text' });
  const adoc = run(userExperience, { 'README.adoc': words(50) });
  assert.equal(adoc.status, 'review');
  assertSaid(userExperience, adoc, 'otherFormat', { path: 'README.adoc' });
});

test('4: a truncated 50 MB README and an invalid UTF-8 one are read as far as they go', () => {
  const big = run(userExperience, {
    'README.md': { text: words(40) + '\n\n' + 'x '.repeat(500_000), truncated: true, size: 50 * 1024 * 1024 },
  });
  assert.equal(big.status, 'pass');
  const bad = run(userExperience, { 'README.md': { text: 'caf\uFFFD ' + words(30), invalidUtf8: true } });
  assert.equal(bad.status, 'pass');
});

// ------------------------------------------------------------------ 5: quick start

test('5: heading variants with fenced or indented install commands', () => {
  for (const [heading, block] of [
    ['## Quick start', '```bash\n$ pip install proj\n```'],
    ['## Quickstart', '```\nuv add proj\n```'],
    ['Getting Started\n---------------', '    conda install -c conda-forge proj'],
    ['### Installation', '~~~sh\npython -m pip install "proj[all]"\n~~~'],
    ['## Usage', '```console\npixi add proj\n```'],
    ['<h2>Install</h2>', '```\n!pip install proj\n```'],
  ] as const) {
    const r = run(quickStart, { 'README.md': `# P\n\nIntro.\n\n${heading}\n\nSome text.\n\n${block}\n` });
    assert.equal(r.status, 'pass', heading);
    assert.ok(typeof r.measured['installCommand'] === 'string', heading);
  }
});

test('5: RST headings with code-block and :: literal blocks', () => {
  const cb = run(quickStart, { 'README.rst': 'P\n=\n\nInstallation\n------------\n\n.. code-block:: bash\n\n   pip install proj\n' });
  assert.equal(cb.status, 'pass');
  assert.equal(cb.measured['installCommand'], 'pip install proj');
  const lit = run(quickStart, { 'README.rst': 'P\n=\n\nQuick Start\n-----------\n\nRun::\n\n    import proj\n    proj.go()\n' });
  assert.equal(lit.status, 'pass');
  assert.equal(lit.measured['installCommand'], null);
  assert.equal(lit.measured['heading'], 'Quick Start');
});

test('5: the install command that names the distribution beats an earlier helper install (torchio: light-the-torch first)', () => {
  const page =
    'Getting started\n===============\n\nInstall PyTorch first::\n\n    $ pip install torch-helper && helper install torch\n\nThen the package::\n\n    $ pip install My_Proj\n';
  const python = (name?: string) => ({
    overrides: {
      python: {
        torch: [],
        classifiers: [],
        licenseMeta: [],
        urls: {},
        files: [],
        ...(name ? { distribution: { name, file: 'pyproject.toml' } } : {}),
      },
    },
  });
  const named = run(quickStart, { 'docs/quickstart.rst': page, 'README.md': '# P\n' }, python('my-proj'));
  assert.equal(named.status, 'pass', named.summary);
  assertSaid(quickStart, named, 'installCommand', {
    file: 'docs/quickstart.rst',
    heading: 'Getting started',
    headingLine: 1,
    command: '$ pip install My_Proj',
    line: 10,
  });
  assert.equal(named.evidence[1]!.line, 10);
  // No distribution known, or none of the commands names it: the first install command, as before.
  assert.equal(
    run(quickStart, { 'docs/quickstart.rst': page, 'README.md': '# P\n' }, python()).measured['installCommand'],
    '$ pip install torch-helper && helper install torch',
  );
  assert.equal(
    run(quickStart, { 'docs/quickstart.rst': page, 'README.md': '# P\n' }, python('other')).measured['installCommand'],
    '$ pip install torch-helper && helper install torch',
  );
});

test('5: a runnable example passes; an install command beats an earlier example', () => {
  const ex = run(quickStart, { 'README.md': '## Usage\n\n```python\nimport proj\n```\n' });
  assert.equal(ex.status, 'pass');
  assertSaid(quickStart, ex, 'example', { file: 'README.md', heading: 'Usage', headingLine: 1, lang: 'python', line: 4 });
  assert.equal(ex.measured['example'], 'python');
  const both = run(quickStart, {
    'README.md': '## Usage\n\n```python\nimport proj\n```\n\n## Installation\n\n```\npip install proj\n```\n',
  });
  assert.equal(both.measured['installCommand'], 'pip install proj');
});

test('5: a heading without code, or an install command under another heading, is for review; nothing fails', () => {
  const noCode = run(quickStart, { 'README.md': '## Installation\n\nSee the docs.\n\n## Other\n\n```\npip install proj\n```\n' });
  assert.equal(noCode.status, 'review');
  assertSaid(quickStart, noCode, 'headingOnly', { file: 'README.md', heading: 'Installation', line: 1 });
  const stray = run(quickStart, { 'README.md': '## Features\n\n```\npip install proj\n```\n' });
  assert.equal(stray.status, 'review');
  assertSaid(quickStart, stray, 'strayInstall', { file: 'README.md', command: 'pip install proj', line: 4 });
  assert.equal(stray.measured['installCommand'], 'pip install proj');
  const none = run(quickStart, { 'README.md': '# P\n\nJust words.\n' });
  assert.equal(none.status, 'fail');
  assertSaid(quickStart, none, 'missing', { path: 'README.md' });
  assertSaid(quickStart, run(quickStart, {}), 'noReadme');
  assertSaid(quickStart, run(quickStart, { 'README.md': '# P\n', 'docs/index.md': '# Docs\n' }), 'missingWithDocs', { path: 'README.md' });
  assert.match(none.fix!, /Quick start/);
  // a code block that is neither an install command nor runnable, under the heading
  assert.equal(run(quickStart, { 'README.md': '## Usage\n\n```\nsome output\n```\n' }).status, 'review');
});

test('5: the docs index or a docs quick-start page counts when the README has none', () => {
  const r = run(quickStart, {
    'README.md': '# P\n\nWords.\n',
    'docs/index.rst': 'Welcome\n=======\n\nInstallation\n------------\n\n::\n\n    pip install proj\n',
  });
  assert.equal(r.status, 'pass');
  assert.equal(r.measured['file'], 'docs/index.rst');
  const page = run(quickStart, { 'README.md': '# P\n', 'docs/source/installation.md': 'Use it:\n\n```\npip install proj\n```\n' });
  assert.equal(page.status, 'pass');
  assert.equal(page.measured['file'], 'docs/source/installation.md');
});

// ------------------------------------------------------------------ 6: documentation

test('6: docs/ with 3 files passes, with 2 does not; mkdocs, Sphinx conf.py and Read the Docs config pass', () => {
  const three = evaluateRule(documentation, makeEvidence({ paths: ['docs/a.md', 'docs/b.md', 'docs/sub/c.md'] }), ctx());
  assert.equal(three.status, 'pass');
  assert.equal(three.measured['source'], 'docs/');
  assertSaid(documentation, three, 'source', { source: 'docs/ holds 3 files' });
  const two = evaluateRule(documentation, makeEvidence({ paths: ['docs/a.md', 'docs/b.md'] }), ctx());
  assert.equal(two.status, 'fail');
  assertSaid(documentation, two, 'missing', { min: 3, small: ' (docs/ has 2 file(s); at least 3 are needed)' });
  for (const p of ['mkdocs.yml', 'docs/conf.py', 'doc/source/conf.py', '.readthedocs.yaml']) {
    assert.equal(evaluateRule(documentation, makeEvidence({ paths: [p] }), ctx()).status, 'pass', p);
  }
  // the threshold comes from the policy
  const strict = withOptions('documentation', { minFiles: 4 });
  assert.equal(evaluateRule(documentation, makeEvidence({ paths: ['docs/a.md', 'docs/b.md', 'docs/c.md'] }), ctx(strict)).status, 'fail');
});

const named: EvidenceSpec = {
  overrides: {
    python: {
      distribution: { name: 'proj-lib', file: 'pyproject.toml' },
      torch: [],
      classifiers: [],
      licenseMeta: [],
      urls: {},
      files: [],
    },
  },
};

test('6: documentation URLs from the README and project URLs; badges are not documentation', () => {
  const rtd = run(documentation, { 'README.md': 'Read [the docs](https://proj-lib.readthedocs.io/en/latest/).\n' }, named);
  assert.equal(rtd.status, 'pass');
  assert.equal(rtd.measured['url'], 'https://proj-lib.readthedocs.io/en/latest/');
  assert.equal(rtd.evidence[0]?.line, 1);
  assertSaid(documentation, rtd, 'url', { url: 'https://proj-lib.readthedocs.io/en/latest/' });
  assert.equal(run(documentation, { 'README.md': 'See https://org.github.io/proj-lib\n' }, named).status, 'pass');
  assert.equal(run(documentation, { 'README.md': 'See https://docs.projlib.ai/\n' }, named).status, 'pass');
  assert.equal(
    run(documentation, { 'README.md': 'See https://proj.rtfd.io/\n' }, { overrides: { repo: { ...makeEvidence().repo, slug: 'o/proj' } } })
      .status,
    'pass',
  );
  assert.equal(
    run(documentation, { 'README.md': '[![Docs](https://readthedocs.org/projects/p/badge/?version=latest)](https://example.com)\n' })
      .status,
    'fail',
  );
  // another project's docs (a "code style: black" badge target) is not this project's documentation
  const other = run(
    documentation,
    { 'README.md': '[![style](https://img.shields.io/badge/code%20style-black-000000.svg)](https://black.readthedocs.io/en/stable/)\n' },
    named,
  );
  assert.equal(other.status, 'review');
  assert.deepEqual(other.measured['candidates'], ['https://black.readthedocs.io/en/stable/']);
  assert.equal(other.measured['url'], null);
  assertSaid(documentation, other, 'unrelated', { where: 'README.md', url: 'https://black.readthedocs.io/en/stable/' });
  // the project named only in the page's anchor is still another project's site
  assert.equal(run(documentation, { 'README.md': 'https://aim.readthedocs.io/en/latest/x.html#with-proj-lib\n' }, named).status, 'review');
  const meta = evaluateRule(
    documentation,
    makeEvidence({
      overrides: { python: { torch: [], classifiers: [], licenseMeta: [], urls: { Documentation: 'https://example.com/p' }, files: [] } },
    }),
    ctx(),
  );
  assert.equal(meta.status, 'pass');
  assert.equal(meta.measured['url'], 'https://example.com/p');
  const site = run(documentation, { 'mkdocs.yml': 'site_name: P\nsite_url: https://p.example.org/\n' });
  assert.equal(site.measured['url'], 'https://p.example.org/');
  assertSaid(documentation, site, 'sourceAndUrl', { source: 'mkdocs.yml (MkDocs)', url: 'https://p.example.org/' });
  assert.deepEqual(
    site.evidence.find((e) => e.detail === 'site_url'),
    { kind: 'file', ref: 'mkdocs.yml', detail: 'site_url' },
  );
  // the site URL cites the file it is written in
  const yaml = run(documentation, { 'mkdocs.yaml': 'site_name: P\nsite_url: https://p.example.org/\n' });
  assert.equal(yaml.measured['url'], 'https://p.example.org/');
  assert.deepEqual(
    yaml.evidence.find((e) => e.detail === 'site_url'),
    { kind: 'file', ref: 'mkdocs.yaml', detail: 'site_url' },
  );
});

// ------------------------------------------------------------------ 16: README

test('16: README in each accepted name and case at the root; elsewhere fails', () => {
  for (const name of ['README.md', 'README.rst', 'README.txt', 'README', 'readme.md', 'Readme.rst']) {
    const r = run(readme, { [name]: 'P\n\nReleases are published every month.\n' });
    assert.equal(r.status, 'pass', name);
    assert.equal(r.measured['path'], name);
    assertSaid(readme, r, 'releaseParagraph', { path: name, line: 3, text: 'Releases are published every month.', notes: '' });
  }
  const docs = run(readme, { 'docs/README.md': '# P\n', '.github/README.md': '# P\n' });
  assert.equal(docs.status, 'fail');
  assertSaid(readme, docs, 'elsewhere', { paths: '.github/README.md, docs/README.md' });
  const deep = run(readme, { 'src/README.md': '# P\n' });
  assert.equal(deep.measured['elsewhere'], undefined);
  assertSaid(readme, deep, 'missing');
  const adoc = run(readme, { 'README.adoc': '= P\n' });
  assert.equal(adoc.status, 'warn');
  assertSaid(readme, adoc, 'otherFormat', { path: 'README.adoc' });
});

test('16: release information as a heading, a paragraph, a changelog link or a releases page; none warns', () => {
  const cases: [string, string, Record<string, string>?][] = [
    ['## Release process\n\nTBD\n', 'heading'],
    ['## Versioning\n', 'heading'],
    ['We follow semantic versioning and cut releases every quarter.\n', 'paragraph'],
    ['See the [changelog](CHANGELOG.md).\n', 'link', { 'CHANGELOG.md': '# 1.0\n' }],
    ['See [history](docs/HISTORY.rst).\n', 'link', { 'docs/HISTORY.rst': 'x\n' }],
    ['[![Release](https://img.shields.io/github/v/release/o/p)](https://github.com/o/p/releases)\n', 'link'],
    ['Changes: https://github.com/o/p/blob/main/CHANGELOG.md\n', 'link'],
  ];
  for (const [body, kind, more] of cases) {
    const r = run(readme, { 'README.md': `# P\n\n${body}`, ...(more ?? {}) });
    assert.equal(r.status, 'pass', body);
    assert.equal((r.measured['releaseInfo'] as { kind: string }).kind, kind, body);
    const id = kind === 'heading' ? 'releaseHeading' : kind === 'paragraph' ? 'releaseParagraph' : 'releaseLink';
    assertSaid(readme, r, id, { path: 'README.md', line: 3 });
  }
  const none = run(readme, { 'README.md': '# P\n\nA library. Install with pip.\n\n## History\n\nStarted in 2019.\n' });
  assert.equal(none.status, 'warn');
  assertSaid(readme, none, 'noRelease', { path: 'README.md', notes: '' });
  assert.match(none.fix!, /Releases/);
  const dangling = run(readme, { 'README.md': 'See [changes](CHANGELOG.md).\n' });
  assert.equal(dangling.status, 'warn');
  assertSaid(readme, dangling, 'releaseLinkAbsent', { path: 'README.md', link: 'CHANGELOG.md', line: 1 });
});

test('16: a license statement ("released under the Apache 2.0 license") is not release information (kornia)', () => {
  for (const body of [
    '## License\n\nP is released under the Apache 2.0 license. See the [LICENSE](./LICENSE) file for more information.\n',
    'All code here is released under  the MIT License.\n',
  ]) {
    const r = run(readme, { 'README.md': `# P\n\nA library.\n\n${body}`, LICENSE: 'x\n' });
    assert.equal(r.status, 'warn', `${body}: ${r.summary}`);
    assert.equal(r.measured['releaseInfo'], null);
  }
  // Saying where and how it is released still counts.
  const published = run(readme, { 'README.md': '# P\n\nP is released on PyPI after every merged milestone.\n' });
  assert.equal(published.status, 'pass', published.summary);
  assert.equal((published.measured['releaseInfo'] as { kind: string }).kind, 'paragraph');
});

test('16: a README symlink out of the repository is reported, not read; one inside is followed by path', () => {
  const out = run(readme, { 'README.md': { symlink: '../../etc/passwd' } });
  assert.equal(out.status, 'fail');
  assertSaid(readme, out, 'unreadable');
  assert.match(String(out.message!.data['problem']), /outside the repository/);
  const inside = run(readme, { 'README.md': { symlink: 'docs/README.md' }, 'docs/README.md': '## Releases\n' });
  assert.equal(inside.status, 'pass');
  assertSaid(readme, inside, 'releaseHeading', { path: 'README.md', heading: 'Releases', line: 1 });
});

// ------------------------------------------------------------------ 3: governance

test('3: GOVERNANCE in each place and case, a docs page, a README section; otherwise fail', () => {
  for (const p of ['GOVERNANCE.md', 'governance.rst', '.github/GOVERNANCE.md', 'docs/Governance.txt', 'GOVERNANCE']) {
    const r = run(governance, { [p]: '# Governance\n\nThe maintainers decide by lazy consensus.\n' });
    assert.equal(r.status, 'pass', p);
    assert.equal(r.measured['path'], p);
    assert.equal(r.measured['excerpt'], 'The maintainers decide by lazy consensus.');
  }
  const page = evaluateRule(governance, makeEvidence({ paths: ['docs/source/community/governance.rst'] }), ctx());
  assert.equal(page.status, 'pass');
  const section = run(governance, { 'README.md': '# P\n\n## Project Governance\n\nSteering committee of three.\n' });
  assert.equal(section.status, 'pass');
  assert.equal(section.measured['path'], 'README.md#Project Governance');
  assert.equal(run(governance, { 'src/GOVERNANCE.md': 'x' }).status, 'fail');
  const empty = run(governance, { 'GOVERNANCE.md': '\n' });
  assert.equal(empty.status, 'fail');
  assert.match(empty.summary, /empty/);
});
