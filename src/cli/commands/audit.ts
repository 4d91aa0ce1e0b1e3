// `steward audit verify|head|log`: the hash-chained, signed audit log. verify names the first
// entry that does not match (edited, removed, reordered, or re-hashed without the key), a record
// changed behind the log's back, or a log that no longer holds a head kept outside (--head).
import { Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';
import { printJson, storeOptions, withEngine, type StoreFlags } from './process-context.js';

export function register(program: Command): void {
  const audit = program.command('audit').description('the append-only, hash-chained, signed audit log');
  storeOptions(
    audit
      .command('verify')
      .description(
        'recompute the chain, check signatures with the audit key and every application and project against the log; exit 1 and say what does not match',
      )
      .option('--head <seq:hash>', 'a head kept outside the database (from `steward audit head`): the log must still hold it'),
  ).action(async (flags: StoreFlags & { head?: string }) => {
    await withEngine(flags, async ({ store }) => {
      const { checkAudit, parseHead } = await import('../../store/index.js');
      if (flags.head !== undefined) {
        try {
          parseHead(flags.head);
        } catch (err) {
          throw new InputError((err as Error).message);
        }
      }
      const key = store.auditKey.load();
      const v = await checkAudit(store.db, {
        ...(key ? { key } : {}),
        keyWhere: store.auditKey.where,
        ...(flags.head !== undefined ? { head: flags.head } : {}),
      });
      const out: string[] = [];
      if (v.ok) out.push(`audit log intact: ${v.entries} entries (${store.location})`);
      else if (v.firstBad!.what === 'state') out.push(`audit log and records DISAGREE: ${v.firstBad!.reason}`);
      else if (v.firstBad!.what === 'head') out.push(`audit log TAMPERED: ${v.firstBad!.reason}`);
      else out.push(`audit log TAMPERED at entry ${v.firstBad!.seq}: ${v.firstBad!.reason}`, `${v.entries} entries before it verify`);
      const unsigned = Math.min(v.signedFrom - 1, v.entries);
      if (!v.signatures.checked) {
        out.push(
          `signatures NOT checked: no audit key (set STEWARD_AUDIT_KEY, or keep the key file at ${v.signatures.keyWhere}); a chain recomputed after an edit would pass without it — compare with a head kept outside (--head)`,
        );
      } else if (v.ok) {
        const signed = v.entries - unsigned;
        out.push(`signatures checked with the audit key (${v.signatures.keyWhere}): ${signed} signed entr${signed === 1 ? 'y' : 'ies'}`);
      }
      if (unsigned > 0)
        out.push(
          `entries 1–${unsigned} were written before signing began (entry ${v.signedFrom}): hash-chained, not signed; the first signed entry's link covers them`,
        );
      if (v.ok) {
        out.push(`records: ${v.records.checked} applications and projects match the state the log holds for them`);
        if (v.records.untracked.length > 0)
          out.push(
            `records not yet in the log (last written before signing began; tied to it on their next change): ${v.records.untracked.length} (${v.records.untracked.slice(0, 5).join(', ')}${v.records.untracked.length > 5 ? ', …' : ''})`,
          );
      }
      if (v.externalHead)
        out.push(
          `external head: entry ${v.externalHead.seq} is in the log, ${v.externalHead.after} entr${v.externalHead.after === 1 ? 'y' : 'ies'} after it`,
        );
      process.stdout.write(`${out.join('\n')}\n`);
      if (!v.ok) process.exitCode = 1;
    });
  });
  storeOptions(
    audit
      .command('head')
      .description('the latest entry as SEQ:HASH, to keep outside the database and check later with `audit verify --head`')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (flags: StoreFlags & { format: string }) => {
    await withEngine(flags, async ({ store }) => {
      const { readHead } = await import('../../store/index.js');
      const head = await readHead(store.db);
      if (flags.format === 'json') return printJson({ seq: head.seq, hash: head.hash, head: `${head.seq}:${head.hash}` });
      process.stdout.write(`${head.seq}:${head.hash}\n`);
    });
  });
  storeOptions(
    audit
      .command('log')
      .option('--subject <subject>', 'e.g. application:3, project:torchwave, amendment:M1')
      .description('the entries, newest first (--oldest-first for the order they were chained in)')
      .option('--limit <n>', 'at most this many entries (the newest)')
      .option('--oldest-first', 'in chain order, oldest first')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (flags: StoreFlags & { subject?: string; limit?: string; oldestFirst?: boolean; format: string }) => {
    if (flags.limit !== undefined && !/^[1-9]\d*$/.test(flags.limit))
      throw new InputError(`--limit: expected a positive whole number, found ${JSON.stringify(flags.limit)}`);
    await withEngine(flags, async ({ store }) => {
      const { readAudit } = await import('../../store/index.js');
      const entries = await readAudit(store.db, {
        newestFirst: !flags.oldestFirst,
        ...(flags.subject ? { subject: flags.subject } : {}),
        ...(flags.limit ? { limit: Number(flags.limit) } : {}),
      });
      if (flags.format === 'json') return printJson(entries);
      for (const e of entries)
        process.stdout.write(
          `${String(e.seq).padStart(6)}  ${e.at}  ${e.actor.padEnd(10)}  ${e.action.padEnd(24)}  ${e.subject}  ${JSON.stringify(e.data)}\n`,
        );
    });
  });
}
