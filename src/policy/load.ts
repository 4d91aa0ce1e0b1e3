// Loads a policy file, validates it whole (its schema, then each rule's options by that rule's own
// schema) and resolves the chosen stage into the flat list of rules it applies. A refusal names the
// file, line and column, the path in the file and what was expected there.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { yaml } from '../util/lazy-yaml.js';
import type { Policy } from './types.js';
import type { PolicyFile } from './schema.js';
import { policyFileSchema, zod } from './schema.js';
import { InputError } from '../util/errors.js';
import { RULES_BY_KEY } from '../requirements/index.js';
import { locate, type IssuePath } from './locate.js';

export const DEFAULT_POLICY_FILE = fileURLToPath(new URL('../../data/policies/pytorch-ecosystem-1.0.yml', import.meta.url));

let cachedDefault: Policy | undefined;

/** Beside the bundled CLI, the build stores the default policy already parsed and validated. */
export const PREPARED_POLICY_FILE_NAME = 'policy-default.json';

interface PreparedPolicy {
  /** sha256 of the YAML text it was made from: an edited policy file is parsed afresh */
  source: string;
  policy: Policy;
}

export interface LoadOptions {
  /** the stage whose rules apply (a policy with stages; default its first) */
  stage?: string;
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

export function loadPolicyFile(file: string, opts: LoadOptions = {}): Policy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read policy file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return parsePolicy(text, file, opts);
}

interface Issue {
  path: IssuePath;
  message: string;
}

