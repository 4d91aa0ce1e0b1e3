// Properties over random command sequences: no sequence reaches an invalid state, no ballot is
// ever counted twice (or counted from outside the roster), and no outbox entry is lost: every
// accepted command writes exactly its notices, a refused one writes nothing, and delivery with
// random transport failures ends with every row sent under its own key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadDefaultPolicy } from '../../src/policy/load.js';
import * as A from '../../src/process/applications.js';
import { ProcessError } from '../../src/process/errors.js';
import { applyReview, projectInvariants } from '../../src/process/projects.js';
import * as apps from '../../src/process/engine-applications.js';
import { runPeriodicReview } from '../../src/process/engine-review.js';
import { deliverOutbox } from '../../src/process/delivery.js';
import type { Actor, Application, Choice, Ctx, DecisionOutcome, OnboardingItemKey, Project } from '../../src/process/types.js';
import { idempotencyKey, listOutbox, readAudit, verifyAudit } from '../../src/store/index.js';
import { BACKENDS } from '../store/backends.js';
import { cleanupTemp } from '../support/repo.js';
import { fakeReport, fakeEvaluator } from './fake-report.js';
import { addMembers, CapturingTransport, plainRender, STAFF, testEngine } from './helpers.js';

test.after(cleanupTemp);

const rules = loadDefaultPolicy().process;
const ACTORS: Actor[] = [
  STAFF,
  { id: 'm1', role: 'member' },
  { id: 'm2', role: 'member' },
  { id: 'm3', role: 'member' },
  { id: 'm4', role: 'member' },
  { id: 'outsider', role: 'member' },
  { id: 'a1', role: 'applicant' },
  { id: 'a2', role: 'applicant' },
  { id: 'anon', role: 'public' },
];
const OUTCOMES: DecisionOutcome[] = ['ACCEPTED', 'DECLINED', 'TOO_EARLY', 'COMMUNITY_HIGHLIGHT'];
const ITEMS: OnboardingItemKey[] = ['logo', 'two-factor', 'category', 'landscape-entry', 'blog-post', 'cla-dco'];

const outcomeOf = (n: number): DecisionOutcome => (n <= 2 ? 'ACCEPTED' : OUTCOMES[n - 2]!);
const choiceOf = (n: number): Choice => (n <= 2 ? 'approve' : n === 3 ? 'reject' : 'abstain');

const command = fc.record({
  op: fc.constantFrom(
    ...([
      'submit',
      'submit',
      'ask',
      'answer',
      'answer',
      'schedule',
      'schedule',
      'schedule',
      'open',
      'open',
      'open',
      'cast',
      'cast',
      'cast',
      'cast',
      'cast',
      'cast',
    ] as const),
    ...([
      'close',
      'close',
      'close',
      'decide',
      'decide',
      'decide',
      'decide',
      'onboard',
      'onboard',
      'onboard',
      'item',
      'item',
      'item',
      'item',
      'item',
      'item',
      'item',
      'item',
      'wait',
    ] as const),
    'withdraw',
  ),
  // mostly the actor the command is meant for, so sequences get deep; sometimes anyone
  actor: fc.integer({ min: 0, max: 3 * ACTORS.length - 1 }),
  app: fc.integer({ min: 0, max: 2 }),
  n: fc.integer({ min: 0, max: 5 }),
  roster: fc.subarray(['m1', 'm2', 'm3', 'm4'], { minLength: 1, maxLength: 3 }),
  days: fc.integer({ min: 0, max: 120 }),
});
type Cmd = typeof command extends fc.Arbitrary<infer T> ? T : never;

// A lifecycle prefix, cut at a random point, before the random commands: random steps alone
// rarely get as far as onboarding, and the invariants matter most there.
const NAT = 2 * 9; // an actor index that means "the actor the command is meant for"
const base = { actor: NAT, app: 0, roster: ['m1', 'm2', 'm3'], days: 1 };
const PREFIX: Cmd[] = [
  { ...base, op: 'submit', n: 0 },
  { ...base, op: 'schedule', n: 0 },
  { ...base, op: 'open', n: 0 },
  { ...base, op: 'cast', n: 0 },
  { ...base, op: 'cast', n: 1 },
  { ...base, op: 'close', n: 0 },
  { ...base, op: 'decide', n: 0 },
  { ...base, op: 'onboard', n: 0 },
  ...[0, 1, 2, 3, 4, 5].map((n) => ({ ...base, op: 'item' as const, n })),
];
const sequence = fc
  .tuple(fc.integer({ min: 0, max: PREFIX.length }), fc.array(command, { minLength: 5, maxLength: 100, size: 'max' }))
  .map(([k, tail]) => [...PREFIX.slice(0, k), ...tail]);

