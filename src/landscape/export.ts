// The model → text: a landscape.yml in the real file's legacy layout (`- category:` /
// `- subcategory:` / `- item:` markers), and the JSON landscape2 publishes as
// api/projects/all.json.
import { renderField } from './emit.js';
import type { LandscapeItem } from './types.js';

/** Key order of the real file: name, description, homepage_url, logo, project, repo_url, then the rest. */
const LEADING = ['name', 'description', 'homepage_url', 'logo', 'project', 'repo_url'] as const;

export interface ExportOptions {
  /** category order; categories not listed follow in order of first appearance */
  categoryOrder?: string[];
}

/** Items → landscape.yml text. Items keep their order within a subcategory. */
export function exportLandscape(items: readonly LandscapeItem[], opts: ExportOptions = {}): string {
  const cats = new Map<string, Map<string, LandscapeItem[]>>();
  for (const c of opts.categoryOrder ?? []) cats.set(c, new Map());
  for (const it of items) {
    let subs = cats.get(it.category);
    if (!subs) cats.set(it.category, (subs = new Map()));
    let list = subs.get(it.subcategory);
    if (!list) subs.set(it.subcategory, (list = []));
    list.push(it);
  }
  const out: string[] = ['landscape:\n'];
  for (const [cat, subs] of cats) {
    if (subs.size === 0) continue;
    out.push('  - category:\n', renderField('name', cat, 4), '    subcategories:\n');
    for (const [sub, list] of subs) {
      out.push('      - subcategory:\n', renderField('name', sub, 8), '        items:\n');
      for (const it of list) out.push('          - item:\n', renderItemFields(it, 12));
    }
  }
  return out.join('');
}

/** The entry's keys as text at `indent`, in the real file's order. */
export function renderItemFields(it: LandscapeItem, indent: number, order?: readonly string[]): string {
  const values = itemValues(it);
  const keys = order ? sortKeys(Object.keys(values), order) : Object.keys(values);
  return keys.map((k) => renderField(k, values[k], indent)).join('');
}

/** The entry as the key → value mapping written to the file (no undefined values). */
export function itemValues(it: LandscapeItem): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  const set = (k: string, val: unknown) => {
    if (val !== undefined) v[k] = val;
  };
  set('name', it.name);
  set('description', it.description);
  set('homepage_url', it.homepage_url || undefined);
  set('logo', it.logo || undefined);
  set('project', it.project);
  set('repo_url', it.repo_url);
  for (const [k, val] of Object.entries(it.fields ?? {})) if (!(LEADING as readonly string[]).includes(k) && k !== 'extra') set(k, val);
  set('extra', it.extra);
  return v;
}

function sortKeys(keys: string[], order: readonly string[]): string[] {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

export interface ProjectsJsonOptions {
  /** landscape URL logos are served under (landscape2: settings `url`); logo_url = URL/logos/FILE */
  landscapeUrl?: string;
  /** landscape2 lists only items with a maturity (`project:`); 'all' lists every item given */
  select?: 'projects' | 'all';
}

/**
 * Items → the JSON landscape2 serves as api/projects/all.json: sorted by lower-cased name, keys in
 * landscape2's order, optional fields only when present. Differences, because we publish without
 * a build: logo_url names the file itself rather than landscape2's content-hashed copy, and the
 * GitHub / Crunchbase data landscape2 collects while building is absent.
 */
export function exportProjectsJson(items: readonly LandscapeItem[], opts: ProjectsJsonOptions = {}): Record<string, unknown>[] {
  const base = (opts.landscapeUrl ?? '').replace(/\/+$/, '');
  const chosen = opts.select === 'all' ? items : items.filter((i) => i.project !== undefined);
  return [...chosen].sort((a, b) => cmp(a.name.toLowerCase(), b.name.toLowerCase())).map((it) => apiItem(it, base));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function apiItem(it: LandscapeItem, base: string): Record<string, unknown> {
  const f = it.fields ?? {};
  const x = it.extra ?? {};
  const s = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const o: Record<string, unknown> = {
    category: it.category,
    homepage_url: it.homepage_url,
    id: it.id,
    logo_url: `${base ? base + '/' : ''}logos/${it.logo}`,
    name: it.name,
    subcategory: it.subcategory,
  };
  const put = (k: string, v: unknown) => {
    if (v !== undefined && v !== null) o[k] = v;
  };
  put('accepted_at', s(x['accepted']));
  const second = Array.isArray(f['second_path']) ? (f['second_path'] as unknown[]) : [];
  const additional = second
    .filter((e): e is string => typeof e === 'string')
    .map((e) => e.split(' / '))
    .filter((p) => p.length === 2 && p[0]!.trim() && p[1]!.trim())
    .map((p) => ({ category: p[0]!.trim(), subcategory: p[1]!.trim() }));
  if (additional.length) put('additional_categories', additional);
  if (x['annotations'] && typeof x['annotations'] === 'object') put('annotations', x['annotations']);
  put('archived_at', s(x['archived']));
  for (const k of ['artwork_url', 'blog_url', 'bluesky_url', 'chat_channel']) put(k, s(x[k]));
  put('crunchbase_url', s(f['crunchbase']));
  put('description', s(it.description));
  put('devstats_url', s(x['dev_stats_url']));
  for (const k of ['discord_url', 'docker_url']) put(k, s(x[k]));
  if (typeof f['enduser'] === 'boolean') put('enduser', f['enduser']);
  for (const k of ['facebook_url', 'github_discussions_url', 'gitter_url']) put(k, s(x[k]));
  put('graduated_at', s(x['graduated']));
  put('incubating_at', s(x['incubating']));
  put('joined_at', s(f['joined']));
  put('latest_annual_review_at', s(x['annual_review_date']));
  put('latest_annual_review_url', s(x['annual_review_url']));
  for (const k of ['lfx_slug', 'linkedin_url', 'mailing_list_url']) put(k, s(x[k]));
  put('maturity', s(it.project));
  put('openssf_best_practices_url', s(f['url_for_bestpractices']));
  if (Array.isArray(x['other_links'])) put('other_links', x['other_links']);
  for (const k of ['package_manager_url', 'pinterest_url', 'reddit_url']) put(k, s(x[k]));
  const repos: Record<string, unknown>[] = [];
  if (s(it.repo_url)) repos.push(repo(it.repo_url!, f['branch'], true));
  if (Array.isArray(f['additional_repos'])) {
    for (const r of f['additional_repos'] as Record<string, unknown>[])
      if (r && s(r['repo_url'])) repos.push(repo(r['repo_url'] as string, r['branch'], false));
  }
  if (repos.length) put('repositories', repos);
  put('slack_url', s(x['slack_url']));
  if (typeof x['specification'] === 'boolean') put('specification', x['specification']);
  put('stack_overflow_url', s(x['stack_overflow_url']));
  if (Array.isArray(x['tag'])) put('tag', x['tag']);
  put('twitter_url', s(f['twitter']));
  put('youtube_url', s(x['youtube_url']));
  return o;
}

function repo(url: string, branch: unknown, primary: boolean): Record<string, unknown> {
  const r: Record<string, unknown> = { url };
  if (typeof branch === 'string') r['branch'] = branch;
  r['primary'] = primary;
  return r;
}
