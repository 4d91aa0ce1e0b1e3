// The public side: the projects by category, a project's page with its latest report and review
// history, badges, logos and the stylesheet and script. The JSON API reads the same functions.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from '@hono/zod-openapi';
import { normalizeRepoUrl } from '../../process/applications.js';
import { getProject } from '../../process/engine-review.js';
import type { Report } from '../../report/types.js';
import { listReports } from '../../store/index.js';
import { badgeSvg } from '../badge.js';
import { cachedBody } from '../page-cache.js';
import { daysUntil, projectDetail, projectLatest, projectList, type ProjectFilter } from '../data/projects.js';
import type { C } from '../types.js';
import { ASSETS } from '../views/assets.js';
import { HistoryChart } from '../views/chart.js';
import { day, page, StatusTag } from '../views/layout.js';
import { ReportTable } from '../views/report.js';
import { Waivers } from '../views/waivers.js';
import { DataTable } from '../views/table.js';
import { publicDecisions } from '../data/decisions.js';
import { sendCached, versioned, type RouteDef } from './table.js';

function filterOf(c: C): ProjectFilter {
  const status = c.req.query('status');
  return {
    q: c.req.query('q') ?? '',
    category: c.req.query('category') ?? '',
    status: status === 'retired' || status === 'all' ? status : 'active',
  };
}