const NATURAL: Record<string, string> = {
  submit: 'a1',
  answer: 'a1',
  item: 'a1',
  withdraw: 'a1',
  ask: 'sam',
  schedule: 'sam',
  open: 'sam',
  close: 'sam',
  decide: 'sam',
  onboard: 'sam',
  wait: 'sam',
};
function actorOf(c: Cmd): Actor {
  if (c.actor < ACTORS.length) return ACTORS[c.actor]!;
  const id =
    c.op === 'cast'
      ? (['m1', 'm2', 'm3', 'm4', 'outsider', 'm1'] as const)[c.n]!
      : c.op === 'item' && c.n >= 3 && c.n <= 4
        ? 'sam'
        : NATURAL[c.op]!;
  return ACTORS.find((a) => a.id === id)!;
}

/** Applies one command to the pure domain; ProcessError = refused, anything else is a defect. */
function step(apps: Application[], c: Cmd, ctx: Ctx): { apps: Application[]; notices: number } | 'refused' {
  const target = apps[c.app % Math.max(apps.length, 1)];
  const replace = (s: Application) => apps.map((a) => (a.id === s.id ? s : a));
  try {
    switch (c.op) {
      case 'submit': {
        const repo = `https://github.com/x/p${c.n % 3}`;
        const earlier = apps.filter((a) => A.normalizeRepoUrl(a.repoUrl) === A.normalizeRepoUrl(repo));
        const o = A.submit(String(apps.length + 1), { projectName: `P${c.n}`, repoUrl: repo, contacts: ['o@x.org'] }, ctx, rules, earlier);
        return { apps: [...apps, o.state], notices: o.notices.length };
      }
      case 'wait':
        return { apps, notices: 0 };
    }
    if (!target) return 'refused';
    let o;
    switch (c.op) {
      case 'ask':
        o = A.askQuestion(target, 'why?', ctx);
        break;
      case 'answer':
        o = A.answer(target, 'because', ctx);
        break;
      case 'schedule':
        o = A.schedule(target, 'S1', ctx);
        break;
      case 'open':
        o = A.openVote(target, c.roster, ctx);
        break;
      case 'cast':
        o = A.castVote(target, choiceOf(c.n), ctx);
        break;
      case 'close':
        o = A.closeVote(target, ctx);
        break;
      case 'decide':
        o = A.decide(target, outcomeOf(c.n), 'reason', ctx, rules);
        break;
      case 'onboard':
        o = A.startOnboarding(target, ctx);
        break;
      case 'item':
        o = A.completeOnboardingItem(target, ITEMS[c.n]!, undefined, ctx, rules, `proj-${target.id}`);
        break;
      case 'withdraw':
        o = A.withdraw(target, ctx);
        break;
      default:
        return 'refused';
    }
    return { apps: replace(o.state), notices: o.notices.length };
  } catch (err) {
    if (err instanceof ProcessError) return 'refused';
    throw err;
  }
}

