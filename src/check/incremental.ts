// Incremental checks: a hosted repository whose default-branch head and GitHub metadata are
// unchanged since its last evaluation is not fetched or gathered again; its stored evidence is
// judged afresh. "Unchanged" costs one `git ls-remote` and two conditional GitHub requests, whose
// 304s are free of rate limit. Anything else (a new commit, a changed ETag, a host other than
// GitHub, a failed probe) falls back to the full check.
import { tmpdir } from 'node:os';
import type { Evidence } from '../evidence/types.js';
import type { OnlineSession } from '../evidence/online/index.js';
import { loadDefaultPolicy } from '../policy/load.js';
import { check, type CheckOptions, type CheckResult } from './index.js';
import { evaluate } from './evaluate.js';
import { currentEvidence } from '../evidence/stored.js';
import { hasRawHistory } from '../requirements/activity-window.js';

export interface PriorEvaluation {
  commit: string;
  evidence: Evidence;
}

export type IncrementalResult = CheckResult & { reused: boolean };

/**
 * The key of the mark a probe leaves when it saw new GitHub metadata: its answer refreshed the
 * cache, so the next probe would get a 304 for the new ETag and take stale evidence for current.
 * The mark stays until a full check of the repository completes (checkIncremental clears it).
 */
const changedMark = (slug: string) => `INCREMENTAL metadata-changed ${slug.toLowerCase()}`;

/** Why the prior evidence can't be reused, or null when it can. */
export async function changedSince(
  input: string,
  prior: PriorEvaluation,
  session: OnlineSession,
  opts: Pick<CheckOptions, 'remote'> = {},
): Promise<string | null> {
  // counts made under the policy of their day can't be judged under today's: gather again
  if (!hasRawHistory(prior.evidence.history))
    return 'the stored evidence holds history counts, not the commits (gathered by an earlier version)';
  const { classifyTarget, cloneUrlFor, cloneBaseUrlsFromEnv } = await import('./remote-target.js');
  const c = classifyTarget(input, {
    ...(opts.remote?.allowedHosts ? { allowedHosts: opts.remote.allowedHosts } : {}),
    existsLocally: () => false,
  });
  if (c.kind !== 'remote') return 'not a hosted repository URL';
  if (c.spec.host !== 'github') return `only GitHub metadata is compared (${c.spec.host})`;
  const spec = c.spec;
  const [{ runGit }, { githubClientOf }] = await Promise.all([import('./remote-git.js'), import('../evidence/online/index.js')]);
  const cloneUrl = cloneUrlFor(spec, opts.remote?.cloneBaseUrls ?? cloneBaseUrlsFromEnv());
  const [owner, repo] = spec.slug.split('/') as [string, string];
  if (session.cache.get(changedMark(spec.slug))?.data)
    return 'the repository metadata changed since the stored evidence (no full check has completed since)';
  const changed = (why: string) => {
    session.cache.set({ key: changedMark(spec.slug), data: { why }, storedAt: new Date().toISOString() });
    return why;
  };
  try {
    const client = await githubClientOf(session);
    const [heads, meta] = await Promise.all([
      runGit(tmpdir(), ['ls-remote', '--symref', cloneUrl, 'HEAD'], opts.remote?.timeoutMs, spec, { network: cloneUrl }),
      client.get<{ default_branch: string }>('GET /repos/{owner}/{repo}', { owner, repo }),
    ]);
    const head = /^([0-9a-f]{40,64})\tHEAD$/m.exec(heads)?.[1];
    if (head !== prior.commit) return `the default branch moved (${prior.commit.slice(0, 12)} → ${head?.slice(0, 12) ?? 'none'})`;
    if (!meta.fromCache) return changed('the repository metadata changed (new ETag)');
    // the same request the online evidence makes, so the cached ETag answers it
    const runs = await client.get('GET /repos/{owner}/{repo}/actions/runs', {
      owner,
      repo,
      branch: meta.data.default_branch,
      status: 'completed',
      exclude_pull_requests: true,
      per_page: 30,
    });
    if (!runs.fromCache) return changed('the workflow runs changed (new ETag)');
    return null;
  } catch (err) {
    return `the probe failed: ${(err as Error).message}`;
  }
}

/** The full check, unless `prior` still describes the repository: then its evidence re-judged. */
export async function checkIncremental(
  input: string,
  prior: PriorEvaluation | undefined,
  opts: CheckOptions & { session: OnlineSession },
): Promise<IncrementalResult> {
  if (prior && !opts.offline && (await changedSince(input, prior, opts.session, opts)) === null) {
    const evidence = currentEvidence(prior.evidence);
    return { report: evaluate(evidence, opts.policy ?? loadDefaultPolicy()), evidence, reused: true };
  }
  const { session, ...rest } = opts;
  const full = await check(input, { ...rest, online: { ...rest.online, session } });
  const { classifyTarget } = await import('./remote-target.js');
  const c = classifyTarget(input, {
    ...(opts.remote?.allowedHosts ? { allowedHosts: opts.remote.allowedHosts } : {}),
    existsLocally: () => false,
  });
  // the evidence now reflects the metadata the last probe saw
  if (c.kind === 'remote' && session.cache.get(changedMark(c.spec.slug))?.data)
    session.cache.set({ key: changedMark(c.spec.slug), data: null, storedAt: new Date().toISOString() });
  return { ...full, reused: false };
}
