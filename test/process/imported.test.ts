// Projects imported from the landscape: a RETIRED one has no known retirement date ("retired
// before import", not the import day); they have no contacts, so their notices go to a fallback
// recipient asked to forward them; staff can set a project's contacts. On SQLite and PostgreSQL,
// and through the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deliverOutbox } from '../../src/process/delivery.js';
import { importLandscape } from '../../src/process/engine-import.js';
import { getProject, retireProject, setProjectContacts } from '../../src/process/engine-review.js';
import { projectInvariants } from '../../src/process/projects.js';
import { isOffboardingCheckDue } from '../../src/process/offboarding-check.js';
import type { Landscape } from '../../src/landscape/index.js';
import { listOutbox, readAudit } from '../../src/store/index.js';
import { BACKENDS } from '../store/backends.js';
import { runCli } from '../support/cli.js';
import { cleanupTemp, tempDir } from '../support/repo.js';
import { CapturingTransport, member, plainRender, STAFF, testEngine } from './helpers.js';

test.after(cleanupTemp);

const landscape: Landscape = {
  file: 'landscape.yml',
  format: 'landscape',
  categories: [],
  problems: [],
  items: [
    {
      id: 'modeling--x--live',
      name: 'Live',
      category: 'Modeling',
      subcategory: 'X',
      homepage_url: '',
      repo_url: 'https://github.com/example/live',
      logo: 'x.svg',
      extra: { accepted: '2025-06-01' },
      line: 1,
    },
    {
      id: 'modeling--x--old',
      name: 'Old',
      category: 'Modeling',
      subcategory: 'X',
      homepage_url: '',
      repo_url: 'https://github.com/example/old',
      logo: 'x.svg',
      project: 'archived',
      line: 2,
    },
  ],
};

for (const backend of BACKENDS) {
  test(`imported projects: unknown retirement date, fallback recipient, contacts (${backend.name})`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const store = await backend.open();
    try {
      const { engine, clock } = testEngine(store, '2026-11-27T09:00:00.000Z');
      await importLandscape(engine, STAFF, landscape);
      const old = await getProject(engine, 'old');
      assert.equal(old.status, 'RETIRED');
      assert.equal(old.retiredOn, undefined, 'the import day is not the retirement day');
      assert.equal(old.retiredBeforeImport, true);
      assert.deepEqual(projectInvariants(old), []);
      assert.equal(isOffboardingCheckDue(old, '2030-01-01'), false);

      // no contacts: the notices are written with no recipient, and delivered to the fallback to forward
      await retireProject(engine, STAFF, 'live', 'archived upstream');
      const rows = await listOutbox(store.db);
      assert.deepEqual(
        rows.map((r) => [r.kind, r.to]),
        [
          ['retirement', []],
          ['offboarding', []],
        ],
      );
      const transport = new CapturingTransport();
      const r = await deliverOutbox({ store, transport, render: plainRender, clock, fallbackTo: ['staff@pytorch.org'] });
      assert.equal(r.delivered.length, 2);
      assert.deepEqual(
        transport.sent.map((m) => m.to),
        [['staff@pytorch.org'], ['staff@pytorch.org']],
      );
      assert.match(transport.sent[0]!.subject, /^\[to forward\] \[retirement\] Live$/);
      assert.match(
        transport.sent[0]!.text,
        /^\[Steward\] No contact is on record for project:live: please forward this message to its maintainers\. Record them with `steward project contacts live --set /,
      );

      // contacts: staff only, e-mail addresses only, deduplicated, audited; notices then go to them
      await assert.rejects(
        setProjectContacts(engine, member(1), 'live', ['a@live.example']),
        /needs role staff; m1 is not staff \(role: member\)/,
      );
      await assert.rejects(
        setProjectContacts(engine, STAFF, 'live', ['a@live.example', 'not an address']),
        /expected e-mail addresses, found "not an address"/,
      );
      await assert.rejects(setProjectContacts(engine, STAFF, 'nope', ['a@live.example']), /project "nope" does not exist/);
      const set = await setProjectContacts(engine, STAFF, 'old', [' a@old.example', 'b@old.example', 'a@old.example']);
      assert.deepEqual(set.contacts, ['a@old.example', 'b@old.example']);
      const audit = await readAudit(store.db, { subject: 'project:old' });
      assert.deepEqual(audit.at(-1)!.data, { from: [], to: ['a@old.example', 'b@old.example'] });
      assert.equal(audit.at(-1)!.action, 'project.contacts-set');
    } finally {
      await store.dispose();
    }
  });
}

const YML = `landscape:
  - category:
    name: Modeling
    subcategories:
      - subcategory:
        name: X
        items:
          - item:
            name: Live
            homepage_url: https://github.com/example/live
            logo: live.svg
            repo_url: https://github.com/example/live
          - item:
            name: Old
            homepage_url: https://github.com/example/old
            logo: old.svg
            project: archived
            repo_url: https://github.com/example/old
`;

test('CLI: "retired before import", project contacts, and notices for the fallback recipient', async () => {
  const dir = tempDir('steward-imported-');
  const file = join(dir, 'landscape.yml');
  writeFileSync(file, YML);
  const env = { STEWARD_DATA_DIR: join(dir, 'data'), STEWARD_ACTOR: '', STEWARD_STAFF_EMAIL: '' };
  const cli = (args: string[]) => runCli(args, { env });
  let r = await cli(['import', file]);
  assert.equal(r.code, 0, r.stderr);
  r = await cli(['project', 'list']);
  assert.match(r.stdout, /RETIRED\s+old\s+https:\/\/github.com\/example\/old\s+accepted unknown\s+retired before import\n/);
  assert.doesNotMatch(r.stdout, /retired \d{4}/);
  r = await cli(['retire', 'live', '--reason', 'archived upstream']);
  assert.equal(r.code, 0, r.stderr);
  r = await cli(['notices', 'deliver', '--dry-run', '--notify', 'staff@pytorch.org']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /To: staff@pytorch\.org\nSubject: \[to forward\] \[PyTorch Ecosystem\] Live: retired/);
  assert.match(r.stdout, /please forward this message to its maintainers/);
  r = await runCli(['notices', 'deliver', '--dry-run'], { env: { ...env, STEWARD_STAFF_EMAIL: 'ops@pytorch.org' } });
  assert.match(r.stdout, /To: ops@pytorch\.org\n/);
  r = await cli(['project', 'contacts', 'live', '--set', 'a@live.example,b@live.example']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'project live: contacts a@live.example, b@live.example\n');
  r = await cli(['project', 'contacts', 'live', '--set', 'nope']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /refused \(invalid\): project contacts: expected e-mail addresses, found "nope"/);
});
