// What the early warning reads from git: the commits of the last year and a window (committer
// time, person), and every tag with its date. One `git log` bounded by --since, started beside the
// evidence walk; merges and bots are left out as requirement 13 leaves them out.
import { gitLines } from '../evidence/git/run.js';
import { readMailmap } from '../evidence/history.js';
import { botMatcher, foldName, noreplyLogin } from '../evidence/identity.js';
import { parseMailmap } from '../evidence/mailmap.js';
import type { Policy } from '../policy/types.js';
import { DAY_MS, type Commit } from './trend.js';

export interface TagDate {
  name: string;
  date: string;
}

export async function readCommitSeries(cwd: string, commit: string, asOf: Date, policy: Policy, days: number): Promise<Commit[]> {
  const until = asOf.getTime();
  const since = until - days * DAY_MS;
  const isBot = botMatcher(policy.bots);
  const out: Commit[] = [];
  // the .mailmap as committed, capped and parsed here, as for the activity window: git is told not
  // to load it (a 48 MB .mailmap made git itself slow), and a bot is recognised before mapping
  const text = await readMailmap(cwd, commit);
  const mailmap = parseMailmap(text?.text ?? '');
  // core.commitGraph=false: the graph file is repository content (forgeable, or corrupt enough
  // for git to die on it); the commit objects are the authority, as for the activity window
  await gitLines(
    ['-c', 'core.commitGraph=false', '-c', 'log.mailmap=false', 'log', '--no-merges', '--no-mailmap', '--no-show-signature', `--since=${Math.floor(since / 1000)}`, '--format=%ct%x00%an%x00%ae', commit, '--'],
    { cwd },
    (line) => {
      const [ct = '', rawName = '', rawEmail = ''] = line.split('\0');
      const t = Number(ct) * 1000;
      const raw = { name: rawName, email: rawEmail };
      if (!Number.isFinite(t) || t <= since || t > until || isBot(raw)) return;
      const { name, email } = mailmap.map(raw);
      if (isBot({ name, email })) return;
      const login = noreplyLogin(email);
      out.push({ t, who: login ? `login:${login}` : email ? `email:${email.toLowerCase()}` : `name:${foldName(name)}` });
    },
  );
  return out;
}

/** Tags dated at or before asOf (tagger date, else the commit's), oldest first. */
export async function readTagDates(cwd: string, asOf: Date): Promise<TagDate[]> {
  const limit = asOf.getTime();
  const out: TagDate[] = [];
  await gitLines(['for-each-ref', '--format=%(refname:strip=2)%00%(creatordate:unix)', 'refs/tags'], { cwd }, (line) => {
    const [name, t] = line.split('\0');
    const ms = Number(t) * 1000;
    if (name && Number.isFinite(ms) && ms <= limit) out.push({ name, date: new Date(ms).toISOString() });
  });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : 1));
}
