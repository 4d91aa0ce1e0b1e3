// GitHub Actions workflows: triggers, runners (matrices expanded), test and publish steps with
// their lines, reusable workflows called. Values come from toJS() (alias-bounded), lines from the
// document's nodes.
import type { Document, LineCounter } from 'yaml';
import { yaml } from '../../util/lazy-yaml.js';
import { MAX_REPO_YAML_BYTES, withoutStacks, yamlCostLimit } from '../../util/yaml-cost.js';
import type { CiStep, CiWorkflow, EvidenceProblem } from '../types.js';
import { publishAction, scanScript, type CommandMatch } from './commands.js';
import { expandMatrix, substitute } from './matrix.js';
import { runnerOs } from './runners.js';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface YamlRead {
  data: unknown;
  doc: Document;
  lc: LineCounter;
}

/** Inputs through which command-wrapping actions take the shell command they run. */
const WRAPPED_COMMAND_INPUTS = ['command', 'run', 'script', 'shell-command'];

/**
 * The size budget of one CI YAML file: the yaml package took 3 s for 256 KiB on a loaded
 * machine (the fuzzer found 8 s for a 1 MiB workflow of repeated jobs), and real workflows are a
 * few tens of KiB. A larger file is reported, not parsed.
 */
export const MAX_YAML_BYTES = MAX_REPO_YAML_BYTES;

