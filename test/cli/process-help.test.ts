// The process commands' --help read cold, as a new staff member reads it: what --on does depends on
// whether the command records something or only reads, the audit log's commands take no day, and
// every command says what it is for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/cli.js';

const help = async (...args: string[]) => {
  const r = await runCli([...args, '--help']);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.replace(/\s+/g, ' ');
};

test('--on says what it does: a command that records refuses a future day; a reading one plans ahead', async () => {
  for (const cmd of [
    ['vote', 'cast'],
    ['decision', 'record'],
    ['application', 'submit'],
  ]) {
    const h = await help(...cmd);
    assert.match(h, /--on <date> act as on YYYY-MM-DD \(UTC\), for what happened on an earlier day/, cmd.join(' '));
    assert.match(h, /refused \(nothing written\) after today or before the record's latest event/, cmd.join(' '));
  }
  for (const cmd of [['application', 'list'], ['review', 'due'], ['inbox'], ['project', 'show']]) {
    const h = await help(...cmd);
    assert.match(h, /--on <date> as on YYYY-MM-DD \(UTC\): .* a future day too, for planning \(nothing is written\)/, cmd.join(' '));
    assert.doesNotMatch(h, /refused \(nothing written\) after today/, cmd.join(' '));
  }
});

test('the audit log commands take no --on (it meant nothing to them), and say so by refusing it', async () => {
  for (const cmd of ['verify', 'head', 'log']) {
    assert.doesNotMatch(await help('audit', cmd), /--on/, cmd);
    const r = await runCli(['audit', cmd, '--on', '2026-01-15']);
    assert.equal(r.code, 2, cmd);
    assert.match(r.stderr, /unknown option '--on'/, cmd);
  }
});

test('decision record says TOO_EARLY needs no vote; amendment cast says what it does', async () => {
  assert.match(await help('decision', 'record'), /TOO_EARLY needs no vote/);
  assert.match(await help('amendment'), /cast \[options\] <id> <choice> cast or change your ballot on an amendment/);
});
