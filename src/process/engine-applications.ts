// Application commands against the store: each loads, runs the pure transition from
// applications.ts, and writes state + outbox + audit in one transaction.
import type { Kysely } from 'kysely';
import { getDoc, insertDoc, listDocs, listPeople, nextId, roster as rosterOf, serialiseOn, updateDoc, type DB } from '../store/index.js';
import * as A from './applications.js';
import { dateOf, resubmissionAllowedFrom } from './calendar.js';
import { attachReport, type Engine, mutate, notFound, record } from './engine.js';
import { ProcessError } from './errors.js';
import { pickForSession, newSession } from './sessions.js';
import type { Actor, Application, Choice, Ctx, DecisionOutcome, OnboardingItemKey, Outcome, Project, Session, VoteRule } from './types.js';

const cols = (a: Application) => ({ id: a.id, status: a.status, key: A.normalizeRepoUrl(a.repoUrl), sort: a.submittedAt });

async function evaluateFor(eng: Engine, app: Application, now: Date) {
  if (!eng.evaluator) return undefined;
  return eng.evaluator({ id: app.id, name: app.projectName, repoUrl: app.repoUrl, kind: 'application' }, now);
}

export async function submitApplication(eng: Engine, actor: Actor, input: A.SubmitInput): Promise<Application> {
  // the check runs before the transaction: it may take seconds and must not hold locks
  const checked = eng.evaluator
    ? await eng.evaluator({ id: 'new', name: input.projectName, repoUrl: input.repoUrl, kind: 'application' }, eng.clock.now())
    : undefined;
  return mutate(eng, async (trx, now) => {
    const key = A.normalizeRepoUrl(input.repoUrl);
    // the existence check and the insert below are one step per repository
    await serialiseOn(trx, eng.store.dialect, `submit:${key}`);
    const earlier = await listDocs<Application>(trx, 'applications', { key });
    const [project] = await listDocs<Project>(trx, 'projects', { key });
    const id = String(await nextId(trx, 'application'));
    const out = A.submit(id, input, { actor, now }, eng.rules, earlier, project);
    // the receipt says what the attached report found, and says nothing of a report when none ran
    if (checked) {
      const failing = checked.report.requirements.filter((r) => r.status === 'fail').length;
      out.notices = out.notices.map((n) => (n.kind === 'submission-received' ? { ...n, data: { ...n.data, verdict: checked.report.verdict, failing } } : n));
    }
    await insertDoc(trx, 'applications', cols(out.state), out.state, now.toISOString());
    await record(trx, actor, now, `application:${id}`, out.notices, out.audit);
    if (checked) await attachReport(trx, actor, now, { kind: 'application', subject: `application:${id}`, repoKey: key, ...checked });
    return out.state;
  });
}

export async function getApplication(eng: Engine, id: string): Promise<Application> {
  const found = await getDoc<Application>(eng.store.db, 'applications', id);
  if (!found) throw notFound('application', id);
  return found.doc;
}

export function listApplications(eng: Engine, status?: string[]): Promise<Application[]> {
  return listDocs<Application>(eng.store.db, 'applications', status ? { status } : {});
}

/** Loads an application, applies `step`, and writes the outcome (and a new project, if any). */
async function act(eng: Engine, actor: Actor, id: string, step: (app: Application, ctx: Ctx, trx: Kysely<DB>) => Promise<Outcome<Application> & { project?: Project }> | (Outcome<Application> & { project?: Project })): Promise<Application> {
  return mutate(eng, async (trx, now) => {
    const found = await getDoc<Application>(trx, 'applications', id);
    if (!found) throw notFound('application', id);
    const out = await step(found.doc, { actor, now }, trx);
    await updateDoc(trx, 'applications', cols(out.state), out.state, found.version, now.toISOString());
    if (out.project) {
      const p = out.project;
      await insertDoc(trx, 'projects', { id: p.id, status: p.status, key: A.normalizeRepoUrl(p.repoUrl), sort: p.reviewDueOn }, p, now.toISOString());
    }
    await record(trx, actor, now, `application:${id}`, out.notices, out.audit);
    return out.state;
  });
}

export const askQuestion = (eng: Engine, actor: Actor, id: string, text: string) => act(eng, actor, id, (a, ctx) => A.askQuestion(a, text, ctx));
export const answerQuestion = (eng: Engine, actor: Actor, id: string, text: string) =>
  act(eng, actor, id, async (a, ctx, trx) => A.answer(a, text, ctx, await staffAddresses(trx)));

