// Contributing organisations: how many organisations the people who committed in the window work
// for. A person's organisation is their e-mail's domain (after .mailmap), unless it is a free-mail
// or no-reply domain; then, when GitHub was asked, the company on their GitHub profile. People
// neither tells about are reported, not guessed: they can lift a short count to review, not pass.
import type { Evidence, Person } from '../evidence/types.js';
import type { Outcome, RuleMeta } from './types.js';
import { defineRule, say } from './rule.js';
import type { Policy } from '../policy/types.js';
import { windowOf } from './recent-commits.js';
import { WINDOW_MESSAGES } from './activity-window.js';

const meta = {
  key: 'contributing-organisations',
  automation: 'partial',
  measures:
    "At least {options.min} organisations among the people who committed in the last {shared.windowDays} days: each person's e-mail domain after .mailmap (free-mail and no-reply domains left out), else the company on their GitHub profile when GitHub was asked. People neither places can make a short count review, never a pass.",
  messages: {
    enough: '{count} organisations contributed in the last {days} days: {listed} (at least {min} required){unplaced}.',
    maybe:
      '{count} organisation(s) contributed in the last {days} days{listed}{unplaced}; they may bring the count to {min}, which a reviewer decides.',
    short: '{count} organisation(s) contributed in the last {days} days{listed}; at least {min} are required{unplaced}.',
    unplaced: '; {count} contributor(s) could not be placed (free-mail address, no GitHub company)',
    ...WINDOW_MESSAGES,
  },
} as const satisfies RuleMeta;

/** Domains anyone can get an address at: they say nothing about an employer. */
export const FREE_MAIL_DOMAINS: readonly string[] = [
  'users.noreply.github.com',
  'noreply.github.com',
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'protonmail.com',
  'proton.me',
  'pm.me',
  'tutanota.com',
  'fastmail.com',
  'hey.com',
  'zoho.com',
  'gmx.de',
  'gmx.net',
  'gmx.com',
  'web.de',
  'mail.ru',
  'yandex.ru',
  'yandex.com',
  'qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'sina.com',
  'naver.com',
  'hanmail.net',
  'localhost',
  'localdomain',
  'example.com',
  'users.noreply.gitlab.com',
];

/** Second-level labels under a country code that are not an organisation (`ibm.co.uk` is ibm's). */
const PUBLIC_SECOND_LEVEL = new Set(['co', 'com', 'ac', 'org', 'net', 'edu', 'gov', 'ne', 'or', 'go', 'gob', 'nic']);

