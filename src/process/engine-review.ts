// The periodic review run: every due project is evaluated, and its report, new state, notices
// and audit entries are written in one transaction keyed by the review step, so a run killed at
// any point and started again reviews each project exactly once.
import { getDoc, listDocs, recordReviewStep, updateDoc } from '../store/index.js';
import { dateOf } from './calendar.js';
import {
  assertInOrder,
  assertWritableDay,
  attachReport,
  checkInstant,
  type Engine,
  type Evaluator,
  mutate,
  notFound,
  record,
} from './engine.js';
import { latestProjectEvent } from './events.js';
import { policyOn } from './engine-amendments.js';
import { applyWaivers } from './waivers.js';
import { repoKeyOf } from './repo-key.js';
import { projectCols } from './project-cols.js';
import { ProcessError } from './errors.js';
import { type OffboardingRunResult, type ReadmeReader, runOffboardingChecks } from './engine-offboarding.js';
import { applyReview, isReviewDue, retire, reviewStepKey, setContacts } from './projects.js';
import type { Actor, Project } from './types.js';
import type { Policy } from '../policy/types.js';

export interface ReviewProgress {
  done: number;
  total: number;
  projectId: string;
  outcome: string;
}

export interface ReviewRunResult {
  /** the policy version the run judged by (`id@version`) */
  policy: string;
  total: number;
  passed: string[];
  failed: string[];
  stillFailing: string[];
  retired: string[];
  /** still failing at the deadline under a policy that archives by vote: listed for that vote (present only when some were) */
  awaitingArchiveVote?: string[];
  /** due when listed but already done by another run, or no longer due */
  skipped: string[];
  errors: { projectId: string; message: string }[];
  /** the offboarding follow-up of retired projects, when a README reader was given */
  offboarding?: OffboardingRunResult;
}

