// The `steward` command line: each command lives in its own module under commands/ and loads
// what it needs only when it runs, so `steward check` starts fast.
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../version.js';
import { InputError } from '../util/errors.js';
import { GLOBAL_ON_HELP, hoistGlobalOn } from './global-on.js';

/**
 * The program with its commands. `steward check …`, the command run most and the one whose
 * start-up is measured, registers only itself: loading the other twenty commands' definitions
 * cost about a tenth of a cold check. Anything else (help, a typo, another command) gets them all.
 */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const program = new Command();
  program
    .name('steward')
    .description(
      'Runs the PyTorch Foundation Ecosystem process: judges repositories against the 19 ' +
        'requirements, keeps applications, votes, reviews and the landscape.',
    )
    .version(TOOL_VERSION, '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false })
    .addHelpText('after', GLOBAL_ON_HELP)
    .exitOverride();
  const check = await import('./commands/check.js');
  check.register(program);
  if (argv[0] === 'check') return program;
  const [policy, landscape, license, processCommands, data, serve, demo] = await Promise.all([
    import('./commands/policy.js'),
    import('./commands/landscape.js'),
    import('./commands/license.js'),
    import('./commands/process-commands.js'),
    import('./commands/data.js'),
    import('./commands/serve.js'),
    import('./commands/demo.js'),
  ]);
  policy.register(program);
  landscape.register(program);
  license.register(program);
  processCommands.registerProcessCommands(program);
  data.register(program);
  serve.register(program);
  demo.register(program);
  return program;
}

export async function main(given: string[]): Promise<number> {
  const argv = hoistGlobalOn(given);
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version print and exit 0; usage errors were already printed by commander
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof InputError) {
      process.stderr.write(`steward: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`steward: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 70;
  }
}
