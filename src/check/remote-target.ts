// Hosted repositories as check targets: what the user typed is parsed and judged safe by pure
// string work first (no process, no socket), then cloned blobless into a cache keyed by URL and
// refreshed with `git fetch` next time. The clone itself never fetches on its own: it is set to
// refuse every protocol, so reading its files during a check can't open a connection; the few
// blobs a check reads are fetched here, explicitly, right after the refresh.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../util/errors.js';
import { rawPathProblem, repoIdentity, splitTreeRest } from '../util/repo-identity.js';
import { normaliseProjectPath, projectWants } from './project-root.js';
import { PUBLIC_REPO_HOSTS, readRepoPath, repoHostName, type RepoHostKind } from '../util/repo-url.js';
import { fetchWantedBlobs, runGit, writeCommitGraph } from './remote-git.js';
import { git } from '../evidence/git/run.js';
import { resolveLocalTarget, type ResolvedTarget } from './target.js';

export type HostKind = RepoHostKind;

/** Hosts a URL may name, and what each is. Default: github.com and gitlab.com only. */
export type AllowedHosts = Record<string, HostKind>;

export const DEFAULT_ALLOWED_HOSTS: AllowedHosts = { ...PUBLIC_REPO_HOSTS };

/** `host=value,host=value` pairs from an environment variable, or undefined when unset. */
function pairs(text: string | undefined, name: string): Record<string, string> | undefined {
  if (!text?.trim()) return undefined;
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const i = part.indexOf('=');
    if (i <= 0) throw new InputError(`${name}: expected host=value pairs separated by commas; found ${JSON.stringify(part)}`);
    out[part.slice(0, i).trim().toLowerCase()] = part.slice(i + 1).trim();
  }
  return out;
}

/**
 * Hosts allowed in addition to github.com and gitlab.com (GitHub Enterprise, self-managed GitLab):
 * STEWARD_ALLOWED_HOSTS=`github.example.com=github,git.example.org=gitlab`. Explicit only.
 */
export function allowedHostsFromEnv(env: NodeJS.ProcessEnv = process.env): AllowedHosts {
  const extra = pairs(env.STEWARD_ALLOWED_HOSTS, 'STEWARD_ALLOWED_HOSTS') ?? {};
  for (const [h, kind] of Object.entries(extra)) {
    if (kind !== 'github' && kind !== 'gitlab') throw new InputError(`STEWARD_ALLOWED_HOSTS: ${h}=${kind}: expected github or gitlab`);
  }
  return { ...DEFAULT_ALLOWED_HOSTS, ...(extra as AllowedHosts) };
}

/** Mirrors to clone from, by host: STEWARD_CLONE_BASE_URLS=`github.com=https://mirror.example/gh`. Explicit only (tests, mirrors). */
export function cloneBaseUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> | undefined {
  return pairs(env.STEWARD_CLONE_BASE_URLS, 'STEWARD_CLONE_BASE_URLS');
}

export interface RemoteSpec {
  /** canonical https URL to clone (`https://github.com/owner/name.git`) */
  url: string;
  /** the host name as allowed (`github.com`) */
  hostname: string;
  host: HostKind;
  /** `owner/name` (GitLab: `group/subgroup/name`) */
  slug: string;
  /** https URL of the repository's page */
  webUrl: string;
  /** a branch named by `/tree/<branch>/…`, for information only */
  branchHint?: string;
}

/** An organisation or user page rather than a repository (`https://github.com/Project-MONAI`). */
export interface OwnerOnly {
  ownerOnly: true;
  hostname: string;
  host: HostKind;
  owner: string;
  webUrl: string;
}

export type Classified =
  { kind: 'local' } | { kind: 'remote'; spec: RemoteSpec } | { kind: 'owner'; owner: OwnerOnly } | { kind: 'refused'; reason: string };

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
// GitLab group and project path segments
const GL_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/;
// first path segments that are GitHub's own pages, never an account
const GITHUB_RESERVED_OWNERS = new Set([
  'orgs',
  'settings',
  'marketplace',
  'topics',
  'explore',
  'login',
  'sponsors',
  'features',
  'about',
  'pricing',
  'apps',
  'search',
]);

