// CI configuration analysis: systems, workflows, triggers, runner OSes, test and publish steps.
import type { CiEvidence, FileExtractor } from '../types.js';

export const ciExtractor: FileExtractor<CiEvidence> = {
  name: 'ci',
  wants: () => false,
  extract: () => ({ systems: [], workflows: [], os: [], testSteps: [], publishSteps: [] }),
};
