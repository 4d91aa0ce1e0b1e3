// The job queue on PostgreSQL: pg-boss (its tables in the store's own schema, through the
// store's own connection pool) shared by any number of `steward worker` processes. pg-boss
// gives the durable rows, SKIP LOCKED fetches, retries with back-off and expiry of jobs whose
// worker vanished; this module adds what the interface promises beyond it: a singleton key that
// also covers a running job, a lease renewed while the handler runs (so a long check is not
// taken as dead), releasing jobs on a hard stop, and draining.
import { CompiledQuery, sql, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { Store } from '../store/index.js';
import type { DB } from '../store/schema.js';
import type { Job, JobOptions, JobQueue, JobRecord, JobState } from './queue.js';
import { DEFAULT_RETRY_LIMIT, type QueueTuning } from './tuning.js';

const STATE: Record<string, JobState> = {
  created: 'queued',
  retry: 'failed',
  active: 'active',
  completed: 'completed',
  failed: 'dead',
  cancelled: 'dead',
};

interface BossRow {
  id: string;
  name: string;
  data: unknown;
  state: string;
  retry_count: number;
  started_on: Date | null;
  output: { message?: string } | null;
  created_on: Date;
  completed_on: Date | null;
}

function adapter(db: Kysely<DB>): PgBoss.Db {
  // inside a transaction of ours (an enqueue) the statement is one of that transaction's
  if (db.isTransaction)
    return { executeSql: async (text, values) => ({ rows: (await db.executeQuery(CompiledQuery.raw(text, values ?? []))).rows }) };
  return {
    executeSql: (text, values) =>
      db.connection().execute(async (conn) => {
        try {
          return { rows: (await conn.executeQuery(CompiledQuery.raw(text, values ?? []))).rows };
        } catch (err) {
          // pg-boss sends some commands as one BEGIN … COMMIT text: a failure inside (two workers
          // creating the same queue) must not hand the pool a connection stuck in that transaction
          if (/^\s*BEGIN\b/i.test(text)) await conn.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => undefined);
          throw err;
        }
      }),
  };
}

function toRecord(r: BossRow): JobRecord {
  const state = STATE[r.state] ?? 'dead';
  return {
    id: r.id,
    name: r.name,
    data: r.data,
    state,
    attempts: r.started_on ? Number(r.retry_count) + 1 : Number(r.retry_count),
    lastError: state === 'completed' || !r.output ? null : (r.output.message ?? JSON.stringify(r.output)),
    createdAt: new Date(r.created_on).toISOString(),
    updatedAt: new Date(r.completed_on ?? r.started_on ?? r.created_on).toISOString(),
  };
}

