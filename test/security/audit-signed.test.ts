// Door: the audit log rewritten by someone with write access to the database. A hash chain alone
// can be recomputed after an edit, cut back together with its stored head, and says nothing of a
// record edited behind its back; all three verified before. Now entries and head are signed with
// a key kept outside the database, the head can be exported and checked later (--head), and the
// state of applications and projects is in the log, so verification compares the records with it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { statSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import {
  openStore,
  checkAudit,
  verifyAudit,
  readHead,
  entryHash,
  appendAudit,
  inTransaction,
  auditKeyRef,
  type Store,
} from '../../src/store/index.js';
import { scheduleSession } from '../../src/process/engine-applications.js';
import { PG_URL, postgresUnavailable } from '../store/backends.js';
import { tempDir, cleanupTemp } from '../support/repo.js';
import { runCli } from '../support/cli.js';
import { addMembers, driveToDecision, simpleInput, testEngine, applicant, STAFF } from '../process/helpers.js';

after(cleanupTemp);

interface Opened {
  store: Store;
  keyFile: string;
  dispose(): Promise<void>;
}

const STORES: { name: string; skip(): Promise<string | null>; open(): Promise<Opened> }[] = [
  {
    name: 'sqlite',
    skip: async () => null,
    async open() {
      const dataDir = tempDir('steward-audit-');
      const store = await openStore({ dataDir });
      return { store, keyFile: join(dataDir, 'audit.key'), dispose: () => store.close() };
    },
  },
  {
    name: 'postgres',
    skip: postgresUnavailable,
    async open() {
      const schema = `steward_t_${randomBytes(6).toString('hex')}`;
      const keyFile = join(tempDir('steward-audit-key-'), 'audit.key');
      const store = await openStore({ databaseUrl: PG_URL, pgSchema: schema, auditKeyFile: keyFile });
      return {
        store,
        keyFile,
        async dispose() {
          await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
          await store.close();
        },
      };
    },
  },
];

/** A store with an accepted project and a declined application, as the engine writes them. */
async function populate(store: Store): Promise<void> {
  const { engine } = testEngine(store, '2026-06-01T10:00:00.000Z');
  await addMembers(store, [1, 2, 3]);
  await driveToDecision(engine, applicant('alice'), simpleInput('Widgets'), 'ACCEPTED');
}

/** What an attacker without the key does: edit an entry, recompute every hash after it and the head. */
async function rewriteWithoutKey(store: Store, seq: number, data: Record<string, unknown>): Promise<void> {
  const rows = await store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  let prev = '0'.repeat(64);
  for (const r of rows) {
    const d = Number(r.seq) === seq ? data : (JSON.parse(r.data) as Record<string, unknown>);
    const hash = entryHash(prev, { seq: Number(r.seq), at: r.at, actor: r.actor, action: r.action, subject: r.subject, data: d }, r.state);
    await store.db
      .updateTable('audit_log')
      .set({ data: JSON.stringify(d), prev_hash: prev, hash })
      .where('seq', '=', r.seq)
      .execute();
    prev = hash;
  }
  await store.db.updateTable('audit_head').set({ hash: prev }).where('id', '=', 1).execute();
}

