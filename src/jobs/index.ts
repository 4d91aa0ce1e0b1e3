// Jobs: the in-process runner that drives periodic reviews and outbox delivery on SQLite.
export { startJobs, type Task, type Runner } from './runner.js';