export function parsePolicy(text: string, where = 'policy', opts: LoadOptions = {}): Policy {
  const Y = yaml();
  const lineCounter = new Y.LineCounter();
  const doc = Y.parseDocument(text, { prettyErrors: true, lineCounter });
  if (doc.errors.length > 0) throw new InputError(`${where}: not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const raw: unknown = doc.toJS();
  const refuse = (issue: Issue): never => {
    const at = locate(doc, lineCounter, issue.path);
    const path = issue.path.length === 0 ? '(top level)' : formatPath(issue.path);
    throw new InputError(`${where}${at ? `:${at.line}:${at.col}` : ''}: ${path}: ${issue.message}`);
  };
  const checked = policyFileSchema(zod()).safeParse(raw);
  if (!checked.success) refuse(describe(checked.error.issues[0]!, raw));
  const file = checked.data!;
  const issue = checkRules(file);
  if (issue) refuse(issue);
  const resolved = resolveStage(file, opts.stage);
  if ('path' in resolved) return refuse(resolved);
  return resolved;
}

/** `rules[3].options.min` */
export function formatPath(path: IssuePath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  keys?: string[];
  values?: unknown[];
  errors?: ZodIssueLike[][];
}

function valueAt(raw: unknown, path: IssuePath): unknown {
  let v = raw;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** What the schema wanted where `issue` is, in words (`a number`, `"more-than-half-of-roster"`). */
function expectation(issue: ZodIssueLike): string {
  if (issue.code === 'invalid_type') return article(issue.expected ?? 'a value');
  if (issue.code === 'invalid_union')
    return [...new Set((issue.errors ?? []).map((branch) => (branch[0] ? expectation(branch[0]) : 'a value')))].join(' or ');
  if (issue.code === 'invalid_value') return issue.values!.map((v) => JSON.stringify(v)).join(' or ');
  return issue.message.replace(/^Invalid input: expected /, '');
}

function describe(issue: ZodIssueLike, raw: unknown): Issue {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys')
    return { path: [...path, issue.keys![0]!], message: `unknown field ${JSON.stringify(issue.keys![0])}` };
  const found = valueAt(raw, path);
  if (found === undefined) return { path, message: `missing; expected ${expectation(issue)}` };
  return { path, message: `expected ${expectation(issue)}, found ${JSON.stringify(found)}` };
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
  };
  return names[type] ?? type;
}

/** What the schema cannot say alone: rule keys the checker knows, unique keys and numbers, stages named, options by each rule's schema. */
function checkRules(file: PolicyFile): Issue | undefined {
  const z = zod();
  const stageIds = (file.stages ?? []).map((s) => s.id);
  const keys = new Map<string, number>();
  const numbers = new Map<number, number>();
  for (const [i, r] of file.rules.entries()) {
    const rule = RULES_BY_KEY.get(r.key);
    if (!rule)
      return {
        path: ['rules', i, 'key'],
        message: `unknown rule ${JSON.stringify(r.key)}; expected one of ${[...RULES_BY_KEY.keys()].join(', ')}`,
      };
    if (keys.has(r.key)) return { path: ['rules', i, 'key'], message: `rule ${r.key} is listed twice (also rules[${keys.get(r.key)}])` };
    keys.set(r.key, i);
    if (numbers.has(r.number))
      return { path: ['rules', i, 'number'], message: `number ${r.number} is given twice (also rules[${numbers.get(r.number)}])` };
    numbers.set(r.number, i);
    if (r.stage !== undefined && !stageIds.includes(r.stage))
      return {
        path: ['rules', i, 'stage'],
        message: `unknown stage ${JSON.stringify(r.stage)}; expected ${stageIds.length ? `one of ${stageIds.join(', ')}` : 'none: the policy defines no stages'}`,
      };
    const options = rule.options(z).safeParse(r.options);
    if (!options.success) {
      const d = describe(options.error.issues[0]!, r.options);
      return { path: ['rules', i, 'options', ...d.path], message: d.message };
    }
  }
  for (const [j, s] of (file.stages ?? []).entries()) {
    if (stageIds.indexOf(s.id) !== j) return { path: ['stages', j, 'id'], message: `stage ${s.id} is defined twice` };
    for (const key of Object.keys(s.text)) {
      if (!keys.has(key))
        return { path: ['stages', j, 'text', key], message: `expected a rule this policy lists (${[...keys.keys()].join(', ')})` };
    }
    for (const [key, raised] of Object.entries(s.options)) {
      const rule = keys.has(key) ? RULES_BY_KEY.get(key) : undefined;
      if (!rule)
        return { path: ['stages', j, 'options', key], message: `expected a rule this policy lists (${[...keys.keys()].join(', ')})` };
      const options = rule.options(z).partial().strict().safeParse(raised);
      if (!options.success) {
        const d = describe(options.error.issues[0]!, raised);
        return { path: ['stages', j, 'options', key, ...d.path], message: d.message };
      }
    }
  }
  for (const [i, e] of file.exemptions.entries()) {
    if (!keys.has(e.rule))
      return { path: ['exemptions', i, 'rule'], message: `expected a rule this policy lists, found ${JSON.stringify(e.rule)}` };
  }
  return undefined;
}

/** The policy as one stage applies it: the rules of that stage and the earlier ones, options raised in order. */
export function resolveStage(file: PolicyFile, stage: string | undefined): Policy | Issue {
  const stages = file.stages ?? [];
  if (stages.length === 0) {
    if (stage !== undefined) return { path: [], message: `policy ${file.id} defines no stages; --stage ${stage} cannot apply` };
    return withParsedOptions(file, file.rules, []);
  }
  const index = stage === undefined ? 0 : stages.findIndex((s) => s.id === stage);
  if (index < 0)
    return { path: ['stages'], message: `unknown stage ${JSON.stringify(stage)}; expected one of ${stages.map((s) => s.id).join(', ')}` };
  const upTo = stages.slice(0, index + 1);
  const ids = new Set(upTo.map((s) => s.id));
  // a stage's own words for a rule replace the earlier stages' (the last stage that words it wins)
  const rules = file.rules
    .filter((r) => r.stage === undefined || ids.has(r.stage))
    .map((r) => ({ ...r, text: upTo.reduce((t, s) => s.text[r.key] ?? t, r.text) }));
  return { ...withParsedOptions(file, rules, upTo), stage: stages[index]!.id };
}

function withParsedOptions(file: PolicyFile, rules: PolicyFile['rules'], stages: NonNullable<PolicyFile['stages']>): Policy {
  const z = zod();
  return {
    ...file,
    rules: rules.map((r) => {
      const merged = Object.assign({}, r.options, ...stages.map((s) => s.options[r.key] ?? {})) as Record<string, unknown>;
      return { ...r, options: RULES_BY_KEY.get(r.key)!.options(z).parse(merged) as Record<string, unknown> };
    }),
  };
}
