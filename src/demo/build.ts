// Builds the demo world in a folder: a few generated repositories of different compliance, a
// landscape of N projects in the real file's shape with generated logos, the projects imported
// and reviewed every month for two years by the real checker (so each has a review history, one
// fades and is retired, one fails now with days left), the working group's applications in every
// state, and local accounts for each role. Everything is generated: nothing outside the package.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../check/index.js';
import { gitBuffer } from '../evidence/git/run.js';
import { readLandscape } from '../landscape/read.js';
import type { LandscapeItem } from '../landscape/types.js';
import { addDays, addMonths, dateOf, fixedClock } from '../process/calendar.js';
import { createEngine, SYSTEM, type Evaluator } from '../process/engine.js';
import { importLandscape } from '../process/engine-import.js';
import { runPeriodicReview } from '../process/engine-review.js';
import type { Report } from '../report/types.js';
import { setPassword } from '../server/auth/records.js';
import { openStore } from '../store/index.js';
import { DEMO_CATEGORIES, landscapeYaml, logoSvg, type DemoItem } from './landscape.js';
import { buildDemoRepo, type DemoRepo, type RepoKind } from './repos.js';
import { DEMO_APPLICANT, DEMO_MEMBERS, DEMO_STAFF, OTHER_APPLICANT, runScenario } from './scenario.js';

export const DEMO_PASSWORD = 'demo-password';

export interface DemoWorld {
  dataDir: string;
  landscapeFile: string;
  logosDir: string;
  items: LandscapeItem[];
  logins: { id: string; role: string }[];
  /** the generated repositories by URL, for a loopback git server */
  repos: Record<string, string>;
}

const SYLLABLES = ['tal', 'vex', 'lum', 'kai', 'neu', 'ra', 'sol', 'fen', 'mir', 'oda', 'zen', 'pix', 'qua', 'hel', 'ion', 'syn'];
const ENDINGS = ['ch', 'flow', 'net', 'vision', 'lab', 'kit', 'forge', 'scale', 'opt', 'lite'];

function projectName(i: number): string {
  const a = SYLLABLES[i % SYLLABLES.length]!;
  // (i + i/16) mod 10 gives each of the first 160 names its own ending (17 is coprime with 10)
  const b = ENDINGS[(i + Math.floor(i / SYLLABLES.length)) % ENDINGS.length]!;
  const n = Math.floor(i / (SYLLABLES.length * ENDINGS.length));
  const name = `${a[0]!.toUpperCase()}${a.slice(1)}${b}${n > 0 ? ` ${n + 1}` : ''}`;
  return name;
}

const KIND_CYCLE: RepoKind[] = ['well-kept', 'well-kept', 'copyleft', 'fading', 'well-kept', 'young'];
const REPO_KINDS: RepoKind[] = ['well-kept', 'fading', 'young', 'copyleft'];

/** The first-of-month days from `from` to `to`, then `to` itself. */
function monthlySteps(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = `${from.slice(0, 7)}-01`; d < to; d = addMonths(d, 1)) if (d >= from) out.push(d);
  out.push(to);
  return out;
}

