// Azure Pipelines (azure-pipelines.yml): triggers unless `trigger: none` / `pr: none`; pool images name the OS.
import type { EvidenceProblem } from '../../types.js';
import { readYaml, type WorkflowRead } from '../github-actions.js';
import { labelOs, type Os } from '../runners.js';
import { blank, finish, isObj, scanAt, type CiSystemReader } from '../system.js';

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

export default {
  id: 'azure-pipelines',
  listed: 40,
  name: 'Azure Pipelines',
  shownAs: 'azure-pipelines.yml',
  matches: (path) => /^\.?azure-pipelines(\.ya?ml|\/[^/]+\.ya?ml)$/i.test(path),
  read: readAzure,
} satisfies CiSystemReader;
