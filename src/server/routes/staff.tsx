// Staff's desk: schedule a session, the onboarding checklists in progress, the roster and roles
// (with a local password for self-hosted sign-in), retiring a project, and notices that failed.
import { listApplications, scheduleSession } from '../../process/engine-applications.js';
import { listProjects, retireProject } from '../../process/engine-review.js';
import { ProcessError } from '../../process/errors.js';
import { addWaiver, revokeWaiver } from '../../process/engine-waivers.js';
import type { WaiverInput } from '../../process/waivers.js';
import { listOutbox, listPeople, upsertPerson, type Person } from '../../store/index.js';
import { setPassword } from '../auth/records.js';
import type { C } from '../types.js';
import { Csrf, day, page } from '../views/layout.js';
import { DataTable } from '../views/table.js';
import { actorOf, form, type RouteDef } from './table.js';
import { reviewProgress } from '../data/review-progress.js';
import { formatDuration } from '../../util/progress-figures.js';

/** The run's pace: a rate and the time left while it runs (none before the first review, when a
 * rate of 0 would read as a stalled run), and just "done" once every due project is reviewed. */
function reviewPace(f: { done: number; total: number; ratePerS: number; etaS: number | null }): string {
  if (f.done >= f.total) return 'done';
  if (f.done === 0 || f.ratePerS <= 0) return 'not started yet';
  return `${(f.ratePerS * 60).toFixed(1)} a minute, about ${f.etaS === null ? '?' : formatDuration(f.etaS)} left`;
}

