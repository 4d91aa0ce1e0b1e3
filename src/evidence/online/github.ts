// GitHub evidence for one repository in at most three requests, and none that cost rate limit
// when nothing changed: REST `GET /repos/{o}/{r}` and the default branch's workflow runs are
// conditional requests (a 304 is free), and the one GraphQL query (stars, archive, license,
// the head commit's check suites, releases, community files, the organisation's `.github`
// repository) is asked again only when one of those two changed or its answer is older than
// `graphqlMaxAgeMs` (organisation files can change without the repository changing).
import type { HostedRepoEvidence } from '../types.js';
import type { GitHubClient, GraphqlError } from './github-client.js';
import type { OnlineSource } from './errors.js';

export const REPO_QUERY = `query StewardRepo($owner: String!, $name: String!, $since: GitTimestamp, $withAuthors: Boolean!) {
  rateLimit { cost remaining limit resetAt }
  repository(owner: $owner, name: $name) {
    nameWithOwner url stargazerCount isArchived pushedAt
    licenseInfo { spdxId key name }
    codeOfConduct { key name url }
    contributingGuidelines { url }
    isSecurityPolicyEnabled securityPolicyUrl
    defaultBranchRef {
      name
      target {
        ... on Commit {
          oid committedDate
          statusCheckRollup { state }
          checkSuites(last: 20) { nodes { status conclusion app { slug } workflowRun { url workflow { name } } } }
          history(first: 100, since: $since) @include(if: $withAuthors) {
            pageInfo { hasNextPage endCursor }
            nodes { author { email user { login } } }
          }
        }
      }
    }
    latestRelease { name tagName publishedAt url }
    releases(first: 1, orderBy: {field: CREATED_AT, direction: DESC}) { nodes { name tagName publishedAt isPrerelease isDraft url } }
  }
  community: repository(owner: $owner, name: ".github") {
    url
    codeOfConduct { key name url }
    root: object(expression: "HEAD:") { ... on Tree { entries { name type } } }
    dotGithub: object(expression: "HEAD:.github") { ... on Tree { entries { name type } } }
    docs: object(expression: "HEAD:docs") { ... on Tree { entries { name type } } }
    cocRoot: object(expression: "HEAD:CODE_OF_CONDUCT.md") { ... on Blob { text } }
    cocDotGithub: object(expression: "HEAD:.github/CODE_OF_CONDUCT.md") { ... on Blob { text } }
    cocDocs: object(expression: "HEAD:docs/CODE_OF_CONDUCT.md") { ... on Blob { text } }
  }
}`;

export const AUTHORS_QUERY = `query StewardAuthors($owner: String!, $name: String!, $since: GitTimestamp, $after: String) {
  repository(owner: $owner, name: $name) {
    defaultBranchRef { target { ... on Commit {
      history(first: 100, since: $since, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { author { email user { login } } }
      }
    } } }
  }
}`;

interface TreeEntries {
  entries?: { name: string; type: string }[];
}
interface History {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { author: { email: string | null; user: { login: string } | null } | null }[];
}
export interface RepoQueryData {
  rateLimit?: { cost: number; remaining: number; limit: number; resetAt: string };
  repository: {
    nameWithOwner: string;
    url: string;
    stargazerCount: number;
    isArchived: boolean;
    pushedAt: string | null;
    licenseInfo: { spdxId: string | null; key: string; name: string } | null;
    codeOfConduct: { key: string; name: string; url: string | null } | null;
    contributingGuidelines: { url: string | null } | null;
    isSecurityPolicyEnabled: boolean | null;
    securityPolicyUrl: string | null;
    defaultBranchRef: {
      name: string;
      target: {
        oid: string;
        committedDate: string;
        statusCheckRollup: { state: string } | null;
        checkSuites?: {
          nodes: {
            status: string;
            conclusion: string | null;
            app: { slug: string } | null;
            workflowRun: { url: string; workflow: { name: string } } | null;
          }[];
        };
        history?: History;
      } | null;
    } | null;
    latestRelease: { name: string | null; tagName: string; publishedAt: string | null; url: string } | null;
    releases: {
      nodes: { name: string | null; tagName: string; publishedAt: string | null; isPrerelease: boolean; isDraft: boolean; url: string }[];
    };
  } | null;
  community: {
    url: string;
    codeOfConduct: { key: string; name: string; url: string | null } | null;
    root: TreeEntries | null;
    dotGithub: TreeEntries | null;
    docs: TreeEntries | null;
    cocRoot: { text: string | null } | null;
    cocDotGithub: { text: string | null } | null;
    cocDocs: { text: string | null } | null;
  } | null;
}

