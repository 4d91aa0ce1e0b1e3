// Door: a repository's YAML built to cost (found by `npm run fuzz`). The CI workflow reader gave
// the yaml package up to 128 KiB, which took 20 s for 128 KiB of `"`, 15 s of `&a `, 14 s of
// `!a `, 10 s of `"a" ` (an Error with a stack trace and a pretty context per problem, and
// nesting), and a conda environment.yml had no size limit at all. Both now refuse deep nesting
// and floods of anchors, aliases and tags unread, make errors cheaply, and cap the size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readGithubWorkflow } from '../../src/evidence/ci/github-actions.js';
import { readEnvironmentYml } from '../../src/evidence/python/conda.js';
import type { EvidenceProblem } from '../../src/evidence/types.js';
import { cpuMs } from '../support/cpu-time.js';

const fill = (fragment: string, n: number) => fragment.repeat(Math.ceil(n / fragment.length)).slice(0, n);
const N = 128 * 1024 - 1;

test('a workflow file built to cost the yaml package is refused or reported within a bound', () => {
  for (const [fragment, said] of [
    ['"', /^not valid YAML: /],
    ['"a" ', /^not valid YAML: /],
    ['&a ', /^not parsed: YAML with more than 256 anchors, aliases and tags/],
    ['!a ', /^not parsed: YAML with more than 256 anchors, aliases and tags/],
    ['[', /^not parsed: YAML nested more than 64 levels deep/],
    ['- ', /^not parsed: YAML nests more than 64 levels on one line/],
  ] as const) {
    const problems: EvidenceProblem[] = [];
    const text = fill(fragment, N);
    const { ms } = cpuMs(() => readGithubWorkflow('.github/workflows/ci.yml', text, problems));
    assert.match(problems[0]?.message ?? '', said, JSON.stringify(fragment));
    assert.ok(ms < 3000, `${JSON.stringify(fragment)}: ${Math.round(ms)} ms`);
  }
});

test('a conda environment.yml is bounded the same way, and by size', () => {
  for (const [text, said] of [
    [fill('"', 1024 * 1024), /^1048576 characters: YAML files over 128 KiB are not parsed/],
    [fill('&a ', N), /^not parsed: YAML with more than 256 anchors/],
    [fill('"', N), /^not valid YAML: /],
  ] as const) {
    const problems: EvidenceProblem[] = [];
    const { result, ms } = cpuMs(() => readEnvironmentYml('environment.yml', text, false, problems));
    assert.deepEqual(result, []);
    assert.ok(ms < 3000, `${Math.round(ms)} ms`);
    assert.match(problems[0]?.message ?? '', said);
  }
  // an ordinary file still reads
  const problems: EvidenceProblem[] = [];
  const decls = readEnvironmentYml('environment.yml', 'name: x\ndependencies:\n  - python=3.11\n  - pytorch>=2.1\n', false, problems);
  assert.deepEqual(problems, []);
  assert.equal(decls.length, 1);
});
