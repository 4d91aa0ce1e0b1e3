// An application issue on GitHub mirrors its application: opened or edited, the form is filed
// through the engine; the report lives in one comment edited in place, what the form lacks in
// another; the state label is the one the table gives the application's state, and the issue is
// closed when the application is done.
import { getReport } from '../store/index.js';
import { personByGithubLogin } from '../store/index.js';
import { TERMINAL } from '../process/applications.js';
import { ProcessError } from '../process/errors.js';
import { fileFromIssue } from '../process/engine-issue-apps.js';
import { findLabel, labelFor, labelStateOf } from '../process/labels.js';
import type { Actor, Application } from '../process/types.js';
import type { Report } from '../report/types.js';
import { splitRepo } from './config.js';
import { missingComment, reportComment } from './comments.js';
import { sameRepo, type AppContext, type Client } from './context.js';
import { getThread, updateThread } from './threads.js';

export interface IssuePayload {
  action: string;
  issue: {
    number: number;
    title: string;
    body?: string | null;
    html_url?: string;
    state?: string;
    labels?: { name: string }[];
    user: { login: string; type?: string };
    pull_request?: unknown;
  };
  repository: { full_name: string };
  sender: { login: string; type?: string };
  label?: { name: string };
  installation?: { id: number };
}

/** An issue the App treats as an application: titled as the form titles it, or written with its headings. */
export function isApplicationIssue(issue: IssuePayload['issue']): boolean {
  if (issue.pull_request) return false;
  if (/^\s*\[ecosystem\]/i.test(issue.title)) return true;
  return /^###\s+(contact emails|project repo url)\s*$/im.test(issue.body ?? '');
}

/** Who a GitHub login is to the process: their role on the roster, else an applicant (author) or the public. */
export async function actorOf(ctx: AppContext, login: string, author?: string): Promise<Actor> {
  const person = await personByGithubLogin(ctx.store.db, login);
  if (person) return { id: person.id, role: person.role };
  return { id: login, role: author !== undefined && author.toLowerCase() === login.toLowerCase() ? 'applicant' : 'public' };
}

export async function onIssueFiled(ctx: AppContext, gh: Client, p: IssuePayload): Promise<void> {
  if (!sameRepo(p.repository.full_name, ctx.config.ecosystemRepo) || !isApplicationIssue(p.issue)) return;
  const { owner, repo } = splitRepo(p.repository.full_name);
  const issueKey = `issue:${p.repository.full_name.toLowerCase()}#${p.issue.number}`;
  const actor = await actorOf(ctx, p.issue.user.login, p.issue.user.login);
  let filed;
  try {
    filed = await fileFromIssue(ctx.engine, actor, {
      issue: { repo: p.repository.full_name, number: p.issue.number, ...(p.issue.html_url ? { url: p.issue.html_url } : {}) },
      title: p.issue.title,
      body: p.issue.body ?? '',
    });
  } catch (err) {
    if (!(err instanceof ProcessError)) throw err;
    // refused by the process (a resubmission inside the 3 months, a duplicate): said once, edited after
    const body = `**Steward cannot take this application:** ${err.message}.`;
    const t = await getThread(ctx.store.db, issueKey);
    if (t.reportCommentId) await gh.rest.issues.updateComment({ owner, repo, comment_id: t.reportCommentId, body });
    else {
      const { data } = await gh.rest.issues.createComment({ owner, repo, issue_number: p.issue.number, body });
      await updateThread(ctx.store.db, issueKey, { reportCommentId: data.id });
    }
    return;
  }
  const key = `application:${filed.app.id}`;
  const thread = await getThread(ctx.store.db, key);
  if (filed.missing.length > 0) {
    const body = missingComment(filed.app, filed.missing);
    if (thread.missingCommentId) await gh.rest.issues.updateComment({ owner, repo, comment_id: thread.missingCommentId, body });
    else {
      const { data } = await gh.rest.issues.createComment({ owner, repo, issue_number: p.issue.number, body });
      await updateThread(ctx.store.db, key, { missingCommentId: data.id });
    }
  } else if (thread.missingCommentId) {
    await gh.rest.issues.updateComment({
      owner,
      repo,
      comment_id: thread.missingCommentId,
      body: `~~The form lacked required answers~~: it is complete now (${new Date().toISOString().slice(0, 10)}).`,
    });
  }
  if (filed.reportId !== undefined) await postReport(ctx, gh, filed.app, filed.reportId);
  await mirrorState(
    ctx,
    gh,
    filed.app,
    p.issue.labels?.map((l) => l.name),
  );
}

/** The report comment: posted once, then edited in place with what changed since the one it showed. */
export async function postReport(ctx: AppContext, gh: Client, app: Application, reportId: number): Promise<void> {
  const key = `application:${app.id}`;
  const thread = await getThread(ctx.store.db, key);
  const stored = await getReport<Report>(ctx.store.db, reportId);
  if (!stored) return;
  const previous =
    thread.reportId !== undefined && thread.reportId !== reportId
      ? (await getReport<Report>(ctx.store.db, thread.reportId))?.report
      : undefined;
  const body = reportComment(app, stored.report, previous, stored.createdAt);
  const { owner, repo } = splitRepo(app.issue!.repo);
  if (thread.reportCommentId) await gh.rest.issues.updateComment({ owner, repo, comment_id: thread.reportCommentId, body });
  else {
    const { data } = await gh.rest.issues.createComment({ owner, repo, issue_number: app.issue!.number, body });
    await updateThread(ctx.store.db, key, { reportCommentId: data.id });
  }
  await updateThread(ctx.store.db, key, { reportId });
}

/**
 * Makes the issue show the application's state: its one state label (others of the table
 * removed, labels outside the table left alone), and closed once the application is done.
 * `labels` are the issue's labels when the caller knows them; otherwise they are read.
 */
export async function mirrorState(ctx: AppContext, gh: Client, app: Application, labels?: string[]): Promise<void> {
  if (!app.issue) return;
  const { owner, repo } = splitRepo(app.issue.repo);
  const issue_number = app.issue.number;
  let names = labels;
  let open = true;
  if (!names) {
    const { data } = await gh.rest.issues.get({ owner, repo, issue_number });
    names = data.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? '')));
    open = data.state === 'open';
  }
  const want = labelFor(ctx.table, labelStateOf(app)).name;
  for (const n of names) {
    if (findLabel(ctx.table, n) && n.toLowerCase() !== want.toLowerCase())
      await gh.rest.issues.removeLabel({ owner, repo, issue_number, name: n });
  }
  if (!names.some((n) => n.toLowerCase() === want.toLowerCase()))
    await gh.rest.issues.addLabels({ owner, repo, issue_number, labels: [want] });
  if (TERMINAL.includes(app.status) && open) {
    await gh.rest.issues.update({
      owner,
      repo,
      issue_number,
      state: 'closed',
      state_reason: app.status === 'ACTIVE' ? 'completed' : 'not_planned',
    });
  }
}
