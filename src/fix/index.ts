// `steward fix`: check a repository, then plan the files that fix what it fails, from its own facts.
import { check, type CheckOptions } from '../check/index.js';
import { loadDefaultPolicy } from '../policy/load.js';
import { readMaintainers } from './people.js';
import { describeReleases, readTagDates } from './releases.js';
import { ciCommands } from './ci-commands.js';
import { planFixes, type FixPlan } from './plan.js';
import type { Evidence } from '../evidence/types.js';
import type { Report } from '../report/types.js';

export interface FixRun extends FixPlan {
  evidence: Evidence;
  report: Report;
}

export async function planFor(target: string, opts: CheckOptions = {}): Promise<FixRun> {
  const policy = opts.policy ?? loadDefaultPolicy();
  const { report, evidence } = await check(target, { ...opts, policy });
  const [maintainers, tags] = await Promise.all([readMaintainers(evidence, policy), readTagDates(evidence)]);
  const plan = planFixes({ evidence, report, maintainers, releases: describeReleases(tags, evidence.asOf), ci: ciCommands(evidence) });
  return { ...plan, evidence, report };
}

export { renderDiff } from './diff.js';
export { writeChanges, commitOnBranch, commitMessage } from './apply.js';
export type { FileChange, FixPlan } from './plan.js';
