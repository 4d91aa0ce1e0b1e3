// `steward session schedule|agenda|list`: review sessions and their generated agenda.
import { Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';
import {
  checkEvaluator,
  policyOptions,
  printJson,
  storeOptions,
  withEngine,
  type CheckFlags,
  type PolicyFlags,
  type StoreFlags,
} from './process-context.js';

/** Sessions are named S1, S2 …; a bare number or a lower-case s means the same one. */
export function sessionId(text: string): string {
  const m = /^\s*[sS]?(\d+)\s*$/.exec(text);
  return m ? `S${Number(m[1])}` : text;
}

export function register(program: Command): void {
  const session = program.command('session').description('review sessions: schedule one and print its agenda');
  storeOptions(
    policyOptions(session.command('schedule'))
      .description('schedule a session: takes the waiting applications (returning ones first, then by arrival) into review')
      .argument('<date>', 'the session date, YYYY-MM-DD')
      .option('--capacity <n>', 'applications per session (default: the policy, 10)')
      .option('--check', 'run the requirements check of each application taken into review and attach its report (waivers shown exempt)')
      .option('--repos-dir <dir>', 'with --check: local clones to read instead of fetching (<dir>/<owner>/<name>)')
      .option('--offline', 'with --check: ask no web API (GitHub, PyPI)'),
  ).action(async (date: string, flags: StoreFlags & PolicyFlags & CheckFlags & { capacity?: string; check?: boolean }) => {
    const capacity = flags.capacity === undefined ? undefined : Number(flags.capacity);
    if (capacity !== undefined && !(Number.isInteger(capacity) && capacity > 0))
      throw new InputError(`--capacity: expected a positive whole number, found ${JSON.stringify(flags.capacity)}`);
    // a session in the past is a typo (a wrong year or month): its applicants would be told a
    // date that has gone. Only the command refuses it; the engine's own clock may be a test's.
    // A dated command (--on) counts from its day
    const today = flags.on ?? new Date().toISOString().slice(0, 10);
    if (/^\d{4}-\d{2}-\d{2}$/.test(date) && date < today)
      throw new InputError(`session schedule: expected today (${today}) or a later date, found ${date}; nothing was scheduled`);
    const evaluator = flags.check ? await checkEvaluator(flags) : undefined;
    await withEngine(
      flags,
      async ({ engine, actor }) => {
        const { scheduleSession } = await import('../../process/engine-applications.js');
        const { session: s, applications } = await scheduleSession(engine, actor, date, capacity);
        process.stdout.write(
          `session ${s.id} on ${s.date}: ${applications.length} application(s) in review${applications.length ? `: ${applications.map((a) => a.id).join(', ')}` : ''}\n`,
        );
        if (applications.length === 0)
          process.stdout.write('no application was waiting (NEW or RETURNING); the session is on record with an empty agenda\n');
        else process.stdout.write(`next: steward session agenda ${s.id}; then steward vote open <application-id> for each\n`);
      },
      evaluator ? { evaluator } : {},
    );
  });
  storeOptions(
    session
      .command('agenda')
      .description("a session's agenda: each application with its latest report, presentation and video")
      .argument('<session-id>', 'S1, S2 … (1 or s1 is read as S1)', sessionId)
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (id: string, flags: StoreFlags & { format: string }) => {
    await withEngine(flags, async ({ engine }) => {
      const [{ getSession }, { agendaFor }, { renderAgenda }] = await Promise.all([
        import('../../process/engine-applications.js'),
        import('../../process/engine-reports.js'),
        import('../../process/sessions.js'),
      ]);
      const s = await getSession(engine, id);
      const lines = await agendaFor(engine, s);
      if (flags.format === 'json') printJson({ session: s, agenda: lines });
      else process.stdout.write(renderAgenda(s, lines));
    });
  });
  storeOptions(session.command('list').description('scheduled sessions')).action(async (flags: StoreFlags) => {
    await withEngine(flags, async ({ engine }) => {
      const { listSessions } = await import('../../process/engine-applications.js');
      const list = await listSessions(engine);
      if (list.length === 0) return void process.stdout.write('no sessions scheduled\n');
      const w = Math.max(2, ...list.map((s) => s.id.length));
      process.stdout.write(`${'ID'.padEnd(w)}  ${'DATE'.padEnd(10)}  ${'FILLED'.padEnd(6)}  APPLICATIONS\n`);
      for (const s of list)
        process.stdout.write(
          `${s.id.padEnd(w)}  ${s.date}  ${`${s.applicationIds.length}/${s.capacity}`.padEnd(6)}  ${s.applicationIds.join(', ')}\n`,
        );
    });
  });
}
