// The working group's other pages: sessions and their agendas, the periodic-review dashboard
// (due soon, failing with days left, retired), the signed-in person's inbox and the audit log.
import { getSession, listSessions } from '../../process/engine-applications.js';
import { agendaFor } from '../../process/engine-reports.js';
import { listProjects } from '../../process/engine-review.js';
import { addDays, dateOf } from '../../process/calendar.js';
import { inbox, type InboxKind } from '../../process/inbox.js';
import { daysUntil } from '../data/projects.js';
import type { C } from '../types.js';
import { day, page, StatusTag } from '../views/layout.js';
import { DataTable } from '../views/table.js';
import { actorOf, type RouteDef } from './table.js';

async function sessionsPage(c: C) {
  const ctx = c.get('ctx');
  const sessions = await listSessions(ctx.engine);
  const today = dateOf(ctx.engine.clock.now());
  return page(
    c,
    'Review sessions',
    sessions.length === 0 ? (
      <p class="muted">No session is scheduled.</p>
    ) : (
      <DataTable
        label="Sessions"
        head={['Session', 'Date', 'Applications']}
        rows={[...sessions].reverse().map((s) => [
          <>
            <a href={`/sessions/${s.id}`}>{s.id}</a> {s.date >= today ? <StatusTag status="upcoming" /> : null}
          </>,
          s.date,
          `${s.applicationIds.length} of ${s.capacity}`,
        ])}
      />
    ),
  );
}