export async function pgBossJobQueue(store: Store, tuning: QueueTuning = {}): Promise<JobQueue> {
  const schema = store.schema ?? 'pgboss';
  const pollMs = tuning.pollMs ?? 500;
  const leaseS = Math.max(1, Math.round((tuning.leaseMs ?? 60_000) / 1000));
  const retryDelayS = Math.max(1, Math.round((tuning.retryDelayMs ?? 2_000) / 1000));
  const boss = new PgBoss({
    db: adapter(store.db),
    schema,
    // expiry of jobs whose worker died runs this often, in one process at a time
    maintenanceIntervalSeconds: Math.min(120, Math.max(1, Math.floor(leaseS / 2))),
    archiveFailedAfterSeconds: 90 * 86_400,
    schedule: false,
  });
  boss.on('error', (err) => tuning.onError?.('pg-boss', err));
  await boss.start();

  const queues = new Set<string>();
  async function ensureQueue(name: string): Promise<void> {
    if (queues.has(name)) return;
    // Workers started together all create the same queues: one may see a unique violation (the
    // other created it between our look and our insert) or be chosen as a deadlock victim while
    // the other's creation is still uncommitted. Both are races lost, not failures: look again.
    for (let attempt = 1; !(await boss.getQueue(name)); attempt++) {
      try {
        await boss.createQueue(name, {
          name,
          retryLimit: DEFAULT_RETRY_LIMIT,
          retryDelay: retryDelayS,
          retryBackoff: true,
          expireInSeconds: leaseS,
        });
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt >= 8 || (code !== '40P01' && code !== '23505' && code !== '40001')) throw err;
        await new Promise((r) => setTimeout(r, 20 * attempt + Math.floor(Math.random() * 50)));
      }
    }
    queues.add(name);
  }

  const handlers = new Map<string, { fn: (job: Job<unknown>) => Promise<void>; concurrency: number }>();
  const inHand = new Map<string, { name: string; done: Promise<void> }>();
  const loops: Promise<void>[] = [];
  const sleepers = new Set<() => void>();
  let running = false;
  let released = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(t);
        sleepers.delete(wake);
        resolve();
      };
      const t = setTimeout(wake, ms);
      sleepers.add(wake);
    });
  const wakeAll = () => [...sleepers].forEach((w) => w());

  async function runOne(name: string, job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
    const handler = handlers.get(name)!;
    const renew = setInterval(
      () => {
        void sql`update ${sql.table(`${schema}.job`)} set started_on = now() where name = ${name} and id = ${job.id} and state = 'active'`
          .execute(store.db)
          .catch((err) => tuning.onError?.(`renewing the lease of job ${job.id}`, err));
      },
      Math.max(200, (leaseS * 1000) / 3),
    );
    let failure: unknown;
    try {
      await handler.fn({ id: job.id, name, data: job.data, attempt: Number(job.retryCount) + 1 });
    } catch (err) {
      failure = err ?? new Error('the handler threw without a reason');
    } finally {
      clearInterval(renew);
    }
    if (released) return;
    if (failure === undefined) await boss.complete(name, job.id);
    else await boss.fail(name, job.id, { message: failure instanceof Error ? failure.message : String(failure) });
  }

  async function loop(name: string): Promise<void> {
    while (running) {
      let jobs: PgBoss.JobWithMetadata<unknown>[] = [];
      try {
        jobs = await boss.fetch<unknown>(name, { batchSize: 1, includeMetadata: true });
      } catch (err) {
        tuning.onError?.(`fetching ${name} jobs`, err);
      }
      const job = jobs[0];
      if (!job) {
        await sleep(pollMs);
        continue;
      }
      const done = runOne(name, job).catch((err) => tuning.onError?.(`finishing job ${job.id} (${name})`, err));
      inHand.set(job.id, { name, done });
      await done;
      inHand.delete(job.id);
    }
  }

  function startLoops(name: string): void {
    const h = handlers.get(name)!;
    for (let i = 0; i < h.concurrency; i++) loops.push(loop(name));
  }

  const select = sql`select id, name, data, state::text as state, retry_count, started_on, output, created_on, completed_on`;

  const queue: JobQueue = {
    async enqueue<T>(name: string, data: T, opts: JobOptions = {}): Promise<string | null> {
      await ensureQueue(name);
      const send = (db: Kysely<DB>) =>
        boss.send(name, (data ?? null) as object, {
          db: adapter(db),
          retryLimit: opts.retryLimit ?? DEFAULT_RETRY_LIMIT,
          retryDelay: retryDelayS,
          retryBackoff: true,
          expireInSeconds: leaseS,
          ...(opts.singletonKey !== undefined ? { singletonKey: opts.singletonKey } : {}),
          ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
        });
      const key = opts.singletonKey;
      const id =
        key === undefined
          ? await send(store.db)
          : await store.db.transaction().execute(async (trx) => {
              // enqueuers of one key take turns, so the look and the insert are one step
              await sql`select pg_advisory_xact_lock(hashtext(${`${schema}.${name}`}), hashtext(${key}))`.execute(trx);
              const open =
                await sql`select 1 from ${sql.table(`${schema}.job`)} where name = ${name} and singleton_key = ${key} and state < 'completed' limit 1`.execute(
                  trx,
                );
              return open.rows.length > 0 ? null : send(trx);
            });
      if (id) wakeAll();
      return id;
    },

    work<T>(name: string, handler: (job: Job<T>) => Promise<void>, opts: { concurrency?: number } = {}): void {
      const concurrency = opts.concurrency ?? 1;
      if (!(Number.isInteger(concurrency) && concurrency >= 1))
        throw new Error(`jobs: ${name}: expected a concurrency of 1 or more, found ${concurrency}`);
      if (handlers.has(name)) throw new Error(`jobs: ${name} already has a handler in this process`);
      handlers.set(name, { fn: handler as (job: Job<unknown>) => Promise<void>, concurrency });
      if (running)
        void ensureQueue(name).then(
          () => startLoops(name),
          (err) => tuning.onError?.(`creating queue ${name}`, err),
        );
    },

    async start(): Promise<void> {
      if (running) return;
      for (const name of handlers.keys()) await ensureQueue(name);
      running = true;
      released = false;
      for (const name of handlers.keys()) startLoops(name);
    },

    async stop(opts: { graceful?: boolean } = {}): Promise<void> {
      running = false;
      wakeAll();
      if (opts.graceful === false) {
        // hand the jobs back untouched: not an attempt, at once claimable by another worker
        released = true;
        for (const [id, { name }] of inHand) {
          await sql`update ${sql.table(`${schema}.job`)} set state = 'created', started_on = null, start_after = now() where name = ${name} and id = ${id} and state = 'active'`.execute(
            store.db,
          );
        }
      } else {
        await Promise.all(loops);
      }
      loops.length = 0;
      await boss.stop({ graceful: false, close: false, wait: true });
    },

    async drain(names?: string[]): Promise<void> {
      for (;;) {
        const r = await sql<{
          n: string;
        }>`select count(*) as n from ${sql.table(`${schema}.job`)} where state < 'completed' ${names ? sql`and name = any(${names})` : sql``}`.execute(
          store.db,
        );
        if (Number(r.rows[0]?.n ?? 0) === 0) return;
        await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, 100)));
      }
    },

    async get(id: string): Promise<JobRecord | undefined> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
      const r =
        await sql<BossRow>`${select} from ${sql.table(`${schema}.job`)} where id = ${id} union all ${select} from ${sql.table(`${schema}.archive`)} where id = ${id}`.execute(
          store.db,
        );
      return r.rows[0] && toRecord(r.rows[0]);
    },

    async dead(): Promise<JobRecord[]> {
      const r =
        await sql<BossRow>`${select} from ${sql.table(`${schema}.job`)} where state in ('failed', 'cancelled') order by completed_on desc nulls last, created_on desc`.execute(
          store.db,
        );
      return r.rows.map(toRecord);
    },

    async retry(id: string): Promise<void> {
      const job = await queue.get(id);
      if (!job) throw new Error(`job ${id}: no such job in ${store.location}`);
      if (job.state !== 'dead') throw new Error(`job ${id}: expected a dead job to retry, found it ${job.state}`);
      await sql`update ${sql.table(`${schema}.job`)} set state = 'retry', start_after = now(), retry_limit = retry_count + 1 where name = ${job.name} and id = ${id} and state in ('failed', 'cancelled')`.execute(
        store.db,
      );
      wakeAll();
    },
  };
  return queue;
}
