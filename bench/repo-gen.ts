// Builds large, realistic repositories for the check benchmark with `git fast-import`: a tree of
// ~2 000 files, thousands of authors (some bots, some GitHub no-reply addresses), topic branches
// merged back, a few clock-skewed commits deep in history, a sparse recent window and a .mailmap.
// Deterministic (seeded), so every run measures the same repository.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importStream } from '../test/support/repo.js';

export interface GenSpec {
  name: string;
  commits: number;
  /** non-merge commits wanted in the last 90 days before asOf */
  windowCommits: number;
  files: number;
  authors: number;
  years: number;
  asOf: Date;
  /** how many old commits get a committer time earlier than their parent's */
  skews: number;
  /** write a commit-graph (as gc and fetch do on a maintained clone); a fresh clone has none */
  commitGraph: boolean;
  /** a lightweight release tag every this many commits */
  tagEvery: number;
}

/** xorshift32: a tiny deterministic generator so the benchmark repository never changes. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x1_0000_0000;
  };
}

const BOTS = [
  'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>',
  'pre-commit-ci[bot] <66853113+pre-commit-ci[bot]@users.noreply.github.com>',
  'github-actions <41898282+github-actions[bot]@users.noreply.github.com>',
];

function author(i: number): string {
  // a third use a GitHub no-reply address, as many do on GitHub
  if (i % 3 === 0) return `Dev ${i} <${1000 + i}+dev${i}@users.noreply.github.com>`;
  return `Developer Number${i} <dev${i}@example.org>`;
}

function* stream(spec: GenSpec): Generator<string> {
  const rand = rng(0x5eed ^ spec.commits);
  const asOf = Math.floor(spec.asOf.getTime() / 1000);
  const windowStart = asOf - 90 * 86_400;
  const start = windowStart - spec.years * 365 * 86_400;
  const oldCommits = spec.commits - Math.round(spec.windowCommits * 1.06) - 1;
  const paths: string[] = [];
  for (let f = 0; f < spec.files; f++) {
    const dir = `pkg/mod${f % 40}/sub${f % 7}`;
    paths.push(
      f < 20
        ? ['README.md', 'LICENSE', 'pyproject.toml', 'CONTRIBUTING.md', 'CODE_OF_CONDUCT.md'][f % 5]! + (f < 5 ? '' : `.${f}`)
        : `${dir}/file_${f}.py`,
    );
  }
  const skewAt = new Set<number>();
  for (let k = 0; k < spec.skews; k++) skewAt.add(Math.floor(oldCommits * (0.1 + 0.8 * rand())));

  let mark = 0;
  let main = 0; // mark of main's tip
  let t = start;
  let buf = '';
  const emit = (parents: number[], time: number, who: string, msg: string, files: string): number => {
    mark++;
    buf += `commit refs/heads/main\nmark :${mark}\nauthor ${who} ${time} +0000\ncommitter ${who} ${time} +0000\n`;
    buf += `data ${Buffer.byteLength(msg)}\n${msg}\n`;
    if (parents.length > 0) buf += `from :${parents[0]}\n`;
    for (const p of parents.slice(1)) buf += `merge :${p}\n`;
    buf += files + '\n';
    return mark;
  };
  const pickAuthor = () => {
    const r = rand();
    if (r < 0.03) return BOTS[Math.floor(rand() * BOTS.length)]!;
    // a few people write most commits
    return author(Math.floor(spec.authors * Math.pow(rand(), 3)));
  };
  const change = (i: number) => {
    const p = paths[Math.floor(rand() * paths.length)]!;
    const body = `# change ${i}\nvalue = ${Math.floor(rand() * 1e9)}\n`;
    return `M 100644 inline ${p}\ndata ${Buffer.byteLength(body)}\n${body}`;
  };

  let initial = '';
  for (const p of paths) {
    const body = p === 'README.md' ? '# Bench\n\nA benchmark repository.\n' : `# ${p}\n`;
    initial += `M 100644 inline ${p}\ndata ${Buffer.byteLength(body)}\n${body}`;
  }
  const mailmap =
    Array.from({ length: 50 }, (_, k) => `Developer Number${k * 7} <dev${k * 7}@example.org> <dev${k * 7}@old.example.org>`).join('\n') +
    '\n';
  initial += `M 100644 inline .mailmap\ndata ${Buffer.byteLength(mailmap)}\n${mailmap}`;
  main = emit([], t, author(0), 'Initial commit', initial);

  const step = (windowStart - start) / Math.max(1, oldCommits);
  let made = 1;
  const total = spec.commits;
  const tags: string[] = [];
  while (made < total) {
    const inWindow = made >= oldCommits;
    const dt = inWindow ? (90 * 86_400 - 3600) / (spec.windowCommits * 1.06) : step;
    if (made % 25 === 0 && made + 3 <= total) {
      // a topic branch of two commits, merged back
      const base = main;
      t += dt;
      const a = emit(
        [base],
        Math.floor(t),
        pickAuthor(),
        `topic work ${made}\n\nCo-authored-by: ${author(made % spec.authors)}`,
        change(made),
      );
      t += dt;
      const b = emit([a], Math.floor(t), pickAuthor(), `topic fix ${made}`, change(made + 1));
      t += dt;
      main = emit([base, b], Math.floor(t), pickAuthor(), `Merge pull request #${made}`, '');
      made += 3;
      continue;
    }
    t += dt * (0.5 + rand());
    let time = Math.floor(t);
    if (skewAt.has(made)) time -= 3 * 86_400; // a committer with a wrong clock
    const msg = made % 9 === 0 ? `change ${made}\n\nCo-authored-by: ${author((made * 31) % spec.authors)}` : `change ${made}`;
    main = emit([main], Math.min(time, asOf - 60), pickAuthor(), msg, change(made));
    made++;
    if (made % spec.tagEvery === 0) tags.push(`reset refs/tags/v0.${tags.length}\nfrom :${main}\n\n`);
    if (buf.length > 1 << 20) {
      yield buf;
      buf = '';
    }
  }
  yield buf + tags.join('');
}

/** Returns the path of the spec's repository, building it once under bench/.work/. */
export async function ensureRepo(spec: GenSpec, root: string): Promise<string> {
  const dir = join(root, `${spec.name}.git`);
  if (existsSync(join(dir, 'steward-bench-done'))) return dir;
  mkdirSync(root, { recursive: true });
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', tmp]);
  const t0 = performance.now();
  await importStream(tmp, stream(spec));
  if (spec.commitGraph) execFileSync('git', ['commit-graph', 'write', '--reachable'], { cwd: tmp });
  writeFileSync(join(tmp, 'steward-bench-done'), `${JSON.stringify(spec)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  process.stderr.write(`built ${spec.name} (${spec.commits} commits) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return dir;
}
