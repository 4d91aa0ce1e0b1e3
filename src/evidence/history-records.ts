// The horizon's commits as compact, JSON-safe records: each identity (as committed, and what the
// .mailmap makes of it) once in a table, each commit a small tuple of numbers pointing into it.
// A busy repository has tens of thousands of commits a year but only hundreds of identities, and
// this is stored with every evaluation.
import type { CommitRecord, HistoryEvidence, HistoryIdentity } from './types.js';
import type { CommitDetails } from './git/commit-details.js';
import type { WindowCommit } from './git/walk.js';
import type { Mailmap } from './mailmap.js';
import { parseCoAuthor } from './identity.js';

type Records = Pick<HistoryEvidence, 'identities' | 'records' | 'newestByAuthor' | 'reachedThrough'>;

/**
 * Builds the records of `window` (non-merge commits, newest first) from their details: authors and
 * Co-authored-by trailers as committed, each mapped once through `mailmap`.
 */
export function buildRecords(
  window: readonly WindowCommit[],
  details: CommitDetails | undefined,
  mailmap: Mailmap,
  reachedThrough: Map<string, number>,
): Records {
  const identities: HistoryIdentity[] = [];
  /** identity numbers by name, then e-mail (no key string built per commit) */
  const index = new Map<string, Map<string, number>>();
  /** whether an identity's own .mailmap mapping has been worked out (only identities a commit names need one) */
  const mapped: boolean[] = [];
  const intern = (name: string, email: string): number => {
    let byEmail = index.get(name);
    if (!byEmail) {
      byEmail = new Map();
      index.set(name, byEmail);
    }
    let i = byEmail.get(email);
    if (i === undefined) {
      i = identities.length;
      identities.push([name, email]);
      byEmail.set(email, i);
    }
    return i;
  };
  const named = (name: string, email: string): number => {
    const i = intern(name, email);
    if (!mapped[i]) {
      mapped[i] = true;
      const to = mailmap.map({ name, email });
      if (to.name !== name || to.email !== email) identities[i] = [name, email, intern(to.name, to.email)];
    }
    return i;
  };
  const records: CommitRecord[] = [];
  const newestByAuthor: Record<string, string> = {};
  const reached: [number, number][] = [];
  /** each identity of `details` as numbered here */
  const authorNumbers: number[] = [];
  if (!details) return { identities, records, newestByAuthor };
  const { authors, names, emails, coAuthors } = details;
  const skewed = reachedThrough.size > 0;
  const trailers = coAuthors.size > 0;
  for (let w = 0; w < window.length; w++) {
    const { commit, time, at } = window[w]!;
    const slot = details.slot(at);
    if (slot < 0) continue;
    const committed = authors[slot]!;
    const author = (authorNumbers[committed] ??= named(names[committed]!, emails[committed]!));
    const record: CommitRecord = [time, author];
    const values = trailers ? coAuthors.get(slot) : undefined;
    if (values) {
      for (const value of values) {
        const co = parseCoAuthor(value);
        if (co) record.push(named(co.name, co.email));
      }
    }
    // newest first: an author's first record is its newest commit
    newestByAuthor[author] ??= commit;
    const floor = skewed ? reachedThrough.get(commit) : undefined;
    if (floor !== undefined) reached.push([records.length, floor]);
    records.push(record);
  }
  return { identities, records, newestByAuthor, ...(reached.length ? { reachedThrough: reached } : {}) };
}
