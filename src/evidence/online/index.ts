// Online evidence: the facts only the services a project lives on can tell (GitHub or GitLab,
// PyPI, conda), gathered frugally through conditional requests and a persistent cache. A source
// that fails leaves `unknown` with its reason for the requirements it feeds and the rest intact;
// a rejected token is one clear error for the whole check. `offline` never opens a socket.
import type { BestPracticesEvidence, HostedRepoEvidence, OnlineEvidence, PythonEvidence, SourceUse } from '../types.js';
import { HttpCache, SourceCounter, defaultHttpCacheDir } from './http-cache.js';
import { TokenPool, credentialsFrom, type Credential } from './tokens.js';
import type { GitHubClient } from './github-client.js';

export interface OnlineBaseUrls {
  /** GitHub REST base (GraphQL is `${github}/graphql`); GHES: https://HOST/api/v3 */
  github?: string;
  gitlab?: string;
  pypi?: string;
  conda?: string;
  /** the OpenSSF Best Practices site (its public project JSON) */
  bestpractices?: string;
}

export const DEFAULT_BASE_URLS: Required<OnlineBaseUrls> = {
  github: 'https://api.github.com',
  gitlab: 'https://gitlab.com/api/v4',
  pypi: 'https://pypi.org',
  conda: 'https://api.anaconda.org',
  bestpractices: 'https://www.bestpractices.dev',
};

/**
 * Base URLs from STEWARD_GITHUB_API_URL, STEWARD_GITLAB_API_URL, STEWARD_PYPI_URL, STEWARD_CONDA_API_URL,
 * STEWARD_BESTPRACTICES_URL (mirrors, GHES, tests).
 */
export function baseUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): OnlineBaseUrls {
  const out: OnlineBaseUrls = {};
  if (env.STEWARD_GITHUB_API_URL) out.github = env.STEWARD_GITHUB_API_URL;
  if (env.STEWARD_GITLAB_API_URL) out.gitlab = env.STEWARD_GITLAB_API_URL;
  if (env.STEWARD_PYPI_URL) out.pypi = env.STEWARD_PYPI_URL;
  if (env.STEWARD_CONDA_API_URL) out.conda = env.STEWARD_CONDA_API_URL;
  if (env.STEWARD_BESTPRACTICES_URL) out.bestpractices = env.STEWARD_BESTPRACTICES_URL;
  return out;
}

export interface OnlineOptions {
  /** GitHub credentials; default: from GITHUB_TOKEN / GH_TOKEN / STEWARD_GITHUB_TOKENS / GitHub App env */
  tokens?: Credential[];
  /** tokens from --token, pooled ahead of the environment's (used when `tokens` is not given) */
  cliTokens?: string[];
  gitlabToken?: string;
  baseUrls?: OnlineBaseUrls;
  /** the persistent HTTP cache (default $XDG_CACHE_HOME/steward/http); `false` keeps it in memory */
  cacheDir?: string | false;
  offline?: boolean;
  /** conda channels to look in (default conda-forge) */
  condaChannels?: string[];
  /** map commit authors to GitHub users since this instant */
  authorsSince?: string;
  /** first retry step in ms (tests make it small) */
  retryBaseMs?: number;
  /** a session shared by many checks (one client, one cache, summed counters) */
  session?: OnlineSession;
  /** `org/team` owners the repository names (CODEOWNERS, MAINTAINERS): their members are asked for (GitHub) */
  teams?: readonly string[];
  /** also ask PyPI for torch's feature releases (conditional, cached), for a release list of today */
  torchReleases?: boolean;
}

/** Torch's feature releases as PyPI lists them, newest first, and where and when they were asked. */
export interface FetchedTorchReleases {
  releases: { version: string; date: string }[];
  source: string;
  /** the day they were asked (YYYY-MM-DD) */
  fetched: string;
}

export interface OnlineTarget {
  host: 'github' | 'gitlab';
  /** owner/name (GitLab: group/…/name) */
  slug: string;
  webUrl: string;
}

