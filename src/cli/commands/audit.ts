// `steward audit verify|log`: the hash-chained audit log; verify names the first entry that
// does not match (edited, removed or reordered).
import { Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';
import { printJson, storeOptions, withEngine, type StoreFlags } from './process-context.js';

export function register(program: Command): void {
  const audit = program.command('audit').description('the append-only, hash-chained audit log');
  storeOptions(audit.command('verify').description('recompute the chain; exit 1 and name the first bad entry if it was tampered with')).action(async (flags: StoreFlags) => {
    await withEngine(flags, async ({ store }) => {
      const { verifyAudit } = await import('../../store/index.js');
      const v = await verifyAudit(store.db);
      if (v.ok) process.stdout.write(`audit log intact: ${v.entries} entries (${store.location})\n`);
      else {
        process.stdout.write(`audit log TAMPERED at entry ${v.firstBad!.seq}: ${v.firstBad!.reason}\n${v.entries} entries before it verify\n`);
        process.exitCode = 1;
      }
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
    if (flags.limit !== undefined && !/^[1-9]\d*$/.test(flags.limit)) throw new InputError(`--limit: expected a positive whole number, found ${JSON.stringify(flags.limit)}`);
    await withEngine(flags, async ({ store }) => {
      const { readAudit } = await import('../../store/index.js');
      const entries = await readAudit(store.db, { newestFirst: !flags.oldestFirst, ...(flags.subject ? { subject: flags.subject } : {}), ...(flags.limit ? { limit: Number(flags.limit) } : {}) });
      if (flags.format === 'json') return printJson(entries);
      for (const e of entries) process.stdout.write(`${String(e.seq).padStart(6)}  ${e.at}  ${e.actor.padEnd(10)}  ${e.action.padEnd(24)}  ${e.subject}  ${JSON.stringify(e.data)}\n`);
    });
  });
}
