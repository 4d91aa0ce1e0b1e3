// The public view of the ecosystem's projects: each project with its landscape entry (category,
// logo, link), its status and its latest report; and one project's review history as points of
// commits and contributors per 90-day window. The JSON API and the pages both read these.
import type { LandscapeItem } from '../../landscape/types.js';
import { dateOf } from '../../process/calendar.js';
import { getProject, listProjects } from '../../process/engine-review.js';
import type { Project } from '../../process/types.js';
import type { Report } from '../../report/types.js';
import { listReports, type StoredReport } from '../../store/index.js';
import { normalizeRepoUrl } from '../../process/applications.js';
import type { ServerContext } from '../context.js';
import { judgedReport, listedWaivers, waiverDay, type ListedWaiver } from './waivers.js';

export const LANDSCAPE_SITE = 'https://landscape.pytorch.org';
export const UNLISTED = 'Not yet on the landscape';

export interface ProjectSummary {
  id: string;
  name: string;
  repoUrl: string;
  status: 'active' | 'retired';
  category: string;
  subcategory: string;
  description: string | null;
  /** /logos/<file> when the landscape has a logo for it */
  logo: string | null;
  landscapeUrl: string | null;
  reviewDueOn: string | null;
  retiredOn: string | null;
}

export interface ProjectFilter {
  q?: string;
  category?: string;
  status?: 'active' | 'retired' | 'all';
}

interface ItemIndex {
  byId: Map<string, LandscapeItem>;
  byRepo: Map<string, LandscapeItem>;
}

// the landscape is fixed for the server's life: index it once, not per project per request
const indexes = new WeakMap<LandscapeItem[], ItemIndex>();

function itemFor(ctx: ServerContext, p: Project): LandscapeItem | undefined {
  const items = ctx.landscape?.items;
  if (!items) return undefined;
  let index = indexes.get(items);
  if (!index) {
    index = { byId: new Map(items.map((i) => [i.id, i])), byRepo: new Map() };
    for (const i of items)
      if (i.repo_url && !index.byRepo.has(normalizeRepoUrl(i.repo_url))) index.byRepo.set(normalizeRepoUrl(i.repo_url), i);
    indexes.set(items, index);
  }
  return (p.landscapeId ? index.byId.get(p.landscapeId) : undefined) ?? index.byRepo.get(normalizeRepoUrl(p.repoUrl));
}

export function summarize(ctx: ServerContext, p: Project): ProjectSummary {
  const item = itemFor(ctx, p);
  return {
    id: p.id,
    name: p.name,
    repoUrl: p.repoUrl,
    status: p.status === 'ACTIVE' ? 'active' : 'retired',
    category: item?.category ?? UNLISTED,
    subcategory: item?.subcategory ?? '',
    description: item?.description ?? null,
    logo: item?.logo && ctx.landscape?.logosDir ? `/logos/${encodeURIComponent(item.logo)}` : null,
    landscapeUrl: item ? `${LANDSCAPE_SITE}/?item=${encodeURIComponent(item.id.split('--').at(-1) ?? item.id)}` : null,
    reviewDueOn: p.status === 'ACTIVE' ? (p.pending?.deadlineOn ?? p.reviewDueOn) : null,
    retiredOn: p.retiredOn ?? null,
  };
}

export async function projectList(
  ctx: ServerContext,
  f: ProjectFilter = {},
): Promise<{ projects: ProjectSummary[]; categories: string[] }> {
  const status = f.status ?? 'active';
  const all = (await listProjects(ctx.engine)).map((p) => summarize(ctx, p));
  // the landscape's categories in order, then the projects it does not list yet (in the filter
  // and in the page's sections alike)
  const byCategory = (a: string, b: string) => (a === b ? 0 : a === UNLISTED ? 1 : b === UNLISTED ? -1 : a.localeCompare(b));
  const categories = [...new Set(all.map((p) => p.category))].sort(byCategory);
  const q = f.q?.trim().toLowerCase() ?? '';
  const projects = all
    .filter((p) => status === 'all' || p.status === status)
    .filter((p) => !f.category || p.category === f.category)
    .filter((p) => q === '' || [p.name, p.description ?? '', p.repoUrl, p.subcategory].some((s) => s.toLowerCase().includes(q)))
    .sort((a, b) => byCategory(a.category, b.category) || a.name.localeCompare(b.name));
  return { projects, categories };
}

export interface HistoryPoint {
  reportId: number;
  asOf: string;
  kind: string;
  verdict: string;
  commits: number | null;
  contributors: number | null;
  windowDays: number | null;
}

/** Commits and contributors per window from each stored report of the repository, oldest first. */
export function historyOf(reports: StoredReport<Report>[]): HistoryPoint[] {
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return reports
    .map((r) => {
      const req = (key: string) => r.report.requirements.find((x) => x.key === key)?.measured ?? {};
      const window = req('recent-commits')['window'] as { days?: number } | undefined;
      return {
        reportId: r.id,
        asOf: r.asOf,
        kind: r.kind,
        verdict: r.verdict,
        commits: num(req('recent-commits')['commits']),
        contributors: num(req('active-contributors')['contributors']),
        windowDays: num(window?.days),
      };
    })
    .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : a.reportId - b.reportId));
}

export interface ProjectDetail {
  project: ProjectSummary;
  acceptedOn: string | null;
  lastReviewOn: string | null;
  pending: { deadlineOn: string; failures: { id: number; key: string; summary: string }[] } | null;
  retiredReason: string | null;
  /** the latest own report, judged under the project's waivers as they stand today */
  latest: StoredReport<Report> | null;
  history: HistoryPoint[];
  waivers: ListedWaiver[];
}

export async function projectDetail(ctx: ServerContext, id: string): Promise<ProjectDetail> {
  const p = await getProject(ctx.engine, id);
  const reports = await listReports<Report>(ctx.store.db, { repoKey: normalizeRepoUrl(p.repoUrl) });
  // a report of the repository that belongs to someone else's self-check is not the project's record
  const own = reports.filter((r) => r.kind !== 'self-check');
  const at = waiverDay(ctx, p);
  const latest = own[0] ? { ...own[0], report: judgedReport(own[0].report, p.waivers, at) } : null;
  return {
    project: summarize(ctx, p),
    acceptedOn: p.acceptedOn,
    lastReviewOn: p.lastReviewOn,
    pending: p.pending ? { deadlineOn: p.pending.deadlineOn, failures: p.pending.failures } : null,
    retiredReason: p.retiredReason ?? null,
    latest,
    history: historyOf(own),
    waivers: listedWaivers(`project:${p.id}`, p.waivers, at),
  };
}

/**
 * The project with its latest own report as JSON text: the stored text as it is (nothing parsed)
 * unless the project has waivers, which judge it as they stand today. What the report API sends.
 */
export async function projectLatest(ctx: ServerContext, id: string): Promise<{ project: ProjectSummary; latest: string | null }> {
  const p = await getProject(ctx.engine, id);
  const row = await ctx.store.db
    .selectFrom('reports')
    .select('report')
    .where('repo_key', '=', normalizeRepoUrl(p.repoUrl))
    .where('kind', '!=', 'self-check')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  let latest = row?.report ?? null;
  if (latest !== null && p.waivers?.length)
    latest = JSON.stringify(judgedReport(JSON.parse(latest) as Report, p.waivers, waiverDay(ctx, p)));
  return { project: summarize(ctx, p), latest };
}

export function daysUntil(ctx: ServerContext, day: string): number {
  const today = dateOf(ctx.engine.clock.now());
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
