// What a CI system registers (src/evidence/ci/systems/<id>.ts, its default export): its id, the name and file pattern the
// reports show, which paths are its configuration, and the reader that turns one of them into a
// workflow with its runner OSes and test and publish steps. The small helpers below are the ones
// every reader needs, so a new system's file holds only what is its own.
import type { EvidenceProblem } from '../types.js';
import { scanScript } from './commands.js';
import { scriptStartLine, stepsFrom, type WorkflowRead, type YamlRead } from './github-actions.js';
import type { Os } from './runners.js';

export interface CiSystemReader {
  /** stored in the evidence (`ci.systems`, `workflows[].system`): never renamed once released */
  id: string;
  /** where the texts name it among the systems, ascending (GitHub Actions 10, GitLab CI 20 …) */
  listed: number;
  /** how the texts name the system: `GitLab CI` */
  name: string;
  /** how the texts name its configuration file: `.gitlab-ci.yml`, `.buildkite/` */
  shownAs: string;
  /** whether a path (relative to the project's folder) is one of its configuration files */
  matches(path: string): boolean;
  /**
   * true when a workflow runs only on the events it declares (GitHub Actions' `on:`), so one that
   * declares no push or pull request does not test changes; other systems run on every push
   */
  declaresTriggers?: boolean;
  /** the file read; undefined when it cannot be parsed (its presence still counts, with no steps) */
  read(file: string, text: string, problems: EvidenceProblem[]): WorkflowRead | undefined;
}

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function strs(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function blank(file: string, system: string, triggers: string[]): WorkflowRead {
  return { workflow: { file, system, triggers, runners: [], os: [] }, testSteps: [], publishSteps: [], makeSteps: [] };
}

export function finish(out: WorkflowRead, runners: string[], os: (Os | undefined)[]): WorkflowRead {
  out.workflow.runners = [...new Set(runners)].sort();
  out.workflow.os = [...new Set(os.filter((o): o is Os => o !== undefined))].sort();
  return out;
}

/** Scans a script value (string or nested list of strings) found at `path`. */
export function scanAt(
  y: YamlRead,
  path: (string | number)[],
  value: unknown,
  file: string,
  job: string,
  out: WorkflowRead,
  depth = 0,
): void {
  if (depth > 8) return;
  if (typeof value === 'string') stepsFrom(scanScript(value), file, scriptStartLine(y, path), job, out);
  else if (Array.isArray(value)) value.forEach((v, i) => scanAt(y, [...path, i], v, file, job, out, depth + 1));
}
