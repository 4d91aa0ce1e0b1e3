// Travis CI (.travis.yml): builds run on push and pull requests, on Linux unless `os:` says otherwise.
import type { EvidenceProblem } from '../../types.js';
import { readYaml, type WorkflowRead } from '../github-actions.js';
import { labelOs } from '../runners.js';
import { blank, finish, isObj, scanAt, strs, type CiSystemReader } from '../system.js';

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

export default {
  id: 'travis',
  listed: 50,
  name: 'Travis',
  shownAs: '.travis.yml',
  matches: (path) => path === '.travis.yml' || path === '.travis.yaml',
  read: readTravis,
} satisfies CiSystemReader;
