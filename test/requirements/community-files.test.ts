// Requirements 15 (LICENSE file), 17 (CONTRIBUTING), 18 (CODEOWNERS), 19 (code of conduct).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { licenseFile } from '../../src/requirements/license-file.js';
import { contributing } from '../../src/requirements/contributing.js';
import { codeowners } from '../../src/requirements/codeowners.js';
import { codeOfConduct } from '../../src/requirements/code-of-conduct.js';
import type { Rule } from '../../src/requirements/types.js';
import type { OnlineEvidence } from '../../src/evidence/types.js';
import { makeEvidence, makePolicy, ctx, type EvidenceSpec, type FileSpec, evaluateRule } from '../support/evidence.js';
import { assertSaid } from '../support/messages.js';

const run = (req: Rule, files: Record<string, FileSpec>, extra: EvidenceSpec = {}, policy = makePolicy()) =>
  evaluateRule(req, makeEvidence({ ...extra, files }), ctx(policy));
const online = (github: Partial<NonNullable<OnlineEvidence['github']>> = {}): OnlineEvidence => ({
  github: { stars: 0, archived: false, defaultBranch: 'main', ...github },
  errors: {},
});
const onGitHubRepo: EvidenceSpec = {
  overrides: {
    repo: {
      input: 'o/p',
      root: '/x',
      bare: false,
      rev: 'HEAD',
      commit: 'a'.repeat(40),
      commitDate: '2026-01-01',
      slug: 'o/p',
      host: 'github',
    },
  },
};

// ------------------------------------------------------------------ 15: LICENSE

test('15: every accepted name and case at the root passes; exactly LICENSE.md is said to be exact', () => {
  for (const name of [
    'LICENSE',
    'LICENSE.md',
    'LICENSE.txt',
    'LICENSE.rst',
    'LICENCE',
    'Licence.md',
    'license.txt',
    'COPYING',
    'COPYING.rst',
    'copying.md',
  ]) {
    const r = evaluateRule(licenseFile, makeEvidence({ paths: [name] }), ctx());
    assert.equal(r.status, 'pass', name);
    assert.equal(r.measured['path'], name);
    assert.equal(r.measured['exactName'], name === 'LICENSE.md', name);
    if (name !== 'LICENSE.md') assert.match(r.summary, /not named exactly LICENSE\.md/, name);
  }
});

test('15: LICENSE.md is preferred when several exist; a REUSE LICENSES/ folder passes', () => {
  const r = evaluateRule(licenseFile, makeEvidence({ paths: ['COPYING', 'LICENSE.md', 'LICENSE.txt'] }), ctx());
  assert.equal(r.measured['path'], 'LICENSE.md');
  assert.deepEqual(r.measured['others'], ['LICENSE.txt', 'COPYING']);
  const reuse = evaluateRule(licenseFile, makeEvidence({ paths: ['LICENSES/MIT.txt', 'LICENSES/Apache-2.0.txt'] }), ctx());
  assert.equal(reuse.status, 'pass');
  assert.equal(reuse.measured['path'], 'LICENSES/');
  // lower-case licenses/ is not REUSE's folder: third-party licensing only
  const lower = evaluateRule(licenseFile, makeEvidence({ paths: ['licenses/foo.txt'] }), ctx());
  assert.equal(lower.status, 'fail');
  assert.deepEqual(lower.measured['thirdParty'], ['licenses/foo.txt']);
});

test('15: near names warn, wrong places and unusable files fail', () => {
  const near = evaluateRule(licenseFile, makeEvidence({ paths: ['LICENSE-MIT', 'LICENSE-APACHE'] }), ctx());
  assert.equal(near.status, 'warn');
  assert.match(near.fix!, /Rename LICENSE-APACHE to LICENSE\.md/);
  const docs = evaluateRule(licenseFile, makeEvidence({ paths: ['docs/LICENSE.md', 'third_party/x/LICENSE'] }), ctx());
  assert.equal(docs.status, 'fail');
  assert.deepEqual(docs.measured['elsewhere'], ['docs/LICENSE.md']);
  assert.match(docs.fix!, /Move docs\/LICENSE\.md to LICENSE\.md/);
  const outside = run(licenseFile, { LICENSE: { symlink: '/usr/share/common-licenses/MIT' } });
  assert.equal(outside.status, 'fail');
  assert.match(outside.summary, /outside the repository/);
  const empty = run(licenseFile, { LICENSE: '' });
  assert.equal(empty.status, 'fail');
  assert.match(empty.summary, /empty/);
  const none = evaluateRule(licenseFile, makeEvidence({ paths: ['src/a.py'] }), ctx());
  assert.equal(none.status, 'fail');
  assert.match(none.fix!, /Add LICENSE\.md at the root/);
});

