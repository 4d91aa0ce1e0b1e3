// What waits on one person: for their roles, the ballots they have not cast, questions they must
// answer, applications to schedule, votes to open or close, decisions to record, onboarding items,
// failing projects with the days left, and notices that could not be delivered. One computation
// for the CLI's `steward inbox` and the web app.
import { listOutbox, listDocs } from '../store/index.js';
import { type CalendarDate, daysBetween } from './calendar.js';
import { type Engine, today as todayOf } from './engine.js';
import type { Actor, Amendment, Application, Project } from './types.js';

export type InboxKind =
  'ballot' | 'question' | 'schedule' | 'open-vote' | 'close-vote' | 'decision' | 'onboarding' | 'failing' | 'undelivered';

export interface InboxItem {
  kind: InboxKind;
  /** application:ID, project:ID, amendment:ID or notice:ID */
  subject: string;
  /** one line: what to do, about what */
  text: string;
  /** the command that does it */
  command?: string;
  /** failing projects: the deadline and the days left before retirement */
  deadlineOn?: CalendarDate;
  daysLeft?: number;
}

const OPEN = (a: Application) => a.vote !== undefined && a.vote.closedAt === undefined;

/** Everything waiting on `who` on the engine's day (`--on` looks ahead or back), most urgent kinds first. */
export async function inbox(eng: Engine, who: Actor): Promise<InboxItem[]> {
  const day = todayOf(eng);
  const items: InboxItem[] = [];
  const apps = await listDocs<Application>(eng.store.db, 'applications');
  const amendments = await listDocs<Amendment>(eng.store.db, 'amendments', { status: ['VOTING'] });
  const staff = who.role === 'staff';

  for (const a of apps) {
    if (OPEN(a) && a.vote!.roster.includes(who.id) && !a.vote!.ballots[who.id]) {
      items.push({
        kind: 'ballot',
        subject: `application:${a.id}`,
        text: `cast your ballot on application ${a.id} (${a.projectName})`,
        command: `steward vote cast ${a.id} approve|reject|abstain --as ${who.id}`,
      });
    }
  }
  for (const m of amendments) {
    if (m.vote && !m.vote.closedAt && m.vote.roster.includes(who.id) && !m.vote.ballots[who.id]) {
      items.push({
        kind: 'ballot',
        subject: `amendment:${m.id}`,
        text: `cast your ballot on amendment ${m.id} (${m.summary})`,
        command: `steward amendment cast ${m.id} approve|reject|abstain --as ${who.id}`,
      });
    }
  }
  for (const a of apps) {
    const mine = a.applicant === who.id;
    if (a.status === 'WAITING_ON_COMMENT' && (mine || staff)) {
      const q = a.questions[a.questions.length - 1];
      items.push({
        kind: 'question',
        subject: `application:${a.id}`,
        text: `${mine ? 'answer' : 'waiting on the applicant'}: application ${a.id} (${a.projectName}) was asked on ${q?.askedAt.slice(0, 10)}: ${q?.text ?? ''}`,
        ...(mine ? { command: `steward application answer ${a.id} "…" --as ${who.id}` } : {}),
      });
    }
    if (a.status === 'ONBOARDING') {
      for (const i of a.onboarding ?? []) {
        if (i.done || !(staff || (mine && i.doneBy === 'applicant'))) continue;
        items.push({
          kind: 'onboarding',
          subject: `application:${a.id}`,
          text: `onboarding of ${a.projectName} (application ${a.id}): ${i.title}`,
          command: `steward onboarding done ${a.id} ${i.key} --note "…"`,
        });
      }
    }
    if (!staff) continue;
    if (a.status === 'NEW' || a.status === 'RETURNING')
      items.push({
        kind: 'schedule',
        subject: `application:${a.id}`,
        text: `schedule application ${a.id} (${a.projectName}) into a session${a.returning ? ' (returning: reviewed first)' : ''}`,
        command: 'steward session schedule YYYY-MM-DD',
      });
    if (a.status === 'IN_REVIEW' && !a.vote)
      items.push({
        kind: 'open-vote',
        subject: `application:${a.id}`,
        text: `open the vote on application ${a.id} (${a.projectName}), in session ${a.sessionId}`,
        command: `steward vote open ${a.id}`,
      });
    if (a.status === 'IN_REVIEW' && OPEN(a))
      items.push({
        kind: 'close-vote',
        subject: `application:${a.id}`,
        text: `close the vote on application ${a.id} (${a.projectName}): ${Object.keys(a.vote!.ballots).length} of ${a.vote!.roster.length} have voted`,
        command: `steward vote close ${a.id}`,
      });
    if (a.status === 'IN_REVIEW' && a.vote?.result)
      items.push({
        kind: 'decision',
        subject: `application:${a.id}`,
        text: `record the decision on application ${a.id} (${a.projectName}): the vote ${a.vote.result.approved ? 'approved' : 'did not approve'} it`,
        command: `steward decision record ${a.id} ${a.vote.result.approved ? 'ACCEPTED' : 'DECLINED'} --reason "…"`,
      });
    if (a.status === 'ACCEPTED')
      items.push({
        kind: 'onboarding',
        subject: `application:${a.id}`,
        text: `start onboarding ${a.projectName} (application ${a.id})`,
        command: `steward onboarding start ${a.id}`,
      });
  }
  if (staff) {
    for (const p of await listDocs<Project>(eng.store.db, 'projects', { status: ['ACTIVE'] })) {
      if (!p.pending) continue;
      const daysLeft = daysBetween(day, p.pending.deadlineOn);
      items.push({
        kind: 'failing',
        subject: `project:${p.id}`,
        text: `${p.name} fails ${p.pending.failures.map((f) => `${f.id} ${f.key}`).join(', ')}: ${daysLeft > 0 ? `${daysLeft} day${daysLeft === 1 ? '' : 's'} left` : 'the deadline has come'} (deadline ${p.pending.deadlineOn}; retired if still failing)`,
        command: `steward review run --project ${p.id}`,
        deadlineOn: p.pending.deadlineOn,
        daysLeft,
      });
    }
    for (const n of await listOutbox(eng.store.db)) {
      if (n.status === 'delivered' || (n.status === 'pending' && !n.lastError)) continue;
      items.push({
        kind: 'undelivered',
        subject: `notice:${n.id}`,
        text: `notice ${n.id} (${n.kind}, ${n.subject}) to ${n.to.join(', ') || 'no one'} ${n.status === 'dead' ? 'was given up' : 'is being retried'}: ${n.lastError}`,
        command: 'steward notices list',
      });
    }
  }
  const order: InboxKind[] = [
    'ballot',
    'question',
    'failing',
    'decision',
    'close-vote',
    'open-vote',
    'schedule',
    'onboarding',
    'undelivered',
  ];
  return items.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || (a.daysLeft ?? 0) - (b.daysLeft ?? 0));
}
