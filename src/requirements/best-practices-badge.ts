// OpenSSF Best Practices badge: the project the README's badge links to has reached the level
// the stage asks for (passing, silver, gold), as the site's public JSON says. Offline: unknown.
import type { Evidence, EvidenceRef } from '../evidence/types.js';
import type { Outcome, RuleMeta } from './types.js';
import { defineRule, say } from './rule.js';
import { onlineError } from '../evidence/online/errors.js';

export const BADGE_LEVELS = ['passing', 'silver', 'gold'] as const;
export type BadgeLevel = (typeof BADGE_LEVELS)[number];

const SITE = 'https://www.bestpractices.dev';

const meta = {
  key: 'best-practices-badge',
  automation: 'full',
  measures:
    "The OpenSSF Best Practices project the README's badge links to (bestpractices.dev/projects/<id>) holds at least the {options.level} badge, as the site's public JSON says (`badge_level`); offline: unknown.",
  messages: {
    offline: 'The badge level needs the OpenSSF Best Practices site; run without --offline.',
    notAsked: 'The OpenSSF Best Practices site was not asked.',
    noLink: 'The README links no OpenSSF Best Practices badge (bestpractices.dev/projects/<id>).',
    staleLink: "The README's badge names project {projectId}, which the OpenSSF Best Practices site does not have.",
    unreadable: 'The badge of project {projectId} could not be read: {error}',
    reached: 'OpenSSF Best Practices project {projectId}{name} holds the {level} badge ({required} required).',
    below: 'OpenSSF Best Practices project {projectId}{name} is at {levelText}{progress}; the {required} badge is required.',
  },
} as const satisfies RuleMeta;

/** 0 for in_progress (or anything the site may add), then 1–3. */
function rank(level: string | undefined): number {
  return BADGE_LEVELS.indexOf(level as BadgeLevel) + 1;
}

/** The README line the badge link is on, from `README.md:12`. */
function readmeRef(foundIn: string | undefined, projectId: number): EvidenceRef {
  const m = /^(.*):(\d+)$/.exec(foundIn ?? '');
  return { kind: 'file', ref: m ? m[1]! : 'README', ...(m ? { line: Number(m[2]) } : {}), detail: `badge project ${projectId}` };
}

export function judgeBestPracticesBadge(evidence: Evidence, required: BadgeLevel): Outcome {
  const online = evidence.online;
  const fixMissing = `Register the project at ${SITE}, meet the ${required} criteria, and add the badge to the README (a link to ${SITE}/projects/<id>).`;
  if (!online || online.offline) return { status: 'unknown', ...say(meta, 'offline'), measured: { required }, evidence: [] };
  const bp = online.bestPractices;
  if (!bp) return { status: 'unknown', ...say(meta, 'notAsked'), measured: { required }, evidence: [] };
  if (bp.projectId === undefined) {
    return { status: 'fail', ...say(meta, 'noLink'), measured: { required, projectId: null }, evidence: [], fix: fixMissing };
  }
  const projectId = bp.projectId;
  const refs: EvidenceRef[] = [readmeRef(bp.foundIn, projectId)];
  if (bp.notFound) {
    return {
      status: 'fail',
      ...say(meta, 'staleLink', { projectId }),
      measured: { required, projectId },
      evidence: refs,
      fix: `Point the README's badge at the project's entry on ${SITE}. ${fixMissing}`,
    };
  }
  const error = onlineError(online, 'bestpractices');
  if (error !== undefined || bp.badgeLevel === undefined) {
    return {
      status: 'unknown',
      ...say(meta, 'unreadable', { projectId, error: error ?? 'no level given' }),
      measured: { required, projectId },
      evidence: refs,
    };
  }
  refs.push({
    kind: 'api',
    ref: bp.url ?? `${SITE}/projects/${projectId}.json`,
    detail: `badge_level ${bp.badgeLevel}${bp.tieredPercentage !== undefined ? `, tiered_percentage ${bp.tieredPercentage}` : ''}`,
  });
  const measured = {
    required,
    projectId,
    level: bp.badgeLevel,
    ...(bp.tieredPercentage !== undefined ? { tieredPercentage: bp.tieredPercentage } : {}),
  };
  const name = bp.name ? ` (${bp.name})` : '';
  if (rank(bp.badgeLevel) >= rank(required)) {
    return { status: 'pass', ...say(meta, 'reached', { projectId, name, level: bp.badgeLevel, required }), measured, evidence: refs };
  }
  return {
    status: 'fail',
    ...say(meta, 'below', {
      projectId,
      name,
      levelText: bp.badgeLevel === 'in_progress' ? 'no badge yet (in progress)' : `the ${bp.badgeLevel} badge`,
      progress: bp.tieredPercentage !== undefined ? `; ${bp.tieredPercentage}% on the site's 0–300 scale` : '',
      required,
    }),
    measured,
    evidence: refs,
    fix: `Meet the remaining ${required} criteria at ${SITE}/projects/${projectId}.`,
  };
}

export const bestPracticesBadge = defineRule({
  meta,
  options: (z) => z.strictObject({ level: z.enum(BADGE_LEVELS) }),
  evaluate: (evidence, { options }) => judgeBestPracticesBadge(evidence, options.level),
});