export async function buildDemo(opts: { dir: string; projects?: number; now?: Date; log?: (line: string) => void }): Promise<DemoWorld> {
  const log = opts.log ?? (() => undefined);
  const now = opts.now ?? new Date();
  const today = dateOf(now);
  const count = opts.projects ?? 12;
  const dir = opts.dir;
  mkdirSync(dir, { recursive: true });

  // the repositories: one per kind, each a real git history of two years
  const repoDirs: Record<RepoKind, string> = {} as Record<RepoKind, string>;
  await Promise.all(
    REPO_KINDS.map(async (kind) => {
      const spec: DemoRepo = { name: `Demo ${kind}`, kind, ...(kind === 'fading' ? { quietFrom: addDays(today, -250) } : {}) };
      const path = join(dir, 'repos', kind);
      if (!existsSync(join(path, '.git'))) {
        await buildDemoRepo(path, spec, now);
        await run('git', ['remote', 'add', 'origin', `https://github.com/demo-org/demo-${kind}`], path);
      }
      repoDirs[kind] = path;
    }),
  );
  log(`demo: ${REPO_KINDS.length} repositories in ${join(dir, 'repos')}`);

  // the landscape and its logos
  const subs = DEMO_CATEGORIES.flatMap(([category, list]) => list.map((subcategory) => ({ category, subcategory })));
  const kindOf = new Map<string, RepoKind>();
  const items: DemoItem[] = [];
  for (let i = 0; i < count; i++) {
    const name = projectName(i);
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const kind = KIND_CYCLE[i % KIND_CYCLE.length]!;
    // the first young project's first review fell due ten days ago: failing now, with days left
    const accepted = i === 5 ? addDays(addMonths(today, -6), -10) : addDays(today, -(200 + ((i * 53) % 480)));
    const where = subs[i % subs.length]!;
    items.push({
      name,
      ...where,
      description: `${name} is a generated ${kind} project for the demo.`,
      repoUrl: `https://github.com/demo-org/${slug}`,
      logo: `${slug}.svg`,
      accepted,
    });
    kindOf.set(`https://github.com/demo-org/${slug}`, kind);
  }
  const landscapeDir = join(dir, 'landscape');
  const logosDir = join(landscapeDir, 'hosted_logos');
  mkdirSync(logosDir, { recursive: true });
  const landscapeFile = join(landscapeDir, 'landscape.yml');
  writeFileSync(landscapeFile, landscapeYaml(items));
  for (const it of items) writeFileSync(join(logosDir, it.logo), logoSvg(it.name));
  const landscape = readLandscape(landscapeYaml(items), { file: landscapeFile });

  // the checker over the generated repositories, once per repository and day
  const cache = new Map<string, Promise<{ report: Report; evidence: unknown }>>();
  const evaluate = (kind: RepoKind, asOf: Date) => {
    const key = `${kind}@${dateOf(asOf)}`;
    if (!cache.has(key))
      cache.set(
        key,
        check(repoDirs[kind], { asOf, offline: true }).then((r) => ({ report: r.report, evidence: r.evidence })),
      );
    return cache.get(key)!;
  };
  const scenarioKinds: RepoKind[] = ['well-kept', 'copyleft', 'young', 'well-kept'];
  const evaluator: Evaluator = async (target, asOf) => {
    const kind = kindOf.get(target.repoUrl) ?? scenarioKinds[target.name.length % scenarioKinds.length]!;
    return evaluate(kind, asOf);
  };

  const dataDir = join(dir, 'data');
  const store = await openStore({ dataDir });
  try {
    const first = items.map((i) => i.accepted).sort()[0] ?? today;
    const clock = fixedClock(`${first}T06:00:00.000Z`);
    const eng = createEngine({ store, clock, evaluator });
    await importLandscape(eng, SYSTEM, landscape);
    const steps = monthlySteps(first, today);
    for (const step of steps) {
      clock.set(step === today ? now : `${step}T06:00:00.000Z`);
      await runPeriodicReview(eng, SYSTEM, { evaluator });
    }
    log(`demo: ${count} projects reviewed monthly over ${steps.length} steps (${cache.size} checks)`);
    await runScenario(store, { start: addDays(today, -70), evaluator });
    for (const id of [DEMO_STAFF.id, ...DEMO_MEMBERS, DEMO_APPLICANT, OTHER_APPLICANT]) await setPassword(store.db, id, DEMO_PASSWORD, now);
  } finally {
    await store.close();
  }
  const repos: Record<string, string> = {};
  for (const kind of REPO_KINDS) repos[`https://github.com/demo-org/demo-${kind}`] = repoDirs[kind];
  return {
    dataDir,
    landscapeFile,
    logosDir,
    items: landscape.items,
    logins: [
      { id: DEMO_STAFF.id, role: 'staff' },
      ...DEMO_MEMBERS.map((id) => ({ id, role: 'member' })),
      { id: DEMO_APPLICANT, role: 'applicant' },
      { id: OTHER_APPLICANT, role: 'applicant' },
    ],
    repos,
  };
}

/** Through the one git runner (src/evidence/git/run.ts), like every git process Steward starts. */
async function run(cmd: 'git', args: string[], cwd: string): Promise<void> {
  await gitBuffer(args, { cwd });
}
