// License evidence from a repository: which files are read, each identified by content, the
// expression they form, signals and disagreements; then the whole path through a real git
// repository (`steward check`) and `steward license` run as a user runs it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractLicense, wantsLicenseFile } from '../../../src/evidence/license/index.js';
import { spdxText } from '../../../src/evidence/license/templates.js';
import type { PythonEvidence } from '../../../src/evidence/types.js';
import { makeEvidence } from '../../support/evidence.js';
import { buildRepo, cleanupTemp, tempDir } from '../../support/repo.js';
import { runCli } from '../../support/cli.js';

after(cleanupTemp);

const noPython: PythonEvidence = { torch: [], classifiers: [], licenseMeta: [], urls: {}, files: [] };
const extract = (files: Parameters<typeof makeEvidence>[0], python = noPython) => {
  const ev = makeEvidence(files);
  const problems: { file: string; message: string }[] = [];
  return { ...extractLicense(ev.tree, ev.files, python, problems), problems };
};

test('wantsLicenseFile: root license names, REUSE files, and license files one or two folders down', () => {
  for (const p of [
    'LICENSE',
    'LICENSE.md',
    'LICENCE.txt',
    'license',
    'COPYING',
    'COPYING.LESSER',
    'LICENSE-MIT',
    'LICENSE.APACHE',
    'UNLICENSE',
    'LICENSES/MIT.txt',
  ]) {
    assert.ok(wantsLicenseFile(p), p);
  }
  // below the root, license files one or two folders down (the project's license in a folder, subprojects)
  for (const p of ['docs/LICENSE', 'src/pkg/LICENSE.md']) assert.ok(wantsLicenseFile(p), p);
  for (const p of [
    'a/b/c/LICENSE',
    'third_party/x/LICENSE',
    'vendor/LICENSE',
    'LICENSE-3RD-PARTY',
    'LICENSES/sub/x.txt',
    'README.md',
    'licenses.py',
    'NOTICE',
  ])
    assert.ok(!wantsLicenseFile(p), p);
});

test('each license file is identified by content and the files form an expression', () => {
  const one = extract({ files: { 'LICENSE.txt': spdxText('BSD-3-Clause') } });
  assert.equal(one.expression, 'BSD-3-Clause');
  assert.equal(one.files[0]!.spdx, 'BSD-3-Clause');
  assert.equal(one.disagreements.length, 0);

  const two = extract({ files: { 'LICENSE-APACHE': spdxText('Apache-2.0'), 'LICENSE-MIT': spdxText('MIT') } });
  assert.equal(two.expression, 'Apache-2.0 AND MIT');
  // …alternatives when the project's metadata says so
  const meta: PythonEvidence = { ...noPython, licenseMeta: [{ value: 'MIT OR Apache-2.0', file: 'pyproject.toml', kind: 'expression' }] };
  const dual = extract({ files: { 'LICENSE-APACHE': spdxText('Apache-2.0'), 'LICENSE-MIT': spdxText('MIT') } }, meta);
  assert.equal(dual.expression, 'Apache-2.0 OR MIT');
  assert.equal(dual.disagreements.length, 0);
});

test('metadata that contradicts the text is a disagreement; metadata that agrees is not', () => {
  const python: PythonEvidence = {
    ...noPython,
    classifiers: ['License :: OSI Approved :: BSD License'],
    licenseMeta: [
      { value: 'GPL-3.0-or-later', file: 'pyproject.toml', kind: 'expression' },
      { value: 'License :: OSI Approved :: BSD License', file: 'pyproject.toml', kind: 'classifier' },
    ],
  };
  const r = extract({ files: { LICENSE: spdxText('BSD-2-Clause'), 'src/x.py': '# SPDX-License-Identifier: MIT\nprint(1)\n' } }, python);
  assert.equal(r.expression, 'BSD-2-Clause');
  assert.deepEqual(
    r.signals.map((s) => s.spdx),
    ['MIT', 'GPL-3.0-or-later', 'BSD-*'],
  );
  assert.equal(r.disagreements.length, 2, r.disagreements.join('\n'));
  assert.match(r.disagreements.join('\n'), /pyproject\.toml license-expression says GPL-3\.0-or-later, but LICENSE is BSD-2-Clause/);
  assert.match(r.disagreements.join('\n'), /src\/x\.py:1 SPDX-License-Identifier says MIT/);
});

