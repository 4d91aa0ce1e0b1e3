// Applications that live on GitHub issues: filed or updated from the issue form as it is opened
// and edited (held as INCOMPLETE while required answers are missing), scheduled into a named
// session, deferred to a later one, and a ballot withdrawn when a member's reactions conflict.
// Each step is one transaction through the same pure transitions as the CLI's.
import type { Kysely } from 'kysely';
import { getDoc, insertDoc, listDocs, nextId, updateDoc, type DB } from '../store/index.js';
import * as A from './applications.js';
import { attachReport, type Engine, mutate, notFound, record } from './engine.js';
import { applicationColumns, applicationsByIssue, findByIssue } from './engine-issues.js';
import { notAllowed, ProcessError } from './errors.js';
import { FIELDS, parseApplicationBody, type ApplicationFields } from './form/index.js';
import { newSession } from './sessions.js';
import type { Actor, Application, IssueRef, Project, Session } from './types.js';

export interface IssueFiling {
  issue: IssueRef;
  title: string;
  body: string;
}

export interface FiledApplication {
  app: Application;
  created: boolean;
  /** form fields whose answers changed (an edit) */
  changed: string[];
  /** what the form lacks: required answers missing or placeholders; empty when complete */
  missing: string[];
  /** a report was attached by this filing */
  reportId?: number;
}

const REQUIRED = new Set(FIELDS.filter((f) => f.required).map((f) => f.name as string));

/** The problems that keep an application from being reviewed: required answers, or no form at all. */
export function blockingProblems(body: string, title: string): { fields: ApplicationFields; missing: string[] } {
  const parsed = parseApplicationBody(body, { title });
  const missing = parsed.problems
    .filter((p) => p.field === 'body' || REQUIRED.has(p.field) || p.field === 'projectName')
    .map((p) => p.message);
  if (!parsed.fields.repoUrl && !missing.some((m) => /repo/i.test(m))) missing.push('no repository URL ("### Project repo URL")');
  if (parsed.fields.contactEmails.length === 0 && !missing.some((m) => /e-?mail/i.test(m)))
    missing.push('no contact e-mail ("### Contact emails")');
  return { fields: parsed.fields, missing };
}

function inputOf(fields: ApplicationFields, title: string) {
  return {
    projectName: fields.projectName ?? title.replace(/^\s*\[ecosystem\]\s*/i, '').trim(),
    repoUrl: fields.repoUrl ?? '',
    contacts: fields.contactEmails,
    fields: fields as unknown as Record<string, unknown>,
  };
}

/**
 * Files or updates the application an issue holds. A complete form is submitted under the
 * process's rules (3-month wait, no duplicate, not an active project) and checked; an incomplete
 * one is held as INCOMPLETE with what it lacks, and becomes NEW when an edit completes it.
 */