function refused(input: string, why: string): Classified {
  return { kind: 'refused', reason: `${JSON.stringify(input)}: ${why}` };
}

function validName(name: string): boolean {
  return NAME.test(name) && name !== '.' && name !== '..' && !name.endsWith('.lock');
}

/**
 * Decides what `input` is without touching the disk, a process or the network:
 * a URL or `owner/name` (remote), an organisation page, something refused, or a local path.
 * `existsLocally` tells whether the path exists (the caller's stat); `owner/name` is remote
 * only when no such local path exists.
 */
export function classifyTarget(
  input: string,
  opts: { allowedHosts?: AllowedHosts; existsLocally?: (p: string) => boolean } = {},
): Classified {
  const hosts = opts.allowedHosts ?? allowedHostsFromEnv();
  const raw = input.trim();
  if (raw === '') return refused(input, 'empty target');
  // control characters have no business in a repository address and would confuse git
  if (/[\0-\x1f\x7f]/.test(raw)) return refused(input, 'contains control characters');
  if (raw.startsWith('-')) return refused(input, 'starts with "-" (would be read as an option); give a path, https URL or owner/name');
  if (/^[A-Za-z][A-Za-z0-9+.-]*::/.test(raw))
    return refused(input, 'git transport helpers (`ext::`, `fd::` …) are not accepted; give an https URL');
  if (/^[^/\s:]+@[^/\s:]+:/.test(raw)) return refused(input, 'SSH addresses (git@host:owner/name) are not accepted; give the https URL');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(raw)?.[1]?.toLowerCase();
  if (scheme !== undefined) return classifyUrl(input, raw, scheme, hosts);
  // `file:x`, `mailto:`… without slashes; a Windows drive letter (`C:\…`) is a path
  const other = /^([A-Za-z][A-Za-z0-9+.-]+):/.exec(raw)?.[1];
  if (other !== undefined)
    return refused(input, `the ${other}: scheme is not accepted; give an https URL on ${Object.keys(hosts).join(' or ')}`);
  const bareHost = /^(?:www\.)?([A-Za-z0-9.-]+\.[A-Za-z]{2,})\/(.*)$/.exec(raw);
  if (bareHost && hosts[bareHost[1]!.toLowerCase()] !== undefined && !(opts.existsLocally?.(raw) ?? false)) {
    return classifyUrl(input, `https://${raw}`, 'https', hosts);
  }
  if (opts.existsLocally?.(raw)) return { kind: 'local' };
  const short = /^([A-Za-z0-9-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(raw);
  if (short && OWNER.test(short[1]!) && validName(short[2]!)) {
    const githubHost = Object.keys(hosts).find((h) => hosts[h] === 'github');
    if (githubHost === undefined) return refused(input, 'owner/name means GitHub, and no GitHub host is allowed');
    return { kind: 'remote', spec: makeSpec(githubHost, 'github', `${short[1]}/${short[2]}`) };
  }
  return { kind: 'local' };
}

function classifyUrl(input: string, raw: string, scheme: string, hosts: AllowedHosts): Classified {
  if (scheme !== 'https' && scheme !== 'http') {
    return refused(input, `the ${scheme}: scheme is not accepted; give an https URL on ${Object.keys(hosts).join(' or ')}`);
  }
  // before the URL parser, which would resolve `%2e%2e` segments into another repository's path
  const pathProblem = rawPathProblem(raw);
  if (pathProblem) return refused(input, pathProblem);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refused(input, 'not a valid URL');
  }
  if (url.username !== '' || url.password !== '' || /^[a-z]+:\/\/[^/]*@/i.test(raw)) {
    return refused(input, 'credentials in URLs are not accepted; pass a token with --token or GITHUB_TOKEN');
  }
  if (url.port !== '') return refused(input, `a port (${url.port}) is not accepted; give the host's https URL`);
  const hostname = url.hostname.toLowerCase();
  if (/^\[.*\]$/.test(hostname) || /^[0-9.]+$/.test(hostname) || /^0x/i.test(hostname)) {
    return refused(input, 'IP addresses are not accepted; give the https URL on the hosting service');
  }
  const name = repoHostName(hostname);
  const kind = hosts[name];
  if (kind === undefined) return refused(input, `host ${hostname} is not allowed; allowed: ${Object.keys(hosts).join(', ')}`);
  // query strings and fragments on a repository page (`?tab=readme`, `#readme`) are ignored
  let segments: string[];
  try {
    segments = url.pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return refused(input, 'the URL path is not valid percent-encoding');
  }
  if (segments.some((s) => s === '.' || s === '..' || /[\0-\x1f\\]/.test(s))) return refused(input, 'the URL path has . or .. segments');
  return kind === 'github' ? githubPath(input, name, segments) : gitlabPath(input, name, segments);
}

function githubPath(input: string, hostname: string, segments: string[]): Classified {
  const { path, extra } = readRepoPath(segments, 'github');
  const [owner, name] = path;
  if (owner === undefined) return refused(input, `expected https://${hostname}/OWNER/NAME, found no owner`);
  if (!OWNER.test(owner) || GITHUB_RESERVED_OWNERS.has(owner.toLowerCase())) {
    return refused(input, `expected https://${hostname}/OWNER/NAME; ${JSON.stringify(owner)} is not an account name`);
  }
  const rawName = segments[1];
  if (rawName === undefined) {
    return { kind: 'owner', owner: { ownerOnly: true, hostname, host: 'github', owner, webUrl: `https://${hostname}/${owner}` } };
  }
  if (name === undefined || !validName(name)) return refused(input, `${JSON.stringify(rawName)} is not a repository name`);
  const spec = makeSpec(hostname, 'github', `${owner}/${name}`);
  if ((extra[0] === 'tree' || extra[0] === 'blob') && extra[1]) spec.branchHint = extra[1];
  return { kind: 'remote', spec };
}

function gitlabPath(input: string, hostname: string, segments: string[]): Classified {
  // GitLab separates a project's own pages with `/-/` (`/group/name/-/tree/main`)
  const { path, extra } = readRepoPath(segments, 'gitlab');
  if (path.length === 0) return refused(input, `expected https://${hostname}/GROUP/NAME, found no group`);
  if (!path.every((s) => GL_SEGMENT.test(s) && !s.endsWith('.atom') && !s.endsWith('.lock'))) {
    return refused(
      input,
      `expected https://${hostname}/GROUP/NAME; the path ${JSON.stringify(path.join('/'))} has characters GitLab does not allow`,
    );
  }
  if (path.length === 1) {
    return {
      kind: 'owner',
      owner: { ownerOnly: true, hostname, host: 'gitlab', owner: path[0]!, webUrl: `https://${hostname}/${path[0]}` },
    };
  }
  const spec = makeSpec(hostname, 'gitlab', path.join('/'));
  if ((extra[0] === 'tree' || extra[0] === 'blob') && extra[1]) spec.branchHint = extra[1];
  return { kind: 'remote', spec };
}

function makeSpec(hostname: string, host: HostKind, slug: string): RemoteSpec {
  return { url: `https://${hostname}/${slug}.git`, hostname, host, slug, webUrl: `https://${hostname}/${slug}` };
}

/**
 * The hosted repository a local clone's `origin` URL names, for naming it only (evidence links,
 * online facts); nothing is cloned or fetched from it. SSH (`git@host:owner/name.git`,
 * `ssh://git@host:22/owner/name`), git:// and http(s) forms all map to the host's https address;
 * user names, passwords and ports in it are dropped, so no credential reaches a report.
 */
export function classifyOriginUrl(url: string, opts: { allowedHosts?: AllowedHosts } = {}): Classified {
  const raw = url.trim();
  let https: string | undefined;
  // scp-like syntax: [user@]host:path, where the path does not start with // (that is a URL)
  const scp = /^(?:[^@/\s:]+@)?([A-Za-z0-9.-]+\.[A-Za-z]{2,}):(?!\/\/)\/?([^\s]+)$/.exec(raw);
  if (scp) https = `https://${scp[1]}/${scp[2]}`;
  else if (/^(?:ssh|git\+ssh|ssh\+git|git|https?):\/\//i.test(raw)) {
    try {
      const u = new URL(raw.replace(/^(?:git\+ssh|ssh\+git):/i, 'ssh:'));
      https = `https://${u.hostname}${u.pathname}`;
    } catch {
      return { kind: 'refused', reason: 'the origin URL is not a valid URL' };
    }
  }
  if (https === undefined) return { kind: 'refused', reason: 'origin is not a hosted repository (a local path or an unknown transport)' };
  const c = classifyTarget(https, { ...(opts.allowedHosts ? { allowedHosts: opts.allowedHosts } : {}), existsLocally: () => false });
  if (c.kind === 'owner') return { kind: 'refused', reason: `origin ${c.owner.webUrl} names an account, not a repository` };
  return c;
}

export interface RemoteTargetOptions {
  /** where clones are kept (default $XDG_CACHE_HOME/steward/repos or ~/.cache/steward/repos) */
  cacheDir?: string;
  /** no clone, no fetch: use the cached clone if there is one, else refuse */
  offline?: boolean;
  allowedHosts?: AllowedHosts;
  /**
   * Where to clone from instead of the host itself, by host name (`{"github.com": "http://127.0.0.1:9/git"}`):
   * for mirrors and tests, never set by default. The target is still validated against `allowedHosts`.
   */
  cloneBaseUrls?: Record<string, string>;
  /** the revision the check will read (default: the branch a `/tree/<branch>/` URL names, else HEAD); its files are fetched into the blobless clone */
  rev?: string;
  /** the folder the project lives in (default: the path a `/tree/<branch>/<path>` URL names) */
  path?: string;
  /** which paths of the tree a check reads (the gather's own filter); all blobs of those are fetched */
  wantsPath?: (path: string) => boolean;
  /** lists the repositories of an owner, for the error an organisation URL gives (online only) */
  listOwnerRepos?: (owner: OwnerOnly) => Promise<string[]>;
  timeoutMs?: number;
}

export interface RemoteTarget {
  url: string;
  host: HostKind;
  hostname: string;
  slug: string;
  webUrl: string;
  localGitDir: string;
  /** `cloned`, `fetched` or `cached` (offline) */
  refreshed: 'cloned' | 'fetched' | 'cached';
  /** the revision to check: --rev, else the branch the URL names, else HEAD */
  rev: string;
  /** the project's folder: --path, else the one the URL names */
  path?: string;
  /** `rev` resolved in the clone, when it was resolved already (for the blob fetch) */
  resolved?: ResolvedTarget;
}

/**
 * The branch and folder a `/tree/<branch>/<path>` URL names, split by the clone's own branch list
 * (the longest branch that is a prefix wins, so `release/1.0` beats `release`).
 */
async function treeTarget(
  input: string,
  dir: string,
  spec: RemoteSpec,
  timeoutMs: number | undefined,
  allowedHosts: AllowedHosts | undefined,
): Promise<{ branch?: string; path?: string }> {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(input.trim())) return {};
  const id = repoIdentity(input, allowedHosts ?? allowedHostsFromEnv());
  if (!id.ok || !id.identity.treeRest) return {};
  const heads = await runGit(dir, ['for-each-ref', '--format=%(refname:strip=2)', 'refs/heads'], timeoutMs, spec);
  const split = splitTreeRest(id.identity.treeRest, heads.split('\n').filter(Boolean));
  if (!split) {
    throw new InputError(
      `${input}: the URL names the branch ${JSON.stringify(id.identity.treeRest.join('/'))} (or a prefix of it), which ${spec.webUrl} does not have`,
    );
  }
  // a /blob/ URL names a file: the project is its folder
  const folder = /\/blob\//.test(input) && split.path ? split.path.split('/').slice(0, -1).join('/') : split.path;
  return { branch: split.branch, ...(folder ? { path: folder } : {}) };
}

