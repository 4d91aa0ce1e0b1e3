// Loads and validates a policy file; the default policy ships in data/policies.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { yaml } from '../util/lazy-yaml.js';
import type { Policy } from './types.js';
import { InputError } from '../util/errors.js';

export const DEFAULT_POLICY_FILE = fileURLToPath(new URL('../../data/policies/pytorch-ecosystem-1.0.yml', import.meta.url));

const THRESHOLD_KEYS = [
  'coreMaintainers',
  'activeContributors',
  'recentCommits',
  'stars',
  'windowDays',
  'releaseMonths',
  'supportedTorchReleases',
  'readmeMinWords',
  'docsMinFiles',
] as const;

const PROCESS_KEYS = ['resubmitAfterMonths', 'reviewEveryMonths', 'fixWithinDays', 'sessionSize'] as const;

let cachedDefault: Policy | undefined;

/** Beside the bundled CLI, the build stores the default policy already parsed and validated. */
export const PREPARED_POLICY_FILE_NAME = 'policy-default.json';

interface PreparedPolicy {
  /** sha256 of the YAML text it was made from: an edited policy file is parsed afresh */
  source: string;
  policy: Policy;
}

export function policySourceHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function loadDefaultPolicy(): Policy {
  if (cachedDefault) return cachedDefault;
  let text: string;
  try {
    text = readFileSync(DEFAULT_POLICY_FILE, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read policy file ${DEFAULT_POLICY_FILE}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let prepared: PreparedPolicy | undefined;
  try {
    prepared = JSON.parse(readFileSync(new URL(`./${PREPARED_POLICY_FILE_NAME}`, import.meta.url), 'utf8')) as PreparedPolicy;
  } catch {
    prepared = undefined; // run from the sources, or not built: parse the YAML
  }
  cachedDefault = prepared && prepared.source === policySourceHash(text) ? prepared.policy : parsePolicy(text, DEFAULT_POLICY_FILE);
  return cachedDefault;
}

/** The build step: the default policy parsed, validated and keyed by its YAML text. */
export function preparedDefaultPolicy(): PreparedPolicy {
  const text = readFileSync(DEFAULT_POLICY_FILE, 'utf8');
  return { source: policySourceHash(text), policy: parsePolicy(text, DEFAULT_POLICY_FILE) };
}

export function loadPolicyFile(file: string): Policy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read policy file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return parsePolicy(text, file);
}

export function parsePolicy(text: string, where = 'policy'): Policy {
  let raw: unknown;
  try {
    raw = yaml().parse(text, { prettyErrors: true });
  } catch (err) {
    throw new InputError(`${where}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  return validatePolicy(raw, where);
}

function fail(where: string, path: string, expected: string, found: unknown): never {
  throw new InputError(`${where}: ${path} should be ${expected}, found ${JSON.stringify(found) ?? 'nothing'}`);
}

function obj(v: unknown, where: string, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(where, path, 'a mapping', v);
  return v as Record<string, unknown>;
}

function str(v: unknown, where: string, path: string): string {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string' || v.trim() === '') fail(where, path, 'a non-empty string', v);
  return v;
}

function strList(v: unknown, where: string, path: string): string[] {
  if (!Array.isArray(v)) fail(where, path, 'a list of strings', v);
  return v.map((x, i) => str(x, where, `${path}[${i}]`));
}

function regex(v: string, where: string, path: string): string {
  try {
    new RegExp(v, 'i');
  } catch (err) {
    fail(where, path, 'a regular expression', `${v} (${(err as Error).message})`);
  }
  return v;
}

function count(v: unknown, where: string, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(where, path, 'a whole number ≥ 0', v);
  return v;
}

export function validatePolicy(raw: unknown, where = 'policy'): Policy {
  const root = obj(raw, where, '(top level)');
  const th = obj(root.thresholds, where, 'thresholds');
  const thresholds = Object.fromEntries(
    THRESHOLD_KEYS.map((k) => [k, count(th[k], where, `thresholds.${k}`)]),
  ) as unknown as Policy['thresholds'];
  const pr = obj(root.process, where, 'process');
  const process = Object.fromEntries(PROCESS_KEYS.map((k) => [k, count(pr[k], where, `process.${k}`)]));
  const rule = pr.approvalRule ?? 'more-than-half-of-roster';
  if (rule !== 'more-than-half-of-roster') fail(where, 'process.approvalRule', '"more-than-half-of-roster"', rule);
  const coc = obj(root.codeOfConduct, where, 'codeOfConduct');
  const approvedRaw = coc.approved ?? [];
  if (!Array.isArray(approvedRaw)) fail(where, 'codeOfConduct.approved', 'a list', approvedRaw);
  const approved = approvedRaw.map((a, i) => {
    const o = obj(a, where, `codeOfConduct.approved[${i}]`);
    if (o.kind === undefined && o.repo === undefined) fail(where, `codeOfConduct.approved[${i}]`, 'a kind or a repo', o);
    return {
      ...(o.kind !== undefined ? { kind: str(o.kind, where, `codeOfConduct.approved[${i}].kind`) } : {}),
      ...(o.repo !== undefined ? { repo: str(o.repo, where, `codeOfConduct.approved[${i}].repo`) } : {}),
      reason: str(o.reason, where, `codeOfConduct.approved[${i}].reason`),
      approvedOn: str(o.approvedOn, where, `codeOfConduct.approved[${i}].approvedOn`),
    };
  });
  const bots = obj(root.bots, where, 'bots');
  const licenses = obj(root.licenses, where, 'licenses');
  return {
    id: str(root.id, where, 'id'),
    version: str(root.version, where, 'version'),
    title: str(root.title, where, 'title'),
    source: str(root.source, where, 'source'),
    effective: str(root.effective, where, 'effective'),
    thresholds,
    licenses: { allow: strList(licenses.allow, where, 'licenses.allow') },
    codeOfConduct: { default: str(coc.default, where, 'codeOfConduct.default'), approved },
    bots: {
      names: strList(bots.names, where, 'bots.names'),
      emails: strList(bots.emails ?? [], where, 'bots.emails'),
      patterns: strList(bots.patterns ?? [], where, 'bots.patterns').map((p, i) => regex(p, where, `bots.patterns[${i}]`)),
    },
    process: { ...(process as Omit<Policy['process'], 'approvalRule'>), approvalRule: rule },
  };
}
