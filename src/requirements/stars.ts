// Requirement 14: Stars.
import type { EvidenceRef } from '../evidence/types.js';
import { onlineError } from '../evidence/online/errors.js';
import { defineRule, say } from './rule.js';
import type { RuleMeta } from './types.js';

const meta = {
  key: 'stars',
  automation: 'full',
  measures: 'At least {options.min} stargazers on GitHub (or GitLab); offline: unknown.',
  messages: {
    offline: 'Stars need GitHub; run without --offline.',
    unreadable: 'Stars could not be read from GitHub: {error}',
    noRepository: 'No GitHub repository is known for this project, so its stars could not be read.',
    enough: '{stars} stars on GitHub (at least {min} required).',
    tooFew: '{stars} stars on GitHub; at least {min} are required ({missing} more).',
  },
} as const satisfies RuleMeta;

export const stars = defineRule({
  meta,
  options: (z) => z.strictObject({ min: z.number().int().min(0) }),
  evaluate(evidence, { options }) {
    const min = options.min;
    const online = evidence.online;
    if (!online || online.offline) {
      return { status: 'unknown', ...say(meta, 'offline'), measured: { required: min }, evidence: [] };
    }
    const error = onlineError(online, 'github/repo', 'github', 'gitlab');
    if (error !== undefined) {
      return { status: 'unknown', ...say(meta, 'unreadable', { error }), measured: { required: min }, evidence: [] };
    }
    if (!online.github) {
      return {
        status: 'unknown',
        ...say(meta, 'noRepository'),
        measured: { required: min },
        evidence: [],
        fix: 'Check the project by its GitHub URL (steward check https://github.com/OWNER/NAME) or add a GitHub remote.',
      };
    }
    const stars = online.github.stars;
    const slug = evidence.repo.slug;
    const refs: EvidenceRef[] = [
      { kind: 'api', ref: slug ? `GET /repos/${slug}` : 'GET /repos/{owner}/{repo}', detail: `stargazers_count ${stars}` },
    ];
    if (stars >= min) {
      return {
        status: 'pass',
        ...say(meta, 'enough', { stars, min }),
        measured: { stars, required: min },
        evidence: refs,
      };
    }
    return {
      status: 'fail',
      ...say(meta, 'tooFew', { stars, min, missing: min - stars }),
      measured: { stars, required: min },
      evidence: refs,
      fix: `Grow the project's visibility until it has ${min} stargazers, then apply again.`,
    };
  },
});