async function staffPage(c: C) {
  const ctx = c.get('ctx');
  const [people, dead, onboarding, active, review] = await Promise.all([
    listPeople(ctx.store.db),
    listOutbox(ctx.store.db, { status: 'dead', limit: 100 }),
    listApplications(ctx.engine, ['ONBOARDING', 'ACCEPTED']),
    listProjects(ctx.engine, ['ACTIVE']),
    reviewProgress(ctx),
  ]);
  return page(
    c,
    'Staff',
    <>
      {review ? (
        <section aria-labelledby="review-progress">
          <h2 id="review-progress">Periodic review, {review.day}</h2>
          <p data-review-progress>
            {review.figures.done} of {review.figures.total} reviewed ({Object.entries(review.outcomes).map(([o, n]) => `${n} ${o}`).join(', ') || 'none yet'}),{' '}
            {reviewPace(review.figures)}
            {review.figures.budgetLeft !== undefined ? `; GitHub budget ${review.figures.budgetLeft} requests left${review.budgetResetAt ? ` until ${review.budgetResetAt.slice(11, 16)} UTC` : ''}` : ''}
          </p>
        </section>
      ) : null}
      <section aria-labelledby="schedule">
        <h2 id="schedule">Schedule a review session</h2>
        <form method="post" action="/staff/sessions" class="filters">
          <Csrf c={c} />
          <div>
            <label for="date">Date</label>
            <input id="date" name="date" type="date" required />
          </div>
          <div>
            <label for="capacity">Places</label>
            <input id="capacity" name="capacity" type="number" min="1" max="20" value={String(ctx.engine.rules.sessionSize)} />
          </div>
          <button type="submit" class="primary">
            Schedule
          </button>
        </form>
      </section>
      <section aria-labelledby="onboarding">
        <h2 id="onboarding">Onboarding</h2>
        {onboarding.length === 0 ? <p class="muted">Nobody is onboarding.</p> : null}
        <ul>
          {onboarding.map((a) => (
            <li>
              <a href={`/applications/${a.id}`}>{a.projectName}</a>:{' '}
              {a.onboarding ? `${a.onboarding.filter((i) => i.done).length} of ${a.onboarding.length} done` : 'accepted, onboarding not started'}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="roster">
        <h2 id="roster">Roster and roles</h2>
        <DataTable label="Roster" head={['Person', 'Role', 'E-mail', 'Working group', 'TAC']} rows={people.map((p) => [p.id, p.role, p.email ?? '—', p.wg ? 'votes' : '—', p.tac ? 'votes' : '—'])} />
        <h3>Add a person or change a role</h3>
        <form method="post" action="/staff/people" class="filters">
          <Csrf c={c} />
          <div>
            <label for="pid">GitHub login or id</label>
            <input id="pid" name="id" required />
          </div>
          <div>
            <label for="role">Role</label>
            <select id="role" name="role">
              <option value="member">member</option>
              <option value="staff">staff</option>
              <option value="applicant">applicant</option>
            </select>
          </div>
          <div>
            <label for="email">E-mail</label>
            <input id="email" name="email" type="email" />
          </div>
          <div>
            <label for="wg">
              <input id="wg" name="wg" type="checkbox" value="1" /> votes in the working group
            </label>
          </div>
          <div>
            <label for="pw">Password (local sign-in, optional)</label>
            <input id="pw" name="password" type="password" autocomplete="new-password" minlength={8} />
          </div>
          <button type="submit">Save</button>
        </form>
      </section>
      <section aria-labelledby="retire">
        <h2 id="retire">Retire a project</h2>
        <form method="post" action="/staff/retire" class="filters">
          <Csrf c={c} />
          <div>
            <label for="project">Project</label>
            <select id="project" name="project" required>
              {active.map((p) => (
                <option value={p.id}>{p.name}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="why">Reason</label>
            <input id="why" name="reason" required />
          </div>
          <button type="submit">Retire</button>
        </form>
      </section>
      <section aria-labelledby="notices">
        <h2 id="notices">Notices that failed ({dead.length})</h2>
        {dead.length === 0 ? <p class="muted">None.</p> : null}
        <ul>
          {dead.map((n) => (
            <li>
              #{n.id} {n.kind} to {n.to.join(', ') || '(nobody)'} for {n.subject}, {day(n.createdAt)}, {n.attempts} attempt(s): {n.lastError ?? 'no error recorded'}
            </li>
          ))}
        </ul>
      </section>
    </>,
  );
}

async function schedule(c: C) {
  const f = await form(c);
  const capacity = f['capacity'] ? Number(f['capacity']) : undefined;
  const r = await scheduleSession(c.get('ctx').engine, actorOf(c), f['date'] ?? '', capacity);
  return c.redirect(`/sessions/${r.session.id}`, 303);
}

async function savePerson(c: C) {
  const ctx = c.get('ctx');
  const f = await form(c);
  const id = (f['id'] ?? '').trim();
  const role = f['role'] as Person['role'];
  if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/.test(id)) throw new ProcessError('invalid', `person: expected a GitHub login or id (letters, digits, . _ @ -), found ${JSON.stringify(id)}`);
  if (!['member', 'staff', 'applicant'].includes(role)) throw new ProcessError('invalid', `person: role must be member, staff or applicant, found ${JSON.stringify(f['role'] ?? null)}`);
  const email = f['email']?.trim() || null;
  const now = ctx.engine.clock.now();
  await upsertPerson(ctx.store.db, { id, role, email, wg: f['wg'] === '1', tac: false }, now.toISOString());
  if (f['password']) {
    if (f['password'].length < 8) throw new ProcessError('invalid', `person ${id}: a password needs at least 8 characters, found ${f['password'].length}`);
    await setPassword(ctx.store.db, id, f['password'], now);
  }
  return c.redirect('/staff#roster', 303);
}

async function retire(c: C) {
  const f = await form(c);
  const p = await retireProject(c.get('ctx').engine, actorOf(c), f['project'] ?? '', (f['reason'] ?? '').trim());
  return c.redirect(`/projects/${p.id}`, 303);
}

/** The waiver form's fields as the engine's input; an empty "until" is the next periodic review. */
export function waiverInput(f: Record<string, string>): WaiverInput {
  return { requirement: (f['requirement'] ?? '').trim(), reason: f['reason'] ?? '', decidedBy: f['decidedBy'] ?? '', decidedIn: f['decidedIn'] ?? '', until: f['until']?.trim() || 'next-review' };
}

async function projectWaiver(c: C) {
  const id = c.req.param('id')!;
  await addWaiver(c.get('ctx').engine, actorOf(c), { project: id }, waiverInput(await form(c)));
  return c.redirect(`/projects/${encodeURIComponent(id)}#waivers-h`, 303);
}

async function revoke(c: C) {
  const f = await form(c);
  await revokeWaiver(c.get('ctx').engine, actorOf(c), c.req.param('id')!, f['reason'] ?? '');
  // back to the page the form was on; only a page of ours can be named
  const m = /^(application|project):([A-Za-z0-9._-]+)$/.exec(f['subject'] ?? '');
  return c.redirect(m ? `/${m[1]}s/${encodeURIComponent(m[2]!)}#waivers-h` : '/staff', 303);
}

export const STAFF_ROUTES: RouteDef[] = [
  { method: 'GET', path: '/staff', access: 'staff', kind: 'page', summary: "staff's desk", example: { path: '/staff', ok: 200 }, handler: staffPage },
  { method: 'POST', path: '/staff/sessions', access: 'staff', kind: 'page', summary: 'schedule a review session', example: { path: '/staff/sessions', form: { date: '2031-01-15', capacity: '8' }, ok: 303 }, handler: schedule },
  { method: 'POST', path: '/staff/people', access: 'staff', kind: 'page', summary: 'add a person or change a role', example: { path: '/staff/people', form: { id: 'newcomer', role: 'member', wg: '1' }, ok: 303 }, handler: savePerson },
  { method: 'POST', path: '/staff/retire', access: 'staff', kind: 'page', summary: 'retire a project', example: { path: '/staff/retire', form: { project: 'lumen', reason: 'unmaintained' }, ok: 303 }, handler: retire },
  {
    method: 'POST',
    path: '/projects/:id/waivers',
    access: 'staff',
    kind: 'page',
    summary: 'record a waiver on a project',
    example: { path: '/projects/lumen/waivers', form: { requirement: 'codeowners', reason: 'maintainers listed in MAINTAINERS.md instead', decidedBy: 'the working group', decidedIn: 'S2', until: '2031-01-01' }, ok: 303 },
    handler: projectWaiver,
  },
  { method: 'POST', path: '/waivers/:id/revoke', access: 'staff', kind: 'page', summary: 'revoke a waiver', example: { path: '/waivers/W1/revoke', form: { reason: 'the project now has a CODEOWNERS file', subject: 'project:lumen' }, ok: 303 }, handler: revoke },
];
