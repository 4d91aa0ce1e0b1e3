// Builds real git repositories for tests from a description, through `git fast-import`:
// exact author/committer identities and times, merges, symlinks, binary files, tags.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Ident {
  name: string;
  email: string;
}

export type FileContent = string | Buffer | { symlink: string } | null; // null deletes

export interface CommitSpec {
  /** author time (ISO 8601 or Date); the committer time defaults to it */
  date: string | Date;
  committerDate?: string | Date;
  author?: Ident;
  committer?: Ident;
  message?: string;
  files?: Record<string, FileContent>;
  /** branch to commit on (default main) */
  branch?: string;
  /** indices of earlier commits to use as parents (default: the previous commit on the branch) */
  parents?: number[];
}

export interface RepoSpec {
  commits: CommitSpec[];
  /** tags: name → commit index, with an optional annotation date */
  tags?: Record<string, number | { commit: number; date: string | Date; message?: string }>;
  bare?: boolean;
  /** branch HEAD points at (default main) */
  head?: string;
}

export const ALICE: Ident = { name: 'Alice Example', email: 'alice@example.org' };

const tmpRoots: string[] = [];

export function tempDir(prefix = 'steward-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tmpRoots.push(dir);
  return dir;
}

export function cleanupTemp(): void {
  for (const dir of tmpRoots.splice(0)) rmSync(dir, { recursive: true, force: true });
}

function epoch(d: string | Date): number {
  const t = (typeof d === 'string' ? new Date(d) : d).getTime();
  if (Number.isNaN(t)) throw new Error(`bad date ${String(d)}`);
  return Math.floor(t / 1000);
}

function data(buf: Buffer | string): string {
  const b = typeof buf === 'string' ? Buffer.from(buf, 'utf8') : buf;
  return `data ${b.length}\n`;
}

/** Writes a fast-import stream for the spec into chunks. */
export function* fastImportStream(spec: RepoSpec): Generator<Buffer | string> {
  const lastOnBranch = new Map<string, number>();
  for (let i = 0; i < spec.commits.length; i++) {
    const c = spec.commits[i]!;
    const branch = c.branch ?? 'main';
    const author = c.author ?? ALICE;
    const committer = c.committer ?? author;
    const at = epoch(c.date);
    const ct = epoch(c.committerDate ?? c.date);
    const msg = c.message ?? `commit ${i}`;
    yield `commit refs/heads/${branch}\nmark :${i + 1}\n`;
    yield `author ${author.name} <${author.email}> ${at} +0000\n`;
    yield `committer ${committer.name} <${committer.email}> ${ct} +0000\n`;
    yield data(msg);
    yield msg + '\n';
    const parents = c.parents ?? (lastOnBranch.has(branch) ? [lastOnBranch.get(branch)!] : []);
    if (parents.length > 0) {
      yield `from :${parents[0]! + 1}\n`;
      for (const p of parents.slice(1)) yield `merge :${p + 1}\n`;
    }
    for (const [path, content] of Object.entries(c.files ?? {})) {
      if (content === null) {
        yield `D ${path}\n`;
      } else if (typeof content === 'object' && !Buffer.isBuffer(content)) {
        yield `M 120000 inline ${path}\n`;
        yield data(content.symlink);
        yield content.symlink + '\n';
      } else {
        yield `M 100644 inline ${path}\n`;
        yield data(content);
        yield content;
        yield '\n';
      }
    }
    yield '\n';
    lastOnBranch.set(branch, i);
  }
  for (const [name, t] of Object.entries(spec.tags ?? {})) {
    if (typeof t === 'number') {
      yield `reset refs/tags/${name}\nfrom :${t + 1}\n\n`;
    } else {
      const msg = t.message ?? name;
      yield `tag ${name}\nfrom :${t.commit + 1}\ntagger ${ALICE.name} <${ALICE.email}> ${epoch(t.date)} +0000\n`;
      yield data(msg);
      yield msg + '\n';
    }
  }
}

/** Runs git fast-import with the stream into a new repository and returns its path. */
export async function buildRepo(spec: RepoSpec, dir = tempDir()): Promise<string> {
  const bare = spec.bare ?? false;
  execFileSync('git', ['init', '-q', ...(bare ? ['--bare'] : []), '-b', spec.head ?? 'main', dir]);
  await importStream(dir, fastImportStream(spec));
  if (!bare && spec.commits.length > 0) {
    execFileSync('git', ['checkout', '-q', '-f', spec.head ?? 'main'], { cwd: dir });
  }
  return dir;
}

export async function importStream(dir: string, stream: Iterable<Buffer | string>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import failed: ${err}`))));
    const it = stream[Symbol.iterator]();
    const pump = () => {
      for (;;) {
        const next = it.next();
        if (next.done) {
          child.stdin.end('done\n');
          return;
        }
        if (!child.stdin.write(next.value)) {
          child.stdin.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

/** A day before `asOf`, as an ISO instant: `daysAgo('2026-11-27T00:00:00Z', 90)`. */
export function daysAgo(asOf: string, days: number, seconds = 0): string {
  return new Date(new Date(asOf).getTime() - days * 86_400_000 - seconds * 1000).toISOString();
}
