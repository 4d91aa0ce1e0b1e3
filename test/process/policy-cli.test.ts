// The process commands that judge take --policy and --stage as `steward check` does: the engine
// runs under that policy, and every check it asks for judges by it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { buildRepo, cleanupTemp, tempDir } from '../support/repo.js';
import { mitLicense } from '../../src/demo/project-files.js';

after(cleanupTemp);

const FILES = {
  'README.md': '# lifecycle\n\nA data library.\n\n## Installation\n\n```sh\npip install lifecycle\n```\n',
  LICENSE: mitLicense('The lifecycle authors'),
  'SECURITY.md': '# Security\n\nReport vulnerabilities privately to security@lifecycle.example.\n',
};

async function setUp() {
  const root = tempDir('steward-policy-cli-');
  const repos = join(root, 'repos');
  mkdirSync(join(repos, 'acme'), { recursive: true });
  for (const name of ['lifecycle', 'default'])
    await buildRepo({ commits: [{ date: '2026-11-01T00:00:00Z', files: FILES }] }, join(repos, 'acme', name));
  const env = { STEWARD_DATA_DIR: join(root, 'data'), STEWARD_ACTOR: '' };
  const cli = (args: string[]) => runCli(args, { env });
  const submit = (name: string, repo: string, ...extra: string[]) =>
    cli([
      'application',
      'submit',
      '--name',
      name,
      '--repo',
      `https://github.com/acme/${repo}`,
      '--contact',
      'a@example.org',
      '--check',
      '--repos-dir',
      repos,
      '--offline',
      ...extra,
    ]);
  const reportOf = async (id: string) => {
    const r = await cli(['application', 'show', id, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    return (JSON.parse(r.stdout) as { report: { policy: string } | null }).report;
  };
  return { cli, submit, reportOf, repos };
}

test('application submit --check and session schedule --check judge under the policy they are given', async () => {
  const { cli, submit, reportOf, repos } = await setUp();
  let r = await submit('Lifecycle', 'lifecycle', '--policy', 'lfai-data', '--stage', 'incubation');
  assert.equal(r.code, 0, r.stderr);
  assert.equal((await reportOf('1'))?.policy, 'lfai-data@1.0');
  r = await submit('Default', 'default');
  assert.equal(r.code, 0, r.stderr);
  assert.equal((await reportOf('2'))?.policy, 'pytorch-ecosystem@1.0');

  // taken into review, each application is checked again: under lfai-data's graduation stage here
  r = await cli([
    'session',
    'schedule',
    '2099-01-05',
    '--check',
    '--repos-dir',
    repos,
    '--offline',
    '--policy',
    'lfai-data',
    '--stage',
    'graduation',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal((await reportOf('2'))?.policy, 'lfai-data@1.0');
});

test('a policy or stage that does not exist is refused before anything is recorded', async () => {
  const { cli, submit } = await setUp();
  let r = await submit('Lifecycle', 'lifecycle', '--policy', 'no-such-foundation');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no-such-foundation/);
  r = await submit('Lifecycle', 'lifecycle', '--policy', 'lfai-data', '--stage', 'adolescence');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /adolescence/);
  r = await cli(['application', 'list', '--format', 'json']);
  assert.deepEqual(JSON.parse(r.stdout), []);
});
