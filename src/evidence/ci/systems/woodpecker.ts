// Woodpecker CI (.woodpecker.yml, or one workflow per file in .woodpecker/): steps are a list or
// a mapping of name → step, each running `commands` in a container image. A workflow runs on the
// events its `when:` names, on every event when it names none. Its platform label (`labels:
// platform: linux/arm64`, formerly `platform:`) names the OS; steps in container images without
// one run on Linux, the only OS Woodpecker's docker and kubernetes backends run.
import type { EvidenceProblem } from '../../types.js';
import { readYaml, type WorkflowRead } from '../github-actions.js';
import { labelOs, type Os } from '../runners.js';
import { blank, finish, isObj, scanAt, strs, type CiSystemReader } from '../system.js';

/** Events a workflow without a `when:` event filter runs on that matter to working CI. */
const EVERY_EVENT = ['push', 'pull_request', 'tag'];

function eventsOf(when: unknown): string[] {
  const conditions = Array.isArray(when) ? when : [when];
  const events = conditions.flatMap((c) => (isObj(c) ? strs(c.event) : []));
  return events.length ? [...new Set(events)] : EVERY_EVENT;
}

export function readWoodpecker(file: string, text: string, problems: EvidenceProblem[]): WorkflowRead | undefined {
  const y = readYaml(file, text, problems);
  if (!y) return undefined;
  const d = isObj(y.data) ? y.data : {};
  const out = blank(file, 'woodpecker', eventsOf(d.when));
  const key = d.steps !== undefined ? 'steps' : 'pipeline'; // `pipeline:` before Woodpecker 1.0
  const steps: [string | number, unknown][] = Array.isArray(d[key])
    ? [...(d[key] as unknown[]).entries()]
    : isObj(d[key])
      ? Object.entries(d[key])
      : [];
  let images = 0;
  for (const [id, step] of steps) {
    if (!isObj(step)) continue;
    const name = typeof step.name === 'string' ? step.name : String(id);
    for (const k of ['commands', 'entrypoint']) scanAt(y, [key, id, k], step[k], file, name, out);
    if (typeof step.image === 'string') images++;
  }
  const labels = isObj(d.labels) ? d.labels : {};
  const platform = typeof labels.platform === 'string' ? labels.platform : typeof d.platform === 'string' ? d.platform : undefined;
  const runners: string[] = [];
  const os: (Os | undefined)[] = [];
  if (platform) {
    runners.push(platform);
    os.push(labelOs(platform));
  } else if (images > 0) {
    runners.push('container');
    os.push('linux');
  }
  return finish(out, runners, os);
}

export default {
  id: 'woodpecker',
  listed: 80,
  name: 'Woodpecker CI',
  shownAs: '.woodpecker/*.yml',
  matches: (path) => /^\.woodpecker(\.ya?ml|\/[^/]+\.ya?ml)$/i.test(path),
  declaresTriggers: true,
  read: readWoodpecker,
} satisfies CiSystemReader;
