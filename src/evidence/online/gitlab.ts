// GitLab (gitlab.com or self-managed) through its REST API v4: the project (stars, archived,
// default branch, license), the default branch's latest finished pipeline and the latest release.
// Three conditional GETs; community files come from the clone itself, as GitLab has no
// organisation-level equivalent of GitHub's `.github` repository.
import type { HostedRepoEvidence } from '../types.js';
import { getJson, HttpError, type HttpCache, type SourceCounter } from './http-cache.js';
import { InputError } from '../../util/errors.js';
import type { OnlineSource } from './errors.js';

interface GlProject {
  id: number;
  path_with_namespace: string;
  web_url: string;
  star_count: number;
  archived: boolean;
  default_branch: string | null;
  last_activity_at?: string;
  license?: { key: string; name: string } | null;
}
interface GlPipeline {
  id: number;
  status: string;
  ref: string;
  sha: string;
  web_url: string;
  updated_at: string;
  source?: string;
}
interface GlRelease {
  name: string | null;
  tag_name: string;
  released_at: string | null;
  _links?: { self?: string };
}

export interface GitLabOptions {
  /** API base (default https://gitlab.com/api/v4) */
  baseUrl?: string;
  token?: string;
  cache: HttpCache;
  counter: SourceCounter;
  retryBaseMs?: number;
  fetch?: typeof fetch;
}

export class GitLabAuthError extends InputError {
  override name = 'GitLabAuthError';
}

const FINISHED = new Set(['success', 'failed', 'canceled']);
// GitLab's license keys are lower-case; the common ones as SPDX ids
const SPDX: Record<string, string> = {
  mit: 'MIT',
  'apache-2.0': 'Apache-2.0',
  'bsd-3-clause': 'BSD-3-Clause',
  'bsd-2-clause': 'BSD-2-Clause',
  'gpl-3.0': 'GPL-3.0',
  'gpl-2.0': 'GPL-2.0',
  'lgpl-3.0': 'LGPL-3.0',
  'mpl-2.0': 'MPL-2.0',
  unlicense: 'Unlicense',
  isc: 'ISC',
};

export async function gitlabRepoEvidence(
  path: string,
  opts: GitLabOptions,
): Promise<{ evidence?: HostedRepoEvidence; failures: Partial<Record<OnlineSource, string>> }> {
  const base = (opts.baseUrl ?? 'https://gitlab.com/api/v4').replace(/\/+$/, '');
  const common = {
    cache: opts.cache,
    counter: opts.counter,
    identity: opts.token ? 'auth' : 'anon',
    ...(opts.token ? { headers: { 'private-token': opts.token } } : {}),
    ...(opts.retryBaseMs !== undefined ? { retryBaseMs: opts.retryBaseMs } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  };
  const failures: Partial<Record<OnlineSource, string>> = {};
  const id = encodeURIComponent(path);
  let project: GlProject | undefined;
  try {
    const a = await getJson<GlProject>(`${base}/projects/${id}?license=true`, common);
    if (a.status === 404) throw new InputError(`${path} does not exist on GitLab at ${base}, or is private and the token can't see it`);
    project = a.data;
  } catch (err) {
    if (err instanceof HttpError && err.status === 401) {
      throw new GitLabAuthError(`GitLab rejected the token from GITLAB_TOKEN (401) at ${base}; replace it, or run with --offline`);
    }
    if (err instanceof InputError) throw err;
    failures.gitlab = `GitLab: ${(err as Error).message}`;
    return { failures };
  }
  if (!project) return { failures };
  const ev: HostedRepoEvidence = {
    stars: project.star_count,
    archived: project.archived,
    defaultBranch: project.default_branch ?? '',
    url: project.web_url,
  };
  if (project.last_activity_at) ev.pushedAt = project.last_activity_at;
  if (project.license?.key) ev.license = SPDX[project.license.key] ?? project.license.key;
  const branch = project.default_branch;
  await Promise.all([
    (async () => {
      if (!branch) return;
      try {
        const a = await getJson<GlPipeline[]>(
          `${base}/projects/${project.id}/pipelines?ref=${encodeURIComponent(branch)}&per_page=20`,
          common,
        );
        const done = (a.data ?? []).filter((p) => FINISHED.has(p.status));
        ev.runs = done.slice(0, 1).map((p) => ({
          workflow: 'pipeline',
          conclusion: p.status === 'failed' ? 'failure' : p.status === 'canceled' ? 'cancelled' : p.status,
          at: p.updated_at,
          url: p.web_url,
        }));
        if (ev.runs[0]) ev.lastRun = { conclusion: ev.runs[0].conclusion, at: ev.runs[0].at, url: ev.runs[0].url };
      } catch (err) {
        failures['gitlab/pipelines'] = `GitLab pipelines: ${(err as Error).message}`;
      }
    })(),
    (async () => {
      try {
        const a = await getJson<GlRelease[]>(`${base}/projects/${project.id}/releases?per_page=1`, common);
        const r = a.data?.[0];
        if (r?.released_at)
          ev.latestRelease = {
            name: r.name || r.tag_name,
            date: r.released_at,
            url: r._links?.self ?? `${project.web_url}/-/releases/${encodeURIComponent(r.tag_name)}`,
          };
      } catch (err) {
        failures['gitlab/releases'] = `GitLab releases: ${(err as Error).message}`;
      }
    })(),
  ]);
  return { evidence: ev, failures };
}

/** Projects of a group (subgroups included), most starred first; follows `x-next-page`. */
export async function listGitlabGroupProjects(group: string, opts: GitLabOptions): Promise<string[]> {
  const base = (opts.baseUrl ?? 'https://gitlab.com/api/v4').replace(/\/+$/, '');
  const out: { path: string; stars: number }[] = [];
  let page = '1';
  for (let i = 0; i < 20 && page; i++) {
    const a = await getJson<{ path_with_namespace: string; star_count: number; archived: boolean }[]>(
      `${base}/groups/${encodeURIComponent(group)}/projects?include_subgroups=true&per_page=100&page=${page}`,
      {
        cache: opts.cache,
        counter: opts.counter,
        ...(opts.token ? { headers: { 'private-token': opts.token } } : {}),
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
      },
    );
    if (a.status === 404) throw new InputError(`GitLab group ${group} does not exist`);
    for (const p of a.data ?? []) if (!p.archived) out.push({ path: p.path_with_namespace, stars: p.star_count });
    page = a.headers['x-next-page'] ?? '';
  }
  return out.sort((a, b) => b.stars - a.stars || a.path.localeCompare(b.path)).map((p) => p.path);
}
