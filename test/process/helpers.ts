// Shared test scaffolding for the process: an engine over a test store with a settable clock,
// actors, a capturing transport and a plain renderer, and a driver that takes an application
// all the way to a decision.
import { fixedClock } from '../../src/process/calendar.js';
import { createEngine, type Engine, type Evaluator } from '../../src/process/engine.js';
import * as apps from '../../src/process/engine-applications.js';
import type { NoticeTransport, OutgoingMessage } from '../../src/process/delivery.js';
import type { Actor, Application, DecisionOutcome } from '../../src/process/types.js';
import { upsertPerson, type Store } from '../../src/store/index.js';

export const STAFF: Actor = { id: 'sam', role: 'staff' };
export const member = (n: number): Actor => ({ id: `m${n}`, role: 'member' });
export const applicant = (id: string): Actor => ({ id, role: 'applicant' });

export function testEngine(store: Store, start: string, evaluator?: Evaluator) {
  const clock = fixedClock(start);
  const engine: Engine = createEngine({ store, clock, ...(evaluator ? { evaluator } : {}) });
  return { engine, clock };
}

export async function addMembers(store: Store, ids: number[], at = '2026-01-01T00:00:00.000Z'): Promise<void> {
  for (const n of ids) await upsertPerson(store.db, { id: `m${n}`, role: 'member', email: `m${n}@wg.example`, wg: true, tac: false }, at);
}

/** Records messages; a second send with the same idempotency key is dropped as a receiver would. */
export class CapturingTransport implements NoticeTransport {
  sent: OutgoingMessage[] = [];
  received = new Map<string, OutgoingMessage>();
  failNext = 0;
  async send(m: OutgoingMessage): Promise<{ messageId: string }> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('451 temporary failure (test)');
    }
    this.sent.push(m);
    if (!this.received.has(m.idempotencyKey)) this.received.set(m.idempotencyKey, m);
    return { messageId: `<${m.idempotencyKey}@steward.test>` };
  }
}

export const plainRender = (kind: string, data: Record<string, unknown>) => ({
  subject: `[${kind}] ${String(data['projectName'] ?? '')}`,
  text: JSON.stringify(data),
});

export function simpleInput(name: string, repo = `https://github.com/example/${name.toLowerCase()}`) {
  return { projectName: name, repoUrl: repo, contacts: [`owner@${name.toLowerCase()}.example`] };
}

/**
 * Submits (unless `app` is given), schedules, votes (approvals out of a 3-member roster m1..m3)
 * and records `outcome`, all at the clock's current time.
 */
export async function driveToDecision(
  engine: Engine,
  who: Actor,
  input: ReturnType<typeof simpleInput>,
  outcome: DecisionOutcome,
): Promise<Application> {
  const app = await apps.submitApplication(engine, who, input);
  await apps.scheduleSession(engine, STAFF, '2030-01-01', 50);
  await apps.openVote(engine, STAFF, app.id);
  const approvals = outcome === 'ACCEPTED' ? 3 : 0;
  for (let n = 1; n <= 3; n++) await apps.castVote(engine, member(n), app.id, n <= approvals ? 'approve' : 'reject');
  await apps.closeVote(engine, STAFF, app.id);
  return apps.decide(engine, STAFF, app.id, outcome, `decided ${outcome} in a test`);
}

/**
 * `application submit` by flags, as the CLI tests write it: a project named `name` (Widgets) at
 * github.com/example/<name in lower case> with one contact, submitted by `as` (owner), on `on`.
 */
export function submitArgs(o: { name?: string; repo?: string; as?: string; on?: string } = {}): string[] {
  const name = o.name ?? 'Widgets';
  return [
    'application',
    'submit',
    '--name',
    name,
    '--repo',
    o.repo ?? `https://github.com/example/${name.toLowerCase()}`,
    '--contact',
    'a@example.org',
    '--as',
    o.as ?? 'owner',
    ...(o.on ? ['--on', o.on] : []),
  ];
}