test('REUSE: LICENSES/ files are identified and named as signals', () => {
  const r = extract({ files: { 'LICENSES/Apache-2.0.txt': spdxText('Apache-2.0'), 'LICENSES/CC0-1.0.txt': spdxText('CC0-1.0') } });
  assert.deepEqual(
    r.files.map((f) => f.spdx),
    ['Apache-2.0', 'CC0-1.0'],
  );
  assert.equal(r.expression, 'Apache-2.0 AND CC0-1.0');
  assert.deepEqual(
    r.signals.map((s) => s.source),
    ['REUSE LICENSES/Apache-2.0.txt', 'REUSE LICENSES/CC0-1.0.txt'],
  );
  assert.deepEqual(r.thirdParty, ['LICENSES/Apache-2.0.txt', 'LICENSES/CC0-1.0.txt']);
});

test('unreadable license files are reported with a reason, never thrown', () => {
  const r = extract({
    files: {
      LICENSE: { symlink: '../../etc/passwd' },
      COPYING: { binary: true, size: 10 },
      'LICENSE.md': { text: spdxText('MIT').slice(0, 300), truncated: true, size: 9_999_999 },
    },
  });
  assert.match(r.files.find((f) => f.path === 'LICENSE')!.reason!, /symlink/);
  assert.match(r.files.find((f) => f.path === 'COPYING')!.reason!, /binary/);
  assert.ok(r.problems.some((p) => p.file === 'LICENSE.md' && /partly read/.test(p.message)));
  assert.equal(r.expression, undefined);
});

test('third-party notice files are listed', () => {
  const r = extract({
    files: { LICENSE: spdxText('MIT') },
    paths: ['NOTICES', 'THIRD_PARTY_NOTICES.md', 'third_party/NOTICE', 'src/deep/x/NOTICE'],
  });
  assert.deepEqual(r.thirdParty, ['NOTICES', 'THIRD_PARTY_NOTICES.md', 'third_party/NOTICE']);
});

// ------------------------------------------------------------- through a real repository and the CLI

test('steward check on a real git repository: a Commons Clause MIT fails requirement 7 with the difference shown', async () => {
  const dir = await buildRepo({
    commits: [
      {
        date: '2026-10-01T10:00:00Z',
        files: {
          LICENSE:
            '"Commons Clause" License Condition v1.0\n\nThe grant of rights under the License will not include, and the License does not grant to you, the right to Sell the Software.\n\n' +
            spdxText('MIT'),
          'pyproject.toml': '[project]\nname = "demo"\nlicense = "MIT"\n',
        },
      },
    ],
  });
  const r = await runCli(['check', dir, '--offline', '--as-of', '2026-11-27T00:00:00Z', '--format', 'json']);
  const report = JSON.parse(r.stdout);
  const seven = report.requirements.find((x: { id: number }) => x.id === 7);
  assert.equal(seven.status, 'fail', seven.summary);
  assert.match(seven.summary, /added restrictions/);
  assert.ok(
    seven.evidence.some((e: { detail?: string }) => /Sell the Software/.test(e.detail ?? '')),
    JSON.stringify(seven.evidence),
  );
});

test('steward license: a file, a directory, and a path that is not there', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'LICENSE'), spdxText('Apache-2.0'));
  writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "x"\nlicense = "MIT"\n');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'weird-name.txt'), spdxText('GPL-3.0-only'));
  const file = await runCli(['license', join(dir, 'sub', 'weird-name.txt')]);
  assert.match(file.stdout, /weird-name\.txt: GPL-3\.0-only \(exact, 100%\)/);
  assert.match(file.stdout, /not on the allowlist \(GPL-3\.0-only\)/);
  assert.equal(file.code, 0);
  const project = await runCli(['license', dir, '--json']);
  const j = JSON.parse(project.stdout);
  assert.equal(j.expression, 'Apache-2.0');
  assert.equal(j.allowed, true);
  assert.equal(j.disagreements.length, 1);
  const missing = await runCli(['license', join(dir, 'nope')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /expected a license file or a project directory, found nothing readable at .*nope \(ENOENT\)/);
  const empty = join(dir, 'empty');
  writeFileSync(empty, '');
  const e = await runCli(['license', empty]);
  assert.equal(e.code, 1);
  assert.match(e.stdout, /unidentified .*the file is empty/);
});

