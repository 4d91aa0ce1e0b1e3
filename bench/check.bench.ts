// `npm run bench`: the cost of `steward check --offline` against a floor measured in the same run
// (git reading the history the check keeps, plus `git ls-tree -r HEAD`), on a 300 000-commit repository and
// on one the size of pytorch/ignite. Repositories are built once under bench/.work/ (git-ignored).
// Targets: ≤ 2 × floor + 250 ms on the large repository (with its commit-graph, and again without
// one, as a fresh clone has it); ≤ 400 ms on the ignite-sized one.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRepo, type GenSpec } from './repo-gen.js';
import { readHistory } from '../src/evidence/history.js';
import { HISTORY_HORIZON_DAYS } from '../src/evidence/types.js';
import { DETAIL_FORMAT } from '../src/evidence/git/commit-details.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, 'bench', '.work');
const AS_OF = '2026-11-27';
const asOf = new Date(`${AS_OF}T00:00:00Z`);
const REPS = Number(process.env.BENCH_REPS ?? 7);

const LARGE: GenSpec = {
  name: 'large-300k-v1',
  commits: 300_000,
  windowCommits: 400,
  files: 2000,
  authors: 3000,
  years: 10,
  asOf,
  skews: 5,
  commitGraph: true,
  tagEvery: 1000,
};
const IGNITE: GenSpec = {
  name: 'ignite-5k-v1',
  commits: 5_000,
  windowCommits: 60,
  files: 600,
  authors: 300,
  years: 8,
  asOf,
  skews: 2,
  commitGraph: false,
  tagEvery: 100,
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Runs a command, returning its stdout and its CPU time (user + system, children included) as
 * /usr/bin/time reports it: on a machine others share, CPU time says what the run costs when
 * wall time says how long it waited.
 */
function run(cmd: string, args: string[], cwd?: string): { stdout: string; cpu: number } {
  const r = TIME
    ? spawnSync(TIME, ['-f', '%U %S', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = TIME ? (r.stderr.trim().split('\n').pop() ?? '') : '';
  const [u, sys] = last.split(' ').map(Number);
  return { stdout: r.stdout, cpu: TIME ? ((u ?? 0) + (sys ?? 0)) * 1000 : NaN };
}

interface Timing {
  wall: number;
  cpu: number;
}

function timeRuns(once: () => number, reps = REPS): Timing {
  once();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    cpus.push(once());
    walls.push(performance.now() - t);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

/**
 * The floor: what git alone needs for the same facts. The check keeps one record per commit over
 * a horizon of HISTORY_HORIZON_DAYS (author, trailers, parents, time: stored evidence is judged
 * again under any window up to it), so git must read that horizon's commits, not only the policy's
 * 90-day window. With a commit-graph, `git log --since` of the horizon with the fields the check
 * reads is exact (corrected commit dates bound the walk). Without one, only a walk of every
 * reachable commit is exact under clock skew (requirements.md, "Windows and identities"), so the
 * floor is `git rev-list --timestamp` of the whole history.
 */
function floor(dir: string, fullWalk: boolean): Timing {
  const since = new Date(asOf.getTime() - HISTORY_HORIZON_DAYS * 86_400_000).toISOString();
  const history = fullWalk
    ? ['rev-list', '--timestamp', 'HEAD']
    : ['log', `--since=${since}`, `--until=${asOf.toISOString()}`, '--no-mailmap', `--format=${DETAIL_FORMAT}`, 'HEAD'];
  return timeRuns(() => run('git', history, dir).cpu + run('git', ['ls-tree', '-r', 'HEAD'], dir).cpu);
}

/** For reference only: git reading just the policy's 90-day window, as the check did before it kept a horizon. */
function windowOnly(dir: string): Timing {
  const since = new Date(asOf.getTime() - 90 * 86_400_000).toISOString();
  return timeRuns(() => run('git', ['log', `--since=${since}`, `--until=${asOf.toISOString()}`, '--format=%H', 'HEAD'], dir).cpu);
}

function cliWorks(): boolean {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'steward.js'), 'check', '--help'], { encoding: 'utf8' });
  return r.status === 0;
}

type Report = { requirements: { key: string; measured: Record<string, unknown> }[] };

/** The whole CLI as a user runs it: process start, module load, gather, judge, print JSON. */
function cliCheck(dir: string): Timing & { report: Report } {
  const args = [join(ROOT, 'bin', 'steward.js'), 'check', dir, '--offline', '--format', 'json', '--as-of', AS_OF];
  let out = '';
  const t = timeRuns(() => {
    const r = run(process.execPath, args);
    // a failing verdict exits non-zero; only a missing report is an error here
    if (!r.stdout.trim().startsWith('{')) throw new Error(`steward check ${dir} printed no JSON report: ${r.stdout.slice(0, 300)}`);
    out = r.stdout;
    return r.cpu;
  });
  return { ...t, report: JSON.parse(out) as Report };
}

async function inProcess(dir: string): Promise<{ history: number; check: number }> {
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir }).toString().trim();
  const { check } = await import('../src/check/index.js');
  const hist: number[] = [];
  const all: number[] = [];
  await readHistory(dir, head, asOf);
  for (let i = 0; i < REPS; i++) {
    let t = performance.now();
    await readHistory(dir, head, asOf);
    hist.push(performance.now() - t);
    t = performance.now();
    await check(dir, { asOf, offline: true });
    all.push(performance.now() - t);
  }
  return { history: median(hist), check: median(all) };
}

