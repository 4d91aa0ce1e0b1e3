// A project in a folder of its repository (issue 9, class 1): `--path` and `/tree/<branch>/<path>`
// judge that folder, with the repository's shared files (CI, CODEOWNERS, code of conduct) from
// its root; without a path, a root without packaging has its project package chosen by evidence,
// and packaging in baselines/, examples/, tests/ never decides requirement 1.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildRepo, cleanupTemp, tempDir, type RepoSpec } from '../support/repo.js';
import { check } from '../../src/check/index.js';
import { extractPython } from '../../src/evidence/python/index.js';
import { checkEvaluator } from '../../src/cli/commands/process-context.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';
import type { Result } from '../../src/requirements/types.js';

after(cleanupTemp);

const AS_OF = new Date('2026-11-27T00:00:00Z');
const byKey = (results: Result[]) => Object.fromEntries(results.map((r) => [r.key, r]));
const MIT =
  'MIT License\n\nCopyright (c) 2026 Speedy authors\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the "Software"), to deal\nin the Software without restriction, including without limitation the rights\nto use, copy, modify, merge, publish, distribute, sublicense, and/or sell\ncopies of the Software, and to permit persons to whom the Software is\nfurnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\nIMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\nFITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\nAUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\nLIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\nOUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\nSOFTWARE.\n';
const CI = `name: CI
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: cd optimization/speedy && python -m pytest tests
`;

// the monorepo: two sibling packages in optimization/, a research baseline pinned to an old torch
const MONOREPO: RepoSpec = {
  commits: [
    {
      date: '2026-10-01T00:00:00Z',
      files: {
        'README.md': '# Optimate\n\nA collection of optimization libraries.\n\n## Install\n\n```\npip install speedy\n```\n',
        'CODE_OF_CONDUCT.md': '# Code of conduct\n\nThis project follows the Linux Foundation Code of Conduct.\n',
        '.github/CODEOWNERS': '* @alice @bob\n',
        '.github/workflows/ci.yml': CI,
        'optimization/other/pyproject.toml': '[project]\nname = "other"\ndependencies = ["torch<2.0"]\n',
        'optimization/other/LICENSE': 'GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\n',
        'optimization/speedy/setup.py':
          'from setuptools import setup\n\nsetup(\n    name="speedy",\n    install_requires=["torch>=2.0", "numpy"],\n)\n',
        'optimization/speedy/README.md':
          '# Speedy\n\nSpeedy makes PyTorch models faster by choosing the best compiler for each layer.\n\n## Installation\n\n```\npip install speedy\n```\n',
        'optimization/speedy/LICENSE': MIT,
        'optimization/speedy/tests/test_speedy.py': 'def test_s():\n    pass\n',
        'optimization/speedy/baselines/resnet/requirements.txt': 'torch==1.8.0\n',
        'optimization/speedy/examples/demo/setup.py':
          'from setuptools import setup\nsetup(name="demo", install_requires=["torch==1.9.0"])\n',
      },
    },
    { date: '2026-11-01T00:00:00Z', files: { 'optimization/other/x.py': 'x = 1\n' } },
  ],
};

