// The job queue on the SQLite store: one process owns the file, so workers run in-process and
// poll the jobs table on a short interval (and at once after an enqueue or a finished job). A
// claim is a lease renewed while the handler runs; a worker that dies leaves its job to be
// claimed again when the lease expires. Claims run in BEGIN IMMEDIATE transactions, so a second
// process on the same file (a CLI command beside the worker) cannot take the same job.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inTransaction, nextId, type Store } from '../store/index.js';
import type { JobsTable } from '../store/schema.js';
import type { Job, JobOptions, JobQueue, JobRecord, JobState } from './queue.js';
import { backoffMs, DEFAULT_RETRY_LIMIT, type QueueTuning } from './tuning.js';

interface Handler {
  fn: (job: Job<unknown>) => Promise<void>;
  concurrency: number;
  running: number;
}

const OPEN_STATES = ['queued', 'active', 'failed'];

function toRecord(r: JobsTable): JobRecord {
  return {
    id: r.id,
    name: r.name,
    data: JSON.parse(r.data) as unknown,
    state: r.state as JobState,
    attempts: Number(r.attempts),
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function sqliteJobQueue(store: Store, tuning: QueueTuning = {}): JobQueue {
  const pollMs = tuning.pollMs ?? 200;
  const leaseMs = tuning.leaseMs ?? 60_000;
  const now = tuning.now ?? (() => new Date());
  const handlers = new Map<string, Handler>();
  const inHand = new Map<string, { token: string; done: Promise<void> }>();
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let pollAgain = false;

  async function claim(names: string[]): Promise<JobsTable | undefined> {
    const at = now();
    const iso = at.toISOString();
    return inTransaction(store, async (trx) => {
      for (;;) {
        const row = await trx
          .selectFrom('jobs')
          .selectAll()
          .where('name', 'in', names)
          .where((eb) =>
            eb.or([
              eb.and([eb('state', 'in', ['queued', 'failed']), eb('start_after', '<=', iso)]),
              eb.and([eb('state', '=', 'active'), eb('lease_until', '<', iso)]),
            ]),
          )
          .orderBy('seq')
          .limit(1)
          .executeTakeFirst();
        if (!row) return undefined;
        // a job whose worker died holding it counts that attempt; past its limit it is dead
        if (row.state === 'active' && Number(row.attempts) > Number(row.retry_limit)) {
          await trx
            .updateTable('jobs')
            .set({
              state: 'dead',
              lease_token: null,
              lease_until: null,
              last_error: row.last_error ?? `its worker stopped answering (lease expired at ${row.lease_until})`,
              updated_at: iso,
            })
            .where('id', '=', row.id)
            .execute();
          continue;
        }
        const token = randomUUID();
        const claimed = {
          ...row,
          state: 'active',
          attempts: Number(row.attempts) + 1,
          lease_token: token,
          lease_until: new Date(at.getTime() + leaseMs).toISOString(),
          updated_at: iso,
        };
        await trx
          .updateTable('jobs')
          .set({ state: claimed.state, attempts: claimed.attempts, lease_token: token, lease_until: claimed.lease_until, updated_at: iso })
          .where('id', '=', row.id)
          .execute();
        return claimed;
      }
    });
  }

  async function finish(row: JobsTable, err: unknown): Promise<void> {
    const iso = now().toISOString();
    const held = (q: ReturnType<typeof store.db.updateTable<'jobs'>>) =>
      q.where('id', '=', row.id).where('lease_token', '=', row.lease_token);
    if (err === undefined) {
      await held(store.db.updateTable('jobs').set({ state: 'completed', lease_token: null, lease_until: null, updated_at: iso })).execute();
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    const exhausted = row.attempts > Number(row.retry_limit);
    await held(
      store.db.updateTable('jobs').set({
        state: exhausted ? 'dead' : 'failed',
        start_after: exhausted ? row.start_after : new Date(now().getTime() + backoffMs(row.attempts, tuning)).toISOString(),
        lease_token: null,
        lease_until: null,
        last_error: message.slice(0, 4000),
        updated_at: iso,
      }),
    ).execute();
  }

  function run(row: JobsTable): void {
    const handler = handlers.get(row.name)!;
    handler.running++;
    const renew = setInterval(
      () => {
        void store.db
          .updateTable('jobs')
          .set({ lease_until: new Date(now().getTime() + leaseMs).toISOString() })
          .where('id', '=', row.id)
          .where('lease_token', '=', row.lease_token)
          .execute()
          .catch(() => undefined);
      },
      Math.max(10, Math.floor(leaseMs / 3)),
    );
    const job: Job<unknown> = { id: row.id, name: row.name, data: JSON.parse(row.data) as unknown, attempt: row.attempts };
    const done = (async () => {
      let failure: unknown;
      try {
        await handler.fn(job);
      } catch (err) {
        failure = err ?? new Error('the handler threw without a reason');
      }
      clearInterval(renew);
      await finish(row, failure).catch((err) => tuning.onError?.(`finishing job ${row.id} (${row.name})`, err));
    })().finally(() => {
      handler.running--;
      inHand.delete(row.id);
      wake();
    });
    inHand.set(row.id, { token: row.lease_token!, done });
  }

  async function poll(): Promise<void> {
    for (;;) {
      if (!running) return;
      const free = [...handlers].filter(([, h]) => h.running < h.concurrency).map(([name]) => name);
      if (free.length === 0) return;
      const row = await claim(free);
      if (!row) return;
      run(row);
    }
  }

  function wake(): void {
    if (!running) return;
    if (polling) {
      pollAgain = true;
      return;
    }
    polling = poll()
      .catch((err) => tuning.onError?.('polling the jobs table', err))
      .finally(() => {
        polling = undefined;
        if (pollAgain) {
          pollAgain = false;
          wake();
        }
      });
  }

  function schedule(): void {
    timer = setTimeout(() => {
      wake();
      if (running) schedule();
    }, pollMs);
    timer.unref?.();
  }

  return {
    async enqueue<T>(name: string, data: T, opts: JobOptions = {}): Promise<string | null> {
      const iso = now().toISOString();
      const id = await inTransaction(store, async (trx) => {
        if (opts.singletonKey !== undefined) {
          const open = await trx
            .selectFrom('jobs')
            .select('id')
            .where('name', '=', name)
            .where('singleton_key', '=', opts.singletonKey)
            .where('state', 'in', OPEN_STATES)
            .executeTakeFirst();
          if (open) return null;
        }
        const seq = await nextId(trx, 'job');
        const id = String(seq);
        await trx
          .insertInto('jobs')
          .values({
            id,
            seq,
            name,
            data: JSON.stringify(data ?? null),
            state: 'queued',
            singleton_key: opts.singletonKey ?? null,
            attempts: 0,
            retry_limit: opts.retryLimit ?? DEFAULT_RETRY_LIMIT,
            start_after: (opts.startAfter ?? now()).toISOString(),
            lease_token: null,
            lease_until: null,
            last_error: null,
            created_at: iso,
            updated_at: iso,
          })
          .execute();
        return id;
      });
      if (id) wake();
      return id;
    },

    work<T>(name: string, handler: (job: Job<T>) => Promise<void>, opts: { concurrency?: number } = {}): void {
      const concurrency = opts.concurrency ?? 1;
      if (!(Number.isInteger(concurrency) && concurrency >= 1))
        throw new Error(`jobs: ${name}: expected a concurrency of 1 or more, found ${concurrency}`);
      handlers.set(name, { fn: handler as (job: Job<unknown>) => Promise<void>, concurrency, running: 0 });
      wake();
    },

    async start(): Promise<void> {
      if (running) return;
      running = true;
      schedule();
      wake();
    },

    async stop(opts: { graceful?: boolean } = {}): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      await polling;
      if (opts.graceful === false) {
        // hand the jobs back now: the attempt is not counted, and a late finish matches no lease
        const iso = now().toISOString();
        for (const [id, { token }] of inHand) {
          await store.db
            .updateTable('jobs')
            .set((eb) => ({ state: 'queued', attempts: eb('attempts', '-', 1), lease_token: null, lease_until: null, updated_at: iso }))
            .where('id', '=', id)
            .where('lease_token', '=', token)
            .execute();
        }
        return;
      }
      await Promise.all([...inHand.values()].map((h) => h.done));
    },

    async drain(names?: string[]): Promise<void> {
      for (;;) {
        let q = store.db
          .selectFrom('jobs')
          .select(sql<number>`count(*)`.as('n'))
          .where('state', 'in', OPEN_STATES);
        if (names) q = q.where('name', 'in', names);
        const { n } = await q.executeTakeFirstOrThrow();
        if (Number(n) === 0) return;
        await new Promise((r) => setTimeout(r, Math.min(pollMs, 50)));
      }
    },

    async get(id: string): Promise<JobRecord | undefined> {
      const row = await store.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },

    async dead(): Promise<JobRecord[]> {
      const rows = await store.db
        .selectFrom('jobs')
        .selectAll()
        .where('state', '=', 'dead')
        .orderBy('updated_at', 'desc')
        .orderBy('seq', 'desc')
        .execute();
      return rows.map(toRecord);
    },

    async retry(id: string): Promise<void> {
      const iso = now().toISOString();
      const r = await store.db
        .updateTable('jobs')
        .set((eb) => ({ state: 'queued', retry_limit: eb.ref('attempts'), start_after: iso, updated_at: iso }))
        .where('id', '=', id)
        .where('state', '=', 'dead')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) return wake();
      const row = await store.db.selectFrom('jobs').select('state').where('id', '=', id).executeTakeFirst();
      throw new Error(
        row ? `job ${id}: expected a dead job to retry, found it ${row.state}` : `job ${id}: no such job in ${store.location}`,
      );
    },
  };
}
