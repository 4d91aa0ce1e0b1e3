// Door: a crash or a hang during SMTP. The guarantee is at least once, with the same Message-ID
// (so receivers drop the duplicate), and never a resend while a send is still in flight: the
// delivery lease is the transport's send timeout plus a margin (asserted), and the transport
// destroys its connection at that timeout. Before, the lease (60 s) was shorter than what one
// send could take (three attempts of 30 s timeouts each), and one notice was sent twice.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { openStore, enqueue, inTransaction, listOutbox } from '../../src/store/index.js';
import { deliverOutbox, deliveryLease, LEASE_MARGIN_MS } from '../../src/process/delivery.js';
import { createTransport, renderStoredNotice, DEFAULT_SEND_TIMEOUT_MS } from '../../src/notices/index.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { tempDir, cleanupTemp } from '../support/repo.js';
import { CLI, REPO_ROOT } from '../support/cli.js';

after(cleanupTemp);

const notice = { kind: 'offboarding', to: ['owner@gone.example'], data: { projectName: 'Gone', projectId: 'gone' } };

async function until(what: string, cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('the delivery lease outlives the send timeout: a shorter one is refused, the default is timeout + margin', () => {
  const smtp = createTransport({ smtpUrl: 'smtp://127.0.0.1:1' });
  assert.equal(smtp.sendTimeoutMs, DEFAULT_SEND_TIMEOUT_MS);
  assert.equal(deliveryLease(smtp), DEFAULT_SEND_TIMEOUT_MS + LEASE_MARGIN_MS);
  assert.throws(
    () => deliveryLease(smtp, 60_000),
    /delivery lease of 60000 ms is shorter than the transport's send timeout \(90000 ms\) plus the 30000 ms margin/,
  );
  assert.equal(deliveryLease(smtp, 600_000), 600_000);
  assert.equal(deliveryLease(createTransport({ smtpUrl: 'smtp://127.0.0.1:1', sendTimeoutMs: 2000 })), 2000 + LEASE_MARGIN_MS);
});

test('a deliverer SIGKILLed while the server holds its DATA reply: nothing resent during the lease, then one resend with the same Message-ID', async () => {
  const dataDir = tempDir('steward-notice-kill-');
  let store = await openStore({ dataDir });
  await inTransaction(store, (trx) => enqueue(trx, [notice], 'project:gone', new Date().toISOString()));
  await store.close();

  const sink = await startSmtpSink({ dedupe: true });
  sink.hold(true);
  const child = spawn(process.execPath, [...CLI, 'notices', 'deliver', '--smtp', sink.url], {
    cwd: REPO_ROOT,
    env: { ...process.env, STEWARD_DATA_DIR: dataDir, STEWARD_STAFF_EMAIL: '', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let killedAt: number;
  try {
    // the message is on the server; its reply is held; the deliverer dies waiting for it
    await until('the message on the server', () => sink.messages.length === 1, 30_000);
    child.kill('SIGKILL');
    killedAt = Date.now();
    assert.equal(await exited, 'SIGKILL');
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  sink.hold(false);
  const first = sink.messages[0]!;

  store = await openStore({ dataDir });
  const transport = createTransport({ smtpUrl: sink.url, retryDelayMs: 5 });
  try {
    const [row] = await listOutbox(store.db);
    assert.equal(row!.status, 'pending');
    // the claim the dead deliverer left holds at least the send timeout plus the margin
    const { claimed_until } = await store.db
      .selectFrom('outbox')
      .select('claimed_until')
      .where('id', '=', row!.id)
      .executeTakeFirstOrThrow();
    const until = Date.parse(claimed_until!);
    assert.ok(until - killedAt! >= DEFAULT_SEND_TIMEOUT_MS + LEASE_MARGIN_MS - 15_000, `lease ends ${until - killedAt!} ms after the kill`);

    // while the lease holds, another deliverer sends nothing (well past the send timeout, too)
    for (const at of [killedAt!, killedAt! + DEFAULT_SEND_TIMEOUT_MS + 1000, until - 1]) {
      const r = await deliverOutbox({ store, transport, render: renderStoredNotice, clock: { now: () => new Date(at) } });
      assert.deepEqual(r, { delivered: [], retrying: [], dead: [] });
    }
    assert.equal(sink.attempts, 1);

    // after it: one resend, the same Message-ID, which the receiver drops as a duplicate
    const r = await deliverOutbox({ store, transport, render: renderStoredNotice, clock: { now: () => new Date(until + 1) } });
    assert.deepEqual(r.delivered, [row!.id]);
    assert.equal(sink.attempts, 2);
    assert.equal(sink.messages.length, 1);
    assert.equal(sink.duplicates.length, 1);
    assert.equal(sink.duplicates[0]!.messageId, first.messageId);
    const [done] = await listOutbox(store.db);
    assert.equal(done!.status, 'delivered');
    assert.equal(done!.messageId, first.messageId);
    // and never again
    const again = await deliverOutbox({ store, transport, render: renderStoredNotice, clock: { now: () => new Date(until + 3600_000) } });
    assert.deepEqual(again.delivered, []);
    assert.equal(sink.attempts, 2);
  } finally {
    transport.close();
    await sink.close();
    await store.close();
  }
});

test('a server that accepts then hangs: the send is cut at its timeout (connection closed) inside the lease, no one else sends meanwhile, the retry has the same Message-ID', async () => {
  const store = await openStore({ dataDir: tempDir('steward-notice-hang-') });
  const sink = await startSmtpSink({ dedupe: true });
  const sendTimeoutMs = 700;
  const hanging = createTransport({ smtpUrl: sink.url, sendTimeoutMs, retryDelayMs: 5 });
  const other = createTransport({ smtpUrl: sink.url, sendTimeoutMs, retryDelayMs: 5 });
  try {
    await inTransaction(store, (trx) => enqueue(trx, [notice], 'project:gone', new Date().toISOString()));
    sink.hold(true);
    const started = Date.now();
    const a = deliverOutbox({ store, transport: hanging, render: renderStoredNotice });
    await until('the message on the server', () => sink.messages.length === 1, 10_000);
    // a second deliverer while the first one's send is in flight: the row is not free
    const b = await deliverOutbox({ store, transport: other, render: renderStoredNotice });
    assert.deepEqual(b, { delivered: [], retrying: [], dead: [] });
    const ra = await a;
    const cutAfter = Date.now() - started;
    assert.deepEqual(ra.delivered, []);
    assert.equal(ra.retrying.length, 1);
    assert.match(
      ra.retrying[0]!.error,
      /did not finish within 0\.7 s and the connection was closed: the message may or may not have arrived; a resend carries the same Message-ID/,
    );
    assert.ok(cutAfter < sendTimeoutMs + LEASE_MARGIN_MS, `cut after ${cutAfter} ms`);
    await until('the sink to see the connection closed', () => sink.abandoned === 1, 5_000);
    assert.equal(sink.attempts, 1, 'one try: the deadline covers the retries too');

    // the retry (after the back-off) is the same message
    sink.hold(false);
    const retryAt = Date.parse(ra.retrying[0]!.retryAt);
    assert.deepEqual(
      await deliverOutbox({ store, transport: other, render: renderStoredNotice, clock: { now: () => new Date(retryAt - 1) } }),
      { delivered: [], retrying: [], dead: [] },
    );
    const r = await deliverOutbox({ store, transport: other, render: renderStoredNotice, clock: { now: () => new Date(retryAt) } });
    assert.equal(r.delivered.length, 1);
    assert.equal(sink.duplicates.length, 1);
    assert.equal(sink.duplicates[0]!.messageId, sink.messages[0]!.messageId);
  } finally {
    hanging.close();
    other.close();
    await sink.close();
    await store.close();
  }
});
