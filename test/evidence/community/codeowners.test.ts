import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCodeowners } from '../../../src/evidence/community/codeowners.js';

test('rules, owners of each kind, comments and trailing comments', () => {
  const p = parseCodeowners(
    [
      '# Default owners',
      '*       @Alice @my-org/core-team # trailing comment',
      '',
      '/docs/  docs@example.org',
      '\\#weird-file @bob',
      '*.py @alice',
    ].join('\n'),
  );
  assert.deepEqual(
    p.rules.map((r) => [r.line, r.pattern, r.owners.map((o) => `${o.kind}:${o.id}`)]),
    [
      [2, '*', ['user:Alice', 'team:my-org/core-team']],
      [4, '/docs/', ['email:docs@example.org']],
      [5, '#weird-file', ['user:bob']],
      [6, '*.py', ['user:alice']],
    ],
  );
  // distinct owners, case-insensitively, in order of first appearance
  assert.deepEqual(
    p.owners.map((o) => o.id),
    ['Alice', 'my-org/core-team', 'docs@example.org', 'bob'],
  );
  assert.deepEqual(p.invalid, []);
});

test('a pattern without owners is a reset, not a rule; a file of only comments has no rules', () => {
  const p = parseCodeowners('* @alice\n/vendored/\n');
  assert.equal(p.rules.length, 1);
  assert.deepEqual(
    p.resets.map((r) => r.pattern),
    ['/vendored/'],
  );
  const empty = parseCodeowners('# nothing here yet\n\n   \n# * @someone\n');
  assert.equal(empty.rules.length, 0);
  assert.equal(empty.resets.length, 0);
});

test('a line with an invalid owner is skipped whole, as GitHub does; GitLab sections are noted', () => {
  const p = parseCodeowners('* @alice not-an-owner\n[Section]\n/x @bob\n');
  assert.deepEqual(
    p.rules.map((r) => r.pattern),
    ['/x'],
  );
  assert.equal(p.invalid.length, 2);
  assert.match(p.invalid[0]!.reason, /not-an-owner.*GitHub skips this line/);
  assert.match(p.invalid[1]!.reason, /GitLab section/);
});

test('emeritus sections: a heading comment then comment lines naming people, up to a blank line', () => {
  const p = parseCodeowners(
    [
      '* @alice',
      '',
      '# ---- Emeritus maintainers ----',
      '# @carol (2019-2022)',
      '# Dan Example <dan@example.org>',
      '',
      '# Unrelated comment @zed',
      '# Alumni: @erin, @frank',
      '# This rule covers retired modules',
    ].join('\n'),
  );
  assert.deepEqual(
    p.emeritus.map((s) => [s.line, s.names]),
    [
      [3, ['@carol', 'dan@example.org']],
      [8, ['@erin', '@frank', 'This rule covers retired modules']],
    ],
  );
  const prose = parseCodeowners('# This rule covers retired modules\n* @a\n');
  assert.deepEqual(prose.emeritus, []);
  const bare = parseCodeowners('# Emeritus\n\n* @a\n');
  assert.deepEqual(
    bare.emeritus.map((s) => s.names),
    [[]],
  );
});

test('CRLF line endings and tabs', () => {
  const p = parseCodeowners('*\t@alice\r\n/a/\t@bob\t@carol\r\n');
  assert.deepEqual(
    p.rules.map((r) => r.owners.length),
    [1, 2],
  );
});

test('never throws on arbitrary text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), (s) => {
      const p = parseCodeowners(s);
      for (const r of p.rules) assert.ok(r.owners.length > 0);
    }),
    { numRuns: 300 },
  );
});
