// Stored check results: the full report and evidence of each application and periodic review,
// with the commit, asOf and policy version they were judged at, so they can be re-read and diffed.
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';
import { insertOnceWithNextId, insertWithNextId } from './db.js';

/** The parts of a `steward check` report the store indexes; the whole object is kept as JSON. */
export interface ReportLike {
  verdict: string;
  policy: { id: string; version: string };
  target: { commit: string; asOf: string };
}

export interface StoredReport<R = unknown, E = unknown> {
  id: number;
  kind: string;
  subject: string;
  repoKey: string;
  commit: string;
  asOf: string;
  policy: string;
  verdict: string;
  report: R;
  evidence: E | null;
  createdAt: string;
}

export async function insertReport(
  trx: Kysely<DB>,
  r: { kind: string; subject: string; repoKey: string; report: ReportLike; evidence?: unknown },
  now: string,
): Promise<number> {
  return insertWithNextId(trx, 'report', 'reports', {
    kind: r.kind,
    subject: r.subject,
    repo_key: r.repoKey,
    commit: r.report.target.commit,
    as_of: r.report.target.asOf,
    policy_id: r.report.policy.id,
    policy_version: r.report.policy.version,
    verdict: r.report.verdict,
    report: JSON.stringify(r.report),
    evidence: r.evidence === undefined ? null : JSON.stringify(r.evidence),
    created_at: now,
  });
}

function toStored<R, E>(row: DB['reports']): StoredReport<R, E> {
  return {
    id: Number(row.id),
    kind: row.kind,
    subject: row.subject,
    repoKey: row.repo_key,
    commit: row.commit,
    asOf: row.as_of,
    policy: `${row.policy_id}@${row.policy_version}`,
    verdict: row.verdict,
    report: JSON.parse(row.report) as R,
    evidence: row.evidence === null ? null : (JSON.parse(row.evidence) as E),
    createdAt: row.created_at,
  };
}

export async function getReport<R = unknown, E = unknown>(db: Kysely<DB>, id: number): Promise<StoredReport<R, E> | undefined> {
  const row = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStored<R, E>(row) : undefined;
}

/** Reports of a subject (application:ID, project:ID) or of a repository, newest first. */
export async function listReports<R = unknown>(
  db: Kysely<DB>,
  where: { subject?: string; repoKey?: string; beforeId?: number; limit?: number },
): Promise<StoredReport<R>[]> {
  let q = db.selectFrom('reports').selectAll().orderBy('id', 'desc');
  if (where.subject) q = q.where('subject', '=', where.subject);
  if (where.repoKey) q = q.where('repo_key', '=', where.repoKey);
  if (where.beforeId !== undefined) q = q.where('id', '<', where.beforeId);
  if (where.limit) q = q.limit(where.limit);
  return (await q.execute()).map((r) => toStored<R, unknown>(r));
}

/** Records that a review step was done; false when it already was (the unique step key). */
export async function recordReviewStep(
  trx: Kysely<DB>,
  r: { projectId: string; stepKey: string; reviewedOn: string; reportId: number | null; outcome: string },
): Promise<boolean> {
  const id = await insertOnceWithNextId(
    trx,
    'review',
    'reviews',
    {
      project_id: r.projectId,
      step_key: r.stepKey,
      reviewed_on: r.reviewedOn,
      report_id: r.reportId,
      outcome: r.outcome,
    },
    ['project_id', 'step_key'],
  );
  return id !== undefined;
}

export async function listReviewSteps(db: Kysely<DB>, projectId?: string): Promise<DB['reviews'][]> {
  let q = db.selectFrom('reviews').selectAll().orderBy('id');
  if (projectId) q = q.where('project_id', '=', projectId);
  return q.execute();
}
