// What every process command shares: the store options (--data-dir, --database-url, --as), opening
// the store and the engine (lazily: these modules load kysely and a database driver), who the
// caller is, and how a refusal is reported (exit 1 with the reason; usage errors exit 2).
import type { Command } from 'commander';
import { InputError } from '../../util/errors.js';
import { cleanProcessOutput, jsonSafe } from '../../util/clean-text.js';
import type { Engine, Evaluator } from '../../process/engine.js';
import type { Actor } from '../../process/types.js';
import type { Store } from '../../store/index.js';

export interface StoreFlags {
  dataDir?: string;
  databaseUrl?: string;
  as?: string;
  on?: string;
}

// Commands that only read: their --on may be a future day, for planning. The audit log's commands
// read the log as it is; a day means nothing to them, so they take no --on.
const READING = new Set(['list', 'show', 'due', 'agenda', 'diff', 'inbox', 'dead', 'rejudge']);
const UNDATED = new Set(['audit verify', 'audit head', 'audit log']);

export function storeOptions(cmd: Command): Command {
  cmd
    .option('--data-dir <dir>', 'SQLite data directory (default $STEWARD_DATA_DIR or ./.steward)')
    .option('--database-url <url>', 'PostgreSQL instead of SQLite (default $DATABASE_URL)')
    .option('--as <id>', 'act as this person (default $STEWARD_ACTOR; without either, the local operator acts as staff)');
  // what applicants typed reaches this command's output: escapes and bidi overrides are shown, not obeyed
  cmd.hook('preAction', cleanProcessOutput);
  const name = cmd.name();
  if (UNDATED.has(`${cmd.parent?.name() ?? ''} ${name}`)) return cmd;
  return cmd.option(
    '--on <date>',
    READING.has(name)
      ? 'as on YYYY-MM-DD (UTC): what is open, due or failing on that day by the time rules; a future day too, for planning (nothing is written)'
      : 'act as on YYYY-MM-DD (UTC), for what happened on an earlier day: time rules apply as of that day, what is recorded carries it, ' +
          "checks judge as of its end; refused (nothing written) after today or before the record's latest event",
  );
}

export interface PolicyFlags {
  policy?: string;
  stage?: string;
}

/**
 * `--policy` and `--stage` for the commands that judge (as `steward check` takes them): the engine
 * then runs under that policy, its process rules and, for every check it asks for, its rules, as
 * amended by the versions adopted since (policyOn). Without them, the default policy.
 */
export function policyOptions(cmd: Command): Command {
  return cmd
    .option(
      '--policy <id|file>',
      'the policy to judge by and whose process rules apply: a file, or the id of one in data/policies (its newest version; default: pytorch-ecosystem)',
    )
    .option(
      '--stage <stage>',
      "the policy's stage to judge by (a policy with stages, e.g. sandbox, incubation, graduation; default its first)",
    );
}

/** The `--on` day, strictly a calendar date (2026-02-30 is an error, not 2026-03-02). */
export async function onDay(flags: StoreFlags): Promise<string | undefined> {
  if (flags.on === undefined) return undefined;
  const { calendarDateProblem } = await import('../../process/calendar.js');
  const problem = calendarDateProblem(flags.on);
  if (problem) throw new InputError(`--on: ${problem}`);
  return flags.on;
}

export interface Session {
  store: Store;
  engine: Engine;
  actor: Actor;
}

/** Opens the store, builds the engine and resolves the actor; closes the store afterwards. */
export async function withEngine<T>(
  flags: StoreFlags & PolicyFlags,
  fn: (s: Session) => Promise<T>,
  opts: { evaluator?: Evaluator } = {},
): Promise<T | undefined> {
  const on = await onDay(flags);
  // a policy named wrongly is refused before the store is opened
  const policy =
    flags.policy !== undefined || flags.stage !== undefined
      ? (await import('../../policy/catalogue.js')).loadPolicy(flags.policy, flags.stage !== undefined ? { stage: flags.stage } : {})
      : undefined;
  const [{ openStore, optionsFromEnv, getPerson }, { createEngine }, { ProcessError }] = await Promise.all([
    import('../../store/index.js'),
    import('../../process/engine.js'),
    import('../../process/errors.js'),
  ]);
  const store = await openStore(
    optionsFromEnv({
      ...(flags.dataDir ? { dataDir: flags.dataDir } : {}),
      ...(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : {}),
    }),
  );
  try {
    const id = flags.as ?? process.env.STEWARD_ACTOR;
    let actor: Actor = { id: 'operator', role: 'staff' };
    if (id) {
      const person = await getPerson(store.db, id);
      // someone the store does not know may still apply: an unknown name acts as an applicant
      actor = { id, role: person?.role ?? 'applicant' };
    }
    const engine = createEngine({
      store,
      ...(policy ? { policy } : {}),
      ...(opts.evaluator ? { evaluator: opts.evaluator } : {}),
      ...(on ? { on, operator: await operatorName() } : {}),
    });
    return await fn({ store, engine, actor });
  } catch (err) {
    if (err instanceof ProcessError) {
      process.stderr.write(`steward: refused (${err.code}): ${err.message}\n`);
      process.exitCode = 1;
      return undefined;
    }
    throw err;
  } finally {
    await store.close();
  }
}

