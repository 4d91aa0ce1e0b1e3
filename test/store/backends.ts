// The two stores every process test runs on: SQLite in a fresh temp directory, and PostgreSQL
// (127.0.0.1:5432, or TEST_DATABASE_URL) in a fresh schema per store, dropped afterwards.
// PostgreSQL tests skip with a message only when the server cannot be reached.
import { randomBytes } from 'node:crypto';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from '../support/repo.js';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let reachable: Promise<string | null> | undefined;

/** null when PostgreSQL answers, else why it does not. */
export function postgresUnavailable(): Promise<string | null> {
  reachable ??= (async () => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (err) {
      return `PostgreSQL at ${PG_URL} is unreachable (${(err as Error).message}); start it (.ci/run does) to run these tests`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  open(): Promise<Store & { dispose(): Promise<void> }>;
  skip(): Promise<string | false>;
}

async function dropSchema(schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

export const BACKENDS: Backend[] = [
  {
    name: 'sqlite',
    skip: async () => false,
    async open() {
      const dataDir = tempDir('steward-store-');
      const store = await openStore({ dataDir });
      return { ...store, dispose: () => store.close() };
    },
  },
  {
    name: 'postgres',
    skip: async () => (await postgresUnavailable()) ?? false,
    async open() {
      const schema = `steward_t_${randomBytes(6).toString('hex')}`;
      // the audit key beside the test's own files, not in the user's ~/.config
      const store = await openStore({ databaseUrl: PG_URL, pgSchema: schema, auditKeyFile: `${tempDir('steward-pg-key-')}/audit.key` });
      return {
        ...store,
        async dispose() {
          await store.close();
          await dropSchema(schema);
        },
      };
    },
  },
];
