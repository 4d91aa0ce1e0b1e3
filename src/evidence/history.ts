// The activity window from git history (requirements 10, 12, 13) and the latest tag.
// The window is found exactly, clock skew included, by one of three walks: the commit-graph file
// with corrected commit dates (stops at the window's edge, which those dates prove safe: method
// `since`), the commit-graph file without them (every reachable commit), or a streamed
// `git rev-list` of every reachable commit (no usable graph). Then only the window's
// commits are read for authors and Co-authored-by trailers, bots set apart by the identity the
// commit carries, then mapped through the .mailmap of the evaluated commit (read and parsed here,
// capped, and never handed to git) and the identities merged into people.
import type { HistoryEvidence, TagEvidence } from './types.js';
import type { Policy } from '../policy/types.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { git, GitError } from './git/run.js';
import { readBlobAt } from './git/blobs.js';
import { walkWithRevList, type WindowWalk, type WalkBounds } from './git/walk.js';
import { walkCommitGraph } from './git/commit-graph.js';
import { confirmGraphWalk, readCommitDetails, type CommitDetail } from './git/graph-confirm.js';
import { InputError } from '../util/errors.js';
import { readTagRefs, readTags, type TagRef } from './git/tags.js';
import { EMPTY_MAILMAP, parseMailmap, type Ident, type Mailmap } from './mailmap.js';
import { botMatcher, foldName, noreplyLogin, parseCoAuthor, PeopleBuilder } from './identity.js';

const DAY = 86_400;
/** a .mailmap larger than this is not a real one; ignore the rest rather than hold it all */
const MAILMAP_LIMIT = 4 * 1024 * 1024;

/** Reads another part of the check (the early warning) makes too: each started on first call, once. */
export interface HistoryReads {
  mailmap?: () => ReturnType<typeof readMailmap>;
  tagRefs?: () => Promise<TagRef[]>;
}

/** The .mailmap and the tag refs of `commit`, each read once, when first asked for. */
export function sharedReads(cwd: string, commit: string): Required<HistoryReads> {
  const once = <T>(read: () => Promise<T>): (() => Promise<T>) => {
    let p: Promise<T> | undefined;
    return () => {
      if (!p) {
        p = read();
        p.catch(() => undefined); // each caller awaits it; never an unhandled rejection meanwhile
      }
      return p;
    };
  };
  return { mailmap: once(() => readMailmap(cwd, commit)), tagRefs: once(() => readTagRefs(cwd)) };
}

export async function readHistory(
  cwd: string,
  commit: string,
  asOf: Date,
  policy: Policy,
  shared: HistoryReads = {},
): Promise<{ history: HistoryEvidence; tags: TagEvidence }> {
  const days = policy.shared.windowDays;
  const until = Math.floor(asOf.getTime() / 1000);
  const since = until - days * DAY;
  const bounds: WalkBounds = { since, until };
  const [walk, mailmapText, tags, shallow] = await Promise.all([
    walkHistory(cwd, commit, bounds),
    shared.mailmap ? shared.mailmap() : readMailmap(cwd, commit),
    readTags(cwd, asOf, shared.tagRefs?.()),
    readShallow(cwd, since),
  ]);
  const mailmap = mailmapText === undefined ? EMPTY_MAILMAP : parseMailmap(mailmapText.text);
  const counted = await countWindow(cwd, walk, mailmap, policy);
  const latest = walk.walk.latest;
  const history: HistoryEvidence = {
    window: { since: iso(since), until: iso(until), days },
    commits: counted.commits,
    botCommits: counted.botCommits,
    mergeCommits: walk.walk.mergeCommits,
    contributors: counted.people,
    ...(latest ? { latestCommitAt: iso(latest.time), latestCommit: latest.commit } : {}),
    method: walk.method,
    walk: walk.source,
    walked: walk.walk.walked,
    ...(walk.rejected ? { graphRejected: walk.rejected } : {}),
    identityMethod: 'mailmap+email+noreply+name',
    skewedCommits: walk.walk.skewedCommits,
    hiddenBySkew: walk.walk.hiddenBySkew,
    ...(counted.latestWindowCommit ? { latestWindowCommit: counted.latestWindowCommit } : {}),
    mailmap: mailmapText !== undefined,
    ...(mailmapText?.truncated || mailmap.cut ? { mailmapTruncated: true } : {}),
    ...(mailmap.cut ? { mailmapCut: mailmap.cut } : {}),
    ...(counted.renamedBots.length ? { botsRenamedByMailmap: counted.renamedBots } : {}),
    ...(shallow ? { shallow } : {}),
  };
  return { history, tags };
}

