// Door: text from strangers on a reviewer's screen and in mail. Escape sequences and bidi
// overrides in commit identities or project names are shown as visible escapes in text and
// Markdown reports and in notices; an e-mail address with CR/LF is refused wherever one is set.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildRepo, cleanupTemp, daysAgo } from '../support/repo.js';
import { runCli } from '../support/cli.js';
import { renderNotice } from '../../src/notices/templates.js';
import { tempDir } from '../support/repo.js';

after(cleanupTemp);

const RAW = /[\u001b\u0007\u009b\u202a-\u202e\u2066-\u2069]/;
const EVIL = 'Mallory\u001b[2J\u001b]0;pwned\u0007 \u202Egnp.exe';

test('escape sequences and bidi overrides from commit authors never reach the text or Markdown report raw', async () => {
  const commits = Array.from({ length: 6 }, (_, i) => ({
    date: daysAgo('2026-11-27T00:00:00Z', 10 + i),
    author: { name: `${EVIL} ${i}`, email: `m${i}@example.org` },
    files: { [`f${i}`]: 'x\n' },
  }));
  const dir = await buildRepo({ commits });
  for (const format of ['text', 'markdown']) {
    const r = await runCli(['check', dir, '--offline', '--as-of', '2026-11-27', '--format', format]);
    assert.ok([0, 1, 3].includes(r.code ?? -1), r.stderr);
    assert.doesNotMatch(r.stdout, RAW, `${format} output carries a raw control or bidi character`);
  }
});

test('a notice renders a hostile project name with its escapes made visible', () => {
  const n = renderNotice('submission-received', { applicationId: '1', projectName: EVIL, repoUrl: 'https://github.com/a/b' } as never);
  assert.doesNotMatch(n.subject + n.text, RAW);
  assert.match(n.subject + n.text, /\\u\{1b\}/);
});

test('people add refuses an e-mail with CR/LF or two addresses (exit 2), and keeps a plain one', async () => {
  const dataDir = tempDir('steward-people-');
  for (const bad of ['a@example.org\r\nBcc: victim@example.org', 'a@example.org, b@example.org', 'not an address']) {
    const r = await runCli(['people', 'add', 'eve', 'member', '--email', bad, '--data-dir', dataDir]);
    assert.equal(r.code, 2, `${JSON.stringify(bad)}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /not an address/);
  }
  const ok = await runCli(['people', 'add', 'eve', 'member', '--email', 'eve@example.org', '--data-dir', dataDir]);
  assert.equal(ok.code, 0, ok.stderr);
});

test('the process commands show an applicant-typed name with its escapes made visible: text, CSV and refusals; JSON keeps the data, escaped', async () => {
  const env = { STEWARD_DATA_DIR: tempDir('steward-clean-'), STEWARD_ACTOR: '' };
  const cli = (args: string[]) => runCli(args, { env });
  let r = await cli([
    'application',
    'submit',
    '--name',
    EVIL,
    '--repo',
    'https://github.com/a/b',
    '--contact',
    'a@example.org',
    '--as',
    'z',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stdout, RAW);
  assert.match(r.stdout, /Mallory\\u\{1b\}\[2J/);
  for (const args of [['application', 'list'], ['application', 'list', '--format', 'csv'], ['application', 'show', '1'], ['inbox']]) {
    r = await cli(args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.doesNotMatch(r.stdout, RAW, args.join(' '));
  }
  // a refusal that quotes the input
  r = await cli(['application', 'withdraw', EVIL]);
  assert.notEqual(r.code, 0);
  assert.doesNotMatch(r.stderr, RAW);
  // JSON: a parser gets the name as typed; the terminal gets \uXXXX escapes
  r = await cli(['application', 'show', '1', '--format', 'json']);
  assert.doesNotMatch(r.stdout, RAW);
  assert.equal((JSON.parse(r.stdout) as { application: { projectName: string } }).application.projectName, EVIL);
});
