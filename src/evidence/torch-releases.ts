// The torch feature releases known at a date: the bundled list (data/torch-releases.json), or a
// file given by the caller or by STEWARD_TORCH_RELEASES, or the one `steward data refresh` wrote
// into the user data directory (a newer list without a new Steward).
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../util/errors.js';

export const BUNDLED_TORCH_RELEASES = fileURLToPath(new URL('../../data/torch-releases.json', import.meta.url));

export interface TorchRelease {
  version: string;
  date: string;
}

/** The list file to read: the argument, else STEWARD_TORCH_RELEASES, else the bundled one. */
export function torchReleasesFile(file?: string): string {
  return file ?? (process.env.STEWARD_TORCH_RELEASES || BUNDLED_TORCH_RELEASES);
}

/** Every release in a list file, validated; an entry of the wrong shape is an input error naming it. */
export function readTorchReleases(file: string): TorchRelease[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(`cannot read the torch release list ${file}: ${(err as Error).message}`);
  }
  const list = (raw as { releases?: unknown } | null)?.releases;
  if (!Array.isArray(list))
    throw new InputError(`${file}: expected {"releases": [{"version", "date"}...]}, found ${JSON.stringify(raw)?.slice(0, 80)}`);
  return list.map((r: unknown, i) => {
    const e = r as Partial<TorchRelease> | null;
    if (
      typeof e?.version !== 'string' ||
      !/^\d+\.\d+(\.\d+)?$/.test(e.version) ||
      typeof e.date !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(e.date)
    ) {
      throw new InputError(
        `${file}: releases[${i}]: expected {"version": "X.Y.Z", "date": "YYYY-MM-DD"}, found ${JSON.stringify(r)?.slice(0, 120)}`,
      );
    }
    return { version: e.version, date: e.date };
  });
}

/** Releases published on or before `asOf` (its UTC day), newest first. */
export function torchReleasesAt(asOf: Date, file?: string): TorchRelease[] {
  const day = asOf.toISOString().slice(0, 10);
  return readTorchReleases(torchReleasesFile(file))
    .filter((r) => r.date <= day)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** Where `steward data refresh` writes the list: $XDG_DATA_HOME/steward, else ~/.local/share/steward. */
export function userTorchReleasesFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'steward', 'torch-releases.json');
}

export interface TorchReleasesChoice {
  file: string;
  /** the list's own `asOf` (the day it was written), when it says */
  asOf?: string;
  /** why this list: the option, STEWARD_TORCH_RELEASES, the refreshed user list, or the bundled one */
  why: 'option' | 'environment' | 'user' | 'bundled';
  /** a user list that exists but was not used, and why */
  rejected?: string;
}

function listAsOf(file: string): string | undefined {
  try {
    const a = (JSON.parse(readFileSync(file, 'utf8')) as { asOf?: unknown } | null)?.asOf;
    return typeof a === 'string' ? a.slice(0, 40) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Which list a check uses: `file` (--torch-releases) wins, then STEWARD_TORCH_RELEASES, then the
 * refreshed user list when it exists and is valid, else the bundled one. A broken user list is
 * passed over (and said so) rather than failing every check; a broken explicit file is an error.
 */
export function chooseTorchReleases(file?: string, env: NodeJS.ProcessEnv = process.env): TorchReleasesChoice {
  const pick = (f: string, why: TorchReleasesChoice['why'], rejected?: string): TorchReleasesChoice => {
    const asOf = listAsOf(f);
    return { file: f, why, ...(asOf ? { asOf } : {}), ...(rejected ? { rejected } : {}) };
  };
  if (file) return pick(file, 'option');
  if (env.STEWARD_TORCH_RELEASES) return pick(env.STEWARD_TORCH_RELEASES, 'environment');
  const user = userTorchReleasesFile(env);
  if (existsSync(user)) {
    try {
      if (readTorchReleases(user).length > 0) return pick(user, 'user');
      return pick(BUNDLED_TORCH_RELEASES, 'bundled', `${user} lists no releases`);
    } catch (err) {
      return pick(BUNDLED_TORCH_RELEASES, 'bundled', (err as Error).message);
    }
  }
  return pick(BUNDLED_TORCH_RELEASES, 'bundled');
}
