// A repository's .mailmap (gitmailmap(5)), parsed by us rather than by `git --use-mailmap`, so the
// same mapping applies to commit authors and to Co-authored-by trailers (which git never maps),
// and nothing from the user's own git config (mailmap.file) can change a check's result.
import { Deadline, type ParseCut } from './budget.js';

export interface Ident {
  name: string;
  email: string;
}

interface Entry {
  properName?: string;
  properEmail?: string;
}

export interface Mailmap {
  /** entries that matched nothing are absent: map() returns the input unchanged */
  size: number;
  map(ident: Ident): Ident;
  /** the parse ran out of its time budget here: later lines were not read */
  cut?: ParseCut;
}

/** Splits `Name <email> rest` into the text before `<`, the e-mail, and what follows `>`. */
function takeAddress(text: string): { before: string; email: string; after: string } | undefined {
  const open = text.indexOf('<');
  if (open < 0) return undefined;
  const close = text.indexOf('>', open + 1);
  if (close < 0) return undefined;
  return { before: text.slice(0, open).trim(), email: text.slice(open + 1, close).trim(), after: text.slice(close + 1) };
}

/**
 * Parses .mailmap text. Lines git itself would ignore (no `<email>`, comments) are skipped; the
 * four forms are: `Proper <commit>`, `<proper> <commit>`, `Proper <proper> <commit>` and
 * `Proper <proper> Commit Name <commit>`.
 */
export function parseMailmap(text: string, deadline: Deadline = new Deadline()): Mailmap {
  // commit e-mail (lower-cased) → entry for any name, and entries for specific commit names
  const byEmail = new Map<string, Entry>();
  const byEmailAndName = new Map<string, Entry>();
  let size = 0;
  let cut: ParseCut | undefined;
  let lineNo = 0;
  for (const raw of text.split('\n')) {
    lineNo++;
    if (deadline.expired()) {
      cut = { line: lineNo, budgetMs: deadline.ms };
      break;
    }
    const line = raw.trimStart();
    if (line === '' || line.startsWith('#')) continue;
    const first = takeAddress(line);
    if (!first) continue;
    const second = takeAddress(first.after);
    let entry: Entry;
    let commitEmail: string;
    let commitName = '';
    if (!second) {
      // `Proper Name <commit@email>`: only the name is replaced
      if (!first.before) continue;
      entry = { properName: first.before };
      commitEmail = first.email;
    } else {
      entry = {
        ...(first.before ? { properName: first.before } : {}),
        ...(first.email ? { properEmail: first.email } : {}),
      };
      commitEmail = second.email;
      commitName = second.before;
    }
    const key = commitEmail.toLowerCase();
    if (commitName) {
      byEmailAndName.set(`${key}\n${commitName.toLowerCase()}`, merge(byEmailAndName.get(`${key}\n${commitName.toLowerCase()}`), entry));
    } else {
      byEmail.set(key, merge(byEmail.get(key), entry));
    }
    size++;
  }
  return {
    size,
    ...(cut ? { cut } : {}),
    map(ident: Ident): Ident {
      if (size === 0) return ident;
      const key = ident.email.toLowerCase();
      // an entry naming the commit name as well is more specific and wins
      const entry = byEmailAndName.get(`${key}\n${ident.name.toLowerCase()}`) ?? byEmail.get(key);
      if (!entry) return ident;
      return { name: entry.properName ?? ident.name, email: entry.properEmail ?? ident.email };
    },
  };
}

/** Later lines add to earlier ones for the same commit identity (git behaves the same way). */
function merge(old: Entry | undefined, next: Entry): Entry {
  return old ? { ...old, ...next } : next;
}

export const EMPTY_MAILMAP: Mailmap = { size: 0, map: (ident) => ident };
