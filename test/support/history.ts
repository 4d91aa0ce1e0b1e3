// The history as the requirements see it: read raw from a built repository and judged under a
// policy's window and bot list, or made up as raw records for synthetic evidence.
import type { Evidence, HistoryEvidence, HistoryIdentity } from '../../src/evidence/types.js';
import { HISTORY_HORIZON_DAYS } from '../../src/evidence/types.js';
import type { Policy } from '../../src/policy/types.js';
import { readHistory } from '../../src/evidence/history.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';
import { activityWindow, type ActivityWindow } from '../../src/requirements/activity-window.js';

/** The policy's window over raw history; a refusal fails the test with its reason. */
export function judgeWindow(history: HistoryEvidence, policy: Policy = loadDefaultPolicy()): ActivityWindow {
  const judged = activityWindow({ history } as Evidence, { days: policy.shared.windowDays, bots: policy.bots, policy });
  if ('refused' in judged) throw new Error(`the window was refused: ${judged.refused.id}`);
  return judged.window;
}

/** readHistory, then the window judged under `policy`; `raw` is the history as the evidence keeps it. */
export async function readJudgedHistory(dir: string, commit: string, asOf: Date, policy: Policy = loadDefaultPolicy()) {
  const { history, tags } = await readHistory(dir, commit, asOf);
  return { history: judgeWindow(history, policy), tags, raw: history };
}

export interface MadeCommit {
  /** committer time */
  at: Date | string;
  author?: { name: string; email: string };
  coAuthors?: { name: string; email: string }[];
}

/** Raw history ending at `asOf` holding these commits (any order), as readHistory would record them. */
export function rawHistory(asOf: Date | string, commits: MadeCommit[] = []): HistoryEvidence {
  const until = Math.floor(new Date(asOf).getTime() / 1000);
  const since = until - HISTORY_HORIZON_DAYS * 86_400;
  const identities: HistoryIdentity[] = [];
  const index = new Map<string, number>();
  const id = (who: { name: string; email: string }) => {
    const key = `${who.name}\n${who.email}`;
    if (!index.has(key)) {
      index.set(key, identities.length);
      identities.push([who.name, who.email]);
    }
    return index.get(key)!;
  };
  const rows = commits
    .map((c, i) => ({
      t: Math.floor(new Date(c.at).getTime() / 1000),
      hash: (i + 1).toString(16).padStart(40, 'a'),
      c,
    }))
    .filter((r) => r.t > since && r.t <= until)
    .sort((a, b) => b.t - a.t || (a.hash < b.hash ? -1 : 1));
  const newestByAuthor: Record<string, string> = {};
  const records = rows.map((r) => {
    const author = id(r.c.author ?? { name: 'Person', email: 'person@example.org' });
    newestByAuthor[author] ??= r.hash;
    return [r.t, author, ...(r.c.coAuthors ?? []).map(id)];
  });
  const newest = rows[0];
  return {
    horizon: { since: new Date(since * 1000).toISOString(), until: new Date(until * 1000).toISOString(), days: HISTORY_HORIZON_DAYS },
    identities,
    records,
    merges: [],
    newestByAuthor,
    ...(newest ? { latestCommitAt: new Date(newest.t * 1000).toISOString(), latestCommit: newest.hash } : {}),
    method: 'full-walk',
    skewedCommits: 0,
    mailmap: false,
  };
}

/** `n` commits by one person, one a day (closer together past 80), the newest a day before `asOf`: all inside a 90-day window. */
export function dailyCommits(asOf: Date | string, n: number): MadeCommit[] {
  const end = new Date(asOf).getTime();
  const step = Math.min(86_400_000, Math.floor((80 * 86_400_000) / Math.max(n, 1)));
  return Array.from({ length: n }, (_, i) => ({ at: new Date(end - 86_400_000 - i * step) }));
}
