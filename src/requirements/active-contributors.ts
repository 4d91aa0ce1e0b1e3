// Requirement 12: Contributors. People, not identities: the window's judgement (activity-window.ts)
// merges identities (.mailmap, e-mail, GitHub no-reply login, folded name) and leaves bots out.
import type { Evidence, Person } from '../evidence/types.js';
import type { Policy } from '../policy/types.js';
import type { Outcome, RuleMeta } from './types.js';
import { defineRule, say } from './rule.js';
import { renamedBotsNote, SHARED_WINDOW_MESSAGES, windowOf, windowPhrase, windowVerdict } from './recent-commits.js';

const meta = {
  key: 'active-contributors',
  automation: 'full',
  measures:
    'At least {options.min} contributors (commit authors and Co-authored-by trailers, merged by .mailmap, e-mail, GitHub no-reply login and name; bots left out) among the commits of the last {shared.windowDays} days.',
  messages: {
    enough: '{contributors} in {window} ({need} needed){people}{notes}.',
    tooFew: '{contributors} in {window} ({need} needed){people}{notes}.',
    shallowCut:
      '{contributors} in {window} ({need} needed){people}{notes}; the repository is a shallow clone cut {cut}, inside the window, so commits may be missing.',
    coAuthorsOnly: '; {count} credited only by Co-authored-by',
    noCommitsSince: '; no commits since {date}',
    ...SHARED_WINDOW_MESSAGES,
  },
} as const satisfies RuleMeta;

const NAMED_IN_SUMMARY = 6;

function label(p: Person): string {
  return p.login && p.login.toLowerCase() !== p.name.toLowerCase() ? `${p.name} (@${p.login})` : p.name;
}

function list(people: Person[]): string {
  const names = people.slice(0, NAMED_IN_SUMMARY).map(label);
  const rest = people.length - names.length;
  if (rest > 0) return `${names.join(', ')} and ${rest} more`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function evaluateActiveContributors(evidence: Evidence, policy: Policy, need: number): Outcome {
  const judged = windowOf(evidence, policy, meta);
  if ('outcome' in judged) return judged.outcome;
  const h = judged.window;
  const people = h.contributors;
  const n = people.length;
  const coOnly = people.filter((p) => p.via === 'co-author').length;
  let notes = '';
  if (coOnly > 0) notes += say(meta, 'coAuthorsOnly', { count: coOnly }).summary;
  if (n === 0 && h.commits === 0 && h.latestCommitAt) notes += say(meta, 'noCommitsSince', { date: h.latestCommitAt.slice(0, 10) }).summary;
  notes += renamedBotsNote(h, meta);
  const data = {
    contributors: `${n} ${n === 1 ? 'contributor' : 'contributors'}`,
    window: windowPhrase(h),
    need,
    people: n > 0 ? `: ${list(people)}` : '',
    notes,
  };
  const measured = {
    contributors: n,
    people: people.map(label),
    window: h.window,
    identityMethod: h.identityMethod,
    mailmap: h.mailmap,
    ...(h.botsRenamedByMailmap ? { botsRenamedByMailmap: h.botsRenamedByMailmap } : {}),
  };
  return windowVerdict(
    h,
    n,
    need,
    (id, cut) => say(meta, id, cut === undefined ? data : { ...data, cut }),
    measured,
    (missing) =>
      `${missing} more ${missing === 1 ? 'person' : 'people'} must author (or be credited with a Co-authored-by trailer on) a commit dated after ${h.window.since.slice(0, 10)}. ` +
      'Bots do not count. If one person appears under several names, that is already merged; if different people share one identity, give each their own author identity.',
  );
}

export const activeContributors = defineRule({
  meta,
  options: (z) => z.strictObject({ min: z.number().int().min(0) }),
  evaluate(evidence, { policy, options }) {
    return evaluateActiveContributors(evidence, policy, options.min);
  },
});
