// Every rule the checker has, one module each. A policy (data/policies/*.yml) lists the ones it
// applies, with its own numbers and words; this list only makes them known by key.
import type { Rule } from './types.js';
import { pytorchSupport } from './pytorch-support.js';
import { workingCi } from './working-ci.js';
import { governance } from './governance.js';
import { userExperience } from './user-experience.js';
import { quickStart } from './quick-start.js';
import { documentation } from './documentation.js';
import { permissiveLicense } from './permissive-license.js';
import { functionalTesting } from './functional-testing.js';
import { packages } from './packages.js';
import { ongoingMaintenance } from './ongoing-maintenance.js';
import { coreMaintainers } from './core-maintainers.js';
import { activeContributors } from './active-contributors.js';
import { recentCommits } from './recent-commits.js';
import { stars } from './stars.js';
import { licenseFile } from './license-file.js';
import { readme } from './readme.js';
import { contributing } from './contributing.js';
import { codeowners } from './codeowners.js';
import { codeOfConduct } from './code-of-conduct.js';
import { osiLicense } from './osi-license.js';
import { bestPracticesBadge } from './best-practices-badge.js';
import { releaseProcess } from './release-process.js';
import { supportFile } from './support-file.js';
import { securityPolicy } from './security-policy.js';
import { contributingOrganisations } from './contributing-organisations.js';

export type { Rule, RuleMeta, RuleContext, Outcome, Result, Status, Automation, Message } from './types.js';

export const RULES: readonly Rule[] = [
  pytorchSupport,
  workingCi,
  governance,
  userExperience,
  quickStart,
  documentation,
  permissiveLicense,
  functionalTesting,
  packages,
  ongoingMaintenance,
  coreMaintainers,
  activeContributors,
  recentCommits,
  stars,
  licenseFile,
  readme,
  contributing,
  codeowners,
  codeOfConduct,
  osiLicense,
  bestPracticesBadge,
  releaseProcess,
  supportFile,
  securityPolicy,
  contributingOrganisations,
];

export const RULES_BY_KEY: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.key, r]));
