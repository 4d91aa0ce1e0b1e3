// License text away from the root (issue 9, class 3): requirements 7 and 15 read the same license
// evidence, and their advice agrees — 15 never tells a maintainer to move to the root a license
// that 7 would then fail.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { extractLicense } from '../../../src/evidence/license/index.js';
import { spdxText } from '../../../src/evidence/license/templates.js';
import { permissiveLicense } from '../../../src/requirements/permissive-license.js';
import { licenseFile } from '../../../src/requirements/license-file.js';
import type { PythonEvidence } from '../../../src/evidence/types.js';
import { makeEvidence, ctx, evaluateRule } from '../../support/evidence.js';
import { buildRepo, cleanupTemp } from '../../support/repo.js';
import { runCli } from '../../support/cli.js';

after(cleanupTemp);

const noPython: PythonEvidence = { torch: [], classifiers: [], licenseMeta: [], urls: {}, files: [] };
function judge(files: Record<string, string>) {
  const ev = makeEvidence({ files });
  ev.license = extractLicense(ev.tree, ev.files, noPython, ev.problems);
  return { seven: evaluateRule(permissiveLicense, ev, ctx()), fifteen: evaluateRule(licenseFile, ev, ctx()), license: ev.license };
}

test('steward check: the full Apache-2.0 in docs/LICENSE with license="apache2" in setup.py passes 7 from that file, and 15 names the same file', async () => {
  const dir = await buildRepo({
    commits: [
      {
        date: '2026-10-01T10:00:00Z',
        files: {
          'docs/LICENSE': spdxText('Apache-2.0'),
          'setup.py': 'from setuptools import setup\nsetup(name="widgets", version="0.3", license="apache2", packages=["widgets"])\n',
          'widgets/__init__.py': '',
        },
      },
    ],
  });
  const r = await runCli(['check', dir, '--offline', '--as-of', '2026-11-27T00:00:00Z', '--format', 'json']);
  const report = JSON.parse(r.stdout);
  const seven = report.requirements.find((x: { id: number }) => x.id === 7);
  const fifteen = report.requirements.find((x: { id: number }) => x.id === 15);
  assert.doesNotMatch(seven.summary, /No license text/);
  assert.equal(seven.status, 'pass', seven.summary);
  assert.match(seven.summary, /^Apache-2\.0, identified by its text in docs\/LICENSE \(not at the root/);
  assert.equal(fifteen.status, 'fail');
  assert.deepEqual(fifteen.measured.elsewhere, ['docs/LICENSE']);
  assert.match(fifteen.fix, /^Move docs\/LICENSE to LICENSE\.md at the root/);
});

test('monorepo with licenses only in subprojects (GPL-3.0 and Apache-2.0): 7 is review naming both, 15 never says to move the GPL file', () => {
  const { seven, fifteen } = judge({
    'alpha/LICENSE': spdxText('GPL-3.0-only'),
    'alpha/setup.py': 'from setuptools import setup\nsetup(name="alpha")\n',
    'beta/LICENSE': spdxText('Apache-2.0'),
    'beta/pyproject.toml': '[project]\nname = "beta"\n',
  });
  assert.equal(seven.status, 'review', seven.summary);
  assert.match(seven.summary, /alpha\/LICENSE is GPL-3\.0-only \(copyleft\)/);
  assert.match(seven.summary, /beta\/LICENSE is Apache-2\.0/);
  assert.equal(fifteen.status, 'fail');
  assert.doesNotMatch(fifteen.fix!, /^Move alpha\/LICENSE/);
  assert.match(fifteen.fix!, /Move beta\/LICENSE \(Apache-2\.0\) to LICENSE\.md/);
  assert.match(fifteen.fix!, /Do not move alpha\/LICENSE \(GPL-3\.0-only\) to the root: requirement 7 does not accept that license/);

  // only the copyleft one: 7 fails, and 15 asks for an allowlisted license rather than the move
  const gplOnly = judge({ 'alpha/LICENSE': spdxText('GPL-3.0-only'), 'alpha/setup.py': 'x' });
  assert.equal(gplOnly.seven.status, 'fail');
  assert.match(gplOnly.fifteen.fix!, /^Add LICENSE\.md at the root with the full text of an allowlisted license/);
  assert.match(gplOnly.fifteen.fix!, /Do not move alpha\/LICENSE/);
});

test("license files under third-party, vendored, example, baseline or hidden folders are not the project's license", () => {
  const { seven, fifteen, license } = judge({
    'third_party/lib/LICENSE': spdxText('MIT'),
    'vendor/x/LICENSE': spdxText('MIT'),
    '.github/LICENSE': spdxText('MIT'),
    'examples/demo/LICENSE': spdxText('MIT'),
    'baselines/LICENSE': spdxText('MIT'),
  });
  assert.equal(license.elsewhere, undefined);
  assert.equal(seven.status, 'fail');
  assert.match(seven.summary, /^No license text in the repository/);
  // …and 15 neither lists them nor says to move one of them to the root
  assert.equal(fifteen.measured['elsewhere'], undefined);
  assert.doesNotMatch(fifteen.fix!, /Move/);
  // a root license wins: the files below it are not read for 7
  const root = judge({ LICENSE: spdxText('MIT'), 'alpha/LICENSE': spdxText('GPL-3.0-only') });
  assert.equal(root.license.elsewhere, undefined);
  assert.equal(root.seven.status, 'pass');
});
