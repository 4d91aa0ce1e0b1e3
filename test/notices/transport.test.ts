import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createTransport, DeliveryError, messageIdFor, type MailTransport } from '../../src/notices/transport.js';
import { renderNotice } from '../../src/notices/index.js';
import { startSmtpSink, readSinkLog, type SmtpSink } from '../support/smtp-sink.js';
import { tempDir, cleanupTemp } from '../support/repo.js';

after(cleanupTemp);

async function withSink(fn: (sink: SmtpSink, transport: MailTransport) => Promise<void>, dedupe = false, attempts = 3): Promise<void> {
  const sink = await startSmtpSink({ dedupe });
  const transport = createTransport({ smtpUrl: sink.url, retryDelayMs: 10, attempts });
  try {
    await fn(sink, transport);
  } finally {
    transport.close();
    await sink.close();
  }
}

test('sends a real message over loopback SMTP, Message-ID derived from the idempotency key', async () => {
  await withSink(async (sink, transport) => {
    const notice = renderNotice('review-passed', { projectName: 'Torch Évian', projectId: 'te', nextDueOn: '2027-01-31' });
    const result = await transport.send({ to: ['a@example.org', 'b@example.org'], ...notice, idempotencyKey: 'steward-outbox-17' });
    assert.equal(result.messageId, messageIdFor('steward-outbox-17'));
    assert.match(result.messageId, /^<steward\.[0-9a-f]{32}@pytorch\.org>$/);
    assert.deepEqual(result.rejected, []);
    assert.equal(sink.messages.length, 1);
    const m = sink.messages[0]!;
    assert.equal(m.from, 'ecosystem@pytorch.org');
    assert.deepEqual(m.to, ['a@example.org', 'b@example.org']);
    assert.equal(m.messageId, result.messageId);
    assert.equal(m.idempotencyKey, 'steward-outbox-17');
    assert.equal(m.subject, notice.subject);
    assert.equal(m.text.trimEnd(), notice.text.trimEnd());
  });
});

test('a resend with the same key is the same message: a deduping receiver keeps one', async () => {
  await withSink(async (sink, transport) => {
    const mail = { to: 'a@example.org', subject: 'S', text: 'T', idempotencyKey: 'steward-outbox-3' };
    const first = await transport.send(mail);
    const again = await transport.send(mail);
    await transport.send({ ...mail, idempotencyKey: 'steward-outbox-4' });
    assert.equal(first.messageId, again.messageId);
    assert.notEqual(messageIdFor('steward-outbox-4'), first.messageId);
    assert.equal(sink.messages.length, 2);
    assert.equal(sink.duplicates.length, 1);
    assert.equal(sink.duplicates[0]!.messageId, first.messageId);
  }, true);
});

test('a temporary refusal (451) is retried and the message arrives once', async () => {
  await withSink(async (sink, transport) => {
    sink.refuseNext(1, 451, 'Greylisted, try again later');
    const r = await transport.send({ to: 'a@example.org', subject: 'S', text: 'T', idempotencyKey: 'k-1' });
    assert.equal(sink.attempts, 2);
    assert.equal(sink.messages.length, 1);
    assert.equal(sink.messages[0]!.messageId, r.messageId);
  });
});

test('temporary refusals on every attempt: a non-permanent DeliveryError after the last attempt', async () => {
  await withSink(
    async (sink, transport) => {
      sink.refuseNext(5, 421, 'Service busy');
      await assert.rejects(
        transport.send({ to: 'a@example.org', subject: 'S', text: 'T', idempotencyKey: 'k-2' }),
        (e: unknown) =>
          e instanceof DeliveryError &&
          !e.permanent &&
          e.responseCode === 421 &&
          /refused the message for now \(421\), attempt 2: .*Service busy/.test(e.message),
      );
      assert.equal(sink.attempts, 2);
      assert.equal(sink.messages.length, 0);
    },
    false,
    2,
  );
});

test('a permanent refusal (550) fails at once with a clear, permanent error', async () => {
  await withSink(async (sink, transport) => {
    sink.refuseNext(1, 550, 'Mailbox does not exist');
    await assert.rejects(
      transport.send({ to: 'gone@example.org', subject: 'S', text: 'T', idempotencyKey: 'k-3' }),
      (e: unknown) =>
        e instanceof DeliveryError &&
        e.permanent &&
        e.responseCode === 550 &&
        /^smtp:\/\/127\.0\.0\.1:\d+ refused the message permanently \(550\), attempt 1: .*Mailbox does not exist/.test(e.message),
    );
    assert.equal(sink.attempts, 1, 'not retried');
  });
});

