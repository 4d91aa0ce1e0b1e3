// Turns what the user typed into a repository and a commit, with one clear error for each way
// that can fail (no such path, not a repository, a sub-directory, empty, unknown revision).
import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../util/errors.js';
import { git, GitError } from '../evidence/git/run.js';
import type { RepoEvidence } from '../evidence/types.js';

/** The repository and commit a check reads: the first fields of its evidence (RepoEvidence). */
export type ResolvedTarget = Pick<RepoEvidence, 'input' | 'root' | 'bare' | 'rev' | 'commit' | 'commitDate' | 'path'>;

export interface LocalTargetOptions {
  /**
   * `input` is a bare clone Steward made itself (its clone cache): it is known to be a bare
   * repository's root, so git need not be asked (one process less per hosted check).
   */
  ownBareClone?: boolean;
}

export async function resolveLocalTarget(input: string, rev = 'HEAD', opts: LocalTargetOptions = {}): Promise<ResolvedTarget> {
  if (rev.startsWith('-') || /[\0\s]/.test(rev)) throw new InputError(`--rev ${JSON.stringify(rev)} is not a revision`);
  // git reads these as a range and `log -1` would quietly take one end of it: A..B, A...B, A^!, A^@, A^-
  if (/\.\.|\^[!@-]/.test(rev)) {
    throw new InputError(
      `--rev ${JSON.stringify(rev)} is a range; expected one revision (a branch, tag or commit), e.g. --rev ${
        rev
          .split(/\.\.\.?|\^[!@-]/)
          .filter(Boolean)
          .pop() ?? 'HEAD'
      }`,
    );
  }
  const path = resolve(input);
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new InputError(`${input}: no such file or directory`);
  }
  if (!isDir) throw new InputError(`${input}: not a directory; give the path of a repository`);
  const real = realpathSync(path);
  // The commit is asked for beside the repository checks below (it is only used once they pass,
  // when `real` is the root): one git process less in a row before a check can start its reads.
  const resolved = git(
    ['log', '-1', '--no-walk', '--no-show-signature', '--format=%H%x00%cI', '--end-of-options', `${rev}^{commit}`, '--'],
    { cwd: real },
  ).then(
    (out) => out.trim().split('\0'),
    () => [],
  );
  let info: string[];
  try {
    info = opts.ownBareClone
      ? ['true', real]
      : (await git(['rev-parse', '--is-bare-repository', '--absolute-git-dir'], { cwd: real })).trim().split('\n');
    // --show-toplevel fails in a bare repository and inside a .git directory: ask only for work trees
    if (info[0] !== 'true') {
      info.push((await git(['rev-parse', '--show-toplevel'], { cwd: real }).catch(() => '')).trim());
    }
  } catch (err) {
    if (err instanceof GitError) throw new InputError(`${input}: not a git repository`);
    throw err;
  }
  const bare = info[0] === 'true';
  const gitDir = info[1] ?? real;
  let root: string;
  if (bare) {
    root = realpathSync(gitDir);
    if (root !== real) {
      throw new InputError(`${input} is inside the bare repository at ${root}; check the repository itself: steward check ${root}`);
    }
  } else {
    const top = info[2];
    if (!top) {
      // inside the .git directory of a work tree
      throw new InputError(`${input} is a git directory, not a repository's root; check the work tree that owns it`);
    }
    root = realpathSync(top);
    if (root !== real) {
      throw new InputError(`${input} is a sub-directory of the repository at ${root}; check the repository's root: steward check ${root}`);
    }
  }
  // one git process for the commit and its date (each spawn is a few ms of a cold check)
  const [commit = '', commitDate = ''] = await resolved;
  if (!commit) {
    if (rev === 'HEAD') {
      const any = (await git(['rev-list', '-n', '1', '--all'], { cwd: root }).catch(() => '')).trim();
      if (!any) throw new InputError(`${input}: the repository has no commits yet`);
      throw new InputError(`${input}: HEAD does not point at a commit; pass --rev with a branch, tag or commit`);
    }
    throw new InputError(`${input}: revision ${JSON.stringify(rev)} does not exist in this repository`);
  }

  return { input, root, bare, rev, commit, commitDate };
}
