// The policy's bot rules, applied when the history is judged (never while it is gathered): an
// identity is an automation account by its `[bot]` suffix, or by the names, e-mails and patterns
// the policy lists (`bots:`), so amending that list re-judges stored evidence.
import type { Ident } from '../evidence/mailmap.js';
import { noreplyLogin } from '../evidence/identity.js';

export interface BotList {
  names: string[];
  emails: string[];
  /** regular expressions (case-insensitive) for automation accounts by what they are */
  patterns?: string[];
}

/** `Facebook GitHub Bot`, `facebook-github-bot`, `facebook_github_bot` → `facebookgithubbot`. */
function squash(s: string): string {
  return s.toLowerCase().replace(/[\s._-]+/g, '');
}

/**
 * A compiled bot test: `[bot]` suffixes on name or login; the policy's names (written with any
 * spaces, dots, dashes or underscores) matched against the name, the no-reply login and the
 * e-mail's local part; its e-mails; and its patterns, tried on the name, the login and the e-mail.
 */
export function botMatcher(bots: BotList): (ident: Ident) => boolean {
  const names = new Set(bots.names.map(squash).filter(Boolean));
  const emails = new Set(bots.emails.map((e) => e.trim().toLowerCase()));
  const patterns = (bots.patterns ?? []).map((p) => new RegExp(p, 'i'));
  return (ident) => {
    const name = ident.name.trim().toLowerCase();
    const email = ident.email.trim().toLowerCase();
    if (name.endsWith('[bot]') || names.has(squash(name)) || emails.has(email)) return true;
    const login = noreplyLogin(email);
    if (login !== undefined && (login.endsWith('[bot]') || names.has(squash(login)))) return true;
    // an account's own address: facebook-github-bot@…, pytorchbot@…
    const at = email.lastIndexOf('@');
    if (at > 0 && login === undefined && names.has(squash(email.slice(0, at)))) return true;
    return patterns.some((re) => re.test(name) || (login !== undefined && re.test(login)) || (email !== '' && re.test(email)));
  };
}
