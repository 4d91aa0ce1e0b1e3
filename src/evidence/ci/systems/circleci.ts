// CircleCI (.circleci/config.yml): jobs run on push; docker, machine and macos executors name the OS.
import type { EvidenceProblem } from '../../types.js';
import { readYaml, type WorkflowRead } from '../github-actions.js';
import { labelOs, type Os } from '../runners.js';
import { blank, finish, isObj, scanAt, type CiSystemReader, type Obj } from '../system.js';

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

export default {
  id: 'circleci',
  listed: 30,
  name: 'CircleCI',
  shownAs: '.circleci/config.yml',
  matches: (path) => path === '.circleci/config.yml' || path === '.circleci/config.yaml',
  read: readCircleci,
} satisfies CiSystemReader;
