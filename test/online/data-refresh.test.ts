// `steward data refresh`: the torch release list from the PyPI stand-in into a user data file
// that `steward check --torch-releases` reads; PyPI down leaves the old file and says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakePyPI } from '../support/fake-pypi.js';
import { tempDir, cleanupTemp } from '../support/repo.js';
import { CLI } from '../support/cli.js';
import { torchReleasesAt } from '../../src/evidence/torch-releases.js';

const pypi = new FakePyPI();
before(async () => {
  await pypi.start();
  pypi.addProject({
    name: 'torch',
    releases: {
      '2.10.0': [{ filename: 'torch-2.10.0-cp312-none-linux_x86_64.whl', uploaded: '2027-01-21T17:00:00Z' }],
      '2.9.0': [{ filename: 'torch-2.9.0-cp312-none-linux_x86_64.whl', uploaded: '2026-10-15T17:00:00Z' }],
      '2.9.1': [{ filename: 'torch-2.9.1-cp312-none-linux_x86_64.whl', uploaded: '2026-11-12T17:00:00Z' }],
    },
  });
});
after(async () => {
  await pypi.stop();
  cleanupTemp();
});

function steward(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [...CLI, ...args], { env: { PATH: process.env.PATH, ...env }, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ status: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test('refresh writes the feature releases, oldest first, in the bundled format', async () => {
  const home = tempDir();
  const r = await steward(['data', 'refresh'], { HOME: home, XDG_CACHE_HOME: join(home, 'c'), STEWARD_PYPI_URL: pypi.url });
  assert.equal(r.status, 0, r.stderr);
  const file = join(home, '.local/share/steward/torch-releases.json');
  assert.match(r.stdout, /wrote 2 torch feature releases \(latest 2.10.0 of 2027-01-21\)/);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  assert.deepEqual(data.releases, [
    { version: '2.9.0', date: '2026-10-15' },
    { version: '2.10.0', date: '2027-01-21' },
  ]);
  assert.deepEqual(torchReleasesAt(new Date('2027-02-01T00:00:00Z'), file)[0], { version: '2.10.0', date: '2027-01-21' });
  // offline: nothing asked, the refreshed file named as the one in use
  pypi.log = [];
  const off = await steward(['data', 'refresh', '--offline'], { HOME: home, STEWARD_PYPI_URL: pypi.url });
  assert.equal(off.status, 0);
  assert.match(off.stdout, /torch-releases\.json/);
  assert.equal(pypi.log.length, 0);
});

test('PyPI unreachable: exit 2, the previous file untouched', async () => {
  const home = tempDir();
  const out = join(home, 'list.json');
  const r = await steward(['data', 'refresh', '--output', out], {
    HOME: home,
    XDG_CACHE_HOME: join(home, 'c'),
    STEWARD_PYPI_URL: 'http://127.0.0.1:9',
  });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /could not refresh the torch release list from http:\/\/127.0.0.1:9: .*the bundled list stays in use/);
  assert.equal(existsSync(out), false);
});
