// What every handler of the App works with: the octokit App (its JWT and installation clients),
// the process engine and store, the label table, and who the App acts as in the audit log.
import type { App } from 'octokit';
import type { Engine } from '../process/engine.js';
import type { LabelTable } from '../process/labels.js';
import type { Actor } from '../process/types.js';
import type { Store } from '../store/index.js';
import { splitRepo, type GithubAppConfig } from './config.js';
import type { GithubClient } from './octokit.js';

export type Client = GithubClient;

export interface AppContext {
  config: GithubAppConfig;
  app: App;
  engine: Engine;
  store: Store;
  table: LabelTable;
  /** the App in the audit log: it acts as staff only where it carries out a person's command */
  actor: Actor;
  /** days before a session when members who have not voted are reminded (once) */
  reminderDays: number;
  log: (line: string) => void;
}

const installations = new Map<string, number>();

/** The installation client for a delivery (its installation id) or for one of the App's repositories. */
export async function clientFor(ctx: AppContext, where: { installation?: number; repo?: string }): Promise<Client> {
  if (where.installation !== undefined) return (await ctx.app.getInstallationOctokit(where.installation)) as unknown as Client;
  const repo = where.repo ?? ctx.config.ecosystemRepo;
  const key = `${ctx.config.apiUrl} ${repo.toLowerCase()}`;
  let id = installations.get(key);
  if (id === undefined) {
    const { data } = await ctx.app.octokit.request('GET /repos/{owner}/{repo}/installation', splitRepo(repo));
    id = data.id;
    installations.set(key, id);
  }
  return (await ctx.app.getInstallationOctokit(id)) as unknown as Client;
}

export const sameRepo = (a: string | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();
