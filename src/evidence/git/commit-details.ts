// The history's commits as their objects say (author, Co-authored-by trailers, committer time,
// parents), read by one `git log --no-walk --stdin` that is started before the walk that names
// them: git starts up, and reads each commit as its id arrives, while the walk goes on; and a
// process started early is cheaper to start (forking copies the page tables of a heap that the
// walk has not grown yet).
import { failure, GitError, spawnGit } from './run.js';

/**
 * The commits handed to a reader, as their objects say, by the number each was handed over with
 * (see `slot`). Kept as columns, each identity once: tens of thousands of commits then keep a
 * number or two and their parents' ids each, not an object and four strings.
 */
export class CommitDetails {
  /** each record's committer time, parents (as `%P` prints them: one space apart), author (into `names`/`emails`) */
  readonly times: number[] = [];
  readonly parents: string[] = [];
  readonly authors: number[] = [];
  /** identities as committed (name, e-mail), each once */
  readonly names: string[] = [];
  readonly emails: string[] = [];
  /** Co-authored-by values, for the records that have any */
  readonly coAuthors = new Map<number, readonly string[]>();
  private readonly identity = new Map<string, number>();
  /** when git did not print one record per id in the order handed over: each id's record, -1 for none */
  private order: Int32Array | undefined;

  /** The record of the commit handed over `n`-th, or -1 when git printed none. */
  slot(n: number): number {
    if (this.order) return n < this.order.length ? this.order[n]! : -1;
    return n < this.times.length ? n : -1;
  }

  /** Parses one DETAIL_FORMAT record: the length of its id (which starts it) when it is one, else -1. */
  push(record: string): number {
    const f1 = record.indexOf('\x1f');
    if (f1 <= 0) return -1;
    const f2 = record.indexOf('\x1f', f1 + 1);
    const time = f2 < 0 ? record.slice(f1 + 1) : record.slice(f1 + 1, f2);
    if (!time) return -1;
    const f3 = f2 < 0 ? -1 : record.indexOf('\x1f', f2 + 1);
    const f4 = f3 < 0 ? -1 : record.indexOf('\x1f', f3 + 1);
    const f5 = f4 < 0 ? -1 : record.indexOf('\x1f', f4 + 1);
    const end = record.length;
    const at = this.times.length;
    // an empty trailers field names no one
    if (f5 >= 0 && f5 + 1 < end) {
      const values: string[] = [];
      for (let from = f5 + 1; from <= end;) {
        const next = record.indexOf('\x1f', from);
        const stop = next < 0 ? end : next;
        values.push(record.slice(from, stop));
        from = stop + 1;
      }
      this.coAuthors.set(at, values);
    }
    this.times.push(Number(time));
    this.parents.push(f2 < 0 ? '' : f3 < 0 ? record.slice(f2 + 1) : record.slice(f2 + 1, f3));
    // name and e-mail side by side, as one key: one lookup per commit, split only for a new identity
    this.authors.push(this.identityOf(f3 < 0 ? '' : record.slice(f3 + 1, f5 < 0 ? end : f5)));
    return f1;
  }

  /** `key`: the author's name, then the e-mail after a \x1f when there is one. */
  private identityOf(key: string): number {
    let i = this.identity.get(key);
    if (i === undefined) {
      i = this.names.length;
      const cut = key.indexOf('\x1f');
      this.names.push(cut < 0 ? key : key.slice(0, cut));
      this.emails.push(cut < 0 ? '' : key.slice(cut + 1));
      this.identity.set(key, i);
    }
    return i;
  }

  /** Records each id's record when they are not one per id in order (`printed`: each record's id). */
  reorder(fed: readonly string[], printed: readonly string[]): void {
    const byId = new Map<string, number>();
    printed.forEach((c, i) => {
      if (!byId.has(c)) byId.set(c, i);
    });
    this.order = Int32Array.from(fed, (c) => byId.get(c) ?? -1);
  }
}

/** Fields of one record: hash, committer time, parents, author name, author e-mail, then the trailers. */
export const DETAIL_FORMAT = '%H%x1f%ct%x1f%P%x1f%an%x1f%ae%x1f%(trailers:key=Co-authored-by,valueonly,unfold,separator=%x1f)';

/** Commit ids in, their details out: one git process, fed as the ids become known. */
export interface DetailsReader {
  add(commit: string): void;
  /** hands over every commit of `commits`, in order (the reader keeps the array: it must not change) */
  addAll(commits: string[]): void;
  /** ends the input; the details of every commit handed over (GitError when git fails, e.g. on an id that is no commit) */
  finish(): Promise<CommitDetails>;
  /** stops git: its answer is not wanted */
  cancel(): void;
}

