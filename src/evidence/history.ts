// The history of the evaluated commit over a named horizon (HISTORY_HORIZON_DAYS before asOf), one
// record per commit, and the latest tag. No policy is applied here: windows, bot rules and counts
// belong to the requirements (src/requirements/activity-window.ts), so stored evidence can be
// judged again under another policy and agree with a fresh check.
// The horizon is found exactly, clock skew included, by the first of four walks that can: git's
// own `git log --since` over the commit objects, its edge shown safe by the commit-graph's corrected
// commit dates (since-walk.ts: method `since`, one git process that also reads the authors); the
// commit-graph file with corrected commit dates (stops at the horizon's edge, which those dates
// prove safe: method `since`); the commit-graph file without them (every reachable commit); or a
// streamed `git rev-list` of every reachable commit (no usable graph). After a walk of the graph
// or rev-list, only the horizon's commits are read for authors and Co-authored-by trailers. Each
// identity is mapped through the .mailmap of the evaluated commit (read and parsed here, capped,
// and never handed to git).
import { HISTORY_HORIZON_DAYS, type FileMap, type HistoryEvidence, type TagEvidence } from './types.js';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { git, GitError } from './git/run.js';
import { readBlobAt } from './git/blobs.js';
import { commonGitDir } from './git/common-dir.js';
import { walkWithRevList, type WindowWalk, type WalkBounds } from './git/walk.js';
import { walkCommitGraph } from './git/commit-graph.js';
import { confirmGraphWalk } from './git/graph-confirm.js';
import { openCorrectedDates, type CorrectedDates } from './git/graph-file.js';
import { walkLoggedSince } from './git/since-walk.js';
import { startDetailsReader, type CommitDetails, type DetailsReader } from './git/commit-details.js';
import { InputError } from '../util/errors.js';
import { readTagRefs, readTags, type TagRef } from './git/tags.js';
import { EMPTY_MAILMAP, parseMailmap } from './mailmap.js';
import { buildRecords } from './history-records.js';

const DAY = 86_400;
/** a .mailmap larger than this is not a real one; ignore the rest rather than hold it all */
const MAILMAP_LIMIT = 4 * 1024 * 1024;

/** Reads another part of the check makes too (the early warning reads the tag refs): each started on first call, once. */
export interface HistoryReads {
  mailmap?: () => ReturnType<typeof readMailmap>;
  tagRefs?: () => Promise<TagRef[]>;
}

/**
 * The .mailmap and the tag refs of `commit`, each read once, when first asked for. `rootFiles`: the
 * files the check reads at the repository's root anyway (.mailmap among them), when they will come:
 * a .mailmap read there whole needs no git process of its own (undefined: read it here).
 */
export function sharedReads(cwd: string, commit: string, rootFiles?: Promise<FileMap | undefined>): Required<HistoryReads> {
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
  const mailmap = async () => {
    const known = mailmapIn(rootFiles ? await rootFiles : undefined);
    return known === 'unknown' ? readMailmap(cwd, commit) : known;
  };
  return { mailmap: once(mailmap), tagRefs: once(() => readTagRefs(cwd)) };
}

/**
 * The .mailmap as readMailmap would read it, from the root's files: none when the tree holds no
 * file there; 'unknown' when they hold less than it would (cut at their smaller limit, or a symlink).
 */
function mailmapIn(files: FileMap | undefined): Awaited<ReturnType<typeof readMailmap>> | 'unknown' {
  if (!files) return 'unknown';
  const blob = files['.mailmap'];
  if (!blob) return undefined;
  if (blob.symlinkTarget !== undefined || blob.truncated || blob.size > MAILMAP_LIMIT) return 'unknown';
  return blob.text === undefined ? undefined : { text: blob.text, truncated: false };
}

