// Application commands against the store: each loads, runs the pure transition from
// applications.ts, and writes state + outbox + audit in one transaction.
import type { Kysely } from 'kysely';
import { getDoc, insertDoc, listDocs, listPeople, nextId, roster as rosterOf, serialiseOn, updateDoc, type DB } from '../store/index.js';
import * as A from './applications.js';
import { dateOf, resubmissionAllowedFrom } from './calendar.js';
import { assertInOrder, assertWritableDay, attachReport, checkInstant, type Engine, mutate, notFound, record, today } from './engine.js';
import { policyOn } from './engine-amendments.js';
import { applyWaivers } from './waivers.js';
import { notAllowed, ProcessError } from './errors.js';
import { approvalVoteRule } from './policy-votes.js';
import { latestApplicationEvent, latestProjectEvent } from './events.js';
import { canonicalRepo, repoKeyOf } from './repo-key.js';
import { pickForSession, newSession } from './sessions.js';
import type {
  Actor,
  Application,
  CategoryList,
  Choice,
  Ctx,
  DecisionOutcome,
  OnboardingItemKey,
  Outcome,
  Project,
  Session,
  VoteRule,
} from './types.js';

/** The key column: the repository's identity key; '' while held for its repository (it blocks no one). */
const cols = (a: Application) => ({ id: a.id, status: a.status, key: a.repoIncomplete ? '' : repoKeyOf(a.repoUrl), sort: a.submittedAt });

/** Refuses a change dated before the record's latest event (only dated commands are checked). */
function inOrder(eng: Engine, app: Application, now: Date): void {
  assertInOrder(eng, `application ${app.id}`, latestApplicationEvent(app), dateOf(now));
}

/** Runs the check for an application: a repository that cannot be read yet gives no report, and says why. */
async function evaluateFor(eng: Engine, app: Pick<Application, 'id' | 'projectName' | 'repoUrl'>) {
  if (!eng.evaluator) return undefined;
  try {
    const policy = await policyOn(eng, today(eng));
    return await eng.evaluator({ id: app.id, name: app.projectName, repoUrl: app.repoUrl, kind: 'application' }, checkInstant(eng), policy);
  } catch (err) {
    return { unreadable: (err as Error).message };
  }
}

export async function submitApplication(eng: Engine, actor: Actor, input: A.SubmitInput): Promise<Application> {
  assertWritableDay(eng);
  const repo = canonicalRepo(input.repoUrl, 'submit');
  // the check runs before the transaction: it may take seconds and must not hold locks
  const checked =
    repo.kind === 'repo' ? await evaluateFor(eng, { id: 'new', projectName: input.projectName, repoUrl: repo.url }) : undefined;
  return mutate(eng, async (trx, now) => {
    const key = repo.key;
    // the existence check and the insert below are one step per repository
    await serialiseOn(trx, eng.store.dialect, `submit:${key}`);
    const earlier = repo.kind === 'repo' ? await listDocs<Application>(trx, 'applications', { key }) : [];
    const [project] = repo.kind === 'repo' ? await listDocs<Project>(trx, 'projects', { key }) : [];
    const id = String(await nextId(trx, 'application'));
    const out = A.submit(id, input, { actor, now }, eng.rules, earlier, project);
    if (project) assertInOrder(eng, `project ${project.id}`, latestProjectEvent(project), dateOf(now));
    for (const e of earlier) inOrder(eng, e, now);
    // the receipt says what the attached report found, and says nothing of a report when none ran
    if (checked && 'report' in checked) {
      const failing = checked.report.requirements.filter((r) => r.status === 'fail').length;
      out.notices = out.notices.map((n) =>
        n.kind === 'submission-received' ? { ...n, data: { ...n.data, verdict: checked.report.verdict, failing } } : n,
      );
    } else if (checked) {
      out.state.reportUnknown = checked.unreadable;
      out.notices = out.notices.map((n) =>
        n.kind === 'submission-received' ? { ...n, data: { ...n.data, verdict: 'unknown', unknownReason: checked.unreadable } } : n,
      );
      out.audit[0]!.data = { ...out.audit[0]!.data, report: 'unknown', reason: checked.unreadable };
    }
    await insertDoc(trx, 'applications', cols(out.state), out.state, now.toISOString());
    await record(trx, actor, now, `application:${id}`, out.notices, out.audit);
    if (checked && 'report' in checked)
      await attachReport(trx, actor, now, { kind: 'application', subject: `application:${id}`, repoKey: key, ...checked });
    return out.state;
  });
}

export async function getApplication(eng: Engine, id: string): Promise<Application> {
  const found = await getDoc<Application>(eng.store.db, 'applications', id);
  if (!found) throw notFound('application', id);
  return found.doc;
}

