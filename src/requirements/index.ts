// The 19 requirements of the TAC's process, one module each, in TAC order.
import type { Requirement } from './types.js';
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

export type { Requirement, RequirementMeta, Outcome, Result, Status, Automation, EvalContext } from './types.js';

export const REQUIREMENTS: readonly Requirement[] = [
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
];
