// `steward --on YYYY-MM-DD <command> …`: the day a process command acts as on, written once before
// the command as a staff member writing up last month's meeting would. Every dated command declares
// its own --on (process-context.ts says what it means there); this moves a leading one after the
// command's words so that command receives it, and a command that takes no day refuses it as usual.
// Not a program option: commander reads program options after the subcommand too, and would take
// --on away from every command that declares its own.

/** argv with a leading `--on DAY` / `--on=DAY` moved to just before any `--` terminator. */
export function hoistGlobalOn(argv: readonly string[]): string[] {
  const first = argv[0];
  let moved: string[];
  let rest: string[];
  if (first === '--on' && argv.length >= 2) {
    moved = ['--on', argv[1]!];
    rest = argv.slice(2);
  } else if (first?.startsWith('--on=') === true) {
    moved = [first];
    rest = argv.slice(1);
  } else return [...argv];
  const end = rest.indexOf('--');
  return end < 0 ? [...rest, ...moved] : [...rest.slice(0, end), ...moved, ...rest.slice(end)];
}

export const GLOBAL_ON_HELP =
  '\nA dated process command may also be written `steward --on YYYY-MM-DD <command> …`: ' +
  "the same as the command's own --on (see its --help).";
