// What a policy holds: the numbers and lists the requirements and the process apply.
// A policy is data (data/policies/*.yml); code reads it through this shape only.

export interface Thresholds {
  coreMaintainers: number;
  activeContributors: number;
  recentCommits: number;
  stars: number;
  windowDays: number;
  releaseMonths: number;
  supportedTorchReleases: number;
  readmeMinWords: number;
  docsMinFiles: number;
}

export interface ProcessRules {
  resubmitAfterMonths: number;
  reviewEveryMonths: number;
  fixWithinDays: number;
  approvalRule: 'more-than-half-of-roster';
  sessionSize: number;
}

export interface ApprovedCode {
  /** a code-of-conduct kind (e.g. `contributor-covenant`) or a repository (`owner/name`) */
  kind?: string;
  repo?: string;
  reason: string;
  approvedOn: string;
}

export interface Policy {
  id: string;
  version: string;
  title: string;
  source: string;
  effective: string;
  thresholds: Thresholds;
  licenses: { allow: string[] };
  codeOfConduct: { default: string; approved: ApprovedCode[] };
  /** patterns: case-insensitive regular expressions tried on the name, the no-reply login and the e-mail */
  bots: { names: string[]; emails: string[]; patterns: string[] };
  process: ProcessRules;
}
