// What a GitHub or GitLab URL names: the host, the owner (GitLab: the group path), the repository
// and what follows it. One reading for every place that takes repository URLs (landscape entries,
// `steward check` targets, application forms); each decides for itself what it accepts.

export type RepoHostKind = 'github' | 'gitlab';

/**
 * `host`: the site itself (no owner); `org`: an organisation, user or group page; `repo`: one
 * repository; `subpath`: a page inside a repository (a path after it, a query or a fragment).
 */
export type RepoUrlKind = 'host' | 'org' | 'repo' | 'subpath';

export interface RepoPath {
  kind: RepoUrlKind;
  /** GitHub: the account; GitLab: the group path (`group/subgroup`), or the group of a group page */
  owner?: string;
  /** the repository, without a `.git` suffix */
  name?: string;
  /** the segments naming the owner and the repository, the repository's without `.git` (it may be left empty) */
  path: string[];
  /** path segments after the repository (GitLab: after its `/-/`) */
  extra: string[];
}

export interface ParsedRepoUrl extends RepoPath {
  /** the host name, lower-cased, without `www.` */
  host: string;
  hostKind: RepoHostKind;
  /** the URL has a query string or a fragment */
  queryOrFragment: boolean;
}

export const PUBLIC_REPO_HOSTS: Readonly<Record<string, RepoHostKind>> = { 'github.com': 'github', 'gitlab.com': 'gitlab' };

/** The host name as a repository host knows itself: lower-cased, `www.` dropped. */
export function repoHostName(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.startsWith('www.') ? lower.slice(4) : lower;
}

/**
 * The path segments of a repository URL (as split, empty ones left out) read by the host's layout:
 * GitHub `OWNER/NAME/…`; GitLab `GROUP/…/NAME/-/…` (subgroups, and `/-/` before a project's pages).
 */
export function readRepoPath(segments: readonly string[], hostKind: RepoHostKind): RepoPath {
  let path: string[];
  let extra: string[];
  if (hostKind === 'gitlab') {
    const dash = segments.indexOf('-');
    path = dash >= 0 ? segments.slice(0, dash) : [...segments];
    extra = dash >= 0 ? segments.slice(dash + 1) : [];
    // a group page too may be written with the clone suffix
    if (path.length > 0) path[path.length - 1] = stripGit(path[path.length - 1]!);
  } else {
    path = segments.slice(0, 2);
    extra = segments.slice(2);
    // an account name never ends in .git, so only the repository's segment loses it
    if (path.length === 2) path[1] = stripGit(path[1]!);
  }
  if (path.length === 0) return { kind: 'host', path, extra };
  const name = path[path.length - 1]!;
  if (path.length === 1) return { kind: 'org', owner: name, path, extra };
  const owner = path.slice(0, -1).join('/');
  if (name === '') return { kind: 'org', owner, path, extra };
  return { kind: extra.length > 0 ? 'subpath' : 'repo', owner, name, path, extra };
}

// the clone suffix as git writes it; `.GIT` is left as part of the name
function stripGit(segment: string): string {
  return segment.endsWith('.git') ? segment.slice(0, -4) : segment;
}

/**
 * Reads a GitHub/GitLab URL; undefined when it is not an absolute URL or its host is not one of
 * `hosts` (default github.com and gitlab.com). Segments are kept as written (not percent-decoded).
 */
export function parseRepoUrl(value: string, hosts: Readonly<Record<string, RepoHostKind>> = PUBLIC_REPO_HOSTS): ParsedRepoUrl | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  const host = repoHostName(url.hostname);
  const hostKind = Object.prototype.hasOwnProperty.call(hosts, host) ? hosts[host] : undefined;
  if (hostKind === undefined) return undefined;
  const path = readRepoPath(
    url.pathname.split('/').filter((s) => s !== ''),
    hostKind,
  );
  const queryOrFragment = url.search !== '' || url.hash !== '';
  const kind = path.kind === 'repo' && queryOrFragment ? 'subpath' : path.kind;
  return { ...path, kind, host, hostKind, queryOrFragment };
}

/** github.com alone, for the places that judge only GitHub URLs. */
export const GITHUB_COM: Readonly<Record<string, RepoHostKind>> = { 'github.com': 'github' };
