// The process commands as a user runs them (a real process, a real SQLite file): roster, an
// application from an issue body on stdin, session, vote, decision, a refusal's exit status,
// audit verify before and after tampering, the landscape import, a policy amendment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, REPO_ROOT } from '../support/cli.js';
import { cleanupTemp, tempDir } from '../support/repo.js';
import { DEFAULT_POLICY_FILE } from '../../src/policy/load.js';

test.after(cleanupTemp);

const BODY = `### Contact emails\n\nalice@example.org\n\n### Project summary\n\nWidgets\n\n### Project repo URL\n\nhttps://github.com/example/widgets\n`;
// the real landscape, when ../shared sits beside this repository (CI and development machines)
const LANDSCAPE = join(REPO_ROOT, '..', 'shared', 'data', 'pytorch-landscape.yml');

test('steward process commands end to end on SQLite', async () => {
  const dir = tempDir('steward-cli-');
  const env = { STEWARD_DATA_DIR: dir, STEWARD_ACTOR: '' };
  const cli = (args: string[], input?: string) => runCli(args, { env, ...(input !== undefined ? { input } : {}) });

  let r = await cli(['people', 'add', 'm1', 'member', '--wg', '--tac']);
  assert.equal(r.code, 0, r.stderr);
  r = await cli(['application', 'submit', '--body', '-', '--title', '[Ecosystem] Widgets', '--as', 'alice'], BODY);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /application 1 submitted: Widgets/);
  assert.match(r.stderr, /warning: .*missing/, 'form problems are shown as warnings');
  // an applicant may not manage the roster: refused, exit 1, the reason on stderr
  r = await cli(['people', 'add', 'mallory', 'staff', '--as', 'alice']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /refused \(forbidden\): people add: needs role staff; alice is not staff \(role: applicant\)/);
  r = await cli(['session', 'schedule', '2099-06-01']);
  assert.match(r.stdout, /session S1 on 2099-06-01: 1 application\(s\) in review: 1/);
  r = await cli(['vote', 'open', '1']);
  r = await cli(['vote', 'cast', '1', 'approve', '--as', 'm1']);
  r = await cli(['vote', 'close', '1']);
  assert.match(r.stdout, /APPROVED — 1 approve.*needed 1 of 1/);
  r = await cli(['decision', 'record', '1', 'DECLINED', '--reason', 'no']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /contradicts it/);
  r = await cli(['decision', 'record', '1', 'ACCEPTED', '--reason', 'meets the bar']);
  assert.equal(r.code, 0, r.stderr);

  r = await cli(['audit', 'verify']);
  assert.equal(r.code, 0, r.stderr);
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(join(dir, 'steward.sqlite'));
  db.prepare('update audit_log set data = \'{"role":"staff"}\' where seq = 1').run();
  db.close();
  r = await cli(['audit', 'verify']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /TAMPERED at entry 1: entry 1 \(person.set person:m1\) was altered/);

  if (existsSync(LANDSCAPE)) {
    r = await cli(['import', LANDSCAPE, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const imported = JSON.parse(r.stdout) as { active: string[]; retired: string[] };
    const text = readFileSync(LANDSCAPE, 'utf8');
    const archived = text.split('\n').filter((l) => /^\s+project: archived\s*$/.test(l)).length;
    assert.equal(imported.retired.length, archived, 'every archived entry outside the protected categories is RETIRED');
    assert.ok(imported.active.length > 0);
  } else {
    console.log(`# the real landscape import was not checked: ${LANDSCAPE} is absent`);
  }

  const amended = join(dir, 'policy-1.1.yml');
  writeFileSync(
    amended,
    readFileSync(DEFAULT_POLICY_FILE, 'utf8')
      .replace('version: "1.0"', 'version: "1.1"')
      .replace('options: { min: 30 }', 'options: { min: 25 }'),
  );
  r = await cli(['amendment', 'propose', amended, '--summary', 'fewer commits', '--effective', '2099-07-01']);
  assert.match(r.stdout, /amendment M1: PROPOSED/);
  await cli(['amendment', 'open', 'M1']);
  await cli(['amendment', 'cast', 'M1', 'approve', '--as', 'm1']);
  r = await cli(['amendment', 'close', 'M1']);
  assert.match(r.stdout, /ADOPTED/);
});
