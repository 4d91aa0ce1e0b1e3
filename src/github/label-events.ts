// A state label changed by hand. By someone whose role may make that change, it is the command
// (the engine follows it, and the labels then mirror the new state); by anyone else, or when the
// engine refuses, the labels are put back, with a comment naming the command that makes it.
import { notAllowed, ProcessError } from '../process/errors.js';
import * as E from '../process/engine-applications.js';
import { defer, scheduleInto } from '../process/engine-issue-apps.js';
import { applicationsByIssue, findByIssue } from '../process/engine-issues.js';
import { findLabel, labelFor, labelStateOf, type StateLabel } from '../process/labels.js';
import { dateOf } from '../process/calendar.js';
import type { Actor, Application, Session } from '../process/types.js';
import { listDocs } from '../store/index.js';
import { splitRepo } from './config.js';
import { labelRestoredComment } from './comments.js';
import { sameRepo, type AppContext, type Client } from './context.js';
import { actorOf, mirrorState, type IssuePayload } from './issues.js';
import { decideOnIssue, openVoteOnIssue } from './votes.js';

export async function onLabelChange(ctx: AppContext, gh: Client, p: IssuePayload): Promise<void> {
  if (!p.label || p.sender.type === 'Bot' || !sameRepo(p.repository.full_name, ctx.config.ecosystemRepo)) return;
  const label = findLabel(ctx.table, p.label.name);
  if (!label) return;
  const app = findByIssue(await applicationsByIssue(ctx.store.db), p.repository.full_name, p.issue.number);
  if (!app) return;
  const shown = labelFor(ctx.table, labelStateOf(app));
  const added = p.action === 'labeled';
  if (added && label.name === shown.name) return;
  if (!added && label.name !== shown.name) return;
  const actor = await actorOf(ctx, p.sender.login, p.issue.user.login);
  const restore = async (why: string) => {
    await mirrorState(ctx, gh, await E.getApplication(ctx.engine, app.id));
    await gh.rest.issues.createComment({
      ...splitRepo(p.repository.full_name),
      issue_number: p.issue.number,
      body: labelRestoredComment(p.sender.login, label.name, added, why, added ? label.command : undefined),
    });
  };
  if (!added) return restore('it shows the state of the application, which has not changed');
  if (!label.setBy.includes(actor.role))
    return restore(
      `${label.setBy.length ? notAllowed({ id: p.sender.login, role: actor.role }, label.setBy) : `${p.sender.login} may not make it (role: ${actor.role})`}; this change needs role ${label.setBy.length ? label.setBy.join(' or ') : 'Steward itself'}`,
    );
  try {
    await follow(ctx, gh, actor, app, label, p.sender.login);
  } catch (err) {
    if (!(err instanceof ProcessError)) throw err;
    await restore(`the change was refused: ${err.message}`);
  }
}

async function follow(ctx: AppContext, gh: Client, actor: Actor, app: Application, label: StateLabel, login: string): Promise<void> {
  const why = `label "${label.name}" set by @${login}`;
  const state = label.states[0]!;
  let next: Application;
  switch (state) {
    case 'WAITING_ON_COMMENT':
      next = await E.askQuestion(ctx.engine, actor, app.id, `see the comments on the issue (${why})`);
      break;
    case 'DEFERRED':
      next = await defer(ctx.engine, actor, app.id);
      break;
    case 'IN_REVIEW': {
      const today = dateOf(ctx.engine.clock.now());
      const upcoming = (await listDocs<Session>(ctx.store.db, 'sessions'))
        .filter((s) => s.date >= today)
        .sort((a, b) => (a.date < b.date ? -1 : 1));
      if (upcoming.length === 0)
        throw new ProcessError('conflict', 'no review session is scheduled; schedule one with `/schedule <YYYY-MM-DD>`');
      next = await scheduleInto(ctx.engine, actor, app.id, upcoming[0]!.id);
      break;
    }
    case 'IN_VOTING':
      await openVoteOnIssue(ctx, gh, actor, app.id);
      return;
    case 'WITHDRAWN':
      next = await E.withdrawApplication(ctx.engine, actor, app.id);
      break;
    case 'ACCEPTED':
    case 'DECLINED':
    case 'TOO_EARLY':
    case 'COMMUNITY_HIGHLIGHT':
      await decideOnIssue(ctx, gh, actor, app.id, state, why);
      return;
    default:
      throw new ProcessError('forbidden', `Steward sets "${label.name}" itself`);
  }
  await mirrorState(ctx, gh, next);
}
