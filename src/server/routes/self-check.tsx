// The self-check page: a repository URL in, a queued check, and the report with fixes when it is
// ready. Limited per visitor (signed-in id, else the client address) on top of the queue's own
// one-job-per-repository rule.
import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from '@hono/zod-openapi';
import type { Report } from '../../report/types.js';
import { listReports } from '../../store/index.js';
import { SELF_CHECK_JOB, selfCheckPath, selfCheckTarget, VisitorLimit, type SelfCheckJob } from '../self-check.js';
import type { C } from '../types.js';
import { Csrf, page, problemPage, StatusTag } from '../views/layout.js';
import { ReportTable } from '../views/report.js';
import { form, type RouteDef } from './table.js';

const limits = new WeakMap<object, VisitorLimit>();

function visitor(c: C): string {
  const v = c.get('viewer');
  if (v) return `user:${v.id}`;
  if (c.get('ctx').web?.trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return `ip:${fwd}`;
  }
  try {
    return `ip:${getConnInfo(c).remote.address ?? 'unknown'}`;
  } catch {
    // app.request() in tests has no socket
    return 'ip:local';
  }
}

function formPage(c: C, message?: string, status: 200 | 400 | 429 | 503 = 200, value = '', path = '') {
  return page(
    c,
    'Check a repository',
    <>
      <p>Any public repository on GitHub or GitLab, judged against the 19 requirements the way the working group sees it, with what to fix.</p>
      {message ? (
        <p class="problem" role="alert">
          {message}
        </p>
      ) : null}
      <form method="post" action="/self-check" class="stack">
        <Csrf c={c} />
        <label for="repo">Repository URL</label>
        <input id="repo" name="repo" type="url" required placeholder="https://github.com/OWNER/NAME" value={value} />
        <label for="path">Folder in the repository (optional, for a project in a monorepo)</label>
        <input id="path" name="path" placeholder="sub/dir" value={path} aria-describedby="path-help" />
        <p id="path-help" class="muted">
          A path inside the repository, like <code>packages/vision</code>; CI and the shared community files still come from its root.
        </p>
        <div>
          <button type="submit" class="primary">
            Check
          </button>
        </div>
      </form>
    </>,
    status,
  );
}

async function submit(c: C) {
  const ctx = c.get('ctx');
  const f = await form(c);
  const input = f['repo'] ?? '';
  const pathInput = f['path'] ?? '';
  const t = selfCheckTarget(input);
  if ('refused' in t) return formPage(c, `That address is refused: ${t.refused}.`, 400, input, pathInput);
  const folder = selfCheckPath(pathInput);
  if ('refused' in folder) return formPage(c, `That folder is refused: ${folder.refused}.`, 400, input, pathInput);
  if (!ctx.jobs) return formPage(c, 'Self-checks are not available on this server (no job queue is running).', 503, input, pathInput);
  let limit = limits.get(ctx);
  if (!limit) limits.set(ctx, (limit = new VisitorLimit(ctx.web?.selfChecksPerHour ?? 5)));
  const wait = limit.take(visitor(c), Date.now());
  if (wait !== null) {
    c.header('Retry-After', String(wait));
    return formPage(c, `You have asked for ${ctx.web?.selfChecksPerHour ?? 5} checks in the last hour; try again in ${Math.ceil(wait / 60)} minutes.`, 429, input, pathInput);
  }
  const data: SelfCheckJob = { url: t.url, ...(folder.path ? { path: folder.path } : {}), requestedAt: new Date().toISOString() };
  const what = folder.path ? `${t.url} (${folder.path})` : t.url;
  const id = await ctx.jobs.enqueue(SELF_CHECK_JOB, data, { singletonKey: folder.path ? `${t.url} ${folder.path}` : t.url, retryLimit: 1 });
  if (id === null) return formPage(c, `${what} is being checked already; its report appears on its badge and will be on the project's page. Try again in a minute.`, 429, input, pathInput);
  return c.redirect(`/self-check/${encodeURIComponent(id)}`, 303);
}

async function status(c: C, id: string) {
  const ctx = c.get('ctx');
  const job = ctx.jobs ? await ctx.jobs.get(id) : undefined;
  if (!job || job.name !== SELF_CHECK_JOB) return null;
  const [stored] = await listReports<Report>(ctx.store.db, { subject: `self-check:${id}`, limit: 1 });
  const data = job.data as SelfCheckJob;
  return { id, url: data.url, path: data.path ?? null, state: job.state, error: job.state === 'dead' || job.state === 'failed' ? job.lastError : null, report: stored?.report ?? null };
}

async function resultPage(c: C) {
  const s = await status(c, c.req.param('id')!);
  if (!s) return problemPage(c, 404, 'Not found', `There is no self-check ${c.req.param('id')}.`);
  if (s.report) {
    return page(
      c,
      `Report for ${s.url}${s.path ? ` (${s.path})` : ''}`,
      <>
        <p>
          <a href={s.url}>{s.url}</a>
          {s.path ? <> · folder <code>{s.path}</code></> : null} · <a href="/self-check">check another</a>
        </p>
        <ReportTable report={s.report} />
      </>,
    );
  }
  return page(
    c,
    `Checking ${s.url}${s.path ? ` (${s.path})` : ''}`,
    <div data-wait-url={s.state === 'dead' ? undefined : `/api/self-checks/${encodeURIComponent(s.id)}`}>
      <p aria-live="polite">
        <StatusTag status={s.state === 'active' ? 'active-job' : s.state} /> {s.state === 'dead' ? `The check failed: ${s.error ?? 'no reason recorded'}` : 'The check is queued or running; this page shows the report when it is ready.'}
      </p>
      {s.state === 'dead' ? null : (
        <p>
          <a href={`/self-check/${encodeURIComponent(s.id)}`}>Refresh</a>
        </p>
      )}
    </div>,
  );
}

export const SELF_CHECK_ROUTES: RouteDef[] = [
  { method: 'GET', path: '/self-check', access: 'public', kind: 'page', summary: 'the self-check form', example: { path: '/self-check', ok: 200 }, handler: (c) => formPage(c) },
  {
    method: 'POST',
    path: '/self-check',
    access: 'public',
    kind: 'page',
    summary: 'queue a self-check of a repository URL',
    example: { path: '/self-check', form: { repo: '/etc/passwd' }, ok: 400 },
    handler: submit,
  },
  { method: 'GET', path: '/self-check/:id', access: 'public', kind: 'page', summary: "a self-check's report", example: { path: '/self-check/none', ok: 404 }, handler: resultPage },
  {
    method: 'GET',
    path: '/api/self-checks/:id',
    access: 'public',
    kind: 'api',
    summary: "a self-check's state and, when ready, its report",
    example: { path: '/api/self-checks/none', ok: 404 },
    openapi: {
      request: { params: z.object({ id: z.string() }) },
      responses: {
        200: { description: 'the job state and report', content: { 'application/json': { schema: z.object({ id: z.string(), url: z.string(), path: z.string().nullable(), state: z.string(), error: z.string().nullable(), report: z.object({}).passthrough().nullable() }) } } },
        404: { description: 'no such self-check' },
      },
    },
    handler: async (c) => {
      const s = await status(c, c.req.param('id')!);
      c.header('Cache-Control', 'no-store');
      return s ? c.json(s) : c.json({ error: `no self-check ${c.req.param('id')}` }, 404);
    },
  },
];
