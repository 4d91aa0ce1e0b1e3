// `steward landscape validate --online`: repositories archived on GitHub are warnings with their
// line, through the same client, token and HTTP cache as the checks (a second run: 304s only);
// organisation-only URLs are not asked about; without --online nothing is asked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub } from '../support/fake-github.js';
import { tempDir, cleanupTemp } from '../support/repo.js';
import { runCli } from '../support/cli.js';
import { KORNIA, landscapeYml, MONAI, TORCHVISION } from '../support/landscape.js';

const gh = new FakeGitHub({ tokens: { good: {} } });

const LANDSCAPE = landscapeYml([KORNIA, TORCHVISION, MONAI]);

let file = '';
let env: NodeJS.ProcessEnv = {};

before(async () => {
  await gh.start();
  gh.addRepo({ owner: 'kornia', name: 'kornia', stars: 9000, archived: true });
  gh.addRepo({ owner: 'pytorch', name: 'vision', stars: 15000 });
  file = join(tempDir(), 'landscape.yml');
  writeFileSync(file, LANDSCAPE);
  env = { STEWARD_GITHUB_API_URL: gh.url, GITHUB_TOKEN: 'good', GH_TOKEN: '', STEWARD_GITHUB_TOKENS: '', XDG_CACHE_HOME: tempDir() };
});
after(async () => {
  await gh.stop();
  cleanupTemp();
});

test('an archived repository is a warning with its line (exit status unchanged); the organisation URL is not asked about', async () => {
  gh.log = [];
  const r = await runCli(['landscape', 'validate', file, '--online', '--no-logo-files', '--format', 'json'], { env });
  // the organisation-only repo_url and the archived repository are both warnings: landscape2 builds the site
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as {
    errors: { item: string; message: string }[];
    warnings: { line: number; item: string; message: string }[];
  };
  const kornia = LANDSCAPE.split('\n').findIndex((l) => l.includes('name: Kornia'));
  assert.deepEqual(
    out.warnings.filter((w) => /archived/.test(w.message)).map((w) => [w.line >= kornia && w.line <= kornia + 5, w.item, w.message]),
    [
      [
        true,
        'modeling--computer-vision--kornia',
        'repository https://github.com/kornia/kornia is archived on GitHub but the item is not retired (project: archived)',
      ],
    ],
  );
  assert.deepEqual(out.errors, []);
  assert.deepEqual(
    out.warnings.filter((w) => /points at an organisation/.test(w.message)).map((w) => w.item),
    ['modeling--computer-vision--monai'],
  );
  assert.deepEqual(gh.log.map((l) => [l.path, l.status]).sort(), [
    ['/repos/kornia/kornia', 200],
    ['/repos/pytorch/vision', 200],
  ]);
  assert.ok(gh.log.every((l) => l.token === 'good'));
  // again: the cache makes every answer a 304
  gh.log = [];
  const again = await runCli(['landscape', 'validate', file, '--online', '--no-logo-files'], { env });
  assert.match(again.stdout, /warning: \[modeling--computer-vision--kornia\] repository https:\/\/github.com\/kornia\/kornia is archived/);
  assert.deepEqual(
    gh.log.map((l) => l.status),
    [304, 304],
  );
});

test('without --online GitHub is not asked', async () => {
  gh.log = [];
  const r = await runCli(['landscape', 'validate', file, '--no-logo-files', '--format', 'json'], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(gh.log.length, 0);
  const strict = await runCli(['landscape', 'validate', file, '--no-logo-files', '--strict'], { env });
  assert.equal(strict.code, 1, 'the organisation URL fails under --strict');
  assert.equal(
    JSON.parse(r.stdout).warnings.some((w: { message: string }) => /archived/.test(w.message)),
    false,
  );
});
