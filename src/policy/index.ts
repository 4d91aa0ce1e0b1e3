// Policies: the thresholds, allowlists and bot list the checker and the process apply, as data.
export type { Policy, Thresholds, ProcessRules, ApprovedCode } from './types.js';
export { loadDefaultPolicy, loadPolicyFile, parsePolicy, validatePolicy, DEFAULT_POLICY_FILE } from './load.js';
