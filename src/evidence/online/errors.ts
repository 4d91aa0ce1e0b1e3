// Online errors are filed by the source that failed, not by the requirement that would have read
// it: which requirements read which source is the requirements' business, and a policy with
// other rules reads the same evidence. A key is a source (`github`, `pypi`) when the whole source
// failed, or `source/part` when one part of it did (`github/runs`: the workflow runs only).
import type { OnlineEvidence } from '../types.js';

export const ONLINE_SOURCES = [
  'github',
  /** the repository's REST answer: stars, archived, license, default branch */
  'github/repo',
  /** the default branch's completed workflow runs */
  'github/runs',
  /** the GraphQL query: head checks, releases, community files, the organisation's defaults */
  'github/graphql',
  /** the members of teams CODEOWNERS names */
  'github/teams',
  /** commit authors' logins for the activity window */
  'github/authors',
  /** the company on contributors' profiles, for counting organisations */
  'github/users',
  'gitlab',
  'gitlab/pipelines',
  'gitlab/releases',
  'pypi',
  'conda',
  /** the OpenSSF Best Practices site's project JSON */
  'bestpractices',
] as const;

export type OnlineSource = (typeof ONLINE_SOURCES)[number];

/** The first error filed under the parts asked, in order; a part falls back to its whole source after all parts are asked. */
export function onlineError(online: Pick<OnlineEvidence, 'errors'> | undefined, ...sources: OnlineSource[]): string | undefined {
  const errors = online?.errors;
  if (!errors) return undefined;
  for (const s of sources) if (errors[s] !== undefined) return errors[s];
  for (const s of sources) {
    const whole = s.split('/')[0]!;
    if (whole !== s && errors[whole] !== undefined) return errors[whole];
  }
  return undefined;
}

/**
 * Evidence stored before errors were filed by source keyed them by requirement. Each key a
 * requirement read moves to the source part that fed it (on the host the evidence came from), so
 * a re-judged report says what it said then; keys nothing read keep their reason as `legacy/<key>`.
 */
const LEGACY_KEYS: Record<'github' | 'gitlab', Record<string, OnlineSource>> = {
  github: { stars: 'github/repo', 'working-ci': 'github/runs', 'core-maintainers': 'github/teams', packages: 'pypi' },
  gitlab: { stars: 'gitlab', 'working-ci': 'gitlab/pipelines', packages: 'pypi' },
};

const isCurrentKey = (k: string) => (ONLINE_SOURCES as readonly string[]).includes(k) || k.startsWith('legacy/');

/** The errors of evidence stored in either shape, filed by source; current ones are returned as they are. */
export function errorsBySource(errors: Record<string, string>, host: 'github' | 'gitlab' = 'github'): Record<string, string> {
  if (Object.keys(errors).every(isCurrentKey)) return errors;
  const out: Record<string, string> = {};
  for (const [k, why] of Object.entries(errors)) out[isCurrentKey(k) ? k : (LEGACY_KEYS[host][k] ?? `legacy/${k}`)] ??= why;
  return out;
}