export async function readHistory(
  cwd: string,
  commit: string,
  asOf: Date,
  shared: HistoryReads = {},
): Promise<{ history: HistoryEvidence; tags: TagEvidence }> {
  const days = HISTORY_HORIZON_DAYS;
  const until = Math.floor(asOf.getTime() / 1000);
  const since = until - days * DAY;
  const bounds: WalkBounds = { since, until };
  const [walk, mailmapText, tags, shallow] = await Promise.all([
    walkHistory(cwd, commit, bounds),
    shared.mailmap ? shared.mailmap() : readMailmap(cwd, commit),
    readTags(cwd, asOf, shared.tagRefs?.()),
    readShallow(cwd),
  ]);
  const mailmap = mailmapText === undefined ? EMPTY_MAILMAP : parseMailmap(mailmapText.text);
  const window = walk.walk.window;
  const records = buildRecords(window, walk.details, mailmap, walk.walk.reachedThrough);
  const latest = walk.walk.latest;
  const history: HistoryEvidence = {
    horizon: { since: iso(since), until: iso(until), days },
    ...records,
    merges: walk.walk.merges,
    ...(latest ? { latestCommitAt: iso(latest.time), latestCommit: latest.commit } : {}),
    method: walk.method,
    walk: walk.source,
    walked: walk.walk.walked,
    ...(walk.rejected ? { graphRejected: walk.rejected } : {}),
    skewedCommits: walk.walk.skewedCommits,
    mailmap: mailmapText !== undefined,
    ...(mailmapText?.truncated || mailmap.cut ? { mailmapTruncated: true } : {}),
    ...(mailmap.cut ? { mailmapCut: mailmap.cut } : {}),
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
  /** the horizon's commits as their objects say (authors, trailers), by each window commit's `at`; none when no commit was read */
  details: CommitDetails | undefined;
}

async function walkHistory(cwd: string, commit: string, bounds: WalkBounds): Promise<Walked> {
  // a graph with corrected dates: git's own --since walk, shown whole by them (since-walk.ts)
  const dates = openCorrectedDatesSafely(cwd);
  if (dates) {
    try {
      const logged = await walkLoggedSince(cwd, commit, bounds, dates);
      if ('walk' in logged) return { walk: logged.walk, source: 'commit-graph', method: 'since', details: logged.details };
    } finally {
      dates.close();
    }
  }
  let rejected: string | undefined;
  // started before either walk, to be fed by it (see commit-details.ts); stopped if unused
  let reader: DetailsReader | undefined = startDetailsReader(cwd);
  try {
    try {
      const fromGraph = await walkCommitGraph(cwd, commit, bounds);
      if (fromGraph) {
        const confirming = reader;
        reader = undefined; // the confirmation finishes or stops it
        const confirmed = await confirmGraphWalk(confirming, fromGraph, bounds.since);
        if ('details' in confirmed)
          return { walk: fromGraph, source: 'commit-graph', method: fromGraph.pruned ? 'since' : 'full-walk', details: confirmed.details };
        rejected = `the commit-graph disagrees with the commit objects: ${confirmed.rejected}`;
      }
    } catch (err) {
      // a graph that contradicts itself or breaks the format mid-walk: git's own walk is the authority
      if (err instanceof GitError || err instanceof InputError) throw err;
      rejected = `the commit-graph could not be read: ${err instanceof Error ? err.message : String(err)}`;
    }
    const details = reader ?? startDetailsReader(cwd);
    reader = details;
    let fed = 0;
    const walk = await walkWithRevList(cwd, commit, bounds, (c) => {
      details.add(c);
      fed++;
    });
    reader = undefined;
    if (fed === 0) details.cancel();
    return {
      walk,
      source: 'rev-list',
      method: 'full-walk',
      ...(rejected ? { rejected } : {}),
      details: fed === 0 ? undefined : await details.finish(),
    };
  } finally {
    reader?.cancel();
  }
}

function openCorrectedDatesSafely(cwd: string): CorrectedDates | undefined {
  try {
    return openCorrectedDates(cwd);
  } catch {
    // unreadable or malformed: the graph walk below says why, or walks with rev-list
    return undefined;
  }
}

/** A shallow clone's cut: the newest commit whose parents were left out (commits before it are missing). */
async function readShallow(cwd: string): Promise<HistoryEvidence['shallow']> {
  // git calls a repository shallow when its common directory holds a `shallow` file: without one, no process
  const common = commonGitDir(cwd);
  if (common && !existsSync(join(common, 'shallow'))) return undefined;
  const [flag = '', path = ''] = (await git(['rev-parse', '--is-shallow-repository', '--git-path', 'shallow'], { cwd })).trim().split('\n');
  if (flag !== 'true') return undefined;
  let ids: string[] = [];
  try {
    ids = readFileSync(resolve(cwd, path), 'latin1')
      .split('\n')
      .filter((l) => /^[0-9a-f]{40,64}$/.test(l));
  } catch {
    // git says shallow but the file is gone: the cut is unknown, so every window may be cut
  }
  if (ids.length === 0) return { cutAt: null };
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
  return { cutAt: newest === undefined ? null : iso(newest) };
}

/** The .mailmap of the evaluated commit, at most MAILMAP_LIMIT bytes of it, streamed (one git process). */
export async function readMailmap(cwd: string, commit: string): Promise<{ text: string; truncated: boolean } | undefined> {
  const blob = await readBlobAt(cwd, commit, '.mailmap', MAILMAP_LIMIT);
  if (blob?.text === undefined) return undefined;
  return { text: blob.text, truncated: blob.truncated === true };
}