test('a whole license text in package metadata (license = {text = ...}) is identified and shown by its first line', () => {
  const mit = spdxText('MIT');
  const lines = mit.trim().split('\n').length;
  const meta = (value: string): PythonEvidence => ({ ...noPython, licenseMeta: [{ value, file: 'pyproject.toml', kind: 'text' }] });
  const same = extract({ files: { LICENSE: mit } }, meta(mit));
  assert.deepEqual(same.signals, [
    { source: 'pyproject.toml license', value: `${mit.trim().split('\n')[0]!.trim()} … (a ${lines}-line text)`, spdx: 'MIT' },
  ]);
  assert.equal(same.disagreements.length, 0);
  // A different license text in the metadata is a disagreement, said in one line.
  const other = extract({ files: { LICENSE: spdxText('BSD-2-Clause') } }, meta(mit));
  assert.equal(other.disagreements.length, 1);
  assert.doesNotMatch(other.disagreements[0]!, /\n/);
  assert.match(other.disagreements[0]!, /pyproject\.toml license says .* \(a \d+-line text\), but LICENSE is BSD-2-Clause by its text/);
  // Two lines are still a name, not a text; a license-files entry is labelled as a file.
  const short = extract(
    { files: { LICENSE: mit } },
    {
      ...noPython,
      licenseMeta: [
        { value: 'MIT\n', file: 'setup.cfg', kind: 'text' },
        { value: 'LICENSE', file: 'pyproject.toml', kind: 'file' },
      ],
    },
  );
  assert.deepEqual(
    short.signals.map((s) => [s.source, s.value, s.spdx]),
    [
      ['setup.cfg license', 'MIT\n', 'MIT'],
      ['pyproject.toml license file', 'LICENSE', undefined],
    ],
  );
});

test('steward license says why there is no verdict: a non-commercial rider, an unknown text, a README-only project; --help gives the exit codes', async () => {
  const dir = tempDir();
  const rider = join(dir, 'rider');
  mkdirSync(rider);
  writeFileSync(join(rider, 'LICENSE'), `${spdxText('MIT').trimEnd()}\n\nThe Software may not be used for commercial purposes.\n`);
  const r = await runCli(['license', rider]);
  assert.equal(r.code, 1);
  assert.match(
    r.stdout,
    /^not on the allowlist: LICENSE is a modified MIT that adds a restriction \(use or sale forbidden[^)]*\); the allowlist holds unmodified license texts only$/m,
  );
  // A one-line part reads "line N", not "lines N–N".
  assert.match(r.stdout, /^ {2}line \d+: notice: The Software may not be used for commercial purposes$/m);
  assert.doesNotMatch(r.stdout, /lines (\d+)–\1:/);
  const custom = join(dir, 'custom.txt');
  writeFileSync(custom, 'Some custom words that are not a license at all.\n');
  assert.match((await runCli(['license', custom])).stdout, /^not on the allowlist: custom\.txt is not a license text steward knows;/m);
  const readme = join(dir, 'readme');
  mkdirSync(readme);
  writeFileSync(join(readme, 'README.md'), '# x\n\nLicensed under the MIT license.\n');
  const none = await runCli(['license', readme]);
  assert.equal(none.code, 1);
  assert.match(
    none.stdout,
    /^no license file found in .*readme \(looked for LICENSE, LICENCE, UNLICENSE, COPYING, COPYRIGHT with any suffix, and LICENSES\/;/,
  );
  // An allowlisted file prints no such line.
  const mit = join(dir, 'MIT.txt');
  writeFileSync(mit, spdxText('MIT'));
  const ok = await runCli(['license', mit]);
  assert.equal(ok.code, 0);
  assert.match(ok.stdout, /^expression: MIT — on the allowlist$/m);
  assert.doesNotMatch(ok.stdout, /not on the allowlist/);
  const help = await runCli(['license', '--help']);
  assert.match(help.stdout, /Exit status: 0 when every license file is identified and unmodified/);
  assert.match(help.stdout, /steward license \. --json/);
});