interface RestRepo {
  full_name: string;
  html_url: string;
  stargazers_count: number;
  archived: boolean;
  default_branch: string;
  pushed_at: string | null;
  license: { spdx_id: string | null } | null;
}
interface RestRuns {
  total_count: number;
  workflow_runs: {
    name: string | null;
    workflow_id: number;
    head_branch: string;
    status: string;
    conclusion: string | null;
    updated_at: string;
    run_started_at?: string;
    html_url: string;
  }[];
}

export interface GitHubRepoOptions {
  /** reuse a cached GraphQL answer this long when nothing it was checked against changed (default 24 h) */
  graphqlMaxAgeMs?: number;
  /** map commit authors to GitHub users for commits since this instant */
  authorsSince?: string;
  now?: () => number;
}

/** Which parts of GitHub failed and why, keyed by source part (./errors.ts). */
export type Failures = Partial<Record<OnlineSource, string>>;

export class NotFoundOnGitHub extends Error {
  override name = 'NotFoundOnGitHub';
}

function reason(err: unknown): string {
  const e = err as { status?: number; message?: string };
  return e.status ? `HTTP ${e.status}: ${e.message ?? ''}`.trim() : (e.message ?? String(err));
}

/** Gathers GitHub facts; failures of one part leave the others intact and are returned as reasons. */
export async function githubRepoEvidence(
  client: GitHubClient,
  slug: string,
  opts: GitHubRepoOptions = {},
): Promise<{ evidence?: HostedRepoEvidence; failures: Failures }> {
  const [owner, name] = slug.split('/') as [string, string];
  const failures: Failures = {};
  const fail = (part: OnlineSource, why: string) => {
    failures[part] ??= why;
  };
  const now = opts.now ?? Date.now;
  const variables = {
    owner,
    name,
    withAuthors: opts.authorsSince !== undefined,
    ...(opts.authorsSince ? { since: opts.authorsSince } : {}),
  };
  const gqlKey = `GRAPHQL ${client.baseUrl} StewardRepo ${JSON.stringify(variables)}`;
  const gqlCached = client.cache.get(gqlKey);

  const repoP = client.get<RestRepo>('GET /repos/{owner}/{repo}', { owner, repo: name });
  // cold: nothing to compare against, so the query runs alongside the probe
  const gqlEarly = gqlCached ? undefined : runQuery(client, variables);
  let repo: { data: RestRepo; fromCache: boolean; etag?: string } | undefined;
  try {
    repo = await repoP;
  } catch (err) {
    if ((err as { status?: number }).status === 404) {
      gqlEarly?.catch(() => undefined);
      throw new NotFoundOnGitHub(`${slug} does not exist on GitHub, or is private and the token can't see it`);
    }
    if ((err as Error).name === 'GitHubAuthError') {
      gqlEarly?.catch(() => undefined);
      throw err;
    }
    fail('github/repo', `GitHub ${reason(err)}`);
  }
  const cachedData = gqlCached?.data as RepoQueryData | undefined;
  const branch = repo?.data.default_branch ?? cachedData?.repository?.defaultBranchRef?.name;
  let runs: { data: RestRuns; fromCache: boolean; etag?: string } | undefined;
  const runsP = branch
    ? client.get<RestRuns>('GET /repos/{owner}/{repo}/actions/runs', {
        owner,
        repo: name,
        branch,
        status: 'completed',
        exclude_pull_requests: true,
        per_page: 30,
      })
    : undefined;

  let gql: RepoQueryData | undefined;
  let gqlErrors: GraphqlError[] = [];
  try {
    runs = await runsP;
  } catch (err) {
    if ((err as Error).name === 'GitHubAuthError') throw err;
    fail('github/runs', `GitHub Actions runs: ${reason(err)}`);
  }
  const validators = { repo: repo?.etag ?? '', runs: runs?.etag ?? '' };
  const fresh =
    gqlCached !== undefined &&
    repo?.fromCache === true &&
    (runsP === undefined || runs?.fromCache === true) &&
    gqlCached.validators?.repo === validators.repo &&
    gqlCached.validators?.runs === validators.runs &&
    now() - Date.parse(gqlCached.storedAt) < (opts.graphqlMaxAgeMs ?? 24 * 3600_000);
  try {
    if (fresh) {
      gql = cachedData;
      client.counter.reused++;
    } else {
      const answer = await (gqlEarly ?? runQuery(client, variables));
      gql = answer.data ?? undefined;
      gqlErrors = answer.errors;
      const blocking = gqlErrors.filter((e) => e.path?.[0] !== 'community');
      if (blocking.length > 0 && !gql?.repository) throw new Error(blocking.map((e) => e.message).join('; '));
      if (gql?.repository && blocking.length === 0) {
        client.cache.set({ key: gqlKey, data: gql, storedAt: new Date(now()).toISOString(), validators });
      }
    }
  } catch (err) {
    if ((err as Error).name === 'GitHubAuthError') throw err;
    fail('github/graphql', `GitHub GraphQL: ${reason(err)}`);
    gql = undefined;
  }
  if (gql?.rateLimit) client.counter.rateLimitRemaining = Math.min(client.counter.rateLimitRemaining ?? Infinity, gql.rateLimit.remaining);

  const r = gql?.repository;
  if (!repo && !r) return { failures };
  const ev: HostedRepoEvidence = {
    stars: repo?.data.stargazers_count ?? r!.stargazerCount,
    archived: repo?.data.archived ?? r!.isArchived,
    defaultBranch: branch ?? r?.defaultBranchRef?.name ?? '',
    url: repo?.data.html_url ?? r!.url,
  };
  const pushedAt = repo?.data.pushed_at ?? r?.pushedAt;
  if (pushedAt) ev.pushedAt = pushedAt;
  const spdx = repo?.data.license?.spdx_id ?? r?.licenseInfo?.spdxId;
  if (spdx) ev.license = spdx;
  if (runs) {
    const latest = new Map<number, RestRuns['workflow_runs'][number]>();
    for (const run of runs.data.workflow_runs ?? []) {
      if (run.status !== 'completed' || run.head_branch !== ev.defaultBranch || latest.has(run.workflow_id)) continue;
      latest.set(run.workflow_id, run);
    }
    ev.runs = [...latest.values()].map((run) => ({
      workflow: run.name ?? String(run.workflow_id),
      conclusion: run.conclusion ?? 'unknown',
      at: run.updated_at,
      url: run.html_url,
    }));
    const newest = ev.runs[0];
    if (newest) ev.lastRun = { conclusion: newest.conclusion, at: newest.at, url: newest.url };
  }
  if (r) fromGraphql(ev, gql!);
  if (opts.authorsSince && r?.defaultBranchRef?.target?.history) {
    try {
      ev.authors = await authors(client, owner, name, opts.authorsSince, r.defaultBranchRef.target.history);
    } catch (err) {
      if ((err as Error).name === 'GitHubAuthError') throw err;
      fail('github/authors', `GitHub commit authors: ${reason(err)}`);
    }
  }
  return { evidence: ev, failures };
}

