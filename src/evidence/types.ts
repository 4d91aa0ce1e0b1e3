import type { Ownership } from './community/owners.js';
import type { CocIdentity } from './community/code-of-conduct.js';

// The typed, serialisable facts a check gathers once. Requirements are pure functions of these.
// Every section is plain data (JSON-safe), so a stored Evidence can be re-judged later.

/** Where a fact was read: a path at the evaluated commit, a commit, an API call, a package page, a form field. */
export interface EvidenceRef {
  kind: 'file' | 'commit' | 'api' | 'registry' | 'form';
  ref: string;
  line?: number;
  detail?: string;
}

/** A problem met while reading evidence (malformed TOML, unreadable file): reported, never thrown. */
export interface EvidenceProblem {
  file: string;
  line?: number;
  message: string;
}

export interface RepoEvidence {
  /** what the user typed */
  input: string;
  /** repository root (work tree) or git dir (bare) */
  root: string;
  bare: boolean;
  /** the revision asked for (`HEAD` by default) and the commit it resolved to */
  rev: string;
  commit: string;
  commitDate: string;
  /** e.g. `pytorch/ignite` when a GitHub/GitLab remote or URL names it */
  slug?: string;
  /** https URL of the hosted repository, for links to evidence */
  webUrl?: string;
  host?: 'github' | 'gitlab';
  /**
   * The folder of the repository the project lives in (`--path`, a URL's `/tree/<branch>/<path>`):
   * every path in the evidence is relative to it, except the repository's shared files in `inherited`.
   */
  path?: string;
  /** shared files (CI, CODEOWNERS, code of conduct, CONTRIBUTING, GOVERNANCE, LICENSE) read from the repository root, as repository paths */
  inherited?: string[];
}

export type TreeEntryType = 'blob' | 'tree' | 'commit';

export interface TreeEntry {
  path: string;
  /** git mode: 100644, 100755, 120000 (symlink), 160000 (submodule) */
  mode: string;
  type: TreeEntryType;
  oid: string;
}

/** A file's content at the evaluated commit, as read from git (never from the work tree). */
export interface FileBlob {
  path: string;
  size: number;
  /** UTF-8 text (invalid sequences replaced); absent for binary files and symlinks */
  text?: string;
  binary?: boolean;
  invalidUtf8?: boolean;
  /** only the first `readLimit` bytes were read */
  truncated?: boolean;
  /** a symlink's target; never followed */
  symlinkTarget?: string;
}

export type FileMap = Record<string, FileBlob>;

export interface Person {
  /** display name after .mailmap */
  name: string;
  emails: string[];
  /** GitHub login from a no-reply e-mail or the API */
  login?: string;
  commits: number;
  /** how this person was counted: author of commits, co-author only */
  via: 'author' | 'co-author' | 'both';
}

/** How many days of history a check keeps: a window or forecast longer than this can't be judged. */
export const HISTORY_HORIZON_DAYS = 400;

/**
 * An identity as a commit or a Co-authored-by trailer carries it, `[name, e-mail]`; when the
 * evaluated commit's .mailmap maps it to another identity, that one's index follows.
 */
export type HistoryIdentity = [name: string, email: string] | [name: string, email: string, mappedTo: number];

/** One non-merge commit: `[committer time (unix seconds), author, ...Co-authored-by]`, identities by index. */
export type CommitRecord = number[];

/**
 * The history as read, free of any policy: one record per commit over the horizon (the
 * HISTORY_HORIZON_DAYS before asOf). Windows, bot rules and counts are the requirements' to apply
 * (src/requirements/activity-window.ts), so stored evidence can be judged under another policy.
 * Evidence stored before this shape holds counts instead (`commits: number`, no `records`).
 */
