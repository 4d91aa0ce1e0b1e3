// A project that lives in a folder of its repository (a monorepo's `optimization/speedster/`):
// the check reads that folder as the project's root, so packaging, README, docs, license, tests
// and paths in the report are the folder's, while the files a repository has once for all its
// projects (CI configuration, CODEOWNERS, code of conduct, CONTRIBUTING, GOVERNANCE, a root
// LICENSE) still come from the repository root when the folder has none of its own.
import type { TreeEntry } from '../evidence/types.js';
import { InputError } from '../util/errors.js';

/** Root-level files shared by every project of a repository, by what they are. */
const SHARED_KINDS: Array<[string, RegExp]> = [
  ['codeowners', /^(\.github\/|docs\/)?codeowners$/i],
  ['code-of-conduct', /^(\.github\/)?code[_-]of[_-]conduct([._-][^/]*)?$/i],
  ['contributing', /^(\.github\/)?contributing([._-][^/]*)?$/i],
  ['governance', /^(\.github\/)?governance([._-][^/]*)?$/i],
  ['maintainers', /^(\.github\/)?maintainers([._-][^/]*)?$/i],
  ['license', /^(licen[cs]e|copying|notice)([._-][^/]*)?$/i],
  ['mailmap', /^\.mailmap$/],
  // CI runs from the repository root: GitHub reads workflows only there
  ['ci', /^(\.github\/workflows\/[^/]+|\.gitlab-ci\.ya?ml|\.circleci\/[^/]+|azure-pipelines\.ya?ml|\.travis\.ya?ml|Jenkinsfile)$/i],
];

function sharedKind(path: string): string | undefined {
  return SHARED_KINDS.find(([, re]) => re.test(path))?.[0];
}

/**
 * A folder path as given (`--path`, a URL's `/tree/<branch>/<path>`), in the tree's form: no
 * leading or trailing slash; `.`/`..` segments, backslashes and control characters refused.
 */
export function normaliseProjectPath(given: string): string | undefined {
  const p = given
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .replace(/\/{2,}/g, '/');
  if (p === '' || p === '.') return undefined;
  if (/[\0-\x1f\\]/.test(p) || p.split('/').some((s) => s === '.' || s === '..')) {
    throw new InputError(
      `--path ${JSON.stringify(given)}: expected a folder inside the repository (like sub/dir), without . or .. segments`,
    );
  }
  return p;
}

export interface ProjectView {
  /** the folder's entries with the folder prefix removed, then the repository's shared files it lacks */
  tree: TreeEntry[];
  /** shared files taken from the repository root, as repository paths */
  inherited: string[];
}

/** The tree as the project in `path` sees it; an input error when the commit has no such folder. */
export function projectView(tree: TreeEntry[], path: string, commit: string): ProjectView {
  const prefix = `${path}/`;
  const own: TreeEntry[] = [];
  for (const e of tree) if (e.path.startsWith(prefix)) own.push({ ...e, path: e.path.slice(prefix.length) });
  if (own.length === 0) {
    const asFile = tree.some((e) => e.path === path);
    throw new InputError(
      `--path ${path}: ${asFile ? 'is a file, expected a folder' : 'no such folder'} in the repository at ${commit.slice(0, 12)}`,
    );
  }
  const ownKinds = new Set(own.map((e) => sharedKind(e.path)).filter((k): k is string => k !== undefined));
  const inherited: TreeEntry[] = [];
  for (const e of tree) {
    if (e.path.startsWith(prefix)) continue;
    const kind = sharedKind(e.path);
    if (kind && !ownKinds.has(kind)) inherited.push(e);
  }
  const all = [...own, ...inherited].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { tree: all, inherited: inherited.map((e) => e.path) };
}

/** Which repository paths a check of the project in `path` reads, from the gather's filter of project paths. */
export function projectWants(path: string | undefined, wants: (p: string) => boolean): (repoPath: string) => boolean {
  if (!path) return wants;
  const prefix = `${path}/`;
  return (p) => (p.startsWith(prefix) ? wants(p.slice(prefix.length)) : sharedKind(p) !== undefined && wants(p));
}
