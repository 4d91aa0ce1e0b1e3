// `steward check`: resolve a target, gather its evidence once, judge it, return the report.
import type { Evidence } from '../evidence/types.js';
import type { Policy } from '../policy/types.js';
import type { Report } from '../report/types.js';
import { loadDefaultPolicy } from '../policy/load.js';
import { resolveLocalTarget, type ResolvedTarget } from './target.js';
import { existsSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { InputError } from '../util/errors.js';
import { git } from '../evidence/git/run.js';
import { readTagDates } from '../forecast/series.js';
import { readHistory, sharedReads } from '../evidence/history.js';
import { normaliseProjectPath } from './project-root.js';

export interface CheckOptions {
  /** default HEAD, or the branch a `/tree/<branch>/` URL names */
  rev?: string;
  /** the folder of the repository the project lives in (default: the one a `/tree/<branch>/<path>` URL names) */
  path?: string;
  /** the instant the evaluation is for (default now) */
  asOf?: Date;
  policy?: Policy;
  offline?: boolean;
  torchReleasesFile?: string;
  /** GitHub tokens from --token (added to GITHUB_TOKEN / GH_TOKEN / App credentials from the environment) */
  tokens?: string[];
  /** online sources: base URLs, HTTP cache, a session shared across checks (see evidence/online) */
  online?: import('../evidence/online/index.js').OnlineOptions;
  /** the project's next periodic review: the early warning looks this far ahead when it is beyond six months */
  nextReview?: Date;
  /** false: no early warning (no forecast on any requirement) */
  forecast?: boolean;
  /** URL targets: clone cache directory, allowed hosts, clone mirrors (see check/remote-target) */
  remote?: Pick<import('./remote-target.js').RemoteTargetOptions, 'cacheDir' | 'allowedHosts' | 'cloneBaseUrls' | 'timeoutMs'>;
}

/**
 * A resolved target and where it is hosted: from its URL or owner/name, or from a local clone's
 * `origin`; `originIgnored` says why a local clone's origin gets no online evidence.
 */
export type CheckTarget = ResolvedTarget & { remote?: { host: 'github' | 'gitlab'; slug: string; webUrl: string }; originIgnored?: string };

export interface CheckResult {
  report: Report;
  evidence: Evidence;
}

export async function resolveTarget(input: string, opts: CheckOptions = {}): Promise<CheckTarget> {
  // URLs and owner/name are told apart from paths, and unsafe input refused, before any process or socket
  const { classifyTarget, classifyOriginUrl, resolveRemoteTarget } = await import('./remote-target.js');
  const c = classifyTarget(input, {
    ...(opts.remote?.allowedHosts ? { allowedHosts: opts.remote.allowedHosts } : {}),
    existsLocally: existsSync,
  });
  if (c.kind === 'refused') throw new InputError(c.reason);
  if (c.kind === 'local') {
    const path = opts.path !== undefined ? normaliseProjectPath(opts.path) : undefined;
    // origin's URL is read beside the target's resolution (used only once it resolves, to this repository)
    const origin = git(['config', '--get', 'remote.origin.url'], { cwd: resolvePath(input) }).catch(() => '');
    const local = await resolveLocalTarget(input, opts.rev ?? 'HEAD');
    return withOrigin(path ? { ...local, path } : local, opts, classifyOriginUrl, origin);
  }
  const remote = await resolveRemoteTarget(input, {
    ...opts.remote,
    ...(opts.rev !== undefined ? { rev: opts.rev } : {}),
    ...(opts.path !== undefined ? { path: opts.path } : {}),
    ...(opts.offline ? { offline: true } : {}),
    wantsPath: await import('./gather.js').then(
      ({ wantedFiles }) =>
        (path: string) =>
          wantedFiles([{ path, mode: '100644', type: 'blob', oid: '' }]).length > 0,
    ),
    listOwnerRepos: async (o) => {
      const { listOwnerRepositories } = await import('../evidence/online/index.js');
      return listOwnerRepositories(o.host, o.owner, onlineOptions(opts));
    },
  });
  const local = remote.resolved ?? (await resolveLocalTarget(remote.localGitDir, remote.rev, { ownBareClone: true }));
  return {
    ...local,
    input,
    ...(remote.path ? { path: remote.path } : {}),
    remote: { host: remote.host, slug: remote.slug, webUrl: remote.webUrl },
  };
}

/** A local clone whose `origin` is on an allowed host is that hosted repository (read from its config: no network). */
async function withOrigin(
  local: ResolvedTarget,
  opts: CheckOptions,
  classify: typeof import('./remote-target.js').classifyOriginUrl,
  origin: Promise<string>,
): Promise<CheckTarget> {
  const url = (await origin).trim();
  if (!url) return local;
  const c = classify(url, opts.remote?.allowedHosts ? { allowedHosts: opts.remote.allowedHosts } : {});
  if (c.kind === 'remote') return { ...local, remote: { host: c.spec.host, slug: c.spec.slug, webUrl: c.spec.webUrl } };
  return { ...local, originIgnored: c.kind === 'refused' ? c.reason : 'origin is not a hosted repository' };
}

function onlineOptions(opts: CheckOptions): import('../evidence/online/index.js').OnlineOptions {
  return { ...opts.online, ...(opts.tokens?.length && !opts.online?.tokens ? { cliTokens: opts.tokens } : {}) };
}

export async function checkResolved(target: CheckTarget, opts: CheckOptions = {}): Promise<CheckResult> {
  const policy = opts.policy ?? loadDefaultPolicy();
  const asOf = opts.asOf ?? new Date();
  const remote = target.remote;
  // The tag refs serve both the release evidence and the early warning: read once. The history is
  // the longest git process of a check: it is started first, on the other core, and the modules
  // that gather and judge are loaded while it runs (a cold CLI compiles them: tens of ms that
  // would otherwise come before the first git process).
  let rootFilesRead: (files: Evidence['files'] | undefined) => void = () => undefined;
  const rootFiles = target.path ? undefined : new Promise<Evidence['files'] | undefined>((resolve) => (rootFilesRead = resolve));
  const shared = sharedReads(target.root, target.commit, rootFiles);
  const history = readHistory(target.root, target.commit, asOf, shared);
  history.catch(() => undefined); // awaited in gatherEvidence; never an unhandled rejection meanwhile
  const tagDates = opts.forecast === false ? undefined : readTagDates(target.root, asOf, shared.tagRefs);
  tagDates?.catch(() => undefined); // awaited below
  const [{ gatherEvidence }, { evaluate }, { chooseTorchReleases }, { applyForecasts, forecasts, horizonFor }, { commitSeries }] =
    await Promise.all([
      import('./gather.js'),
      import('./evaluate.js'),
      import('../evidence/torch-releases.js'),
      import('../forecast/index.js'),
      import('../forecast/series.js'),
    ]).catch((err: unknown) => {
      rootFilesRead(undefined); // the history reads the .mailmap itself rather than wait for a gather that never starts
      throw err;
    });
  let torch: ReturnType<typeof chooseTorchReleases>;
  try {
    torch = chooseTorchReleases(opts.torchReleasesFile);
  } catch (err) {
    rootFilesRead(undefined);
    throw err;
  }
  const evidence = await gatherEvidence(target, {
    asOf,
    shared,
    history,
    // the gather tells when it fails too
    onRootFiles: (files) => rootFilesRead(files),
    torchReleasesFile: torch.file,
    ...(remote ? { slug: remote.slug, webUrl: remote.webUrl } : {}),
  });
  evidence.sources.push({
    name: 'torch-releases',
    detail: `${torch.file} (${torch.why}${torch.rejected ? `; the refreshed list was not used: ${torch.rejected}` : ''})`,
    ...(torch.asOf ? { asOf: torch.asOf } : {}),
  });
  evidence.torchReleaseList = { source: torch.file, why: torch.why, ...(torch.asOf ? { asOf: torch.asOf.slice(0, 10) } : {}) };
  if (remote) {
    evidence.repo.host = remote.host;
    const { gatherOnline } = await import('../evidence/online/index.js');
    const teams = remote.host === 'github' ? namedTeams(evidence) : [];
    // a list the user chose stays; the bundled or refreshed one gives way to PyPI's own, today's
    const refreshTorch = !opts.offline && (torch.why === 'bundled' || torch.why === 'user');
    const { online, sources, torchReleases } = await gatherOnline(remote, evidence.python, {
      ...onlineOptions(opts),
      ...(opts.offline ? { offline: true } : {}),
      ...(teams.length ? { teams } : {}),
      ...(refreshTorch ? { torchReleases: true } : {}),
    });
    evidence.online = online;
    evidence.sources.push(...sources);
    if (torchReleases) {
      const day = asOf.toISOString().slice(0, 10);
      evidence.torchReleases = torchReleases.releases.filter((r) => r.date <= day);
      evidence.torchReleaseList = { source: torchReleases.source, why: 'pypi', asOf: torchReleases.fetched };
    }
  } else if (opts.offline) {
    evidence.online = { errors: {}, offline: true };
  }
  if (target.originIgnored) evidence.sources.push({ name: 'origin', detail: `no online evidence: ${target.originIgnored}` });
  if (!opts.offline) await gatherForRules(evidence, policy, opts);
  const report = evaluate(evidence, policy);
  if (tagDates) {
    // the early warning reads the same history records as the window: no git log of its own
    const series = commitSeries(evidence.history, policy.bots, FORECAST_DAYS);
    const tags = await tagDates;
    if ('refused' in series) report.problems.push({ file: 'history', message: `no early warning: ${series.refused}` });
    else applyForecasts(report, forecasts({ evidence, policy, commits: series.commits, tags, horizon: horizonFor(asOf, opts.nextReview) }));
  }
  return { report, evidence };
}

/**
 * The early warning's span: the last 12 months, as it promises, not a year plus a window (the
 * weekly series keeps only windows that lie inside it, about 40 weeks).
 */
const FORECAST_DAYS = 365;

/**
 * Online evidence only some policies' rules read, asked only when the policy lists them (the
 * default policy asks none of it, and loads none of its code): the OpenSSF Best Practices badge the
 * README links to, and the company on the GitHub profiles of contributors no e-mail domain places.
 */
async function gatherForRules(evidence: Evidence, policy: Policy, opts: CheckOptions): Promise<void> {
  const keys = new Set(policy.rules.map((r) => r.key));
  const wantsBadge = keys.has('best-practices-badge');
  const wantsCompanies = keys.has('contributing-organisations') && evidence.online?.github !== undefined;
  if (!wantsBadge && !wantsCompanies) return;
  const online = await import('../evidence/online/index.js');
  if (wantsBadge) {
    const { readText } = await import('../evidence/community/files.js');
    const file = evidence.docs.readme.file;
    const text = file && !file.problem ? readText(evidence, file.path).text : undefined;
    const readme = file && text !== undefined ? { path: file.path, text } : undefined;
    const { bestPractices, error, sources } = await online.gatherBestPractices(readme, onlineOptions(opts));
    evidence.online ??= { errors: {} };
    evidence.online.bestPractices = bestPractices;
    if (error) evidence.online.errors['bestpractices'] = error;
    evidence.sources.push(...sources);
  }
  if (wantsCompanies) {
    const [{ contributingOrganisations, tallyOrganisations }, { windowOf }] = await Promise.all([
      import('../requirements/contributing-organisations.js'),
      import('../requirements/recent-commits.js'),
    ]);
    const judged = windowOf(evidence, policy, contributingOrganisations.meta);
    const logins = 'window' in judged ? tallyOrganisations(judged.window.contributors).unplacedLogins : [];
    const { companies, error, sources } = await online.gatherProfileCompanies(logins, onlineOptions(opts));
    evidence.online!.github!.companies = companies;
    if (error) evidence.online!.errors['github/users'] = error;
    evidence.sources.push(...sources);
  }
}

/** `org/team` owners named in CODEOWNERS and MAINTAINERS files, in the order they appear. */
function namedTeams(evidence: Evidence): string[] {
  const own = evidence.community.ownership;
  const teams = (own.codeowners.parsed?.owners ?? []).filter((o) => o.kind === 'team').map((o) => o.id);
  for (const m of own.maintainers) teams.push(...m.teams.map((t) => t.id));
  return [...new Set(teams)];
}

export async function check(input: string, opts: CheckOptions = {}): Promise<CheckResult> {
  return checkResolved(await resolveTarget(input, opts), opts);
}

/**
 * Parses `--as-of`: an ISO date (midnight UTC) or instant; anything else is an input error. Each
 * field is checked against the calendar: JavaScript's Date would take 2026-02-30 as 2026-03-02.
 */
export function parseAsOf(text: string): Date {
  const trimmed = text.trim();
  const bad = (why: string) =>
    new InputError(
      `--as-of ${JSON.stringify(text)}: expected an ISO 8601 date or instant, e.g. 2026-11-27 or 2026-11-27T12:00:00Z (${why})`,
    );
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  if (!m) throw bad('not a date');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12) throw bad(`there is no month ${m[2]}`);
  if (d < 1 || d > days) throw bad(`${m[1]}-${m[2]} has ${days} days`);
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59))
    throw bad('the time of day is out of range');
  const zone = m[7];
  if (zone && zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(-2)) > 59)) throw bad('the UTC offset is out of range');
  // an instant without a zone is UTC, like a date: the same text gives the same result anywhere
  const iso =
    m[4] === undefined
      ? `${m[1]}-${m[2]}-${m[3]}T00:00:00Z`
      : trimmed.replace(' ', 'T').replace(/(Z|[+-]\d{2}:?\d{2})?$/, (z) => (!z ? 'Z' : z === 'Z' ? z : `${z.slice(0, 3)}:${z.slice(-2)}`));
  const d0 = new Date(iso);
  if (Number.isNaN(d0.getTime())) throw bad('not a date');
  return d0;
}

export type { ResolvedTarget } from './target.js';