export interface HistoryEvidence {
  /** the commits recorded have since < committer time ≤ until (asOf) */
  horizon: { since: string; until: string; days: number };
  /** every identity the records name, each once */
  identities: HistoryIdentity[];
  /** non-merge commits reachable from the evaluated commit with a committer time in the horizon, newest first (ties by hash) */
  records: CommitRecord[];
  /** committer times (unix seconds) of the horizon's merge commits, newest first */
  merges: number[];
  /** each author identity's newest commit in the horizon, by identity index: the newest counted commit is one of them */
  newestByAuthor: Record<string, string>;
  /**
   * records a `git log --since` walk reaches only through an older commit: `[record index, the
   * newest time a path from the evaluated commit can keep all its commits at or after]` (-1: no
   * path inside the horizon). A record is hidden from a window starting after that time.
   */
  reachedThrough?: [number, number][];
  /** newest committer time over all reachable commits ≤ asOf */
  latestCommitAt?: string;
  latestCommit?: string;
  /** how the horizon was walked: `full-walk` (every reachable commit) or `since` (history checked free of skew) */
  method: 'full-walk' | 'since';
  /** commits whose committer time is earlier than a parent's (clock skew) seen during the walk */
  skewedCommits: number;
  mailmap: boolean;
  /** what bounded the walk: the repository's commit-graph file (its corrected dates, or a walk of it), or `git rev-list` */
  walk?: 'commit-graph' | 'rev-list';
  /** a shallow clone: the newest commit whose parents were cut off (null: unknown) */
  shallow?: { cutAt: string | null };
  /** the repository's commit-graph was present but not used: it failed a check against the commit objects */
  graphRejected?: string;
  /**
   * reachable commits visited. With method `since` (a commit-graph with corrected commit dates) the
   * walk stopped where those dates prove no older commit can be in the horizon, so `skewedCommits`
   * counts skew among the visited commits only.
   */
  walked?: number;
  /** the .mailmap was larger than the cap, or its parse ran out of time, and only its beginning was read */
  mailmapTruncated?: boolean;
  /** where the .mailmap's parse stopped for its time budget (src/evidence/budget.ts) */
  mailmapCut?: { line: number; budgetMs: number };
}

export interface TagEvidence {
  latest?: { name: string; date: string; commit: string };
  count: number;
}

export interface TorchDeclaration {
  /** path:line where torch is declared */
  file: string;
  line?: number;
  /** the PEP 440 specifier as written (`>=2.0,<3`, `==1.10.0`, `` for unbounded) */
  specifier: string;
  /** where in the file: dependencies, optional:<extra>, group:<name>, poetry, install_requires, requirements, conda */
  scope: string;
  /** a declaration only in extras / dependency groups / dev requirements */
  optional: boolean;
  /** environment marker, if any */
  marker?: string;
  /** how to read `specifier`: PEP 440 (default), Poetry (`^2.0`, `~2.1`, `||`) or conda (`=2.1` is 2.1.*) */
  syntax?: 'pep440' | 'poetry' | 'conda';
  /** a direct reference (`torch @ https://…/torch-2.1.0-…whl`) instead of a specifier */
  url?: string;
}

export interface PythonEvidence {
  /** distribution name from pyproject / setup.cfg / setup.py: the root's, else the project package chosen by evidence */
  distribution?: { name: string; file: string; line?: number; why?: string };
  /** every named package below the root (a monorepo's), when the root is not the only one */
  packages?: { name: string; file: string; line?: number }[];
  /** the folder of the package chosen as the project's when the root has no packaging */
  projectDir?: string;
  torch: TorchDeclaration[];
  /** Trove classifiers declared */
  classifiers: string[];
  /** license metadata: pyproject `license` / `license-expression` / setup.cfg / setup.py, Trove License classifiers */
  licenseMeta: { value: string; file: string; kind: 'expression' | 'text' | 'file' | 'classifier' }[];
  /** project URLs (name → url) */
  urls: Record<string, string>;
  /** packaging files found */
  files: string[];
}

export interface CiStep {
  file: string;
  line?: number;
  /** workflow job id */
  job?: string;
  /** what matched: pytest, tox, nox, unittest, make test / pypa/gh-action-pypi-publish, twine upload … */
  tool: string;
  text: string;
}

