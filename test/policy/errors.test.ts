// A policy file that does not validate is refused with the file, the line and column, the path in
// the file and what was expected there: an unknown rule, an option of the wrong type, a missing field.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_POLICY_FILE, loadPolicyFile } from '../../src/policy/load.js';
import { InputError } from '../../src/util/errors.js';
import { cleanupTemp, tempDir } from '../support/repo.js';
import { runCli, REPO_ROOT } from '../support/cli.js';

after(cleanupTemp);

const base = readFileSync(DEFAULT_POLICY_FILE, 'utf8');

/** The 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `the policy has a line with ${needle}`);
  return i + 1;
}

function refusal(text: string): { file: string; message: string } {
  const file = join(tempDir(), 'edited.yml');
  writeFileSync(file, text);
  try {
    loadPolicyFile(file);
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return { file, message: err.message };
  }
  return assert.fail('the policy was accepted');
}

test('an unknown rule is refused at its key, naming the rules there are', () => {
  const text = base.replace('  - key: stars\n', '  - key: starz\n');
  const { file, message } = refusal(text);
  const line = lineOf(text, 'key: starz');
  assert.ok(message.startsWith(`${file}:${line}:5: rules[13].key: unknown rule "starz"; expected one of `), message);
  assert.match(message, /expected one of pytorch-support, working-ci, .*\bstars\b/);
});

test('an option of the wrong type is refused at the option, by the rule’s own schema', () => {
  const text = base.replace('options: { min: 200 }', 'options: { min: "many" }');
  const { file, message } = refusal(text);
  const line = lineOf(text, 'options: { min: "many" }');
  assert.equal(message, `${file}:${line}:16: rules[13].options.min: expected a number, found "many"`);
});

test('an option the rule does not have is refused by name', () => {
  const text = base.replace('options: { min: 200 }', 'options: { min: 200, max: 5 }');
  const { file, message } = refusal(text);
  assert.equal(message, `${file}:${lineOf(text, 'max: 5')}:26: rules[13].options.max: unknown field "max"`);
});

test('a missing field is refused at the entry that lacks it', () => {
  const text = base.replace('    title: "Stars"\n', '');
  const { file, message } = refusal(text);
  assert.equal(message, `${file}:${lineOf(text, 'key: stars')}:5: rules[13].title: missing; expected a string`);
});

test('a top-level field missing, and one of the wrong kind, are refused where they are (or would be)', () => {
  const noShared = base.replace(/\nshared:\n(?: {2}.*\n)+/, '\n');
  const a = refusal(noShared);
  assert.equal(a.message, `${a.file}:3:1: shared: missing; expected a mapping`);
  const text = base.replace('fixWithinDays: 30', 'fixWithinDays: [30]');
  const b = refusal(text);
  assert.equal(b.message, `${b.file}:${lineOf(text, 'fixWithinDays')}:3: process.fixWithinDays: expected a number, found [30]`);
});

test('steward check refuses such a policy with exit 2, the place on stderr and nothing on stdout', async () => {
  const file = join(tempDir(), 'bad.yml');
  writeFileSync(file, base.replace('  - key: stars\n', '  - key: starz\n'));
  const r = await runCli(['check', REPO_ROOT, '--offline', '--policy', file]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(
    r.stderr,
    new RegExp(`bad\\.yml:${lineOf(readFileSync(file, 'utf8'), 'starz')}:5: rules\\[13\\]\\.key: unknown rule "starz"`),
  );
});
