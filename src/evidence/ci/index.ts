// CI configuration analysis: systems, workflows, triggers, runner OSes, test and publish steps.
// Every CI file is read from the evaluated commit; a file that cannot be parsed is a problem
// reported with its line, and the others are still analysed.
import type { CiEvidence, CiStep, EvidenceProblem, FileExtractor, FileMap, TreeEntry } from '../types.js';
import { scanScript } from './commands.js';
import { readCompositeAction, type WorkflowRead } from './github-actions.js';
import type { CiSystemReader } from './system.js';
import { ciSystemOf } from './systems/index.js';

/** A CI system's configuration, or a file CI steps lean on: a composite action, the root Makefile. */
type Kind = CiSystemReader | 'composite-action' | 'makefile';

export function ciKind(path: string): Kind | undefined {
  const system = ciSystemOf(path);
  if (system) return system;
  if (/^\.github\/actions\/(?:[^/]+\/){1,3}action\.ya?ml$/i.test(path)) return 'composite-action';
  if (/^(GNUmakefile|Makefile|makefile)$/.test(path)) return 'makefile';
  return undefined;
}

export const ciExtractor: FileExtractor<CiEvidence> = {
  name: 'ci',
  wants: (path) => ciKind(path) !== undefined,
  extract: (_tree: TreeEntry[], files: FileMap, problems: EvidenceProblem[]) => extractCi(files, problems),
};

interface MakeRule {
  prereqs: string[];
  recipe: { text: string; line: number }[];
}

/** Targets of a Makefile with their prerequisites and recipe lines; the first target is the default goal. */
export function readMakefile(text: string): { rules: Map<string, MakeRule>; first?: string } {
  const rules = new Map<string, MakeRule>();
  let first: string | undefined;
  let current: MakeRule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.startsWith('\t')) {
      for (const r of current) r.recipe.push({ text: line.trim().replace(/^[@+-]+/, ''), line: i + 1 });
      return;
    }
    // indexOf and a linear class check, not a lazy regex: long hostile lines stay cheap
    const colon = line.indexOf(':');
    const targets = colon > 0 ? line.slice(0, colon) : '';
    if (!targets || line[colon + 1] === '=' || !/^[\w./ -]+$/.test(targets)) {
      if (line.trim() && !line.startsWith('#')) current = [];
      return;
    }
    current = [];
    const rest = line.slice(colon + 1).replace(/^:/, '');
    for (const t of targets.split(/\s+/).filter(Boolean)) {
      if (t.startsWith('.')) continue; // .PHONY and friends
      first ??= t;
      const rule = rules.get(t) ?? { prereqs: [], recipe: [] };
      rule.prereqs.push(...rest.split(';')[0]!.split(/\s+/).filter(Boolean));
      rules.set(t, rule);
      current.push(rule);
    }
  });
  return first !== undefined ? { rules, first } : { rules };
}

/** The test command a make target runs, following prerequisites a few levels. */
function makeRunsTests(rules: Map<string, MakeRule>, target: string, seen = new Set<string>()): string | undefined {
  if (seen.has(target) || seen.size > 20) return undefined;
  seen.add(target);
  const rule = rules.get(target);
  if (!rule) return undefined;
  for (const r of rule.recipe) {
    const test = scanScript(r.text).find((m) => m.kind === 'test' && m.makeTarget === undefined);
    if (test) return test.tool;
    const nested = scanScript(r.text).find((m) => m.makeTarget !== undefined);
    if (nested) {
      const t = makeRunsTests(rules, nested.makeTarget!, seen);
      if (t) return t;
    }
  }
  for (const p of rule.prereqs) {
    const t = makeRunsTests(rules, p, seen);
    if (t) return t;
  }
  return undefined;
}

export function extractCi(files: FileMap, problems: EvidenceProblem[]): CiEvidence {
  const out: CiEvidence = { systems: [], workflows: [], os: [], testSteps: [], publishSteps: [] };
  const reads: WorkflowRead[] = [];
  let makefile: ReturnType<typeof readMakefile> | undefined;
  for (const path of Object.keys(files).sort()) {
    const kind = ciKind(path);
    if (!kind) continue;
    const blob = files[path]!;
    if (blob.text === undefined) {
      if (blob.binary) problems.push({ file: path, message: 'a binary file where a CI configuration was expected; not read' });
      continue;
    }
    const text = blob.text;
    let read: WorkflowRead | undefined;
    try {
      if (kind === 'makefile') {
        makefile ??= readMakefile(text);
        continue;
      }
      read = kind === 'composite-action' ? readCompositeAction(path, text, problems) : kind.read(path, text, problems);
    } catch (err) {
      // a defect or an input beyond our limits costs this file, not the check
      problems.push({ file: path, message: `could not be analysed: ${(err as Error).message.split('\n')[0]}` });
      continue;
    }
    if (!read) {
      // unparseable, but its presence still says which CI system the project set up
      if (kind !== 'composite-action') out.workflows.push({ file: path, system: kind.id, triggers: [], runners: [], os: [] });
      continue;
    }
    reads.push(read);
    if (kind !== 'composite-action') out.workflows.push(read.workflow);
  }
  for (const r of reads) {
    out.testSteps.push(...r.testSteps);
    out.publishSteps.push(...r.publishSteps);
    for (const m of r.makeSteps) {
      const target = m.target || makefile?.first;
      const runs = makefile && target ? makeRunsTests(makefile.rules, target) : undefined;
      if (runs) {
        const { target: _t, ...step } = m;
        out.testSteps.push({ ...step, tool: `make ${target} (${runs})` } satisfies CiStep);
      }
    }
  }
  out.systems = [...new Set(out.workflows.map((w) => w.system))].sort();
  out.os = [...new Set(out.workflows.flatMap((w) => w.os))].sort();
  return out;
}