export async function dueProjects(eng: Engine, today = dateOf(eng.clock.now())): Promise<Project[]> {
  const active = await listDocs<Project>(eng.store.db, 'projects', { status: ['ACTIVE'] });
  return active.filter((p) => isReviewDue(p, today)).sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Reviews every due project (or only `projectIds`). An evaluator error leaves that project due
 * for the next run and is reported; it never stops the others.
 */
export async function runPeriodicReview(
  eng: Engine,
  actor: Actor,
  opts: {
    evaluator?: Evaluator;
    projectIds?: string[];
    onProgress?: (p: ReviewProgress) => void;
    signal?: AbortSignal;
    readmeReader?: ReadmeReader;
  } = {},
): Promise<ReviewRunResult> {
  const evaluator = opts.evaluator ?? eng.evaluator;
  if (!evaluator)
    throw new ProcessError('invalid', 'periodic review: no evaluator configured (expected a checker to run for each project)');
  assertWritableDay(eng);
  // every project of one run is judged by the policy in force on the run's day
  const policy = await policyOn(eng, dateOf(eng.clock.now()));
  let projects = await dueProjects(eng);
  if (opts.projectIds) {
    for (const id of opts.projectIds) {
      const found = await getDoc<Project>(eng.store.db, 'projects', id);
      if (!found) throw notFound('project', id);
    }
    projects = projects.filter((p) => opts.projectIds!.includes(p.id));
  }
  const result: ReviewRunResult = {
    policy: `${policy.id}@${policy.version}`,
    total: projects.length,
    passed: [],
    failed: [],
    stillFailing: [],
    retired: [],
    skipped: [],
    errors: [],
  };
  let done = 0;
  for (const listed of projects) {
    if (opts.signal?.aborted) break;
    let outcome: string;
    try {
      outcome = await reviewOne(eng, actor, listed, evaluator, policy);
    } catch (err) {
      outcome = 'error';
      result.errors.push({ projectId: listed.id, message: (err as Error).message });
    }
    if (outcome === 'passed') result.passed.push(listed.id);
    else if (outcome === 'failed') result.failed.push(listed.id);
    else if (outcome === 'retired') result.retired.push(listed.id);
    else if (outcome === 'still-failing') result.stillFailing.push(listed.id);
    else if (outcome === 'skipped') result.skipped.push(listed.id);
    else if (outcome === 'awaiting-archive-vote') (result.awaitingArchiveVote ??= []).push(listed.id);
    opts.onProgress?.({ done: ++done, total: projects.length, projectId: listed.id, outcome });
  }
  // retired projects whose README is due for the offboarding follow-up (a run for named projects skips it)
  if (opts.readmeReader && !opts.projectIds && !opts.signal?.aborted) {
    result.offboarding = await runOffboardingChecks(eng, actor, {
      reader: opts.readmeReader,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  }
  return result;
}

export type ReviewOutcome = 'passed' | 'failed' | 'retired' | 'still-failing' | 'awaiting-archive-vote' | 'skipped';

/**
 * Reviews one project: evaluates it and, in one transaction keyed by its review step, records the
 * report, its new state, notices and audit entries. A project no longer due (another worker, or an
 * earlier attempt of the same job, got there first) is 'skipped', so a re-run never acts twice.
 */
export async function reviewOne(
  eng: Engine,
  actor: Actor,
  listed: Pick<Project, 'id' | 'name' | 'repoUrl'>,
  evaluator: Evaluator,
  policy?: Policy,
): Promise<ReviewOutcome> {
  policy ??= await policyOn(eng, dateOf(eng.clock.now()));
  const asOf = checkInstant(eng);
  const checked = await evaluator({ id: listed.id, name: listed.name, repoUrl: listed.repoUrl, kind: 'review' }, asOf, policy);
  return mutate(eng, async (trx, now) => {
    const found = await getDoc<Project>(trx, 'projects', listed.id);
    const today = dateOf(now);
    if (!found || !isReviewDue(found.doc, today)) return 'skipped';
    const p = found.doc;
    assertInOrder(eng, `project ${p.id}`, latestProjectEvent(p), today);
    const step = reviewStepKey(p, today);
    // the working group's waivers in force turn their requirements exempt before the review judges
    const judged = {
      ...checked,
      report: applyWaivers(checked.report, p.waivers, { today, ...(p.pending ? { pendingDueOn: p.pending.dueOn } : {}) }),
    };
    const out = applyReview(p, judged.report, { actor, now }, eng.rules);
    if (!out) return 'skipped';
    const reportId = await attachReport(trx, actor, now, {
      kind: 'review',
      subject: `project:${p.id}`,
      repoKey: repoKeyOf(p.repoUrl),
      ...judged,
    });
    const action = out.audit[0]!.action;
    const label =
      action === 'review.passed'
        ? 'passed'
        : action === 'review.failed'
          ? 'failed'
          : action === 'project.retired'
            ? 'retired'
            : action === 'project.archive-vote-awaited'
              ? 'awaiting-archive-vote'
              : 'still-failing';
    if (!(await recordReviewStep(trx, { projectId: p.id, stepKey: step, reviewedOn: today, reportId, outcome: label }))) {
      // the step is on record but the state did not move: refuse rather than act twice
      throw new ProcessError('conflict', `project ${p.id}: review step ${step} is already recorded`);
    }
    out.audit[0]!.data = { ...out.audit[0]!.data, reportId, step };
    await updateDoc(trx, 'projects', projectCols(out.state), out.state, found.version, now.toISOString());
    await record(trx, actor, now, `project:${p.id}`, out.notices, out.audit);
    return label;
  });
}

export async function retireProject(eng: Engine, actor: Actor, id: string, reason: string): Promise<Project> {
  return mutate(eng, async (trx, now) => {
    const found = await getDoc<Project>(trx, 'projects', id);
    if (!found) throw notFound('project', id);
    assertInOrder(eng, `project ${id}`, latestProjectEvent(found.doc), dateOf(now));
    const out = retire(found.doc, reason, { actor, now });
    await updateDoc(trx, 'projects', projectCols(out.state), out.state, found.version, now.toISOString());
    await record(trx, actor, now, `project:${id}`, out.notices, out.audit);
    return out.state;
  });
}

export async function setProjectContacts(eng: Engine, actor: Actor, id: string, contacts: string[]): Promise<Project> {
  return mutate(eng, async (trx, now) => {
    const found = await getDoc<Project>(trx, 'projects', id);
    if (!found) throw notFound('project', id);
    const out = setContacts(found.doc, contacts, { actor, now });
    await updateDoc(trx, 'projects', projectCols(out.state), out.state, found.version, now.toISOString());
    await record(trx, actor, now, `project:${id}`, out.notices, out.audit);
    return out.state;
  });
}

export async function getProject(eng: Engine, id: string): Promise<Project> {
  const found = await getDoc<Project>(eng.store.db, 'projects', id);
  if (!found) throw notFound('project', id);
  return found.doc;
}

export function listProjects(eng: Engine, status?: string[]): Promise<Project[]> {
  return listDocs<Project>(eng.store.db, 'projects', status ? { status } : {});
}