test('15: third-party licensing is measured (NOTICE, THIRD_PARTY*, vendored license files)', () => {
  const r = evaluateRule(
    licenseFile,
    makeEvidence({ paths: ['LICENSE', 'NOTICE', 'THIRD_PARTY_NOTICES.txt', 'third_party/lib/LICENSE', 'third_party/lib/x.c'] }),
    ctx(),
  );
  assert.deepEqual(r.measured['thirdParty'], ['NOTICE', 'THIRD_PARTY_NOTICES.txt', 'third_party/lib/LICENSE']);
  assert.match(r.summary, /Third-party licensing: NOTICE/);
});

// ------------------------------------------------------------------ 17: CONTRIBUTING

test('17: CONTRIBUTING in each place and case passes; src/ does not count', () => {
  for (const p of ['CONTRIBUTING.md', 'contributing.rst', '.github/CONTRIBUTING.md', 'docs/CONTRIBUTING.txt', 'CONTRIBUTING']) {
    const r = run(contributing, { [p]: 'How to help.' });
    assert.equal(r.status, 'pass', p);
    assert.equal(r.measured['path'], p);
  }
  assert.equal(run(contributing, { 'src/CONTRIBUTING.md': 'x' }).status, 'fail');
});

test('17: deeper docs page warns; the organisation file passes online; offline on GitHub is unknown', () => {
  const deep = run(contributing, { 'docs/source/contributing.rst': 'x' });
  assert.equal(deep.status, 'warn');
  assert.equal(deep.measured['path'], 'docs/source/contributing.rst');
  const org = evaluateRule(
    contributing,
    makeEvidence({
      overrides: { online: online({ orgFiles: { contributing: 'https://github.com/o/.github/blob/main/CONTRIBUTING.md' } }) },
    }),
    ctx(),
  );
  assert.equal(org.status, 'pass');
  assert.equal(org.measured['source'], 'organisation');
  assert.equal(run(contributing, {}, onGitHubRepo).status, 'unknown');
  assert.equal(run(contributing, {}, { ...onGitHubRepo, overrides: { ...onGitHubRepo.overrides, online: online() } }).status, 'fail');
  const sym = run(contributing, { 'CONTRIBUTING.md': { symlink: '../CONTRIBUTING.md' } });
  assert.equal(sym.status, 'fail');
  assert.match(sym.summary, /outside the repository/);
});

// ------------------------------------------------------------------ 18: CODEOWNERS

test('18: exact CODEOWNERS in .github/, root and docs/; GitHub takes the first and ignores the rest', () => {
  for (const p of ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS']) {
    const r = run(codeowners, { [p]: '* @alice\n\n# Emeritus\n# @old\n' });
    assert.equal(r.status, 'pass', p);
    assert.equal(r.measured['path'], p);
    assertSaid(codeowners, r, 'retiredDocumented', {
      path: p,
      rules: 1,
      count: 1,
      owners: '@alice',
      emeritusPath: p,
      emeritusLine: 3,
      skipped: '',
      ignored: '',
    });
  }
  const both = run(codeowners, { CODEOWNERS: '* @b\n', '.github/CODEOWNERS': '# Emeritus: @x\n* @a\n' });
  assert.equal(both.measured['path'], '.github/CODEOWNERS');
  assert.deepEqual(both.measured['ignored'], ['CODEOWNERS']);
  assertSaid(codeowners, both, 'retiredDocumented', {
    path: '.github/CODEOWNERS',
    ignored: ' GitHub ignores CODEOWNERS because .github/CODEOWNERS comes first.',
  });
});

test('18: wrong case and wrong place fail with the rename or move to make', () => {
  const lower = run(codeowners, { '.github/codeowners': '* @a\n' });
  assert.equal(lower.status, 'fail');
  assertSaid(codeowners, lower, 'wrongCase', { paths: '.github/codeowners' });
  assert.equal(lower.fix, 'Rename .github/codeowners to .github/CODEOWNERS.');
  const src = run(codeowners, { 'src/CODEOWNERS': '* @a\n' });
  assert.equal(src.status, 'fail');
  assert.equal(src.fix, 'Move src/CODEOWNERS to .github/CODEOWNERS.');
  assertSaid(codeowners, src, 'misplaced', { paths: 'src/CODEOWNERS' });
  assertSaid(codeowners, run(codeowners, {}), 'missing');
});

