// Bringing in the ecosystem repository's issue history: each application issue becomes an
// application in the state its labels and dates say (issue-history.ts), in one transaction. An
// issue already recorded is left as it is, so importing twice changes nothing. Nothing is sent:
// the people involved heard of it on GitHub when it happened.
import type { Kysely } from 'kysely';
import { insertDoc, listDocs, nextId, roster as rosterOf, type DB } from '../store/index.js';
import { normalizeRepoUrl, TERMINAL } from './applications.js';
import { dateOf } from './calendar.js';
import { type Engine, mutate, record } from './engine.js';
import { notAllowed, ProcessError } from './errors.js';
import { commentIssueNumber, issueRepo, readIssue, type GhComment, type GhIssue } from './issue-history.js';
import { loadLabelTable, type LabelState, type LabelTable } from './labels.js';
import { newSession } from './sessions.js';
import { MORE_THAN_HALF, type Actor, type Application, type Session } from './types.js';

export interface IssueImportResult {
  created: { issue: number; id: string; state: LabelState; label: string | null; missing: number }[];
  /** issues already recorded as an application: left as they are */
  existing: { issue: number; id: string }[];
  skipped: { issue: number; reason: string }[];
  pullRequests: number;
  /** issues carrying several state labels: the one kept by rank, and the others */
  conflicts: { issue: number; kept: string; outranked: string[] }[];
  /** the session the imported applications in review were put in, if any */
  session?: string;
}

export const applicationColumns = (a: Application) => ({
  id: a.id,
  status: a.status,
  key: normalizeRepoUrl(a.repoUrl),
  sort: a.submittedAt,
});

const issueKey = (repo: string, n: number) => `${repo.toLowerCase()}#${n}`;

/** Every recorded application that lives on an issue, by `owner/name#N` (lower case). */
export async function applicationsByIssue(db: Kysely<DB>): Promise<Map<string, Application>> {
  const all = await listDocs<Application>(db, 'applications');
  return new Map(all.filter((a) => a.issue).map((a) => [issueKey(a.issue!.repo, a.issue!.number), a]));
}

export function findByIssue(byIssue: Map<string, Application>, repo: string, n: number): Application | undefined {
  return byIssue.get(issueKey(repo, n));
}

export interface IssueImportInput {
  issues: GhIssue[];
  comments?: GhComment[];
  /** `owner/name` when the issues do not say (no repository_url or html_url) */
  repo?: string;
  table?: LabelTable;
}

export async function importIssues(eng: Engine, actor: Actor, input: IssueImportInput): Promise<IssueImportResult> {
  if (actor.role !== 'staff') throw new ProcessError('forbidden', `import issues: needs role staff; ${notAllowed(actor, ['staff'])}`);
  const table = input.table ?? loadLabelTable();
  const byNumber = new Map<number, GhComment[]>();
  for (const c of input.comments ?? []) {
    const n = commentIssueNumber(c);
    if (n !== undefined) byNumber.set(n, [...(byNumber.get(n) ?? []), c]);
  }
  for (const list of byNumber.values())
    list.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id - b.id));
  // oldest first, so a resubmission finds the declined application it follows
  const issues = [...input.issues].sort((a, b) =>
    a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.number - b.number,
  );
  return mutate(eng, async (trx, now) => {
    const result: IssueImportResult = { created: [], existing: [], skipped: [], pullRequests: 0, conflicts: [] };
    const byIssue = await applicationsByIssue(trx);
    const recorded = await listDocs<Application>(trx, 'applications');
    const wg = await rosterOf(trx, 'wg');
    let session: Session | undefined;
    for (const issue of issues) {
      if (issue.pull_request !== undefined) {
        result.pullRequests++;
        continue;
      }
      const repo = issueRepo(issue) ?? input.repo;
      if (!repo) {
        result.skipped.push({
          issue: issue.number,
          reason: 'the issue names no repository (no repository_url or html_url) and no --repo was given',
        });
        continue;
      }
      const known = findByIssue(byIssue, repo, issue.number);
      if (known) {
        result.existing.push({ issue: issue.number, id: known.id });
        continue;
      }
      const read = readIssue(issue, byNumber.get(issue.number) ?? [], table, repo);
      if ('skip' in read) {
        result.skipped.push({ issue: issue.number, reason: read.skip });
        continue;
      }
      if (read.state === 'IN_VOTING' && wg.length === 0) {
        result.skipped.push({
          issue: issue.number,
          reason: `issue #${issue.number} is "in voting" but the working-group roster is empty; add the members (steward people add LOGIN member --wg) and import again`,
        });
        continue;
      }
      const id = String(await nextId(trx, 'application'));
      const app: Application = { id, ...read.app };
      if (read.state === 'RESUBMITTED') {
        const key = normalizeRepoUrl(app.repoUrl);
        const earlier = recorded.filter(
          (a) =>
            a.repoUrl &&
            normalizeRepoUrl(a.repoUrl) === key &&
            a.decision &&
            a.decision.outcome !== 'ACCEPTED' &&
            TERMINAL.includes(a.status),
        );
        const last = earlier.sort((a, b) => (a.decision!.at < b.decision!.at ? 1 : -1))[0];
        if (last) app.resubmissionOf = last.id;
      }
      if (app.status === 'IN_REVIEW') {
        session ??= newSession(`S${await nextId(trx, 'session')}`, dateOf(now), 1, [], { actor, now });
        session.applicationIds.push(id);
        app.sessionId = session.id;
      }
      if (read.state === 'IN_VOTING') {
        app.vote = { openedAt: issue.updated_at, openedBy: 'github-import', roster: wg, rule: MORE_THAN_HALF, ballots: {}, nonBinding: {} };
      }
      await insertDoc(trx, 'applications', applicationColumns(app), app, now.toISOString());
      await record(
        trx,
        actor,
        now,
        `application:${id}`,
        [],
        [
          {
            action: 'application.imported',
            subject: `application:${id}`,
            data: {
              issue: `${repo}#${issue.number}`,
              label: read.label?.name ?? null,
              status: app.status,
              outranked: read.outranked,
              decidedAt: app.decision?.at ?? null,
            },
          },
        ],
      );
      byIssue.set(issueKey(repo, issue.number), app);
      recorded.push(app);
      result.created.push({
        issue: issue.number,
        id,
        state: read.state,
        label: read.label?.name ?? null,
        missing: app.missing?.length ?? 0,
      });
      if (read.outranked.length > 0 && read.label)
        result.conflicts.push({ issue: issue.number, kept: read.label.name, outranked: read.outranked });
    }
    if (session) {
      session.capacity = Math.max(session.capacity, session.applicationIds.length);
      await insertDoc(trx, 'sessions', { id: session.id, status: 'SCHEDULED', sort: session.date }, session, now.toISOString());
      await record(
        trx,
        actor,
        now,
        `session:${session.id}`,
        [],
        [
          {
            action: 'session.imported',
            subject: `session:${session.id}`,
            data: { date: session.date, applications: session.applicationIds },
          },
        ],
      );
      result.session = session.id;
    }
    return result;
  });
}