function runQuery(client: GitHubClient, variables: Record<string, unknown>) {
  return client.graphql<RepoQueryData>(REPO_QUERY, variables);
}

const COMMUNITY = {
  contributing: /^contributing(\.(md|markdown|rst|txt|adoc))?$/i,
  codeOfConduct: /^code[_-]of[_-]conduct(\.(md|markdown|rst|txt|adoc))?$/i,
};

function fromGraphql(ev: HostedRepoEvidence, gql: RepoQueryData): void {
  const r = gql.repository!;
  const target = r.defaultBranchRef?.target;
  if (target) {
    ev.head = {
      commit: target.oid,
      at: target.committedDate,
      ...(target.statusCheckRollup ? { checks: target.statusCheckRollup.state } : {}),
      suites: (target.checkSuites?.nodes ?? []).map((s) => ({
        app: s.app?.slug ?? 'unknown',
        status: s.status,
        ...(s.conclusion ? { conclusion: s.conclusion } : {}),
        ...(s.workflowRun ? { workflow: s.workflowRun.workflow.name, url: s.workflowRun.url } : {}),
      })),
    };
  }
  // GitHub's latestRelease skips drafts and pre-releases; a project that only pre-releases still released
  const rel = r.latestRelease ?? r.releases.nodes.find((n) => !n.isDraft) ?? null;
  if (rel?.publishedAt) ev.latestRelease = { name: rel.name || rel.tagName, date: rel.publishedAt, url: rel.url };
  const files: NonNullable<HostedRepoEvidence['files']> = {};
  if (r.contributingGuidelines?.url) files.contributing = r.contributingGuidelines.url;
  if (r.codeOfConduct) {
    if (r.codeOfConduct.url) files.codeOfConduct = r.codeOfConduct.url;
    files.codeOfConductKind = r.codeOfConduct.key;
  }
  if (r.isSecurityPolicyEnabled && r.securityPolicyUrl) files.security = r.securityPolicyUrl;
  if (Object.keys(files).length > 0) ev.files = files;
  const c = gql.community;
  if (c) {
    const org: NonNullable<HostedRepoEvidence['orgFiles']> = {};
    // GitHub's own order for default community health files: root, .github/, docs/
    for (const [dir, tree] of [
      ['', c.root],
      ['.github/', c.dotGithub],
      ['docs/', c.docs],
    ] as const) {
      for (const e of tree?.entries ?? []) {
        if (e.type !== 'blob') continue;
        if (!org.contributing && COMMUNITY.contributing.test(e.name)) org.contributing = `${c.url}/blob/HEAD/${dir}${e.name}`;
        if (!org.codeOfConduct && COMMUNITY.codeOfConduct.test(e.name)) org.codeOfConduct = `${c.url}/blob/HEAD/${dir}${e.name}`;
      }
    }
    if (c.codeOfConduct?.key) org.codeOfConductKind = c.codeOfConduct.key;
    const text = c.cocRoot?.text ?? c.cocDotGithub?.text ?? c.cocDocs?.text;
    if (text) ev.orgCodeOfConductText = text.slice(0, 65_536);
    if (Object.keys(org).length > 0) ev.orgFiles = org;
  }
}

