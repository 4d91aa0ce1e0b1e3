// URL rules: landscape2's (crates/core/src/util.rs validate_url: parseable, http(s), Crunchbase
// organisation pattern, per-kind domains) plus ours for repositories: a repo_url must name one
// GitHub repository (github.com/OWNER/REPO, the form landscape2 collects GitHub data for), not an
// organisation or a page inside the repository, and is written in one normal form.
import { GITHUB_COM, parseRepoUrl } from '../util/repo-url.js';

const CRUNCHBASE = /^https:\/\/www\.crunchbase\.com\/organization\/[^/]+\/?$/;

const DOMAINS: Record<string, string[]> = {
  bluesky: ['bsky.app'],
  facebook: ['facebook.com'],
  flickr: ['flickr.com'],
  github: ['github.com'],
  instagram: ['instagram.com'],
  linkedin: ['linkedin.com'],
  pinterest: ['pinterest.com'],
  reddit: ['reddit.com'],
  stack_overflow: ['stackoverflow.com'],
  twitch: ['twitch.tv'],
  twitter: ['twitter.com', 'x.com'],
  youtube: ['youtube.com'],
};

/** landscape2's check for one URL of the given kind: null when valid, else the reason. */
export function urlProblem(kind: string, value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `invalid ${kind} url: expected an absolute http(s) URL, found ${JSON.stringify(value)}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `invalid ${kind} url: invalid scheme ${url.protocol.replace(/:$/, '')} (expected http or https)`;
  }
  if (kind === 'crunchbase' && !CRUNCHBASE.test(url.href)) {
    return `invalid crunchbase url: expecting https://www.crunchbase.com/organization/NAME, found ${value}`;
  }
  const domains = DOMAINS[kind];
  if (domains && !domains.some((d) => url.hostname.endsWith(d))) {
    return `invalid ${kind} url: expecting https://${domains.join('|')}/..., found ${value}`;
  }
  return null;
}

export interface RepoUrlCheck {
  /** the URL in normal form: https://github.com/OWNER/REPO (host lower-cased, no .git, no trailing /) */
  normalized: string;
  /** 'org': names an organisation only; 'subpath': a page inside a repository; 'form': not in normal form */
  problem: 'org' | 'subpath' | 'form' | null;
  /** for org/subpath: what the URL should probably be */
  suggestion?: string;
}

/** Repository URL shape, for GitHub URLs; null for other hosts (their layouts vary: GitLab subgroups). */
export function checkRepoUrl(value: string): RepoUrlCheck | null {
  const p = parseRepoUrl(value, GITHUB_COM);
  if (!p) return null;
  if (p.kind === 'host') return { normalized: 'https://github.com', problem: 'org' };
  if (p.kind === 'org') return { normalized: `https://github.com/${p.owner}`, problem: 'org' };
  const normalized = `https://github.com/${p.owner}/${p.name}`;
  if (p.kind === 'subpath') return { normalized, problem: 'subpath', suggestion: normalized };
  return { normalized, problem: value === normalized ? null : 'form' };
}

/** owner/repo of a GitHub repository URL, or null. */
export function githubSlug(value: string): string | null {
  const c = checkRepoUrl(value);
  if (!c || c.problem === 'org') return null;
  return c.normalized.slice('https://github.com/'.length);
}
