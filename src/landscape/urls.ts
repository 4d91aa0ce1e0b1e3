// URL rules: landscape2's (crates/core/src/util.rs validate_url: parseable, http(s), Crunchbase
// organisation pattern, per-kind domains) plus data-quality findings of ours for repositories: a
// repo_url should name one GitHub repository (github.com/OWNER/REPO, the form landscape2 collects
// GitHub data for) or a folder in one (`/tree/<branch>/<path>`, a project inside a monorepo), not
// an organisation or another page of the repository, written in one normal form. landscape2 builds
// the site from all of these, so they are findings to fix, never reasons to refuse the file.
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
  /**
   * `/tree/<branch>/<path>`, a valid URL naming the folder the project lives in: the segments
   * after `tree` (branch and folder; only the repository's branch list can split them exactly)
   */
  tree?: string;
}

/** Repository URL shape, for GitHub URLs; null for other hosts (their layouts vary: GitLab subgroups). */
export function checkRepoUrl(value: string): RepoUrlCheck | null {
  const p = parseRepoUrl(value, GITHUB_COM);
  if (!p) return null;
  if (p.kind === 'host') return { normalized: 'https://github.com', problem: 'org' };
  if (p.kind === 'org') return { normalized: `https://github.com/${p.owner}`, problem: 'org' };
  const normalized = `https://github.com/${p.owner}/${p.name}`;
  // `/tree/<branch>/<path>` names the project's folder; the branch may itself hold a `/`, which
  // only the repository's branch list can settle, so the folder kept is everything after `tree`
  if (p.kind === 'subpath' && p.extra[0] === 'tree' && p.extra.length >= 3 && !p.queryOrFragment) {
    const trimmed = value.replace(/\/+$/, '');
    return { normalized, problem: trimmed === value ? null : 'form', tree: p.extra.slice(1).join('/') };
  }
  if (p.kind === 'subpath') return { normalized, problem: 'subpath', suggestion: normalized };
  return { normalized, problem: value === normalized ? null : 'form' };
}

/** owner/repo of a GitHub repository URL, or null. */
export function githubSlug(value: string): string | null {
  const c = checkRepoUrl(value);
  if (!c || c.problem === 'org') return null;
  return c.normalized.slice('https://github.com/'.length);
}
