// The vote on an application, on its issue: the vote comment members react to, the status at
// /vote-status, the result at close, the reminder to those who have not voted (once, a set number
// of days before the session), and the written decision.
import { listDocs, listPeople } from '../store/index.js';
import { dateOf, resubmissionAllowedFrom, addDays } from '../process/calendar.js';
import * as E from '../process/engine-applications.js';
import { tally } from '../process/voting.js';
import type { Actor, Application, DecisionOutcome, Session } from '../process/types.js';
import { splitRepo } from './config.js';
import { decisionComment, reminderComment, resultComment, statusComment, voteComment } from './comments.js';
import type { AppContext, Client } from './context.js';
import { mirrorState } from './issues.js';
import { loginsOf, syncReactions } from './reactions.js';
import { getThread, updateThread } from './threads.js';

async function comment(gh: Client, app: Application, body: string): Promise<number> {
  const { data } = await gh.rest.issues.createComment({ ...splitRepo(app.issue!.repo), issue_number: app.issue!.number, body });
  return data.id;
}

export async function openVoteOnIssue(ctx: AppContext, gh: Client, actor: Actor, id: string): Promise<Application> {
  const before = await E.getApplication(ctx.engine, id);
  // a retried job finds the vote already open: it only posts what is still missing
  const app = before.vote && !before.vote.closedAt ? before : await E.openVote(ctx.engine, actor, id);
  const key = `application:${id}`;
  if (!(await getThread(ctx.store.db, key)).voteCommentId) {
    await updateThread(ctx.store.db, key, { voteCommentId: await comment(gh, app, voteComment(app, app.vote!)) });
  }
  await mirrorState(ctx, gh, app);
  return app;
}

export async function postVoteStatus(ctx: AppContext, gh: Client, id: string): Promise<Application> {
  const { app, reactions } = await syncReactions(ctx, gh, await E.getApplication(ctx.engine, id));
  const logins = loginsOf(await listPeople(ctx.store.db));
  await comment(gh, app, statusComment(app, app.vote!, tally(app.vote!), reactions, logins));
  return app;
}

export async function closeVoteOnIssue(ctx: AppContext, gh: Client, actor: Actor, id: string): Promise<Application> {
  let app = await E.getApplication(ctx.engine, id);
  const read =
    app.vote && !app.vote.closedAt
      ? await syncReactions(ctx, gh, app)
      : { app, reactions: { conflicting: [], nonMembers: [], recorded: 0 } };
  app = read.app.vote?.closedAt ? read.app : await E.closeVote(ctx.engine, actor, id);
  const key = `application:${id}`;
  if ((await getThread(ctx.store.db, key)).resultFor !== app.vote!.closedAt) {
    await comment(gh, app, resultComment(app, app.vote!, read.reactions, loginsOf(await listPeople(ctx.store.db))));
    await updateThread(ctx.store.db, key, { resultFor: app.vote!.closedAt! });
  }
  await mirrorState(ctx, gh, app);
  return app;
}

export async function decideOnIssue(
  ctx: AppContext,
  gh: Client,
  actor: Actor,
  id: string,
  outcome: DecisionOutcome,
  reason: string,
): Promise<Application> {
  const before = await E.getApplication(ctx.engine, id);
  let app = before.decision && before.decision.outcome === outcome ? before : await E.decide(ctx.engine, actor, id, outcome, reason);
  if (outcome === 'ACCEPTED' && app.status === 'ACCEPTED') app = await E.startOnboarding(ctx.engine, actor, id);
  const key = `application:${id}`;
  if ((await getThread(ctx.store.db, key)).decisionFor !== app.decision!.at) {
    const from =
      outcome === 'ACCEPTED' ? null : resubmissionAllowedFrom(dateOf(new Date(app.decision!.at)), ctx.engine.rules.resubmitAfterMonths);
    await comment(gh, app, decisionComment(app, from));
    await updateThread(ctx.store.db, key, { decisionFor: app.decision!.at });
  }
  await mirrorState(ctx, gh, app);
  return app;
}

/**
 * The scheduled pass over open votes: reads the reactions of each, and reminds the members who
 * have not voted (mentioning exactly them, once per vote) from `reminderDays` before the session.
 */
export async function remindAndSync(ctx: AppContext, gh: Client, now: Date): Promise<{ synced: number; reminded: string[] }> {
  const open = (await listDocs<Application>(ctx.store.db, 'applications', { status: ['IN_REVIEW'] })).filter(
    (a) => a.issue && a.vote && !a.vote.closedAt,
  );
  const sessions = new Map((await listDocs<Session>(ctx.store.db, 'sessions')).map((s) => [s.id, s]));
  const out = { synced: 0, reminded: [] as string[] };
  for (const before of open) {
    const { app } = await syncReactions(ctx, gh, before);
    out.synced++;
    const session = app.sessionId ? sessions.get(app.sessionId) : undefined;
    if (!session) continue;
    const key = `application:${app.id}`;
    const thread = await getThread(ctx.store.db, key);
    if (thread.remindedFor === app.vote!.openedAt || dateOf(now) < addDays(session.date, -ctx.reminderDays)) continue;
    const logins = loginsOf(await listPeople(ctx.store.db));
    const notVoted = app.vote!.roster.filter((m) => !app.vote!.ballots[m]).map((m) => logins[m] ?? m);
    if (notVoted.length > 0) await comment(gh, app, reminderComment(app, notVoted, session.date));
    await updateThread(ctx.store.db, key, { remindedFor: app.vote!.openedAt });
    out.reminded.push(...notVoted);
  }
  return out;
}
