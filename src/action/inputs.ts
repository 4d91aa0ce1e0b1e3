// What the GitHub Action is asked to do, read as GitHub passes it: inputs in `INPUT_<NAME>`
// variables (the name upper-cased, hyphens kept), the event in the JSON file at GITHUB_EVENT_PATH.
// Pure apart from reading the event file, so every rule is testable without a runner.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { InputError } from '../util/errors.js';

export type Stage = 'apply' | 'member';

export interface ActionInputs {
  /** the repository's work tree (GITHUB_WORKSPACE joined with the `path` input) */
  repo: string;
  /** a policy file, or undefined for the default policy */
  policy?: string;
  stage: Stage;
  requirePass: boolean;
  sarifFile: string;
  asOf?: string;
  online: boolean;
  token?: string;
}

/** The commits to compare: the base is absent when the event has none (a new branch, a manual run). */
export interface Revisions {
  base?: string;
  head: string;
  /** where the base came from, for the summary: `pull request base`, `push before` */
  baseFrom?: string;
}

type Env = Record<string, string | undefined>;

export function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function booleanInput(env: Env, name: string): boolean {
  const v = input(env, name);
  if (v === '') return false;
  if (/^(true|True|TRUE)$/.test(v)) return true;
  if (/^(false|False|FALSE)$/.test(v)) return false;
  throw new InputError(`input ${name}: expected true or false, found ${JSON.stringify(v)}`);
}

export function readInputs(env: Env): ActionInputs {
  const workspace = env['GITHUB_WORKSPACE'] || process.cwd();
  const path = input(env, 'path') || '.';
  const stage = input(env, 'stage') || 'apply';
  if (stage !== 'apply' && stage !== 'member') {
    throw new InputError(
      `input stage: expected apply (a project readying its application) or member (a project in the ecosystem, before its periodic review), found ${JSON.stringify(stage)}`,
    );
  }
  const policy = input(env, 'policy');
  const sarif = input(env, 'sarif-file') || 'steward.sarif';
  const asOf = input(env, 'as-of');
  const token = input(env, 'token');
  const repo = resolve(workspace, path);
  return {
    repo,
    ...(policy ? { policy: isAbsolute(policy) ? policy : resolve(repo, policy) } : {}),
    stage,
    requirePass: booleanInput(env, 'require-pass'),
    sarifFile: isAbsolute(sarif) ? sarif : resolve(workspace, sarif),
    ...(asOf ? { asOf } : {}),
    online: booleanInput(env, 'online'),
    ...(token ? { token } : {}),
  };
}

const NO_COMMIT = /^0+$/;

/** The base and head of the event: a pull request's base commit, a push's `before`; the head is what is checked out. */
export function readRevisions(env: Env): Revisions {
  const name = env['GITHUB_EVENT_NAME'] ?? '';
  const file = env['GITHUB_EVENT_PATH'];
  let event: Record<string, unknown> = {};
  if (file) {
    try {
      event = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new InputError(`GITHUB_EVENT_PATH ${file}: expected the event's JSON, ${(err as Error).message}`);
    }
  }
  if (name === 'pull_request' || name === 'pull_request_target') {
    const base = (event['pull_request'] as { base?: { sha?: unknown } } | undefined)?.base?.sha;
    if (typeof base !== 'string' || !base)
      throw new InputError(`${name} event at ${file ?? '(no GITHUB_EVENT_PATH)'}: expected pull_request.base.sha, found none`);
    return { base, head: 'HEAD', baseFrom: 'the pull request base' };
  }
  if (name === 'push') {
    const before = event['before'];
    // a push that creates a branch has no before (all zeros): nothing to compare with
    if (typeof before === 'string' && before && !NO_COMMIT.test(before))
      return { base: before, head: 'HEAD', baseFrom: 'the commit before the push' };
  }
  return { head: 'HEAD' };
}
