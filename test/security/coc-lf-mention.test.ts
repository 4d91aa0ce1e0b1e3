// Door: the code of conduct (issue 11). Naming the Linux Foundation code's URL is not adopting
// it: a file that links it only to say the project does not follow it must not pass requirement
// 19 as the LF code. The LF code is recognised from its own text or a sentence that adopts it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyCodeOfConduct } from '../../src/evidence/community/code-of-conduct.js';
import { codeOfConduct } from '../../src/requirements/code-of-conduct.js';
import { makeEvidence, ctx, evaluateRule } from '../support/evidence.js';

const LF_URL = 'https://lfprojects.org/policies/code-of-conduct/';
const OWN_RULES =
  '\n\n## Our rules\n\n' +
  'Members decide together what behaviour is acceptable and the maintainers enforce it as they see fit. '.repeat(6);

test('a code of conduct that names the LF URL to say it does not follow it is not the LF code (requirement 19 does not pass)', () => {
  for (const refusal of [
    `# Code of Conduct\n\nThis project does not follow the Linux Foundation code of conduct (${LF_URL}).${OWN_RULES}`,
    `# Conduct\n\nUnlike many projects, we have not adopted ${LF_URL}; instead of it, our own rules apply.${OWN_RULES}`,
    `We don't use ${LF_URL}.`,
    `# Code of Conduct\n\nThe LF Projects Code of Conduct no longer applies here; it was replaced by the rules below.${OWN_RULES}`,
  ]) {
    const id = classifyCodeOfConduct(refusal);
    assert.notEqual(id.kind, 'linux-foundation', refusal.slice(0, 80));
    assert.ok(id.alsoMentions.includes('linux-foundation'), `${refusal.slice(0, 60)}: ${JSON.stringify(id)}`);
    const r = evaluateRule(codeOfConduct, makeEvidence({ files: { 'CODE_OF_CONDUCT.md': refusal } }), ctx());
    assert.notEqual(r.status, 'pass', `${refusal.slice(0, 60)}: ${r.summary}`);
  }
});

test('adoption is still recognised: the LF text itself, an adopting sentence, a bare pointer', () => {
  for (const adopts of [
    `# Code of Conduct\n\nThis project follows the Linux Foundation Code of Conduct: ${LF_URL}\n`,
    `All participants are expected to abide by ${LF_URL}.${OWN_RULES}`,
    `${LF_URL}\n`,
    '# Code of Conduct\n\nLF Projects, LLC ("LF Projects") supports and hosts open source projects.\n',
  ]) {
    const r = evaluateRule(codeOfConduct, makeEvidence({ files: { 'CODE_OF_CONDUCT.md': adopts } }), ctx());
    assert.equal(r.status, 'pass', `${adopts.slice(0, 60)}: ${r.summary}`);
  }
});
