// The GitHub rate budget kept in the store (table rate_budget), shared by every worker using the
// same tokens: each answer's x-ratelimit-remaining/reset is written, and every process reads the
// table about once a second. Within one window the lowest count heard wins, so a late answer
// can't give back requests another worker already spent.
import { sql } from 'kysely';
import type { Store } from '../store/index.js';
import type { SharedBudget } from '../evidence/online/tokens.js';

export function storeBudget(store: Store, opts: { coalesceMs?: number } = {}): SharedBudget {
  const least = store.dialect === 'postgres' ? 'least' : 'min';
  /**
   * Writes what was heard of each token, all of them in one statement; in token order, so two
   * workers writing the same rows lock them in the same order and never deadlock.
   */
  const upsert = async (heard: [tokenId: string, remaining: number, resetEpochS: number][]) => {
    if (heard.length === 0) return;
    const now = new Date().toISOString();
    await store.db
      .insertInto('rate_budget')
      .values(
        [...heard]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([tokenId, remaining, resetEpochS]) => ({
            token_id: tokenId,
            remaining,
            limit_total: 0,
            reset_at: new Date(resetEpochS * 1000).toISOString(),
            updated_at: now,
          })),
      )
      .onConflict((oc) =>
        oc.column('token_id').doUpdateSet({
          remaining: sql`case when rate_budget.reset_at = excluded.reset_at then ${sql.raw(least)}(rate_budget.remaining, excluded.remaining) else excluded.remaining end`,
          reset_at: sql`excluded.reset_at`,
          updated_at: sql`excluded.updated_at`,
        }),
      )
      .execute();
  };
  const read = async () => {
    const rows = await store.db.selectFrom('rate_budget').selectAll().execute();
    return new Map(
      rows.map((r) => [r.token_id, { remaining: Number(r.remaining), resetEpochS: Math.floor(Date.parse(r.reset_at) / 1000) }]),
    );
  };
  const coalesceMs = opts.coalesceMs ?? 0;
  if (!(coalesceMs > 0)) return { read, write: (tokenId, remaining, resetEpochS) => upsert([[tokenId, remaining, resetEpochS]]) };
  // Every GitHub answer reports the budget: written one by one, workers queue on the same row
  // (one per token) for each request. Within `coalesceMs` only the lowest count of the latest
  // window is kept and written (every token's in one statement): the others see it that much
  // later, which the reserve covers.
  const pending = new Map<string, { remaining: number; resetEpochS: number }>();
  let flushing: Promise<void> | undefined;
  const flush = async () => {
    await new Promise((r) => setTimeout(r, coalesceMs));
    const batch = [...pending];
    pending.clear();
    flushing = undefined;
    await upsert(batch.map(([id, b]) => [id, b.remaining, b.resetEpochS]));
  };
  return {
    read,
    write(tokenId, remaining, resetEpochS) {
      const p = pending.get(tokenId);
      if (!p || resetEpochS > p.resetEpochS || (resetEpochS === p.resetEpochS && remaining < p.remaining))
        pending.set(tokenId, { remaining, resetEpochS });
      flushing ??= flush();
      return flushing;
    },
  };
}

/** What is left of the shared budget now: the sum over tokens whose window has not reset. */
export async function budgetLeft(store: Store): Promise<{ remaining: number; resetAt: string | null } | undefined> {
  const rows = await store.db.selectFrom('rate_budget').selectAll().execute();
  const live = rows.filter((r) => Date.parse(r.reset_at) > Date.now());
  if (live.length === 0) return undefined;
  return { remaining: live.reduce((n, r) => n + Number(r.remaining), 0), resetAt: live.map((r) => r.reset_at).sort()[0] ?? null };
}
