// The GitHub rate budget kept in the store (table rate_budget), shared by every worker using the
// same tokens: each answer's x-ratelimit-remaining/reset is written, and every process reads the
// table about once a second. Within one window the lowest count heard wins, so a late answer
// can't give back requests another worker already spent.
import { sql } from 'kysely';
import type { Store } from '../store/index.js';
import type { SharedBudget } from '../evidence/online/tokens.js';

export function storeBudget(store: Store): SharedBudget {
  const least = store.dialect === 'postgres' ? 'least' : 'min';
  return {
    async read() {
      const rows = await store.db.selectFrom('rate_budget').selectAll().execute();
      return new Map(rows.map((r) => [r.token_id, { remaining: Number(r.remaining), resetEpochS: Math.floor(Date.parse(r.reset_at) / 1000) }]));
    },
    async write(tokenId, remaining, resetEpochS) {
      const now = new Date().toISOString();
      const resetAt = new Date(resetEpochS * 1000).toISOString();
      await store.db
        .insertInto('rate_budget')
        .values({ token_id: tokenId, remaining, limit_total: 0, reset_at: resetAt, updated_at: now })
        .onConflict((oc) =>
          oc.column('token_id').doUpdateSet({
            remaining: sql`case when rate_budget.reset_at = ${resetAt} then ${sql.raw(least)}(rate_budget.remaining, ${remaining}) else ${remaining} end`,
            reset_at: resetAt,
            updated_at: now,
          }),
        )
        .execute();
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
