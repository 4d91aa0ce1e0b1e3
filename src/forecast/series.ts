// What the early warning reads from git: the commits of the last year and a window (committer
// time, person), and every tag with its date. One `git log` bounded by --since, started beside the
// evidence walk; merges and bots are left out as requirement 13 leaves them out.
import { gitLines } from '../evidence/git/run.js';
import { readMailmap } from '../evidence/history.js';
import { botMatcher, foldName, noreplyLogin } from '../evidence/identity.js';
import { parseMailmap } from '../evidence/mailmap.js';
import { readTagRefs, type TagRef } from '../evidence/git/tags.js';
import type { Policy } from '../policy/types.js';
import { DAY_MS, type Commit } from './trend.js';

export interface TagDate {
  name: string;
  date: string;
}

/** Reads the activity window makes too, started on first call and shared (see sharedReads in history.ts). */
export interface SharedReads {
  mailmap?: () => ReturnType<typeof readMailmap>;
  tagRefs?: () => Promise<TagRef[]>;
}

export async function readCommitSeries(
  cwd: string,
  commit: string,
  asOf: Date,
  policy: Policy,
  days: number,
  shared: SharedReads = {},
): Promise<Commit[]> {
  const until = asOf.getTime();
  const since = until - days * DAY_MS;
  // A year's history holds tens of thousands of commits but only hundreds or thousands of
  // identities: each distinct (name, e-mail) is judged and mapped once, after the log.
  const identities = new Map<string, number>();
  const times: number[] = [];
  const who: number[] = [];
  // core.commitGraph=false: the graph file is repository content (forgeable, or corrupt enough
  // for git to die on it); the commit objects are the authority, as for the activity window
  const log = gitLines(
    [
      '-c',
      'core.commitGraph=false',
      '-c',
      'log.mailmap=false',
      'log',
      '--no-merges',
      '--no-mailmap',
      '--no-show-signature',
      `--since=${Math.floor(since / 1000)}`,
      '--format=%ct%x00%an%x00%ae',
      commit,
      '--',
    ],
    { cwd },
    (line) => {
      const cut = line.indexOf('\0');
      if (cut < 0) return;
      const t = Number(line.slice(0, cut)) * 1000;
      if (!Number.isFinite(t) || t <= since || t > until) return;
      const key = line.slice(cut + 1);
      let id = identities.get(key);
      if (id === undefined) {
        id = identities.size;
        identities.set(key, id);
      }
      times.push(t);
      who.push(id);
    },
  );
  // The .mailmap as committed, capped and parsed here, as for the activity window: git is told not
  // to load it (a 48 MB .mailmap made git itself slow), and a bot is recognised before mapping.
  // It is read beside the git log (the longest process of a check, started first), not before it.
  const mailmapText = shared.mailmap ? shared.mailmap() : readMailmap(cwd, commit);
  mailmapText.catch(() => undefined); // awaited below
  await log;
  const text = await mailmapText;
  const mailmap = parseMailmap(text?.text ?? '');
  const isBot = botMatcher(policy.bots);
  /** the person each identity is, or undefined for a bot (as committed or after mapping) */
  const person: (string | undefined)[] = [];
  for (const key of identities.keys()) {
    const [rawName = '', rawEmail = ''] = key.split('\0');
    const raw = { name: rawName, email: rawEmail };
    if (isBot(raw)) {
      person.push(undefined);
      continue;
    }
    const { name, email } = mailmap.map(raw);
    if (isBot({ name, email })) {
      person.push(undefined);
      continue;
    }
    const login = noreplyLogin(email);
    person.push(login ? `login:${login}` : email ? `email:${email.toLowerCase()}` : `name:${foldName(name)}`);
  }
  // oldest first: git log printed newest first, and the series sorts by time (nearly sorted: fast)
  const out: Commit[] = [];
  for (let i = times.length - 1; i >= 0; i--) {
    const p = person[who[i]!];
    if (p !== undefined) out.push({ t: times[i]!, who: p });
  }
  return out;
}

/** Tags dated at or before asOf (tagger date, else the commit's), oldest first. */
export async function readTagDates(cwd: string, asOf: Date, refs?: () => Promise<TagRef[]>): Promise<TagDate[]> {
  const limit = asOf.getTime();
  const out: TagDate[] = [];
  for (const ref of await (refs ? refs() : readTagRefs(cwd))) {
    const ms = Number(ref.creatorDate) * 1000;
    if (ref.name && Number.isFinite(ms) && ms <= limit) out.push({ name: ref.name, date: new Date(ms).toISOString() });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : 1));
}
