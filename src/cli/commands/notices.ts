// `steward notices list|deliver`: the outbox, and delivering it over SMTP (or printing it with
// --dry-run). Sending is at least once, with the same Message-ID (from the row's idempotency key)
// so receivers drop duplicates; never resent while a send is in flight (src/process/delivery.ts).
import { Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';
import { isEmail } from '../../util/email.js';
import { printJson, storeOptions, withEngine, type StoreFlags } from './process-context.js';

export function register(program: Command): void {
  const notices = program.command('notices').description('notices to applicants and owners: the outbox and its delivery');
  storeOptions(
    notices
      .command('list')
      .option('--status <status>', 'pending, delivered or dead')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (flags: StoreFlags & { status?: string; format: string }) => {
    await withEngine(flags, async ({ store }) => {
      const { listOutbox } = await import('../../store/index.js');
      const rows = await listOutbox(store.db, flags.status ? { status: flags.status } : {});
      if (flags.format === 'json') return printJson(rows);
      for (const r of rows)
        process.stdout.write(
          `${String(r.id).padStart(5)}  ${r.status.padEnd(9)}  ${r.kind.padEnd(20)}  ${r.subject}  → ${r.to.join(', ') || '(no recipient)'}${r.status === 'pending' && r.attempts > 0 ? `  retry at ${utcMinute(r.nextAttemptAt)}` : ''}${r.lastError ? `  last error: ${r.lastError}` : ''}\n`,
        );
      if (rows.length === 0) process.stdout.write('no notices\n');
    });
  });
  storeOptions(
    notices
      .command('deliver')
      .description('deliver pending notices (retries with back-off; gives up after 8 attempts)')
      .option('--notify <email>', 'where notices without a recipient go, to be forwarded (default $STEWARD_STAFF_EMAIL)')
      .option('--smtp <url>', 'SMTP server, e.g. smtp://user:pass@host:587 (default $STEWARD_SMTP_URL)')
      .option('--dry-run', 'print each message instead of sending it (nothing is marked delivered)'),
  ).action(async (flags: StoreFlags & { notify?: string; smtp?: string; dryRun?: boolean }) => {
    const smtpUrl = flags.smtp ?? process.env.STEWARD_SMTP_URL;
    if (!flags.dryRun && !smtpUrl)
      throw new InputError('notices deliver: expected --smtp <url> or $STEWARD_SMTP_URL (or --dry-run to print)');
    await withEngine(flags, async ({ store }) => {
      const fallbackTo = fallbackRecipients(flags.notify);
      const [{ createTransport, renderStoredNotice }, { deliverOutbox, addressed }, { listOutbox }] = await Promise.all([
        import('../../notices/index.js'),
        import('../../process/delivery.js'),
        import('../../store/index.js'),
      ]);
      if (flags.dryRun) {
        // print the pending ones without claiming them: a dry run must not change the outbox
        const transport = createTransport({ dryRun: true });
        for (const r of await listOutbox(store.db, { status: 'pending' })) {
          const message = addressed(r, renderStoredNotice(r.kind, r.data), fallbackTo);
          if (message.to.length === 0) {
            // a real run would give it up: say so, and how to have it forwarded, instead of failing the preview
            process.stdout.write(
              `--- dry run: notice ${r.id} has no recipient (a project without contacts); with --notify ADDRESS it goes there, marked [to forward] ---\nSubject: ${message.subject}\n\n`,
            );
            continue;
          }
          await transport.send({ ...message, idempotencyKey: `steward-outbox-${r.id}` });
        }
        transport.close();
        return;
      }
      const transport = createTransport({ smtpUrl: smtpUrl! });
      try {
        const r = await deliverOutbox({ store, transport, render: renderStoredNotice, fallbackTo });
        process.stdout.write(`${r.delivered.length} delivered, ${r.retrying.length} to retry, ${r.dead.length} given up\n`);
        for (const x of r.retrying) process.stdout.write(`  ${x.id}: ${x.error} (retry at ${utcMinute(x.retryAt)})\n`);
        for (const x of r.dead) process.stdout.write(`  ${x.id}: ${x.error} (given up)\n`);
        // nothing given up but nothing delivered either (no server answered): that run failed too
        if (r.dead.length > 0 || (r.retrying.length > 0 && r.delivered.length === 0)) process.exitCode = 1;
      } finally {
        transport.close();
      }
    });
  });
}

/** An instant as people read it at a terminal: `2026-07-01 14:05 UTC`. */
export function utcMinute(iso: string): string {
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? iso : `${t.toISOString().slice(0, 10)} ${t.toISOString().slice(11, 16)} UTC`;
}

/** The fallback recipients: --notify, else $STEWARD_STAFF_EMAIL (comma-separated). */
export function fallbackRecipients(flag: string | undefined): string[] {
  const list = (flag ?? process.env.STEWARD_STAFF_EMAIL ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = list.find((a) => !isEmail(a));
  if (bad !== undefined)
    throw new InputError(
      `--notify / STEWARD_STAFF_EMAIL: ${JSON.stringify(bad)} is not an e-mail address; expected addresses separated by commas`,
    );
  return list;
}
