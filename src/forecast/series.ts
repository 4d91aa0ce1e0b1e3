// What the early warning reads: the commits of the last year (committer time, person), taken from
// the history the evidence keeps (no git process of its own), and every tag with its date. Merges
// and bots are left out as requirement 13 leaves them out.
import type { HistoryEvidence } from '../evidence/types.js';
import { foldName, noreplyLogin } from '../evidence/identity.js';
import { readTagRefs, type TagRef } from '../evidence/git/tags.js';
import { judgeIdentities } from '../requirements/activity-window.js';
import type { BotList } from '../requirements/bots.js';
import { DAY_MS, type Commit } from './trend.js';

export interface TagDate {
  name: string;
  date: string;
}

/**
 * The non-merge commits of the `days` before the history's end by people (the policy's bots left
 * out, as committed or after .mailmap), oldest first; or why they can't be read from this history.
 */
export function commitSeries(history: HistoryEvidence, bots: BotList, days: number): { commits: Commit[] } | { refused: string } {
  if (days > history.horizon.days)
    return {
      refused: `the early warning reads ${days} days of history; the evidence keeps ${history.horizon.days} (to ${history.horizon.until.slice(0, 10)})`,
    };
  const until = Date.parse(history.horizon.until);
  const since = until - days * DAY_MS;
  const who = judgeIdentities(history, bots);
  /** the person each identity is after .mailmap, worked out once; undefined for a bot */
  const person = new Map<number, string | undefined>();
  const personOf = (i: number) => {
    if (person.has(i)) return person.get(i);
    let key: string | undefined;
    if (!who.botAsCommitted(i) && !who.botAfterMailmap(i)) {
      const { name, email } = who.mapped(i);
      const login = noreplyLogin(email);
      key = login ? `login:${login}` : email ? `email:${email.toLowerCase()}` : `name:${foldName(name)}`;
    }
    person.set(i, key);
    return key;
  };
  const out: Commit[] = [];
  // records are newest first: walk them from the oldest inside the span
  const records = history.records;
  for (let k = records.length - 1; k >= 0; k--) {
    const t = records[k]![0]! * 1000;
    if (t <= since || t > until) continue;
    const p = personOf(records[k]![1]!);
    if (p !== undefined) out.push({ t, who: p });
  }
  return { commits: out };
}

/** Tags dated at or before asOf (tagger date, else the commit's), oldest first. */
export async function readTagDates(cwd: string, asOf: Date, refs?: () => Promise<TagRef[]>): Promise<TagDate[]> {
  const limit = asOf.getTime();
  const out: TagDate[] = [];
  for (const ref of await (refs ? refs() : readTagRefs(cwd))) {
    const ms = Number(ref.creatorDate) * 1000;
    if (ref.name && Number.isFinite(ms) && ms <= limit) out.push({ name: ref.name, date: new Date(ms).toISOString() });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : 1));
}
