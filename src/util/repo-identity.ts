// One repository, one identity: the forms people type for the same project (`.git`, letter case,
// a trailing slash, `www.`, `/tree/<branch>`, `http:`) reduce to one canonical URL and one key, so
// the 3-month wait, duplicates and re-entry apply to the project and not to the string typed.
// Forms that could make the stored URL and the judged repository differ (dot segments, percent-
// encoded separators, credentials, ports) are refused here, before anything is stored: the WHATWG
// URL parser would otherwise resolve `…/evil/%2e%2e/%2e%2e/pytorch/pytorch` to another repository.
import { PUBLIC_REPO_HOSTS, readRepoPath, repoHostName, type RepoHostKind } from './repo-url.js';

export interface RepoIdentity {
  host: string;
  hostKind: RepoHostKind;
  /** GitHub: the account; GitLab: the group path */
  owner: string;
  name: string;
  /** the repository's page, as typed in letter case, without `.git`, slash, query or `/tree/…` */
  url: string;
  /** a folder inside the repository named by `/tree/<branch>/<path>`: where the project lives */
  path?: string;
  /** the branch `/tree/<branch>` names when it is one segment; see `treeRest` for `/` in branch names */
  branch?: string;
  /** every segment after `tree` (or `blob`), for callers that know the branches and can split it exactly */
  treeRest?: string[];
  /** the identity compared between applications and projects: `host/owner/name[/path]`, lower-cased */
  key: string;
}

export type RepoIdentityResult =
  | { ok: true; identity: RepoIdentity }
  /** an organisation, user or group page: it names who, not which repository */
  | { ok: false; kind: 'owner'; host: string; owner: string; reason: string }
  | { ok: false; kind: 'refused'; reason: string };

// `%2e`, `%2f`, `%5c` in any case, and literal `.`/`..` segments, in the raw path
const ENCODED_SEPARATOR = /%(?:2f|5c)/i;
const ENCODED_DOT = /%2e/i;

function refused(input: string, why: string): RepoIdentityResult {
  return { ok: false, kind: 'refused', reason: `${JSON.stringify(input)}: ${why}` };
}

/**
 * The problem with a URL's path as typed, before any parser resolves it: dot segments (plain or
 * percent-encoded) and percent-encoded `/` or `\` change which repository a URL names.
 */
export function rawPathProblem(raw: string): string | undefined {
  const afterScheme = raw.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '');
  const slash = afterScheme.indexOf('/');
  const path = (slash < 0 ? '' : afterScheme.slice(slash)).replace(/[?#].*$/s, '');
  if (ENCODED_SEPARATOR.test(path)) return 'the URL path has a percent-encoded separator (%2F or %5C); write the path with plain slashes';
  const segments = path.split(/[/\\]/);
  if (segments.some((s) => s === '.' || s === '..' || (ENCODED_DOT.test(s) && /^(?:\.|%2e)+$/i.test(s)))) {
    return 'the URL path has . or .. segments (plain or percent-encoded); give the repository URL itself';
  }
  if (/\\/.test(path)) return 'the URL path has a backslash';
  return undefined;
}

/**
 * The canonical identity of a repository URL on one of `hosts` (default github.com, gitlab.com).
 * `http:`, `www.`, `.git`, trailing slashes, queries and fragments are dropped; `/tree/<branch>`
 * and `/blob/<branch>/…` keep only the folder they name as `path`; other pages inside a repository
 * (`/graphs/…`, `/issues`) reduce to the repository.
 */
export function repoIdentity(input: string, hosts: Readonly<Record<string, RepoHostKind>> = PUBLIC_REPO_HOSTS): RepoIdentityResult {
  const raw = input.trim();
  if (raw === '') return refused(input, 'expected a repository URL, found nothing');
  if (/[\0-\x1f\x7f\s]/.test(raw)) return refused(input, 'a repository URL has no spaces or control characters');
  const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(raw) ? raw : `https://${raw}`;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(withScheme)![1]!.toLowerCase();
  if (scheme !== 'https' && scheme !== 'http') return refused(input, `expected an https:// URL, found the ${scheme}: scheme`);
  const problem = rawPathProblem(withScheme);
  if (problem) return refused(input, problem);
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return refused(input, 'not a valid URL');
  }
  if (url.username !== '' || url.password !== '') return refused(input, 'credentials in a repository URL are not accepted');
  if (url.port !== '') return refused(input, `a port (${url.port}) is not accepted in a repository URL`);
  const host = repoHostName(url.hostname);
  const hostKind = Object.prototype.hasOwnProperty.call(hosts, host) ? hosts[host] : undefined;
  if (hostKind === undefined)
    return refused(input, `expected a repository on ${Object.keys(hosts).join(' or ')}, found the host ${url.hostname}`);
  let segments: string[];
  try {
    segments = url.pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return refused(input, 'the URL path is not valid percent-encoding');
  }
  const p = readRepoPath(segments, hostKind);
  if (p.kind === 'host' || p.owner === undefined) return refused(input, `expected https://${host}/OWNER/NAME, found no owner`);
  if (p.name === undefined) {
    return {
      ok: false,
      kind: 'owner',
      host,
      owner: p.owner,
      reason: `https://${host}/${p.owner} is an organisation or user, not a repository; expected https://${host}/${p.owner}/<repository>`,
    };
  }
  const identity: RepoIdentity = { host, hostKind, owner: p.owner, name: p.name, url: `https://${host}/${p.owner}/${p.name}`, key: '' };
  const [page, ...rest] = p.extra;
  if ((page === 'tree' || page === 'blob') && rest.length > 0) {
    identity.treeRest = rest;
    identity.branch = rest[0]!;
    // a blob names a file: its folder is where the project is
    const folder = page === 'blob' ? rest.slice(1, -1) : rest.slice(1);
    if (folder.length > 0) identity.path = folder.join('/');
  }
  identity.key = identityKey(identity);
  return { ok: true, identity };
}

/** `host/owner/name[/path]`, lower-cased: two URLs name the same project iff their keys are equal. */
export function identityKey(id: Pick<RepoIdentity, 'host' | 'owner' | 'name' | 'path'>): string {
  return `${id.host}/${id.owner}/${id.name}${id.path ? `/${id.path}` : ''}`.toLowerCase();
}

/**
 * Re-splits `/tree/<rest>` once the repository's branch names are known: the longest branch that
 * is a prefix of the segments wins (`release/1.0` over `release`), the remainder is the path.
 */
export function splitTreeRest(rest: readonly string[], branches: Iterable<string>): { branch: string; path?: string } | undefined {
  const names = new Set(branches);
  for (let n = rest.length; n >= 1; n--) {
    const branch = rest.slice(0, n).join('/');
    if (names.has(branch)) {
      const path = rest.slice(n).join('/');
      return path ? { branch, path } : { branch };
    }
  }
  return undefined;
}