export interface CiWorkflow {
  file: string;
  system: CiSystem;
  /** events that trigger it (push, pull_request, schedule …) */
  triggers: string[];
  /** runner labels from runs-on, matrices expanded */
  runners: string[];
  /** operating systems those runners are: linux, macos, windows */
  os: string[];
  /** reusable workflows its jobs call (`uses: ./.github/workflows/x.yml`, `org/repo/...@ref`) */
  calls?: string[];
}

/**
 * The id a CI system registers under (src/evidence/ci/systems/): `github-actions`, `gitlab-ci` …
 * A string, not a closed list, so adding a system is its own module and stored evidence naming a
 * system that is no longer registered still loads.
 */
export type CiSystem = string;

export interface CiEvidence {
  systems: CiSystem[];
  workflows: CiWorkflow[];
  /** union of the OSes CI runs on */
  os: string[];
  testSteps: CiStep[];
  publishSteps: CiStep[];
}

export interface LicenseFileEvidence {
  path: string;
  spdx?: string;
  expression?: string;
  confidence: number;
  method: string;
  /** the license proper was modified (added restriction etc.) */
  modified?: boolean;
  differences?: { kind: 'added' | 'removed'; text: string; line?: number; restriction?: string }[];
  /** appended material found after the license proper */
  parts?: { kind: string; startLine: number; endLine: number; spdx?: string; modified?: boolean; excerpt?: string }[];
  reason?: string;
  /** kinds of restriction found in added wording (non-commercial, Commons Clause …) */
  restrictions?: string[];
  /** best candidates when the text is modified or unidentified */
  closest?: { spdx: string; similarity: number }[];
  /** copyright / attribution lines */
  attributions?: string[];
}

export interface LicenseEvidence {
  files: LicenseFileEvidence[];
  /** the expression the license files form (e.g. `Apache-2.0 OR MIT`) */
  expression?: string;
  /** SPDX-License-Identifier lines, pyproject metadata, classifiers, REUSE: corroboration */
  signals: { source: string; value: string; spdx?: string }[];
  /** signals that disagree with the files */
  disagreements: string[];
  thirdParty: string[];
  /** with no license file at the root: the license files found below it (a folder, subprojects), identified */
  elsewhere?: LicenseFileEvidence[];
}

/** One answer from a data source (git, GitHub, PyPI …): what it cost and what is left. */
export interface SourceUse {
  name: string;
  requests?: number;
  cached?: number;
  rateLimitRemaining?: number;
  error?: string;
  /** requests that counted against a rate limit (all but 304s) */
  billable?: number;
  /** when the rate limit resets (ISO instant) */
  rateLimitReset?: string;
  /** which credential answered (`GITHUB_TOKEN`, `--token #2`, `no token`); never the secret */
  credential?: string;
  /** what was used or why a source was not asked (`no online evidence: host … is not allowed`, a file path) */
  detail?: string;
  /** the date of a data file's contents (the torch release list's `asOf`) */
  asOf?: string;
}

/** Online facts; each is absent when the source was not asked (offline) or failed (`errors`). */
export interface OnlineEvidence {
  github?: HostedRepoEvidence;
  /** the same facts for a repository on GitLab (gitlab.com or self-managed) */
  gitlab?: HostedRepoEvidence;
  pypi?: {
    distribution: string;
    exists: boolean;
    latest?: string;
    wheel?: boolean;
    url?: string;
    requiresTorch?: string;
    /** newest non-yanked release that has a wheel, when the latest has none */
    latestWithWheel?: string;
    latestDate?: string;
    /** operating systems the wheels of the latest release are built for (linux, macos, windows; `any` for pure Python) */
    wheelPlatforms?: string[];
    /** every release is yanked */
    allYanked?: boolean;
    /** `project_urls` (and home page) of the latest release */
    projectUrls?: Record<string, string>;
    /** one of the project URLs points at the repository being checked */
    linksBack?: boolean;
  };
  conda?: { channel: string; exists: boolean; latest?: string; url?: string; platforms?: string[] };
  /** the OpenSSF Best Practices badge the README links to, as its public JSON says (asked only when a policy's rule reads it) */
  bestPractices?: BestPracticesEvidence;
  /** requirement keys whose online evidence failed, with the reason */
  errors: Record<string, string>;
  /** the check ran with --offline: no source was asked */
  offline?: boolean;
}

