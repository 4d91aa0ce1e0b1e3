// `npm run bench:scale [-- --projects N]`: the periodic review of N generated projects (default
// 2 000) on PostgreSQL's job queue with 1, 2 and 4 `steward worker` processes, each run on a fresh
// store and a fresh rate budget; then the same review again with nothing changed (every project
// re-checked: conditional requests answered 304, unchanged evidence re-judged), then a re-judge
// of the stored evidence under a changed policy. The repositories are real bare git repositories
// served over smart HTTP on loopback by the GitHub stand-in, which also answers the API with
// 50 ms latency, 5 000 requests/hour for each of 2 tokens, real rate-limit headers and a 403
// with Retry-After when a budget is exceeded. Prints a table and, last, one JSON line.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeGitHub } from '../test/support/fake-github.js';
import { FakePyPI } from '../test/support/fake-pypi.js';
import { buildRepo } from '../test/support/repo.js';
import { startSmtpSink, type SmtpSink } from '../test/support/smtp-sink.js';
import { healthySpec } from '../test/process/real-repos.js';
import { openStore, listDocs, updateDoc, type Store } from '../src/store/index.js';
import { createEngine } from '../src/process/engine.js';
import { projectCols } from '../src/process/project-cols.js';
import { openJobQueue } from '../src/jobs/index.js';
import { enqueueDueReviews } from '../src/jobs/review-jobs.js';
import { rejudgeStored } from '../src/process/rejudge.js';
import { loadDefaultPolicy } from '../src/policy/load.js';
import type { Project } from '../src/process/types.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : def;
};
const N = Number(arg('projects', '2000'));
const WORKERS = arg('workers', '1,2,4').split(',').map(Number);
const PER_WORKER = Number(arg('concurrency', '3'));
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'steward.js');
if (!(N >= 1)) throw new Error(`--projects: expected a positive number, found ${arg('projects', '')}`);

const work = mkdtempSync(join(tmpdir(), 'steward-scale-'));
const gitRoot = join(work, 'git');
const tty = process.stderr.isTTY === true;
const say = (s: string) => process.stderr.write(`${s}\n`);

async function generate(gh: FakeGitHub): Promise<string> {
  const now = new Date();
  const variants = Math.min(N, 24);
  const templates: string[] = [];
  for (let v = 0; v < variants; v++) {
    // most pass; every sixth has too few recent commits and fails (a notice to deliver)
    const dir = join(work, 'templates', `v${v}.git`);
    await buildRepo({ ...healthySpec(now, v % 6 === 5 ? 8 : 30 + v, { name: `v${v}` }), bare: true }, dir);
    templates.push(dir);
  }
  const items: string[] = [];
  for (let i = 0; i < N; i++) {
    const owner = `org${i % 40}`;
    const name = `proj${i}`;
    mkdirSync(join(gitRoot, owner), { recursive: true });
    cpSync(templates[i % variants]!, join(gitRoot, owner, `${name}.git`), { recursive: true });
    gh.addRepo({
      owner,
      name,
      stars: 200 + ((i * 37) % 900),
      license: 'Apache-2.0',
      runs: [
        { name: 'ci', workflowId: 1, branch: 'main', conclusion: 'success', updatedAt: new Date(now.getTime() - 86_400_000).toISOString() },
      ],
      latestRelease: { name: 'v1.0', tagName: 'v1.0', publishedAt: new Date(now.getTime() - 20 * 86_400_000).toISOString() },
      contributing: true,
    });
    items.push(
      `          - item:\n            name: ${name}\n            homepage_url: https://github.com/${owner}/${name}\n            logo: ${name}.svg\n            repo_url: https://github.com/${owner}/${name}\n            extra:\n              accepted: '2025-01-01'\n`,
    );
  }
  const file = join(work, 'landscape.yml');
  writeFileSync(
    file,
    `landscape:\n  - category:\n    name: Modeling\n    subcategories:\n      - subcategory:\n        name: Bench\n        items:\n${items.join('')}`,
  );
  return file;
}

