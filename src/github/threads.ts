// What the App remembers beside the process's records: the deliveries it took (each handled
// once), and per application the comments it owns on the issue (edited in place, never posted
// twice) and the reminders it sent.
import type { Kysely } from 'kysely';
import type { DB } from '../store/index.js';

/** Records a delivery id; false when it was already recorded (a redelivery). */
export async function takeDelivery(db: Kysely<DB>, id: string, event: string, now: Date): Promise<boolean> {
  const r = await db
    .insertInto('github_deliveries')
    .values({ id, event, received_at: now.toISOString() })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function deliveryTaken(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await db.selectFrom('github_deliveries').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export interface Thread {
  /** the report comment, edited in place on every re-check */
  reportCommentId?: number;
  /** the report the comment shows (store id), to say what changed at the next one */
  reportId?: number;
  /** the comment listing what the form lacks */
  missingCommentId?: number;
  /** the vote comment members react to */
  voteCommentId?: number;
  /** the vote (its opening instant) the reminder went out for */
  remindedFor?: string;
  /** the vote the result comment was posted for */
  resultFor?: string;
  /** the decision the decision comment was posted for */
  decisionFor?: string;
  /** people told that their reactions conflict, per vote */
  toldConflict?: string[];
  /** the landscape pull request opened for it */
  landscapePr?: number;
  /** the review issue of a project */
  issueNumber?: number;
  /** the failures the review issue shows */
  shown?: string;
  /** the lines of a command comment already carried out (a retried delivery skips them) */
  done?: number[];
}

export async function getThread(db: Kysely<DB>, key: string): Promise<Thread> {
  const row = await db.selectFrom('github_threads').select('data').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.data) as Thread) : {};
}

/** Merges `patch` into the thread (a write after each GitHub call, so a retried job does not repeat it). */
export async function updateThread(db: Kysely<DB>, key: string, patch: Partial<Thread>, now = new Date()): Promise<Thread> {
  const next = { ...(await getThread(db, key)), ...patch };
  const data = JSON.stringify(next);
  const r = await db.updateTable('github_threads').set({ data, updated_at: now.toISOString() }).where('key', '=', key).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) await db.insertInto('github_threads').values({ key, data, updated_at: now.toISOString() }).execute();
  return next;
}
