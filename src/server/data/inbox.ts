// What waits on the signed-in person, computed from the engine's records: a member's open votes
// without their ballot; staff's votes to open or close, decisions and onboarding to record,
// applications waiting for a session, failed reviews near their deadline and dead notices; an
// applicant's questions to answer and onboarding items to do.
import { listApplications } from '../../process/engine-applications.js';
import { listProjects } from '../../process/engine-review.js';
import { listOutbox } from '../../store/index.js';
import type { ServerContext } from '../context.js';
import type { Viewer } from '../types.js';

export interface InboxItem {
  what: string;
  href: string;
}

export async function inboxFor(ctx: ServerContext, v: Viewer): Promise<InboxItem[]> {
  const items: InboxItem[] = [];
  const apps = await listApplications(ctx.engine);
  const link = (id: string) => `/applications/${id}`;
  for (const a of apps) {
    if ((v.role === 'member' || v.role === 'staff') && a.vote && !a.vote.closedAt && a.vote.roster.includes(v.id) && !a.vote.ballots[v.id]) {
      items.push({ what: `Vote on #${a.id} ${a.projectName}`, href: link(a.id) });
    }
    if (v.role === 'staff') {
      if (a.status === 'IN_REVIEW' && !a.vote) items.push({ what: `Open the vote on #${a.id} ${a.projectName}`, href: link(a.id) });
      if (a.status === 'IN_REVIEW' && a.vote && !a.vote.closedAt && a.vote.roster.every((m) => a.vote!.ballots[m])) items.push({ what: `Close the vote on #${a.id} ${a.projectName} (everyone has voted)`, href: link(a.id) });
      if (a.status === 'IN_REVIEW' && a.vote?.closedAt) items.push({ what: `Record the decision on #${a.id} ${a.projectName}`, href: link(a.id) });
      if (a.status === 'ACCEPTED') items.push({ what: `Start onboarding #${a.id} ${a.projectName}`, href: link(a.id) });
      for (const i of a.onboarding ?? []) if (a.status === 'ONBOARDING' && !i.done && i.doneBy === 'staff') items.push({ what: `Onboarding of ${a.projectName}: ${i.title}`, href: link(a.id) });
    }
    if (a.applicant === v.id) {
      if (a.status === 'WAITING_ON_COMMENT') items.push({ what: `Answer the working group's question on ${a.projectName}`, href: link(a.id) });
      for (const i of a.onboarding ?? []) if (a.status === 'ONBOARDING' && !i.done && i.doneBy === 'applicant') items.push({ what: `Onboarding of ${a.projectName}: ${i.title}`, href: link(a.id) });
    }
  }
  if (v.role === 'staff') {
    const waiting = apps.filter((a) => a.status === 'NEW' || a.status === 'RETURNING').length;
    if (waiting > 0) items.push({ what: `${waiting} application(s) waiting for a review session`, href: '/staff#schedule' });
    const failing = (await listProjects(ctx.engine, ['ACTIVE'])).filter((p) => p.pending);
    for (const p of failing) items.push({ what: `${p.name} fails its review; deadline ${p.pending!.deadlineOn}`, href: `/projects/${p.id}` });
    const dead = await listOutbox(ctx.store.db, { status: 'dead', limit: 50 });
    if (dead.length > 0) items.push({ what: `${dead.length} notice(s) could not be delivered`, href: '/staff#notices' });
  }
  return items;
}