async function sessionPage(c: C) {
  const ctx = c.get('ctx');
  const s = await getSession(ctx.engine, c.req.param('id')!);
  const lines = await agendaFor(ctx.engine, s);
  return page(
    c,
    `Session ${s.id} on ${s.date}`,
    <>
      <p>
        {lines.length} of {s.capacity} places; scheduled by {s.scheduledBy} on {day(s.scheduledAt)}.
      </p>
      <h2>Agenda</h2>
      {lines.length === 0 ? <p class="muted">No applications were waiting.</p> : null}
      <ol>
        {lines.map((l) => (
          <li>
            <a href={`/applications/${l.applicationId}`}>{l.projectName}</a> {l.returning ? <StatusTag status="returning" /> : null} — <a href={l.repoUrl}>{l.repoUrl}</a>
            <br />
            <span class="muted">
              submitted {day(l.submittedAt)}
              {l.verdict ? ` · report ${l.verdict}` : ''}
              {l.failing && l.failing.length ? ` (failing: ${l.failing.join(', ')})` : ''}
            </span>
            {l.presentation ? (
              <>
                {' '}
                · <a href={l.presentation}>presentation</a>
              </>
            ) : null}
            {l.videoUrl ? (
              <>
                {' '}
                · <a href={l.videoUrl}>video</a>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </>,
  );
}

async function reviewsPage(c: C) {
  const ctx = c.get('ctx');
  const today = dateOf(ctx.engine.clock.now());
  const horizon = addDays(today, 30);
  const projects = await listProjects(ctx.engine);
  const failing = projects.filter((p) => p.status === 'ACTIVE' && p.pending).sort((a, b) => a.pending!.deadlineOn.localeCompare(b.pending!.deadlineOn));
  const due = projects.filter((p) => p.status === 'ACTIVE' && !p.pending && p.reviewDueOn <= horizon).sort((a, b) => a.reviewDueOn.localeCompare(b.reviewDueOn));
  const retired = projects.filter((p) => p.status === 'RETIRED').sort((a, b) => (b.retiredOn ?? '').localeCompare(a.retiredOn ?? ''));
  return page(
    c,
    'Periodic reviews',
    <>
      <h2>Failing, with days left to fix ({failing.length})</h2>
      {failing.length === 0 ? <p class="muted">None.</p> : null}
      <ul>
        {failing.map((p) => (
          <li>
            <a href={`/projects/${p.id}`}>{p.name}</a>: deadline {p.pending!.deadlineOn} ({daysUntil(ctx, p.pending!.deadlineOn)} days left) — failing {p.pending!.failures.map((f) => `${f.id} ${f.key}`).join(', ')}
          </li>
        ))}
      </ul>
      <h2>Due in the next 30 days ({due.length})</h2>
      {due.length === 0 ? <p class="muted">None.</p> : null}
      <ul>
        {due.map((p) => (
          <li>
            <a href={`/projects/${p.id}`}>{p.name}</a>: due {p.reviewDueOn} {p.reviewDueOn <= today ? '(due now)' : `(in ${daysUntil(ctx, p.reviewDueOn)} days)`}
          </li>
        ))}
      </ul>
      <h2>Retired ({retired.length})</h2>
      {retired.length === 0 ? <p class="muted">None.</p> : null}
      <ul>
        {retired.map((p) => (
          <li>
            <a href={`/projects/${p.id}`}>{p.name}</a>: {p.retiredOn ?? 'before Steward'}
            {p.retiredReason ? ` — ${p.retiredReason}` : ''}
            {p.offboarding ? ` · README: ${p.offboarding.clean ? 'clean' : `${p.offboarding.references.length} reference(s) left`}` : ''}
          </li>
        ))}
      </ul>
    </>,
  );
}

/** Where an inbox item's subject is shown on the site. */
function hrefOf(subject: string): string {
  const [kind, id = ''] = subject.split(/:(.*)/s) as [string, string?];
  if (kind === 'application') return `/applications/${encodeURIComponent(id)}`;
  if (kind === 'project') return `/projects/${encodeURIComponent(id)}`;
  if (kind === 'notice') return '/staff#notices';
  return `/audit?subject=${encodeURIComponent(subject)}`;
}

const KIND_LABEL: Record<InboxKind, string> = {
  ballot: 'Vote',
  question: 'Question',
  failing: 'Failing',
  decision: 'Decision',
  'close-vote': 'Close vote',
  'open-vote': 'Open vote',
  schedule: 'Schedule',
  onboarding: 'Onboarding',
  undelivered: 'Notice',
};

// the same computation as `steward inbox` (src/process/inbox.ts), linked to the pages that act on it
async function inboxPage(c: C) {
  const items = await inbox(c.get('ctx').engine, actorOf(c));
  return page(
    c,
    'Your inbox',
    items.length === 0 ? (
      <p>Nothing waits on you.</p>
    ) : (
      <>
        <p class="muted">
          {items.length} {items.length === 1 ? 'thing waits' : 'things wait'} on you, the most urgent first (the same list as <code>steward inbox</code>).
        </p>
        <ul class="inbox">
          {items.map((i) => (
            <li>
              <span class="tag">{KIND_LABEL[i.kind]}</span> <a href={hrefOf(i.subject)}>{i.text}</a>
            </li>
          ))}
        </ul>
      </>
    ),
  );
}

async function auditPage(c: C) {
  const db = c.get('ctx').store.db;
  const subject = c.req.query('subject')?.trim() || undefined;
  let q = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(200);
  if (subject) q = q.where('subject', '=', subject);
  const rows = await q.execute();
  return page(
    c,
    'Audit log',
    <>
      <form method="get" action="/audit" class="filters" role="search">
        <div>
          <label for="subject">Subject</label>
          <input id="subject" name="subject" value={subject ?? ''} placeholder="application:1" />
        </div>
        <button type="submit">Filter</button>
      </form>
      <p class="muted">The newest 200 entries; each is hash-chained to the one before (`steward audit verify`).</p>
      <DataTable
        label="Audit log"
        head={['#', 'When (UTC)', 'Who', 'What', 'Subject']}
        rows={rows.map((r) => [String(r.seq), r.at.slice(0, 16).replace('T', ' '), r.actor, r.action, <a href={`/audit?subject=${encodeURIComponent(r.subject)}`}>{r.subject}</a>])}
      />
    </>,
  );
}

export const WG_ROUTES: RouteDef[] = [
  { method: 'GET', path: '/sessions', access: 'wg', kind: 'page', summary: 'review sessions', example: { path: '/sessions', ok: 200 }, handler: sessionsPage },
  { method: 'GET', path: '/sessions/:id', access: 'wg', kind: 'page', summary: "a session's agenda", example: { path: '/sessions/S1', ok: 200 }, handler: sessionPage },
  { method: 'GET', path: '/reviews', access: 'wg', kind: 'page', summary: 'the periodic-review dashboard', example: { path: '/reviews', ok: 200 }, handler: reviewsPage },
  { method: 'GET', path: '/inbox', access: 'signed-in', kind: 'page', summary: 'what waits on you', example: { path: '/inbox', ok: 200 }, handler: inboxPage },
  { method: 'GET', path: '/audit', access: 'wg', kind: 'page', summary: 'the audit log', example: { path: '/audit', ok: 200 }, handler: auditPage },
];
