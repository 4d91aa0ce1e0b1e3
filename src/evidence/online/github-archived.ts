// Whether GitHub repositories are archived, for `steward landscape validate --online`: the same
// client, persistent ETag cache and token pool as the checks, so a second run costs only 304s.
import type { OnlineSession } from './index.js';
import { githubClientOf } from './index.js';

const REPO = /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9-]{1,39})\/([A-Za-z0-9_.-]{1,100}?)(?:\.git)?\/?$/i;

/**
 * An `isArchived(repoUrl)` for the landscape's archived-repository hook: true / false from GitHub,
 * null when the URL is not a github.com repository or GitHub does not know it (404).
 * A rejected token is thrown (one clear error for the whole run), as are other failures.
 */
export function githubArchivedChecker(session: OnlineSession): (repoUrl: string) => Promise<boolean | null> {
  return async (repoUrl) => {
    const m = REPO.exec(repoUrl.trim());
    if (!m) return null;
    const client = await githubClientOf(session);
    try {
      const { data } = await client.get<{ archived?: boolean }>('GET /repos/{owner}/{repo}', { owner: m[1], repo: m[2] });
      return data.archived === true;
    } catch (err) {
      if ((err as { status?: number }).status === 404) return null;
      throw err;
    }
  };
}
