// The seam where other drivers plug into `steward serve`: each entry builds its handlers from the
// environment (the GitHub App from STEWARD_GITHUB_*) and returns nothing when it is not
// configured. serve merges what they return into the server context; a driver adds its builder
// to EXTENSION_BUILDERS and nothing else in the server changes.
import type { JobQueue } from '../jobs/queue.js';
import type { Engine } from '../process/engine.js';
import type { Store } from '../store/index.js';
import type { ServerExtensions } from './context.js';

export interface ExtensionInput {
  env: NodeJS.ProcessEnv;
  store: Store;
  engine: Engine;
  log: (line: string) => void;
  /** the server's durable job queue, when it runs one: drivers put their slow work on it */
  jobs?: JobQueue;
}

export type ExtensionBuilder = (input: ExtensionInput) => Promise<ServerExtensions>;

export const EXTENSION_BUILDERS: ExtensionBuilder[] = [
  // loaded only when serve starts: the App's modules (octokit, the checker) stay off other paths
  async (input) => (await import('../github/extension.js')).githubExtension(input),
];

/** Runs every builder and merges their handlers; two builders claiming one handler is an error. */
export async function buildExtensions(input: ExtensionInput, builders: ExtensionBuilder[] = EXTENSION_BUILDERS): Promise<ServerExtensions> {
  const merged: Record<string, unknown> = {};
  const stops: (() => Promise<void>)[] = [];
  for (const build of builders) {
    const { stop, ...got } = await build(input);
    if (stop) stops.push(stop);
    for (const [key, value] of Object.entries(got)) {
      if (value === undefined) continue;
      if (merged[key] !== undefined) throw new Error(`server extensions: two builders both provide ${key} (expected one)`);
      merged[key] = value;
    }
  }
  // each builder stops what it started, the last started first
  if (stops.length > 0)
    merged.stop = async () => {
      for (const stop of stops.reverse()) await stop();
    };
  return merged as ServerExtensions;
}
