// GitHub credentials: personal tokens from --token / GITHUB_TOKEN / GH_TOKEN / STEWARD_GITHUB_TOKENS
// and GitHub App installations, kept as a pool. Each request takes the credential with the most
// rate limit left; one that runs dry rests until its reset, so a working group's run over every
// project spreads over several tokens instead of stopping at the first empty one.
import { readFileSync } from 'node:fs';
import { InputError } from '../../util/errors.js';

export interface AppInstallation {
  appId: string;
  /** PEM text of the App's private key */
  privateKey: string;
  installationId: number;
}

/** One credential: a token, or an App installation whose short-lived token is minted on demand. */
export interface Credential {
  /** where it came from, for messages (`GITHUB_TOKEN`, `--token #2`, `GitHub App 123 installation 45`); never the secret */
  origin: string;
  token?: string;
  app?: AppInstallation;
}

/** Reads the credentials the user gave: flags first, then the environment; duplicates dropped. */
export function credentialsFrom(cliTokens: string[] = [], env: NodeJS.ProcessEnv = process.env): Credential[] {
  const out: Credential[] = [];
  const seen = new Set<string>();
  const add = (token: string | undefined, origin: string) => {
    const t = token?.trim();
    if (!t || seen.has(t)) return;
    if (/\s/.test(t)) throw new InputError(`${origin}: a GitHub token has no spaces; found one with whitespace inside`);
    seen.add(t);
    out.push({ token: t, origin });
  };
  cliTokens.forEach((t, i) => add(t, cliTokens.length > 1 ? `--token #${i + 1}` : '--token'));
  add(env.GITHUB_TOKEN, 'GITHUB_TOKEN');
  add(env.GH_TOKEN, 'GH_TOKEN');
  (env.STEWARD_GITHUB_TOKENS ?? '')
    .split(',')
    .forEach((t, i) => add(t, `STEWARD_GITHUB_TOKENS #${i + 1}`));
  const appId = env.GITHUB_APP_ID?.trim();
  if (appId) {
    const installation = env.GITHUB_APP_INSTALLATION_ID?.trim() ?? '';
    if (!/^\d+$/.test(installation)) {
      throw new InputError(`GITHUB_APP_ID is set, so GITHUB_APP_INSTALLATION_ID must be the installation's number; found ${JSON.stringify(installation)}`);
    }
    let key = env.GITHUB_APP_PRIVATE_KEY?.replace(/\\n/g, '\n');
    const keyFile = env.GITHUB_APP_PRIVATE_KEY_FILE;
    if (!key && keyFile) {
      try {
        key = readFileSync(keyFile, 'utf8');
      } catch (err) {
        throw new InputError(`GITHUB_APP_PRIVATE_KEY_FILE ${keyFile}: ${(err as Error).message}`);
      }
    }
    if (!key || !key.includes('PRIVATE KEY')) {
      throw new InputError('GITHUB_APP_ID is set, so GITHUB_APP_PRIVATE_KEY (PEM text) or GITHUB_APP_PRIVATE_KEY_FILE must hold the App\'s private key');
    }
    out.push({ origin: `GitHub App ${appId} installation ${installation}`, app: { appId, privateKey: key, installationId: Number(installation) } });
  }
  return out;
}

interface Slot {
  cred: Credential;
  remaining: number;
  /** epoch ms before which this credential is known to be empty */
  restUntil: number;
  token?: string;
  tokenExpires?: number;
  minting?: Promise<{ token: string; expiresAt: string }> | undefined;
}

export type MintToken = (app: AppInstallation) => Promise<{ token: string; expiresAt: string }>;

export class TokenPool {
  private readonly slots: Slot[];
  /** mints App installation tokens; the GitHub client sets it, since it knows the API's address */
  minter?: MintToken;
  constructor(
    creds: Credential[],
    private readonly now: () => number = Date.now,
  ) {
    this.slots = creds.map((cred) => ({ cred, remaining: Number.POSITIVE_INFINITY, restUntil: 0, ...(cred.token ? { token: cred.token } : {}) }));
  }

  get size(): number {
    return this.slots.length;
  }

  /** The credential to use now: not resting, most remaining; undefined when every one rests (or none). */
  private choose(exclude?: string): Slot | undefined {
    const t = this.now();
    let best: Slot | undefined;
    for (const s of this.slots) {
      if (s.restUntil > t || (exclude !== undefined && s.token === exclude)) continue;
      if (!best || s.remaining > best.remaining) best = s;
    }
    return best;
  }

  /** The token (and its origin) for the next request; App tokens are minted or renewed here. */
  async take(exclude?: string): Promise<{ token: string; origin: string } | undefined> {
    const s = this.choose(exclude);
    if (!s) return undefined;
    if (s.cred.app && (!s.token || (s.tokenExpires ?? 0) - this.now() < 5 * 60_000)) {
      if (!this.minter) throw new Error('a GitHub App credential needs a token minter');
      // requests that start together share one exchange
      s.minting ??= this.minter(s.cred.app).finally(() => (s.minting = undefined));
      const minted = await s.minting;
      s.token = minted.token;
      s.tokenExpires = Date.parse(minted.expiresAt) || this.now() + 50 * 60_000;
    }
    return { token: s.token!, origin: s.cred.origin };
  }

  /** Where a token came from; with `app`, the first App credential (for minting errors). */
  originOf(token: string | undefined, app = false): string {
    const s = app ? this.slots.find((x) => x.cred.app) : this.slots.find((x) => x.token !== undefined && x.token === token);
    return s?.cred.origin ?? 'no token';
  }

  /** Records what GitHub said is left for a token. */
  note(token: string | undefined, remaining: number | undefined, resetEpochS: number | undefined): void {
    const s = this.slots.find((x) => x.token !== undefined && x.token === token);
    if (!s || remaining === undefined) return;
    s.remaining = remaining;
    if (remaining <= 0 && resetEpochS !== undefined) s.restUntil = resetEpochS * 1000;
  }

  /** A token ran dry: it rests until `resetEpochS`. Returns whether another can take over. */
  exhaust(token: string | undefined, resetEpochS: number): boolean {
    const s = this.slots.find((x) => x.token !== undefined && x.token === token);
    if (s) {
      s.remaining = 0;
      s.restUntil = Math.max(resetEpochS * 1000, this.now() + 1000);
    }
    return this.choose() !== undefined;
  }
}
