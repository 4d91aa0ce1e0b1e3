// Hostile input for the community requirements: arbitrary text in every file they read never
// throws, and pathological long lines cost bounded time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RULES_BY_KEY } from '../../src/requirements/index.js';
import { parseCodeowners } from '../../src/evidence/community/codeowners.js';
import { parseMaintainers } from '../../src/evidence/community/maintainers.js';
import { classifyCodeOfConduct } from '../../src/evidence/community/code-of-conduct.js';
import { mentionsIn } from '../../src/evidence/community/people.js';
import { makeEvidence, ctx, evaluateRule } from '../support/evidence.js';

const MINE = [
  'governance',
  'user-experience',
  'quick-start',
  'documentation',
  'core-maintainers',
  'stars',
  'license-file',
  'readme',
  'contributing',
  'codeowners',
  'code-of-conduct',
];
const reqs = MINE.map((key) => RULES_BY_KEY.get(key)!);
const STATUSES = new Set(['pass', 'fail', 'warn', 'review', 'unknown', 'exempt']);

test('arbitrary file contents: every community requirement returns a status, a summary, and a fix when failing', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc
      .array(
        fc.constantFrom(
          '# ',
          '## Install',
          '```',
          '    ',
          '- @a',
          '| x | y |',
          '::',
          '.. code-block::',
          '[',
          '](',
          '<h2>',
          '\n',
          'pip install x',
          '===',
          '* @b',
          '# Emeritus',
        ),
        { maxLength: 40 },
      )
      .map((a) => a.join('')),
  );
  fc.assert(
    fc.property(text, text, text, (a, b, c) => {
      const ev = makeEvidence({
        files: {
          'README.md': a,
          'README.rst': b,
          '.github/CODEOWNERS': c,
          'MAINTAINERS.md': a,
          'CODE_OF_CONDUCT.md': b,
          'GOVERNANCE.md': c,
          'docs/index.rst': a,
        },
      });
      for (const r of reqs) {
        const o = evaluateRule(r, ev, ctx());
        assert.ok(STATUSES.has(o.status), `${r.meta.key}: ${o.status}`);
        assert.ok(o.summary.length > 0);
        if (o.status === 'fail') assert.ok(o.fix, `${r.meta.key} fails without a fix: ${o.summary}`);
        JSON.stringify(o.measured);
      }
    }),
    { numRuns: 150 },
  );
});

test('pathological long lines in CODEOWNERS, MAINTAINERS and codes of conduct cost bounded time', () => {
  const evil = [
    '@' + 'a'.repeat(200_000),
    ' @a'.repeat(100_000),
    'x@'.repeat(100_000),
    '[' + '('.repeat(100_000),
    'github.com/' + 'a'.repeat(100_000),
    '|'.repeat(100_000),
  ].join('\n');
  const t0 = Date.now();
  parseCodeowners(evil);
  parseMaintainers('MAINTAINERS.md', evil);
  classifyCodeOfConduct(evil + '\nContributor Covenant ' + 'version '.repeat(50_000));
  mentionsIn(evil.slice(0, 300_000));
  const ms = Date.now() - t0;
  assert.ok(ms < 5000, `took ${ms} ms`);
});