/** One client per service, one cache and one set of counters, reused across checks. */
export interface OnlineSession {
  cache: HttpCache;
  baseUrls: Required<OnlineBaseUrls>;
  pool: TokenPool;
  gitlabToken?: string;
  retryBaseMs?: number;
  condaChannels?: string[];
  counters: { github: SourceCounter; gitlab: SourceCounter; pypi: SourceCounter; conda: SourceCounter; bestpractices: SourceCounter };
  github?: Promise<GitHubClient>;
}

export function createOnlineSession(opts: Omit<OnlineOptions, 'session' | 'offline'> = {}): OnlineSession {
  const cacheDir = opts.cacheDir === false ? undefined : (opts.cacheDir ?? defaultHttpCacheDir());
  return {
    cache: new HttpCache(cacheDir),
    baseUrls: { ...DEFAULT_BASE_URLS, ...baseUrlsFromEnv(), ...opts.baseUrls },
    pool: new TokenPool(opts.tokens ?? credentialsFrom(opts.cliTokens ?? [])),
    ...((opts.gitlabToken ?? process.env.GITLAB_TOKEN) ? { gitlabToken: opts.gitlabToken ?? process.env.GITLAB_TOKEN } : {}),
    ...(opts.retryBaseMs !== undefined ? { retryBaseMs: opts.retryBaseMs } : {}),
    ...(opts.condaChannels ? { condaChannels: opts.condaChannels } : {}),
    counters: {
      github: new SourceCounter('github'),
      gitlab: new SourceCounter('gitlab'),
      pypi: new SourceCounter('pypi'),
      conda: new SourceCounter('conda'),
      bestpractices: new SourceCounter('bestpractices'),
    },
  };
}

export async function githubClientOf(session: OnlineSession): Promise<GitHubClient> {
  session.github ??= import('./github-client.js').then(({ createGitHubClient }) =>
    createGitHubClient({
      baseUrl: session.baseUrls.github,
      pool: session.pool,
      cache: session.cache,
      counter: session.counters.github,
      ...(session.retryBaseMs !== undefined ? { retryBaseMs: session.retryBaseMs } : {}),
    }),
  );
  return session.github;
}

function use(counter: SourceCounter, before: { requests: number; notModified: number }, extra: Partial<SourceUse> = {}): SourceUse {
  const requests = counter.requests - before.requests;
  const cached = counter.notModified - before.notModified;
  return {
    name: counter.name,
    requests,
    cached,
    billable: requests - cached,
    ...(counter.rateLimitRemaining !== undefined ? { rateLimitRemaining: counter.rateLimitRemaining } : {}),
    ...(counter.rateLimitReset !== undefined ? { rateLimitReset: counter.rateLimitReset } : {}),
    ...extra,
  };
}

const snap = (c: SourceCounter) => ({ requests: c.requests, notModified: c.notModified });

