// Who maintains a repository, read from its history: the people with the most commits in the year
// to the evaluated date are its maintainers; people who carried a real share of the work before
// that year and none in it are its emeritus maintainers. GitHub logins come from no-reply
// addresses (or the hosting API's author map when the check was online), never from guessing;
// e-mail addresses are never written anywhere.
import type { Evidence } from '../evidence/types.js';
import type { Policy } from '../policy/types.js';
import { gitLines } from '../evidence/git/run.js';
import { botMatcher, foldName, noreplyLoginAsWritten } from '../evidence/identity.js';

export interface Maintainer {
  name: string;
  /** GitHub login, when known */
  login?: string;
  /** non-merge commits in the year to asOf */
  commitsLastYear: number;
  /** non-merge commits before that year */
  commitsBefore: number;
}

export interface Maintainers {
  current: Maintainer[];
  emeritus: Maintainer[];
  /** the year counted: [since, until] */
  since: string;
  until: string;
  /** commits by people (not bots) in that year */
  yearCommits: number;
}

/** A maintainer carries at least this share of the year's commits (and at least MIN_COMMITS). */
export const MAINTAINER_SHARE = 0.1;
export const MIN_COMMITS = 2;
export const MAX_MAINTAINERS = 7;

const YEAR_MS = 365 * 86_400_000;

interface Tally {
  name: string;
  logins: Map<string, number>;
  lastYear: number;
  before: number;
}

/** Tallies every non-merge, non-bot commit reachable from the evaluated commit up to asOf, by person (.mailmap applied, folded name). */
async function tally(evidence: Evidence, policy: Policy): Promise<{ people: Tally[]; sinceMs: number }> {
  const until = new Date(evidence.asOf).getTime();
  const sinceMs = until - YEAR_MS;
  const isBot = botMatcher(policy.bots);
  const authors = evidence.online?.github?.authors ?? {};
  const byKey = new Map<string, Tally>();
  await gitLines(
    ['log', '--no-merges', '--use-mailmap', '--no-show-signature', '--format=%aN%x00%aE%x00%ct', evidence.repo.commit, '--'],
    { cwd: evidence.repo.root },
    (line) => {
      const [name = '', email = '', ct = ''] = line.split('\0');
      const t = Number(ct) * 1000;
      if (!name && !email) return;
      if (t > until || isBot({ name, email })) return;
      const login = noreplyLoginAsWritten(email) ?? authors[email] ?? authors[email.toLowerCase()];
      const key = login ? `login:${login.toLowerCase()}` : `name:${foldName(name)}`;
      let p = byKey.get(key);
      if (!p) byKey.set(key, (p = { name, logins: new Map(), lastYear: 0, before: 0 }));
      if (login) p.logins.set(login, (p.logins.get(login) ?? 0) + 1);
      if (t > sinceMs) p.lastYear++;
      else p.before++;
    },
  );
  // one person may have committed under a login and without one: join them by folded name
  const merged = new Map<string, Tally>();
  for (const p of byKey.values()) {
    const k = foldName(p.name);
    const q = merged.get(k);
    if (!q) merged.set(k, p);
    else {
      q.lastYear += p.lastYear;
      q.before += p.before;
      for (const [l, n] of p.logins) q.logins.set(l, (q.logins.get(l) ?? 0) + n);
    }
  }
  return { people: [...merged.values()], sinceMs };
}

function toMaintainer(p: Tally): Maintainer {
  const login = [...p.logins.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  return { name: p.name, ...(login ? { login } : {}), commitsLastYear: p.lastYear, commitsBefore: p.before };
}

const byCommits = (k: 'lastYear' | 'before') => (a: Tally, b: Tally) => b[k] - a[k] || (a.name < b.name ? -1 : 1);

export async function readMaintainers(evidence: Evidence, policy: Policy): Promise<Maintainers> {
  const { people, sinceMs } = await tally(evidence, policy);
  const yearCommits = people.reduce((n, p) => n + p.lastYear, 0);
  const active = people.filter((p) => p.lastYear > 0).sort(byCommits('lastYear'));
  let current = active.filter((p) => p.lastYear >= MIN_COMMITS && p.lastYear >= yearCommits * MAINTAINER_SHARE).slice(0, MAX_MAINTAINERS);
  // two maintainers are what requirement 11 asks: the two most active when fewer carry a share
  if (current.length < 2) current = active.filter((p) => p.lastYear >= MIN_COMMITS).slice(0, 2);
  const beforeTotal = people.reduce((n, p) => n + p.before, 0);
  const emeritus = people
    .filter((p) => p.lastYear === 0 && p.before >= MIN_COMMITS && p.before >= beforeTotal * MAINTAINER_SHARE)
    .sort(byCommits('before'))
    .slice(0, MAX_MAINTAINERS);
  return {
    current: current.map(toMaintainer),
    emeritus: emeritus.map(toMaintainer),
    since: new Date(sinceMs).toISOString(),
    until: evidence.asOf,
    yearCommits,
  };
}
