// The seam where other drivers plug into `steward serve`: each entry builds its handlers from the
// environment (the GitHub App from STEWARD_GITHUB_*) and returns nothing when it is not
// configured. serve merges what they return into the server context; a driver adds its builder
// to EXTENSION_BUILDERS and nothing else in the server changes.
import type { Engine } from '../process/engine.js';
import type { Store } from '../store/index.js';
import type { ServerExtensions } from './context.js';

export interface ExtensionInput {
  env: NodeJS.ProcessEnv;
  store: Store;
  engine: Engine;
  log: (line: string) => void;
}

export type ExtensionBuilder = (input: ExtensionInput) => Promise<ServerExtensions>;

export const EXTENSION_BUILDERS: ExtensionBuilder[] = [];

/** Runs every builder and merges their handlers; two builders claiming one handler is an error. */
export async function buildExtensions(input: ExtensionInput, builders: ExtensionBuilder[] = EXTENSION_BUILDERS): Promise<ServerExtensions> {
  const merged: ServerExtensions = {};
  for (const build of builders) {
    const got = await build(input);
    for (const [key, value] of Object.entries(got) as [keyof ServerExtensions, ServerExtensions[keyof ServerExtensions]][]) {
      if (value === undefined) continue;
      if (merged[key] !== undefined) throw new Error(`server extensions: two builders both provide ${key} (expected one)`);
      merged[key] = value;
    }
  }
  return merged;
}