export async function fileFromIssue(eng: Engine, actor: Actor, filing: IssueFiling): Promise<FiledApplication> {
  const { fields, missing } = blockingProblems(filing.body, filing.title);
  const input = inputOf(fields, filing.title);
  const before = findByIssue(await applicationsByIssue(eng.store.db), filing.issue.repo, filing.issue.number);
  const complete = missing.length === 0;
  // a complete form is checked on every filing (opened, edited), so the report follows the edits;
  // the check runs outside the transaction: it may take seconds and must not hold locks
  const checked =
    complete && eng.evaluator && !(before && A.TERMINAL.includes(before.status))
      ? await eng.evaluator(
          { id: before?.id ?? 'new', name: input.projectName, repoUrl: input.repoUrl, kind: 'application' },
          eng.clock.now(),
        )
      : undefined;
  return mutate(eng, async (trx, now) => {
    const found = findByIssue(await applicationsByIssue(trx), filing.issue.repo, filing.issue.number);
    const current = found ? (await getDoc<Application>(trx, 'applications', found.id))! : undefined;
    let app: Application;
    let changed: string[] = [];
    const audit = [] as { action: string; subject: string; data: Record<string, unknown> }[];
    let notices: ReturnType<typeof A.submit>['notices'] = [];
    if (complete && (!current || current.doc.status === 'INCOMPLETE')) {
      const key = A.normalizeRepoUrl(input.repoUrl);
      const earlier = (await listDocs<Application>(trx, 'applications', { key })).filter((a) => a.id !== current?.doc.id);
      const [project] = await listDocs<Project>(trx, 'projects', { key });
      const id = current?.doc.id ?? String(await nextId(trx, 'application'));
      const out = A.submit(id, input, { actor, now }, eng.rules, earlier, project);
      app = { ...out.state, issue: filing.issue };
      if (current) changed = changedFields(current.doc.fields, app.fields);
      audit.push(...out.audit);
      notices = out.notices;
      if (checked) {
        const failing = checked.report.requirements.filter((r) => r.status === 'fail').length;
        notices = notices.map((n) =>
          n.kind === 'submission-received' ? { ...n, data: { ...n.data, verdict: checked.report.verdict, failing } } : n,
        );
      }
    } else if (!current) {
      const id = String(await nextId(trx, 'application'));
      app = {
        id,
        ...input,
        applicant: actor.id,
        status: 'INCOMPLETE',
        submittedAt: now.toISOString(),
        returning: false,
        questions: [],
        issue: filing.issue,
        missing,
      };
      audit.push({
        action: 'application.held-incomplete',
        subject: `application:${id}`,
        data: { issue: `${filing.issue.repo}#${filing.issue.number}`, missing },
      });
    } else {
      const was = current.doc;
      changed = changedFields(was.fields, input.fields);
      app = {
        ...was,
        fields: input.fields,
        projectName: input.projectName,
        contacts: input.contacts.length > 0 ? input.contacts : was.contacts,
        repoUrl: input.repoUrl || was.repoUrl,
      };
      if (missing.length > 0) app.missing = missing;
      else delete app.missing;
      if (changed.length > 0)
        audit.push({ action: 'application.edited', subject: `application:${was.id}`, data: { fields: changed, by: actor.id, missing } });
    }
    if (current) await updateDoc(trx, 'applications', applicationColumns(app), app, current.version, now.toISOString());
    else await insertDoc(trx, 'applications', applicationColumns(app), app, now.toISOString());
    await record(trx, actor, now, `application:${app.id}`, notices, audit);
    let reportId: number | undefined;
    if (checked)
      reportId = await attachReport(trx, actor, now, {
        kind: 'application',
        subject: `application:${app.id}`,
        repoKey: A.normalizeRepoUrl(app.repoUrl),
        ...checked,
      });
    return { app, created: !current, changed, missing, ...(reportId !== undefined ? { reportId } : {}) };
  });
}

function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null))
    .sort();
}

/** Runs the check again and attaches the report (`/check`, or a re-check when scheduled). */
export async function recheck(eng: Engine, actor: Actor, id: string, kind = 'recheck'): Promise<number | undefined> {
  if (!eng.evaluator) return undefined;
  const app = (await getDoc<Application>(eng.store.db, 'applications', id))?.doc;
  if (!app) throw notFound('application', id);
  if (!app.repoUrl) throw new ProcessError('conflict', `check: application ${id} names no repository yet`);
  const checked = await eng.evaluator({ id, name: app.projectName, repoUrl: app.repoUrl, kind: 'application' }, eng.clock.now());
  return mutate(eng, (trx, now) =>
    attachReport(trx, actor, now, { kind, subject: `application:${id}`, repoKey: A.normalizeRepoUrl(app.repoUrl), ...checked }),
  );
}

async function step(
  eng: Engine,
  id: string,
  fn: (
    app: Application,
    trx: Kysely<DB>,
    now: Date,
  ) => Promise<{
    state: Application;
    audit: { action: string; subject: string; data: Record<string, unknown> }[];
    notices: ReturnType<typeof A.submit>['notices'];
  }>,
  actor: Actor,
): Promise<Application> {
  return mutate(eng, async (trx, now) => {
    const found = await getDoc<Application>(trx, 'applications', id);
    if (!found) throw notFound('application', id);
    const out = await fn(found.doc, trx, now);
    await updateDoc(trx, 'applications', applicationColumns(out.state), out.state, found.version, now.toISOString());
    await record(trx, actor, now, `application:${id}`, out.notices, out.audit);
    return out.state;
  });
}

