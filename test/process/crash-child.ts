// The process the crash-safety test kills: a periodic review over every due project with a fake
// evaluator, delivering the outbox after each project to a file sink (one JSON line per send,
// appended synchronously, so what was sent survives a SIGKILL). With CRASH_AFTER_SEND=n it
// kills itself right after the n-th send, before that row is marked delivered.
import { appendFileSync } from 'node:fs';
import { fixedClock } from '../../src/process/calendar.js';
import { createEngine } from '../../src/process/engine.js';
import { runPeriodicReview } from '../../src/process/engine-review.js';
import { deliverOutbox, type NoticeTransport } from '../../src/process/delivery.js';
import { openStore } from '../../src/store/index.js';
import { fakeReport } from './fake-report.js';

const [dataDir, sink, today] = process.argv.slice(2) as [string, string, string];
const crashAfter = Number(process.env.CRASH_AFTER_SEND ?? 0);
const delayMs = Number(process.env.EVAL_DELAY_MS ?? 0);

const store = await openStore({ dataDir });
const engine = createEngine({ store, clock: fixedClock(`${today}T06:00:00.000Z`) });
let sends = 0;
const transport: NoticeTransport = {
  async send(m) {
    appendFileSync(sink, JSON.stringify({ key: m.idempotencyKey, to: m.to, subject: m.subject }) + '\n');
    if (crashAfter && ++sends === crashAfter) process.kill(process.pid, 'SIGKILL');
    return { messageId: `<${m.idempotencyKey}@sink>` };
  },
};
const render = (kind: string, data: Record<string, unknown>) => ({
  subject: `${kind}: ${String(data['projectName'])}`,
  text: JSON.stringify(data),
});
const deliver = () => deliverOutbox({ store, transport, render, leaseMs: 300 });

// rows a killed run left claimed come free after the lease; deliver them first
await new Promise((r) => setTimeout(r, 350));
await deliver();
const result = await runPeriodicReview(
  engine,
  { id: 'steward', role: 'staff' },
  {
    evaluator: async (target, asOf) => {
      // deliver what earlier projects caused while this one is checked, as a worker beside the run would
      await deliver();
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const n = Number(target.id.replace(/\D/g, ''));
      return fakeReport({ commits: n % 3 === 0 ? 28 : 40, asOf, repo: target.repoUrl });
    },
    onProgress: (p) => process.stdout.write(`reviewed ${p.done}/${p.total} ${p.projectId} ${p.outcome}\n`),
  },
);
for (;;) {
  const r = await deliver();
  if (r.delivered.length === 0 && r.retrying.length === 0) break;
}
process.stdout.write(
  `done ${JSON.stringify({ total: result.total, failed: result.failed.length, passed: result.passed.length, errors: result.errors })}\n`,
);
await store.close();
