// A worker process that takes one job and hangs in it, for the parent to SIGKILL: the job is
// left active with a lease that nobody will renew.
import { openStore } from '../../src/store/index.js';
import { openJobQueue } from '../../src/jobs/index.js';

const [dataDir, leaseMs] = process.argv.slice(2);
const store = await openStore({ dataDir: dataDir! });
const queue = await openJobQueue(store, { pollMs: 20, leaseMs: Number(leaseMs) });
queue.work('hang', async () => {
  process.stdout.write('taken\n');
  await new Promise(() => undefined);
});
await queue.start();
