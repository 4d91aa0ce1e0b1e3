// Requirement 11: Core maintainers. Distinct people named as owners in the CODEOWNERS GitHub
// uses and in MAINTAINERS / OWNERS files; a team counts only through the members GitHub resolved;
// the application's maintainer handles are a fallback a person must confirm.
import type { Evidence, EvidenceRef } from '../evidence/types.js';
import { mentionsIn, mergePeople, type PersonRef } from '../evidence/community/people.js';
import { fileRef } from '../evidence/community/locate.js';
import { onlineError } from '../evidence/online/errors.js';
import { defineRule, say } from './rule.js';
import type { RuleMeta } from './types.js';

/** Team members as GitHub resolved them; keys may be written `org/team` or `@org/team`, any case. */
function teamMembers(evidence: Evidence, team: string): string[] | undefined {
  const teams = evidence.online?.github?.teams;
  if (!teams) return undefined;
  const want = team.replace(/^@/, '').toLowerCase();
  for (const [k, v] of Object.entries(teams))
    if (k.replace(/^@/, '').toLowerCase() === want && Array.isArray(v)) return v.filter((x) => typeof x === 'string');
  return undefined;
}

/** Maintainer handles from the application form: a list or free text, with or without @, or profile URLs. */
export function formHandles(form: Record<string, unknown> | undefined): string[] {
  const raw = form?.['maintainers'];
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\n,;]+/) : [];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' && !(item && typeof item === 'object')) continue;
    const text = typeof item === 'string' ? item : JSON.stringify(item);
    const m = mentionsIn(text);
    if (m.logins.length || m.emails.length) out.push(...m.logins.map((l) => `@${l}`), ...m.emails);
    else {
      const bare = /^\s*@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\s*$/.exec(text);
      if (bare) out.push(`@${bare[1]}`);
    }
  }
  return [...new Set(out.map((h) => h.toLowerCase()))];
}

const meta = {
  key: 'core-maintainers',
  automation: 'partial',
  measures:
    "At least {options.min} distinct people named as owners: individual @login or e-mail owners in CODEOWNERS, people in MAINTAINERS / OWNERS files; @org/team owners count only when resolved through the GitHub API. Fallback: the application's maintainer handles (review).",
  messages: {
    enough: '{count} distinct maintainers are named in {sources}: {maintainers}.',
    // what is named when too few are: the opening of the summaries below
    few: 'Only {count} maintainer(s) named in {sources} ({maintainers})',
    none: 'No maintainers are named in CODEOWNERS, MAINTAINERS or OWNERS files',
    teams: '; the team(s) {teams} count only once GitHub resolves their members',
    form: '{named}{teams}; the application names {count} maintainer(s) ({handles}), which a reviewer must confirm.',
    teamsUnresolved: '{named}{teams} (GitHub did not resolve them{error}; a reviewer must check the team members).',
    teamsOffline: '{named}{teams} (run without --offline).',
    tooFew: '{named}; at least {min} are required.',
  },
} as const satisfies RuleMeta;

export const coreMaintainers = defineRule({
  meta,
  options: (z) => z.strictObject({ min: z.number().int().min(0) }),
  evaluate(evidence, { options }) {
    const min = options.min;
    const own = evidence.community.ownership;
    const refs: PersonRef[] = [];
    const evidenceRefs: EvidenceRef[] = [];
    const sources: string[] = [];
    const unresolved: string[] = [];
    const resolvedTeams: Record<string, number> = {};
    const coPath = own.codeowners.file?.path;
    const addTeam = (team: string, source: string) => {
      const members = teamMembers(evidence, team);
      if (members === undefined) {
        if (!unresolved.includes(`@${team}`)) unresolved.push(`@${team}`);
        return;
      }
      resolvedTeams[`@${team}`] = members.length;
      for (const login of members) refs.push({ login: login.replace(/^@/, ''), source: `${source} (@${team})` });
    };
    if (own.codeowners.parsed && coPath) {
      sources.push(coPath);
      for (const o of own.codeowners.parsed.owners) {
        const source = `${coPath}:${o.line}`;
        if (o.kind === 'user') refs.push({ login: o.id, source });
        else if (o.kind === 'email') {
          // a GitHub no-reply address is the login it names
          const login = mentionsIn(o.id).logins[0];
          refs.push(login ? { login, source } : { email: o.id, source });
        } else addTeam(o.id, source);
      }
      const first = own.codeowners.parsed.rules[0];
      if (first) evidenceRefs.push(fileRef(coPath, first.line));
    }
    for (const m of own.maintainers) {
      if (m.people.length === 0 && m.teams.length === 0) continue;
      sources.push(m.path);
      refs.push(...m.people);
      for (const t of m.teams) addTeam(t.id, `${m.path}:${t.line}`);
      const firstLine = Number(m.people[0]?.source.split(':').pop() ?? m.teams[0]?.line ?? 1);
      evidenceRefs.push(fileRef(m.path, firstLine));
    }
    const people = mergePeople(refs);
    const maintainers = people.map((p) => p.display);
    const measured: Record<string, unknown> = { maintainers, count: people.length, required: min, source: sources };
    if (unresolved.length) measured['unresolvedTeams'] = unresolved;
    if (Object.keys(resolvedTeams).length) measured['teams'] = resolvedTeams;
    if (own.unreadable.length) measured['unreadable'] = own.unreadable;
    const list = (xs: string[]) => xs.slice(0, 8).join(', ') + (xs.length > 8 ? ', …' : '');
    if (people.length >= min) {
      return {
        status: 'pass',
        ...say(meta, 'enough', { count: people.length, sources: sources.join(' and '), maintainers: list(maintainers) }),
        measured,
        evidence: evidenceRefs,
      };
    }
    const named = people.length
      ? say(meta, 'few', { count: people.length, sources: sources.join(' and '), maintainers: list(maintainers) }).summary
      : say(meta, 'none').summary;
    const teamNote = unresolved.length ? say(meta, 'teams', { teams: unresolved.join(', ') }).summary : '';
    const fix = `Name at least ${min} maintainers by GitHub login: individual owners in .github/CODEOWNERS (\`* @alice @bob\`) or a MAINTAINERS.md listing each person with their @login.`;
    const handles = formHandles(evidence.form);
    if (handles.length > 0) {
      const all = mergePeople([
        ...refs,
        ...handles.map((h) =>
          h.startsWith('@') ? { login: h.slice(1), source: 'form:maintainers' } : { email: h, source: 'form:maintainers' },
        ),
      ]);
      measured['form'] = handles;
      if (all.length >= min) {
        return {
          status: 'review',
          ...say(meta, 'form', { named, teams: teamNote, count: handles.length, handles: list(handles) }),
          measured: { ...measured, source: [...sources, 'form'] },
          evidence: [...evidenceRefs, { kind: 'form', ref: 'maintainers', detail: handles.join(', ') }],
          fix,
        };
      }
    }
    if (unresolved.length) {
      const error = onlineError(evidence.online, 'github/teams');
      return {
        status: evidence.online ? 'review' : 'unknown',
        ...(evidence.online
          ? say(meta, 'teamsUnresolved', { named, teams: teamNote, error: error ? `: ${error}` : '' })
          : say(meta, 'teamsOffline', { named, teams: teamNote })),
        measured,
        evidence: evidenceRefs,
        fix,
      };
    }
    return { status: 'fail', ...say(meta, 'tooFew', { named, min }), measured, evidence: evidenceRefs, fix };
  },
});
