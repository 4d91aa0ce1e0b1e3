import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { appendAudit, inTransaction, verifyAudit, readAudit } from '../../src/store/index.js';
import { BACKENDS } from './backends.js';
import { cleanupTemp } from '../support/repo.js';

test.after(cleanupTemp);

for (const backend of BACKENDS) {
  test(`audit chain on ${backend.name}: appends, verifies, and names the first tampered entry`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const store = await backend.open();
    try {
      for (let i = 0; i < 5; i++) {
        await inTransaction(store, (trx) =>
          appendAudit(trx, [
            {
              at: `2026-01-0${i + 1}T00:00:00.000Z`,
              actor: 'staff',
              action: 'test.step',
              subject: `thing:${i}`,
              data: { i, nested: { b: 1, a: [i] } },
            },
          ]),
        );
      }
      assert.deepEqual(await verifyAudit(store.db), { ok: true, entries: 5 });
      const log = await readAudit(store.db);
      assert.deepEqual(
        log.map((e) => e.seq),
        [1, 2, 3, 4, 5],
      );

      // an edit in the middle: the edited entry is the first bad one
      await sql`update audit_log set data = ${JSON.stringify({ i: 99, nested: { a: [2], b: 1 } })} where seq = 3`.execute(store.db);
      const edited = await verifyAudit(store.db);
      assert.equal(edited.ok, false);
      assert.equal(edited.firstBad?.seq, 3);
      assert.match(edited.firstBad!.reason, /entry 3 \(test.step thing:2\) was altered/);

      // restoring the content restores the chain: the hash is of the content, not the text
      await sql`update audit_log set data = ${JSON.stringify({ nested: { a: [2], b: 1 }, i: 2 })} where seq = 3`.execute(store.db);
      assert.equal((await verifyAudit(store.db)).ok, true);

      // a re-hashed edit still breaks the link of the next entry
      await sql`update audit_log set hash = ${'f'.repeat(64)} where seq = 2`.execute(store.db);
      assert.equal((await verifyAudit(store.db)).firstBad?.seq, 2);
      await sql`update audit_log set hash = (select prev_hash from audit_log where seq = 3) where seq = 2`.execute(store.db);
      assert.equal((await verifyAudit(store.db)).ok, true);

      // a deleted entry in the middle, and a deleted last entry
      await sql`delete from audit_log where seq = 5`.execute(store.db);
      const tail = await verifyAudit(store.db);
      assert.equal(tail.firstBad?.seq, 5);
      assert.match(tail.firstBad!.reason, /removed from the end/);
      await sql`delete from audit_log where seq = 2`.execute(store.db);
      assert.equal((await verifyAudit(store.db)).firstBad?.seq, 2);
    } finally {
      await store.dispose();
    }
  });
}
