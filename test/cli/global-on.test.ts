// `steward --on DAY <command> …` is the command's own --on, written before it (src/cli/global-on.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoistGlobalOn } from '../../src/cli/global-on.js';
import { runCli } from '../support/cli.js';
import { submitArgs } from '../process/helpers.js';
import { cleanupTemp, tempDir } from '../support/repo.js';

test.after(cleanupTemp);

test('a leading --on moves after the command, before any -- terminator; anything else is left as it is', () => {
  assert.deepEqual(hoistGlobalOn(['--on', '2026-01-15', 'session', 'schedule', '2026-01-15']), [
    'session',
    'schedule',
    '2026-01-15',
    '--on',
    '2026-01-15',
  ]);
  assert.deepEqual(hoistGlobalOn(['--on=2026-01-15', 'review', 'due']), ['review', 'due', '--on=2026-01-15']);
  assert.deepEqual(hoistGlobalOn(['--on', 'D', 'x', '--', '--on']), ['x', '--on', 'D', '--', '--on']);
  assert.deepEqual(hoistGlobalOn(['review', 'due', '--on', 'D']), ['review', 'due', '--on', 'D']);
  // a bare --on with no day is left for commander to refuse
  assert.deepEqual(hoistGlobalOn(['--on']), ['--on']);
});

test('steward --on DAY records on that day as the command option does; a command without a day refuses it', async () => {
  const env = { STEWARD_DATA_DIR: tempDir('steward-global-on-'), STEWARD_ACTOR: '', STEWARD_OPERATOR: 'clerk' };
  const cli = (args: string[]) => runCli(args, { env });
  let r = await cli(['--on', '2026-01-15', ...submitArgs()]);
  assert.equal(r.code, 0, r.stderr);
  r = await cli(['application', 'show', '1', '--format', 'json']);
  assert.equal(JSON.parse(r.stdout).application.submittedAt.slice(0, 10), '2026-01-15');
  // a day after today is refused for a command that records, as with the command's own option
  r = await cli(['--on=2099-01-01', 'session', 'schedule', '2099-01-01']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /--on 2099-01-01 is after today .*nothing was recorded/);
  r = await cli(['--on', '2026-01-15', 'audit', 'verify']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown option '--on'/);
  r = await cli(['--help']);
  assert.match(r.stdout, /steward --on YYYY-MM-DD <command>/);
});