test('an unreachable server is a temporary failure naming the server', async () => {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
  const transport = createTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, retryDelayMs: 1, attempts: 2, timeoutMs: 2000 });
  await assert.rejects(
    transport.send({ to: 'a@example.org', subject: 'S', text: 'T', idempotencyKey: 'k-4' }),
    (e: unknown) =>
      e instanceof DeliveryError && !e.permanent && new RegExp(`^smtp://127\\.0\\.0\\.1:${port} could not be reached`).test(e.message),
  );
  transport.close();
});

test('dry run writes the message to the stream and sends nothing', async () => {
  const out = new PassThrough();
  let written = '';
  out.on('data', (c: Buffer) => (written += c.toString()));
  const transport = createTransport({ dryRun: true, out, smtpUrl: 'smtp://127.0.0.1:1' });
  const r = await transport.send({
    to: ['a@example.org', 'b@example.org'],
    subject: 'Hello\nBcc: x@y.org',
    text: 'Body line',
    idempotencyKey: 'steward-outbox-9',
  });
  assert.equal(r.messageId, messageIdFor('steward-outbox-9'));
  assert.equal(
    written,
    [
      '--- dry run: not sent ---',
      `Message-ID: ${r.messageId}`,
      'X-Steward-Idempotency-Key: steward-outbox-9',
      'From: PyTorch Ecosystem <ecosystem@pytorch.org>',
      'To: a@example.org, b@example.org',
      'Subject: Hello Bcc: x@y.org',
      '',
      'Body line',
      '',
    ].join('\n'),
  );
});

test('the Message-ID follows the sender domain and the key only', () => {
  assert.equal(messageIdFor('k', 'Steward <noreply@Lists.Example.ORG>'), messageIdFor('k', 'x@lists.example.org'));
  assert.match(messageIdFor('k', 'no address'), /@steward\.invalid>$/);
  assert.notEqual(messageIdFor('k1'), messageIdFor('k2'));
});

test('refuses what cannot be sent, before connecting, with what was expected', async () => {
  assert.throws(
    () => createTransport({}),
    /no SMTP server configured: expected an smtp:\/\/ or smtps:\/\/ URL \(or a dry run\), found none/,
  );
  assert.throws(
    () => createTransport({ smtpUrl: 'http://user:secret@mail.example.org' }),
    (e: unknown) =>
      e instanceof DeliveryError &&
      /must start with smtp:\/\/ or smtps:\/\/, found "http:\/\/user:\*\*\*@mail/.test(e.message) &&
      !e.message.includes('secret'),
  );
  assert.throws(() => createTransport({ smtpUrl: 'not a url' }), /the SMTP URL is not a URL/);
  const t = createTransport({ smtpUrl: 'smtp://127.0.0.1:1', attempts: 1 });
  const base = { subject: 'S', text: 'T', idempotencyKey: 'k' };
  await assert.rejects(
    t.send({ ...base, to: [] }),
    (e: unknown) => e instanceof DeliveryError && e.permanent && /notice k: no recipient/.test(e.message),
  );
  await assert.rejects(t.send({ ...base, to: ['ok@example.org', 'bad address'] }), /notice k: not an e-mail address: "bad address"/);
  await assert.rejects(
    t.send({ ...base, to: 'a@example.org', idempotencyKey: 'has space' }),
    /idempotency key must be 1–200 printable ASCII characters without spaces, found "has space"/,
  );
  await assert.rejects(t.send({ ...base, to: 'a@example.org', idempotencyKey: '' }), /idempotency key/);
  t.close();
});

test('the sink runs as its own process and logs every message, duplicates marked', async () => {
  const log = join(tempDir(), 'sink.jsonl');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/support/smtp-sink.ts', '--port', '0', '--log', log, '--dedupe', '--fail-first', '1'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let buf = '';
      child.stdout!.on('data', (c: Buffer) => {
        buf += c.toString();
        const m = /listening (\d+)/.exec(buf);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`sink exited with ${code} before listening`)));
    });
    const t = createTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, retryDelayMs: 10 });
    await t.send({ to: 'a@example.org', subject: 'One', text: 'T', idempotencyKey: 'p-1' });
    await t.send({ to: 'a@example.org', subject: 'One', text: 'T', idempotencyKey: 'p-1' });
    t.close();
    const lines = readSinkLog(log);
    assert.deepEqual(
      lines.map((l) => [l.subject, l.duplicate]),
      [
        ['One', false],
        ['One', true],
      ],
    );
    assert.equal(lines[0]!.messageId, messageIdFor('p-1'));
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
});
