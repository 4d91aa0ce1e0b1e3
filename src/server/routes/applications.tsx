// The working group's desk for applications: the queue in review order, an application's page
// with its report, changes, questions and the vote panel, and the actions on it. Ballots go
// through the engine's castVote, the same ballot store as `steward vote cast` and the GitHub App.
import { z } from '@hono/zod-openapi';
import * as apps from '../../process/engine-applications.js';
import { ProcessError } from '../../process/errors.js';
import { CHOICES } from '../../process/voting.js';
import type { Application, Choice, DecisionOutcome, OnboardingItemKey } from '../../process/types.js';
import { applicationDetail, queue, tallyFor, visibleApplication } from '../data/applications.js';
import { FIELDS } from '../../process/form/fields.js';
import type { C } from '../types.js';
import { isStaff, isWg } from '../types.js';
import { Onboarding, StaffActions, VotePanel } from '../views/application.js';
import { Csrf, day, page, problemPage, StatusTag } from '../views/layout.js';
import { ChangesList, ReportTable } from '../views/report.js';
import { DataTable } from '../views/table.js';
import { Waivers } from '../views/waivers.js';
import { judgedReport, listedWaivers, waiverDay } from '../data/waivers.js';
import { addWaiver } from '../../process/engine-waivers.js';
import { waiverInput } from './staff.js';
import { actorOf, form, type RouteDef } from './table.js';
import { answerText } from '../views/answer-text.js';

const FORM_LABEL = new Map<string, string>(FIELDS.map((f) => [f.name, f.label]));
const FORM_ORDER = new Map<string, number>(FIELDS.map((f, i) => [f.name, i]));

async function queuePage(c: C) {
  const q = await queue(c.get('ctx'));
  return page(
    c,
    'Application queue',
    <>
      <p>
        Review order: returning applications first, then first come, first served. A session takes {q.capacity} by default
        {q.nextSession ? (
          <>
            ; the next is <a href={`/sessions/${q.nextSession.id}`}>{q.nextSession.id}</a> on {q.nextSession.date}
          </>
        ) : (
          '; none is scheduled'
        )}
        .
      </p>
      <h2>Next session's slots</h2>
      {q.nextSlots.length === 0 ? (
        <p class="muted">Nothing is waiting.</p>
      ) : (
        <ol>
          {q.nextSlots.map((r) => (
            <li>
              <a href={`/applications/${r.id}`}>{r.projectName}</a> {r.returning ? <StatusTag status="returning" /> : null} <span class="muted">waiting {r.ageDays} days</span>
            </li>
          ))}
        </ol>
      )}
      {q.byState.map((g) => (
        <section aria-labelledby={`st-${g.state}`}>
          <h2 id={`st-${g.state}`}>
            {g.state.replace(/_/g, ' ').toLowerCase()} ({g.rows.length})
          </h2>
          {g.rows.length === 0 ? (
            <p class="muted">None.</p>
          ) : (
            <DataTable
              label={`${g.state.replace(/_/g, ' ').toLowerCase()} applications`}
              head={['Application', 'Submitted', 'Age (days)', 'Session']}
              rows={g.rows.map((r) => [
                <a href={`/applications/${r.id}`}>
                  #{r.id} {r.projectName}
                </a>,
                r.submittedOn,
                String(r.ageDays),
                r.sessionId ? <a href={`/sessions/${r.sessionId}`}>{r.sessionId}</a> : '—',
              ])}
            />
          )}
        </section>
      ))}
    </>,
  );
}

/** An application still being decided or onboarded: questions may be asked and waivers recorded. */
const OPEN_STATES: Application['status'][] = ['NEW', 'RETURNING', 'WAITING_ON_COMMENT', 'IN_REVIEW', 'ACCEPTED', 'ONBOARDING'];