/**
 * The same split for a local clone of the repository a URL names (the process's `--repos-dir`):
 * the longest of the clone's branches (its own, else origin's) that is a prefix of the segments
 * after `/tree/` is the revision checked, the rest the project's folder, as for a URL target.
 */
export async function localTreeTarget(dir: string, url: string, allowedHosts?: AllowedHosts): Promise<{ rev?: string; path?: string }> {
  const id = repoIdentity(url, allowedHosts ?? allowedHostsFromEnv());
  if (!id.ok || !id.identity.treeRest) return {};
  const refs = (await git(['for-each-ref', '--format=%(refname)', 'refs/heads', 'refs/remotes/origin'], { cwd: dir }))
    .split('\n')
    .filter(Boolean);
  /** branch name → the revision to check: the clone's own branch, else the remote-tracking one */
  const branches = new Map<string, string>();
  for (const ref of refs) if (ref.startsWith('refs/heads/')) branches.set(ref.slice('refs/heads/'.length), ref.slice('refs/heads/'.length));
  for (const ref of refs) {
    const name = ref.startsWith('refs/remotes/origin/') ? ref.slice('refs/remotes/origin/'.length) : '';
    if (name && name !== 'HEAD' && !branches.has(name)) branches.set(name, `origin/${name}`);
  }
  const split = splitTreeRest(id.identity.treeRest, branches.keys());
  if (!split) {
    throw new InputError(
      `${url}: the URL names the branch ${JSON.stringify(id.identity.treeRest.join('/'))} (or a prefix of it), which the local clone ${dir} does not have`,
    );
  }
  const folder = /\/blob\//.test(url) && split.path ? split.path.split('/').slice(0, -1).join('/') : split.path;
  return { rev: branches.get(split.branch)!, ...(folder ? { path: folder } : {}) };
}