for (const backend of STORES) {
  test(`audit log on ${backend.name}: signed with a key outside the database; a chain recomputed without it fails`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const { store, keyFile, dispose } = await backend.open();
    try {
      assert.equal(existsSync(keyFile), false, 'no key before the first write');
      await populate(store);
      assert.equal(statSync(keyFile).mode & 0o777, 0o600, 'the key file is created with mode 0600');
      const key = store.auditKey.load()!;
      const good = await checkAudit(store.db, { key });
      assert.equal(good.ok, true, good.firstBad?.reason);
      assert.equal(good.signedFrom, 1);
      assert.equal(good.records.checked, 1, 'the application is compared with the log');

      const victim = await store.db
        .selectFrom('audit_log')
        .select(['seq', 'data'])
        .where('action', 'like', 'vote%')
        .orderBy('seq')
        .executeTakeFirstOrThrow();
      await rewriteWithoutKey(store, Number(victim.seq), { ...(JSON.parse(victim.data) as object), choice: 'approve', forged: true });
      // without the key the recomputed chain passes, and the result says signatures were not checked
      const blind = await checkAudit(store.db);
      assert.equal(blind.ok, true);
      assert.equal(blind.signatures.checked, false);
      // with it, the first rewritten entry is named
      const caught = await checkAudit(store.db, { key });
      assert.equal(caught.ok, false);
      assert.equal(caught.firstBad!.what, 'signature');
      assert.equal(caught.firstBad!.seq, Number(victim.seq));
      assert.match(caught.firstBad!.reason, /signature the audit key did not make: the chain was recomputed without the key/);
    } finally {
      await dispose();
    }
  });

  test(`audit log on ${backend.name}: a log cut back with its stored head is caught by --head, and by the head's signature`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const { store, dispose } = await backend.open();
    try {
      await populate(store);
      const key = store.auditKey.load()!;
      // the attacker keeps a copy of the head row as it is now ...
      const saved = await store.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
      await inTransaction(store, (trx) =>
        appendAudit(trx, [
          { at: '2026-06-02T00:00:00.000Z', actor: 'sam', action: 'note', subject: 'note:1', data: { said: 'this will be cut' } },
        ]),
      );
      // ... the operator exports the head after the next entry ...
      const kept = await readHead(store.db);
      const exported = `${kept.seq}:${kept.hash}`;
      assert.deepEqual((await checkAudit(store.db, { key, head: exported })).externalHead, { seq: kept.seq, after: 0 });
      // ... and the attacker cuts that entry and writes the head back without the key: its signature fails
      await store.db.deleteFrom('audit_log').where('seq', '>', Number(saved.seq)).execute();
      await store.db.updateTable('audit_head').set({ seq: saved.seq, hash: saved.hash }).where('id', '=', 1).execute();
      const unsigned = await checkAudit(store.db, { key });
      assert.equal(unsigned.ok, false);
      assert.match(
        unsigned.firstBad!.reason,
        /^the head \(entry \d+\) has a signature the audit key did not make: it was rewritten without the key/,
      );
      // with the saved head row put back whole, the key alone cannot tell (it is an older true state) ...
      await store.db.updateTable('audit_head').set({ sig: saved.sig }).where('id', '=', 1).execute();
      assert.equal((await checkAudit(store.db, { key })).ok, true);
      // ... the head kept outside can: the log no longer holds it
      for (const opts of [{ head: exported }, { key, head: exported }, { head: kept.hash }]) {
        const v = await checkAudit(store.db, opts);
        assert.equal(v.ok, false);
        assert.equal(v.firstBad!.what, 'head');
        assert.match(
          v.firstBad!.reason,
          /^the head kept outside \((entry \d+, )?[0-9a-f]{12}…\) is not in the log, which ends at entry \d+: the log was cut back or rewritten after that head was taken$/,
        );
      }
    } finally {
      await dispose();
    }
  });

  test(`audit log on ${backend.name}: an application edited in its table behind the log's back fails verification, named`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const { store, dispose } = await backend.open();
    try {
      await populate(store);
      const app = await store.db.selectFrom('applications').select(['id', 'doc']).executeTakeFirstOrThrow();
      assert.equal((await verifyAudit(store.db)).ok, true);
      const doc = JSON.parse(app.doc) as { status: string };
      await store.db
        .updateTable('applications')
        .set({ doc: JSON.stringify({ ...doc, status: 'ACCEPTED', decision: { outcome: 'ACCEPTED', reason: 'edited in the table' } }) })
        .where('id', '=', app.id)
        .execute();
      const v = await verifyAudit(store.db);
      assert.equal(v.ok, false);
      assert.match(
        v.firstBad!.reason,
        new RegExp(
          `^application ${app.id} was changed behind the log's back: its stored record \\(version \\d+\\) is not the state entry \\d+ recorded`,
        ),
      );
      // put back as it was: verifies again (the comparison is of content, not text)
      await store.db.updateTable('applications').set({ doc: app.doc }).where('id', '=', app.id).execute();
      assert.equal((await verifyAudit(store.db)).ok, true);
      // a project inserted behind the log's back, and a project deleted behind it
      await store.db
        .insertInto('projects')
        .values({ id: 'ghost', status: 'ACTIVE', key: '', sort: '2027-01-01', version: 1, doc: '{}', updated_at: '2026-06-01T00:00:00Z' })
        .execute();
      assert.match(
        (await verifyAudit(store.db)).firstBad!.reason,
        /^project ghost is not in the audit log: it was written behind the log's back$/,
      );
      await store.db.deleteFrom('projects').execute();
      assert.equal((await verifyAudit(store.db)).ok, true);
      await store.db.deleteFrom('applications').execute();
      assert.match(
        (await verifyAudit(store.db)).firstBad!.reason,
        new RegExp(
          `^application ${app.id} is in the audit log \\(entry \\d+\\) but not in the store: it was deleted behind the log's back$`,
        ),
      );
    } finally {
      await dispose();
    }
  });

  test(`audit log on ${backend.name}: a record's index column edited alone (its document untouched) fails verification, named`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const { store, dispose } = await backend.open();
    try {
      await populate(store);
      assert.equal((await verifyAudit(store.db)).ok, true);
      // queries select by these columns (the open applications for a repository, a list by
      // status, the projects due by a day; projects are written the same way): an edit of one changes
      // what the process does
      const app = await store.db.selectFrom('applications').select(['id', 'status', 'key', 'sort']).executeTakeFirstOrThrow();
      const edits: [table: 'applications' | 'projects', id: string, column: 'status' | 'key' | 'sort', value: string, was: string][] = [
        ['applications', app.id, 'status', 'WITHDRAWN', app.status],
        ['applications', app.id, 'key', '', app.key],
        ['applications', app.id, 'sort', '2099-01-01', app.sort],
      ];
      for (const [table, id, column, value, was] of edits) {
        await store.db
          .updateTable(table)
          .set({ [column]: value })
          .where('id', '=', id)
          .execute();
        const v = await verifyAudit(store.db);
        assert.equal(v.ok, false, `${table}.${column} edited`);
        assert.equal(v.firstBad!.what, 'state');
        assert.match(
          v.firstBad!.reason,
          new RegExp(
            `^${table === 'applications' ? 'application' : 'project'} ${id} was changed behind the log's back: its ${column} column is "${value}", where entry \\d+ recorded "${was}"$`,
          ),
        );
        await store.db
          .updateTable(table)
          .set({ [column]: was })
          .where('id', '=', id)
          .execute();
        assert.equal((await verifyAudit(store.db)).ok, true);
      }
    } finally {
      await dispose();
    }
  });
}

