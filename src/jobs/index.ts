// Jobs: the durable queue drivers hand slow work to (queue.ts), and the in-process interval
// runner that drives periodic reviews and outbox delivery on SQLite (runner.ts).
export { startJobs, type Task, type Runner } from './runner.js';
export type { Job, JobOptions, JobQueue, JobRecord, JobState } from './queue.js';
export { openJobQueue } from './open.js';
export { backoffMs, DEFAULT_RETRY_LIMIT, type QueueTuning } from './tuning.js';
