// Gathers the Evidence of one repository at one commit: the tree, the few files that matter
// (read from git, never the work tree), the history window, packaging, CI and license facts.
import type { Evidence, EvidenceProblem, TreeEntry } from '../evidence/types.js';
import { listTree } from '../evidence/git/tree.js';
import { readBlobs } from '../evidence/git/blobs.js';
import { readHistory, type HistoryReads } from '../evidence/history.js';
import { extractPython, pythonExtractor } from '../evidence/python/index.js';
import type { ChoiceContext } from '../evidence/python/choose.js';
import { ciExtractor } from '../evidence/ci/index.js';
import { extractCommunity, wantsCommunityFile } from '../evidence/community.js';
import { extractLicense, wantsLicenseFile } from '../evidence/license/index.js';
import { extractDocs } from '../evidence/docs.js';
import { torchReleasesAt } from '../evidence/torch-releases.js';
import type { ResolvedTarget } from './target.js';
import { projectView } from './project-root.js';
import { cutMessage } from '../evidence/budget.js';

/** What to gather as of when: no policy (the history is kept raw, and judged by the requirements). */
export interface GatherOptions {
  asOf: Date;
  torchReleasesFile?: string;
  /** reads the caller shares with other work (the early warning): the .mailmap and the tag refs */
  shared?: HistoryReads;
  /** the history read, when the caller started it already (it is the longest git process: started first) */
  history?: ReturnType<typeof readHistory>;
  slug?: string;
  webUrl?: string;
  /** told the files read at the repository's root (the history takes its .mailmap from them); undefined when the gather fails first */
  onRootFiles?: (files: Evidence['files'] | undefined) => void;
}

export function wantedFiles(tree: TreeEntry[]): TreeEntry[] {
  return tree.filter(
    (e) =>
      e.type === 'blob' &&
      (wantsCommunityFile(e.path) ||
        wantsLicenseFile(e.path) ||
        pythonExtractor.wants(e.path) ||
        ciExtractor.wants(e.path) ||
        e.path === '.mailmap'),
  );
}

/** What tells a monorepo's packages apart: the repository's (or folder's) name, the README, CI's publishing steps. */
function choiceContext(files: Evidence['files'], ci: Evidence['ci'], repo: string, path: string | undefined): ChoiceContext {
  const name = (path ?? repo)
    .replace(/\/+$/, '')
    .split('/')
    .pop()!
    .replace(/\.git$/, '');
  const readme = Object.keys(files).find((p) => /^readme(\.[a-z]+)?$/i.test(p));
  return {
    ...(name ? { repoName: name } : {}),
    ...(readme && files[readme]!.text ? { readme: files[readme]!.text } : {}),
    publishTexts: ci.publishSteps.map((s) => s.text),
  };
}

export async function gatherEvidence(target: ResolvedTarget, opts: GatherOptions): Promise<Evidence> {
  const problems: EvidenceProblem[] = [];
  const cwd = target.root;
  // The history walk is the longest git process: it runs on the other core while this one
  // reads the tree and the files and parses them; it is awaited last.
  const historyPromise = opts.history ?? readHistory(cwd, target.commit, opts.asOf, opts.shared);
  historyPromise.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
  let files: Evidence['files'];
  let view: ReturnType<typeof projectView> | undefined;
  let tree: TreeEntry[];
  try {
    const repoTree = await listTree(cwd, target.commit);
    view = target.path ? projectView(repoTree, target.path, target.commit) : undefined;
    tree = view ? view.tree : repoTree;
    files = await readBlobs(cwd, wantedFiles(tree));
  } finally {
    // a project folder's files are not the root's: then the history reads the root's .mailmap itself
    opts.onRootFiles?.(view ? undefined : files!);
  }
  for (const f of Object.values(files)) {
    if (f.truncated) problems.push({ file: f.path, message: `only the first ${f.text?.length ?? 0} bytes of ${f.size} were read` });
    if (f.invalidUtf8) problems.push({ file: f.path, message: 'not valid UTF-8; invalid bytes were replaced' });
  }
  const ci = ciExtractor.extract(tree, files, problems);
  const python = extractPython(files, problems, choiceContext(files, ci, opts.slug ?? target.root, target.path));
  const license = extractLicense(tree, files, python, problems);
  // one object for both: the root README is read into blocks once (locate.ts keeps it per object)
  const read = { tree, files };
  const community = extractCommunity(read);
  const docs = extractDocs(read);
  const historyAndTags = await historyPromise;
  const cut = historyAndTags.history.shallow;
  // whether the cut falls inside the activity window is the policy's window to say (evaluate adds it)
  if (cut) problems.push({ file: 'shallow', message: `a shallow clone: history before ${cut.cutAt ?? 'an unknown commit'} is cut off` });
  if (historyAndTags.history.mailmapCut) {
    problems.push({ file: '.mailmap', message: cutMessage(historyAndTags.history.mailmapCut) });
  }
  if (historyAndTags.history.graphRejected) {
    problems.push({
      file: 'objects/info/commit-graph',
      message: `not used: ${historyAndTags.history.graphRejected}; the history was walked from the commit objects`,
    });
  }
  return {
    repo: {
      input: target.input,
      root: target.root,
      bare: target.bare,
      rev: target.rev,
      commit: target.commit,
      commitDate: target.commitDate,
      ...(opts.slug ? { slug: opts.slug } : {}),
      ...(opts.webUrl ? { webUrl: opts.webUrl } : {}),
      ...(target.path ? { path: target.path, inherited: view!.inherited } : {}),
    },
    asOf: opts.asOf.toISOString(),
    tree,
    files,
    history: historyAndTags.history,
    tags: historyAndTags.tags,
    python,
    ci,
    license,
    community,
    docs,
    torchReleases: torchReleasesAt(opts.asOf, opts.torchReleasesFile),
    problems,
    // the history is the repository's: commits to a monorepo's other folders count as its activity
    sources: [
      target.path
        ? { name: 'git', detail: `the project in ${target.path}/; activity and releases count the whole repository` }
        : { name: 'git' },
    ],
  };
}
