// Buildkite (.buildkite/*.yml): steps run on push; agent tags name the OS.
import type { EvidenceProblem } from '../../types.js';
import { readYaml, type WorkflowRead } from '../github-actions.js';
import { runnerOs, type Os } from '../runners.js';
import { blank, finish, isObj, scanAt, type CiSystemReader } from '../system.js';

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

export default {
  id: 'buildkite',
  listed: 70,
  name: 'Buildkite',
  shownAs: '.buildkite/',
  matches: (path) => /^\.buildkite\/[^/]+\.ya?ml$/i.test(path),
  read: readBuildkite,
} satisfies CiSystemReader;