/** Whether `actor` may read an application: staff and members read every one, an applicant only their own. */
export function maySee(actor: Actor, app: Pick<Application, 'applicant'>): boolean {
  return actor.role === 'staff' || actor.role === 'member' || app.applicant === actor.id;
}

/** The application as `actor` may read it: another applicant's is refused (and not described). */
export async function getApplicationAs(eng: Engine, actor: Actor, id: string): Promise<Application> {
  const a = await getApplication(eng, id);
  if (!maySee(actor, a))
    throw new ProcessError(
      'forbidden',
      `application ${id}: an applicant sees only their own applications; ${notAllowed(actor, ['staff', 'member', 'its applicant'])}`,
    );
  return a;
}

export function listApplications(eng: Engine, status?: string[]): Promise<Application[]> {
  return listDocs<Application>(eng.store.db, 'applications', status ? { status } : {});
}

/** Loads an application, applies `step`, and writes the outcome (and a new project, if any). */
async function act(
  eng: Engine,
  actor: Actor,
  id: string,
  step: (
    app: Application,
    ctx: Ctx,
    trx: Kysely<DB>,
  ) => Promise<Outcome<Application> & { project?: Project }> | (Outcome<Application> & { project?: Project }),
): Promise<Application> {
  return mutate(eng, async (trx, now) => {
    const found = await getDoc<Application>(trx, 'applications', id);
    if (!found) throw notFound('application', id);
    inOrder(eng, found.doc, now);
    const out = await step(found.doc, { actor, now }, trx);
    await updateDoc(trx, 'applications', cols(out.state), out.state, found.version, now.toISOString());
    if (out.project) {
      const p = out.project;
      const pcols = { id: p.id, status: p.status, key: repoKeyOf(p.repoUrl), sort: p.reviewDueOn };
      const before = await getDoc<Project>(trx, 'projects', p.id);
      if (before) await updateDoc(trx, 'projects', pcols, p, before.version, now.toISOString());
      else await insertDoc(trx, 'projects', pcols, p, now.toISOString());
    }
    await record(trx, actor, now, `application:${id}`, out.notices, out.audit);
    return out.state;
  });
}

export const askQuestion = (eng: Engine, actor: Actor, id: string, text: string) =>
  act(eng, actor, id, (a, ctx) => A.askQuestion(a, text, ctx));
export const answerQuestion = (eng: Engine, actor: Actor, id: string, text: string) =>
  act(eng, actor, id, async (a, ctx, trx) => {
    const out = A.answer(a, text, ctx, await staffAddresses(trx));
    if (a.repoIncomplete) {
      // the repository is named only now: the rules of a submission apply to it now
      const key = repoKeyOf(out.state.repoUrl);
      const [project] = await listDocs<Project>(trx, 'projects', { key });
      const resubmissionOf = A.admit(
        'answer',
        await listDocs<Application>(trx, 'applications', { key }),
        project,
        dateOf(ctx.now),
        eng.rules,
        a.id,
      );
      if (resubmissionOf) out.state.resubmissionOf = resubmissionOf;
    }
    return out;
  });

/** The e-mail addresses of the staff on record (people without one are left out). */
async function staffAddresses(trx: Kysely<DB>): Promise<string[]> {
  return (await listPeople(trx)).filter((p) => p.role === 'staff' && p.email).map((p) => p.email!);
}
export const withdrawApplication = (eng: Engine, actor: Actor, id: string) => act(eng, actor, id, (a, ctx) => A.withdraw(a, ctx));
export const castVote = (eng: Engine, actor: Actor, id: string, choice: Choice) =>
  act(eng, actor, id, (a, ctx) => A.castVote(a, choice, ctx));
export const closeVote = (eng: Engine, actor: Actor, id: string) => act(eng, actor, id, (a, ctx) => A.closeVote(a, ctx));
export const decide = (eng: Engine, actor: Actor, id: string, outcome: DecisionOutcome, reason: string) =>
  act(eng, actor, id, (a, ctx) => A.decide(a, outcome, reason, ctx, eng.rules));
export const startOnboarding = (eng: Engine, actor: Actor, id: string) => act(eng, actor, id, (a, ctx) => A.startOnboarding(a, ctx));

/**
 * Opens the vote with the working-group roster as it is now (snapshotted into the vote), under
 * the policy's approval rule unless a rule is given.
 */
export const openVote = (eng: Engine, actor: Actor, id: string, opts: { deadline?: Date; rule?: VoteRule } = {}) =>
  act(eng, actor, id, async (a, ctx, trx) => {
    const rule = opts.rule ?? approvalVoteRule(eng.rules.approvalRule);
    return A.openVote(a, await rosterOf(trx, 'wg'), ctx, { ...opts, ...(rule ? { rule } : {}) });
  });

