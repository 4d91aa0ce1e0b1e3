// The activity window judged from the raw history (requirements 10, 12 and 13): the policy's
// window and bot rules applied to the commit records the evidence keeps over its horizon, as of
// the evaluation date. A fresh check and stored evidence judged again under an amended policy
// both come through here, so they give the same answer.
import type { Evidence, EvidenceProblem, HistoryEvidence, Person } from '../evidence/types.js';
import type { Ident } from '../evidence/mailmap.js';
import { identityKeys, PeopleBuilder } from '../evidence/identity.js';
import { botMatcher, type BotList } from './bots.js';

const DAY = 86_400;

/** The window's counts, as requirements 10, 12 and 13 read them. */
export interface ActivityWindow {
  window: { since: string; until: string; days: number };
  /** non-merge, non-bot commits whose committer time is in the window */
  commits: number;
  /** non-merge commits in the window authored by a bot */
  botCommits: number;
  mergeCommits: number;
  contributors: Person[];
  /** newest committer time over all reachable commits ≤ asOf */
  latestCommitAt?: string;
  latestCommit?: string;
  method: HistoryEvidence['method'];
  identityMethod: 'mailmap+email+noreply+name';
  skewedCommits: number;
  mailmap: boolean;
  walk?: HistoryEvidence['walk'];
  /** a shallow clone's cut, and whether it falls after the window's start (commits of the window may be missing) */
  shallow?: { cutAt: string | null; hidesWindow: boolean };
  graphRejected?: string;
  walked?: number;
  /** window commits that `git log --since` would miss: reachable only through an older commit */
  hiddenBySkew: number;
  /** the newest counted (non-merge, non-bot) commit in the window */
  latestWindowCommit?: string;
  /** .mailmap entries that map a bot's identity to one that does not look like a bot: reported, not trusted */
  botsRenamedByMailmap?: { bot: string; shownAs: string; commits: number }[];
  mailmapTruncated?: boolean;
  mailmapCut?: { line: number; budgetMs: number };
}

/** What the window is judged by: its length and the bot rules, and the policy they come from (for messages). */
export interface WindowRules {
  days: number;
  bots: BotList;
  policy: { id: string; version: string };
}

/**
 * Why the window can't be judged from this evidence: one of WINDOW_MESSAGES with its data, for
 * the requirement to say in its own words (each window rule lists these messages).
 */
export interface WindowRefusal {
  id: keyof typeof WINDOW_MESSAGES;
  data: Record<string, string | number>;
  fix: string;
  measured: Record<string, unknown>;
}

/** The wording of a refusal, which every rule that judges the window carries among its messages. */
export const WINDOW_MESSAGES = {
  historyCounted:
    'The stored evidence holds the history as counted when it was gathered{gathered}, not its commits, so it cannot be judged under policy {policy} {version}.',
  pastHorizon:
    'Policy {policy} {version} asks for a {windowDays}-day window; the evidence keeps the {horizonDays} days of history before {horizonUntil}, so older commits were never read.',
} as const;

/** The history as stored: the raw records, or (evidence stored before they were kept) counts made when it was gathered. */
export function hasRawHistory(history: Evidence['history']): history is HistoryEvidence {
  return Array.isArray((history as Partial<HistoryEvidence>).records) && (history as Partial<HistoryEvidence>).horizon !== undefined;
}

/** The window's counts under `rules`, or why they can't be had from this evidence. */
export function activityWindow(evidence: Evidence, rules: WindowRules): { window: ActivityWindow } | { refused: WindowRefusal } {
  const h = evidence.history;
  const policy = { policy: rules.policy.id, version: rules.policy.version };
  if (!hasRawHistory(h)) {
    const days = (h as { window?: { days?: unknown } }).window?.days;
    return {
      refused: {
        id: 'historyCounted',
        data: { ...policy, gathered: typeof days === 'number' ? ` (a ${days}-day window)` : '' },
        fix: 'Run a fresh check: the history is then kept commit by commit and judged under this policy.',
        measured: {},
      },
    };
  }
  if (rules.days > h.horizon.days) {
    return {
      refused: {
        id: 'pastHorizon',
        data: { ...policy, windowDays: rules.days, horizonDays: h.horizon.days, horizonUntil: h.horizon.until.slice(0, 10) },
        fix: `A window longer than ${h.horizon.days} days can't be judged: shorten the policy's window to at most ${h.horizon.days} days.`,
        measured: { windowDays: rules.days, horizon: h.horizon },
      },
    };
  }
  return { window: countedWindow(h, rules) };
}