async function applicationPage(c: C) {
  const ctx = c.get('ctx');
  const v = c.get('viewer')!;
  const app = await visibleApplication(ctx, c.req.param('id')!, v);
  if (!app) return problemPage(c, 404, 'Not found', `There is no application ${c.req.param('id')} that you may see.`);
  const d = await applicationDetail(ctx, app, v);
  // under the form's own questions and in its order (a field the form no longer asks keeps its name, last)
  const fields = Object.entries(app.fields)
    .filter(([, val]) => val !== null && val !== undefined && val !== '')
    .map(([k, val]) => [FORM_LABEL.get(k) ?? k, val, FORM_ORDER.get(k) ?? FIELDS.length] as const)
    .sort((a, b) => a[2] - b[2]);
  const at = waiverDay(ctx);
  return page(
    c,
    `#${app.id} ${app.projectName}`,
    <>
      <p>
        <StatusTag status={app.status} /> {app.returning ? <StatusTag status="returning" /> : null}
        {d.projectStatus !== null && d.projectStatus !== 'ACTIVE' ? (
          <>
            {' '}
            · project <StatusTag status={d.projectStatus} />{' '}
          </>
        ) : null}{' '}
        submitted {day(app.submittedAt)} by {app.applicant}
        {app.sessionId ? (
          <>
            {' '}
            · session <a href={`/sessions/${app.sessionId}`}>{app.sessionId}</a>
          </>
        ) : null}
      </p>
      <dl class="facts">
        <dt>Repository</dt>
        <dd>
          <a href={app.repoUrl}>{app.repoUrl}</a>
        </dd>
        {isWg(v) || app.applicant === v.id ? (
          <>
            <dt>Contacts</dt>
            <dd>{app.contacts.join(', ')}</dd>
          </>
        ) : null}
        {app.decision ? (
          <>
            <dt>Decision</dt>
            <dd>
              {app.decision.outcome.toLowerCase().replace(/_/g, ' ')} on {day(app.decision.at)}: {app.decision.reason}
            </dd>
          </>
        ) : null}
        {app.projectId ? (
          <>
            <dt>Project</dt>
            <dd>
              <a href={`/projects/${app.projectId}`}>{app.projectId}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {d.tally ? <VotePanel c={c} app={app} t={d.tally} /> : null}
      {isStaff(v) ? <StaffActions c={c} app={app} /> : null}
      <Onboarding c={c} app={app} />
      <h2>Form answers</h2>
      {fields.length === 0 ? (
        <p class="muted">None recorded.</p>
      ) : (
        <dl class="facts">
          {fields.map(([k, val]) => (
            <>
              <dt>{k}</dt>
              <dd>{answerText(val)}</dd>
            </>
          ))}
        </dl>
      )}
      <h2>Report</h2>
      {d.report ? <ReportTable report={judgedReport(d.report.report, app.waivers, at)} /> : <p class="muted">No report attached yet.</p>}
      <h3>Changes since the last report</h3>
      <ChangesList diff={d.changes} />
      <Waivers c={c} waivers={listedWaivers(`application:${app.id}`, app.waivers, at)} subject={`application:${app.id}`} action={OPEN_STATES.includes(app.status) ? `/applications/${app.id}/waivers` : null} />
      <h2>Questions and answers</h2>
      {app.questions.length === 0 ? <p class="muted">No questions.</p> : null}
      <ol>
        {app.questions.map((q) => (
          <li>
            <p>
              <strong>{q.askedBy}</strong> asked on {day(q.askedAt)}: {q.text}
            </p>
            {q.answer ? (
              <p>
                <strong>{q.answeredBy}</strong> answered on {day(q.answeredAt)}: {q.answer}
              </p>
            ) : (
              <p class="muted">Not answered yet.</p>
            )}
          </li>
        ))}
      </ol>
      {isWg(v) && OPEN_STATES.includes(app.status) ? (
        <form method="post" action={`/applications/${app.id}/questions`} class="stack">
          <Csrf c={c} />
          <label for="question">Ask the applicant</label>
          <textarea id="question" name="text" required rows={3}></textarea>
          <button type="submit">Ask</button>
        </form>
      ) : null}
      {app.applicant === v.id && app.status === 'WAITING_ON_COMMENT' ? (
        <form method="post" action={`/applications/${app.id}/answer`} class="stack">
          <Csrf c={c} />
          <label for="answer">Your answer</label>
          <textarea id="answer" name="text" required rows={3}></textarea>
          <button type="submit">Answer</button>
        </form>
      ) : null}
    </>,
  );
}

/** Runs an engine action on an application the viewer may see, then back to its page. */
function action(run: (c: C, id: string, f: Record<string, string>) => Promise<unknown>) {
  return async (c: C) => {
    const id = c.req.param('id')!;
    if (!(await visibleApplication(c.get('ctx'), id, c.get('viewer')!))) return problemPage(c, 404, 'Not found', `There is no application ${id} that you may see.`);
    await run(c, id, await form(c));
    return c.redirect(`/applications/${id}`, 303);
  };
}

function choiceOf(value: string | undefined): Choice {
  if (!CHOICES.includes(value as Choice)) throw new ProcessError('invalid', `ballot: expected one of ${CHOICES.join(', ')}, found ${JSON.stringify(value ?? null)}`);
  return value as Choice;
}

const eng = (c: C) => c.get('ctx').engine;

const TallySchema = z
  .object({
    open: z.boolean(),
    approvals: z.number(),
    rejections: z.number(),
    abstentions: z.number(),
    notVoted: z.number(),
    rosterSize: z.number(),
    needed: z.number(),
    approved: z.boolean(),
    pending: z.array(z.string()),
    mine: z.string().nullable(),
  })
  .passthrough()
  .openapi('Tally');

const example = (path: string, extra: Partial<RouteDef['example']> = {}): RouteDef['example'] => ({ path, ok: 303, ...extra });

export const APPLICATION_ROUTES: RouteDef[] = [
  { method: 'GET', path: '/queue', access: 'wg', kind: 'page', summary: 'the application queue', example: { path: '/queue', ok: 200 }, handler: queuePage },
  { method: 'GET', path: '/applications/:id', access: 'wg-or-owner', kind: 'page', summary: "an application's page", example: { path: '/applications/8', ok: 200 }, handler: applicationPage },
  {
    method: 'POST',
    path: '/applications/:id/ballot',
    access: 'wg',
    kind: 'page',
    summary: 'cast or change a ballot',
    example: example('/applications/8/ballot', { form: { choice: 'approve' } }),
    handler: action((c, id, f) => apps.castVote(eng(c), actorOf(c), id, choiceOf(f['choice']))),
  },
  {
    method: 'POST',
    path: '/applications/:id/questions',
    access: 'wg',
    kind: 'page',
    summary: 'ask the applicant a question',
    example: example('/applications/10/questions', { form: { text: 'Which PyTorch versions do you test?' } }),
    handler: action((c, id, f) => apps.askQuestion(eng(c), actorOf(c), id, f['text'] ?? '')),
  },
  {
    method: 'POST',
    path: '/applications/:id/answer',
    access: 'wg-or-owner',
    kind: 'page',
    summary: "the applicant's answer",
    example: example('/applications/9/answer', { form: { text: 'We test 2.4 and 2.5.' }, expect: { member: 403 } }),
    handler: action((c, id, f) => apps.answerQuestion(eng(c), actorOf(c), id, f['text'] ?? '')),
  },
  {
    method: 'POST',
    path: '/applications/:id/vote/open',
    access: 'staff',
    kind: 'page',
    summary: 'open the vote',
    example: example('/applications/10/vote/open'),
    handler: action((c, id) => apps.openVote(eng(c), actorOf(c), id)),
  },
  {
    method: 'POST',
    path: '/applications/:id/vote/close',
    access: 'staff',
    kind: 'page',
    summary: 'close the vote',
    example: example('/applications/8/vote/close'),
    handler: action((c, id) => apps.closeVote(eng(c), actorOf(c), id)),
  },
  {
    method: 'POST',
    path: '/applications/:id/decision',
    access: 'staff',
    kind: 'page',
    summary: 'record the decision',
    example: example('/applications/7/decision', { form: { outcome: 'ACCEPTED', reason: 'meets the bar' } }),
    handler: action((c, id, f) => apps.decide(eng(c), actorOf(c), id, (f['outcome'] ?? '') as DecisionOutcome, f['reason'] ?? '')),
  },
  {
    method: 'POST',
    path: '/applications/:id/onboarding/start',
    access: 'staff',
    kind: 'page',
    summary: 'start onboarding',
    example: example('/applications/6/onboarding/start'),
    handler: action((c, id) => apps.startOnboarding(eng(c), actorOf(c), id)),
  },
  {
    method: 'POST',
    path: '/applications/:id/onboarding/item',
    access: 'wg-or-owner',
    kind: 'page',
    summary: 'record an onboarding item as done',
    example: example('/applications/1/onboarding/item', { form: { item: 'logo', note: 'hosted_logos/six.svg' }, expect: { member: 403 } }),
    handler: action((c, id, f) => apps.completeOnboardingItem(eng(c), actorOf(c), id, (f['item'] ?? '') as OnboardingItemKey, f['note']?.trim() || undefined)),
  },
  {
    method: 'POST',
    path: '/applications/:id/waivers',
    access: 'staff',
    kind: 'page',
    summary: 'record a waiver on an application',
    example: example('/applications/10/waivers', { form: { requirement: '14', reason: 'a niche field; adoption judged by downstream users', decidedBy: 'the working group', decidedIn: 'S2', until: '' } }),
    handler: action((c, id, f) => addWaiver(eng(c), actorOf(c), { application: id }, waiverInput(f))),
  },
  {
    method: 'GET',
    path: '/api/applications/:id',
    access: 'wg-or-owner',
    kind: 'api',
    summary: 'an application with its latest report, changes and (for the working group) the tally',
    example: { path: '/api/applications/8', ok: 200 },
    openapi: { request: { params: z.object({ id: z.string() }) }, responses: { 200: { description: 'the application', content: { 'application/json': { schema: z.object({ application: z.object({ id: z.string(), status: z.string() }).passthrough(), tally: TallySchema.nullable() }).passthrough() } } }, 404: { description: 'no application you may see' } } },
    handler: async (c) => {
      const ctx = c.get('ctx');
      const app = await visibleApplication(ctx, c.req.param('id')!, c.get('viewer')!);
      if (!app) return c.json({ error: `no application ${c.req.param('id')} that you may see` }, 404);
      return c.json(await applicationDetail(ctx, app, c.get('viewer')!));
    },
  },
  {
    method: 'GET',
    path: '/api/applications/:id/tally',
    access: 'wg',
    kind: 'api',
    summary: "the vote's live tally against the roster",
    example: { path: '/api/applications/8/tally', ok: 200 },
    openapi: { request: { params: z.object({ id: z.string() }) }, responses: { 200: { description: 'the tally', content: { 'application/json': { schema: TallySchema } } }, 404: { description: 'no vote on this application' } } },
    handler: async (c) => {
      const ctx = c.get('ctx');
      const app = await apps.getApplication(ctx.engine, c.req.param('id')!);
      const t = tallyFor(ctx, app, c.get('viewer'));
      c.header('Cache-Control', 'no-store');
      return t ? c.json(t) : c.json({ error: `application ${app.id} has no vote` }, 404);
    },
  },
  {
    method: 'POST',
    path: '/api/applications/:id/ballot',
    access: 'wg',
    kind: 'api',
    summary: 'cast or change a ballot: {"choice":"approve"|"reject"|"abstain"}',
    example: { path: '/api/applications/8/ballot', form: { choice: 'reject' }, ok: 200 },
    openapi: {
      request: { params: z.object({ id: z.string() }), body: { content: { 'application/json': { schema: z.object({ choice: z.enum(['approve', 'reject', 'abstain']) }) } } } },
      responses: { 200: { description: 'the tally after the ballot', content: { 'application/json': { schema: TallySchema } } }, 409: { description: 'the vote is closed or not open' } },
    },
    handler: async (c) => {
      const ctx = c.get('ctx');
      const type = c.req.header('content-type') ?? '';
      const body = type.includes('json') ? ((await c.req.json().catch(() => ({}))) as Record<string, unknown>) : await form(c);
      const choice = body['choice'];
      if (typeof choice !== 'string' || !CHOICES.includes(choice as Choice)) return c.json({ error: `expected {"choice": one of ${CHOICES.join(', ')}}, found ${JSON.stringify(choice ?? null)}` }, 400);
      const app = await apps.castVote(ctx.engine, actorOf(c), c.req.param('id')!, choice as Choice);
      return c.json(tallyFor(ctx, app, c.get('viewer')));
    },
  },
];