test('18: rules needed (comments only or resets only fail); teams, e-mails count as owners', () => {
  const comments = run(codeowners, { CODEOWNERS: '# to do\n' });
  assert.equal(comments.status, 'fail');
  assertSaid(codeowners, comments, 'noRule', { path: 'CODEOWNERS', resets: '', invalid: '', ignored: '' });
  const resets = run(codeowners, { CODEOWNERS: '/vendor/\n' });
  assert.equal(resets.status, 'fail');
  assertSaid(codeowners, resets, 'noRule', { resets: ' (1 pattern(s) without owners)' });
  const invalid = run(codeowners, { CODEOWNERS: '* alice\n' });
  assert.equal(invalid.status, 'fail');
  assertSaid(codeowners, invalid, 'noRule', { path: 'CODEOWNERS' });
  assert.match(String(invalid.message!.data['invalid']), /^; line 1: "alice" is not an owner/);
  const teams = run(codeowners, { CODEOWNERS: '* @org/core dev@example.org\n' });
  assert.equal(teams.status, 'warn');
  assert.deepEqual(teams.measured['owners'], ['@org/core', 'dev@example.org']);
  assert.equal(teams.measured['rules'], 1);
  assertSaid(codeowners, teams, 'retiredUndocumented', { path: 'CODEOWNERS', rules: 1, count: 2, owners: '@org/core, dev@example.org' });
  const skipped = run(codeowners, { CODEOWNERS: '* @a\n/docs/ bob\n' });
  assertSaid(codeowners, skipped, 'retiredUndocumented', { rules: 1, owners: '@a' });
  assert.match(String(skipped.message!.data['skipped']), /^ 1 line\(s\) are skipped by GitHub \(line 2: /);
});

test('18: emeritus documented in CODEOWNERS, an EMERITUS file, MAINTAINERS or GOVERNANCE sections; else warn', () => {
  const plain = run(codeowners, { CODEOWNERS: '* @a\n' });
  assert.equal(plain.status, 'warn');
  assert.match(plain.fix!, /# Emeritus/);
  const cases: Record<string, FileSpec>[] = [
    { 'EMERITUS.md': 'Thanks to Jane who led 2019-2022.\n' },
    { 'MAINTAINERS.md': '# Maintainers\n\n- @a\n\n## Emeritus\n\n- @old\n' },
    { 'GOVERNANCE.md': '# Governance\n\n## Emeritus maintainers\n\n- @old\n' },
    { '.github/ALUMNI.md': '- @old\n' },
  ];
  for (const files of cases) {
    const r = run(codeowners, { CODEOWNERS: '* @a\n', ...files });
    assert.equal(r.status, 'pass', Object.keys(files)[0]);
  }
  // a heading with nobody under it documents nobody
  assert.equal(run(codeowners, { CODEOWNERS: '* @a\n\n# Emeritus\n' }).status, 'warn');
  assert.equal(run(codeowners, { CODEOWNERS: '* @a\n', 'MAINTAINERS.md': '## Emeritus\n\nNone yet.\n' }).status, 'warn');
});

test('18: CODEOWNERS symlinks: inside followed by path, outside reported; binary reported', () => {
  const inside = run(codeowners, { '.github/CODEOWNERS': { symlink: '../docs/OWNERS.txt' }, 'docs/OWNERS.txt': '* @a\n' });
  // docs/OWNERS.txt was read (an OWNERS* name), so the rules behind the link count
  assert.equal(inside.measured['rules'], 1);
  const outside = run(codeowners, { CODEOWNERS: { symlink: '/etc/CODEOWNERS' } });
  assert.equal(outside.status, 'fail');
  assertSaid(codeowners, outside, 'unusable', { path: 'CODEOWNERS' });
  assert.match(String(outside.message!.data['problem']), /outside the repository/);
  const bin = run(codeowners, { CODEOWNERS: { binary: true, size: 9 } });
  assert.equal(bin.status, 'fail');
  assertSaid(codeowners, bin, 'unusable', { path: 'CODEOWNERS', problem: 'CODEOWNERS is a binary file, not text' });
});

// ------------------------------------------------------------------ 19: code of conduct

const LF = 'LF Projects, LLC ("LF Projects") supports and hosts open source projects.\n';
const COVENANT =
  '# Contributor Covenant Code of Conduct\n\n' +
  'We pledge to make participation harassment-free. '.repeat(30) +
  '\n\nThis Code of Conduct is adapted from the [Contributor Covenant](https://www.contributor-covenant.org/version/2/1/code_of_conduct.html), version 2.1.\n';

test('19: the LF code passes in each place and name variant', () => {
  for (const p of [
    'CODE_OF_CONDUCT.md',
    'CODE-OF-CONDUCT.md',
    'code_of_conduct.rst',
    '.github/CODE_OF_CONDUCT.md',
    'docs/CODE_OF_CONDUCT.txt',
  ]) {
    const r = run(codeOfConduct, { [p]: LF });
    assert.equal(r.status, 'pass', p);
    assert.equal(r.measured['kind'], 'linux-foundation');
    assert.equal(r.evidence[0]?.line, 1);
  }
  assert.equal(run(codeOfConduct, { 'src/CODE_OF_CONDUCT.md': LF }).status, 'fail');
});

test('19: Contributor Covenant 2.1 warns, unless approved by kind, kind@version or repository', () => {
  const warn = run(codeOfConduct, { 'CODE_OF_CONDUCT.md': COVENANT });
  assert.equal(warn.status, 'warn');
  assert.equal(warn.measured['kind'], 'contributor-covenant');
  assert.equal(warn.measured['version'], '2.1');
  assert.match(warn.summary, /needs the TAC's prior approval/);
  const approvedOn = '2026-01-15';
  for (const a of [{ kind: 'contributor-covenant' }, { kind: 'contributor-covenant@2.1' }, { repo: 'O/P' }]) {
    const policy = makePolicy({ codeOfConduct: { default: 'linux-foundation', approved: [{ ...a, reason: 'TAC vote', approvedOn }] } });
    const r = run(codeOfConduct, { 'CODE_OF_CONDUCT.md': COVENANT }, onGitHubRepo, policy);
    assert.equal(r.status, 'pass', JSON.stringify(a));
    assert.match(r.summary, /approved on 2026-01-15/);
  }
  // an approval of another version or another repository does not carry over
  for (const a of [{ kind: 'contributor-covenant@1.4' }, { repo: 'o/other' }]) {
    const policy = makePolicy({ codeOfConduct: { default: 'linux-foundation', approved: [{ ...a, reason: 'r', approvedOn }] } });
    assert.equal(run(codeOfConduct, { 'CODE_OF_CONDUCT.md': COVENANT }, onGitHubRepo, policy).status, 'warn', JSON.stringify(a));
  }
});

test('19: other codes warn, a link-only file is for review, an empty file fails', () => {
  const other = run(codeOfConduct, { 'CODE_OF_CONDUCT.md': 'Be nice to everyone, always. '.repeat(20) });
  assert.equal(other.status, 'warn');
  assert.equal(other.measured['kind'], 'other');
  const link = run(codeOfConduct, { 'CODE_OF_CONDUCT.md': 'See https://github.com/org/.github/blob/main/CODE_OF_CONDUCT.md\n' });
  assert.equal(link.status, 'review');
  assert.equal(link.measured['link'], 'https://github.com/org/.github/blob/main/CODE_OF_CONDUCT.md');
  const resolved = run(
    codeOfConduct,
    { 'CODE_OF_CONDUCT.md': 'See https://github.com/org/.github/blob/main/CODE_OF_CONDUCT.md\n' },
    { overrides: { online: online({ orgFiles: { codeOfConduct: 'x', codeOfConductKind: 'linux-foundation' } }) } },
  );
  assert.equal(resolved.status, 'pass');
  const empty = run(codeOfConduct, { 'CODE_OF_CONDUCT.md': '' });
  assert.equal(empty.status, 'fail');
});

test('19: symlinks: outside reported, not read; inside read by path', () => {
  const out = run(codeOfConduct, { 'CODE_OF_CONDUCT.md': { symlink: '../../shared/CODE_OF_CONDUCT.md' } });
  assert.equal(out.status, 'fail');
  assert.match(out.summary, /symlink to "..\/..\/shared\/CODE_OF_CONDUCT.md", outside the repository/);
  assert.equal(out.measured['kind'], null);
  const inside = run(codeOfConduct, { 'CODE_OF_CONDUCT.md': { symlink: 'docs/CODE_OF_CONDUCT.md' }, 'docs/CODE_OF_CONDUCT.md': LF });
  assert.equal(inside.status, 'pass');
});

test('19: the organisation .github file counts online; offline on GitHub is unknown, elsewhere fail', () => {
  const org = evaluateRule(
    codeOfConduct,
    makeEvidence({
      overrides: {
        online: online({
          orgFiles: { codeOfConduct: 'https://github.com/o/.github/blob/main/CODE_OF_CONDUCT.md', codeOfConductKind: 'linux-foundation' },
        }),
      },
    }),
    ctx(),
  );
  assert.equal(org.status, 'pass');
  assert.equal(org.measured['source'], 'organisation');
  assert.equal(run(codeOfConduct, {}, onGitHubRepo).status, 'unknown');
  const local = run(codeOfConduct, {});
  assert.equal(local.status, 'fail');
  assert.match(local.fix!, /lfprojects\.org\/policies\/code-of-conduct/);
});
