// The `steward` command line: each command lives in its own module under commands/ and loads
// what it needs only when it runs, so `steward check` starts fast.
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../version.js';
import { InputError } from '../util/errors.js';
import { register as registerCheck } from './commands/check.js';
import { register as registerPolicy } from './commands/policy.js';
import { register as registerLandscape } from './commands/landscape.js';
import { register as registerLicense } from './commands/license.js';
import { registerProcessCommands } from './commands/process-commands.js';
import { register as registerData } from './commands/data.js';

export function buildProgram(): Command {
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
    .exitOverride();
  registerCheck(program);
  registerPolicy(program);
  registerLandscape(program);
  registerLicense(program);
  registerProcessCommands(program);
  registerData(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
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