test('random command sequences never reach an invalid state and never count a ballot twice', () => {
  const reached = new Set<string>();
  const counts = new Map<string, number>();
  fc.assert(
    fc.property(sequence, (cmds) => {
      let state: Application[] = [];
      let t = Date.parse('2026-01-01T00:00:00Z');
      // the model of ballots: the last choice of each voter per application, since its vote opened
      const last = new Map<string, Map<string, Choice>>();
      for (const c of cmds) {
        t += c.days * 3_600_000;
        const actor = actorOf(c);
        const before = state[c.app % Math.max(state.length, 1)];
        const r = step(state, c, { actor, now: new Date(t) });
        if (r === 'refused') continue;
        state = r.apps;
        const after = before && state.find((a) => a.id === before.id);
        if (after && c.op === 'cast') {
          const m = last.get(after.id) ?? new Map();
          m.set(actor.id, choiceOf(c.n));
          last.set(after.id, m);
        }
        if (after && (c.op === 'open' || c.op === 'answer')) last.delete(after.id);
        for (const a of state) {
          assert.deepEqual(A.applicationInvariants(a), [], `after ${c.op} by ${actor.id}: ${JSON.stringify(a)}`);
          const k = a.vote?.closedAt ? `${a.status}+closed` : a.status;
          reached.add(k);
          counts.set(k, (counts.get(k) ?? 0) + 1);
        }
        if (after?.vote?.result && c.op === 'close') {
          const m = last.get(after.id) ?? new Map<string, Choice>();
          const approvals = after.vote.roster.filter((v) => m.get(v) === 'approve').length;
          assert.equal(after.vote.result.approvals, approvals, 'each roster member counted once, with its last ballot');
          assert.equal(after.vote.result.approved, approvals * 2 > after.vote.roster.length);
        }
      }
    }),
    { numRuns: 1000 },
  );
  // the generator must reach deep states, or the property proves little
  for (const s of [
    'WAITING_ON_COMMENT',
    'RETURNING',
    'IN_REVIEW+closed',
    'DECLINED+closed',
    'ONBOARDING+closed',
    'ACTIVE+closed',
    'WITHDRAWN',
  ])
    assert.ok(reached.has(s), `no run reached ${s}: ${JSON.stringify([...counts])}`);
});

test('random review sequences keep a project consistent and retire only at or after the deadline', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ days: fc.integer({ min: 0, max: 60 }), commits: fc.constantFrom(10, 28, 29, 30, 45) }), { maxLength: 30 }),
      (steps) => {
        let p: Project = {
          id: 'p',
          name: 'P',
          repoUrl: 'https://github.com/x/p',
          contacts: ['o@x.org'],
          status: 'ACTIVE',
          acceptedOn: '2026-01-01',
          lastReviewOn: null,
          reviewDueOn: '2026-07-01',
          origin: 'import',
        };
        let t = Date.parse('2026-06-20T00:00:00Z');
        for (const s of steps) {
          t += s.days * 86_400_000;
          const now = new Date(t);
          const before = p;
          const out = applyReview(p, fakeReport({ commits: s.commits, asOf: now }).report, { actor: STAFF, now }, rules);
          if (!out) continue;
          p = out.state;
          assert.deepEqual(projectInvariants(p), []);
          if (p.status === 'RETIRED' && before.status === 'ACTIVE') {
            assert.ok(before.pending && now.toISOString().slice(0, 10) >= before.pending.deadlineOn, 'retired before its deadline');
            assert.ok(s.commits < 30);
          }
          if (before.status === 'RETIRED') assert.fail('a retired project was reviewed');
        }
      },
    ),
    { numRuns: 300 },
  );
});