/**
 * Puts one application into a session: an existing one by id (`S3`), or the session on a date
 * (`2026-12-10`), made when there is none. A deferred application may be scheduled.
 */
export function scheduleInto(eng: Engine, actor: Actor, id: string, session: string): Promise<Application> {
  return step(
    eng,
    id,
    async (app, trx, now) => {
      if (actor.role !== 'staff')
        throw new ProcessError('forbidden', `schedule a review: needs role staff; ${notAllowed(actor, ['staff'])}`);
      const sid = /^s?\d+$/i.test(session) ? `S${session.replace(/^s/i, '')}` : undefined;
      let s: { doc: Session; version: number } | undefined;
      if (sid) {
        s = await getDoc<Session>(trx, 'sessions', sid);
        if (!s) throw notFound('session', sid);
      } else {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(session))
          throw new ProcessError(
            'invalid',
            `schedule: expected a session id (S3) or a date (YYYY-MM-DD), found ${JSON.stringify(session)}`,
          );
        const all = await listDocs<Session>(trx, 'sessions');
        const same = all.find((x) => x.date === session);
        if (same) s = await getDoc<Session>(trx, 'sessions', same.id);
      }
      if (s && s.doc.applicationIds.length >= s.doc.capacity && !s.doc.applicationIds.includes(app.id)) {
        throw new ProcessError('conflict', `schedule: session ${s.doc.id} on ${s.doc.date} is full (${s.doc.capacity} applications)`);
      }
      const waiting: Application = app.status === 'DEFERRED' ? { ...app, status: app.returning ? 'RETURNING' : 'NEW' } : app;
      if (!s) {
        const doc = newSession(`S${await nextId(trx, 'session')}`, session, eng.rules.sessionSize, [app.id], { actor, now });
        await insertDoc(trx, 'sessions', { id: doc.id, status: 'SCHEDULED', sort: doc.date }, doc, now.toISOString());
        await record(
          trx,
          actor,
          now,
          `session:${doc.id}`,
          [],
          [
            {
              action: 'session.scheduled',
              subject: `session:${doc.id}`,
              data: { date: doc.date, capacity: doc.capacity, applications: doc.applicationIds },
            },
          ],
        );
        return A.schedule(waiting, doc.id, { actor, now }, doc.date);
      }
      const doc = { ...s.doc, applicationIds: [...new Set([...s.doc.applicationIds, app.id])] };
      await updateDoc(trx, 'sessions', { id: doc.id, status: 'SCHEDULED', sort: doc.date }, doc, s.version, now.toISOString());
      return A.schedule(waiting, doc.id, { actor, now }, doc.date);
    },
    actor,
  );
}

/** `review - future`: kept for a later session than the next. */
export function defer(eng: Engine, actor: Actor, id: string): Promise<Application> {
  return step(
    eng,
    id,
    async (app) => {
      if (actor.role !== 'staff') throw new ProcessError('forbidden', `defer a review: needs role staff; ${notAllowed(actor, ['staff'])}`);
      if (app.status !== 'NEW' && app.status !== 'RETURNING')
        throw new ProcessError('conflict', `defer: application ${app.id} is ${app.status}, expected NEW or RETURNING`);
      return {
        state: { ...app, status: 'DEFERRED' },
        notices: [],
        audit: [{ action: 'application.deferred', subject: `application:${app.id}`, data: { from: app.status } }],
      };
    },
    actor,
  );
}

/** Withdraws a member's current ballot (their reactions conflict: no vote until they keep one). */
export function retractBallot(eng: Engine, actor: Actor, id: string, voter: string, why: string): Promise<Application> {
  return step(
    eng,
    id,
    async (app) => {
      const v = app.vote;
      if (!v || v.closedAt) throw new ProcessError('conflict', `retract a ballot: no open vote on application ${app.id}`);
      const { [voter]: dropped, ...ballots } = v.ballots;
      if (!dropped) return { state: app, notices: [], audit: [] };
      return {
        state: { ...app, vote: { ...v, ballots } },
        notices: [],
        audit: [{ action: 'vote.retracted', subject: `application:${app.id}`, data: { voter, was: dropped.choice, why } }],
      };
    },
    actor,
  );
}
