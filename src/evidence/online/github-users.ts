// The company on contributors' GitHub profiles (`GET /users/{login}`: `company`), for the people
// whose e-mail domain says nothing about an organisation (free-mail, no-reply). One conditional
// request per login (a 304 costs no rate limit), at most MAX_PROFILES per check.
import type { GitHubClient } from './github-client.js';

export const MAX_PROFILES = 50;

export interface ProfileCompanies {
  /** login (lower case) → company as written on the profile; logins without one are absent */
  companies: Record<string, string>;
  /** profiles read */
  asked: number;
  /** logins not asked (over the cap) or not answered, with why */
  unresolved: Record<string, string>;
}

export async function githubProfileCompanies(client: GitHubClient, logins: readonly string[]): Promise<ProfileCompanies> {
  const unique = [...new Set(logins.map((l) => l.toLowerCase()))].sort();
  const out: ProfileCompanies = { companies: {}, asked: 0, unresolved: {} };
  const asked = unique.slice(0, MAX_PROFILES);
  const answers = await Promise.all(
    asked.map(async (login) => {
      try {
        const { data } = await client.get<{ company?: string | null }>('GET /users/{username}', { username: login });
        return { login, company: typeof data?.company === 'string' ? data.company.trim() : '' };
      } catch (err) {
        if ((err as Error).name === 'GitHubAuthError') throw err;
        const e = err as { status?: number; message?: string };
        return { login, reason: e.status === 404 ? 'no such GitHub user' : (e.message ?? String(err)) };
      }
    }),
  );
  for (const a of answers) {
    if (a.reason !== undefined) out.unresolved[a.login] = a.reason;
    else {
      out.asked++;
      if (a.company) out.companies[a.login] = a.company;
    }
  }
  for (const l of unique.slice(MAX_PROFILES)) out.unresolved[l] = `not asked; only ${MAX_PROFILES} profiles are read per check`;
  return out;
}
