// The policies that ship in data/policies, by id: `<id>-<version>.yml`. `--policy` takes a path
// when it names a file, else an id, which means its newest version.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../util/errors.js';
import { DEFAULT_POLICY_FILE, loadDefaultPolicy, loadPolicyFile, type LoadOptions } from './load.js';
import type { Policy } from './types.js';

export const POLICIES_DIR = fileURLToPath(new URL('../../data/policies/', import.meta.url));

const FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)-(\d+(?:\.\d+)*)\.ya?ml$/;

export interface ShippedPolicy {
  id: string;
  version: string;
  file: string;
}

/** `1.10` after `1.9`: versions compare by their numbers. */
function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The policy files in data/policies, by id and then version (oldest first), named as the file names them. */
export function shippedPolicies(dir = POLICIES_DIR): ShippedPolicy[] {
  const out: ShippedPolicy[] = [];
  for (const name of readdirSync(dir)) {
    const m = FILE.exec(name);
    if (m) out.push({ id: m[1]!, version: m[2]!, file: join(dir, name) });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id) || compareVersions(a.version, b.version));
}

/** The file `--policy` means: a path that names a file, else the newest version of a shipped policy id. */
export function policyFileOf(idOrPath: string, dir = POLICIES_DIR): string {
  if (existsSync(idOrPath) && statSync(idOrPath).isFile()) return idOrPath;
  const versions = shippedPolicies(dir).filter((p) => p.id === idOrPath);
  if (versions.length === 0) {
    const ids = [...new Set(shippedPolicies(dir).map((p) => p.id))];
    throw new InputError(`--policy ${idOrPath}: no such file, and no policy with that id; expected a file or one of ${ids.join(', ')}`);
  }
  return versions[versions.length - 1]!.file;
}

/**
 * The policy to judge by: a file or a shipped id (default: the checker's default policy), at the
 * stage given. The default policy without a stage comes from the build's prepared copy.
 */
export function loadPolicy(idOrPath?: string, opts: LoadOptions = {}): Policy {
  const file = idOrPath === undefined ? DEFAULT_POLICY_FILE : policyFileOf(idOrPath);
  if (file === DEFAULT_POLICY_FILE && opts.stage === undefined) return loadDefaultPolicy();
  return loadPolicyFile(file, opts);
}