interface Phase {
  workers: number;
  wallS: number;
  /** the workers' CPU: their own and their git processes' */
  cpuS: number;
  /** of which in git processes */
  gitCpuS: number;
  /** CPU spent serving them, not in the workers: this process (stand-ins, git upload-pack) and PostgreSQL */
  serveCpuS: number;
  /** of which PostgreSQL's */
  pgCpuS: number;
  /**
   * Everything the run cost this machine: the workers, their git, the stand-ins and PostgreSQL
   * (the sum of those processes, so other work on a shared machine is not in it).
   */
  machineCpuS: number;
  /** busy CPU of the whole machine from /proc/stat, whoever spent it: a cross-check on a quiet machine */
  procStatBusyS: number;
  requestsPerProject: number;
  peakRssMiB: number;
  reused: number;
  notices: number;
  duplicates: number;
  /** 1-minute load average when the run started and ended (other work on the machine slows it) */
  load: [number, number];
}

/** Clock ticks (1/100 s) of user + system time in /proc/<pid>/stat, with reaped children when asked. */
function ticks(stat: string, children: boolean): number {
  const f = stat.replace(/^.*\) /, '').split(' ');
  return Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0);
}

/** CPU seconds of this process and every child it reaped (workers, git http-backend). */
function benchCpu(): number {
  try {
    return ticks(readFileSync('/proc/self/stat', 'utf8'), true) / 100;
  } catch {
    return NaN;
  }
}

/** CPU seconds of every PostgreSQL process on the machine (backends that ended are in the postmaster's children). */
function postgresCpu(): number {
  let t = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (/^\d+ \((postgres|postmaster)\)/.test(stat)) t += ticks(stat, true);
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    return NaN;
  }
  return t / 100;
}

/** Busy CPU seconds of the whole machine so far (every CPU, every process): /proc/stat's first line less idle and iowait. */
function machineBusy(): number {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already in user)
    const busy = f[0]! + f[1]! + f[2]! + f[5]! + f[6]! + f[7]!;
    return busy / 100;
  } catch {
    return NaN;
  }
}

/**
 * The best speed-up `workers` processes could reach on this machine's 2 cores, from the 1-worker
 * run: no better than `workers` times, and no faster than its CPU spread over both cores
 * (`wall₁ / max(wall₁/workers, cpu/2)`). `cpu` is what binds honestly only if it is every CPU
 * second the run costs the machine: the stand-ins for GitHub and PostgreSQL run on the same cores.
 */
function speedUpBound(one: Phase, workers: number, cpuS: number): { ideal: number; bound: 'cpu' | 'workers'; cpuS: number } {
  const cpuWall = cpuS / 2;
  const workerWall = one.wallS / workers;
  return { ideal: one.wallS / Math.max(workerWall, cpuWall), bound: cpuWall > workerWall ? 'cpu' : 'workers', cpuS };
}

