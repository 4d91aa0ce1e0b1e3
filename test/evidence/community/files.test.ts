import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wantsCommunityFile } from '../../../src/evidence/community.js';
import { joinInRepo, readText, resolveEntry, findInPlaces } from '../../../src/evidence/community/files.js';
import { locate, rootReadme } from '../../../src/evidence/community/locate.js';
import { makeEvidence } from '../../support/evidence.js';

test('wants: community files in root, .github/ and docs/, any case; nothing elsewhere', () => {
  for (const p of [
    'README.md',
    'readme.rst',
    'README',
    '.github/CONTRIBUTING.md',
    'docs/CODE_OF_CONDUCT.md',
    'CODE-OF-CONDUCT.txt',
    'CODEOWNERS',
    '.github/CODEOWNERS',
    'docs/codeowners',
    'MAINTAINERS',
    'OWNERS',
    'GOVERNANCE.rst',
    'EMERITUS.md',
    'mkdocs.yml',
    'docs/index.rst',
    'doc/source/index.md',
    'docs/quickstart.md',
    'docs/getting_started.rst',
    'docs/community/governance.md',
  ])
    assert.ok(wantsCommunityFile(p), p);
  for (const p of [
    'src/CODEOWNERS',
    'src/README.md',
    'pkg/docs/index.rst',
    'README.png',
    'docs/logo.png',
    'docs/api/index.rst',
    'LICENSE',
    'setup.py',
    'docs/conf.py',
    'tests/CONTRIBUTING.md',
    'READMEFIRST.md',
    'docsx/index.md',
    'docs/governance.png',
  ])
    assert.ok(!wantsCommunityFile(p), p);
});

test('joinInRepo: relative targets inside the repository only', () => {
  assert.equal(joinInRepo('', 'docs/CODE_OF_CONDUCT.md'), 'docs/CODE_OF_CONDUCT.md');
  assert.equal(joinInRepo('.github', '../CONTRIBUTING.md'), 'CONTRIBUTING.md');
  assert.equal(joinInRepo('', '../outside'), undefined);
  assert.equal(joinInRepo('a', '../../x'), undefined);
  assert.equal(joinInRepo('', '/etc/passwd'), undefined);
  assert.equal(joinInRepo('', 'C:\\x'), undefined);
  assert.equal(joinInRepo('', '.'), undefined);
});

test('symlinks resolve by path within the tree; outside, dangling, to a directory and loops are reported', () => {
  const ev = makeEvidence({
    files: {
      'docs/CODE_OF_CONDUCT.md': 'LF Projects, LLC',
      'CODE_OF_CONDUCT.md': { symlink: 'docs/CODE_OF_CONDUCT.md' },
      'CONTRIBUTING.md': { symlink: '../../etc/passwd' },
      'GOVERNANCE.md': { symlink: 'nope.md' },
      'README.md': { symlink: 'docs' },
      'a.md': { symlink: 'b.md' },
      'b.md': { symlink: 'a.md' },
    },
  });
  const ok = readText(ev, 'CODE_OF_CONDUCT.md');
  assert.equal(ok.text, 'LF Projects, LLC');
  assert.equal(ok.target, 'docs/CODE_OF_CONDUCT.md');
  assert.equal(ok.symlinkTarget, 'docs/CODE_OF_CONDUCT.md');
  assert.match(resolveEntry(ev, 'CONTRIBUTING.md').problem!, /outside the repository/);
  assert.match(resolveEntry(ev, 'GOVERNANCE.md').problem!, /does not exist/);
  assert.match(resolveEntry(ev, 'README.md').problem!, /directory docs\//);
  assert.match(resolveEntry(ev, 'a.md').problem!, /more than 8 symlinks/);
});

test('binary, invalid UTF-8, truncated and unread files', () => {
  const ev = makeEvidence({
    files: {
      'README.md': { binary: true, size: 10 },
      'CONTRIBUTING.md': { text: 'ok\uFFFD', invalidUtf8: true },
      'GOVERNANCE.md': { text: 'x'.repeat(100), truncated: true, size: 50 * 1024 * 1024 },
    },
    paths: ['MAINTAINERS'],
  });
  assert.match(readText(ev, 'README.md').problem!, /binary/);
  assert.deepEqual(readText(ev, 'CONTRIBUTING.md').notes, ['CONTRIBUTING.md is not valid UTF-8; invalid bytes were replaced']);
  assert.match(readText(ev, 'GOVERNANCE.md').notes[0]!, /52428800 bytes; only the first 100 characters/);
  assert.match(readText(ev, 'MAINTAINERS').problem!, /was not read/);
});

test('places: .github/, root, docs/ in that order; empty files are unusable and sorted last', () => {
  const ev = makeEvidence({
    files: { 'docs/CONTRIBUTING.md': 'c', '.github/CONTRIBUTING.md': '  \n', 'CONTRIBUTING.rst': 'r', 'src/CONTRIBUTING.md': 's' },
  });
  assert.deepEqual(
    findInPlaces(ev.tree, (b) => /^contributing/i.test(b)).map((l) => l.path),
    ['.github/CONTRIBUTING.md', 'CONTRIBUTING.rst', 'docs/CONTRIBUTING.md'],
  );
  const found = locate(ev, (b) => /^contributing/i.test(b));
  assert.deepEqual(
    found.map((f) => [f.path, f.problem]),
    [
      ['CONTRIBUTING.rst', undefined],
      ['docs/CONTRIBUTING.md', undefined],
      ['.github/CONTRIBUTING.md', '.github/CONTRIBUTING.md is empty'],
    ],
  );
});

test('root README: accepted names preferred .md > .rst > .txt > none; other formats and other places listed', () => {
  const ev = makeEvidence({ files: { README: 'plain', 'readme.rst': 'rst', 'README.adoc': 'a', 'docs/README.md': 'd' } });
  const r = rootReadme(ev);
  assert.equal(r.file?.path, 'readme.rst');
  assert.equal(r.doc?.format, 'rst');
  assert.deepEqual(r.otherFormats, ['README.adoc']);
  assert.deepEqual(r.elsewhere, ['docs/README.md']);
  assert.equal(rootReadme(ev), r); // parsed once per Evidence
});
