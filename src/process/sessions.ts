// Review sessions: which applications a session takes (returning ones first, then first come
// first served) and the agenda printed for it.
import { isCalendarDate } from './calendar.js';
import { notAllowed, ProcessError } from './errors.js';
import type { Application, Ctx, Session } from './types.js';

/** The applications a session of `capacity` takes, in review order. */
export function pickForSession(candidates: Application[], capacity: number): Application[] {
  const waiting = candidates.filter((a) => a.status === 'NEW' || a.status === 'RETURNING');
  const byArrival = (a: Application, b: Application) =>
    a.submittedAt === b.submittedAt ? a.id.localeCompare(b.id) : a.submittedAt < b.submittedAt ? -1 : 1;
  const returning = waiting.filter((a) => a.status === 'RETURNING').sort(byArrival);
  const fresh = waiting.filter((a) => a.status === 'NEW').sort(byArrival);
  return [...returning, ...fresh].slice(0, Math.max(0, capacity));
}

export function newSession(id: string, date: string, capacity: number, applicationIds: string[], ctx: Ctx): Session {
  if (ctx.actor.role !== 'staff')
    throw new ProcessError('forbidden', `schedule a session: needs role staff; ${notAllowed(ctx.actor, ['staff'])}`);
  if (!isCalendarDate(date))
    throw new ProcessError('invalid', `schedule a session: expected the date as YYYY-MM-DD, found ${JSON.stringify(date)}`);
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new ProcessError('invalid', `schedule a session: capacity must be a positive whole number, found ${capacity}`);
  return { id, date, capacity, applicationIds, scheduledAt: ctx.now.toISOString(), scheduledBy: ctx.actor.id };
}

export interface AgendaLine {
  order: number;
  applicationId: string;
  projectName: string;
  repoUrl: string;
  returning: boolean;
  submittedAt: string;
  verdict?: string;
  failing?: string[];
  /** requirements a waiver exempts, with its reason */
  exempt?: string[];
  presentation?: string;
  videoUrl?: string;
}

export function renderAgenda(session: Session, lines: AgendaLine[]): string {
  const out = [`Review session ${session.id} on ${session.date} (${lines.length} of ${session.capacity} places)`, ''];
  for (const l of lines) {
    out.push(`${l.order}. ${l.projectName} — ${l.repoUrl}${l.returning ? '  [returning]' : ''}`);
    out.push(`   application ${l.applicationId}, submitted ${l.submittedAt.slice(0, 10)}`);
    if (l.verdict) out.push(`   report: ${l.verdict}${l.failing && l.failing.length ? ` (failing: ${l.failing.join(', ')})` : ''}`);
    for (const e of l.exempt ?? []) out.push(`   exempt: ${e}`);
    if (l.presentation) out.push(`   presentation: ${l.presentation}`);
    if (l.videoUrl) out.push(`   video: ${l.videoUrl}`);
  }
  if (lines.length === 0) out.push('(no applications waiting)');
  return out.join('\n') + '\n';
}