/** `git log` printing DETAIL_FORMAT records from the commit objects (never the graph file, never the .mailmap) */
const LOG_DETAILS = [
  '-c',
  'core.commitGraph=false',
  '-c',
  'log.mailmap=false',
  'log',
  '--no-mailmap',
  '--no-show-signature',
  '-z',
  `--format=${DETAIL_FORMAT}`,
];
const ARGS = [...LOG_DETAILS, '--no-walk=unsorted', '--stdin'];
const TIMEOUT_MS = 300_000;
/** a record longer than this is not a commit's header and trailers: hostile output, stopped */
const MAX_RECORD = 64 * 1024 * 1024;
/** ids written to git at once: a pipe's worth, so git reads while the walk goes on */
const BATCH = 1024;

/**
 * Starts the reader: commits are read from their objects (never the graph file, never the
 * .mailmap: identities are read as committed), in `-z` records of DETAIL_FORMAT, parsed as git
 * prints them (a year of a busy project is tens of thousands).
 */
export function startDetailsReader(cwd: string): DetailsReader {
  const run = spawnGit(ARGS, { cwd, timeoutMs: TIMEOUT_MS, stdin: true });
  const details = new CommitDetails();
  /** the ids handed over, in order: `--no-walk=unsorted` prints each in that order */
  let fed: string[] = [];
  /** each record's id, kept only once git has printed one out of that order */
  let printed: string[] | undefined;
  const keep = (record: string) => {
    const n = details.times.length;
    const idLength = details.push(record);
    if (idLength < 0) return;
    if (!printed && !(idLength === fed[n]?.length && record.startsWith(fed[n]))) printed = fed.slice(0, n);
    printed?.push(record.slice(0, idLength));
  };
  const records = readRecords(run, keep);
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    run.child.stdin!.write(pending.join('\n') + '\n');
    pending = [];
  };
  let ended = false;
  return {
    add(commit) {
      fed.push(commit);
      pending.push(commit);
      if (pending.length >= BATCH) flush();
    },
    addAll(commits) {
      flush();
      if (fed.length === 0) fed = commits;
      else for (const c of commits) fed.push(c);
      for (let i = 0; i < commits.length; i += BATCH) run.child.stdin!.write(commits.slice(i, i + BATCH).join('\n') + '\n');
    },
    async finish() {
      flush();
      ended = true;
      run.child.stdin!.end();
      await records.end(ARGS);
      if (printed || details.times.length !== fed.length) details.reorder(fed, printed ?? fed.slice(0, details.times.length));
      return details;
    },
    cancel() {
      if (!ended) run.child.stdin!.destroy();
      ended = true;
      run.child.kill('SIGKILL');
      run.done.catch(() => undefined);
    },
  };
}

/**
 * Hands each `-z` record git prints to `keep` as it arrives; `end` waits for git, hands over the
 * last record and throws GitError when git failed or printed a record too long to be a commit's.
 */
function readRecords(run: ReturnType<typeof spawnGit>, keep: (record: string) => void): { end(args: string[]): Promise<void> } {
  let rest = '';
  let overlong = false;
  run.child.stdout.setEncoding('utf8');
  run.child.stdout.on('data', (chunk: string) => {
    if (overlong) return;
    const records = (rest + chunk).split('\0');
    rest = records.pop() ?? '';
    if (rest.length > MAX_RECORD) {
      overlong = true;
      run.child.kill('SIGKILL');
      return;
    }
    for (let i = 0; i < records.length; i++) keep(records[i]!);
  });
  return {
    async end(args) {
      const { code } = await run.done;
      if (overlong)
        throw new GitError(`git log printed a record longer than ${MAX_RECORD} bytes and was stopped`, args, run.stderr(), code);
      if (code !== 0) throw failure(args, run.stderr(), code, run.timedOut(), TIMEOUT_MS);
      if (rest) keep(rest);
    },
  };
}

/**
 * What `git log --since` reaches from `head`, read from the commit objects (never the graph file,
 * never the .mailmap): each commit dated at or after `since` (unix seconds) that a path of such
 * commits leads to. git stops at every older commit without reading on through its parents (the
 * walk a `--since` without other limits makes), so commits behind an older one are not here:
 * since-walk.ts proves there are none. By number in the order git printed them, with their ids.
 */
export async function readLoggedSince(cwd: string, head: string, since: number): Promise<{ details: CommitDetails; ids: string[] }> {
  const args = [...LOG_DETAILS, `--since=@${since} +0000`, '--end-of-options', head, '--'];
  const run = spawnGit(args, { cwd, timeoutMs: TIMEOUT_MS, stdin: false });
  const details = new CommitDetails();
  const ids: string[] = [];
  await readRecords(run, (record) => {
    const idLength = details.push(record);
    if (idLength > 0) ids.push(record.slice(0, idLength));
  }).end(args);
  return { details, ids };
}