async function countReviews(store: Store): Promise<number> {
  return Number(
    (
      await store.db
        .selectFrom('reviews')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** Queues every due project, runs `workers` worker processes until all are reviewed, and measures. */
async function review(
  store: Store,
  env: NodeJS.ProcessEnv,
  workers: number,
  gh: FakeGitHub,
  sink: SmtpSink,
  label: string,
): Promise<Phase> {
  const queue = await openJobQueue(store);
  const { total } = await enqueueDueReviews(queue, createEngine({ store }));
  await queue.stop();
  const before = await countReviews(store);
  gh.log = [];
  const sent0 = sink.messages.length;
  const dup0 = sink.duplicates.length;
  const load0 = loadavg()[0]!;
  const bench0 = benchCpu();
  const pg0 = postgresCpu();
  const stat0 = machineBusy();
  const t0 = performance.now();
  const procs = Array.from({ length: workers }, () => {
    const child = spawn(
      process.execPath,
      [
        ...(process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        BIN,
        'worker',
        '--concurrency',
        String(PER_WORKER),
        '--review-every',
        '0',
        '--deliver-every',
        '5',
        '--lease',
        '120',
      ],
      {
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const p = { child, log: '', exited: new Promise<void>((r) => child.on('exit', () => r())) };
    child.stderr!.on('data', (c: Buffer) => (p.log += c.toString()));
    return p;
  });
  let done = 0;
  for (;;) {
    done = (await countReviews(store)) - before;
    const s = (performance.now() - t0) / 1000;
    const rate = done / Math.max(s, 0.001);
    const budget = 10_000 - gh.billable;
    const line = `${label}: ${done}/${total} reviewed, ${rate.toFixed(1)}/s, ETA ${rate > 0 ? Math.round((total - done) / rate) : '?'} s, GitHub budget left ${budget}`;
    if (tty) process.stderr.write(`\r\x1b[K${line}`);
    else if (Math.floor(s / 10) !== Math.floor((s - 0.25) / 10)) say(line);
    if (done >= total) break;
    if (procs.every((p) => p.child.exitCode !== null))
      throw new Error(`every worker exited before the run finished:\n${procs.map((p) => p.log).join('\n')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const wallS = (performance.now() - t0) / 1000;
  if (tty) process.stderr.write('\n');
  for (const p of procs) p.child.kill('SIGTERM');
  await Promise.all(procs.map((p) => p.exited));
  let cpuS = 0;
  let gitCpuS = 0;
  let peak = 0;
  let reused = 0;
  for (const p of procs) {
    const m = /stopped; (\d+) full checks, (\d+) re-judged unchanged; cpu ([\d.]+) s, children ([\d.]+) s, peak rss ([\d.]+) MiB/.exec(
      p.log,
    );
    if (!m) throw new Error(`a worker did not report its resources:\n${p.log}`);
    reused += Number(m[2]);
    cpuS += Number(m[3]) + Number(m[4]);
    gitCpuS += Number(m[4]);
    peak = Math.max(peak, Number(m[5]));
    const errors = p.log.split('\n').filter((l) => /: error|jobs: /.test(l));
    if (errors.length) say(`${label}: worker said:\n  ${errors.slice(0, 5).join('\n  ')}`);
  }
  // the workers were reaped, so this process's children time holds theirs too: take it out
  const pgCpuS = postgresCpu() - pg0;
  const serveCpuS = benchCpu() - bench0 - cpuS + pgCpuS;
  const procStatBusyS = machineBusy() - stat0;
  say(
    `${label}: serving cpu ${serveCpuS.toFixed(1)} s, of it PostgreSQL ${pgCpuS.toFixed(1)} s; the machine was busy ${procStatBusyS.toFixed(1)} s (/proc/stat, everyone's)`,
  );
  if (process.env.BENCH_KEEP_LOGS)
    for (const [i, p] of procs.entries())
      writeFileSync(join(process.env.BENCH_KEEP_LOGS, `${label.replace(/[^a-z0-9]+/gi, '-')}-${i}.log`), p.log);
  return {
    workers,
    wallS,
    cpuS,
    gitCpuS,
    serveCpuS,
    pgCpuS,
    machineCpuS: cpuS + serveCpuS,
    procStatBusyS,
    requestsPerProject: gh.billable / N,
    peakRssMiB: peak,
    reused,
    notices: sink.messages.length - sent0,
    duplicates: sink.duplicates.length - dup0,
    load: [load0, loadavg()[0]!],
  };
}

/** The next review cycle without waiting half a year: every active project falls due today. */
async function nextCycle(store: Store): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  for (const p of await listDocs<Project>(store.db, 'projects', { status: ['ACTIVE'] })) {
    const row = await store.db.selectFrom('projects').select('version').where('id', '=', p.id).executeTakeFirstOrThrow();
    const next: Project = p.pending ? { ...p, pending: { ...p.pending, checkedOn: yesterday } } : { ...p, reviewDueOn: today };
    await updateDoc(store.db, 'projects', projectCols(next), next, Number(row.version), new Date().toISOString());
  }
}

async function dropSchema(schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(`drop schema if exists ${schema} cascade`);
  await c.end();
}

async function main(): Promise<void> {
  const load0 = loadavg()[0]!;
  const gh = new FakeGitHub({
    tokens: { bench_token_one: { limit: 5000 }, bench_token_two: { limit: 5000 } },
    latencyMs: 50,
    gitRoot,
    gitDirect: process.env.BENCH_GIT_BACKEND !== '1',
  });
  const pypi = new FakePyPI();
  pypi.latencyMs = 50;
  await gh.start();
  await pypi.start();
  // one mail sink per store: Message-IDs are unique within a store, so a duplicate is a notice sent twice
  const sinks: SmtpSink[] = [];
  const schemas: string[] = [];
  try {
    say(`generating ${N} projects…`);
    const landscape = await generate(gh);
    const runs: Phase[] = [];
    let last: { store: Store; env: NodeJS.ProcessEnv; sink: SmtpSink } | undefined;
    for (const w of WORKERS) {
      const sink = await startSmtpSink({ dedupe: true });
      sinks.push(sink);
      const schema = `steward_bench_${randomBytes(5).toString('hex')}`;
      schemas.push(schema);
      const cache = mkdtempSync(join(work, 'cache-'));
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: cache,
        XDG_CACHE_HOME: cache,
        DATABASE_URL: PG_URL,
        STEWARD_PG_SCHEMA: schema,
        STEWARD_GITHUB_API_URL: gh.url,
        STEWARD_PYPI_URL: pypi.url,
        STEWARD_CONDA_API_URL: pypi.url,
        STEWARD_CLONE_BASE_URLS: `github.com=${gh.url}/git`,
        STEWARD_GITHUB_TOKENS: 'bench_token_one,bench_token_two',
        STEWARD_SMTP_URL: sink.url,
        STEWARD_STAFF_EMAIL: 'staff@example.org',
        STEWARD_ACTOR: '',
        NO_COLOR: '1',
      };
      // not execFileSync: the import may ask the GitHub stand-in in this process, which must keep answering
      await new Promise<void>((resolve, reject) =>
        execFile(process.execPath, [BIN, 'import', landscape], { env, maxBuffer: 64 << 20 }, (err, _out, stderr) =>
          err ? reject(new Error(`steward import: ${stderr || err.message}`)) : resolve(),
        ),
      );
      gh.resetBudgets();
      const store = await openStore({ databaseUrl: PG_URL, pgSchema: schema });
      runs.push(await review(store, env, w, gh, sink, `cold, ${w} worker${w > 1 ? 's' : ''}`));
      if (last) await last.store.close();
      last = { store, env, sink };
    }
    // nothing changed since the last cold run: its store, clones and HTTP cache, a new cycle
    await nextCycle(last!.store);
    const warm = await review(last!.store, last!.env, WORKERS.at(-1)!, gh, last!.sink, 'warm');
    const policy = loadDefaultPolicy();
    const changed = {
      ...policy,
      version: `${policy.version}+bench`,
      rules: policy.rules.map((r) =>
        r.key === 'stars' || r.key === 'recent-commits'
          ? {
              ...r,
              options: { ...r.options, min: (r.options['min'] as number) * (r.key === 'stars' ? 3 : 1) + (r.key === 'stars' ? 0 : 5) },
            }
          : r,
      ),
    };
    const t0 = performance.now();
    const rejudged = await rejudgeStored(last!.store, changed);
    const rejudge = { wallS: (performance.now() - t0) / 1000, projects: rejudged.projects, changed: rejudged.changed.length };
    await last!.store.close();

    const round = (n: number, d = 2) => Number(n.toFixed(d));
    const one = runs.find((r) => r.workers === 1);
    const four = runs.find((r) => r.workers === 4);
    const fmt = (n: number, d = 1) => n.toFixed(d);
    const rows = [
      [
        'run',
        'wall s',
        'workers cpu s',
        'of it git',
        'serving cpu s',
        'of it pg',
        'machine cpu s',
        'per project',
        'req/project',
        'peak RSS MiB',
        'load',
        'speed-up',
        'ideal',
        'bound',
      ],
    ];
    for (const r of runs) {
      const b = one ? speedUpBound(one, r.workers, one.machineCpuS) : undefined;
      rows.push([
        `cold ×${r.workers}`,
        fmt(r.wallS),
        fmt(r.cpuS),
        fmt(r.gitCpuS),
        fmt(r.serveCpuS),
        fmt(r.pgCpuS),
        fmt(r.machineCpuS),
        fmt(r.machineCpuS / N, 3),
        fmt(r.requestsPerProject, 2),
        fmt(r.peakRssMiB, 0),
        r.load.map((l) => fmt(l)).join('→'),
        one ? fmt(one.wallS / r.wallS, 2) : '',
        b ? fmt(b.ideal, 2) : '',
        b ? (b.bound === 'cpu' ? 'cpu (2 cores)' : `${r.workers} worker(s)`) : '',
      ]);
    }
    rows.push([
      `warm ×${warm.workers}`,
      fmt(warm.wallS),
      fmt(warm.cpuS),
      fmt(warm.gitCpuS),
      fmt(warm.serveCpuS),
      fmt(warm.pgCpuS),
      fmt(warm.machineCpuS),
      fmt(warm.machineCpuS / N, 3),
      fmt(warm.requestsPerProject, 2),
      fmt(warm.peakRssMiB, 0),
      warm.load.map((l) => fmt(l)).join('→'),
      '',
      '',
      `${warm.reused} re-judged unchanged`,
    ]);
    rows.push([
      're-judge',
      fmt(rejudge.wallS, 2),
      '',
      '',
      '',
      '',
      '',
      '',
      '0',
      '',
      '',
      '',
      '',
      `${rejudge.projects} projects, ${rejudge.changed} verdicts changed`,
    ]);
    process.stdout.write(`${N} projects; each worker takes ${PER_WORKER} jobs at once (--concurrency)\n`);
    const lastCol = rows[0]!.length - 1;
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    for (const r of rows)
      process.stdout.write(
        `${r
          .map((x, c) => (c === 0 || c === lastCol ? x.padEnd(widths[c]!) : x.padStart(widths[c]!)))
          .join('  ')
          .trimEnd()}\n`,
      );
    if (one) {
      process.stdout.write(
        `cpu per project, 1 worker cold: workers ${fmt(one.cpuS / N, 3)} s (node ${fmt((one.cpuS - one.gitCpuS) / N, 3)} s, git ${fmt(one.gitCpuS / N, 3)} s), serving ${fmt(one.serveCpuS / N, 3)} s (PostgreSQL ${fmt(one.pgCpuS / N, 3)} s), the machine ${fmt(one.machineCpuS / N, 3)} s\n`,
      );
    }
    let speedUp: Record<string, unknown> | undefined;
    if (one && four) {
      const measured = one.wallS / four.wallS;
      const whole = speedUpBound(one, 4, one.machineCpuS);
      const workersOnly = speedUpBound(one, 4, one.cpuS);
      const bound = (b: typeof whole, cpuName: string) =>
        b.bound === 'cpu'
          ? `the CPU binds: ${cpuName}/2 = ${fmt(b.cpuS / 2)} s > wall₁/4 = ${fmt(one.wallS / 4)} s`
          : `the workers bind: wall₁/4 = ${fmt(one.wallS / 4)} s ≥ ${cpuName}/2 = ${fmt(b.cpuS / 2)} s`;
      process.stdout.write(
        `4 workers: ${fmt(measured, 2)}× of an ideal ${fmt(whole.ideal, 2)}× (${fmt((100 * measured) / whole.ideal, 0)} %, target ≥ 80 %); ${bound(whole, 'cpu₁')}\n` +
          `  cpu₁ = all the CPU the 1-worker run cost this machine's 2 cores: workers ${fmt(one.cpuS - one.gitCpuS)} s + their git ${fmt(one.gitCpuS)} s + the stand-ins for GitHub ${fmt(one.serveCpuS - one.pgCpuS)} s + PostgreSQL ${fmt(one.pgCpuS)} s = ${fmt(one.machineCpuS)} s (/proc/stat: the machine was busy ${fmt(one.procStatBusyS)} s, other work included)\n` +
          `  against the workers' CPU alone (${fmt(one.cpuS)} s) the ideal would be ${fmt(workersOnly.ideal, 2)}× (${fmt((100 * measured) / workersOnly.ideal, 0)} %; ${bound(workersOnly, 'cpu₁ʷ')}) — not a bound: the stand-ins and PostgreSQL run on the same 2 cores\n`,
      );
      speedUp = {
        workers: 4,
        measured: round(measured),
        ideal: round(whole.ideal),
        percent: round((100 * measured) / whole.ideal, 1),
        bound: whole.bound,
        idealWorkersCpuOnly: round(workersOnly.ideal),
      };
    }
    if (gh.gitErrors.length) say(`git http-backend said (${gh.gitErrors.length}×): ${gh.gitErrors.slice(0, 3).join(' | ')}`);
    process.stdout.write(
      `load average ${fmt(load0, 1)} at start, ${fmt(loadavg()[0]!, 1)} at end (2 cores); notices delivered ${[...runs, warm].map((r) => r.notices).join(' + ')}, duplicates ${[...runs, warm].reduce((n, r) => n + r.duplicates, 0)}\n`,
    );
    process.stdout.write(
      `${JSON.stringify({
        projects: N,
        runs: runs.map((r) => ({
          workers: r.workers,
          wallS: round(r.wallS),
          cpuS: round(r.cpuS),
          machineCpuS: round(r.machineCpuS),
          requestsPerProject: round(r.requestsPerProject, 3),
          peakRssMiB: round(r.peakRssMiB, 1),
        })),
        warm: { wallS: round(warm.wallS), requestsPerProject: round(warm.requestsPerProject, 3) },
        rejudge: { wallS: round(rejudge.wallS) },
        ...(speedUp ? { speedUp } : {}),
        rateLimited403: gh.rateLimited,
      })}\n`,
    );
  } finally {
    await gh.stop();
    await pypi.stop();
    for (const sink of sinks) await sink.close();
    for (const s of schemas) await dropSchema(s).catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
