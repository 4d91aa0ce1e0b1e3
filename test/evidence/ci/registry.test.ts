import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CI_SYSTEMS, ciFilesShown, ciSystemById, ciSystemOf } from '../../../src/evidence/ci/systems/index.js';
import { extractCi } from '../../../src/evidence/ci/index.js';
import { evaluateWorkingCi, runsOnChanges, workingCi } from '../../../src/requirements/working-ci.js';
import type { CiEvidence, Evidence } from '../../../src/evidence/types.js';
import { fileMap } from './helpers.js';

/** A file the system's `shownAs` names: a glob's `*` and a folder's trailing slash filled in. */
const example = (shownAs: string) => (shownAs.endsWith('/') ? `${shownAs}pipeline.yml` : shownAs.replace('*', 'ci'));

test('every registered CI system has a unique id and a file its own pattern takes and no other system does', () => {
  assert.equal(new Set(CI_SYSTEMS.map((s) => s.id)).size, CI_SYSTEMS.length);
  for (const s of CI_SYSTEMS) {
    const path = example(s.shownAs);
    assert.equal(ciSystemOf(path), s, `${s.id}: ${path}`);
    assert.equal(ciSystemById(s.id), s);
    for (const other of CI_SYSTEMS) if (other !== s) assert.equal(other.matches(path), false, `${other.id} also takes ${path}`);
  }
  assert.equal(ciSystemById('no-such-ci'), undefined);
});

test('the gatherer reads each registered system through its registration', () => {
  for (const s of CI_SYSTEMS) {
    const path = example(s.shownAs);
    const ci = extractCi(
      fileMap({ [path]: s.id === 'jenkins' ? "pipeline { stages { stage('t') { steps { sh 'pytest' } } } }\n" : 'x: 1\n' }),
      [],
    );
    assert.deepEqual(ci.systems, [s.id], s.id);
    assert.equal(ci.workflows[0]!.file, path);
  }
});

test('the working-CI texts name every registered system and its file', () => {
  const ci: CiEvidence = { systems: [], workflows: [], os: [], testSteps: [], publishSteps: [] };
  const evidence = { ci, python: { classifiers: [] } } as unknown as Evidence;
  const summary = evaluateWorkingCi(evidence).summary;
  assert.equal(summary, `No CI configuration was found (${ciFilesShown()}).`);
  for (const s of CI_SYSTEMS) {
    assert.ok(summary.includes(s.shownAs), s.shownAs);
    assert.ok(workingCi.meta.measures.includes(s.name), s.name);
  }
});

test('a workflow of a system no longer registered (stored evidence) counts as running on every push', () => {
  assert.equal(runsOnChanges({ file: 'ci.cfg', system: 'retired-ci', triggers: [], runners: [], os: [] }), true);
  assert.equal(
    runsOnChanges({ file: '.github/workflows/x.yml', system: 'github-actions', triggers: ['schedule'], runners: [], os: [] }),
    false,
  );
});
