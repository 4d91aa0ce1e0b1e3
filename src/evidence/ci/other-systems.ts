// CI systems other than GitHub Actions: GitLab CI, CircleCI, Azure Pipelines, Travis, Buildkite,
// Jenkins. Each runs on push by default; each is read for runner OSes and test/publish steps.
import type { CiSystem, EvidenceProblem } from '../types.js';
import { scanScript } from './commands.js';
import { readYaml, scriptStartLine, stepsFrom, type WorkflowRead, type YamlRead } from './github-actions.js';
import { labelOs, runnerOs, type Os } from './runners.js';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strs(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function blank(file: string, system: CiSystem, triggers: string[]): WorkflowRead {
  return { workflow: { file, system, triggers, runners: [], os: [] }, testSteps: [], publishSteps: [], makeSteps: [] };
}

function finish(out: WorkflowRead, runners: string[], os: (Os | undefined)[]): WorkflowRead {
  out.workflow.runners = [...new Set(runners)].sort();
  out.workflow.os = [...new Set(os.filter((o): o is Os => o !== undefined))].sort();
  return out;
}

/** Scans a script value (string or nested list of strings) found at `path`. */
function scanAt(y: YamlRead, path: (string | number)[], value: unknown, file: string, job: string, out: WorkflowRead, depth = 0): void {
  if (depth > 8) return;
  if (typeof value === 'string') stepsFrom(scanScript(value), file, scriptStartLine(y, path), job, out);
  else if (Array.isArray(value)) value.forEach((v, i) => scanAt(y, [...path, i], v, file, job, out, depth + 1));
}

const GITLAB_RESERVED = new Set([
  'stages',
  'variables',
  'default',
  'include',
  'workflow',
  'image',
  'services',
  'before_script',
  'after_script',
  'cache',
  'pages',
]);

export function readGitlab(file: string, text: string, problems: EvidenceProblem[]): WorkflowRead | undefined {
  const y = readYaml(file, text, problems);
  if (!y || !isObj(y.data)) return y ? blank(file, 'gitlab-ci', ['push']) : undefined;
  const out = blank(file, 'gitlab-ci', ['push']);
  const runners: string[] = [];
  const os: (Os | undefined)[] = [];
  for (const [name, job] of Object.entries(y.data)) {
    if (GITLAB_RESERVED.has(name) && name !== 'pages') continue;
    if (!isObj(job)) continue;
    for (const key of ['before_script', 'script', 'after_script']) scanAt(y, [name, key], job[key], file, name, out);
    if (name.startsWith('.') || job.script === undefined) continue; // templates are not jobs
    const tags = strs(job.tags);
    // GitLab.com's shared runners are Linux unless a tag picks a macOS or Windows runner
    runners.push(tags.length ? tags.join(', ') : 'gitlab shared runner');
    os.push(tags.length ? runnerOs(tags) : 'linux');
  }
  for (const key of ['before_script', 'after_script']) scanAt(y, [key], y.data[key], file, '(default)', out);
  return finish(out, runners, os);
}

export function readCircleci(file: string, text: string, problems: EvidenceProblem[]): WorkflowRead | undefined {
  const y = readYaml(file, text, problems);
  if (!y) return undefined;
  const out = blank(file, 'circleci', ['push']);
  if (!isObj(y.data)) return out;
  const executors = isObj(y.data.executors) ? y.data.executors : {};
  const envOs = (e: Obj): [string, Os | undefined] | undefined => {
    if (e.docker !== undefined) return ['docker', 'linux'];
    if (e.macos !== undefined) return ['macos', 'macos'];
    if (e.machine !== undefined) {
      const image = isObj(e.machine) ? String(e.machine.image ?? '') : '';
      const rc = String(e.resource_class ?? '');
      const os = labelOs(image) ?? labelOs(rc) ?? (/windows/i.test(rc) ? 'windows' : 'linux');
      return [`machine${image ? ` ${image}` : ''}`, os];
    }
    return undefined;
  };
  const runners: string[] = [];
  const os: (Os | undefined)[] = [];
  const jobs = isObj(y.data.jobs) ? y.data.jobs : {};
  for (const [name, job] of Object.entries(jobs)) {
    if (!isObj(job)) continue;
    let env = envOs(job);
    const ex = job.executor;
    const exName = typeof ex === 'string' ? ex : isObj(ex) && typeof ex.name === 'string' ? ex.name : undefined;
    if (!env && exName) {
      const def = executors[exName];
      env = isObj(def) ? envOs(def) : [exName, labelOs(exName.replace(/^win\//, 'windows/'))];
    }
    if (env) {
      runners.push(env[0]);
      os.push(env[1]);
    }
    const steps = Array.isArray(job.steps) ? job.steps : [];
    steps.forEach((s, i) => {
      if (!isObj(s)) return;
      const run = s.run;
      if (typeof run === 'string') scanAt(y, ['jobs', name, 'steps', i, 'run'], run, file, name, out);
      else if (isObj(run) && typeof run.command === 'string')
        scanAt(y, ['jobs', name, 'steps', i, 'run', 'command'], run.command, file, name, out);
    });
  }
  return finish(out, runners, os);
}

export function readAzure(file: string, text: string, problems: EvidenceProblem[]): WorkflowRead | undefined {
  const y = readYaml(file, text, problems);
  if (!y) return undefined;
  const d = isObj(y.data) ? y.data : {};
  const triggers: string[] = [];
  if (d.trigger !== 'none') triggers.push('push');
  if (d.pr !== 'none') triggers.push('pull_request');
  const out = blank(file, 'azure-pipelines', triggers);
  const runners: string[] = [];
  const os: (Os | undefined)[] = [];
  const pool = (p: unknown, matrix: unknown) => {
    const image = typeof p === 'string' ? p : isObj(p) ? (p.vmImage ?? p.name) : undefined;
    if (typeof image !== 'string') return;
    const variants = isObj(matrix) ? Object.values(matrix).filter(isObj) : [];
    const images = variants.length
      ? variants.map((v) => image.replace(/\$\((\w+)\)/g, (w, k: string) => (typeof v[k] === 'string' ? (v[k] as string) : w)))
      : [image];
    for (const i of images) {
      runners.push(i);
      os.push(labelOs(i));
    }
  };
  const steps = (list: unknown, path: (string | number)[], job: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((s, i) => {
      if (!isObj(s)) return;
      for (const k of ['script', 'bash', 'pwsh', 'powershell'])
        if (typeof s[k] === 'string') scanAt(y, [...path, i, k], s[k], file, job, out);
    });
  };
  const jobs = (list: unknown, path: (string | number)[]) => {
    if (!Array.isArray(list)) return;
    list.forEach((j, i) => {
      if (!isObj(j)) return;
      const name = String(j.job ?? j.deployment ?? i);
      pool(j.pool ?? d.pool, isObj(j.strategy) ? j.strategy.matrix : undefined);
      steps(j.steps, [...path, i, 'steps'], name);
    });
  };
  if (Array.isArray(d.stages)) d.stages.forEach((s, i) => isObj(s) && jobs(s.jobs, ['stages', i, 'jobs']));
  jobs(d.jobs, ['jobs']);
  if (Array.isArray(d.steps)) {
    pool(d.pool, isObj(d.strategy) ? d.strategy.matrix : undefined);
    steps(d.steps, ['steps'], '(pipeline)');
  }
  return finish(out, runners, os);
}

export function readTravis(file: string, text: string, problems: EvidenceProblem[]): WorkflowRead | undefined {
  const y = readYaml(file, text, problems);
  if (!y) return undefined;
  const out = blank(file, 'travis', ['push', 'pull_request']);
  const d = isObj(y.data) ? y.data : {};
  const oses: string[] = strs(d.os);
  const scripts = ['before_install', 'install', 'before_script', 'script', 'after_success', 'before_deploy'];
  for (const k of scripts) scanAt(y, [k], d[k], file, '(build)', out);
  for (const key of ['jobs', 'matrix']) {
    const m = d[key];
    const include = isObj(m) && Array.isArray(m.include) ? m.include : [];
    include.forEach((j, i) => {
      if (!isObj(j)) return;
      oses.push(...strs(j.os));
      for (const k of scripts) scanAt(y, [key, 'include', i, k], j[k], file, String(j.name ?? i), out);
    });
  }
  for (const dep of Array.isArray(d.deploy) ? d.deploy : [d.deploy]) {
    if (isObj(dep) && dep.provider === 'pypi') out.publishSteps.push({ file, tool: 'travis deploy pypi', text: 'deploy: provider: pypi' });
  }
  if (oses.length === 0) oses.push('linux');
  return finish(out, oses, oses.map(labelOs));
}

export function readBuildkite(file: string, text: string, problems: EvidenceProblem[]): WorkflowRead | undefined {
  const y = readYaml(file, text, problems);
  if (!y) return undefined;
  const out = blank(file, 'buildkite', ['push']);
  const runners: string[] = [];
  const os: (Os | undefined)[] = [];
  const walk = (list: unknown, path: (string | number)[], depth: number) => {
    if (!Array.isArray(list) || depth > 8) return;
    list.forEach((s, i) => {
      if (!isObj(s)) return;
      const name = String(s.label ?? s.key ?? i);
      for (const k of ['command', 'commands']) scanAt(y, [...path, i, k], s[k], file, name, out);
      if (isObj(s.agents)) {
        const labels = Object.values(s.agents).filter((v): v is string => typeof v === 'string');
        runners.push(labels.join(', '));
        os.push(runnerOs(labels));
      }
      walk(s.steps, [...path, i, 'steps'], depth + 1);
    });
  };
  const d = y.data;
  walk(isObj(d) ? d.steps : d, isObj(d) ? ['steps'] : [], 0);
  return finish(out, runners, os);
}

/** Jenkinsfiles are Groovy: each line's quoted shell text is scanned; `bat` steps mean Windows. */
export function readJenkinsfile(file: string, text: string): WorkflowRead {
  const out = blank(file, 'jenkins', ['push']);
  const runners: string[] = [];
  const os: (Os | undefined)[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.length > 10_000) return;
    const label = /\blabel\s*\(?\s*['"]([^'"]+)['"]/.exec(line);
    if (label) {
      runners.push(label[1]!);
      os.push(labelOs(label[1]!));
    }
    if (/^\s*bat\b/.test(line)) os.push('windows');
    // lines inside `sh """ … """` blocks have no quotes of their own: scan every line, quotes removed
    const body = line.replace(/['"]/g, ' ');
    if (body.trim()) stepsFrom(scanScript(body), file, i + 1, undefined, out);
  });
  return finish(out, runners, os);
}