/** An OpenSSF Best Practices project (bestpractices.dev), found from a badge link in the README. */
export interface BestPracticesEvidence {
  /** the project id the link names; absent when the README links no badge */
  projectId?: number;
  /** where the id was found (`README.md:12`) */
  foundIn?: string;
  /** the JSON asked for */
  url?: string;
  /** `in_progress`, `passing`, `silver`, `gold` as the site says */
  badgeLevel?: string;
  /** 0–300: 100 per level reached, the rest the share of the next level's criteria met */
  tieredPercentage?: number;
  name?: string;
  /** the project's repository as the site records it */
  repoUrl?: string;
  /** the site has no such project (the README's link is stale); a site that failed is `errors.bestpractices` */
  notFound?: boolean;
}

/** Facts about a hosted repository from the GitHub or GitLab API. */
export interface HostedRepoEvidence {
  stars: number;
  archived: boolean;
  defaultBranch: string;
  license?: string;
  lastRun?: { conclusion: string; at: string; url: string };
  latestRelease?: { name: string; date: string; url: string };
  orgFiles?: { contributing?: string; codeOfConduct?: string; codeOfConductKind?: string };
  teams?: Record<string, string[]>;
  /** https URL of the repository page */
  url?: string;
  pushedAt?: string;
  /** the latest default-branch commit and its combined check state (SUCCESS, FAILURE, PENDING, ERROR, EXPECTED) */
  head?: {
    commit: string;
    at: string;
    checks?: string;
    suites?: { app: string; status: string; conclusion?: string; workflow?: string; url?: string }[];
  };
  /** the latest completed run of each workflow on the default branch (GitHub Actions / GitLab pipelines), newest first */
  runs?: { workflow: string; conclusion: string; at: string; url: string }[];
  /** community files GitHub detects in the repository itself (URL or path) */
  files?: { contributing?: string; codeOfConduct?: string; codeOfConductKind?: string; security?: string };
  /** the organisation-level code of conduct text (first 64 KiB), to tell which code it is */
  orgCodeOfConductText?: string;
  /** commit author e-mail → GitHub login, for commits in the asked window */
  authors?: Record<string, string>;
  /** GitHub login (lower case) → the company on the profile, for contributors no e-mail domain places (asked only for a rule that counts organisations) */
  companies?: Record<string, string>;
}

export interface TorchReleaseListInfo {
  /** the file read, or the index URL asked */
  source: string;
  /** --torch-releases, STEWARD_TORCH_RELEASES, the refreshed user list, the bundled list, or PyPI during an online check */
  why: 'option' | 'environment' | 'user' | 'bundled' | 'pypi';
  /** the day the list was written or fetched, when it says */
  asOf?: string;
}

/** Facts read from the community files once, at gathering: requirements read these, never the files. */
export interface CommunityEvidence {
  /** CODEOWNERS (the file GitHub uses, its rules and owners), MAINTAINERS / OWNERS files, retired owners documented */
  ownership: Ownership;
  /** each registered community file (src/evidence/community/kinds/) by its id: where it is, or why it cannot be used */
  files: Record<string, CommunityFileFacts>;
  /** governance documented outside a GOVERNANCE file */
  governance: GovernanceFacts;
}

/** A community file in GitHub's places (root, .github/, docs/). */
export interface CommunityFileFound {
  path: string;
  /** why it cannot be used: a symlink out of the repository, binary, empty … */
  problem?: string;
  notes: string[];
  symlinkTarget?: string;
  /** its opening, when its kind quotes one for a reviewer */
  excerpt?: string;
  /** which code of conduct it holds (a CODE_OF_CONDUCT file) */
  codeOfConduct?: CocIdentity;
}

export interface CommunityFileFacts {
  /** in GitHub's places, usable ones first, in GitHub's order */
  found: CommunityFileFound[];
  /** files of the same name deeper under docs/ or doc/, which GitHub does not link */
  deeper: string[];
}

