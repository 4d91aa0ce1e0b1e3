// Recognises test and publish commands in CI shell scripts. A command is judged by what it runs,
// so `pip install pytest tox` or `echo "run pytest"` are not test steps.

export interface CommandMatch {
  kind: 'test' | 'publish';
  tool: string;
  /** the command as written (one logical line, trimmed, at most 200 characters) */
  text: string;
  /** 0-based line within the script where the logical line starts */
  lineOffset: number;
  /** a `make` target that needs the Makefile to decide whether it runs tests */
  makeTarget?: string;
}

const NOT_RUNNING =
  /(^|\s)(pip3?|conda|mamba|micromamba|apt(-get)?|brew|choco|yum|dnf|pipx|npm|yarn)\s+(install|add|i)\b|\buv\s+(pip\s+install|add|tool\s+install|sync|lock)\b|\bpoetry\s+(add|install|lock)\b|\bpython[\d.]*\s+-m\s+pip\b|^\s*(echo|printf|cat|grep|sed|awk|export|which|command|type)\b/;

const TESTS: [RegExp, string][] = [
  [/(^|[\s/'"])(py\.test|pytest)(\s|$|['"])/, 'pytest'],
  [/(^|[\s'"])tox(\s|$|['"])/, 'tox'],
  [/(^|[\s'"])nox(\s|$|['"])/, 'nox'],
  [/-m\s+unittest\b/, 'unittest'],
  [/(^|\s)hatch\s+(test\b|run\s+[\w:.-]*test)/, 'hatch test'],
  [/(^|\s)(pdm|poetry|rye|pixi|uv)\s+run\s+(-\S+\s+)*[\w:.-]*test[\w:.-]*(\s|$)/, 'run test script'],
  [
    /(^|\s)python[\d.]*\s+(-\S+\s+)*((\S*\/)?(tests?|testing)\/|\S*(test_[\w-]*\.py|[\w-]+_test\.py|run_?tests?\.py))/,
    'python test script',
  ],
  // a package's own test runner module (`python -m einops.tests.run_tests`)
  [/(^|\s)python[\d.]*\s+-m\s+[\w.]*\b(tests?|testing)\b[\w.]*/, 'python test module'],
  // a project's own test driver script (`bash tests/run_cpu_tests.sh`, pytorch/ignite)
  [/(^|\s)(ba|z)?sh\s+(-\S+\s+)*(\S*\/)?(tests?|testing)\/\S*\.sh(\s|$)|(^|[\s/])run_?tests?\.sh(\s|$)/, 'shell test script'],
  // projects with native or web parts test them with their own runners
  [/(^|\s)(npm|pnpm|yarn)\s+(run\s+)?test(\s|$|:)/, 'npm test'],
  [/(^|\s)cargo\s+(test|nextest)\b/, 'cargo test'],
  [/(^|\s)ctest(\s|$)/, 'ctest'],
];

/**
 * A project's own driver (`run_tests.sh`, `tox -e`, `nox -s`, `make`) asked for a job that is not
 * testing: `run_tests.sh lint` a few lines above `run_tests.sh tests` is the lint step.
 */
const NOT_TEST_JOB =
  /^(lint|linters?|linting|format|fmt|style|check-?format|typecheck|type-?check|types|mypy|pyright|flake8|pylint|ruff|black|isort|docs?|build|clean|install|setup|pre-?commit|codespell|spell(check)?)$/i;

function asksForNonTestJob(cmd: string, tool: string): boolean {
  const tokens = cmd.split(/\s+/).filter(Boolean);
  let jobs: string[] = [];
  if (tool === 'shell test script' || tool === 'python test script') {
    const at = tokens.findIndex((t) => /(^|\/)(run_?tests?\.(sh|py))$|(^|\/)(tests?|testing)\/\S*\.(sh|py)$/.test(t));
    const arg = at >= 0 ? tokens.slice(at + 1).find((t) => !t.startsWith('-')) : undefined;
    if (arg !== undefined) jobs = [arg];
  } else if (tool === 'tox' || tool === 'nox') {
    // `tox … --notest` only builds the environments; the next step runs them
    if (tokens.includes('--notest')) return true;
    const flag = tool === 'tox' ? /^(-e|--envlist)$/ : /^(-s|--sessions?|-e)$/;
    const at = tokens.findIndex((t) => flag.test(t));
    if (at >= 0 && tokens[at + 1]) jobs = tokens[at + 1]!.split(',');
  }
  return jobs.length > 0 && jobs.every((j) => NOT_TEST_JOB.test(j.replace(/^['"]|['"]$/g, '')));
}

const PUBLISH: [RegExp, string][] = [
  [/\btwine\s+upload\b/, 'twine upload'],
  [/(^|\s)uv\s+publish\b/, 'uv publish'],
  [/(^|\s)hatch\s+publish\b/, 'hatch publish'],
  [/(^|\s)poetry\s+publish\b/, 'poetry publish'],
  [/(^|\s)flit\s+publish\b/, 'flit publish'],
  [/(^|\s)pdm\s+publish\b/, 'pdm publish'],
  [/(^|\s)maturin\s+(publish|upload)\b/, 'maturin publish'],
  [/(^|\s)anaconda\s(.*\s)?upload\b/, 'anaconda upload'],
  [/(^|\s)(rattler-build|conda-upload)\s+upload\b|(^|\s)conda[- ]upload\b/, 'conda upload'],
  [/setup\.py\s+(\S+\s+)*upload\b/, 'setup.py upload'],
];

/** One logical line per entry (`\` continuations joined), with the line it starts on. */
function logicalLines(script: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const lines = script.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let l = lines[i]!;
    while (/\\\s*$/.test(l) && i + 1 < lines.length && l.length < 10_000) l = l.replace(/\\\s*$/, ' ') + lines[++i]!;
    out.push({ text: l, offset: start });
  }
  return out;
}

/** The first target of a `make` command (`make -C py -j4 test` → `test`); `` for the default goal. */
export function makeTarget(cmd: string): string | undefined {
  const tokens = cmd.split(/\s+/);
  const at = tokens.findIndex((t) => t === 'make' || t.endsWith('/make'));
  if (at < 0) return undefined;
  for (let i = at + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (/^-[CfIjlWo]$/.test(t))
      i++; // an option whose argument follows
    else if (!t.startsWith('-') && !t.includes('=')) return t;
  }
  return '';
}

export function scanScript(script: string): CommandMatch[] {
  const out: CommandMatch[] = [];
  for (const { text, offset } of logicalLines(script)) {
    const line = text.trim();
    if (!line || line.startsWith('#') || line.length > 10_000) continue;
    const shown = line.length > 200 ? `${line.slice(0, 197)}...` : line;
    // one result per logical line: a definite test beats a publish, which beats a `make` to resolve
    const found: CommandMatch[] = [];
    for (const raw of line.split(/&&|\|\||;|\|/)) {
      const cmd = raw.trim();
      if (!cmd || NOT_RUNNING.test(cmd)) continue;
      const test = TESTS.find(([re]) => re.test(cmd));
      if (test && asksForNonTestJob(cmd, test[1])) continue;
      if (test) {
        found.push({ kind: 'test', tool: test[1], text: shown, lineOffset: offset });
        continue;
      }
      const target = makeTarget(cmd);
      if (target !== undefined) {
        if (/test/i.test(target)) found.push({ kind: 'test', tool: 'make test', text: shown, lineOffset: offset });
        else found.push({ kind: 'test', tool: 'make', text: shown, lineOffset: offset, makeTarget: target });
        continue;
      }
      const pub = PUBLISH.find(([re]) => re.test(cmd));
      if (pub) found.push({ kind: 'publish', tool: pub[1], text: shown, lineOffset: offset });
    }
    const definite = found.find((f) => f.kind === 'test' && f.makeTarget === undefined);
    const publish = found.find((f) => f.kind === 'publish');
    if (definite) out.push(definite);
    else out.push(...found.filter((f) => f.makeTarget !== undefined));
    if (publish) out.push(publish);
  }
  return out;
}

/** A GitHub Action that publishes packages, by its `uses:` reference. */
export function publishAction(uses: string, withArgs: Record<string, unknown> | undefined): string | undefined {
  const ref = uses.toLowerCase().split('@')[0]!;
  if (ref === 'pypa/gh-action-pypi-publish') return 'pypa/gh-action-pypi-publish';
  if (ref === 'pyo3/maturin-action' && /^(upload|publish)$/.test(String(withArgs?.command ?? ''))) return 'maturin-action upload';
  if (/conda-incubator\/.*upload|anaconda.*upload/.test(ref)) return 'conda upload action';
  return undefined;
}