export function defaultCloneCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'steward', 'repos');
}

/** The cache directory of a URL: readable name plus a hash, so two URLs never share a clone. */
export function cloneDirFor(cacheDir: string, spec: RemoteSpec): string {
  const hash = createHash('sha256').update(spec.url.toLowerCase()).digest('hex').slice(0, 16);
  const readable = `${spec.hostname}-${spec.slug}`
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '_')
    .slice(0, 80);
  return join(cacheDir, `${readable}-${hash}.git`);
}

function localExists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Turns a URL or owner/name into a local bare clone. Everything unsafe is refused before any
 * process or socket is opened; an organisation URL lists the repositories to choose from when online.
 */
export async function resolveRemoteTarget(input: string, opts: RemoteTargetOptions = {}): Promise<RemoteTarget> {
  const c = classifyTarget(input, { ...(opts.allowedHosts ? { allowedHosts: opts.allowedHosts } : {}), existsLocally: localExists });
  if (c.kind === 'refused') throw new InputError(c.reason);
  if (c.kind === 'local')
    throw new InputError(
      `${JSON.stringify(input)}: expected an https URL on ${Object.keys(opts.allowedHosts ?? allowedHostsFromEnv()).join(' or ')}, or owner/name`,
    );
  if (c.kind === 'owner') throw await ownerError(c.owner, opts);
  const spec = c.spec;
  const cacheDir = opts.cacheDir ?? defaultCloneCacheDir();
  const dir = cloneDirFor(cacheDir, spec);
  const cloneUrl = cloneUrlFor(spec, opts.cloneBaseUrls ?? cloneBaseUrlsFromEnv());
  const have = existsSync(join(dir, 'HEAD'));
  let refreshed: RemoteTarget['refreshed'];
  if (opts.offline) {
    if (!have) {
      throw new InputError(
        `${spec.webUrl}: --offline, and there is no cached clone in ${cacheDir}; run once online, or check a local clone`,
      );
    }
    refreshed = 'cached';
  } else if (have) {
    await runGit(
      dir,
      [
        'fetch',
        '--quiet',
        '--prune',
        '--force',
        '--no-write-fetch-head',
        '--filter=blob:none',
        cloneUrl,
        '+refs/heads/*:refs/heads/*',
        '+refs/tags/*:refs/tags/*',
      ],
      opts.timeoutMs,
      spec,
      { network: cloneUrl },
    );
    refreshed = 'fetched';
  } else {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
    try {
      // `-c` here is written to the clone's own config (clone records origin's URL itself): from
      // now on the clone can't reach the network unless a command line says so, as this clone's does
      await runGit(
        cacheDir,
        ['clone', '--quiet', '--bare', '--filter=blob:none', '-c', 'protocol.allow=never', '--', cloneUrl, tmp],
        opts.timeoutMs,
        spec,
        { network: cloneUrl },
      );
      if (existsSync(join(dir, 'HEAD')))
        rmSync(tmp, { recursive: true, force: true }); // another check won the race
      else renameSync(tmp, dir);
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
    refreshed = 'cloned';
  }
  // A fresh clone's commit-graph is written by the blob fetch that follows, when there is one (a
  // git process less per hosted check); the history walk reads it after both.
  const graphByBlobFetch = refreshed === 'cloned' && !opts.offline && opts.wantsPath !== undefined;
  if (refreshed !== 'cached' && !graphByBlobFetch) await writeCommitGraph(dir, refreshed, opts.timeoutMs, spec);
  let graphWritten = !graphByBlobFetch;
  try {
    const tree = await treeTarget(input, dir, spec, opts.timeoutMs, opts.allowedHosts);
    const rev = opts.rev ?? tree.branch ?? 'HEAD';
    const path = opts.path !== undefined ? normaliseProjectPath(opts.path) : tree.path;
    let resolved: ResolvedTarget | undefined;
    if (!opts.offline && opts.wantsPath) {
      // the commit first: the blob fetch lists its tree by id, and the check lists the same tree then
      resolved = await resolveLocalTarget(dir, rev, { ownBareClone: true }).catch(() => undefined);
      // an unknown revision is left to the check's own resolution, which reports it
      if (resolved) {
        const fetched = await fetchWantedBlobs(
          resolved.root,
          cloneUrl,
          resolved.commit,
          projectWants(path, opts.wantsPath),
          opts.timeoutMs,
          spec,
          { allMissing: refreshed === 'cloned', writeCommitGraph: !graphWritten },
        );
        graphWritten ||= fetched.commitGraphWritten;
      }
    }
    return {
      ...(resolved ? { resolved } : {}),
      url: spec.url,
      host: spec.host,
      hostname: spec.hostname,
      slug: spec.slug,
      webUrl: spec.webUrl,
      localGitDir: dir,
      refreshed,
      rev,
      ...(path ? { path } : {}),
    };
  } finally {
    // no blob to fetch, or the step before it failed: the graph is written as it was before
    if (!graphWritten && refreshed !== 'cached') await writeCommitGraph(dir, refreshed, opts.timeoutMs, spec);
  }
}

export function cloneUrlFor(spec: RemoteSpec, bases: Record<string, string> | undefined): string {
  const base = bases?.[spec.hostname];
  return base ? `${base.replace(/\/+$/, '')}/${spec.slug}.git` : spec.url;
}

async function ownerError(owner: OwnerOnly, opts: RemoteTargetOptions): Promise<InputError> {
  const head = `${owner.webUrl} is an ${owner.host === 'github' ? 'organisation or user' : 'group'}, not a repository; check one of its repositories`;
  if (opts.offline || !opts.listOwnerRepos) return new InputError(`${head}: ${owner.webUrl}/NAME`);
  let repos: string[];
  try {
    repos = await opts.listOwnerRepos(owner);
  } catch (err) {
    return new InputError(`${head}: ${owner.webUrl}/NAME (its repositories could not be listed: ${(err as Error).message})`);
  }
  if (repos.length === 0) return new InputError(`${head}; ${owner.owner} has no public repositories`);
  const shown = repos.slice(0, 30);
  const more = repos.length > shown.length ? `\n  … and ${repos.length - shown.length} more` : '';
  return new InputError(`${head}, e.g.:\n${shown.map((r) => `  steward check https://${owner.hostname}/${r}`).join('\n')}${more}`);
}
