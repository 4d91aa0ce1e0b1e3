// The offboarding follow-up: some time after a project is retired (and told to remove references
// to the PyTorch Ecosystem), its README is read again and any reference that remains is reported
// with file:line, recorded on the project, and the owners are reminded. Pure: the README text is
// read by the caller (the real checker's evidence, or an injected reader in tests).
import { addDays, type CalendarDate, dateOf } from './calendar.js';
import { notAllowed, ProcessError } from './errors.js';
import type { Ctx, EcosystemReference, Outcome, Project } from './types.js';

/** Days after the retirement (or the previous check) before the README is checked. */
export const OFFBOARDING_CHECK_AFTER_DAYS = 30;
/** Checks that found references before Steward stops reminding (staff can still check by hand). */
export const OFFBOARDING_MAX_CHECKS = 3;
/** References kept per check: a hostile README must not grow the record without bound. */
const MAX_REFERENCES = 50;
const MAX_LINE = 200;

// Wording, badges (shields.io encodes the space as %20 or writes a dash) and the landing pages a
// badge or logo links to. Each pattern is linear in the line's length.
const PATTERNS: { what: string; re: RegExp }[] = [
  { what: 'PyTorch Ecosystem', re: /pytorch(?:[\s_-]|%20)*ecosystem/i },
  { what: 'landscape link', re: /landscape\.pytorch\.org/i },
  { what: 'ecosystem page link', re: /pytorch\.org\/ecosystem/i },
  { what: 'ecosystem badge or logo', re: /\becosystem[-_]?(?:badge|logo)\b/i },
];

/** Files the follow-up reads: README files at the top of the repository. */
export function isReadmePath(path: string): boolean {
  return !path.includes('/') && /^readme(\.[a-z0-9]+)?$/i.test(path);
}

/** Every line of the given files that still refers to the PyTorch Ecosystem. */
export function findEcosystemReferences(files: { path: string; text: string }[]): EcosystemReference[] {
  const found: EcosystemReference[] = [];
  for (const f of files) {
    const lines = f.text.split(/\r?\n/);
    for (let i = 0; i < lines.length && found.length < MAX_REFERENCES; i++) {
      const line = lines[i]!;
      const hit = PATTERNS.find((p) => p.re.test(line));
      if (!hit) continue;
      const text = line.trim();
      found.push({ path: f.path, line: i + 1, what: hit.what, text: text.length > MAX_LINE ? `${text.slice(0, MAX_LINE - 1)}…` : text });
    }
  }
  return found;
}

/** Whether the follow-up is due today: retired on a known date, not yet clean, not given up. */
export function isOffboardingCheckDue(p: Project, today: CalendarDate): boolean {
  if (p.status !== 'RETIRED' || !p.retiredOn) return false;
  const o = p.offboarding;
  if (o?.clean || (o?.checks ?? 0) >= OFFBOARDING_MAX_CHECKS) return false;
  return today >= addDays(o?.lastCheckedOn ?? p.retiredOn, OFFBOARDING_CHECK_AFTER_DAYS);
}

/** Records what a README check found; a reminder goes to the owners when references remain. */
export function applyOffboardingCheck(p: Project, files: { path: string; text: string }[], ctx: Ctx): Outcome<Project> {
  if (ctx.actor.role !== 'staff')
    throw new ProcessError('forbidden', `offboarding check: needs role staff; ${notAllowed(ctx.actor, ['staff'])}`);
  if (p.status !== 'RETIRED') throw new ProcessError('conflict', `offboarding check: project ${p.id} is ${p.status}, expected RETIRED`);
  const today = dateOf(ctx.now);
  const references = findEcosystemReferences(files);
  const clean = references.length === 0;
  const checks = (p.offboarding?.checks ?? 0) + 1;
  const state: Project = { ...p, offboarding: { checks, lastCheckedOn: today, clean, references, files: files.map((f) => f.path) } };
  const notices = clean
    ? []
    : [
        {
          kind: 'offboarding-reminder' as const,
          to: p.contacts,
          data: { projectName: p.name, projectId: p.id, repoUrl: p.repoUrl, references, checkedOn: today },
        },
      ];
  return {
    state,
    notices,
    audit: [
      {
        action: 'offboarding.checked',
        subject: `project:${p.id}`,
        data: { check: checks, clean, files: state.offboarding!.files, references },
      },
    ],
  };
}
