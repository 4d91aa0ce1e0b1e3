// Members of the `@org/team` owners a repository's CODEOWNERS (or MAINTAINERS) names, so a team
// counts as the people in it (requirement 11). One conditional REST request per team (a 304 costs
// no rate limit); asked only when teams are named. A team the token can't see (404, 403) stays
// unresolved with the reason; the other teams and the rest of the check are unaffected.
import type { GitHubClient } from './github-client.js';

/** Teams asked about per repository at most: CODEOWNERS naming more is unusual and each costs a request. */
export const MAX_TEAMS = 20;
const PER_PAGE = 100;
const MAX_PAGES = 10;

const TEAM = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9_.-]{1,100})$/;

export interface TeamMembers {
  /** `org/team` (as written, without `@`) → logins */
  teams: Record<string, string[]>;
  /** `org/team` → why its members are unknown */
  unresolved: Record<string, string>;
}

function why(status: number | undefined, message: string, team: string, org: string): string {
  if (status === 404)
    return `@${team}: GitHub answered 404: no such team, or the token can't see it (a token needs read:org on ${org}, or org membership)`;
  if (status === 403)
    return `@${team}: GitHub answered 403: the token may not list this team's members (${message.replace(/ - https?:\/\/\S+$/, '')})`;
  return `@${team}: ${status ? `HTTP ${status}: ` : ''}${message}`;
}

export async function githubTeamMembers(client: GitHubClient, names: readonly string[]): Promise<TeamMembers> {
  const out: TeamMembers = { teams: {}, unresolved: {} };
  const seen = new Map<string, string>();
  for (const n of names) {
    const key = n.replace(/^@/, '');
    if (!seen.has(key.toLowerCase())) seen.set(key.toLowerCase(), key);
  }
  const all = [...seen.values()];
  // answers arrive in any order; the result is assembled in the order the teams were named
  const results = await Promise.all(
    all.slice(0, MAX_TEAMS).map(async (team): Promise<{ team: string; logins?: string[]; reason?: string }> => {
      const m = TEAM.exec(team);
      if (!m) return { team, reason: `@${team}: not a team name (expected @org/team)` };
      const [, org, slug] = m as unknown as [string, string, string];
      const logins: string[] = [];
      try {
        for (let page = 1; page <= MAX_PAGES; page++) {
          const { data } = await client.get<{ login: string }[]>('GET /orgs/{org}/teams/{team_slug}/members', {
            org,
            team_slug: slug.toLowerCase(),
            per_page: PER_PAGE,
            page,
          });
          for (const u of Array.isArray(data) ? data : []) if (typeof u?.login === 'string') logins.push(u.login);
          if (!Array.isArray(data) || data.length < PER_PAGE) break;
        }
        return { team, logins };
      } catch (err) {
        if ((err as Error).name === 'GitHubAuthError') throw err;
        const e = err as { status?: number; message?: string };
        return { team, reason: why(e.status, e.message ?? String(err), team, org) };
      }
    }),
  );
  for (const r of results) {
    if (r.logins) out.teams[r.team] = r.logins;
    else out.unresolved[r.team] = r.reason!;
  }
  for (const t of all.slice(MAX_TEAMS)) out.unresolved[t] = `@${t}: not asked; only the first ${MAX_TEAMS} teams are resolved`;
  return out;
}