/**
 * Requirements 10, 12 and 13 (and the early warning's identities) judge the same history under
 * the same rules: each is worked out once per history object and bot list, and read-only after.
 */
const windows = new WeakMap<HistoryEvidence, WeakMap<BotList, Map<number, ActivityWindow>>>();
const judgedIdentities = new WeakMap<HistoryEvidence, WeakMap<BotList, JudgedIdentities>>();

function countedWindow(h: HistoryEvidence, rules: WindowRules): ActivityWindow {
  let byBots = windows.get(h);
  if (!byBots) windows.set(h, (byBots = new WeakMap()));
  let byDays = byBots.get(rules.bots);
  if (!byDays) byBots.set(rules.bots, (byDays = new Map()));
  let w = byDays.get(rules.days);
  if (!w) byDays.set(rules.days, (w = countWindow(h, rules)));
  return w;
}

function iso(unix: number): string {
  return new Date(unix * 1000).toISOString();
}

/** Each identity of the records judged once: what it is as committed and after .mailmap, bot or not. */
export interface JudgedIdentities {
  /** as committed */
  ident(i: number): Ident;
  /** after .mailmap */
  mapped(i: number): Ident;
  botAsCommitted(i: number): boolean;
  botAfterMailmap(i: number): boolean;
}

export function judgeIdentities(history: HistoryEvidence, bots: BotList): JudgedIdentities {
  let byBots = judgedIdentities.get(history);
  if (!byBots) judgedIdentities.set(history, (byBots = new WeakMap()));
  let judged = byBots.get(bots);
  if (!judged) byBots.set(bots, (judged = identitiesUnder(history, bots)));
  return judged;
}

function identitiesUnder(history: HistoryEvidence, bots: BotList): JudgedIdentities {
  const isBot = botMatcher(bots);
  const ids = history.identities;
  const idents: Ident[] = ids.map(([name, email]) => ({ name, email }));
  const verdicts = new Int8Array(ids.length); // 0: not judged yet, 1: a person, 2: a bot
  const bot = (i: number) => {
    if (verdicts[i] === 0) verdicts[i] = isBot(idents[i]!) ? 2 : 1;
    return verdicts[i] === 2;
  };
  const to = (i: number) => ids[i]![2] ?? i;
  return {
    ident: (i) => idents[i]!,
    mapped: (i) => idents[to(i)]!,
    botAsCommitted: bot,
    botAfterMailmap: (i) => bot(to(i)),
  };
}

/**
 * Counts the window's commits and people. A bot is recognised by the identity it committed with
 * as well as after .mailmap: a .mailmap line that renames it to a person is the repository's
 * say-so, reported and not trusted.
 */
