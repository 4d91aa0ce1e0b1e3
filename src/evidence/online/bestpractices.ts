// The OpenSSF Best Practices badge (bestpractices.dev, formerly bestpractices.coreinfrastructure.org):
// a project's badge is found from the badge link in its README, then read from the site's public
// JSON (`GET /projects/<id>.json`: `badge_level`, `tiered_percentage`). No token, no rate limit
// header: answers are cached and asked conditionally like the package indexes'.
import type { BestPracticesEvidence } from '../types.js';
import { getJson, type HttpCache, type SourceCounter } from './http-cache.js';

export const DEFAULT_BESTPRACTICES_URL = 'https://www.bestpractices.dev';

/** Both of the site's hosts, with or without a locale (`/en/projects/42`) or `www.`. */
const BADGE_LINK =
  /\b(?:www\.)?(?:bestpractices\.dev|bestpractices\.coreinfrastructure\.org)\/(?:[a-z]{2}(?:-[A-Za-z]{2,4})?\/)?projects\/(\d{1,9})\b/i;

/** The first badge project id a text links to, with its line (1-based). */
export function findBadgeProject(text: string): { projectId: number; line: number } | undefined {
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    const m = BADGE_LINK.exec(line);
    if (m) return { projectId: Number(m[1]), line: i + 1 };
  }
  return undefined;
}

interface BadgeJson {
  id?: number;
  name?: string;
  badge_level?: string;
  tiered_percentage?: number;
  repo_url?: string;
}

export interface BestPracticesOptions {
  baseUrl?: string;
  cache: HttpCache;
  counter: SourceCounter;
  retryBaseMs?: number;
  fetch?: typeof fetch;
}

/** Reads one project's badge. A missing project is an answer (`notFound`); a site that cannot be asked, or answers without a level, throws. */
export async function bestPracticesEvidence(
  found: { projectId: number; foundIn: string },
  opts: BestPracticesOptions,
): Promise<BestPracticesEvidence> {
  const base = (opts.baseUrl ?? DEFAULT_BESTPRACTICES_URL).replace(/\/+$/, '');
  const url = `${base}/projects/${found.projectId}.json`;
  const out: BestPracticesEvidence = { projectId: found.projectId, foundIn: found.foundIn, url };
  const answer = await getJson<BadgeJson>(url, {
    cache: opts.cache,
    counter: opts.counter,
    ...(opts.retryBaseMs !== undefined ? { retryBaseMs: opts.retryBaseMs } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  if (answer.status === 404 || answer.status === 410) return { ...out, notFound: true };
  const d = answer.data;
  if (!d || typeof d !== 'object' || typeof d.badge_level !== 'string') {
    throw new Error(`${url} did not say the badge level (no badge_level field)`);
  }
  return {
    ...out,
    badgeLevel: d.badge_level,
    ...(typeof d.tiered_percentage === 'number' ? { tieredPercentage: d.tiered_percentage } : {}),
    ...(typeof d.name === 'string' && d.name ? { name: d.name } : {}),
    ...(typeof d.repo_url === 'string' && d.repo_url ? { repoUrl: d.repo_url } : {}),
  };
}