/** Gathers the online facts of one repository and its Python distribution. */
export async function gatherOnline(
  target: OnlineTarget,
  python: Pick<PythonEvidence, 'distribution'>,
  opts: OnlineOptions = {},
): Promise<{ online: OnlineEvidence; sources: SourceUse[]; torchReleases?: FetchedTorchReleases }> {
  if (opts.offline) return { online: { errors: {}, offline: true }, sources: [] };
  const session = opts.session ?? createOnlineSession(opts);
  const errors: Record<string, string> = {};
  const online: OnlineEvidence = { errors };
  const sources: SourceUse[] = [];
  const dist = python.distribution?.name;

  const hosted = (async () => {
    if (target.host === 'github') {
      const counter = session.counters.github;
      const before = snap(counter);
      let credential = 'no token';
      try {
        const client = await githubClientOf(session);
        const { githubRepoEvidence } = await import('./github.js');
        const { evidence, failures } = await githubRepoEvidence(
          client,
          target.slug,
          opts.authorsSince ? { authorsSince: opts.authorsSince } : {},
        );
        if (evidence) online.github = evidence;
        Object.assign(errors, failures);
        let detail: string | undefined;
        if (evidence && opts.teams?.length) {
          const { githubTeamMembers } = await import('./github-teams.js');
          const { teams, unresolved } = await githubTeamMembers(client, opts.teams);
          evidence.teams = teams;
          const reasons = Object.values(unresolved);
          if (reasons.length) errors['github/teams'] ??= reasons.join('; ');
          detail = `teams: ${Object.keys(teams).length} resolved${reasons.length ? `, ${reasons.length} not (${reasons.join('; ')})` : ''}`;
        }
        credential = session.pool.size > 0 ? `${session.pool.size} credential${session.pool.size > 1 ? 's' : ''}` : 'no token';
        sources.push(
          use(counter, before, {
            credential,
            ...(Object.keys(failures).length ? { error: Object.values(failures)[0]! } : {}),
            ...(detail ? { detail } : {}),
          }),
        );
      } catch (err) {
        if ((err as Error).name === 'GitHubAuthError') throw err;
        const why = `GitHub: ${(err as Error).message}`;
        errors.github ??= why;
        sources.push(use(counter, before, { credential, error: why }));
      }
    } else {
      const counter = session.counters.gitlab;
      const before = snap(counter);
      const { gitlabRepoEvidence } = await import('./gitlab.js');
      try {
        const { evidence, failures } = await gitlabRepoEvidence(target.slug, {
          baseUrl: session.baseUrls.gitlab,
          cache: session.cache,
          counter,
          ...(session.gitlabToken ? { token: session.gitlabToken } : {}),
          ...(session.retryBaseMs !== undefined ? { retryBaseMs: session.retryBaseMs } : {}),
        });
        if (evidence) online.gitlab = evidence;
        Object.assign(errors, failures);
        sources.push(use(counter, before, Object.keys(failures).length ? { error: Object.values(failures)[0]! } : {}));
      } catch (err) {
        if ((err as Error).name === 'GitLabAuthError') throw err;
        const why = `GitLab: ${(err as Error).message}`;
        errors.gitlab ??= why;
        sources.push(use(counter, before, { error: why }));
      }
    }
  })();

  const packages = (async () => {
    if (!dist) return;
    const [{ pypiEvidence }, { condaEvidence }] = await Promise.all([import('./pypi.js'), import('./conda.js')]);
    const pBefore = snap(session.counters.pypi);
    const cBefore = snap(session.counters.conda);
    const common = { cache: session.cache, ...(session.retryBaseMs !== undefined ? { retryBaseMs: session.retryBaseMs } : {}) };
    const [p, c] = await Promise.allSettled([
      pypiEvidence(dist, { ...common, counter: session.counters.pypi, baseUrl: session.baseUrls.pypi, repoUrl: target.webUrl }),
      condaEvidence(dist, {
        ...common,
        counter: session.counters.conda,
        baseUrl: session.baseUrls.conda,
        ...(session.condaChannels ? { channels: session.condaChannels } : {}),
      }),
    ]);
    if (p.status === 'fulfilled') online.pypi = p.value;
    if (c.status === 'fulfilled') online.conda = c.value;
    const pErr = p.status === 'rejected' ? `PyPI: ${(p.reason as Error).message}` : undefined;
    const cErr = c.status === 'rejected' ? `conda: ${(c.reason as Error).message}` : undefined;
    if (pErr) errors.pypi = pErr;
    if (cErr) errors.conda = cErr;
    sources.push(use(session.counters.pypi, pBefore, pErr ? { error: pErr } : {}));
    sources.push(use(session.counters.conda, cBefore, cErr ? { error: cErr } : {}));
  })();

  await Promise.all([hosted, packages]);
  // after the package lookups, so each source's request counts stay its own
  let torchReleases: FetchedTorchReleases | undefined;
  if (opts.torchReleases) {
    const { torchReleasesFromPypi } = await import('./pypi.js');
    const before = snap(session.counters.pypi);
    const source = `${session.baseUrls.pypi.replace(/\/+$/, '')}/pypi/torch/json`;
    try {
      const releases = await torchReleasesFromPypi({
        baseUrl: session.baseUrls.pypi,
        cache: session.cache,
        counter: session.counters.pypi,
        ...(session.retryBaseMs !== undefined ? { retryBaseMs: session.retryBaseMs } : {}),
      });
      if (releases.length > 0) torchReleases = { releases, source, fetched: new Date().toISOString().slice(0, 10) };
      sources.push(
        use(session.counters.pypi, before, {
          detail: `torch release list: ${releases.length} feature releases${releases[0] ? `, newest ${releases[0].version} of ${releases[0].date}` : ''}`,
        }),
      );
    } catch (err) {
      // the local list stays in use, and requirement 1 names it
      sources.push(
        use(session.counters.pypi, before, {
          detail: 'torch release list',
          error: `PyPI: ${(err as Error).message}; the local torch release list was used`,
        }),
      );
    }
  }
  return { online, sources, ...(torchReleases ? { torchReleases } : {}) };
}

