// PyPI and conda sources over real HTTP against the loopback stand-ins: wheels and sdist-only
// releases, yanked releases, 404s, retries, failures filed under the index that failed (requirement 9
// is unknown only when no other index answered), conditional requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FakePyPI } from '../support/fake-pypi.js';
import { HttpCache, SourceCounter } from '../../src/evidence/online/http-cache.js';
import { pypiEvidence, torchRequirement, torchReleasesFromPypi, wheelPlatform, latestRelease } from '../../src/evidence/online/pypi.js';
import { condaEvidence } from '../../src/evidence/online/conda.js';
import { createOnlineSession, gatherOnline } from '../../src/evidence/online/index.js';
import { tempDir, cleanupTemp } from '../support/repo.js';
import { onlineError } from '../../src/evidence/online/errors.js';

const fake = new FakePyPI();
const repoUrl = 'https://github.com/acme/widget';

function opts(cache = new HttpCache()) {
  return { baseUrl: fake.url, cache, counter: new SourceCounter('pypi'), retryBaseMs: 1, repoUrl };
}

before(async () => {
  await fake.start();
  fake.addProject({
    name: 'Widget_Lib',
    releases: {
      '1.0.0': [{ filename: 'widget_lib-1.0.0.tar.gz' }, { filename: 'widget_lib-1.0.0-py3-none-any.whl' }],
      '1.1.0': [
        { filename: 'widget_lib-1.1.0.tar.gz', uploaded: '2026-09-01T00:00:00Z' },
        { filename: 'widget_lib-1.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', uploaded: '2026-09-01T00:00:00Z' },
        { filename: 'widget_lib-1.1.0-cp311-cp311-win_amd64.whl', uploaded: '2026-09-01T00:00:00Z' },
      ],
      '1.2.0': [
        { filename: 'widget_lib-1.2.0.tar.gz', yanked: true },
        { filename: 'widget_lib-1.2.0-py3-none-any.whl', yanked: true },
      ],
      '2.0.0rc1': [{ filename: 'widget_lib-2.0.0rc1.tar.gz' }],
    },
    requiresDist: { '1.1.0': ['numpy>=1.21', "torch>=2.0,<3 ; extra == 'gpu'", 'torch (>=1.13)'], '2.0.0rc1': ['torch>=2.5'] },
    projectUrls: { Source: 'https://github.com/acme/widget.git', Documentation: 'https://widget.readthedocs.io' },
  });
  fake.addProject({
    name: 'sdist-only',
    releases: { '0.1': [{ filename: 'sdist_only-0.1-py3-none-any.whl' }], '0.2': [{ filename: 'sdist-only-0.2.tar.gz' }] },
  });
  fake.addProject({ name: 'all-yanked', releases: { '0.1': [{ filename: 'all_yanked-0.1.tar.gz', yanked: true }] } });
  fake.addConda({
    channel: 'conda-forge',
    name: 'widget-lib',
    versions: ['1.0.0', '1.1.0'],
    platforms: ['linux-64', 'osx-arm64', 'win-64'],
  });
});
after(async () => {
  await fake.stop();
  cleanupTemp();
});

test('latest release skips yanked ones and pre-releases; wheels, platforms, torch specifier, link back', async () => {
  const p = await pypiEvidence('widget.lib', opts());
  assert.equal(p.exists, true);
  assert.equal(p.latest, '1.1.0');
  assert.equal(p.wheel, true);
  assert.deepEqual(p.wheelPlatforms, ['linux', 'windows']);
  // the unconditional requirement wins over the extra's, and it is 1.1.0's metadata, not the rc's
  assert.equal(p.requiresTorch, '>=1.13');
  assert.equal(p.linksBack, true);
  assert.equal(p.latestDate, '2026-09-01T00:00:00Z');
  assert.equal(p.url, `${fake.url}/project/widget-lib/`);
  // PyPI's `info` described the rc; the release we judge needed one more request
  assert.ok(fake.log.some((l) => l.path === '/pypi/widget-lib/1.1.0/json'));
});

test('project URLs that point elsewhere do not link back', async () => {
  const p = await pypiEvidence('widget-lib', { ...opts(), repoUrl: 'https://github.com/acme/widget-two' });
  assert.equal(p.linksBack, false);
});

test('an sdist-only latest release: no wheel, and the newest release that had one is named', async () => {
  const p = await pypiEvidence('sdist-only', opts());
  assert.equal(p.latest, '0.2');
  assert.equal(p.wheel, false);
  assert.equal(p.latestWithWheel, '0.1');
});

test('every release yanked: exists, no latest; unknown project: exists false', async () => {
  const y = await pypiEvidence('all-yanked', opts());
  assert.deepEqual([y.exists, y.latest, y.allYanked], [true, undefined, true]);
  const n = await pypiEvidence('no-such-dist', opts());
  assert.deepEqual(n, { distribution: 'no-such-dist', exists: false });
});

test('502s are retried; a second ask is a free 304 from the persistent cache', async () => {
  const dir = tempDir();
  fake.faults = [{ status: 502, path: /sdist-only/, times: 2 }];
  fake.log = [];
  const o1 = opts(new HttpCache(dir));
  const first = await pypiEvidence('sdist-only', o1);
  assert.equal(first.latest, '0.2');
  assert.equal(o1.counter.requests, 3);
  const o2 = opts(new HttpCache(dir));
  const second = await pypiEvidence('sdist-only', o2);
  assert.deepEqual(second, first);
  assert.deepEqual([o2.counter.requests, o2.counter.notModified, o2.counter.billable], [1, 1, 0]);
});

