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
          { kind: 'review-failure', to: ['owner@example.org'], data: { projectName: 'TorchWave', projectId: 'tw', failures: [{ id: 12, key: 'recent-commits', summary: '28 commits in 6 months' }], deadlineOn: '2026-11-14', noticeOn: '2026-10-15' } },
          { kind: 'decision', to: ['owner@example.org'], data: { applicationId: 'a1', projectName: 'Other', outcome: 'DECLINED', reason: 'too early' } },
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
    const result = await deliverOutbox({ store, transport, render: renderStoredNotice, clock: { now: () => later }, backoffMs: () => 0, maxAttempts: 1 });
    assert.equal(result.delivered.length, 2);
    assert.equal(result.dead.length, 1);
    assert.match(result.dead[0]!.error, /^cannot render notice: decision: a DECLINED decision needs resubmitFrom \(YYYY-MM-DD\), found nothing$/);

    assert.deepEqual(
      sink.messages.map((m) => m.subject),
      ['[PyTorch Ecosystem] TorchWave: periodic review found 1 requirement to fix by 2026-11-14', '[PyTorch Ecosystem] Gone: offboarding from the PyTorch Ecosystem'],
    );
    assert.equal(sink.duplicates.length, 1, 'the resend after the crash was recognised as the same message');
    assert.equal(sink.duplicates[0]!.messageId, sink.messages[0]!.messageId);
    const rows = await listOutbox(store.db);
    assert.deepEqual(rows.map((r) => r.status), ['delivered', 'dead', 'delivered']);
    assert.equal(rows[0]!.messageId, sink.messages[0]!.messageId);
  } finally {
    transport.close();
    await sink.close();
    await store.close();
  }
});
