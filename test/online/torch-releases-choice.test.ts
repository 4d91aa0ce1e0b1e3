// Which torch release list a check uses: --torch-releases, else STEWARD_TORCH_RELEASES, else the
// list `steward data refresh` wrote into the user data directory when it is valid, else the
// bundled one; the report's sources name the list and its date, and equal inputs give equal JSON.
import { test, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRepo, tempDir, cleanupTemp } from '../support/repo.js';
import { check } from '../../src/check/index.js';
import { BUNDLED_TORCH_RELEASES, chooseTorchReleases, torchReleasesAt, userTorchReleasesFile } from '../../src/evidence/torch-releases.js';
import { renderJson } from '../../src/report/json.js';

const asOf = new Date('2026-11-27T00:00:00Z');
const saved = { XDG_DATA_HOME: process.env.XDG_DATA_HOME, STEWARD_TORCH_RELEASES: process.env.STEWARD_TORCH_RELEASES };
let dataHome = '';

beforeEach(() => {
  dataHome = tempDir();
  process.env.XDG_DATA_HOME = dataHome;
  delete process.env.STEWARD_TORCH_RELEASES;
});
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
after(() => cleanupTemp());

function writeList(file: string, releases: { version: string; date: string }[] | unknown, asOfText = '2026-12-01'): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify({ about: 'test', asOf: asOfText, releases }));
}

const repo = () =>
  buildRepo({
    commits: [{ date: '2026-11-01T00:00:00Z', files: { 'pyproject.toml': '[project]\nname = "w"\ndependencies = ["torch>=2.0"]\n' } }],
  });
const torchSource = (sources: { name: string }[]) =>
  sources.find((s) => s.name === 'torch-releases') as { detail?: string; asOf?: string } | undefined;

test('no refreshed list: the bundled one, named with its date in the sources', async () => {
  assert.equal(userTorchReleasesFile(), join(dataHome, 'steward', 'torch-releases.json'));
  const { report } = await check(await repo(), { asOf, offline: true });
  const s = torchSource(report.sources);
  assert.equal(s?.detail, `${BUNDLED_TORCH_RELEASES} (bundled)`);
  assert.equal(s?.asOf, '2026-11-27');
});

test('a valid refreshed list is used by default; --torch-releases and STEWARD_TORCH_RELEASES still win', async () => {
  const user = userTorchReleasesFile();
  writeList(user, [
    { version: '2.0.0', date: '2023-03-15' },
    { version: '9.9.0', date: '2026-11-20' },
  ]);
  const dir = await repo();
  const viaUser = await check(dir, { asOf, offline: true });
  assert.equal(viaUser.evidence.torchReleases[0]?.version, '9.9.0');
  assert.deepEqual(torchSource(viaUser.report.sources), { name: 'torch-releases', detail: `${user} (user)`, asOf: '2026-12-01' });
  // equal inputs, equal bytes
  const again = await check(dir, { asOf, offline: true });
  assert.equal(renderJson([again.report], false), renderJson([viaUser.report], false));

  const explicit = join(tempDir(), 'mine.json');
  writeList(explicit, [{ version: '2.1.0', date: '2023-10-04' }], '2026-01-02');
  const viaOption = await check(dir, { asOf, offline: true, torchReleasesFile: explicit });
  assert.equal(viaOption.evidence.torchReleases[0]?.version, '2.1.0');
  assert.equal(torchSource(viaOption.report.sources)?.detail, `${explicit} (option)`);
  process.env.STEWARD_TORCH_RELEASES = explicit;
  assert.equal(chooseTorchReleases().why, 'environment');
  assert.equal(chooseTorchReleases(BUNDLED_TORCH_RELEASES).why, 'option');
});

test('an invalid or empty refreshed list is passed over for the bundled one, and the sources say why', async () => {
  const user = userTorchReleasesFile();
  writeList(user, [{ version: 'two', date: 'soon' }]);
  const bad = chooseTorchReleases();
  assert.equal(bad.file, BUNDLED_TORCH_RELEASES);
  assert.match(bad.rejected ?? '', /releases\[0\]: expected/);
  const { report, evidence } = await check(await repo(), { asOf, offline: true });
  assert.deepEqual(evidence.torchReleases, torchReleasesAt(asOf, BUNDLED_TORCH_RELEASES));
  assert.match(torchSource(report.sources)?.detail ?? '', /\(bundled; the refreshed list was not used: .*releases\[0\]/);
  writeList(user, []);
  assert.match(chooseTorchReleases().rejected ?? '', /lists no releases/);
  writeFileSync(user, '{not json');
  assert.equal(chooseTorchReleases().why, 'bundled');
  // an explicit file that is broken is the caller's error, not passed over
  await assert.rejects(check(await repo(), { asOf, offline: true, torchReleasesFile: user }), { name: 'InputError' });
});