async function projectsPage(c: C) {
  const f = filterOf(c);
  const { projects, categories } = await projectList(c.get('ctx'), f);
  const groups = new Map<string, typeof projects>();
  for (const p of projects) groups.set(p.category, [...(groups.get(p.category) ?? []), p]);
  return page(
    c,
    'Ecosystem projects',
    <>
      <p>
        Projects of the PyTorch Ecosystem, checked against the TAC's 19 requirements at every six-monthly review. The full landscape is on{' '}
        <a href="https://landscape.pytorch.org">landscape.pytorch.org</a>.
      </p>
      <form method="get" action="/" class="filters" role="search">
        <div>
          <label for="q">Search</label>
          <input id="q" name="q" type="search" value={f.q} />
        </div>
        <div>
          <label for="category">Category</label>
          <select id="category" name="category">
            <option value="">All categories</option>
            {categories.map((cat) => (
              <option value={cat} selected={cat === f.category}>
                {cat}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="status">Status</label>
          <select id="status" name="status">
            {(['active', 'retired', 'all'] as const).map((s) => (
              <option value={s} selected={s === f.status}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Show</button>
      </form>
      <p aria-live="polite">
        {projects.length} {projects.length === 1 ? 'project' : 'projects'}
      </p>
      {[...groups].map(([category, list]) => (
        <section aria-labelledby={`cat-${slug(category)}`}>
          <h2 id={`cat-${slug(category)}`}>{category}</h2>
          <ul class="cards">
            {list.map((p) => (
              <li class="card">
                {p.logo ? (
                  <img src={p.logo} alt="" width="48" height="48" loading="lazy" decoding="async" />
                ) : (
                  <span class="logo-none" aria-hidden="true">
                    {p.name.slice(0, 1).toUpperCase()}
                  </span>
                )}
                <div>
                  <h3>
                    <a href={`/projects/${encodeURIComponent(p.id)}`}>{p.name}</a>
                  </h3>
                  <StatusTag status={p.status} /> {p.subcategory ? <span class="muted">{p.subcategory}</span> : null}
                  {p.description ? <p>{p.description}</p> : null}
                  {p.landscapeUrl ? (
                    <p>
                      <a href={p.landscapeUrl}>
                        On the landscape<span class="visually-hidden"> ({p.name})</span>
                      </a>
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>,
  );
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

async function projectPage(c: C) {
  const ctx = c.get('ctx');
  const d = await projectDetail(ctx, c.req.param('id')!);
  const p = d.project;
  return page(
    c,
    p.name,
    <>
      <p>
        <StatusTag status={p.status} /> {p.category}
        {p.subcategory ? ` · ${p.subcategory}` : ''}
      </p>
      {p.description ? <p>{p.description}</p> : null}
      <dl class="facts">
        <dt>Repository</dt>
        <dd>
          <a href={p.repoUrl}>{p.repoUrl}</a>
        </dd>
        <dt>Accepted</dt>
        <dd>{d.acceptedOn ?? 'before Steward (date unknown)'}</dd>
        <dt>Last review</dt>
        <dd>{d.lastReviewOn ? day(d.lastReviewOn) : 'none since acceptance yet (the chart shows the checks made while it applied)'}</dd>
        {p.status === 'active' ? (
          <>
            <dt>Next review due</dt>
            <dd>
              {d.pending ? `fix deadline ${d.pending.deadlineOn} (${daysUntil(ctx, d.pending.deadlineOn)} days left)` : `${p.reviewDueOn} (in ${daysUntil(ctx, p.reviewDueOn!)} days)`}
            </dd>
          </>
        ) : (
          <>
            <dt>Retired</dt>
            <dd>
              {p.retiredOn ?? 'before Steward'}
              {d.retiredReason ? ` — ${d.retiredReason}` : ''}
            </dd>
          </>
        )}
        {p.landscapeUrl ? (
          <>
            <dt>Landscape</dt>
            <dd>
              <a href={p.landscapeUrl}>landscape.pytorch.org</a>
            </dd>
          </>
        ) : null}
        <dt>Badge</dt>
        <dd>
          <img src={`/badge/${encodeURIComponent(p.id)}.svg`} alt={`PyTorch Ecosystem: ${p.status}`} height="20" />
        </dd>
      </dl>
      <h2>Review history</h2>
      <HistoryChart points={d.history} />
      <h2>Latest report</h2>
      {d.latest ? <ReportTable report={d.latest.report} /> : <p class="muted">No report stored yet.</p>}
      <Waivers c={c} waivers={d.waivers} subject={`project:${p.id}`} action={p.status === 'active' ? `/projects/${encodeURIComponent(p.id)}/waivers` : null} />
    </>,
  );
}

const BADGE_CACHE = 'public, max-age=300, stale-while-revalidate=3600';

async function projectBadge(c: C) {
  const id = c.req.param('file')!.replace(/\.svg$/, '');
  const ctx = c.get('ctx');
  const hit = await versioned(c, `badge ${id}`, async () => {
    try {
      const p = await getProject(ctx.engine, id);
      return cachedBody(badgeSvg('PyTorch Ecosystem', p.status === 'ACTIVE' ? 'active' : 'retired', p.status === 'ACTIVE' ? 'ok' : 'bad'), 'image/svg+xml');
    } catch {
      // not kept: any name may be asked for, and the cache is for what exists
      return null;
    }
  });
  return sendCached(c, hit ?? cachedBody(badgeSvg('PyTorch Ecosystem', 'not a project', 'none'), 'image/svg+xml', 404), BADGE_CACHE);
}

async function repoBadge(c: C) {
  const key = normalizeRepoUrl(`https://${c.req.param('host')}/${c.req.param('owner')}/${c.req.param('file')!.replace(/\.svg$/, '')}`);
  const hit = await versioned(c, `repo-badge ${key}`, async () => {
    const [latest] = await listReports<Report>(c.get('ctx').store.db, { repoKey: key, limit: 1 });
    if (!latest) return null;
    const failing = latest.report.requirements.filter((r) => r.status === 'fail').length;
    return cachedBody(
      badgeSvg('Steward check', failing > 0 ? `${latest.verdict} · ${failing} failing` : latest.verdict, latest.verdict === 'pass' ? 'ok' : latest.verdict === 'fail' ? 'bad' : 'warn'),
      'image/svg+xml',
    );
  });
  return sendCached(c, hit ?? cachedBody(badgeSvg('Steward check', 'not checked', 'none'), 'image/svg+xml', 404), BADGE_CACHE);
}

const LOGO_TYPES: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };

async function logo(c: C) {
  const name = c.req.param('file')!;
  const dir = c.get('ctx').landscape?.logosDir;
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  // a plain file name only: nothing outside the logos folder can be named
  if (!dir || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || !LOGO_TYPES[ext]) return c.text('no such logo', 404);
  let data: Buffer;
  try {
    data = await readFile(join(dir, name));
  } catch {
    return c.text('no such logo', 404);
  }
  // an SVG may carry script: as an image it never runs, opened directly it must not either
  c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
  c.header('Cache-Control', 'public, max-age=86400');
  c.header('Content-Type', LOGO_TYPES[ext]!);
  return c.body(new Uint8Array(data));
}

function asset(c: C) {
  const a = ASSETS[c.req.param('file')!];
  if (!a) return c.text('no such file', 404);
  c.header('ETag', a.etag);
  c.header('Cache-Control', 'public, max-age=31536000, immutable');
  if (c.req.header('if-none-match') === a.etag) return c.body(null, 304);
  c.header('Content-Type', a.type);
  return c.body(a.body);
}

async function decisionsPage(c: C) {
  const list = await publicDecisions(c.get('ctx'));
  return page(
    c,
    'Decisions',
    <>
      <p>
        What the working group and the periodic reviews decided about the ecosystem, newest first: projects accepted and joining, reviews passed and failed, retirements, waivers
        on projects and amendments to the policy. Decisions on applications that were not accepted stay with the working group and the applicant.
      </p>
      {list.length === 0 ? (
        <p class="muted">Nothing decided yet.</p>
      ) : (
        <DataTable
          label="Decisions"
          stack
          head={['Day', 'Decision', 'Project']}
          rows={list.map((d) => [
            d.on,
            <>
              <StatusTag status={d.kind.replace(/ /g, '_')} /> {d.text}
            </>,
            d.project ? <a href={`/projects/${encodeURIComponent(d.project)}`}>{d.project}</a> : '—',
          ])}
        />
      )}
    </>,
  );
}

const ProjectSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    repoUrl: z.string(),
    status: z.enum(['active', 'retired']),
    category: z.string(),
    subcategory: z.string(),
    description: z.string().nullable(),
    logo: z.string().nullable(),
    landscapeUrl: z.string().nullable(),
    reviewDueOn: z.string().nullable(),
    retiredOn: z.string().nullable(),
  })
  .openapi('ProjectSummary');

const json = (schema: z.ZodType, description: string) => ({ 200: { description, content: { 'application/json': { schema } } } });
const idParam = { params: z.object({ id: z.string().openapi({ example: 'lumen' }) }) };

export const PUBLIC_ROUTES: RouteDef[] = [
  { method: 'GET', path: '/', access: 'public', kind: 'page', summary: 'projects by category, with search and filters', cachePublic: true, example: { path: '/', ok: 200 }, handler: projectsPage },
  { method: 'GET', path: '/projects/:id', access: 'public', kind: 'page', summary: "a project's page", cachePublic: true, example: { path: '/projects/lumen', ok: 200 }, handler: projectPage },
  { method: 'GET', path: '/badge/:file{[^/]+\\.svg}', access: 'public', kind: 'asset', summary: "a project's ecosystem badge", example: { path: '/badge/lumen.svg', ok: 200 }, handler: projectBadge },
  {
    method: 'GET',
    path: '/badge/repo/:host/:owner/:file{[^/]+\\.svg}',
    access: 'public',
    kind: 'asset',
    summary: "a checked repository's verdict badge",
    example: { path: '/badge/repo/github.com/demo-org/lumen.svg', ok: 200 },
    handler: repoBadge,
  },
  { method: 'GET', path: '/logos/:file', access: 'public', kind: 'asset', summary: 'a landscape logo', example: { path: '/logos/lumen.svg', ok: 200 }, handler: logo },
  { method: 'GET', path: '/static/:file', access: 'public', kind: 'asset', summary: 'the stylesheet and script', example: { path: '/static/steward.css', ok: 200 }, handler: asset },
  { method: 'GET', path: '/decisions', access: 'public', kind: 'page', summary: 'the public log of decisions', cachePublic: true, example: { path: '/decisions', ok: 200 }, handler: decisionsPage },
  {
    method: 'GET',
    path: '/api/decisions',
    access: 'public',
    kind: 'api',
    summary: 'the public log of decisions, newest first',
    example: { path: '/api/decisions', ok: 200 },
    openapi: {
      responses: json(
        z.object({ decisions: z.array(z.object({ seq: z.number(), on: z.string(), kind: z.string(), project: z.string().nullable(), text: z.string() }).openapi('Decision')) }),
        'what was decided about the ecosystem',
      ),
    },
    handler: async (c) => c.json({ decisions: await publicDecisions(c.get('ctx')) }),
  },
  {
    method: 'GET',
    path: '/api/projects',
    access: 'public',
    kind: 'api',
    summary: 'the ecosystem projects (q, category, status=active|retired|all)',
    example: { path: '/api/projects', ok: 200 },
    openapi: {
      request: { query: z.object({ q: z.string().optional(), category: z.string().optional(), status: z.enum(['active', 'retired', 'all']).optional() }) },
      responses: json(z.object({ projects: z.array(ProjectSummarySchema), categories: z.array(z.string()) }), 'the projects matching the filters'),
    },
    handler: async (c) => c.json(await projectList(c.get('ctx'), filterOf(c))),
  },
  {
    method: 'GET',
    path: '/api/projects/:id',
    access: 'public',
    kind: 'api',
    summary: 'one project: status, dates, review history',
    example: { path: '/api/projects/lumen', ok: 200 },
    openapi: {
      request: idParam,
      responses: {
        ...json(z.object({ project: ProjectSummarySchema, acceptedOn: z.string().nullable(), lastReviewOn: z.string().nullable(), history: z.array(z.object({ asOf: z.string(), commits: z.number().nullable(), contributors: z.number().nullable() }).passthrough()) }).passthrough(), 'the project'),
        404: { description: 'no such project' },
      },
    },
    handler: async (c) => {
      const { latest: _latest, ...rest } = await projectDetail(c.get('ctx'), c.req.param('id')!);
      return c.json(rest);
    },
  },
  {
    method: 'GET',
    path: '/api/projects/:id/report',
    access: 'public',
    kind: 'api',
    summary: "the project's latest report (steward.report/v1)",
    example: { path: '/api/projects/lumen/report', ok: 200 },
    openapi: { request: idParam, responses: { ...json(z.object({ schema: z.literal('steward.report/v1') }).passthrough(), 'the latest stored report'), 404: { description: 'no such project, or no report yet' } } },
    handler: async (c) => {
      const id = c.req.param('id')!;
      let missing: string | undefined;
      const hit = await versioned(c, `report ${id}`, async () => {
        const d = await projectLatest(c.get('ctx'), id);
        if (d.latest) return cachedBody(d.latest, 'application/json');
        missing = d.project.id;
        return null;
      });
      if (!hit) return c.json({ error: `project ${missing} has no stored report yet` }, 404);
      return sendCached(c, hit, 'public, max-age=60');
    },
  },
];