/** The e-mail addresses of the staff on record (people without one are left out). */
async function staffAddresses(trx: Kysely<DB>): Promise<string[]> {
  return (await listPeople(trx)).filter((p) => p.role === 'staff' && p.email).map((p) => p.email!);
}
export const withdrawApplication = (eng: Engine, actor: Actor, id: string) => act(eng, actor, id, (a, ctx) => A.withdraw(a, ctx));
export const castVote = (eng: Engine, actor: Actor, id: string, choice: Choice) => act(eng, actor, id, (a, ctx) => A.castVote(a, choice, ctx));
export const closeVote = (eng: Engine, actor: Actor, id: string) => act(eng, actor, id, (a, ctx) => A.closeVote(a, ctx));
export const decide = (eng: Engine, actor: Actor, id: string, outcome: DecisionOutcome, reason: string) =>
  act(eng, actor, id, (a, ctx) => A.decide(a, outcome, reason, ctx, eng.rules));
export const startOnboarding = (eng: Engine, actor: Actor, id: string) => act(eng, actor, id, (a, ctx) => A.startOnboarding(a, ctx));

/** Opens the vote with the working-group roster as it is now (snapshotted into the vote). */
export const openVote = (eng: Engine, actor: Actor, id: string, opts: { deadline?: Date; rule?: VoteRule } = {}) =>
  act(eng, actor, id, async (a, ctx, trx) => A.openVote(a, await rosterOf(trx, 'wg'), ctx, opts));

export const completeOnboardingItem = (eng: Engine, actor: Actor, id: string, item: OnboardingItemKey, note?: string) =>
  act(eng, actor, id, async (a, ctx, trx) => A.completeOnboardingItem(a, item, note, ctx, eng.rules, await freeProjectId(trx, a.projectName)));

/** A readable project id from its name, made unique against the projects already stored. */
export async function freeProjectId(trx: Kysely<DB>, name: string): Promise<string> {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'project';
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await getDoc(trx, 'projects', id))) return id;
  }
}

/**
 * Schedules a review session on `date`: takes up to `capacity` waiting applications (returning
 * ones first, then by arrival), moves them to IN_REVIEW, and re-checks each as it enters review.
 */
export async function scheduleSession(eng: Engine, actor: Actor, date: string, capacity = eng.rules.sessionSize): Promise<{ session: Session; applications: Application[] }> {
  const result = await mutate(eng, async (trx, now) => {
    const candidates = await listDocs<Application>(trx, 'applications', { status: ['NEW', 'RETURNING'] });
    const picked = pickForSession(candidates, capacity);
    const id = `S${await nextId(trx, 'session')}`;
    const session = newSession(id, date, capacity, picked.map((a) => a.id), { actor, now });
    await insertDoc(trx, 'sessions', { id, status: 'SCHEDULED', sort: date }, session, now.toISOString());
    const moved: Application[] = [];
    for (const app of picked) {
      const found = (await getDoc<Application>(trx, 'applications', app.id))!;
      const out = A.schedule(found.doc, id, { actor, now }, date);
      await updateDoc(trx, 'applications', cols(out.state), out.state, found.version, now.toISOString());
      await record(trx, actor, now, `application:${app.id}`, out.notices, out.audit);
      moved.push(out.state);
    }
    await record(trx, actor, now, `session:${id}`, [], [{ action: 'session.scheduled', subject: `session:${id}`, data: { date, capacity, applications: session.applicationIds } }]);
    return { session, applications: moved };
  });
  if (eng.evaluator) {
    for (const app of result.applications) {
      const now = eng.clock.now();
      const checked = await evaluateFor(eng, app, now);
      if (checked) await mutate(eng, (trx, at) => attachReport(trx, actor, at, { kind: 'in-review', subject: `application:${app.id}`, repoKey: A.normalizeRepoUrl(app.repoUrl), ...checked }));
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
  const earlier = await listDocs<Application>(eng.store.db, 'applications', { key: A.normalizeRepoUrl(repoUrl) });
  const last = earlier.filter((a) => a.decision && a.decision.outcome !== 'ACCEPTED').sort((a, b) => (a.decision!.at < b.decision!.at ? 1 : -1))[0];
  if (!last) return null;
  return resubmissionAllowedFrom(dateOf(new Date(last.decision!.at)), eng.rules.resubmitAfterMonths);
}

export { ProcessError };