/** Parses YAML with positions; problems (syntax, alias bombs, size) are reported, never thrown. */
export function readYaml(file: string, text: string, problems: EvidenceProblem[]): YamlRead | undefined {
  if (text.length > MAX_YAML_BYTES) {
    problems.push({
      file,
      message: `${text.length} characters: YAML files over ${MAX_YAML_BYTES / 1024} KiB are not parsed (truncated to nothing)`,
    });
    return undefined;
  }
  const lc = new (yaml().LineCounter)();
  // what costs the yaml package seconds (the fuzzer: 20 s for 128 KiB of `"`, 15 s of `&a `) is
  // refused before it parses, and its errors are made without stack traces or pretty context
  const limit = yamlCostLimit(text);
  if (limit) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < limit.offset; i = text.indexOf('\n', i + 1)) line++;
    problems.push({ file, line, message: `not parsed: ${limit.message}` });
    return undefined;
  }
  try {
    const doc = withoutStacks(() => yaml().parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false }));
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      const line = lc.linePos(e.pos[0]).line;
      problems.push({ file, ...(line !== undefined ? { line } : {}), message: `not valid YAML: ${e.message.split('\n')[0]}` });
      return undefined;
    }
    // aliases are allowed (workflows use anchors) but bounded: a "billion laughs" file stops here
    const data = doc.toJS({ maxAliasCount: 1000 });
    return { data, doc, lc };
  } catch (err) {
    problems.push({ file, message: `could not be read as YAML: ${(err as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

/** 1-based line of the node at `path`, or of its nearest ancestor that has one. */
export function lineAt(y: YamlRead, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    try {
      const node = y.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return y.lc.linePos(node.range[0]).line;
    } catch {
      // a path through an alias or scalar: try the parent
    }
  }
  return undefined;
}

/** The line a script's first line is on: a block scalar (`run: |`) starts on the next line. */
export function scriptStartLine(y: YamlRead, path: (string | number)[]): number | undefined {
  const node = y.doc.getIn(path, true);
  const line = lineAt(y, path);
  if (line === undefined) return undefined;
  return yaml().isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') ? line + 1 : line;
}

export function triggersOf(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.filter((x): x is string => typeof x === 'string');
  if (isObj(on)) return Object.keys(on);
  return [];
}

/** Runner descriptions for a job's runs-on, one per distinct runner after matrix expansion. */
function runnersOf(runsOn: unknown, strategy: unknown, file: string, job: string, notes: EvidenceProblem[]): string[][] {
  if (runsOn === undefined) return [];
  const exp = expandMatrix(isObj(strategy) ? strategy.matrix : undefined);
  if (exp.note) notes.push({ file, message: `job ${job}: ${exp.note}` });
  const out = new Map<string, string[]>();
  for (const combo of exp.combos) {
    let labels: string[][];
    if (typeof runsOn === 'string') labels = substitute(runsOn, combo).map((l) => [l]);
    else if (Array.isArray(runsOn)) labels = [runsOn.filter((x) => typeof x === 'string').flatMap((l) => substitute(l, combo))];
    else if (isObj(runsOn)) {
      const ls = Array.isArray(runsOn.labels) ? runsOn.labels : typeof runsOn.labels === 'string' ? [runsOn.labels] : [];
      const group = typeof runsOn.group === 'string' ? [`group:${runsOn.group}`] : [];
      labels = [[...group, ...ls.filter((x): x is string => typeof x === 'string').flatMap((l) => substitute(l, combo))]];
    } else labels = [];
    for (const l of labels) if (l.length) out.set(l.join(', '), l);
  }
  return [...out.values()];
}

export interface WorkflowRead {
  workflow: CiWorkflow;
  testSteps: CiStep[];
  publishSteps: CiStep[];
  /** `make` targets whose Makefile decides whether they run tests */
  makeSteps: (CiStep & { target: string })[];
}

/** Turns command matches from a script at `start` into CiSteps. */
export function stepsFrom(
  matches: CommandMatch[],
  file: string,
  start: number | undefined,
  job: string | undefined,
  out: WorkflowRead,
): void {
  for (const m of matches) {
    const step: CiStep = { file, tool: m.tool, text: m.text };
    if (start !== undefined) step.line = start + m.lineOffset;
    if (job !== undefined) step.job = job;
    if (m.kind === 'publish') out.publishSteps.push(step);
    else if (m.makeTarget !== undefined) out.makeSteps.push({ ...step, target: m.makeTarget });
    else out.testSteps.push(step);
  }
}

export function readGithubWorkflow(file: string, text: string, problems: EvidenceProblem[]): WorkflowRead | undefined {
  const y = readYaml(file, text, problems);
  if (!y) return undefined;
  const out: WorkflowRead = {
    workflow: { file, system: 'github-actions', triggers: [], runners: [], os: [] },
    testSteps: [],
    publishSteps: [],
    makeSteps: [],
  };
  if (!isObj(y.data)) {
    problems.push({ file, message: 'a workflow must be a mapping with `on:` and `jobs:`' });
    return out;
  }
  out.workflow.triggers = triggersOf(y.data.on ?? y.data.true);
  const jobs = isObj(y.data.jobs) ? y.data.jobs : {};
  const runners = new Map<string, string[]>();
  const calls = new Set<string>();
  for (const [jobId, job] of Object.entries(jobs)) {
    if (!isObj(job)) continue;
    if (typeof job.uses === 'string') calls.add(job.uses);
    for (const r of runnersOf(job['runs-on'], job.strategy, file, jobId, problems)) runners.set(r.join(', '), r);
    const steps = Array.isArray(job.steps) ? job.steps : [];
    steps.forEach((step, i) => {
      if (!isObj(step)) return;
      if (typeof step.run === 'string') {
        const start = scriptStartLine(y, ['jobs', jobId, 'steps', i, 'run']);
        stepsFrom(scanScript(step.run), file, start, jobId, out);
      }
      // actions that wrap a shell command (retry and timeout wrappers such as nick-fields/retry)
      // run it from an input: the command counts like a `run:` script
      if (typeof step.uses === 'string' && isObj(step.with)) {
        for (const input of WRAPPED_COMMAND_INPUTS) {
          const script = step.with[input];
          if (typeof script !== 'string') continue;
          stepsFrom(scanScript(script), file, scriptStartLine(y, ['jobs', jobId, 'steps', i, 'with', input]), jobId, out);
        }
      }
      if (typeof step.uses === 'string') {
        const tool = publishAction(step.uses, isObj(step.with) ? step.with : undefined);
        if (tool) {
          const line = lineAt(y, ['jobs', jobId, 'steps', i, 'uses']);
          out.publishSteps.push({ file, ...(line !== undefined ? { line } : {}), job: jobId, tool, text: `uses: ${step.uses}` });
        }
      }
    });
  }
  out.workflow.runners = [...runners.keys()].sort();
  out.workflow.os = [...new Set([...runners.values()].map(runnerOs).filter((o) => o !== undefined))].sort();
  if (calls.size) out.workflow.calls = [...calls].sort();
  return out;
}

/** A composite action (`.github/actions/x/action.yml`): its `run` steps count, it is not a workflow. */
export function readCompositeAction(file: string, text: string, problems: EvidenceProblem[]): WorkflowRead | undefined {
  const y = readYaml(file, text, problems);
  if (!y || !isObj(y.data) || !isObj(y.data.runs)) return undefined;
  const out: WorkflowRead = {
    workflow: { file, system: 'github-actions', triggers: [], runners: [], os: [] },
    testSteps: [],
    publishSteps: [],
    makeSteps: [],
  };
  const steps = Array.isArray(y.data.runs.steps) ? y.data.runs.steps : [];
  steps.forEach((step, i) => {
    if (isObj(step) && typeof step.run === 'string') {
      stepsFrom(scanScript(step.run), file, scriptStartLine(y, ['runs', 'steps', i, 'run']), undefined, out);
    }
  });
  return out;
}
