// `steward jobs dead|retry`: the jobs that exhausted their retries (dead-letter), for staff to
// read why and put back once the cause is fixed.
import { Command, Option } from 'commander';
import { printJson, storeOptions, withEngine, type StoreFlags } from './process-context.js';

export function register(program: Command): void {
  const jobs = program.command('jobs').description('the durable job queue: dead jobs and their retry');
  storeOptions(
    jobs
      .command('dead')
      .description('jobs that failed every attempt, newest first, with their last error')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (flags: StoreFlags & { format: string }) => {
    await withEngine(flags, async ({ store }) => {
      const { openJobQueue } = await import('../../jobs/index.js');
      const queue = await openJobQueue(store);
      try {
        const dead = await queue.dead();
        if (flags.format === 'json') return printJson(dead);
        if (dead.length === 0) return void process.stdout.write('no dead jobs\n');
        for (const j of dead) {
          process.stdout.write(
            `${j.id}  ${j.name}  ${JSON.stringify(j.data)}  ${j.attempts} attempt(s), last ${j.updatedAt.slice(0, 16).replace('T', ' ')} UTC\n    ${j.lastError ?? '(no error recorded)'}\n`,
          );
        }
        process.stdout.write(`${dead.length} dead; steward jobs retry ID runs one again\n`);
      } finally {
        await queue.stop();
      }
    });
  });
  storeOptions(
    jobs
      .command('retry')
      .description('puts a dead job back in the queue for one more attempt (a running worker takes it)')
      .argument('<id...>', 'job ids, as `steward jobs dead` lists them'),
  ).action(async (ids: string[], flags: StoreFlags) => {
    await withEngine(flags, async ({ store }) => {
      const { openJobQueue } = await import('../../jobs/index.js');
      const queue = await openJobQueue(store);
      try {
        for (const id of ids) {
          await queue.retry(id);
          process.stdout.write(`${id}: queued again\n`);
        }
      } finally {
        await queue.stop();
      }
    });
  });
}
