// Golden reports: what `steward check` prints under pytorch-ecosystem 1.0, byte for byte, in every
// format, on the corpus mirrors (offline, at their recorded commits and dates) and on built
// repositories checked online against the GitHub and PyPI stand-ins. They were recorded before
// policies became data (issue 15), so that refactor is shown to change no verdict and no word.
//
// A difference fails with the first line that differs. A change that means to change a report
// records them again (STEWARD_UPDATE_GOLDEN=1 node scripts/run-tests.mjs golden) in a commit of
// its own that says which verdicts or words it changes and why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check/index.js';
import { createOnlineSession } from '../../src/evidence/online/index.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';
import { renderReports } from '../../src/cli/commands/check.js';
import type { Report } from '../../src/report/types.js';
import { FakeGitHub } from '../support/fake-github.js';
import { FakePyPI } from '../support/fake-pypi.js';
import { buildRepo, cleanupTemp, tempDir, type RepoSpec } from '../support/repo.js';
import { healthySpec } from '../process/real-repos.js';
import { REPO_ROOT } from '../support/cli.js';
import { mitLicense } from '../../src/demo/project-files.js';

const GOLDEN = new URL('../golden/', import.meta.url);
const UPDATE = process.env['STEWARD_UPDATE_GOLDEN'] === '1';
const CORPUS = process.env['STEWARD_CORPUS_DIR'] ?? '/work/.mirror';
const FORMATS = [
  ['json', 'json'],
  ['markdown', 'md'],
  ['text', 'txt'],
  ['sarif', 'sarif'],
] as const;

/** Where a report names this machine (a folder, a loopback port) or this hour, a stable word instead. */
function stable(text: string, places: [string, string][]): string {
  let out = text;
  for (const [from, to] of places) out = out.split(from).join(to);
  // the stand-in's rate-limit window starts when it does: the one clock-bound figure in a report
  return out.replace(/("rateLimitReset": ")[^"]*"/g, '$1<reset>"');
}

async function assertGolden(name: string, report: Report, offline: boolean, places: [string, string][]): Promise<void> {
  const policy = loadDefaultPolicy();
  for (const [format, ext] of FORMATS) {
    const got = stable(await renderReports([report], format, { offline, color: false, policy }), places);
    const file = new URL(`${name}.${ext}`, GOLDEN);
    if (UPDATE || !existsSync(file)) {
      if (!UPDATE) assert.fail(`no golden file ${file.pathname}: record it with STEWARD_UPDATE_GOLDEN=1`);
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, got);
      continue;
    }
    const want = readFileSync(file, 'utf8');
    if (got === want) continue;
    const a = got.split('\n');
    const b = want.split('\n');
    const i = a.findIndex((line, k) => line !== b[k]);
    const at = i === -1 ? a.length : i;
    assert.fail(
      `${name}.${ext} differs from the golden file at line ${at + 1}:\n  golden: ${JSON.stringify(b[at])}\n  now:    ${JSON.stringify(a[at])}`,
    );
  }
}

// --- the corpus: real ecosystem repositories, offline ---------------------------------------

interface CorpusEntry {
  commit: string;
  asOf: string;
  path?: string;
}
const corpus = JSON.parse(readFileSync(new URL('../corpus/expected.json', import.meta.url), 'utf8')) as {
  repositories: Record<string, CorpusEntry>;
};

for (const [name, e] of Object.entries(corpus.repositories)) {
  const dir = join(CORPUS, name, 'repo');
  let skip: string | false = false;
  if (!existsSync(dir)) skip = `${dir} is absent (fetch the mirror or set STEWARD_CORPUS_DIR)`;
  else {
    try {
      execFileSync('git', ['-C', dir, 'cat-file', '-e', `${e.commit}^{commit}`], { stdio: 'ignore' });
    } catch {
      skip = `${dir} does not hold ${e.commit.slice(0, 12)}`;
    }
  }
  if (skip) console.log(`# golden: skipping ${name}: ${skip}`);
  test(`golden reports: ${name} at ${e.commit.slice(0, 12)}, as of ${e.asOf}, offline`, { skip }, async () => {
    const { report } = await check(dir, {
      asOf: new Date(`${e.asOf}T00:00:00Z`),
      offline: true,
      rev: e.commit,
      ...(e.path ? { path: e.path } : {}),
    });
    await assertGolden(`corpus-${name}`, report, true, [[CORPUS, '$CORPUS'], HERE]);
  });
}

