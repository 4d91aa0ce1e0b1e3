// Door: landscape.yml built to cost. Input outside the fast scanner's subset goes to the yaml
// package, which took seconds for 256 KiB of deep flow nesting, compact nesting, anchors and
// aliases, or thousands of stray scalars (up to 7 s under fuzzing). Such input is now refused
// with the reason before the yaml package sees it, or parsed within a bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLandscape } from '../../src/landscape/read.js';
import { MAX_LANDSCAPE_CHARS, MAX_YAML_CHARS } from '../../src/landscape/source.js';
import { cpuMs } from '../support/cpu-time.js';

const N = 256 * 1024;
const fill = (fragment: string, n = N) => fragment.repeat(Math.ceil(n / fragment.length)).slice(0, n);

const refused: [string, string, RegExp][] = [
  ['flow nesting', fill('['), /nested more than 64 levels deep/],
  ['flow mappings', fill('{a: '), /nested more than 64 levels deep/],
  ['compact nesting', fill('- '), /more than 64 levels on one line/],
  ['explicit keys', fill('? '), /more than 64 levels on one line/],
  ['anchors and aliases', fill('&a *a '), /more than 256 anchors, aliases and tags/],
  [
    'an alias per key',
    `a: &a [x]\n${Array.from({ length: 20_000 }, (_, i) => `k${i}: *a\n`).join('')}`,
    /more than 256 anchors, aliases and tags/,
  ],
  ['tags', fill('!a '), /more than 256 anchors, aliases and tags/],
  ['a file over the yaml size limit', `landscape: [${fill('x', MAX_YAML_CHARS)}]`, /read only up to 1048576 characters/],
  ['a file over the size limit', fill('# comment\n', MAX_LANDSCAPE_CHARS + 10), /more than the 8388608 a landscape file may have/],
];

for (const [what, text, reason] of refused) {
  test(`landscape.yml: ${what} is refused quickly with the reason`, () => {
    const { result: l, ms } = cpuMs(() => readLandscape(text));
    assert.equal(l.items.length, 0);
    assert.match(l.problems.map((p) => p.message).join('\n'), reason);
    assert.ok(ms < 300, `${what}: ${Math.round(ms)} ms`);
  });
}

test('landscape.yml: thousands of stray scalars are parsed within a bound and reported as at most 21 problems', () => {
  for (const fragment of ['""\n', '"', "'a' ", '"a" ']) {
    const { result: l, ms } = cpuMs(() => readLandscape(fill(fragment)));
    assert.ok(l.problems.length >= 1 && l.problems.length <= 21, `${JSON.stringify(fragment)}: ${l.problems.length} problems`);
    assert.match(l.problems[0]!.message, /^YAML syntax: /);
    // 4.4 s for '""\n' before (an Error with a stack trace per problem, and a hint per problem)
    assert.ok(ms < 2500, `${JSON.stringify(fragment)}: ${Math.round(ms)} ms`);
  }
});

test('landscape.yml: ordinary flow style and anchors under the limits still parse', () => {
  const text =
    'landscape:\n  - category:\n    name: Modeling\n    subcategories:\n      - subcategory:\n        name: Vision\n        items: [{name: X, repo_url: "https://github.com/a/b", extra: {tags: [a, b]}}]\n';
  const l = readLandscape(text);
  assert.deepEqual(l.problems, []);
  assert.deepEqual(
    l.items.map((i) => i.name),
    ['X'],
  );
});