function iso(unix: number): string {
  return new Date(unix * 1000).toISOString();
}

interface Walked {
  walk: WindowWalk;
  source: 'commit-graph' | 'rev-list';
  method: HistoryEvidence['method'];
  /** why the repository's commit-graph was not used, when it was there but failed a check */
  rejected?: string;
  /** the commit objects read to confirm a graph walk: the window's authors and trailers among them */
  details?: Map<string, CommitDetail>;
}

async function walkHistory(cwd: string, commit: string, bounds: WalkBounds): Promise<Walked> {
  let rejected: string | undefined;
  try {
    const fromGraph = await walkCommitGraph(cwd, commit, bounds);
    if (fromGraph) {
      const confirmed = await confirmGraphWalk(cwd, commit, fromGraph, bounds.since);
      if ('details' in confirmed)
        return { walk: fromGraph, source: 'commit-graph', method: fromGraph.pruned ? 'since' : 'full-walk', details: confirmed.details };
      rejected = `the commit-graph disagrees with the commit objects: ${confirmed.rejected}`;
    }
  } catch (err) {
    // a graph that contradicts itself or breaks the format mid-walk: git's own walk is the authority
    if (err instanceof GitError || err instanceof InputError) throw err;
    rejected = `the commit-graph could not be read: ${err instanceof Error ? err.message : String(err)}`;
  }
  const walk = await walkWithRevList(cwd, commit, bounds);
  return { walk, source: 'rev-list', method: 'full-walk', ...(rejected ? { rejected } : {}) };
}

/**
 * A shallow clone's cut: the newest commit whose parents were left out, and whether it falls after
 * the window's start (then commits in the window may be missing from the count).
 */
async function readShallow(cwd: string, since: number): Promise<HistoryEvidence['shallow']> {
  const [flag = '', path = ''] = (await git(['rev-parse', '--is-shallow-repository', '--git-path', 'shallow'], { cwd })).trim().split('\n');
  if (flag !== 'true') return undefined;
  let ids: string[] = [];
  try {
    ids = readFileSync(resolve(cwd, path), 'latin1')
      .split('\n')
      .filter((l) => /^[0-9a-f]{40,64}$/.test(l));
  } catch {
    // git says shallow but the file is gone: the cut is unknown, so say it hides the window
  }
  if (ids.length === 0) return { cutAt: null, hidesWindow: true };
  const times = (
    await git(['-c', 'core.commitGraph=false', 'log', '--no-walk=unsorted', '--no-show-signature', '--format=%ct', '--stdin'], {
      cwd,
      input: ids.join('\n') + '\n',
    }).catch(() => '')
  )
    .split('\n')
    .map(Number)
    .filter((t) => t > 0);
  const newest = times.length > 0 ? Math.max(...times) : undefined;
  return { cutAt: newest === undefined ? null : iso(newest), hidesWindow: newest === undefined || newest > since };
}

/** The .mailmap of the evaluated commit, at most MAILMAP_LIMIT bytes of it, streamed (one git process). */
export async function readMailmap(cwd: string, commit: string): Promise<{ text: string; truncated: boolean } | undefined> {
  const blob = await readBlobAt(cwd, commit, '.mailmap', MAILMAP_LIMIT);
  if (blob?.text === undefined) return undefined;
  return { text: blob.text, truncated: blob.truncated === true };
}