// --- built repositories, online against the stand-ins ----------------------------------------

const gh = new FakeGitHub({ tokens: { tok: {} } });
const pypi = new FakePyPI();
const AS_OF = new Date('2026-11-27T00:00:00Z');
const day = 86_400_000;

const BUILT: { name: string; spec: () => RepoSpec; stars: number; ci: 'success' | 'failure' | null; pypi: boolean }[] = [
  // every requirement met: six people, a recent release, CI green, on PyPI, 512 stars
  {
    name: 'healthy',
    spec: () => withFile(healthySpec(AS_OF, 40, { name: 'healthy' }), 'LICENSE', mitLicense('Example')),
    stars: 512,
    ci: 'success',
    pypi: true,
  },
  // the files are there, the activity is not (12 commits), CI red, 150 stars, no package
  { name: 'quiet', spec: () => healthySpec(AS_OF, 12, { name: 'quiet' }), stars: 150, ci: 'failure', pypi: false },
  // a young project: one commit of a README and a non-permissive license, no CI at all
  {
    name: 'bare',
    spec: () => ({
      commits: [
        {
          date: new Date(AS_OF.getTime() - 20 * day),
          files: {
            'README.md': '# bare\n\nA start.\n',
            LICENSE: 'GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\n',
            'setup.py': 'from setuptools import setup\nsetup(name="bare", install_requires=["torch==1.13"])\n',
          },
        },
      ],
    }),
    stars: 3,
    ci: null,
    pypi: false,
  },
];

function withFile(spec: RepoSpec, path: string, text: string): RepoSpec {
  spec.commits[0]!.files = { ...spec.commits[0]!.files, [path]: text };
  return spec;
}

/** The checkout's own folder (the bundled torch release list is named by its path). */
const HERE: [string, string] = [REPO_ROOT.replace(/\/$/, ''), '$STEWARD'];

let gitRoot = '';
before(async () => {
  gitRoot = tempDir();
  mkdirSync(join(gitRoot, 'acme'));
  for (const b of BUILT) await buildRepo({ ...b.spec(), bare: true }, join(gitRoot, 'acme', `${b.name}.git`));
  gh.opts.gitRoot = gitRoot;
  await gh.start();
  await pypi.start();
  for (const b of BUILT) {
    gh.addRepo({
      owner: 'acme',
      name: b.name,
      stars: b.stars,
      runs: b.ci
        ? [{ name: 'ci', workflowId: 1, branch: 'main', conclusion: b.ci, updatedAt: new Date(AS_OF.getTime() - day).toISOString() }]
        : [],
    });
    if (b.pypi)
      pypi.addProject({
        name: b.name,
        releases: { '1.0.0': [{ filename: `${b.name}-1.0.0-py3-none-any.whl` }] },
        projectUrls: { Source: `https://github.com/acme/${b.name}` },
      });
  }
});
after(async () => {
  await gh.stop();
  await pypi.stop();
  cleanupTemp();
});

for (const b of BUILT) {
  test(`golden reports: built repository "${b.name}", online against the stand-ins`, async () => {
    const session = createOnlineSession({
      cacheDir: tempDir(),
      tokens: [{ origin: 'test', token: 'tok' }],
      baseUrls: { github: gh.url, pypi: pypi.url, conda: pypi.url },
    });
    const { report } = await check(`https://github.com/acme/${b.name}`, {
      asOf: AS_OF,
      online: { session },
      remote: { cacheDir: tempDir(), cloneBaseUrls: { 'github.com': `${gh.url}/git` } },
    });
    await assertGolden(`built-${b.name}`, report, false, [[gh.url, '$GITHUB'], [pypi.url, '$PYPI'], HERE]);
  });
}
