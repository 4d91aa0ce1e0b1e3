// The LF AI & Data lifecycle as a policy: its stages add rules and raise options, its process
// rules are the document's (annual review, re-apply after six months, archiving by a 2/3 vote of
// the TAC and the Governing Board), and every official text is the document's own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadPolicy } from '../../src/policy/catalogue.js';

const CORPUS = process.env['STEWARD_CORPUS_DIR'] ?? '/work/.mirror';

const byKey = (stage: string) => new Map(loadPolicy('lfai-data', { stage }).rules.map((r) => [r.key, r]));

test('lfai-data: sandbox has eleven rules; incubation adds organisations and stars; graduation raises them', () => {
  const sandbox = loadPolicy('lfai-data', { stage: 'sandbox' });
  assert.equal(sandbox.stage, 'sandbox');
  assert.deepEqual(
    sandbox.rules.map((r) => [r.number, r.key]),
    [
      [1, 'governance'],
      [2, 'osi-license'],
      [3, 'best-practices-badge'],
      [4, 'license-file'],
      [5, 'readme'],
      [6, 'contributing'],
      [7, 'codeowners'],
      [8, 'code-of-conduct'],
      [9, 'release-process'],
      [10, 'support-file'],
      [11, 'security-policy'],
    ],
  );
  assert.deepEqual(byKey('sandbox').get('best-practices-badge')!.options, { level: 'passing' });
  const incubation = byKey('incubation');
  assert.equal(incubation.size, 13);
  assert.deepEqual(incubation.get('best-practices-badge')!.options, { level: 'silver' });
  assert.deepEqual(incubation.get('contributing-organisations')!.options, { min: 3 });
  assert.deepEqual(incubation.get('stars')!.options, { min: 500 });
  assert.equal(incubation.get('stars')!.text, 'Have reached a minimum of 500 stars on GitHub.');
  const graduation = byKey('graduation');
  assert.equal(graduation.size, 13);
  assert.deepEqual(graduation.get('best-practices-badge')!.options, { level: 'gold' });
  assert.deepEqual(graduation.get('contributing-organisations')!.options, { min: 5 });
  assert.deepEqual(graduation.get('stars')!.options, { min: 1000 });
  assert.equal(graduation.get('stars')!.text, 'Have reached a minimum of 1000 stars on GitHub.');
  assert.match(graduation.get('best-practices-badge')!.text, /\(Gold\)/);
});

test('lfai-data: the process rules are the lifecycle document’s', () => {
  const p = loadPolicy('lfai-data', { stage: 'sandbox' });
  assert.equal(p.process.reviewEveryMonths, 12);
  assert.equal(p.process.resubmitAfterMonths, 6);
  assert.deepEqual(p.process.archive, { by: 'vote', bodies: ['TAC', 'Governing Board'], majority: '2/3' });
  assert.equal(p.process.approvalRule, 'more-than-half-of-roster');
});

test('lfai-data: every official text is the lifecycle document’s, sentence by sentence', () => {
  const source = execFileSync('git', ['-C', join(CORPUS, 'lfai+proposing-projects', 'repo'), 'show', 'HEAD:ProjectLifecycle.md'], {
    encoding: 'utf8',
  });
  // the document's markdown (links, underlines, escapes) is not part of its words
  const words = (t: string) =>
    t
      .replace(/\[(?:<u>)?([^\]]*?)(?:<\/u>)?\]\([^)]*\)/g, '$1')
      .replace(/<\/?u>/g, '')
      .replace(/\\([[\].])/g, '$1')
      .replace(/\s+/g, ' ');
  const doc = words(source);
  for (const stage of ['sandbox', 'incubation', 'graduation']) {
    for (const r of loadPolicy('lfai-data', { stage }).rules) {
      for (const sentence of r.text.split(/(?<=\.)\s+(?=[A-Z])/))
        assert.ok(doc.includes(words(sentence)), `${stage} ${r.key}: ${sentence}`);
    }
  }
});

test('lfai-data: a stage it does not define is refused, naming the ones it has', () => {
  assert.throws(() => loadPolicy('lfai-data', { stage: 'emeritus' }), /sandbox.*incubation.*graduation/);
});
