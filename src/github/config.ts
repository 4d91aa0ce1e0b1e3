// The GitHub App's configuration from the environment: which App it is (id, private key), the
// secret deliveries are signed with, the repositories it works on, and where the API is.
import { readFileSync } from 'node:fs';
import { InputError } from '../util/errors.js';

export interface GithubAppConfig {
  appId: string;
  privateKey: string;
  webhookSecret: string;
  /** `owner/name` whose issues are applications */
  ecosystemRepo: string;
  /** `owner/name` holding landscape.yml */
  landscapeRepo: string;
  /** the folder of that repository holding the logos landscape.yml names (default hosted_logos) */
  logosDir?: string;
  /** the REST API's base URL (GitHub Enterprise, or a stand-in) */
  apiUrl: string;
}

const REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/** The landscape repository's logos folder (STEWARD_LANDSCAPE_LOGOS_DIR; landscape2's usual hosted_logos). */
export const logosDirOf = (config: GithubAppConfig): string => config.logosDir ?? 'hosted_logos';

/** The configuration, or undefined when no STEWARD_GITHUB_* variable is set (the App is off). */
export function githubAppConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GithubAppConfig | undefined {
  const names = [
    'STEWARD_GITHUB_APP_ID',
    'STEWARD_GITHUB_APP_PRIVATE_KEY',
    'STEWARD_GITHUB_WEBHOOK_SECRET',
    'STEWARD_ECOSYSTEM_REPO',
    'STEWARD_LANDSCAPE_REPO',
  ] as const;
  const set = names.filter((n) => (env[n] ?? '').trim() !== '');
  if (set.length === 0) return undefined;
  const unset = names.filter((n) => !set.includes(n));
  if (unset.length > 0)
    throw new InputError(`the GitHub App needs ${names.join(', ')}; ${unset.join(', ')} ${unset.length > 1 ? 'are' : 'is'} not set`);
  const appId = env.STEWARD_GITHUB_APP_ID!.trim();
  if (!/^\d+$/.test(appId)) throw new InputError(`STEWARD_GITHUB_APP_ID: expected the App's numeric id, found ${JSON.stringify(appId)}`);
  for (const n of ['STEWARD_ECOSYSTEM_REPO', 'STEWARD_LANDSCAPE_REPO'] as const) {
    if (!REPO.test(env[n]!.trim())) throw new InputError(`${n}: expected owner/name, found ${JSON.stringify(env[n])}`);
  }
  const logosDir = (env.STEWARD_LANDSCAPE_LOGOS_DIR ?? '').trim().replace(/\/+$/, '') || 'hosted_logos';
  if (logosDir.startsWith('/') || logosDir.split('/').some((s) => s === '' || s === '.' || s === '..'))
    throw new InputError(
      `STEWARD_LANDSCAPE_LOGOS_DIR: expected a folder of the landscape repository, relative to its root (e.g. hosted_logos), found ${JSON.stringify(logosDir)}`,
    );
  const apiUrl = (env.STEWARD_GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(apiUrl))
    throw new InputError(`STEWARD_GITHUB_API_URL: expected an http(s) URL, found ${JSON.stringify(apiUrl)}`);
  return {
    appId,
    privateKey: readPrivateKey(env.STEWARD_GITHUB_APP_PRIVATE_KEY!),
    webhookSecret: env.STEWARD_GITHUB_WEBHOOK_SECRET!,
    ecosystemRepo: env.STEWARD_ECOSYSTEM_REPO!.trim(),
    landscapeRepo: env.STEWARD_LANDSCAPE_REPO!.trim(),
    logosDir,
    apiUrl,
  };
}

/**
 * How often the App's scheduled pass runs (open votes' reactions read, reminders, review issues),
 * in ms, from STEWARD_GITHUB_SYNC_SECONDS: default hourly; 0 turns it off (commands still read
 * reactions). GitHub sends no webhook for reactions, so this pass is what notices them unasked.
 */
export function syncIntervalFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = (env.STEWARD_GITHUB_SYNC_SECONDS ?? '').trim();
  if (raw === '') return 3_600_000;
  if (!/^\d+(\.\d+)?$/.test(raw))
    throw new InputError(
      `STEWARD_GITHUB_SYNC_SECONDS: expected a number of seconds (0 turns the scheduled pass off), found ${JSON.stringify(raw)}`,
    );
  return Math.round(Number(raw) * 1000);
}

/** PEM text as given, or the contents of the file it names. */
export function readPrivateKey(value: string): string {
  const v = value.trim();
  // an environment variable often carries the PEM with its newlines escaped
  if (v.startsWith('-----BEGIN')) return v.replace(/\\n/g, '\n');
  let text: string;
  try {
    text = readFileSync(v, 'utf8');
  } catch (err) {
    throw new InputError(
      `STEWARD_GITHUB_APP_PRIVATE_KEY: expected PEM text (-----BEGIN …) or a file holding it; cannot read ${v}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  if (!text.includes('-----BEGIN')) throw new InputError(`STEWARD_GITHUB_APP_PRIVATE_KEY: ${v} holds no PEM key (no -----BEGIN line)`);
  return text;
}

export function splitRepo(full: string): { owner: string; repo: string } {
  const [owner, repo] = full.split('/') as [string, string];
  return { owner, repo };
}
