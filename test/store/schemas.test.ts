// A store in its own PostgreSQL schema migrates on its own: a schema another run left behind
// (with its kysely_migration_lock) must not stop it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { openStore } from '../../src/store/index.js';
import { PG_URL, postgresUnavailable } from './backends.js';

test('a store migrates in its own schema although another schema holds migration tables', async (t) => {
  const why = await postgresUnavailable();
  if (why) return t.skip(why);
  const leaked = `steward_t_${randomBytes(6).toString('hex')}`;
  const mine = `steward_t_${randomBytes(6).toString('hex')}`;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    // what a test that closes without dropping its schema leaves behind
    const first = await openStore({ databaseUrl: PG_URL, pgSchema: leaked });
    await first.close();
    const second = await openStore({ databaseUrl: PG_URL, pgSchema: mine });
    try {
      const tables = await admin.query(
        "select table_name from information_schema.tables where table_schema = $1 and table_name like 'kysely_migration%' order by 1",
        [mine],
      );
      assert.deepEqual(
        tables.rows.map((r: { table_name: string }) => r.table_name),
        ['kysely_migration', 'kysely_migration_lock'],
      );
    } finally {
      await second.close();
    }
  } finally {
    await admin.query(`drop schema if exists ${leaked} cascade`);
    await admin.query(`drop schema if exists ${mine} cascade`);
    await admin.end();
  }
});

test('a schema another store drops while this one migrates is asked again, not an error; its own schema missing is', async (t) => {
  const why = await postgresUnavailable();
  if (why) return t.skip(why);
  const { otherSchemaDropped } = await import('../../src/store/db.js');
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    // the error kysely's table listing meets when a schema goes between its snapshot and a lookup
    const gone = `steward_t_${randomBytes(6).toString('hex')}`;
    const err = await client.query(`select has_schema_privilege('${gone}', 'USAGE')`).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err, 'PostgreSQL refuses a schema that does not exist');
    assert.equal(otherSchemaDropped(err, 'steward_t_mine'), true);
    assert.equal(otherSchemaDropped(err, gone), false, 'its own schema gone is an error');
    const other = await client.query('select * from no_such_table_here').then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(otherSchemaDropped(other, 'steward_t_mine'), false);
  } finally {
    await client.end();
  }
});