// Engine + store: SQLite only (every run opens a fresh database); the scenario covers PostgreSQL.
test('no outbox entry is lost: commands write exactly their notices, refusals write nothing, delivery sends every row once per key', async () => {
  const backend = BACKENDS.find((b) => b.name === 'sqlite')!;
  await fc.assert(
    fc.asyncProperty(
      sequence.map((s) => s.slice(0, 30)),
      fc.array(fc.boolean(), { maxLength: 40 }),
      async (cmds, failures) => {
        const store = await backend.open();
        try {
          const commits = new Map<string, number>();
          const { engine, clock } = testEngine(store, '2026-01-01T00:00:00.000Z', fakeEvaluator(commits));
          await addMembers(store, [1, 2, 3, 4]);
          const transport = new CapturingTransport();
          let f = 0;
          for (const c of cmds) {
            clock.advanceDays(c.days % 40);
            const actor = actorOf(c);
            const ids = (await apps.listApplications(engine)).map((a) => a.id);
            const id = ids[c.app % Math.max(ids.length, 1)] ?? '1';
            const beforeOutbox = (await listOutbox(store.db)).length;
            const beforeAudit = (await readAudit(store.db)).length;
            const pre = ids.length ? await apps.getApplication(engine, id) : undefined;
            let refused = false;
            try {
              switch (c.op) {
                case 'submit':
                  await apps.submitApplication(engine, actor, {
                    projectName: `P${c.n}`,
                    repoUrl: `https://github.com/x/p${c.n % 3}`,
                    contacts: ['o@x.org'],
                  });
                  break;
                case 'ask':
                  await apps.askQuestion(engine, actor, id, 'why?');
                  break;
                case 'answer':
                  await apps.answerQuestion(engine, actor, id, 'because');
                  break;
                case 'schedule':
                  await apps.scheduleSession(engine, actor, '2030-01-01', 1 + (c.n % 3));
                  break;
                case 'open':
                  await apps.openVote(engine, actor, id);
                  break;
                case 'cast':
                  await apps.castVote(engine, actor, id, choiceOf(c.n));
                  break;
                case 'close':
                  await apps.closeVote(engine, actor, id);
                  break;
                case 'decide':
                  await apps.decide(engine, actor, id, outcomeOf(c.n), 'reason');
                  break;
                case 'onboard':
                  await apps.startOnboarding(engine, actor, id);
                  break;
                case 'item':
                  await apps.completeOnboardingItem(engine, actor, id, ITEMS[c.n]!);
                  break;
                case 'withdraw':
                  await apps.withdrawApplication(engine, actor, id);
                  break;
                case 'wait': {
                  commits.set(`https://github.com/x/p${c.n % 3}`, c.n % 2 ? 28 : 40);
                  await runPeriodicReview(engine, STAFF);
                  break;
                }
              }
            } catch (err) {
              if (!(err instanceof ProcessError)) throw err;
              refused = true;
            }
            const afterOutbox = await listOutbox(store.db);
            if (refused) {
              assert.equal(afterOutbox.length, beforeOutbox, `refused ${c.op} wrote to the outbox`);
              assert.equal((await readAudit(store.db)).length, beforeAudit, `refused ${c.op} wrote to the audit log`);
              if (pre) assert.deepEqual(await apps.getApplication(engine, id), pre, `refused ${c.op} changed the application`);
            } else if (c.op !== 'wait' && c.op !== 'submit' && c.op !== 'schedule' && pre) {
              // the same pure transition on the state read before says how many notices there must be
              const ctx = { actor, now: clock.now() };
              const expected = (
                {
                  ask: () => A.askQuestion(pre, 'why?', ctx),
                  answer: () => A.answer(pre, 'because', ctx),
                  open: () => A.openVote(pre, ['m1'], ctx),
                  cast: () => A.castVote(pre, choiceOf(c.n), ctx),
                  close: () => A.closeVote(pre, ctx),
                  decide: () => A.decide(pre, outcomeOf(c.n), 'reason', ctx, rules),
                  onboard: () => A.startOnboarding(pre, ctx),
                  item: () => A.completeOnboardingItem(pre, ITEMS[c.n]!, undefined, ctx, rules, 'x'),
                  withdraw: () => A.withdraw(pre, ctx),
                } as Record<string, () => { notices: unknown[] }>
              )[c.op]!().notices.length;
              assert.equal(
                afterOutbox.length - beforeOutbox,
                expected,
                `${c.op} wrote ${afterOutbox.length - beforeOutbox} notices, expected ${expected}`,
              );
            }
            // a delivery pass now and then, with the transport failing at random
            if (c.n === 0) {
              transport.failNext = failures[f++ % Math.max(failures.length, 1)] ? 1 : 0;
              await deliverOutbox({ store, transport, render: plainRender, clock, backoffMs: () => 0 });
            }
          }
          transport.failNext = 0;
          clock.advanceDays(1);
          await deliverOutbox({ store, transport, render: plainRender, clock });
          const rows = await listOutbox(store.db);
          assert.ok(rows.every((r) => r.status === 'delivered'));
          assert.deepEqual([...transport.received.keys()].sort(), rows.map((r) => idempotencyKey(r.id)).sort());
          assert.equal(transport.sent.length, rows.length, 'no row was sent twice');
          assert.equal((await verifyAudit(store.db)).ok, true);
        } finally {
          await store.dispose();
        }
      },
    ),
    { numRuns: Number(process.env.STEWARD_FC_RUNS ?? 25), endOnFailure: true },
  );
});
