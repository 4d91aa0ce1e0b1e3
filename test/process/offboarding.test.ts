// The offboarding follow-up: which README lines count as references to the PyTorch Ecosystem,
// when the check is due (day 29 after retirement no, day 30 yes; stops once clean or after the
// last reminder), and over the store on SQLite and PostgreSQL: recorded on the project, in the
// audit log, a reminder in the outbox only when references remain, each step done once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEcosystemReferences, isOffboardingCheckDue, OFFBOARDING_MAX_CHECKS } from '../../src/process/offboarding-check.js';
import { readmeReaderFrom, runOffboardingChecks, type ReadmeReader } from '../../src/process/engine-offboarding.js';
import { importLandscape } from '../../src/process/engine-import.js';
import { retireProject, runPeriodicReview, getProject } from '../../src/process/engine-review.js';
import type { Project } from '../../src/process/types.js';
import { listOutbox, readAudit } from '../../src/store/index.js';
import type { Landscape } from '../../src/landscape/index.js';
import { BACKENDS } from '../store/backends.js';
import { cleanupTemp } from '../support/repo.js';
import { STAFF, testEngine, member } from './helpers.js';
import { fakeEvaluator } from './fake-report.js';

test.after(cleanupTemp);

const README = [
  '# Widgets',
  '[![PyTorch Ecosystem](https://img.shields.io/badge/PyTorch%20Ecosystem-member-ee4c2c)](https://landscape.pytorch.org/)',
  '',
  'Widgets is part of the PyTorch ecosystem.\r',
  'Built on PyTorch. See our ecosystem of plugins.',
  '<img src="assets/ecosystem-logo.svg">',
  'More at https://pytorch.org/ecosystem/ and the pytorch-ecosystem badge.',
].join('\n');

test('references: wording, badges, landscape and ecosystem links with file:line; plain "PyTorch" or "ecosystem" alone are not', () => {
  const refs = findEcosystemReferences([{ path: 'README.md', text: README }]);
  assert.deepEqual(
    refs.map((r) => [r.path, r.line, r.what]),
    [
      ['README.md', 2, 'PyTorch Ecosystem'],
      ['README.md', 4, 'PyTorch Ecosystem'],
      ['README.md', 6, 'ecosystem badge or logo'],
      ['README.md', 7, 'PyTorch Ecosystem'],
    ],
  );
  assert.equal(refs[1]!.text, 'Widgets is part of the PyTorch ecosystem.', 'a CRLF line is reported without its CR');
  assert.deepEqual(
    findEcosystemReferences([{ path: 'README', text: 'see https://landscape.pytorch.org/?item=x' }]).map((r) => r.what),
    ['landscape link'],
  );
  assert.deepEqual(findEcosystemReferences([{ path: 'README', text: 'PyTorchEcosystem\nPyTorch_Ecosystem' }]).length, 2);
  assert.deepEqual(findEcosystemReferences([{ path: 'README', text: 'PyTorch Foundation\nan ecosystem\npytorch eco system' }]), []);
});

test('references: a hostile README is bounded (50 references, 200 characters a line) and scanned in linear time', () => {
  const line = `PyTorch Ecosystem ${'x'.repeat(10_000)}`;
  const refs = findEcosystemReferences([{ path: 'README.md', text: Array(500).fill(line).join('\n') }]);
  assert.equal(refs.length, 50);
  assert.ok(refs.every((r) => r.text.length <= 200));
  const started = Date.now();
  findEcosystemReferences([{ path: 'README.md', text: `pytorch${' '.repeat(200_000)}x\n`.repeat(5) }]);
  assert.ok(Date.now() - started < 1000, 'no backtracking blow-up on long runs of separators');
});

test('due: 30 days after retirement (day 29 not), again 30 days after a check that found references, never once clean or after the last reminder', () => {
  const p: Project = {
    id: 'w',
    name: 'W',
    repoUrl: 'https://github.com/x/w',
    contacts: [],
    status: 'RETIRED',
    acceptedOn: null,
    lastReviewOn: null,
    reviewDueOn: '2026-06-01',
    retiredOn: '2026-03-01',
    origin: 'application',
  };
  assert.equal(isOffboardingCheckDue(p, '2026-03-30'), false);
  assert.equal(isOffboardingCheckDue(p, '2026-03-31'), true);
  const found = { ...p, offboarding: { checks: 1, lastCheckedOn: '2026-03-31', clean: false, references: [], files: [] } };
  assert.equal(isOffboardingCheckDue(found, '2026-04-29'), false);
  assert.equal(isOffboardingCheckDue(found, '2026-04-30'), true);
  assert.equal(isOffboardingCheckDue({ ...found, offboarding: { ...found.offboarding, clean: true } }, '2027-01-01'), false);
  assert.equal(
    isOffboardingCheckDue({ ...found, offboarding: { ...found.offboarding, checks: OFFBOARDING_MAX_CHECKS } }, '2027-01-01'),
    false,
  );
  const { retiredOn: _r, ...unknown } = p;
  assert.equal(isOffboardingCheckDue(unknown, '2027-01-01'), false, 'retired before import: not followed up automatically');
  assert.equal(isOffboardingCheckDue({ ...p, status: 'ACTIVE' }, '2027-01-01'), false);
});

