// People named in project files: GitHub logins, teams, e-mails and names, and when two mentions
// are the same person. Shared by the CODEOWNERS and MAINTAINERS readers (requirements 11, 18).
import { uniqueIgnoringCase as uniq } from '../../util/unique.js';
import { groupBySharedKeys, identityKeys, noreplyLoginAsWritten } from '../identity.js';

export interface PersonRef {
  login?: string;
  email?: string;
  name?: string;
  /** path:line it was read from */
  source: string;
}

/** Words that mark a section or comment about people who no longer own the project. */
export const EMERITUS =
  /\b(emeritus|emeriti|emerita|retired|alumni|alumnae|alumnus|former\s+(?:core\s+)?(?:maintainers?|owners?|committers?|members?|reviewers?|approvers?)|inactive\s+(?:maintainers?|owners?|committers?|members?))\b/i;

const LOGIN = /(?<![\w.@/-])@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))(?![\w-]*\/)(?![\w.-]*@)/g;
const TEAM = /(?<![\w.@/-])@([A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9][\w.-]{0,99})/g;
const EMAIL = /(?<![\w.+-])([\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+)/g;
/** github.com/<login> links that are a profile (not a repository page). */
const PROFILE = /github\.com\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/?(?=[\s)\]"'>|,]|$)/gi;
const NOT_USERS = new Set([
  'orgs',
  'sponsors',
  'apps',
  'marketplace',
  'features',
  'topics',
  'settings',
  'about',
  'pricing',
  'login',
  'notifications',
]);

export interface Mentions {
  logins: string[];
  teams: string[];
  emails: string[];
}

/** The logins, teams and e-mails written in a piece of text (no-reply e-mails become logins). */
export function mentionsIn(text: string): Mentions {
  const teams = [...text.matchAll(TEAM)].map((m) => m[1]!);
  const emails: string[] = [];
  const logins: string[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const e = m[1]!;
    const login = noreplyLoginAsWritten(e);
    if (login) logins.push(login);
    else emails.push(e);
  }
  for (const m of text.matchAll(LOGIN)) logins.push(m[1]!);
  for (const m of text.matchAll(PROFILE)) if (!NOT_USERS.has(m[1]!.toLowerCase())) logins.push(m[1]!);
  return { logins: uniq(logins), teams: uniq(teams), emails: uniq(emails) };
}

export interface Person {
  /** how to show them: @login, else the e-mail, else the name */
  display: string;
  logins: string[];
  emails: string[];
  names: string[];
  sources: string[];
}

/**
 * Merges mentions into distinct people: two mentions are one person when they share a login,
 * an e-mail or a case-folded name (the history's rule for contributors, src/evidence/identity.ts).
 */
export function mergePeople(refs: PersonRef[]): Person[] {
  const groups = groupBySharedKeys(refs, identityKeys);
  const people: Person[] = [];
  for (const g of groups) {
    const logins = uniq(g.flatMap((r) => (r.login ? [r.login] : [])));
    const emails = uniq(g.flatMap((r) => (r.email ? [r.email] : [])));
    const names = uniq(g.flatMap((r) => (r.name ? [r.name] : [])));
    const sources = [...new Set(g.map((r) => r.source))];
    const display = logins[0] ? `@${logins[0]}` : (emails[0] ?? names[0] ?? '?');
    people.push({ display, logins, emails, names, sources });
  }
  return people.sort((a, b) =>
    a.display.toLowerCase() < b.display.toLowerCase() ? -1 : a.display.toLowerCase() > b.display.toLowerCase() ? 1 : 0,
  );
}
