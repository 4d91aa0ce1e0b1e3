// The submission receipt states what the attached requirements report found: the verdict and how
// many requirements fail (28 commits fail requirement 13; 30 pass), and nothing when none ran.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as apps from '../../src/process/engine-applications.js';
import { listOutbox } from '../../src/store/index.js';
import { BACKENDS } from '../store/backends.js';
import { cleanupTemp } from '../support/repo.js';
import { fakeEvaluator } from './fake-report.js';
import { applicant, simpleInput, testEngine } from './helpers.js';

test.after(cleanupTemp);

for (const backend of BACKENDS) {
  test(`submission receipt carries the report's verdict on ${backend.name}`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const store = await backend.open();
    try {
      const failing = simpleInput('Failing');
      const passing = simpleInput('Passing');
      const commits = new Map([
        [failing.repoUrl, 28],
        [passing.repoUrl, 30],
      ]);
      const { engine } = testEngine(store, '2026-01-15T12:00:00.000Z', fakeEvaluator(commits));
      const a = await apps.submitApplication(engine, applicant('one'), failing);
      const b = await apps.submitApplication(engine, applicant('two'), passing);
      const { engine: unchecked } = testEngine(store, '2026-01-15T12:00:00.000Z');
      const c = await apps.submitApplication(unchecked, applicant('three'), simpleInput('Unchecked'));
      const receipts = (await listOutbox(store.db)).filter((n) => n.kind === 'submission-received');
      const data = (id: string) => receipts.find((n) => n.data['applicationId'] === id)!.data;
      assert.equal(data(a.id)['verdict'], 'fail');
      assert.equal(data(a.id)['failing'], 1);
      assert.equal(data(b.id)['failing'], 0);
      assert.notEqual(data(b.id)['verdict'], 'fail');
      assert.equal(data(c.id)['verdict'], undefined);
      assert.equal(data(c.id)['failing'], undefined);
    } finally {
      await store.dispose();
    }
  });
}
