// Where a repository keeps what its work trees share (objects, refs, shallow), found from the
// files alone, in git's own order of discovery: `.git` (a directory, or a file naming one), then
// the directory itself as a bare repository. Only for facts a missing file proves (a repository
// without a `shallow` file is not shallow): one git process less per check.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The common git directory of the repository rooted at `cwd`, or undefined when the files don't say. */
export function commonGitDir(cwd: string): string | undefined {
  try {
    const dotGit = join(cwd, '.git');
    let dir: string | undefined;
    if (existsSync(dotGit)) {
      if (statSync(dotGit).isDirectory()) dir = dotGit;
      else {
        const m = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'));
        if (!m) return undefined;
        dir = resolve(cwd, m[1]!.trim());
      }
    } else if (existsSync(join(cwd, 'objects')) && existsSync(join(cwd, 'HEAD'))) dir = cwd;
    if (!dir) return undefined;
    const common = join(dir, 'commondir');
    if (existsSync(common)) dir = resolve(dir, readFileSync(common, 'utf8').trim());
    return existsSync(join(dir, 'objects')) ? dir : undefined;
  } catch {
    return undefined;
  }
}
