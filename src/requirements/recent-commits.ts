// Requirement 13: Commits. Counted over the exact window (every reachable commit walked), with
// bots' and merge commits reported beside the count so a reviewer sees all three numbers.
import type { Evidence, EvidenceRef } from '../evidence/types.js';
import type { Policy } from '../policy/types.js';
import type { Message, Outcome, RuleMeta } from './types.js';
import { defineRule, say } from './rule.js';
import { activityWindow, WINDOW_MESSAGES, type ActivityWindow } from './activity-window.js';

/** What a count over the window says, worded by each window rule: enough, too few, or a shallow clone's cut hiding commits. */
type CountSaid = (id: 'enough' | 'tooFew' | 'shallowCut', cut?: string) => { summary: string; message: Message };

/** The wording the window rules share: a .mailmap that renames a bot, and why the window can't be judged. */
export const SHARED_WINDOW_MESSAGES = {
  ...WINDOW_MESSAGES,
  botsRenamed: '; .mailmap maps bot {bots}: still counted as a bot',
} as const;

const meta = {
  key: 'recent-commits',
  automation: 'full',
  measures:
    'At least {options.min} non-merge commits not authored by a bot whose committer time is in the last {shared.windowDays} days (asOf − {shared.windowDays} days < t ≤ asOf), over all commits reachable from the evaluated revision.',
  messages: {
    enough: '{commits} in {window} ({need} needed){notes}.',
    tooFew: '{commits} in {window} ({need} needed){notes}.',
    shallowCut:
      '{commits} in {window} ({need} needed){notes}; the repository is a shallow clone cut {cut}, inside the window, so commits may be missing.',
    notCounted: '; {what} not counted',
    hiddenBySkew:
      '; {count} of them reachable only through a commit dated before the window (clock skew), which git log --since would miss',
    newestCommit: '; the newest commit is from {date}',
    ...SHARED_WINDOW_MESSAGES,
  },
} as const satisfies RuleMeta;

/** `the 90 days to 2026-11-27` (with the time when asOf isn't midnight UTC). */
export function windowPhrase(h: ActivityWindow): string {
  const until = h.window.until;
  const time = until.slice(11, 19);
  const when = time === '00:00:00' ? until.slice(0, 10) : `${until.slice(0, 10)} ${until.slice(11, 16)} UTC`;
  return `the ${h.window.days} days to ${when}`;
}

/** The policy's window judged from the evidence, or the outcome that says (in the words of `meta`, which lists WINDOW_MESSAGES) why it can't be. */
export function windowOf(evidence: Evidence, policy: Policy, meta: RuleMeta): { window: ActivityWindow } | { outcome: Outcome } {
  const judged = activityWindow(evidence, { days: policy.shared.windowDays, bots: policy.bots, policy });
  if ('window' in judged) return judged;
  const { id, data, fix, measured } = judged.refused;
  return { outcome: { status: 'unknown', ...say(meta, id, data), fix, measured, evidence: [] } };
}

/** The newest counted commit in the window, else the newest commit at all. */
export function activityRefs(h: ActivityWindow): EvidenceRef[] {
  if (h.latestWindowCommit) return [{ kind: 'commit', ref: h.latestWindowCommit, detail: 'newest counted commit in the window' }];
  if (h.latestCommit) return [{ kind: 'commit', ref: h.latestCommit, detail: `newest commit, ${h.latestCommitAt ?? 'undated'}` }];
  return [];
}

/**
 * The verdict on a count over the window: pass when it reaches what the policy needs, else fail
 * with `fix`; either way pointing at the newest counted commit.
 */
export function windowVerdict(
  h: ActivityWindow,
  have: number,
  need: number,
  said: CountSaid,
  measured: Record<string, unknown>,
  fix: (missing: number) => string,
): Outcome {
  const evidence = activityRefs(h);
  if (have >= need) return { status: 'pass', ...said('enough'), measured, evidence };
  // a cut can only hide commits: a pass stands, a shortfall may be the clone's and not the project's
  if (h.shallow?.hidesWindow) {
    return {
      status: 'unknown',
      ...said('shallowCut', h.shallow.cutAt ? `at ${h.shallow.cutAt.slice(0, 10)}` : 'at an unknown commit'),
      measured: { ...measured, shallow: h.shallow },
      evidence,
      fix: 'Check a full clone (git fetch --unshallow), or the repository URL.',
    };
  }
  return { status: 'fail', ...said('tooFew'), measured, evidence, fix: fix(need - have) };
}

/** A .mailmap that renames a bot to a person is said (in the words of `meta`, which lists SHARED_WINDOW_MESSAGES), with the commits it would have turned into activity. */
export function renamedBotsNote(h: ActivityWindow, meta: RuleMeta): string {
  const r = h.botsRenamedByMailmap ?? [];
  if (r.length === 0) return '';
  const shown = r.slice(0, 3).map((x) => `${x.bot} as ${x.shownAs} (${plural(x.commits, 'commit')})`);
  return say(meta, 'botsRenamed', { bots: `${shown.join(', ')}${r.length > 3 ? ` and ${r.length - 3} more` : ''}` }).summary;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function evaluateRecentCommits(evidence: Evidence, policy: Policy, need: number): Outcome {
  const judged = windowOf(evidence, policy, meta);
  if ('outcome' in judged) return judged.outcome;
  const h = judged.window;
  const notCounted: string[] = [];
  if (h.botCommits > 0) notCounted.push(`${plural(h.botCommits, 'commit')} by bots`);
  if (h.mergeCommits > 0) notCounted.push(plural(h.mergeCommits, 'merge commit'));
  let notes = '';
  if (notCounted.length > 0) notes += say(meta, 'notCounted', { what: notCounted.join(' and ') }).summary;
  if (h.hiddenBySkew) notes += say(meta, 'hiddenBySkew', { count: h.hiddenBySkew }).summary;
  if (h.commits === 0 && h.latestCommitAt) notes += say(meta, 'newestCommit', { date: h.latestCommitAt.slice(0, 10) }).summary;
  notes += renamedBotsNote(h, meta);
  const data = { commits: plural(h.commits, 'commit'), window: windowPhrase(h), need, notes };
  const measured = {
    ...(h.botsRenamedByMailmap ? { botsRenamedByMailmap: h.botsRenamedByMailmap } : {}),
    commits: h.commits,
    botCommits: h.botCommits,
    mergeCommits: h.mergeCommits,
    window: h.window,
    method: h.method,
    skewedCommits: h.skewedCommits,
    ...(h.walk ? { walk: h.walk } : {}),
    ...(h.hiddenBySkew !== undefined ? { hiddenBySkew: h.hiddenBySkew } : {}),
  };
  return windowVerdict(
    h,
    h.commits,
    need,
    (id, cut) => say(meta, id, cut === undefined ? data : { ...data, cut }),
    measured,
    (missing) =>
      `${plural(missing, 'more commit')} by people (not bots, not merge commits) are needed on ${evidence.repo.rev} with a committer date after ${h.window.since.slice(0, 10)}. ` +
      'If development happens on another branch, check that revision with --rev; squash-merging pull requests also collapses many commits into one.',
  );
}

export const recentCommits = defineRule({
  meta,
  options: (z) => z.strictObject({ min: z.number().int().min(0) }),
  evaluate(evidence, { policy, options }) {
    return evaluateRecentCommits(evidence, policy, options.min);
  },
});
