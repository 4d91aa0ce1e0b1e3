// Which project a repository URL names, for the process: the canonical URL (what is stored is
// what is judged) and the identity key the 3-month wait, duplicates and re-entry compare. An
// organisation page names no repository yet: the application is held with a question instead.
import { repoIdentity } from '../util/repo-identity.js';
import { ProcessError } from './errors.js';

export type CanonicalRepo =
  | { kind: 'repo'; url: string; key: string }
  /** an organisation or user page: who, not which repository */
  | { kind: 'owner'; url: string; key: string; reason: string };

/**
 * The canonical form of `input`. Hosts other than GitHub and GitLab (a self-hosted forge) keep
 * the URL as typed, compared without scheme, `www.`, `.git`, slash or case; URLs that could name
 * another repository than they seem to (dot segments, encoded separators, credentials) are refused.
 */
export function canonicalRepo(input: string, where = 'repository'): CanonicalRepo {
  const raw = input.trim();
  if (!/^https?:\/\/\S+$/.test(raw))
    throw new ProcessError('invalid', `${where}: expected the repository as an http(s) URL, found ${JSON.stringify(input)}`);
  const r = repoIdentity(raw);
  if (r.ok)
    return {
      kind: 'repo',
      url: r.identity.path ? `${r.identity.url}/tree/${r.identity.branch}/${r.identity.path}` : r.identity.url,
      key: r.identity.key,
    };
  if (r.kind === 'owner')
    return { kind: 'owner', url: `https://${r.host}/${r.owner}`, key: `${r.host}/${r.owner}`.toLowerCase(), reason: r.reason };
  if (/expected a repository on /.test(r.reason)) return { kind: 'repo', url: raw, key: looseKey(raw) };
  throw new ProcessError('invalid', `${where}: ${r.reason}`);
}

/** The key of a URL on a host Steward does not know the shape of. */
function looseKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
}

/** The identity key of a stored URL (stored URLs are canonical; an unreadable one keys as typed). */
export function repoKeyOf(url: string): string {
  try {
    return canonicalRepo(url).key;
  } catch {
    return looseKey(url);
  }
}