function countWindow(h: HistoryEvidence, rules: WindowRules): ActivityWindow {
  const until = Math.floor(Date.parse(h.horizon.until) / 1000);
  const since = until - rules.days * DAY;
  const who = judgeIdentities(h, rules.bots);
  const people = new PeopleBuilder();
  let commits = 0;
  let botCommits = 0;
  let newestAuthor: number | undefined;
  const renamed = new Map<string, { bot: string; shownAs: string; commits: number }>();
  const noteRenamed = (bot: Ident, shownAs: Ident) => {
    const key = `${bot.name} <${bot.email}>`;
    const r = renamed.get(key);
    if (r) r.commits++;
    else renamed.set(key, { bot: key, shownAs: `${shownAs.name} <${shownAs.email}>`, commits: 1 });
  };
  // records are newest first: the window is a prefix of them
  let inWindow = 0;
  for (const record of h.records) {
    if (record[0]! <= since) break;
    inWindow++;
    const a = record[1]!;
    const author = who.mapped(a);
    const authorIsBot = who.botAsCommitted(a) || who.botAfterMailmap(a);
    if (who.botAsCommitted(a) && !who.botAfterMailmap(a)) noteRenamed(who.ident(a), author);
    if (authorIsBot) botCommits++;
    else {
      commits++;
      people.add(author, 'author');
      newestAuthor ??= a;
    }
    // a trailer naming the commit's own author (or repeating another) adds no one
    const seen = new Set<string>(authorIsBot ? [] : identityKeys(author));
    for (let k = 2; k < record.length; k++) {
      const c = record[k]!;
      const co = who.mapped(c);
      if (who.botAsCommitted(c) || who.botAfterMailmap(c)) {
        if (who.botAsCommitted(c) && !who.botAfterMailmap(c)) noteRenamed(who.ident(c), co);
        continue;
      }
      const keys = identityKeys(co);
      if (keys.some((key) => seen.has(key))) {
        // the author (or an earlier trailer) under another name or e-mail: no second person, but the
        // link between the two identities stands (their other commits are one person's)
        people.link(co);
        continue;
      }
      for (const key of keys) seen.add(key);
      people.add(co, 'co-author');
    }
  }
  let hiddenBySkew = 0;
  for (const [row, floor] of h.reachedThrough ?? []) if (row < inWindow && floor < since) hiddenBySkew++;
  const mergeCommits = h.merges.filter((t) => t > since).length;
  const latestWindowCommit = newestAuthor === undefined ? undefined : h.newestByAuthor[newestAuthor];
  const renamedBots = [...renamed.values()].sort((a, b) => b.commits - a.commits || (a.bot < b.bot ? -1 : 1));
  return {
    window: { since: iso(since), until: iso(until), days: rules.days },
    commits,
    botCommits,
    mergeCommits,
    contributors: people.people(),
    ...(h.latestCommitAt !== undefined ? { latestCommitAt: h.latestCommitAt } : {}),
    ...(h.latestCommit !== undefined ? { latestCommit: h.latestCommit } : {}),
    method: h.method,
    ...(h.walk ? { walk: h.walk } : {}),
    ...(h.walked !== undefined ? { walked: h.walked } : {}),
    ...(h.graphRejected ? { graphRejected: h.graphRejected } : {}),
    identityMethod: 'mailmap+email+noreply+name',
    skewedCommits: h.skewedCommits,
    hiddenBySkew,
    ...(latestWindowCommit ? { latestWindowCommit } : {}),
    mailmap: h.mailmap,
    ...(h.mailmapTruncated ? { mailmapTruncated: true } : {}),
    ...(h.mailmapCut ? { mailmapCut: h.mailmapCut } : {}),
    ...(renamedBots.length ? { botsRenamedByMailmap: renamedBots } : {}),
    ...(h.shallow ? { shallow: { cutAt: h.shallow.cutAt, hidesWindow: cutInside(h.shallow.cutAt, since) } } : {}),
  };
}

/** A shallow clone's cut hides part of the window when it falls after the window's start (or is unknown). */
function cutInside(cutAt: string | null, since: number): boolean {
  return cutAt === null || Date.parse(cutAt) / 1000 > since;
}

/**
 * The evidence's problems as a report shows them under a window of `days`: the shallow clone's
 * cut says whether it falls inside the window (the evidence records only where it is).
 */
export function problemsUnderWindow(evidence: Evidence, days: number): EvidenceProblem[] {
  const h = evidence.history;
  if (!hasRawHistory(h) || !h.shallow) return evidence.problems;
  const until = Math.floor(Date.parse(h.horizon.until) / 1000);
  if (!cutInside(h.shallow.cutAt, until - days * DAY)) return evidence.problems;
  return evidence.problems.map((p) =>
    p.file === SHALLOW_PROBLEM_FILE ? { ...p, message: `${p.message}, inside the activity window` } : p,
  );
}

/** The `file` of the evidence problem a shallow clone gets (src/check/gather.ts). */
export const SHALLOW_PROBLEM_FILE = 'shallow';
