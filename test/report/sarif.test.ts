// `steward check --format sarif`: SARIF 2.1.0 that the schema accepts for every kind of repository
// the tests build, one rule per requirement, results at the evidence's file and line or the root.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildRepo, cleanupTemp, daysAgo, type RepoSpec, type CommitSpec } from '../support/repo.js';
import { CI_WORKFLOW, wellKeptPyproject } from '../../src/demo/project-files.js';
import { sarifErrors } from '../support/sarif.js';
import { runCli } from '../support/cli.js';
import { check } from '../../src/check/index.js';
import { renderSarif, ruleId, ROOT_URI } from '../../src/report/sarif.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';

after(cleanupTemp);

const AS_OF = '2026-11-27T00:00:00Z';
const policy = loadDefaultPolicy();

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
}
interface SarifLog {
  version: string;
  runs: { tool: { driver: { rules: { id: string }[] } }; results: SarifResult[]; properties: { verdict: string } }[];
}

const people = ['Ann', 'Ben', 'Cat', 'Dan', 'Eve', 'Fay'].map((n) => ({ name: n, email: `${n.toLowerCase()}@users.noreply.github.com` }));

const REPOS: Record<string, RepoSpec> = {
  'one commit, nothing in it': { commits: [{ date: '2026-11-01T00:00:00Z', files: { 'a.txt': 'a\n' } }] },
  'untended, wrong names': {
    commits: [
      {
        date: '2026-11-01T00:00:00Z',
        files: { 'readme.txt': 'proj\n', 'LICENSE-MIT': 'MIT License\n', '.github/codeowners': '* @alice\n', 'src/CONTRIBUTING.md': 'x\n' },
      },
    ],
  },
  'well kept and active': {
    commits: Array.from({ length: 40 }, (_, i): CommitSpec => ({
      date: daysAgo(AS_OF, 80 - 2 * i),
      author: people[i % people.length]!,
      files:
        i === 0
          ? {
              'pyproject.toml': wellKeptPyproject('proj'),
              '.github/workflows/ci.yml': CI_WORKFLOW,
              'README.md': '# Proj\n\nProj trains models.\n\n## Installation\n\n```\npip install proj\n```\n',
              LICENSE: 'MIT License\n',
              '.github/CODEOWNERS': '* @ann @ben\n',
              'CODE_OF_CONDUCT.md': 'https://lfprojects.org/policies/code-of-conduct/\n',
              'tests/test_a.py': 'def test_a():\n    assert True\n',
            }
          : { 'src/x.py': `x = ${String(i)}\n` },
    })),
    tags: { 'v1.0.0': 10 },
  },
  'a path that needs escaping': {
    commits: [
      {
        date: '2026-11-01T00:00:00Z',
        files: {
          'pyproject.toml': '[project]\nname = "p q"\ndependencies = [\n  "torch==1.10.0",\n]\n',
          'docs dir/README 100%.md': '# x\n',
        },
      },
    ],
  },
};

for (const [name, spec] of Object.entries(REPOS)) {
  test(`SARIF validates against the 2.1.0 schema: ${name}`, async () => {
    const dir = await buildRepo(spec);
    const { report } = await check(dir, { asOf: new Date(AS_OF), offline: true });
    const text = renderSarif([report], { policy });
    const log = JSON.parse(text) as SarifLog;
    assert.deepEqual(sarifErrors(log), []);
    const run = log.runs[0]!;
    assert.equal(run.tool.driver.rules.length, 19);
    assert.deepEqual(
      run.tool.driver.rules.map((r) => r.id),
      policy.rules.map((m) => ruleId(m.number)),
    );
    const notPassing = report.requirements.filter((r) => ['fail', 'warn', 'review', 'unknown'].includes(r.status));
    assert.deepEqual(
      run.results.map((r) => r.ruleId),
      notPassing.map((r) => ruleId(r.id)),
    );
    for (const res of run.results) {
      const req = report.requirements.find((r) => ruleId(r.id) === res.ruleId)!;
      assert.equal(res.level, { fail: 'error', warn: 'warning', review: 'note', unknown: 'note' }[req.status as string]);
      assert.equal(run.tool.driver.rules[res.ruleIndex]!.id, res.ruleId);
      const file = req.evidence.find((e) => e.kind === 'file');
      const loc = res.locations[0]!.physicalLocation;
      assert.equal(decodeURIComponent(loc.artifactLocation.uri), file ? file.ref : ROOT_URI);
      assert.equal(loc.region?.startLine, file?.line);
    }
    assert.equal(run.properties.verdict, report.verdict);
  });
}

test('SARIF: a failing torch declaration is located at its file and line; a missing file at the root', async () => {
  const dir = await buildRepo(REPOS['a path that needs escaping']!);
  const { report } = await check(dir, { asOf: new Date(AS_OF), offline: true });
  const log = JSON.parse(renderSarif([report], { policy })) as SarifLog;
  const torch = log.runs[0]!.results.find((r) => r.ruleId === 'R01')!;
  assert.equal(torch.level, 'error');
  assert.deepEqual(torch.locations[0]!.physicalLocation, {
    artifactLocation: { uri: 'pyproject.toml', uriBaseId: '%SRCROOT%' },
    region: { startLine: 4 },
  });
  const governance = log.runs[0]!.results.find((r) => r.ruleId === 'R03')!;
  assert.equal(governance.locations[0]!.physicalLocation.artifactLocation.uri, ROOT_URI);
  assert.match(governance.message.text, /^3 Governance: fail\. .*\nTo fix: /s);
});

test('steward check --format sarif: one run per target, valid, exit status as for any format', async () => {
  const a = await buildRepo(REPOS['one commit, nothing in it']!);
  const b = await buildRepo(REPOS['untended, wrong names']!);
  const out = await runCli(['check', a, b, '--offline', '--as-of', '2026-11-27', '--format', 'sarif']);
  assert.equal(out.stderr, '');
  assert.equal(out.code, 1);
  const log = JSON.parse(out.stdout) as SarifLog;
  assert.deepEqual(sarifErrors(log), []);
  assert.equal(log.runs.length, 2);
});

test('the schema check itself rejects what SARIF 2.1.0 forbids (an unknown level, a result without a message)', () => {
  const bad = { version: '2.1.0', runs: [{ tool: { driver: { name: 'steward' } }, results: [{ ruleId: 'R01', level: 'fatal' }] }] };
  const errors = sarifErrors(bad);
  assert.ok(
    errors.some((e) => /level/.test(e) || /allowed values/.test(e)),
    errors.join('\n'),
  );
  assert.ok(
    errors.some((e) => /message/.test(e)),
    errors.join('\n'),
  );
});