test('a store from before signing keeps working: its old entries verify unsigned, said so, and new ones are signed', async () => {
  const dataDir = tempDir('steward-audit-legacy-');
  const store = await openStore({ dataDir });
  try {
    await populate(store);
    // make it what a store migrated from the previous version looks like: no signatures, no state
    const rows = await store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    let prev = '0'.repeat(64);
    for (const r of rows) {
      const hash = entryHash(prev, {
        seq: Number(r.seq),
        at: r.at,
        actor: r.actor,
        action: r.action,
        subject: r.subject,
        data: JSON.parse(r.data) as Record<string, unknown>,
      });
      await store.db.updateTable('audit_log').set({ prev_hash: prev, hash, sig: null, state: null }).where('seq', '=', r.seq).execute();
      prev = hash;
    }
    await store.db
      .updateTable('audit_head')
      .set({ hash: prev, sig: null, signed_from: rows.length + 1 })
      .where('id', '=', 1)
      .execute();
    rmSync(join(dataDir, 'audit.key'));

    const env = { STEWARD_DATA_DIR: dataDir, STEWARD_ACTOR: '' };
    let r = await runCli(['audit', 'verify'], { env });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^audit log intact: \d+ entries/);
    assert.match(r.stdout, /signatures NOT checked: no audit key \(set STEWARD_AUDIT_KEY, or keep the key file at .*audit\.key\)/);
    assert.match(
      r.stdout,
      new RegExp(`entries 1–${rows.length} were written before signing began \\(entry ${rows.length + 1}\\): hash-chained, not signed`),
    );
    assert.match(
      r.stdout,
      /records not yet in the log \(last written before signing began; tied to it on their next change\): 1 \(application 1\)/,
    );

    // the next write signs, with the key from STEWARD_AUDIT_KEY, and ties the record it changes to the log
    const secret = randomBytes(24).toString('hex');
    store.auditKey = auditKeyRef({ sqliteFile: join(dataDir, 'steward.sqlite'), env: { STEWARD_AUDIT_KEY: secret } });
    const { engine } = testEngine(store, '2026-06-03T10:00:00.000Z');
    await scheduleSession(engine, STAFF, '2030-02-01', 50);
    const v = await checkAudit(store.db, { key: store.auditKey.load()! });
    assert.equal(v.ok, true, v.firstBad?.reason);
    assert.equal(v.signedFrom, rows.length + 1);
    const head = await readHead(store.db);
    r = await runCli(['audit', 'verify', '--head', `${head.seq}:${head.hash}`], { env: { ...env, STEWARD_AUDIT_KEY: secret } });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /signatures checked with the audit key \(STEWARD_AUDIT_KEY\): 1 signed entry/);
    assert.match(r.stdout, /external head: entry \d+ is in the log, 0 entries after it/);
    // a different key: every signature is foreign
    const other = await checkAudit(store.db, { key: Buffer.from(randomBytes(24).toString('hex')) });
    assert.equal(other.ok, false);
    assert.match(other.firstBad!.reason, /^entry \d+ \(session\.scheduled session:S2\) has a signature the audit key did not make/);
  } finally {
    await store.close();
  }
});