/** Records an onboarding item; given the landscape's categories, a `category` note is verified against them. */
export const completeOnboardingItem = (
  eng: Engine,
  actor: Actor,
  id: string,
  item: OnboardingItemKey,
  note?: string,
  opts: { categories?: CategoryList } = {},
) =>
  act(eng, actor, id, async (a, ctx, trx) => {
    const retired = (await listDocs<Project>(trx, 'projects', { key: repoKeyOf(a.repoUrl), status: ['RETIRED'] }))[0];
    return A.completeOnboardingItem(
      a,
      item,
      note,
      ctx,
      eng.rules,
      retired ? retired.id : await freeProjectId(trx, a.projectName),
      retired,
      opts.categories,
    );
  });

/** Undoes an onboarding item recorded by mistake (staff, with a reason; audited). */
export const undoOnboardingItem = (eng: Engine, actor: Actor, id: string, item: OnboardingItemKey, reason: string) =>
  act(eng, actor, id, (a, ctx) => A.undoOnboardingItem(a, item, reason, ctx));

/** A readable project id from its name, made unique against the projects already stored. */
export async function freeProjectId(trx: Kysely<DB>, name: string): Promise<string> {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'project';
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await getDoc(trx, 'projects', id))) return id;
  }
}

/**
 * Schedules a review session on `date`: takes up to `capacity` waiting applications (returning
 * ones first, then by arrival), moves them to IN_REVIEW, and re-checks each as it enters review.
 */
export async function scheduleSession(
  eng: Engine,
  actor: Actor,
  date: string,
  capacity = eng.rules.sessionSize,
): Promise<{ session: Session; applications: Application[] }> {
  const result = await mutate(eng, async (trx, now) => {
    // a session scheduled on a given day takes only what had arrived by then
    const day = dateOf(now);
    const candidates = (await listDocs<Application>(trx, 'applications', { status: ['NEW', 'RETURNING'] })).filter(
      (a) => (latestApplicationEvent(a)?.on ?? day) <= day,
    );
    const picked = pickForSession(candidates, capacity);
    const id = `S${await nextId(trx, 'session')}`;
    const session = newSession(
      id,
      date,
      capacity,
      picked.map((a) => a.id),
      { actor, now },
    );
    await insertDoc(trx, 'sessions', { id, status: 'SCHEDULED', sort: date }, session, now.toISOString());
    const moved: Application[] = [];
    for (const app of picked) {
      const found = (await getDoc<Application>(trx, 'applications', app.id))!;
      const out = A.schedule(found.doc, id, { actor, now }, date);
      await updateDoc(trx, 'applications', cols(out.state), out.state, found.version, now.toISOString());
      await record(trx, actor, now, `application:${app.id}`, out.notices, out.audit);
      moved.push(out.state);
    }
    await record(
      trx,
      actor,
      now,
      `session:${id}`,
      [],
      [{ action: 'session.scheduled', subject: `session:${id}`, data: { date, capacity, applications: session.applicationIds } }],
    );
    return { session, applications: moved };
  });
  if (eng.evaluator) {
    for (const app of result.applications) {
      const checked = await evaluateFor(eng, app);
      if (checked && 'report' in checked) {
        const report = applyWaivers(checked.report, app.waivers, { today: today(eng) });
        await mutate(eng, (trx, at) =>
          attachReport(trx, actor, at, {
            kind: 'in-review',
            subject: `application:${app.id}`,
            repoKey: repoKeyOf(app.repoUrl),
            ...checked,
            report,
          }),
        );
      }
    }
  }
  return result;
}

export async function getSession(eng: Engine, id: string): Promise<Session> {
  const found = await getDoc<Session>(eng.store.db, 'sessions', id);
  if (!found) throw notFound('session', id);
  return found.doc;
}

export function listSessions(eng: Engine): Promise<Session[]> {
  return listDocs<Session>(eng.store.db, 'sessions');
}

/** The earliest day a declined repository may apply again, or null when nothing holds it back. */
export async function resubmissionDate(eng: Engine, repoUrl: string): Promise<string | null> {
  const earlier = await listDocs<Application>(eng.store.db, 'applications', { key: repoKeyOf(repoUrl) });
  const last = earlier
    .filter((a) => a.decision && a.decision.outcome !== 'ACCEPTED')
    .sort((a, b) => (a.decision!.at < b.decision!.at ? 1 : -1))[0];
  if (!last) return null;
  return resubmissionAllowedFrom(dateOf(new Date(last.decision!.at)), eng.rules.resubmitAfterMonths);
}

export { ProcessError };
