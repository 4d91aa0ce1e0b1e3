// Builds synthetic Evidence for unit tests of requirements: every section has a neutral default,
// files are given by content, and the tree is derived from them (plus tree-only paths).
import type { Evidence, FileBlob, TreeEntry } from '../../src/evidence/types.js';
import type { Policy } from '../../src/policy/types.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';
import type { Outcome, Rule } from '../../src/requirements/types.js';
import { extractCommunity } from '../../src/evidence/community.js';
import { extractDocs } from '../../src/evidence/docs.js';
import { rawHistory } from './history.js';

/** A file's content: text, a symlink, or a blob described field by field (binary, truncated …). */
export type FileSpec = string | { symlink: string } | (Partial<FileBlob> & { text?: string });

export interface EvidenceSpec {
  /** path → content; each becomes a tree entry and a read blob */
  files?: Record<string, FileSpec>;
  /** paths present in the tree but not read (e.g. docs pages, images) */
  paths?: string[];
  asOf?: string;
  /** any section to replace wholesale (python, ci, online, form, repo …) */
  overrides?: Partial<Evidence>;
}

let oidCounter = 0;

function oid(): string {
  return (++oidCounter).toString(16).padStart(40, '0');
}

export function makeEvidence(spec: EvidenceSpec = {}): Evidence {
  const asOf = spec.asOf ?? '2026-11-27T00:00:00.000Z';
  const tree: TreeEntry[] = [];
  const files: Record<string, FileBlob> = {};
  for (const [path, content] of Object.entries(spec.files ?? {})) {
    if (typeof content === 'string') {
      tree.push({ path, mode: '100644', type: 'blob', oid: oid() });
      files[path] = { path, size: Buffer.byteLength(content), text: content };
    } else if ('symlink' in content && typeof content.symlink === 'string') {
      tree.push({ path, mode: '120000', type: 'blob', oid: oid() });
      files[path] = { path, size: content.symlink.length, symlinkTarget: content.symlink };
    } else {
      const blob = content as Partial<FileBlob>;
      tree.push({ path, mode: '100644', type: 'blob', oid: oid() });
      files[path] = { path, size: blob.size ?? Buffer.byteLength(blob.text ?? ''), ...blob };
    }
  }
  for (const path of spec.paths ?? []) tree.push({ path, mode: '100644', type: 'blob', oid: oid() });
  tree.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const evidence: Omit<Evidence, 'community' | 'docs'> & { community?: Evidence['community']; docs?: Evidence['docs'] } = {
    repo: { input: '.', root: '/nonexistent/repo', bare: false, rev: 'HEAD', commit: 'f'.repeat(40), commitDate: asOf },
    asOf,
    tree,
    files,
    history: rawHistory(asOf),
    tags: { count: 0 },
    python: { torch: [], classifiers: [], licenseMeta: [], urls: {}, files: [] },
    ci: { systems: [], workflows: [], os: [], testSteps: [], publishSteps: [] },
    license: { files: [], signals: [], disagreements: [], thirdParty: [] },
    torchReleases: [],
    problems: [],
    sources: [{ name: 'git' }],
    ...spec.overrides,
  };
  // gathered from the files as a check gathers it, unless the test gives it
  return { ...evidence, community: evidence.community ?? extractCommunity(evidence), docs: evidence.docs ?? extractDocs(evidence) };
}

/** The default policy, with any part replaced. */
export function makePolicy(patch: Partial<Policy> = {}): Policy {
  return { ...loadDefaultPolicy(), ...patch };
}

/** The default policy with the options of rule `key` replaced in part (`{ min: 3 }`). */
export function withOptions(key: string, patch: Record<string, unknown>, policy: Policy = makePolicy()): Policy {
  if (!policy.rules.some((r) => r.key === key)) throw new Error(`the policy does not apply ${key}`);
  return { ...policy, rules: policy.rules.map((r) => (r.key === key ? { ...r, options: { ...r.options, ...patch } } : r)) };
}

export interface EvalContext {
  policy: Policy;
  asOf: Date;
}

export function ctx(policy: Policy = makePolicy(), asOf = '2026-11-27T00:00:00.000Z'): EvalContext {
  return { policy, asOf: new Date(asOf) };
}

/** A rule judged as `evaluate` judges it under `c.policy`: with the options the policy gives it. */
export function evaluateRule<O>(rule: Rule<O>, evidence: Evidence, c: EvalContext): Outcome {
  const entry = c.policy.rules.find((r) => r.key === rule.meta.key);
  if (!entry) throw new Error(`the policy does not apply ${rule.meta.key}`);
  return rule.evaluate(evidence, {
    options: entry.options as O,
    policy: c.policy,
    asOf: c.asOf,
    numberOf: (key) => c.policy.rules.find((r) => r.key === key)?.number,
  });
}

/** A rule judged with the options given (a rule no policy in use lists, or options a test chooses), under the default policy's shared lists. */
export function evaluateWith<O>(rule: Rule<O>, evidence: Evidence, options: O = {} as O, c: EvalContext = ctx()): Outcome {
  return rule.evaluate(evidence, {
    options,
    policy: c.policy,
    asOf: c.asOf,
    numberOf: (key) => c.policy.rules.find((r) => r.key === key)?.number,
  });
}
