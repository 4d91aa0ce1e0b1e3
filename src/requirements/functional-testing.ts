// Requirement 8: Functional testing. Test sources in the tree, and a CI step that runs them.
import type { CiStep, Evidence, EvidenceRef, TreeEntry } from '../evidence/types.js';
import type { Outcome, RuleMeta } from './types.js';
import { defineRule, say } from './rule.js';

const meta = {
  key: 'functional-testing',
  automation: 'partial',
  measures:
    'Test sources exist (tests/, test/ or testing/ directories, test_*.py, *_test.py) and CI runs them (pytest, tox, nox, python -m unittest, make test); tests not run by CI: warn.',
  messages: {
    testedInCi: '{files} ({where}) and CI runs them: {runner} at {step}.',
    notRunByCi: '{files} ({where}), but no CI step runs them (pytest, tox, nox, python -m unittest, make test{noCi}).',
    noTests: 'No test sources were found (tests/, test/ or testing/ directories, test_*.py, *_test.py){ciRuns}.',
    noCiNote: '; no CI configuration was found',
    ciRunsNote: ', although CI runs {runner} at {step}',
  },
} as const satisfies RuleMeta;

/** Code in test directories counts; `__init__.py` / `conftest.py` alone do not make a test suite. */
const CODE = /\.(py|pyx|ipynb|c|cc|cpp|cu|h|hpp|rs|jl|sh|js|ts)$/i;
const VENDORED = /(^|\/)(third_party|third-party|vendor|vendored|node_modules|site-packages|\.git)\//i;

/**
 * Folders whose `*_test.py` files are not the project's tests: benchmark suites name their cases
 * like tests (`benchmarks/conv_test.py`) but measure speed, not behaviour.
 */
const NOT_TESTS = /(^|\/)(benchmarks?|benchmarking)\//i;
const TEST_DIR = /(^|\/)(tests?|testing)\//i;

export function isTestFile(path: string): boolean {
  if (VENDORED.test(path) || NOT_TESTS.test(path)) return false;
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (/^test_[^/]*\.py$/i.test(base) || /^[^/]+_test\.py$/i.test(base)) return true;
  if (base === '__init__.py' || base === 'conftest.py') return false;
  return TEST_DIR.test(path) && CODE.test(base);
}

/** Test sources, those in a test folder first (the suite), then files named like tests elsewhere. */
export function testFiles(tree: TreeEntry[]): string[] {
  const found = tree.filter((e) => e.type === 'blob' && e.mode !== '120000' && isTestFile(e.path)).map((e) => e.path);
  return [...found.filter((p) => TEST_DIR.test(p)), ...found.filter((p) => !TEST_DIR.test(p))];
}

export function evaluateFunctionalTesting(evidence: Evidence): Outcome {
  const tests = testFiles(evidence.tree);
  // The step shown first is the best evidence: one that names its test runner (not a `make`
  // target leading to one), in a workflow run on every push or pull request, across the most
  // operating systems (pytorch/ignite: its CPU unit tests on three OSes, not a GPU-only job).
  const workflows = new Map(evidence.ci.workflows.map((w) => [w.file, w]));
  // A Python runner comes before a native part's (zeus: its pytest step, not its daemon's `cargo test`).
  const NATIVE = new Set(['cargo test', 'npm test', 'ctest']);
  const score = (s: CiStep): number[] => {
    const w = workflows.get(s.file);
    const onChange = w ? w.triggers.some((t) => t === 'push' || t === 'pull_request') : false;
    return [Number(s.tool.startsWith('make')), Number(NATIVE.has(s.tool)), Number(!onChange), -(w?.os.length ?? 0)];
  };
  const steps = evidence.ci.testSteps
    .map((s, i) => ({ s, i, k: score(s) }))
    .sort((a, b) => a.k[0]! - b.k[0]! || a.k[1]! - b.k[1]! || a.k[2]! - b.k[2]! || a.k[3]! - b.k[3]! || a.i - b.i)
    .map((x) => x.s);
  const step = steps[0];
  const stepAt = step ? `${step.file}${step.line !== undefined ? `:${step.line}` : ''}` : undefined;
  const measured: Record<string, unknown> = {
    testFiles: tests.length,
    examples: tests.slice(0, 5),
    ...(step ? { runner: step.tool, ciStep: `${stepAt}: ${step.text}` } : {}),
    ciSteps: steps.length,
  };
  const refs: EvidenceRef[] = steps.slice(0, 5).map((s) => ({
    kind: 'file',
    ref: s.file,
    ...(s.line !== undefined ? { line: s.line } : {}),
    detail: `${s.tool}${s.job ? ` in job ${s.job}` : ''}: ${s.text}`,
  }));
  refs.push(...tests.slice(0, 5).map((t): EvidenceRef => ({ kind: 'file', ref: t, detail: 'test source' })));
  const where = (() => {
    const dirs = [...new Set(tests.map((t) => (t.includes('/') ? t.slice(0, t.lastIndexOf('/') + 1) : t)))];
    return dirs.slice(0, 3).join(', ') + (dirs.length > 3 ? ' …' : '');
  })();
  const files = `${tests.length} test file${tests.length === 1 ? '' : 's'}`;
  if (tests.length > 0 && step) {
    return {
      status: 'pass',
      ...say(meta, 'testedInCi', { files, where, runner: step.tool, step: stepAt! }),
      measured,
      evidence: refs,
    };
  }
  if (tests.length > 0) {
    return {
      status: 'warn',
      ...say(meta, 'notRunByCi', { files, where, noCi: evidence.ci.workflows.length ? '' : say(meta, 'noCiNote').summary }),
      measured,
      evidence: refs,
      fix: `Add a step that runs the tests to a CI workflow triggered on push and pull_request, e.g. \`python -m pytest ${tests[0]!.includes('/') ? tests[0]!.slice(0, tests[0]!.indexOf('/') + 1) : ''}\` in .github/workflows/ci.yml.`,
    };
  }
  return {
    status: 'fail',
    ...say(meta, 'noTests', { ciRuns: step ? say(meta, 'ciRunsNote', { runner: step.tool, step: stepAt! }).summary : '' }),
    measured,
    evidence: refs,
    fix: 'Add tests under tests/ (files named test_*.py that exercise the project with the latest torch) and run them in CI with pytest.',
  };
}

export const functionalTesting = defineRule({
  meta,
  options: (z) => z.strictObject({}),
  evaluate(evidence) {
    return evaluateFunctionalTesting(evidence);
  },
});