async function authors(client: GitHubClient, owner: string, name: string, since: string, first: History): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let page: History | undefined = first;
  for (let i = 0; page && i < 50; i++) {
    for (const n of page.nodes) {
      const email = n.author?.email?.toLowerCase();
      const login = n.author?.user?.login;
      if (email && login) out[email] = login;
    }
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    const next: { data: { repository: { defaultBranchRef: { target: { history: History } } | null } | null } | null } =
      await client.graphql(AUTHORS_QUERY, {
        owner,
        name,
        since,
        after: page.pageInfo.endCursor,
      });
    page = next.data?.repository?.defaultBranchRef?.target.history;
  }
  return out;
}

/** Repositories of an organisation or user, most starred first (REST, paginated). */
export async function listOwnerRepos(client: GitHubClient, owner: string): Promise<string[]> {
  type R = { full_name: string; stargazers_count: number; archived: boolean; fork: boolean };
  let list: R[];
  try {
    list = (await client.octokit.paginate('GET /orgs/{org}/repos', { org: owner, per_page: 100, type: 'public' })) as unknown as R[];
  } catch (err) {
    if ((err as { status?: number }).status !== 404) throw err;
    list = (await client.octokit.paginate('GET /users/{username}/repos', {
      username: owner,
      per_page: 100,
      type: 'owner',
    })) as unknown as R[];
  }
  return list
    .filter((r) => !r.archived && !r.fork)
    .sort((a, b) => b.stargazers_count - a.stargazers_count || a.full_name.localeCompare(b.full_name))
    .map((r) => r.full_name);
}