interface Counted {
  commits: number;
  botCommits: number;
  people: ReturnType<PeopleBuilder['people']>;
  latestWindowCommit?: string;
  renamedBots: { bot: string; shownAs: string; commits: number }[];
}

/**
 * Reads the window's commits (and only those) for authors and co-authors: from the objects the
 * graph walk was confirmed against, else in one git process.
 */
async function countWindow(
  cwd: string,
  walk: { walk: WindowWalk; details?: Map<string, CommitDetail> },
  mailmap: Mailmap,
  policy: Policy,
): Promise<Counted> {
  const window = walk.walk.window;
  if (window.length === 0) return { commits: 0, botCommits: 0, people: [], renamedBots: [] };
  const details =
    walk.details ??
    (await readCommitDetails(
      cwd,
      window.map((w) => w.commit),
    ));
  const isBot = botMatcher(policy.bots);
  const people = new PeopleBuilder();
  let commits = 0;
  let botCommits = 0;
  let latestWindowCommit: string | undefined;
  const humanOrder = new Map(window.map((w, i) => [w.commit, i]));
  const renamed = new Map<string, { bot: string; shownAs: string; commits: number }>();
  const noteRenamed = (bot: Ident, shownAs: Ident) => {
    const key = `${bot.name} <${bot.email}>`;
    const r = renamed.get(key);
    if (r) r.commits++;
    else renamed.set(key, { bot: key, shownAs: `${shownAs.name} <${shownAs.email}>`, commits: 1 });
  };
  let newest = Infinity;
  for (const { commit: hash } of window) {
    const detail = details.get(hash);
    if (!detail) continue;
    const { name, email, coAuthors: trailers } = detail;
    const raw = { name, email };
    const author = mailmap.map(raw);
    // A bot is recognised by the identity it committed with: a .mailmap line that renames it to a
    // person is the repository's say-so, reported and not trusted.
    const authorIsBot = isBot(raw) || isBot(author);
    if (isBot(raw) && !isBot(author)) noteRenamed(raw, author);
    if (authorIsBot) botCommits++;
    else {
      commits++;
      people.add(author, 'author');
      const order = humanOrder.get(hash) ?? Infinity;
      if (order < newest) {
        newest = order;
        latestWindowCommit = hash;
      }
    }
    // a trailer naming the commit's own author (or repeating another) adds no one
    const seen = new Set<string>(authorIsBot ? [] : identityKeys(author));
    for (const value of trailers) {
      const parsed = parseCoAuthor(value);
      if (!parsed) continue;
      const co = mailmap.map(parsed);
      if (isBot(parsed) || isBot(co)) {
        if (isBot(parsed) && !isBot(co)) noteRenamed(parsed, co);
        continue;
      }
      const keys = identityKeys(co);
      if (keys.some((k) => seen.has(k))) {
        // the author (or an earlier trailer) under another name or e-mail: no second person, but the
        // link between the two identities stands (their other commits are one person's)
        people.link(co);
        continue;
      }
      for (const k of keys) seen.add(k);
      people.add(co, 'co-author');
    }
  }
  return {
    commits,
    botCommits,
    people: people.people(),
    ...(latestWindowCommit ? { latestWindowCommit } : {}),
    renamedBots: [...renamed.values()].sort((a, b) => b.commits - a.commits || (a.bot < b.bot ? -1 : 1)),
  };
}

/** The keys two identities on one commit are the same person by: e-mail, no-reply login, folded name. */
function identityKeys(ident: Ident): string[] {
  const keys: string[] = [];
  if (ident.email) keys.push(`e:${ident.email.toLowerCase()}`);
  const login = noreplyLogin(ident.email);
  if (login) keys.push(`l:${login}`);
  const name = foldName(ident.name);
  if (name) keys.push(`n:${name}`);
  return keys;
}
