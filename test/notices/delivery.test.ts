// The notice pieces fitted to the outbox worker of src/process/: real SQLite store, the notices'
// own templates and SMTP transport, the loopback sink. A resend after a "crash" (sent, not
// marked delivered) is the same message, which a deduping receiver keeps once.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, enqueue, inTransaction, claimNext, listOutbox, idempotencyKey } from '../../src/store/index.js';
import { deliverOutbox } from '../../src/process/delivery.js';
import { createTransport, renderStoredNotice } from '../../src/notices/index.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { tempDir, cleanupTemp } from '../support/repo.js';
import { BACKENDS } from '../store/backends.js';

after(cleanupTemp);

test('outbox rows are rendered, sent over SMTP once each, and bad rows are refused with the reason', async () => {
  const store = await openStore({ dataDir: tempDir() });
  const sink = await startSmtpSink({ dedupe: true });
  const transport = createTransport({ smtpUrl: sink.url, retryDelayMs: 5 });
  try {
    const t0 = new Date('2026-10-15T09:00:00Z');
    await inTransaction(store, (trx) =>
      enqueue(
        trx,
        [
          {
            kind: 'review-failure',
            to: ['owner@example.org'],
            data: {
              projectName: 'TorchWave',
              projectId: 'tw',
              failures: [{ id: 12, key: 'recent-commits', summary: '28 commits in 6 months' }],
              deadlineOn: '2026-11-14',
              noticeOn: '2026-10-15',
            },
          },
          {
            kind: 'decision',
            to: ['owner@example.org'],
            data: { applicationId: 'a1', projectName: 'Other', outcome: 'DECLINED', reason: 'too early' },
          },
          { kind: 'offboarding', to: ['owner@example.org'], data: { projectName: 'Gone', projectId: 'gone' } },
        ],
        'project:tw',
        t0.toISOString(),
      ),
    );
    // a worker sends the first row and dies before marking it delivered
    const claimed = (await claimNext(store.db, t0, 1000))!;
    const { subject, text } = renderStoredNotice(claimed.kind, claimed.data);
    await transport.send({ to: claimed.to, subject, text, idempotencyKey: idempotencyKey(claimed.id) });

    const later = new Date(t0.getTime() + 5000); // after the lease
    const result = await deliverOutbox({ store, transport, render: renderStoredNotice, clock: { now: () => later }, backoffMs: () => 0 });
    assert.equal(result.delivered.length, 2);
    assert.equal(result.dead.length, 1);
    assert.match(
      result.dead[0]!.error,
      /^permanent failure, not retried: cannot render notice: decision: a DECLINED decision needs resubmitFrom \(YYYY-MM-DD\), found nothing$/,
    );

    assert.deepEqual(
      sink.messages.map((m) => m.subject),
      [
        '[PyTorch Ecosystem] TorchWave: periodic review found 1 requirement to fix by 2026-11-14',
        '[PyTorch Ecosystem] Gone: offboarding from the PyTorch Ecosystem',
      ],
    );
    assert.equal(sink.duplicates.length, 1, 'the resend after the crash was recognised as the same message');
    assert.equal(sink.duplicates[0]!.messageId, sink.messages[0]!.messageId);
    const rows = await listOutbox(store.db);
    assert.deepEqual(
      rows.map((r) => r.status),
      ['delivered', 'dead', 'delivered'],
    );
    assert.equal(rows[0]!.messageId, sink.messages[0]!.messageId);
  } finally {
    transport.close();
    await sink.close();
    await store.close();
  }
});

for (const backend of BACKENDS)
  test(`a permanent refusal (550) or an unaddressable notice is dead at once with the reason; a 451 is retried (${backend.name})`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const store = await backend.open();
    const sink = await startSmtpSink();
    const transport = createTransport({ smtpUrl: sink.url, retryDelayMs: 5 });
    try {
      const t0 = new Date('2026-10-15T09:00:00Z');
      const data = { projectName: 'Gone', projectId: 'gone' };
      await inTransaction(store, (trx) =>
        enqueue(
          trx,
          [
            { kind: 'offboarding', to: ['nobody@example.org'], data },
            { kind: 'offboarding', to: ['later@example.org'], data },
            { kind: 'offboarding', to: [], data },
          ],
          'project:gone',
          t0.toISOString(),
        ),
      );
      sink.refuseNext(1, 550, 'No such user here');
      const clock = { now: () => t0 };
      let r = await deliverOutbox({ store, transport, render: renderStoredNotice, clock, limit: 1 });
      assert.equal(sink.attempts, 1, 'the transport does not retry a 550 either');
      assert.deepEqual(
        r.dead.map((d) => d.id),
        [1],
      );
      assert.match(
        r.dead[0]!.error,
        /^permanent failure, not retried: smtp:\/\/127\.0\.0\.1:\d+ refused the message permanently \(550\), attempt 1: 550 No such user here/,
      );

      sink.refuseNext(3, 451); // the transport's own three tries, then the row waits for its back-off
      r = await deliverOutbox({ store, transport, render: renderStoredNotice, clock });
      assert.deepEqual(
        r.retrying.map((x) => x.id),
        [2],
      );
      assert.deepEqual(
        r.dead.map((d) => [d.id, d.error]),
        [[3, 'permanent failure, not retried: notice steward-outbox-3: no recipient']],
      );
      const rows = await listOutbox(store.db);
      assert.deepEqual(
        rows.map((x) => [x.status, x.attempts]),
        [
          ['dead', 1],
          ['pending', 1],
          ['dead', 1],
        ],
      );
      assert.match(rows[0]!.lastError!, /550 No such user here/);
      assert.equal(sink.messages.length, 0);

      // the retried one goes through after its back-off; the dead ones are never claimed again
      r = await deliverOutbox({ store, transport, render: renderStoredNotice, clock: { now: () => new Date(t0.getTime() + 3600_000) } });
      assert.deepEqual(r, { delivered: [2], retrying: [], dead: [] });
      assert.deepEqual(
        sink.messages.map((m) => m.to),
        [['later@example.org']],
      );
    } finally {
      transport.close();
      await sink.close();
      await store.dispose();
    }
  });
