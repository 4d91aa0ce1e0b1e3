// The queue for a store: the jobs table in-process on SQLite, pg-boss on PostgreSQL. The
// PostgreSQL engine is imported only when asked for, so SQLite users never load pg-boss.
import type { Store } from '../store/index.js';
import type { JobQueue } from './queue.js';
import { sqliteJobQueue } from './sqlite-queue.js';
import type { QueueTuning } from './tuning.js';

export async function openJobQueue(store: Store, tuning: QueueTuning = {}): Promise<JobQueue> {
  if (store.dialect === 'sqlite') return sqliteJobQueue(store, tuning);
  const { pgBossJobQueue } = await import('./pg-queue.js');
  return pgBossJobQueue(store, tuning);
}
