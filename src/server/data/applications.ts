// The working group's view of applications: the queue in review order with ages, one
// application with its report, changes, questions and the vote, filtered by who is looking
// (contacts, questions and other members' ballots are not for everyone).
import { getApplication, listApplications, listSessions } from '../../process/engine-applications.js';
import { changesSince, latestReport } from '../../process/engine-reports.js';
import { getProject } from '../../process/engine-review.js';
import { dateOf, daysBetween } from '../../process/calendar.js';
import { pickForSession } from '../../process/sessions.js';
import type { Application, ApplicationStatus } from '../../process/types.js';
import { tally } from '../../process/voting.js';
import type { ServerContext } from '../context.js';
import type { Viewer } from '../types.js';
import { isWg } from '../types.js';

export const QUEUE_STATES: ApplicationStatus[] = ['RETURNING', 'NEW', 'WAITING_ON_COMMENT', 'IN_REVIEW', 'ACCEPTED', 'ONBOARDING'];

export interface QueueRow {
  id: string;
  projectName: string;
  status: ApplicationStatus;
  ageDays: number;
  submittedOn: string;
  returning: boolean;
  sessionId: string | null;
}

export async function queue(ctx: ServerContext) {
  const today = dateOf(ctx.engine.clock.now());
  const all = await listApplications(ctx.engine, QUEUE_STATES);
  const row = (a: Application): QueueRow => ({
    id: a.id,
    projectName: a.projectName,
    status: a.status,
    ageDays: daysBetween(dateOf(new Date(a.submittedAt)), today),
    submittedOn: a.submittedAt.slice(0, 10),
    returning: a.returning,
    sessionId: a.sessionId ?? null,
  });
  const waiting = pickForSession(all, Number.MAX_SAFE_INTEGER).map(row);
  const capacity = ctx.engine.rules.sessionSize;
  const byState = QUEUE_STATES.map((s) => ({
    state: s,
    rows: s === 'NEW' || s === 'RETURNING' ? waiting.filter((r) => r.status === s) : all.filter((a) => a.status === s).map(row),
  }));
  const upcoming = (await listSessions(ctx.engine)).filter((s) => s.date >= today);
  return { waiting, nextSlots: waiting.slice(0, capacity), capacity, byState, nextSession: upcoming[0] ?? null };
}

export interface TallyView {
  open: boolean;
  approvals: number;
  rejections: number;
  abstentions: number;
  notVoted: number;
  rosterSize: number;
  needed: number;
  approved: boolean;
  /** roster members without a ballot */
  pending: string[];
  /** each member's ballot, when the viewer may see them */
  ballots: { voter: string; choice: string; at: string }[] | null;
  nonBinding: number;
  mine: string | null;
  deadline: string | null;
  closedAt: string | null;
}

export function tallyFor(ctx: ServerContext, app: Application, viewer: Viewer | null): TallyView | null {
  const v = app.vote;
  if (!v) return null;
  const t = v.result ?? tally(v);
  const closed = v.closedAt !== undefined;
  const visible = closed || (ctx.web?.ballotsVisible ?? 'after-close') === 'always' ? isWg(viewer) : false;
  return {
    open: !closed,
    ...t,
    pending: v.roster.filter((m) => !v.ballots[m]),
    ballots: visible ? Object.entries(v.ballots).map(([voter, b]) => ({ voter, choice: b.choice, at: b.at })) : null,
    nonBinding: Object.keys(v.nonBinding).length,
    mine: viewer ? (v.ballots[viewer.id]?.choice ?? v.nonBinding[viewer.id]?.choice ?? null) : null,
    deadline: v.deadline ?? null,
    closedAt: v.closedAt ?? null,
  };
}

/** The application if the viewer may see it: the working group, or the applicant who filed it. */
export async function visibleApplication(ctx: ServerContext, id: string, viewer: Viewer): Promise<Application | null> {
  let app: Application;
  try {
    app = await getApplication(ctx.engine, id);
  } catch {
    return null;
  }
  if (isWg(viewer) || app.applicant === viewer.id) return app;
  return null;
}

export async function applicationDetail(ctx: ServerContext, app: Application, viewer: Viewer) {
  const subject = `application:${app.id}`;
  const [latest, changes, project] = await Promise.all([
    latestReport(ctx.engine, subject),
    changesSince(ctx.engine, subject),
    // an accepted application's own status stays where the application ended; the project's moves on (retired)
    app.projectId ? getProject(ctx.engine, app.projectId).catch(() => null) : null,
  ]);
  return {
    projectStatus: project?.status ?? null,
    application: isWg(viewer) ? app : { ...app, vote: undefined },
    report: latest ?? null,
    changes,
    tally: isWg(viewer) ? tallyFor(ctx, app, viewer) : null,
  };
}
