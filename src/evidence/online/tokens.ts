// GitHub credentials: personal tokens from --token / GITHUB_TOKEN / GH_TOKEN / STEWARD_GITHUB_TOKENS
// and GitHub App installations, kept as a pool. Each request takes the credential with the most
// rate limit left; one that runs dry rests until its reset, so a working group's run over every
// project spreads over several tokens instead of stopping at the first empty one.
import { createHash } from 'node:crypto';
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
  (env.STEWARD_GITHUB_TOKENS ?? '').split(',').forEach((t, i) => add(t, `STEWARD_GITHUB_TOKENS #${i + 1}`));
  const appId = env.GITHUB_APP_ID?.trim();
  if (appId) {
    const installation = env.GITHUB_APP_INSTALLATION_ID?.trim() ?? '';
    if (!/^\d+$/.test(installation)) {
      throw new InputError(
        `GITHUB_APP_ID is set, so GITHUB_APP_INSTALLATION_ID must be the installation's number; found ${JSON.stringify(installation)}`,
      );
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
      throw new InputError(
        "GITHUB_APP_ID is set, so GITHUB_APP_PRIVATE_KEY (PEM text) or GITHUB_APP_PRIVATE_KEY_FILE must hold the App's private key",
      );
    }
    out.push({
      origin: `GitHub App ${appId} installation ${installation}`,
      app: { appId, privateKey: key, installationId: Number(installation) },
    });
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

/**
 * The rate budget as every process sharing the credentials last heard it (kept in the database),
 * so ten workers don't each believe they have 5 000 requests left. Keyed by a hash of the token.
 */
export interface SharedBudget {
  read(): Promise<Map<string, { remaining: number; resetEpochS: number }>>;
  write(tokenId: string, remaining: number, resetEpochS: number): Promise<void>;
}

export interface BudgetOptions {
  shared?: SharedBudget;
  /** requests kept in hand per credential: below this it rests until its reset (room for requests already in flight elsewhere) */
  reserve?: number;
  /** how often the shared budget is read again (ms) */
  syncMs?: number;
  /** every credential rests: work waits until `until` instead of failing; called once per wait */
  onWait?: (until: Date, why: string) => void;
  /** longest wait for a reset (ms, default 65 min: GitHub's window is an hour) */
  maxWaitMs?: number;
}

/** The id a token's budget is shared under: never the token itself. */
export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

export class TokenPool {
  private readonly slots: Slot[];
  /** mints App installation tokens; the GitHub client sets it, since it knows the API's address */
  minter?: MintToken;
  /** a budget shared with other processes; without it each process knows only its own answers */
  budget: BudgetOptions = {};
  private syncedAt = 0;
  private syncing: Promise<void> | undefined;
  constructor(
    creds: Credential[],
    private readonly now: () => number = Date.now,
  ) {
    this.slots = creds.map((cred) => ({
      cred,
      remaining: Number.POSITIVE_INFINITY,
      restUntil: 0,
      ...(cred.token ? { token: cred.token } : {}),
    }));
  }

  /** Reads what the other processes heard; a lower remaining count of the same window wins. */
  private async sync(): Promise<void> {
    const shared = this.budget.shared;
    if (!shared || this.now() - this.syncedAt < (this.budget.syncMs ?? 1000)) return;
    this.syncing ??= (async () => {
      try {
        const seen = await shared.read();
        for (const s of this.slots) {
          const b = s.token ? seen.get(tokenId(s.token)) : undefined;
          if (!b || b.resetEpochS * 1000 <= this.now()) continue;
          s.remaining = Math.min(s.remaining, b.remaining);
          if (s.remaining <= (this.budget.reserve ?? 0)) s.restUntil = Math.max(s.restUntil, b.resetEpochS * 1000);
        }
        this.syncedAt = this.now();
      } finally {
        this.syncing = undefined;
      }
    })();
    await this.syncing;
  }

  /** Waits, when every credential rests, until the first reset; undefined when there is nothing to wait for. */
  private async waitForReset(): Promise<boolean> {
    if (this.slots.length === 0) return false;
    const until = Math.min(...this.slots.map((s) => s.restUntil));
    const ms = until - this.now();
    if (!(ms > 0) || ms > (this.budget.maxWaitMs ?? 65 * 60_000)) return false;
    this.budget.onWait?.(
      new Date(until),
      `every GitHub token (${this.slots.length}) is at its reserve of ${this.budget.reserve ?? 0} requests`,
    );
    await new Promise((r) => setTimeout(r, ms + 250));
    for (const s of this.slots) if (s.restUntil <= this.now()) s.remaining = Number.POSITIVE_INFINITY;
    this.syncedAt = 0;
    return true;
  }

  get size(): number {
    return this.slots.length;
  }

  /** GitHub requests left over the tokens whose budget an answer has told (for progress), or undefined before any. */
  remainingTotal(): number | undefined {
    const known = this.slots.filter((s) => Number.isFinite(s.remaining));
    return known.length === 0 ? undefined : known.reduce((n, s) => n + s.remaining, 0);
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
    await this.sync();
    let s = this.choose(exclude);
    // with a shared budget, a run waits for the reset instead of failing (and never sees a 403)
    while (!s && this.budget.shared && exclude === undefined && (await this.waitForReset())) {
      await this.sync();
      s = this.choose();
    }
    if (!s) return undefined;
    // the request about to go out counts now, so concurrent takers spread over the tokens
    if (Number.isFinite(s.remaining)) {
      s.remaining--;
      if (s.remaining <= (this.budget.reserve ?? 0) && this.budget.shared) s.restUntil = Math.max(s.restUntil, this.now() + 1000);
    }
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
    const floor = this.budget.shared ? (this.budget.reserve ?? 0) : 0;
    if (remaining <= floor && resetEpochS !== undefined) s.restUntil = resetEpochS * 1000;
    if (this.budget.shared && token && resetEpochS !== undefined)
      void this.budget.shared.write(tokenId(token), remaining, resetEpochS).catch(() => undefined);
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