function fmt(ms: number): string {
  return `${ms.toFixed(0).padStart(5)} ms`;
}

function both(t: Timing, f: Timing): string {
  // /usr/bin/time counts CPU in 10 ms steps: a floor under one step has no meaningful ratio
  const cpuRatio = f.cpu >= 10 ? `${(t.cpu / f.cpu).toFixed(2)}× floor` : 'floor under 10 ms';
  return `${fmt(t.wall)} wall (${(t.wall / f.wall).toFixed(2)}× floor), ${fmt(t.cpu).trim()} CPU (${cpuRatio})`;
}

async function measure(spec: GenSpec, target: (floorMs: number) => number, targetText: string, withCli: boolean) {
  const dir = await ensureRepo(spec, WORK);
  const fullWalk = !spec.commitGraph;
  const f = floor(dir, fullWalk);
  const inproc = await inProcess(dir);
  const lines = [
    `${spec.name}: ${spec.commits} commits, ${spec.files} files, commit-graph ${spec.commitGraph ? 'yes' : 'no'}`,
    `  floor (${fullWalk ? 'git rev-list --timestamp of all' : `git log of the ${HISTORY_HORIZON_DAYS}-day horizon`} + git ls-tree -r)  ${fmt(f.wall)} wall, ${fmt(f.cpu).trim()} CPU`,
    ...(fullWalk ? [] : [`  (reference, not the floor: git log of the 90-day window alone  ${fmt(windowOnly(dir).wall)} wall)`]),
    `  readHistory in-process                          ${fmt(inproc.history)} wall`,
    `  gather + evaluate in-process                    ${fmt(inproc.check)} wall`,
  ];
  if (withCli) {
    const cli = cliCheck(dir);
    const r13 = cli.report.requirements.find((r) => r.key === 'recent-commits')?.measured ?? {};
    lines.push(
      `  steward check --offline --format json (process) ${both(cli, f)}`,
      `  window: ${r13.commits} commits, ${r13.botCommits} by bots, ${r13.mergeCommits} merges; method ${r13.method}, walk ${r13.walk}`,
      `  target ${targetText}: wall ${fmt(target(f.wall)).trim()} ${cli.wall <= target(f.wall) ? 'MET' : 'NOT MET'}; ` +
        `CPU ${fmt(target(f.cpu)).trim()} ${cli.cpu <= target(f.cpu) ? 'MET' : 'NOT MET'}`,
    );
  } else {
    lines.push(`  target ${targetText}: CLI not measured (bin/steward.js check does not run: npm run build first)`);
  }
  console.log(lines.join('\n'));
}

async function main() {
  // measure the code as it is now: the bundle bin/steward.js runs is rebuilt first (about 1 s)
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const withCli = cliWorks();
  if (!withCli)
    console.log('note: `node bin/steward.js check --help` fails; run `npm run build` to include the CLI process in the measurements\n');
  const load = (await import('node:os')).loadavg()[0]!;
  console.log(`node ${process.version}, ${REPS} repetitions, medians; load average ${load.toFixed(1)} (others' work skews the figures)\n`);
  await measure(LARGE, (f) => 2 * f + 250, '2 × floor + 250 ms', withCli);
  // the same repository as a fresh clone has it: no commit-graph, so git rev-list walks it all
  const graph = join(WORK, `${LARGE.name}.git`, 'objects', 'info', 'commit-graph');
  if (process.env.BENCH_SKIP_NO_GRAPH === undefined && existsSync(graph)) {
    renameSync(graph, `${graph}.off`);
    try {
      await measure({ ...LARGE, commitGraph: false }, (f) => 2 * f + 250, '2 × floor + 250 ms', withCli);
    } finally {
      renameSync(`${graph}.off`, graph);
    }
  }
  console.log('');
  await measure(IGNITE, () => 400, '400 ms', withCli);
}

await main();