test('LICENSE as a symlink to another license file in the tree reads as that file; a link elsewhere is not followed', () => {
  const linked = extract({ files: { LICENSE: { symlink: 'LICENSE.md' }, 'LICENSE.md': spdxText('MIT') } });
  assert.equal(linked.expression, 'MIT');
  const link = linked.files.find((f) => f.path === 'LICENSE')!;
  assert.equal(link.spdx, 'MIT');
  assert.equal(link.reason, 'a symlink to LICENSE.md: the same text');
  assert.deepEqual(link.differences, []);
  // ./ and a LICENSES/ target resolve too; a modified target stays modified through the link.
  const reuse = extract({
    files: { LICENSE: { symlink: './LICENSES/Apache-2.0.txt' }, 'LICENSES/Apache-2.0.txt': spdxText('Apache-2.0') },
  });
  assert.equal(reuse.files.find((f) => f.path === 'LICENSE')!.spdx, 'Apache-2.0');
  const rider = `${spdxText('MIT').trimEnd()}\n\nThe Software may not be used for commercial purposes.\n`;
  const mod = extract({ files: { LICENSE: { symlink: 'LICENSE.txt' }, 'LICENSE.txt': rider } });
  assert.equal(mod.files.find((f) => f.path === 'LICENSE')!.modified, true);
  assert.equal(mod.expression, undefined);
  // Out of the tree, to a file not read as a license, or to another link: not followed, no expression.
  for (const target of ['../LICENSE.md', '/LICENSE.md', 'docs/license.txt', 'COPYING']) {
    const r = extract({
      files: {
        LICENSE: { symlink: target },
        COPYING: { symlink: 'LICENSE' },
        'LICENSE.md': spdxText('MIT'),
        'docs/license.txt': spdxText('MIT'),
      },
    });
    assert.equal(r.files.find((f) => f.path === 'LICENSE')!.spdx, undefined, target);
    assert.match(r.files.find((f) => f.path === 'LICENSE')!.reason!, /not followed/);
    assert.equal(r.expression, undefined);
  }
});

test('steward license on a bare git repository says its files are not on disk and what to run instead', async () => {
  const bare = await buildRepo({ bare: true, commits: [{ date: '2026-10-01T10:00:00Z', files: { LICENSE: spdxText('MIT') } }] });
  const r = await runCli(['license', bare]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^no license file found in /m);
  assert.ok(r.stdout.includes(`${bare} is a bare git repository: its files are not on disk. Run \`steward check ${bare}\``), r.stdout);
  // An ordinary directory without a license gets no such line.
  const plain = tempDir();
  writeFileSync(join(plain, 'README.md'), '# x\n');
  assert.doesNotMatch((await runCli(['license', plain])).stdout, /bare git repository/);
});

test('steward license explains an AND of two license files and how the project makes them a choice', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'LICENSE-APACHE'), spdxText('Apache-2.0'));
  writeFileSync(join(dir, 'LICENSE-MIT'), spdxText('MIT'));
  const and = await runCli(['license', dir]);
  assert.equal(and.code, 0);
  assert.match(
    and.stdout,
    /^expression: Apache-2\.0 AND MIT — on the allowlist\n {2}\(2 license files and no package metadata saying they are alternatives, so all apply; a license expression such as "Apache-2\.0 OR MIT" in pyproject\.toml makes them a choice\)$/m,
  );
  writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "x"\nlicense = "MIT OR Apache-2.0"\n');
  const or = await runCli(['license', dir]);
  assert.match(or.stdout, /^expression: Apache-2\.0 OR MIT — on the allowlist$/m);
  assert.doesNotMatch(or.stdout, /alternatives/);
});
