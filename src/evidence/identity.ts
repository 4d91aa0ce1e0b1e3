// Who is who among commit identities: identities are merged into people when they share a
// lower-cased e-mail, a GitHub no-reply login or a folded name (union-find over those keys, so A~B
// by e-mail and B~C by name make one person of all three). Which identities are bots is the
// policy's to say (src/requirements/bots.ts).
import type { Person } from './types.js';
import type { Ident } from './mailmap.js';

const NOREPLY = '@users.noreply.github.com';

/** `12345+OctoCat@users.noreply.github.com` and `OctoCat@users.noreply.github.com` → `OctoCat` (as written). */
export function noreplyLoginAsWritten(email: string): string | undefined {
  const text = email.trim();
  if (text.length <= NOREPLY.length || text.slice(-NOREPLY.length).toLowerCase() !== NOREPLY) return undefined;
  const local = text.slice(0, -NOREPLY.length);
  const plus = local.indexOf('+');
  const login = plus >= 0 && /^\d+$/.test(local.slice(0, plus)) ? local.slice(plus + 1) : local;
  return login || undefined;
}

/** `12345+login@users.noreply.github.com` and `login@users.noreply.github.com` → `login` (lower-cased). */
export function noreplyLogin(email: string): string | undefined {
  return noreplyLoginAsWritten(email)?.toLowerCase();
}

/** Case-folded, whitespace-collapsed: `  Jane   DOE ` → `jane doe`. */
export function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase().split(/\s+/).filter(Boolean).join(' ');
}

interface Seen {
  name: string;
  email: string;
  commits: number;
  author: boolean;
  coAuthor: boolean;
}

/** Collects identities (after .mailmap, bots already left out) and merges them into people. */
export class PeopleBuilder {
  private readonly idents = new Map<string, Seen>();

  add(ident: Ident, role: 'author' | 'co-author'): void {
    const name = ident.name.trim();
    const email = ident.email.trim();
    if (!name && !email) return;
    const key = `${name}\n${email}`;
    let seen = this.idents.get(key);
    if (!seen) {
      seen = { name, email, commits: 0, author: false, coAuthor: false };
      this.idents.set(key, seen);
    }
    seen.commits++;
    if (role === 'author') seen.author = true;
    else seen.coAuthor = true;
  }

  /**
   * An identity seen only as the same person as a commit's author (a Co-authored-by trailer that
   * shares the author's name or e-mail): no commit of its own, but it links the two identities.
   */
  link(ident: Ident): void {
    const name = ident.name.trim();
    const email = ident.email.trim();
    if (!name && !email) return;
    const key = `${name}\n${email}`;
    if (!this.idents.has(key)) this.idents.set(key, { name, email, commits: 0, author: false, coAuthor: false });
  }

  people(): Person[] {
    const groups = groupBySharedKeys([...this.idents.values()], (s) => identityKeys({ email: s.email, name: s.name }));
    const people: Person[] = [];
    for (const members of groups) {
      // the identity with the most commits names the person; ties go to the alphabetically first
      members.sort((a, b) => b.commits - a.commits || cmp(a.name, b.name) || cmp(a.email, b.email));
      const emails = [...new Set(members.map((m) => m.email.toLowerCase()).filter(Boolean))].sort(cmp);
      const login = members.map((m) => noreplyLogin(m.email)).find((l) => l !== undefined);
      const author = members.some((m) => m.author);
      const coAuthor = members.some((m) => m.coAuthor);
      people.push({
        name: members.find((m) => m.name)?.name ?? members[0]!.email,
        emails,
        ...(login ? { login } : {}),
        commits: members.reduce((n, m) => n + m.commits, 0),
        via: author && coAuthor ? 'both' : author ? 'author' : 'co-author',
      });
    }
    return people.sort(
      (a, b) => b.commits - a.commits || cmp(a.name.toLowerCase(), b.name.toLowerCase()) || cmp(a.emails.join(), b.emails.join()),
    );
  }
}

/**
 * The keys on which two mentions of someone are the same person: the lower-cased e-mail, the
 * GitHub login (given, or read from a no-reply e-mail) and the folded name.
 */
export function identityKeys(who: { email?: string; login?: string; name?: string }): string[] {
  const keys: string[] = [];
  if (who.email) keys.push(`e:${who.email.toLowerCase()}`);
  if (who.login) keys.push(`l:${who.login.toLowerCase()}`);
  const noreply = who.email ? noreplyLogin(who.email) : undefined;
  if (noreply && noreply !== who.login?.toLowerCase()) keys.push(`l:${noreply}`);
  const folded = who.name ? foldName(who.name) : '';
  if (folded) keys.push(`n:${folded}`);
  return keys;
}

/**
 * Items that share a key, directly or through others, in one group (union-find, so A~B by e-mail
 * and B~C by name make one group of all three). Groups come in the order of their first item and
 * keep the items' order.
 */
export function groupBySharedKeys<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const owner = new Map<string, number>();
  items.forEach((item, i) => {
    for (const k of keysOf(item)) {
      const j = owner.get(k);
      if (j === undefined) owner.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(item);
    else groups.set(root, [item]);
  });
  return [...groups.values()];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Parses a `Co-authored-by:` value, `Name <email>`; a bare name is kept with no e-mail. */
export function parseCoAuthor(value: string): Ident | undefined {
  const text = value.trim();
  const open = text.lastIndexOf('<');
  const close = text.lastIndexOf('>');
  if (open >= 0 && close > open) {
    const name = text.slice(0, open).trim();
    const email = text.slice(open + 1, close).trim();
    if (!name && !email) return undefined;
    return { name, email };
  }
  return text ? { name: text, email: '' } : undefined;
}
