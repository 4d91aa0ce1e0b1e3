import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { registerParse } from '../../../src/cli/commands/application-parse.js';
import { InputError } from '../../../src/util/errors.js';
import { tempDir, cleanupTemp } from '../../support/repo.js';
import { COMPLETE, NOT_AN_APPLICATION, ORG_URL } from './bodies.js';

after(cleanupTemp);

/** Runs `application parse …` in this process as the CLI would: output captured, exit code as main() gives it. */
async function run(args: string[]): Promise<{ code: number; stdout: string; error?: string }> {
  const out = new PassThrough();
  let stdout = '';
  out.on('data', (c: Buffer) => (stdout += c.toString()));
  const program = new Command().exitOverride();
  registerParse(program.command('application').exitOverride(), out);
  const saved = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync(['application', 'parse', ...args], { from: 'user' });
    return { code: Number(process.exitCode ?? 0), stdout };
  } catch (err) {
    if (err instanceof InputError) return { code: 2, stdout, error: err.message };
    throw err;
  } finally {
    process.exitCode = saved;
  }
}

const dir = tempDir();
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

test('a complete body: exit 0, JSON with the contract fields and no problems', async () => {
  const r = await run([file('complete.md', COMPLETE), '--format', 'json', '--title', '[Ecosystem] TorchWave']);
  assert.equal(r.code, 0);
  const parsed = JSON.parse(r.stdout) as { fields: Record<string, unknown>; problems: unknown[] };
  assert.deepEqual(Object.keys(parsed.fields), [
    'projectName',
    'contactEmails',
    'summary',
    'description',
    'similarProjects',
    'repoUrl',
    'additionalRepos',
    'license',
    'maintainers',
    'backingEntity',
    'websiteUrl',
    'documentation',
    'ci',
    'pytorchVersions',
    'pytorchComponents',
    'maintenanceCommitment',
    'additionalInfo',
  ]);
  assert.equal(parsed.fields.projectName, 'TorchWave');
  assert.deepEqual(parsed.problems, []);
});

test('problems: exit 1, listed in text with their lines', async () => {
  const r = await run([file('org.md', ORG_URL)]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^repoUrl: https:\/\/github\.com\/Project-MONAI$/m);
  assert.match(r.stdout, /^1 problem:\n {2}repoUrl: line 21: https:\/\/github\.com\/Project-MONAI is an organisation, not a repository/m);
  const text = await run([file('complete2.md', COMPLETE)]);
  assert.equal(text.code, 0);
  assert.match(
    text.stdout,
    /^description: TorchWave provides GPU-accelerated, differentiable implementations of classic audio DSP\n {4}\(filters/m,
  );
  assert.match(text.stdout, /^additionalInfo: -$/m);
  assert.match(text.stdout, /Complete: every required answer is there\.\nNote: no project name/);
  const not = await run([file('not.md', NOT_AN_APPLICATION), '--format', 'json']);
  assert.equal(not.code, 1);
  assert.equal((JSON.parse(not.stdout) as { problems: unknown[] }).problems.length, 14);
});

test('text output without --title says where the project name is, instead of a bare "projectName: -" under "Complete"', async () => {
  const bare = await run([file('complete3.md', COMPLETE)]);
  assert.equal(bare.code, 0, 'the missing title is a note, not a problem');
  assert.match(bare.stdout, /^projectName: -$/m);
  assert.match(
    bare.stdout,
    /\nNote: no project name: it is in the issue title, not the body; pass --title "\[Ecosystem\] <Project Name>"\.\n$/,
  );
  const titled = await run([file('complete4.md', COMPLETE), '--title', '[Ecosystem] TorchWave']);
  assert.match(titled.stdout, /^projectName: TorchWave$/m);
  assert.match(titled.stdout, /Complete: every required answer is there\.\n$/);
  assert.doesNotMatch(titled.stdout, /Note:/);
  // JSON stays the contract: no note in it.
  const json = await run([file('complete5.md', COMPLETE), '--format', 'json']);
  assert.doesNotMatch(json.stdout, /Note/);
});

test('unreadable input: exit 2 with what was expected and where, nothing on stdout', async () => {
  const missing = await run([join(dir, 'nope.md')]);
  assert.equal(missing.code, 2);
  assert.match(missing.error!, /^cannot read the issue body from .*nope\.md: ENOENT/);
  assert.equal(missing.stdout, '');
  mkdirSync(join(dir, 'a-dir'));
  assert.equal((await run([join(dir, 'a-dir')])).code, 2);
  const binary = await run([file('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))]);
  assert.equal(binary.code, 2);
  assert.match(binary.error!, /logo\.png: expected a markdown issue body, found binary data \(a NUL byte at offset 4\)/);
});

test('reads the body from standard input with -', () => {
  const script = `import { Command } from 'commander';
import { registerParse } from './src/cli/commands/application-parse.ts';
const p = new Command(); registerParse(p.command('application'));
await p.parseAsync(['application', 'parse', '-', '--format', 'json'], { from: 'user' });`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    input: COMPLETE.replace(/\n/g, '\r\n'),
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as { fields: { repoUrl: string } }).fields.repoUrl, 'https://github.com/torchwave/torchwave');
});
