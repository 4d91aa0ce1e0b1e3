// `steward import <landscape.yml>`: today's ecosystem as records, ACTIVE or RETIRED, with
// acceptance dates where the landscape has them.
import { Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';
import { printJson, storeOptions, withEngine, type StoreFlags } from './process-context.js';

export function register(program: Command): void {
  storeOptions(
    program
      .command('import')
      .description('import the ecosystem from a landscape.yml (PyTorch Members and PyTorch Projects are left alone)')
      .argument('<landscape.yml>')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (file: string, flags: StoreFlags & { format: string }) => {
    const [{ readRegularText }, { readLandscape }] = await Promise.all([
      import('../../util/read-file.js'),
      import('../../landscape/index.js'),
    ]);
    const text = readRegularText(file);
    const landscape = readLandscape(text, { file });
    const fatal = landscape.problems.filter((p) => p.line !== null && landscape.items.length === 0);
    if (fatal.length > 0) throw new InputError(`${file}:${fatal[0]!.line}: ${fatal[0]!.message}`);
    await withEngine(flags, async ({ engine, actor }) => {
      const { importLandscape } = await import('../../process/engine-import.js');
      const r = await importLandscape(engine, actor, landscape);
      if (flags.format === 'json') return printJson(r);
      process.stdout.write(
        `imported ${r.active.length} ACTIVE and ${r.retired.length} RETIRED projects; ${r.unknownAcceptance.length} without an acceptance date (first review 6 months from today); ${r.skipped.length} skipped\n`,
      );
      for (const s of r.skipped) process.stdout.write(`  ${file}:${s.line}: ${s.name}: ${s.reason}\n`);
    });
  });
}
