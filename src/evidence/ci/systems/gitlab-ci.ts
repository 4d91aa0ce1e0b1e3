// GitLab CI (.gitlab-ci.yml): every job runs on push; tags pick a runner, GitLab.com's shared runners are Linux.
import type { EvidenceProblem } from '../../types.js';
import { readYaml, type WorkflowRead } from '../github-actions.js';
import { runnerOs, type Os } from '../runners.js';
import { blank, finish, isObj, scanAt, strs, type CiSystemReader } from '../system.js';

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

export default {
  id: 'gitlab-ci',
  listed: 20,
  name: 'GitLab CI',
  shownAs: '.gitlab-ci.yml',
  matches: (path) => path === '.gitlab-ci.yml' || path === '.gitlab-ci.yaml',
  read: readGitlab,
} satisfies CiSystemReader;
