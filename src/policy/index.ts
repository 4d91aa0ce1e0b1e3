// Policies: the rules a foundation applies (numbered and worded as it says), their options, and
// the lists and numbers the checker and the process share, as data.
export type { Policy, PolicyRule, ProcessRules, ApprovedCode, Exemption } from './types.js';
export { loadDefaultPolicy, loadPolicyFile, parsePolicy, DEFAULT_POLICY_FILE } from './load.js';