test('--path judges the folder: its packaging, README, license and tests, relative paths; CI, CODEOWNERS and the code of conduct from the root', async () => {
  const dir = await buildRepo(MONOREPO);
  const { report, evidence } = await check(dir, { asOf: AS_OF, offline: true, path: '/optimization/speedy/' });
  assert.equal(report.target.path, 'optimization/speedy');
  assert.deepEqual(report.target.inherited, ['.github/CODEOWNERS', '.github/workflows/ci.yml', 'CODE_OF_CONDUCT.md']);
  const r = byKey(report.requirements);
  assert.equal(r['pytorch-support']!.status, 'pass', r['pytorch-support']!.summary);
  assert.deepEqual(
    r['pytorch-support']!.measured.declaredIn,
    ['setup.py:5'],
    'a setup.py three folders down is read, relative to the project',
  );
  assert.equal(evidence.python.distribution?.name, 'speedy');
  assert.equal(r['user-experience']!.evidence[0]?.ref, 'README.md');
  assert.match(r['user-experience']!.summary, /^README\.md opens with/);
  assert.equal(r['license-file']!.status, 'pass', r['license-file']!.summary);
  assert.equal(r['permissive-license']!.status, 'pass', r['permissive-license']!.summary);
  assert.deepEqual(r['functional-testing']!.measured.examples, ['tests/test_speedy.py']);
  assert.equal(r['functional-testing']!.status, 'pass', r['functional-testing']!.summary);
  assert.notEqual(r['codeowners']!.status, 'fail', r['codeowners']!.summary);
  assert.equal(r['codeowners']!.evidence[0]?.ref, '.github/CODEOWNERS');
  assert.match(report.sources.find((s) => s.name === 'git')?.detail ?? '', /activity and releases count the whole repository/);
  assert.equal(r['recent-commits']!.measured.commits, 2, 'activity counts the whole repository');
  // links point into the folder, shared files at the root
  const md = renderMarkdown({ ...report, target: { ...report.target, webUrl: 'https://github.com/acme/optimate' } });
  assert.match(md, /\(https:\/\/github\.com\/acme\/optimate\/blob\/[0-9a-f]{40}\/optimization\/speedy\/setup\.py#L5\)/);
  assert.match(md, /--path optimization\/speedy --rev/);
  const sarif = renderSarif([report], { policy: loadDefaultPolicy() });
  assert.match(sarif, /"uri": "optimization\/speedy\/README\.md"/, "code scanning paths are the repository's");
  await assert.rejects(
    check(dir, { asOf: AS_OF, offline: true, path: 'optimization/nothing' }),
    /--path optimization\/nothing: no such folder in the repository at [0-9a-f]{12}/,
  );
  await assert.rejects(check(dir, { asOf: AS_OF, offline: true, path: 'optimization/../x' }), /without \. or \.\. segments/);
});

test('no packaging at the root: the project package is chosen by evidence and said so; baselines and examples never decide 1', async () => {
  const dir = await buildRepo(MONOREPO);
  const { report, evidence } = await check(dir, { asOf: AS_OF, offline: true });
  assert.equal(evidence.python.distribution?.name, 'speedy');
  assert.equal(evidence.python.projectDir, 'optimization/speedy');
  const r = byKey(report.requirements);
  assert.match(
    r['packages']!.summary,
    /The project's package is speedy \(optimization\/speedy\/setup\.py\): the README installs it \(pip install speedy\)\.$/,
  );
  const one = r['pytorch-support']!;
  assert.equal(one.status, 'pass', one.summary);
  assert.deepEqual(one.measured.declaredIn, ['optimization/speedy/setup.py:5'], 'the sibling package and the baseline pin do not decide');
  assert.doesNotMatch(JSON.stringify(one.fix ?? ''), /baselines/);
  assert.equal(
    r['ongoing-maintenance']!.measured.admitted && (r['ongoing-maintenance']!.measured.admitted as Record<string, boolean>)['2.11'],
    true,
  );
});

test('package choice: by the repository name, then the README, then CI; conda recipes in any folder are read', () => {
  const files = (m: Record<string, string>) =>
    Object.fromEntries(Object.entries(m).map(([path, text]) => [path, { path, size: text.length, text }]));
  const two = { 'a/pyproject.toml': '[project]\nname = "alpha"\n', 'b/pyproject.toml': '[project]\nname = "beta"\n' };
  assert.equal(extractPython(files(two), [], { repoName: 'beta' }).distribution?.why, 'its name matches the repository (beta)');
  assert.equal(extractPython(files(two), [], { readme: 'pip install -U alpha' }).distribution?.name, 'alpha');
  assert.equal(
    extractPython(files(two), [], { publishTexts: ['cd b && twine upload dist/*'] }).distribution?.why,
    'CI publishes it (a publishing step works in b/)',
  );
  assert.match(
    extractPython(files(two), []).distribution?.why ?? '',
    /no evidence tells the 2 packages apart \(alpha, beta\); the shallowest, a\/pyproject\.toml, was taken/,
  );
  assert.equal(
    extractPython(files({ ...two, 'examples/x/pyproject.toml': '[project]\nname = "x"\n' }), [], { repoName: 'x' }).distribution?.name,
    'alpha',
    'an example is never the project',
  );
  const recipe = extractPython(
    files({ 'packaging/speedy/meta.yaml': 'package:\n  name: speedy\nrequirements:\n  run:\n    - pytorch >=2.1\n' }),
    [],
  );
  assert.deepEqual(
    recipe.torch.map((t) => `${t.file}:${t.line} ${t.specifier}`),
    ['packaging/speedy/meta.yaml:5 >=2.1'],
  );
  // with a package at the root, deeper packaging is not the project's (as before)
  const rooted = extractPython(
    files({
      'pyproject.toml': '[project]\nname = "root"\ndependencies = ["torch>=2.0"]\n',
      'tools/x/y/setup.py': 'setup(name="t", install_requires=["torch==1.0"])\n',
    }),
    [],
  );
  assert.deepEqual(
    rooted.torch.map((t) => t.file),
    ['pyproject.toml'],
  );
  assert.equal(rooted.distribution?.why, undefined);
});

test('the process evaluator checks the folder a /tree/<branch>/<path> URL names, in a local clone too', async () => {
  const repos = tempDir();
  await buildRepo(MONOREPO, join(repos, 'acme', 'optimate'));
  const evaluate = await checkEvaluator({ reposDir: repos, offline: true });
  const { report } = await evaluate({ repoUrl: 'https://github.com/acme/optimate/tree/main/optimization/speedy' } as never, AS_OF);
  assert.equal(report.target.path, 'optimization/speedy');
  assert.equal(report.target.input, join(repos, 'acme', 'optimate'));
  execFileSync('git', ['--version']);
});

test("a local clone and a /tree/<branch>/<path> URL whose branch holds a slash: the clone's branch is checked, the rest is the folder", async () => {
  const repos = tempDir();
  // main has no sub/dir; the branch release/1.2 has the project there
  const dir = await buildRepo(
    {
      commits: [
        { date: '2026-10-01T00:00:00Z', files: { 'README.md': '# Mono\n\nThe main line.\n' } },
        {
          date: '2026-10-03T00:00:00Z',
          branch: 'release/1.2',
          parents: [0],
          files: {
            'sub/dir/setup.py': 'from setuptools import setup\nsetup(name="dir", install_requires=["torch>=2.0"])\n',
            'sub/dir/README.md': '# Dir\n\nThe project in a folder of a release branch.\n',
          },
        },
      ],
    },
    join(repos, 'acme', 'mono'),
  );
  const release = execFileSync('git', ['rev-parse', 'refs/heads/release/1.2'], { cwd: dir, encoding: 'utf8' }).trim();
  const evaluate = await checkEvaluator({ reposDir: repos, offline: true });
  const { report } = await evaluate({ repoUrl: 'https://github.com/acme/mono/tree/release/1.2/sub/dir' } as never, AS_OF);
  assert.equal(report.target.path, 'sub/dir');
  assert.equal(report.target.commit, release, 'the branch the URL names is the revision checked, as for a URL target');
  assert.deepEqual(byKey(report.requirements)['pytorch-support']!.measured['declaredIn'], ['setup.py:2']);
  // a branch the clone does not have is named, as for a URL target, instead of checking another revision
  await assert.rejects(
    evaluate({ repoUrl: 'https://github.com/acme/mono/tree/nightly/sub/dir' } as never, AS_OF),
    /names the branch "nightly\/sub\/dir" \(or a prefix of it\), which the local clone .* does not have/,
  );
});
