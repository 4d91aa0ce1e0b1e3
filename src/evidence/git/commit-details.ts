// The history's commits as their objects say (author, Co-authored-by trailers, committer time,
// parents), read by one `git log --no-walk --stdin` that is started before the walk that names
// them: git starts up, and reads each commit as its id arrives, while the walk goes on; and a
// process started early is cheaper to start (forking copies the page tables of a heap that the
// walk has not grown yet).
import { failure, GitError, spawnGit } from './run.js';

/** A commit as its object says: its id, committer time, parents, author, Co-authored-by values. */
export interface CommitDetail {
  commit: string;
  time: number;
  /** the parents' ids as `%P` prints them: separated by one space, empty for a root commit */
  parents: string;
  name: string;
  email: string;
  coAuthors: readonly string[];
}

/** most commits have no trailer: they share one empty list rather than each keep its own */
const NONE: readonly string[] = Object.freeze([]);

/** Fields of one record: hash, committer time, parents, author name, author e-mail, then the trailers. */
export const DETAIL_FORMAT = '%H%x1f%ct%x1f%P%x1f%an%x1f%ae%x1f%(trailers:key=Co-authored-by,valueonly,unfold,separator=%x1f)';

/** Commit ids in, their details out: one git process, fed as the ids become known. */
export interface DetailsReader {
  add(commit: string): void;
  /**
   * Ends the input; the details of every commit handed over, in the order handed over (undefined
   * for one git did not print), or GitError when git fails (e.g. on an id that is no commit).
   */
  finish(): Promise<(CommitDetail | undefined)[]>;
  /** stops git: its answer is not wanted */
  cancel(): void;
}

const ARGS = [
  '-c',
  'core.commitGraph=false',
  '-c',
  'log.mailmap=false',
  'log',
  '--no-mailmap',
  '--no-walk=unsorted',
  '--no-show-signature',
  '-z',
  `--format=${DETAIL_FORMAT}`,
  '--stdin',
];
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
  const details: CommitDetail[] = [];
  /** the ids handed over, in order: `--no-walk=unsorted` prints each in that order */
  const fed: string[] = [];
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
    for (const record of records) keep(details, record);
  });
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
    async finish() {
      flush();
      ended = true;
      run.child.stdin!.end();
      const { code } = await run.done;
      if (overlong)
        throw new GitError(`git log printed a record longer than ${MAX_RECORD} bytes and was stopped`, ARGS, run.stderr(), code);
      if (code !== 0) throw failure(ARGS, run.stderr(), code, run.timedOut(), TIMEOUT_MS);
      if (rest) keep(details, rest);
      return inOrderOf(fed, details);
    },
    cancel() {
      if (!ended) run.child.stdin!.destroy();
      ended = true;
      run.child.kill('SIGKILL');
      run.done.catch(() => undefined);
    },
  };
}

function keep(details: CommitDetail[], record: string): void {
  const detail = parseDetail(record);
  if (detail) details.push(detail);
}

/**
 * The details lined up with the ids handed over. git prints them in that order, one each; should
 * it ever not (a record it could not print, an id twice), they are matched up by id instead.
 */
function inOrderOf(fed: readonly string[], printed: CommitDetail[]): (CommitDetail | undefined)[] {
  let aligned = printed.length === fed.length;
  for (let i = 0; aligned && i < fed.length; i++) aligned = printed[i]!.commit === fed[i];
  if (aligned) return printed;
  const byId = new Map(printed.map((d) => [d.commit, d]));
  return fed.map((c) => byId.get(c));
}

/** One DETAIL_FORMAT record, sliced at its separators (no intermediate arrays: there are tens of thousands). */
function parseDetail(record: string): CommitDetail | undefined {
  const f1 = record.indexOf('\x1f');
  if (f1 <= 0) return undefined;
  const f2 = record.indexOf('\x1f', f1 + 1);
  const time = f2 < 0 ? record.slice(f1 + 1) : record.slice(f1 + 1, f2);
  if (!time) return undefined;
  const f3 = f2 < 0 ? -1 : record.indexOf('\x1f', f2 + 1);
  const f4 = f3 < 0 ? -1 : record.indexOf('\x1f', f3 + 1);
  const f5 = f4 < 0 ? -1 : record.indexOf('\x1f', f4 + 1);
  const end = record.length;
  let coAuthors = NONE;
  // an empty trailers field names no one
  if (f5 >= 0 && f5 + 1 < end) {
    const values: string[] = [];
    for (let at = f5 + 1; at <= end;) {
      const next = record.indexOf('\x1f', at);
      const stop = next < 0 ? end : next;
      values.push(record.slice(at, stop));
      at = stop + 1;
    }
    coAuthors = values;
  }
  return {
    commit: record.slice(0, f1),
    time: Number(time),
    parents: f2 < 0 ? '' : f3 < 0 ? record.slice(f2 + 1) : record.slice(f2 + 1, f3),
    name: f3 < 0 ? '' : f4 < 0 ? record.slice(f3 + 1) : record.slice(f3 + 1, f4),
    email: f4 < 0 ? '' : f5 < 0 ? record.slice(f4 + 1) : record.slice(f4 + 1, f5),
    coAuthors,
  };
}