test('the reader from the checker takes top-level READMEs from evidence.files, and refuses a checker that gave no files', async () => {
  const reader = readmeReaderFrom(async () => ({
    report: {} as never,
    evidence: {
      files: {
        'README.md': { path: 'README.md', size: 3, text: 'hi' },
        'docs/README.md': { path: 'docs/README.md', size: 1, text: 'x' },
        'README.png': { path: 'README.png', size: 1, binary: true },
      },
    },
  }));
  assert.deepEqual(await reader({ id: 'w', name: 'W', repoUrl: 'u' }, new Date()), [{ path: 'README.md', text: 'hi' }]);
  const none = readmeReaderFrom(async () => ({ report: {} as never }));
  await assert.rejects(
    none({ id: 'w', name: 'W', repoUrl: 'https://github.com/x/w' }, new Date()),
    /offboarding check of w: the checker gave no files for https:\/\/github.com\/x\/w/,
  );
});

const landscape: Landscape = {
  file: 'landscape.yml',
  format: 'landscape',
  categories: [],
  problems: [],
  items: ['widgets', 'gadgets'].map((n, i) => ({
    id: `modeling--x--${n}`,
    name: n,
    category: 'Modeling',
    subcategory: 'X',
    homepage_url: '',
    repo_url: `https://github.com/example/${n}`,
    logo: 'x.svg',
    extra: { accepted: '2025-06-01' },
    line: i + 1,
  })),
};

for (const backend of BACKENDS) {
  test(`offboarding follow-up over the store (${backend.name})`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const store = await backend.open();
    try {
      const { engine, clock } = testEngine(store, '2026-03-01T09:00:00.000Z');
      await importLandscape(engine, STAFF, landscape);
      for (const id of ['widgets', 'gadgets']) {
        const p = await getProject(engine, id);
        await store.db
          .updateTable('projects')
          .set({ doc: JSON.stringify({ ...p, contacts: [`owner@${id}.example`] }) })
          .where('id', '=', id)
          .execute();
      }
      await retireProject(engine, STAFF, 'widgets', 'owners asked');
      await retireProject(engine, STAFF, 'gadgets', 'owners asked');
      const texts = new Map([
        ['widgets', README],
        ['gadgets', '# Gadgets\nNo longer listed anywhere.\n'],
      ]);
      const reads: string[] = [];
      const reader: ReadmeReader = async (p) => {
        reads.push(p.id);
        if (p.id === 'broken') throw new Error('clone failed');
        return [{ path: 'README.md', text: texts.get(p.id)! }];
      };
      const evaluator = fakeEvaluator();

      clock.set('2026-03-30T09:00:00.000Z'); // day 29
      let r = await runPeriodicReview(engine, STAFF, { evaluator, readmeReader: reader });
      assert.deepEqual(r.offboarding, { checked: [], errors: [] });
      assert.deepEqual(reads, []);

      clock.set('2026-03-31T09:00:00.000Z'); // day 30
      r = await runPeriodicReview(engine, STAFF, { evaluator, readmeReader: reader });
      assert.deepEqual(
        r.offboarding!.checked.map((c) => [c.projectId, c.references.map((x) => `${x.path}:${x.line}`)]),
        [
          ['gadgets', []],
          ['widgets', ['README.md:2', 'README.md:4', 'README.md:6', 'README.md:7']],
        ],
      );
      const widgets = await getProject(engine, 'widgets');
      assert.equal(widgets.offboarding!.checks, 1);
      assert.equal(widgets.offboarding!.clean, false);
      assert.equal((await getProject(engine, 'gadgets')).offboarding!.clean, true);
      let reminders = (await listOutbox(store.db)).filter((n) => n.kind === 'offboarding-reminder');
      assert.deepEqual(
        reminders.map((n) => [n.subject, n.to]),
        [['project:widgets', ['owner@widgets.example']]],
      );
      const audit = (await readAudit(store.db)).filter((a) => a.action === 'offboarding.checked');
      assert.deepEqual(
        audit.map((a) => [a.subject, (a.data as { clean: boolean }).clean]),
        [
          ['project:gadgets', true],
          ['project:widgets', false],
        ],
      );

      // the same day again: nothing due, nothing read, no second reminder
      r = await runPeriodicReview(engine, STAFF, { evaluator, readmeReader: reader });
      assert.deepEqual(r.offboarding!.checked, []);
      assert.equal(reads.length, 2);

      // fixed by the next check: recorded clean, no reminder, and never checked again
      texts.set('widgets', '# Widgets\n');
      clock.set('2026-04-30T09:00:00.000Z');
      r = await runPeriodicReview(engine, STAFF, { evaluator, readmeReader: reader });
      assert.deepEqual(r.offboarding!.checked, [{ projectId: 'widgets', references: [] }]);
      assert.equal((await getProject(engine, 'widgets')).offboarding!.checks, 2);
      reminders = (await listOutbox(store.db)).filter((n) => n.kind === 'offboarding-reminder');
      assert.equal(reminders.length, 1);
      clock.set('2027-04-30T09:00:00.000Z');
      assert.deepEqual((await runPeriodicReview(engine, STAFF, { evaluator, readmeReader: reader })).offboarding!.checked, []);

      // staff may check a named retired project at any time; an ACTIVE one or a member is refused
      texts.set('gadgets', 'Gadgets — a PyTorch Ecosystem project');
      const named = await runOffboardingChecks(engine, STAFF, { reader, projectIds: ['gadgets'] });
      assert.deepEqual(
        named.checked[0]!.references.map((x) => x.line),
        [1],
      );
      await assert.rejects(runOffboardingChecks(engine, STAFF, { reader, projectIds: ['nope'] }), /project "nope" does not exist/);
      const failing = await runOffboardingChecks(engine, member(1), { reader, projectIds: ['gadgets'] });
      assert.match(failing.errors[0]!.message, /needs role staff; m1 is not staff \(role: member\)/);
    } finally {
      await store.dispose();
    }
  });
}
