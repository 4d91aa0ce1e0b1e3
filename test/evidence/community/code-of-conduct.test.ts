import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyCodeOfConduct, covenantVersion } from '../../../src/evidence/community/code-of-conduct.js';

test('the LF Projects text itself, a link to it, and the phrase', () => {
  const text = '# Code of Conduct\n\nEffective: Nov 1, 2018\n\nLF Projects, LLC ("LF Projects") supports and hosts open source projects.\n';
  const id = classifyCodeOfConduct(text);
  assert.equal(id.kind, 'linux-foundation');
  assert.equal(id.line, 5);
  assert.equal(classifyCodeOfConduct('We follow https://lfprojects.org/policies/code-of-conduct/\n').kind, 'linux-foundation');
  assert.equal(classifyCodeOfConduct('This project adheres to the Linux Foundation Code of Conduct.').kind, 'linux-foundation');
});

test('Contributor Covenant with its version, from a link or from words', () => {
  const v21 = classifyCodeOfConduct(
    '## Attribution\n\nThis Code of Conduct is adapted from the [Contributor Covenant][homepage],\nversion 2.1, available at\n[https://www.contributor-covenant.org/version/2/1/code_of_conduct.html][v2.1].\n',
  );
  assert.deepEqual([v21.kind, v21.version], ['contributor-covenant', '2.1']);
  const v14 = classifyCodeOfConduct(
    'Adapted from the Contributor Covenant, version 1.4, available at http://contributor-covenant.org/version/1/4',
  );
  assert.equal(v14.version, '1.4');
  assert.equal(covenantVersion('Contributor Covenant v3.0'), '3.0');
  assert.equal(covenantVersion('the Contributor Covenant'), undefined);
  assert.equal(classifyCodeOfConduct('We use the Contributor Covenant.').version, undefined);
});

test('a Covenant text that also mentions the LF code stays a Covenant; a short file adopting the LF code is LF', () => {
  const long = 'Our Pledge. '.repeat(100) + '\nContributor Covenant version 2.1.\nSee also the Linux Foundation Code of Conduct.\n';
  const id = classifyCodeOfConduct(long);
  assert.equal(id.kind, 'contributor-covenant');
  assert.deepEqual(id.alsoMentions, ['linux-foundation']);
  const short = classifyCodeOfConduct('This project follows the LF Projects Code of Conduct, based on the Contributor Covenant.');
  assert.equal(short.kind, 'linux-foundation');
});

test('a short file that only links elsewhere; other codes; empty', () => {
  const link = classifyCodeOfConduct('Please see https://github.com/my-org/.github/blob/main/CODE_OF_CONDUCT.md.\n');
  assert.deepEqual([link.kind, link.link], ['link', 'https://github.com/my-org/.github/blob/main/CODE_OF_CONDUCT.md']);
  assert.equal(classifyCodeOfConduct('We follow the PSF Code of Conduct.').kind, 'python-software-foundation');
  assert.equal(classifyCodeOfConduct('NumFOCUS Code of Conduct applies').kind, 'numfocus');
  assert.equal(classifyCodeOfConduct('Be excellent to each other. '.repeat(40)).kind, 'other');
  assert.equal(classifyCodeOfConduct('  \n ').kind, 'empty');
  // a long text with a link in it is a code of its own, not a pointer
  assert.equal(classifyCodeOfConduct('Be kind. '.repeat(60) + 'Report to https://example.org/report').kind, 'other');
});