/**
 * The OpenSSF Best Practices badge a README links to, read from the site's JSON. Asked only for a
 * policy with a rule that reads it; a README without a badge link asks nothing.
 */
export async function gatherBestPractices(
  readme: { path: string; text: string } | undefined,
  opts: OnlineOptions = {},
): Promise<{ bestPractices: BestPracticesEvidence; error?: string; sources: SourceUse[] }> {
  const { findBadgeProject, bestPracticesEvidence } = await import('./bestpractices.js');
  const link = readme ? findBadgeProject(readme.text) : undefined;
  if (!readme || !link)
    return { bestPractices: {}, sources: [{ name: 'bestpractices', detail: 'no badge link in the README: nothing asked' }] };
  const session = opts.session ?? createOnlineSession(opts);
  const counter = session.counters.bestpractices;
  const before = snap(counter);
  const found = { projectId: link.projectId, foundIn: `${readme.path}:${link.line}` };
  try {
    const bestPractices = await bestPracticesEvidence(found, {
      baseUrl: session.baseUrls.bestpractices,
      cache: session.cache,
      counter,
      ...(session.retryBaseMs !== undefined ? { retryBaseMs: session.retryBaseMs } : {}),
    });
    return { bestPractices, sources: [use(counter, before)] };
  } catch (err) {
    const why = `OpenSSF Best Practices: ${(err as Error).message}`;
    return { bestPractices: found, error: why, sources: [use(counter, before, { error: why })] };
  }
}

/** The company on each login's GitHub profile (asked only for a policy's rule that counts organisations). */
export async function gatherProfileCompanies(
  logins: readonly string[],
  opts: OnlineOptions = {},
): Promise<{ companies: Record<string, string>; error?: string; sources: SourceUse[] }> {
  if (logins.length === 0) return { companies: {}, sources: [] };
  const session = opts.session ?? createOnlineSession(opts);
  const counter = session.counters.github;
  const before = snap(counter);
  const { githubProfileCompanies } = await import('./github-users.js');
  let r: Awaited<ReturnType<typeof githubProfileCompanies>>;
  try {
    r = await githubProfileCompanies(await githubClientOf(session), logins);
  } catch (err) {
    if ((err as Error).name === 'GitHubAuthError') throw err;
    const why = `GitHub: ${(err as Error).message}`;
    return { companies: {}, error: why, sources: [use(counter, before, { error: why })] };
  }
  const missed = Object.keys(r.unresolved).length;
  return {
    companies: r.companies,
    sources: [
      use(counter, before, {
        detail: `profiles: ${r.asked} read for their company, ${Object.keys(r.companies).length} name one${missed ? `, ${missed} not read` : ''}`,
      }),
    ],
  };
}

/** Lists the repositories of an organisation, user or GitLab group, for the error an owner-only URL gives. */
export async function listOwnerRepositories(host: 'github' | 'gitlab', owner: string, opts: OnlineOptions = {}): Promise<string[]> {
  const session = opts.session ?? createOnlineSession(opts);
  if (host === 'github') {
    const { listOwnerRepos } = await import('./github.js');
    return listOwnerRepos(await githubClientOf(session), owner);
  }
  const { listGitlabGroupProjects } = await import('./gitlab.js');
  return listGitlabGroupProjects(owner, {
    baseUrl: session.baseUrls.gitlab,
    cache: session.cache,
    counter: session.counters.gitlab,
    ...(session.gitlabToken ? { token: session.gitlabToken } : {}),
  });
}

export type { HostedRepoEvidence, Credential };
export { credentialsFrom } from './tokens.js';