test('conda-forge: found with platforms; absent is exists false', async () => {
  const base = { baseUrl: fake.url, cache: new HttpCache(), counter: new SourceCounter('conda'), retryBaseMs: 1 };
  const c = await condaEvidence('Widget_Lib', base);
  assert.deepEqual(c, {
    channel: 'conda-forge',
    exists: true,
    latest: '1.1.0',
    url: 'https://anaconda.org/conda-forge/widget-lib',
    platforms: ['linux', 'macos', 'windows'],
  });
  assert.deepEqual(await condaEvidence('sdist-only', base), { channel: 'conda-forge', exists: false });
  // a second channel is asked only when the first has nothing
  fake.addConda({ channel: 'pytorch', name: 'sdist-only', versions: ['0.2'], platforms: ['noarch'] });
  assert.equal((await condaEvidence('sdist-only', { ...base, channels: ['conda-forge', 'pytorch'] })).channel, 'pytorch');
});

test('gatherOnline: PyPI down files its error under pypi and keeps the answer of conda-forge', async () => {
  const session = () =>
    createOnlineSession({
      tokens: [],
      cacheDir: false,
      baseUrls: { pypi: fake.url, conda: fake.url, github: 'http://127.0.0.1:9' },
      retryBaseMs: 1,
    });
  const target = { host: 'github' as const, slug: 'acme/widget', webUrl: repoUrl };
  fake.faults = [{ status: 'reset', path: /^\/pypi\// }];
  const withConda = await gatherOnline(target, { distribution: { name: 'widget-lib', file: 'pyproject.toml' } }, { session: session() });
  assert.equal(withConda.online.conda?.exists, true);
  // filed under its source; requirement 9 passes on conda-forge all the same (test/requirements/packages.test.ts)
  assert.match(withConda.online.errors.pypi ?? '', /^PyPI: GET .*failed after 4 attempts/);
  assert.equal(withConda.online.errors.conda, undefined);
  assert.match(withConda.sources.find((s) => s.name === 'pypi')!.error ?? '', /PyPI: GET .*failed after 4 attempts/);
  const without = await gatherOnline(target, { distribution: { name: 'sdist-only', file: 'pyproject.toml' } }, { session: session() });
  fake.faults = [];
  assert.match(without.online.errors.pypi ?? '', /^PyPI: GET .*sdist-only.*failed after 4 attempts/);
  // and GitHub (unreachable here) failed under its own source without touching the indexes' evidence
  assert.ok(onlineError(without.online, 'github/repo', 'github'));
  assert.equal(without.online.conda?.exists, false);
});

test('torch requirement parsing: new and old syntax, extras, other packages', () => {
  assert.equal(torchRequirement(['torch>=2.0,<3']), '>=2.0,<3');
  assert.equal(torchRequirement(['Torch (==2.1.0)']), '==2.1.0');
  assert.equal(torchRequirement(['torch']), '');
  assert.equal(torchRequirement(["torch>=2; extra == 'gpu'"]), '>=2');
  assert.equal(torchRequirement(['torchvision>=0.15', 'pytorch-lightning']), undefined);
  assert.equal(torchRequirement(null), undefined);
  assert.equal(torchRequirement(["torch[cuda]>=2.1; python_version >= '3.9'"]), '>=2.1');
});

test('wheel platforms and latest-release edges', () => {
  assert.equal(wheelPlatform('x-1.0-cp312-cp312-macosx_11_0_arm64.whl'), 'macos');
  assert.equal(wheelPlatform('x-1.0-cp312-cp312-musllinux_1_1_x86_64.whl'), 'linux');
  assert.equal(wheelPlatform('x-1.0-py3-none-any.whl'), 'any');
  assert.equal(wheelPlatform('x-1.0.tar.gz'), undefined);
  // empty releases (no files) are not releases; only pre-releases: the newest pre-release
  assert.equal(latestRelease({ '1.0': [], '0.9': [{ filename: 'a.tar.gz', packagetype: 'sdist' }] })?.version, '0.9');
  assert.equal(
    latestRelease({ '1.0b1': [{ filename: 'a', packagetype: 'sdist' }], '1.0a1': [{ filename: 'b', packagetype: 'sdist' }] })?.version,
    '1.0b1',
  );
  assert.equal(
    latestRelease({ '1.10.0': [{ filename: 'a', packagetype: 'sdist' }], '1.9.0': [{ filename: 'b', packagetype: 'sdist' }] })?.version,
    '1.10.0',
  );
  assert.equal(latestRelease({}), undefined);
});

test('torch feature releases from PyPI: X.Y.0 only, dated by first upload, newest first', async () => {
  fake.addProject({
    name: 'torch',
    releases: {
      '2.9.0': [{ filename: 'torch-2.9.0-cp312-none-linux_x86_64.whl', uploaded: '2026-10-15T17:00:00Z' }],
      '2.9.1': [{ filename: 'torch-2.9.1-cp312-none-linux_x86_64.whl', uploaded: '2026-11-12T17:00:00Z' }],
      '2.10.0': [{ filename: 'torch-2.10.0-cp312-none-linux_x86_64.whl', uploaded: '2027-01-21T17:00:00Z' }],
      '2.11.0rc1': [{ filename: 'torch-2.11.0rc1.tar.gz' }],
      '1.0.0': [{ filename: 'torch-1.0.0.tar.gz', yanked: true }],
    },
  });
  const list = await torchReleasesFromPypi(opts());
  assert.deepEqual(list, [
    { version: '2.10.0', date: '2027-01-21' },
    { version: '2.9.0', date: '2026-10-15' },
  ]);
});