export interface GovernanceFacts {
  /** docs/**\/governance* pages that can be used, with their opening */
  pages: { path: string; excerpt?: string }[];
  /** the root README's first heading containing "Governance" */
  readmeSection?: { path: string; heading: string; line: number; excerpt?: string };
}

/** The kinds of block a README or docs page is read into (src/evidence/community/readme.ts). */
export type DocFormat = 'markdown' | 'rst';

export type BlockKind = 'heading' | 'paragraph' | 'list' | 'quote' | 'code' | 'html' | 'table' | 'directive';

export interface Block {
  kind: BlockKind;
  /** 1-based first line */
  line: number;
  /** heading text, paragraph/list/quote text (lines joined by \n), code content, directive name */
  text: string;
  /** heading level, 1 = top */
  level?: number;
  /** code: the info string or directive language */
  lang?: string;
  /** code: how it was written */
  style?: 'fenced' | 'indented' | 'code-block' | 'literal' | 'doctest' | 'html';
  /** code: the 1-based line of the first line of `text` (after a fence, a directive and its options) */
  bodyLine?: number;
}

export interface Link {
  url: string;
  text: string;
  line: number;
}

/** A README or docs page read into blocks and links, each with its line. */
export interface DocStructure {
  format: DocFormat;
  blocks: Block[];
  links: Link[];
}

/** A documentation file the requirements read: where it is, or why it cannot be used. Its text stays in `files`. */
export interface DocFile {
  path: string;
  /** why it cannot be used: a symlink out of the repository, binary, empty … */
  problem?: string;
  notes: string[];
  symlinkTarget?: string;
}

/** The root README as requirements 4, 5, 6 and 16 read it. */
export interface ReadmeFacts {
  /** the README at the root with an accepted name (.md, .rst, .txt, none), the usable one preferred */
  file?: DocFile;
  /** its blocks and links, when it can be used */
  structure?: DocStructure;
  /** README-like files at the root outside the accepted names (README.adoc, README.markdown …) */
  otherFormats: string[];
  /** READMEs in .github/ or docs/ (GitHub shows them; the requirement asks for the root) */
  elsewhere: string[];
}

/** A docs index or quick-start page (docs/, doc/ and their source/), read into blocks when it can be. */
export interface DocPage {
  path: string;
  problem?: string;
  structure?: DocStructure;
}

/**
 * The README and documentation pages, read once at gathering: requirements judge these, never
 * the files. Evidence stored before they were gathered is given them from its stored files
 * (src/evidence/stored.ts).
 */
export interface DocsEvidence {
  readme: ReadmeFacts;
  /** docs index and quick-start pages, the indexes first */
  pages: DocPage[];
  /** `site_url` of mkdocs.yml (or mkdocs.yaml) */
  mkdocsSiteUrl?: string;
  /** the file it was read from, when it is not mkdocs.yml */
  mkdocsSitePath?: string;
}

export interface Evidence {
  repo: RepoEvidence;
  asOf: string;
  tree: TreeEntry[];
  files: FileMap;
  history: HistoryEvidence;
  tags: TagEvidence;
  python: PythonEvidence;
  ci: CiEvidence;
  license: LicenseEvidence;
  community: CommunityEvidence;
  docs: DocsEvidence;
  online?: OnlineEvidence;
  /** torch feature releases known at asOf, newest first */
  torchReleases: { version: string; date: string }[];
  /** which list `torchReleases` came from (absent in evidence stored before it was recorded) */
  torchReleaseList?: TorchReleaseListInfo;
  /** application-form answers, when the check runs for an application */
  form?: Record<string, unknown>;
  problems: EvidenceProblem[];
  sources: SourceUse[];
}

/** A file-based evidence source: says which paths it needs read, then extracts its section. */
export interface FileExtractor<T> {
  name: string;
  wants(path: string): boolean;
  extract(tree: TreeEntry[], files: FileMap, problems: EvidenceProblem[]): T;
}