/** The registrable part of an e-mail domain: `research.ibm.com` → `ibm.com`, `cs.ox.ac.uk` → `ox.ac.uk`. */
export function organisationDomain(domain: string): string {
  const labels = domain.toLowerCase().replace(/\.+$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const tld = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  const keep = tld.length === 2 && PUBLIC_SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

function isFreeMail(domain: string, freeMail: readonly string[]): boolean {
  const d = domain.toLowerCase();
  return freeMail.some((f) => d === f || d.endsWith(`.${f}`));
}

/** A GitHub profile's company as an organisation name: `@PyTorch`, `Meta Platforms, Inc.` → `pytorch`, `meta platforms`. */
export function companyName(company: string): string | undefined {
  const first = company.split(/[,;/|]|\s+&\s+/)[0] ?? '';
  const name = first
    .trim()
    .replace(/^@/, '')
    .replace(/\b(inc|llc|ltd|gmbh|corp|corporation|co|s\.?a|ag|plc)\.?$/i, '')
    .trim()
    .toLowerCase();
  return name && !/^(none|n\/a|self|freelance|independent|-)$/.test(name) ? name : undefined;
}

export interface OrganisationCount {
  /** the e-mail domain (`ibm.com`), or the company as a profile names it (`hugging face`) */
  name: string;
  /** how it was first told: an e-mail domain, or the GitHub profile's company */
  via: 'email' | 'github';
  people: string[];
  commits: number;
}

export interface OrganisationTally {
  organisations: OrganisationCount[];
  /** people (by name) neither an e-mail domain nor a GitHub profile placed */
  unattributed: string[];
  /** the GitHub logins of those people, where known: whose profiles could tell */
  unplacedLogins: string[];
}

/** What makes two names one organisation: `ibm.com`, `IBM`, `@ibm`, `IBM Research` all give `ibm…`. */
function orgKey(name: string, via: OrganisationCount['via']): string {
  const base = via === 'email' ? name.split('.')[0]! : name;
  return base.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Counts organisations over the window's contributors. `companies`: GitHub login (lower case) → profile company. */
export function tallyOrganisations(
  people: readonly Person[],
  opts: { freeMail?: readonly string[]; companies?: Readonly<Record<string, string>> } = {},
): OrganisationTally {
  const freeMail = opts.freeMail ?? FREE_MAIL_DOMAINS;
  const orgs = new Map<string, OrganisationCount>();
  const unattributed: string[] = [];
  const unplacedLogins: string[] = [];
  const add = (name: string, via: OrganisationCount['via'], p: Person) => {
    let key = orgKey(name, via);
    // a profile's company joins the organisation an e-mail domain already named (`@Huawei` and huawei.com)
    if (via === 'github' && !orgs.has(key)) {
      key = [...orgs.keys()].find((k) => k.length >= 3 && key.length >= 3 && (k.startsWith(key) || key.startsWith(k))) ?? key;
    }
    const o = orgs.get(key) ?? { name, via, people: [], commits: 0 };
    o.people.push(p.name);
    o.commits += p.commits;
    orgs.set(key, o);
  };
  // organisations e-mail domains name come first, so a profile's company can join one of them
  const rest: Person[] = [];
  for (const p of people) {
    // a person with several organisational addresses counts for the first listed
    const domain = p.emails.map((e) => e.slice(e.lastIndexOf('@') + 1)).find((d) => d.includes('.') && !isFreeMail(d, freeMail));
    if (domain) add(organisationDomain(domain), 'email', p);
    else rest.push(p);
  }
  for (const p of rest) {
    const company = p.login ? opts.companies?.[p.login.toLowerCase()] : undefined;
    const name = company ? companyName(company) : undefined;
    if (name) add(name, 'github', p);
    else {
      unattributed.push(p.name);
      if (p.login) unplacedLogins.push(p.login);
    }
  }
  const organisations = [...orgs.values()].sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name));
  return { organisations, unattributed, unplacedLogins };
}

export function judgeContributingOrganisations(evidence: Evidence, policy: Policy, minimum: number): Outcome {
  const judged = windowOf(evidence, policy, meta);
  if ('outcome' in judged) return judged.outcome;
  const h = judged.window;
  const companies = evidence.online?.github?.companies;
  const tally = tallyOrganisations(h.contributors, companies ? { companies } : {});
  const n = tally.organisations.length;
  const method = `e-mail domains after .mailmap (free-mail and no-reply domains left out)${
    companies ? ', then the company on the GitHub profiles of the rest' : evidence.online?.github ? '' : '; GitHub profiles were not asked'
  }`;
  const measured: Record<string, unknown> = {
    organisations: n,
    required: minimum,
    windowDays: h.window.days,
    method,
    byOrganisation: tally.organisations.map((o) => ({ name: o.name, via: o.via, people: o.people.length, commits: o.commits })),
    unattributed: tally.unattributed.length,
  };
  const listed = tally.organisations
    .slice(0, 8)
    .map((o) => `${o.name} (${o.people.length} ${o.people.length === 1 ? 'person' : 'people'}, ${o.commits} commits)`)
    .join(', ');
  // the window's newest counted commit, with who each organisation is: a reference is a commit id
  // (shown by its prefix, linked to the host's commit page), never the window's dates
  const refs =
    h.latestWindowCommit && tally.organisations.length > 0
      ? [
          {
            kind: 'commit' as const,
            ref: h.latestWindowCommit,
            detail: `newest counted commit in the window; ${tally.organisations
              .slice(0, 8)
              .map((o) => `${o.name}: ${o.people.slice(0, 5).join(', ')}`)
              .join('; ')}`,
          },
        ]
      : [];
  const data = {
    count: n,
    days: h.window.days,
    min: minimum,
    unplaced: tally.unattributed.length ? say(meta, 'unplaced', { count: tally.unattributed.length }).summary : '',
  };
  if (n >= minimum) return { status: 'pass', ...say(meta, 'enough', { ...data, listed }), measured, evidence: refs };
  const fix = `Grow contributions from more organisations (at least ${minimum} in the last ${h.window.days} days); contributors can commit with their work address, or .mailmap can map their addresses to it.`;
  const some = n ? `: ${listed}` : '';
  if (n + tally.unattributed.length >= minimum) {
    return { status: 'review', ...say(meta, 'maybe', { ...data, listed: some }), measured, evidence: refs, fix };
  }
  return { status: 'fail', ...say(meta, 'short', { ...data, listed: some }), measured, evidence: refs, fix };
}

export const contributingOrganisations = defineRule({
  meta,
  options: (z) => z.strictObject({ min: z.number().int().min(1) }),
  evaluate: (evidence, { policy, options }) => judgeContributingOrganisations(evidence, policy, options.min),
});