/** Who runs the command (the audit keeps it beside a dated entry): $STEWARD_OPERATOR, else the login name. */
async function operatorName(): Promise<string> {
  if (process.env.STEWARD_OPERATOR) return process.env.STEWARD_OPERATOR;
  const { userInfo } = await import('node:os');
  try {
    return userInfo().username || 'operator';
  } catch {
    return 'operator';
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(jsonSafe(JSON.stringify(value, null, 2)) + '\n');
}

/** `--repos-dir` and `--offline` as the commands that run checks take them. */
export interface CheckFlags {
  reposDir?: string;
  offline?: boolean;
}

/**
 * The real checker as the process's evaluator: the repository URL, or a local clone under
 * `reposDir` (`<reposDir>/<owner>/<name>` or `<reposDir>/<name>`) when one is given. A URL naming
 * a folder (`…/tree/<branch>/<path>`) checks the project in that folder, in the clone too. Checks
 * share one online session (one GitHub client and token pool). Given the store, workers share the
 * GitHub budget it keeps, and a URL whose head and GitHub metadata are unchanged since its last
 * stored evidence is re-judged without a fetch.
 */
export async function checkEvaluator(
  flags: CheckFlags,
  opts: { store?: Store } = {},
): Promise<Evaluator & { stats: { full: number; reused: number }; budgetLeft(): number | undefined }> {
  const [{ check }, { checkIncremental }, { createOnlineSession }, { existsSync }, { join }, { repoIdentity }, { localTreeTarget }] =
    await Promise.all([
      import('../../check/index.js'),
      import('../../check/incremental.js'),
      import('../../evidence/online/index.js'),
      import('node:fs'),
      import('node:path'),
      import('../../util/repo-identity.js'),
      import('../../check/remote-target.js'),
    ]);
  const { reposDir, offline } = flags;
  const stats = { full: 0, reused: 0 };
  const budget = import('../../jobs/rate-budget.js');
  let shared_: Promise<import('../../evidence/online/tokens.js').SharedBudget> | undefined;
  const sharedBudget = (store: Store) => (shared_ ??= budget.then((m) => m.storeBudget(store, { coalesceMs: 250 })));
  let session: ReturnType<typeof createOnlineSession> | undefined;
  const shared = () => {
    if (session) return session;
    session = createOnlineSession();
    // workers sharing a store share the GitHub budget it keeps; a run waits for the reset when it runs low
    if (opts.store) {
      const store = opts.store;
      session.pool.budget = {
        // one budget per process: answers reported within 250 ms are written as one (the lowest)
        shared: {
          read: async () => (await sharedBudget(store)).read(),
          write: async (id, left, reset) => (await sharedBudget(store)).write(id, left, reset),
        },
        reserve: 50,
        onWait: (until, why) =>
          process.stderr.write(
            `${new Date().toISOString()} waiting for the GitHub rate limit to reset at ${until.toISOString()}: ${why}\n`,
          ),
      };
    }
    return session;
  };
  const evaluator = async (target: Parameters<Evaluator>[0], asOf: Date, policy?: Parameters<Evaluator>[2]) => {
    const common = { asOf, ...(policy ? { policy } : {}), ...(offline ? { offline: true } : { online: { session: shared() } }) };
    const id = repoIdentity(target.repoUrl);
    if (reposDir && id.ok) {
      const { owner, name } = id.identity;
      const local = [join(reposDir, ...owner.split('/'), name), join(reposDir, name)].find((c) => existsSync(c));
      if (local) {
        // `/tree/<branch>/<path>`: split by the clone's branches (a branch may hold a `/`), as a URL target is
        const { rev, path } = await localTreeTarget(local, target.repoUrl);
        stats.full++;
        return check(local, { ...common, ...(rev ? { rev } : {}), ...(path ? { path } : {}) });
      }
    }
    if (offline || !opts.store || (id.ok && id.identity.path)) {
      stats.full++;
      return check(target.repoUrl, common);
    }
    const [{ listReports }, { repoKeyOf }] = await Promise.all([import('../../store/index.js'), import('../../process/repo-key.js')]);
    const [last] = await listReports(opts.store.db, { repoKey: repoKeyOf(target.repoUrl), limit: 1 });
    const prior = last?.evidence
      ? { commit: last.commit, evidence: last.evidence as import('../../evidence/types.js').Evidence }
      : undefined;
    const r = await checkIncremental(target.repoUrl, prior, { asOf, ...(policy ? { policy } : {}), session: shared() });
    stats[r.reused ? 'reused' : 'full']++;
    return { report: r.report, evidence: r.evidence };
  };
  // GitHub requests left as the last answers (and, with a store, the other workers) told it
  return Object.assign(evaluator, { stats, budgetLeft: () => session?.pool.remainingTotal() });
}

/** A counter line on a terminal, plain lines otherwise. */
export function progressReporter(label: string): { update(done: number, total: number, detail: string): void; end(): void } {
  const tty = process.stderr.isTTY === true;
  return {
    update(done, total, detail) {
      if (tty) process.stderr.write(`\r\x1b[K${label} ${done}/${total} ${detail}`);
      else process.stderr.write(`${label} ${done}/${total} ${detail}\n`);
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}
