// `steward application import`: a sample export of the ecosystem repository's issues becomes
// applications in the states their labels say, every state label of the table used and mapped;
// importing again changes nothing. The label table refuses a state shown twice or not at all and
// two labels of the same rank.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applicationInvariants } from '../../src/process/applications.js';
import { decidingLabel, labelFor, labelStateOf, loadLabelTable, parseLabelTable } from '../../src/process/labels.js';
import type { Application } from '../../src/process/types.js';
import { runCli } from '../support/cli.js';
import { EXPECTED_STATUS, SAMPLE_ISSUES, sampleComments, sampleIssues } from '../support/issue-export.js';
import { cleanupTemp, tempDir } from '../support/repo.js';

test.after(cleanupTemp);

test('the label table: every state has one label, ranks settle conflicts', () => {
  const table = loadLabelTable();
  const names = table.labels.map((l) => l.name).sort();
  assert.deepEqual(
    names,
    [
      'Accepted',
      'Community Highlight',
      'Declined',
      'Need more info',
      'New',
      'Resubmit',
      'Too early',
      'Waiting on comment',
      'in voting',
      'nonactive',
      'review - future',
      'review - scheduled',
    ].sort(),
  );
  assert.equal(decidingLabel(table, ['New', 'Accepted'])!.name, 'Accepted');
  assert.equal(decidingLabel(table, ['in voting', 'review - scheduled'])!.name, 'in voting');
  assert.equal(decidingLabel(table, ['Blog candidate']), undefined);
  assert.equal(decidingLabel(table, ['NEED MORE INFO'])!.name, 'Need more info');
  assert.equal(labelFor(table, 'RETURNING').name, 'New');
  assert.equal(labelFor(table, 'ONBOARDING').name, 'Accepted');
  const base = {
    id: '1',
    projectName: 'X',
    repoUrl: 'https://github.com/x/x',
    contacts: [],
    applicant: 'x',
    fields: {},
    submittedAt: '2025-01-01T00:00:00Z',
    returning: false,
    questions: [],
  };
  const vote = { openedAt: '', openedBy: 's', roster: ['m1'], rule: { fraction: 0.5, strict: true }, ballots: {}, nonBinding: {} };
  assert.equal(labelStateOf({ ...base, status: 'IN_REVIEW', sessionId: 'S1' } as Application), 'IN_REVIEW');
  assert.equal(labelStateOf({ ...base, status: 'IN_REVIEW', sessionId: 'S1', vote } as Application), 'IN_VOTING');
  assert.equal(labelStateOf({ ...base, status: 'NEW', resubmissionOf: '3' } as Application), 'RESUBMITTED');
  assert.equal(labelStateOf({ ...base, status: 'DECLINED', resubmissionOf: '3' } as Application), 'DECLINED');
});

test('the label table refuses a state shown twice, a state not shown, and a shared rank', () => {
  const all =
    'NEW, INCOMPLETE, WAITING_ON_COMMENT, RETURNING, DEFERRED, IN_REVIEW, IN_VOTING, RESUBMITTED, ACCEPTED, ONBOARDING, ACTIVE, DECLINED, TOO_EARLY, COMMUNITY_HIGHLIGHT, WITHDRAWN';
  assert.doesNotThrow(() => parseLabelTable(`labels:\n  - { name: A, states: [${all}], rank: 1 }\n`));
  assert.throws(
    () => parseLabelTable(`labels:\n  - { name: A, states: [${all}], rank: 1 }\n  - { name: B, states: [NEW], rank: 2 }\n`),
    /state NEW is already shown by "A"/,
  );
  assert.throws(
    () =>
      parseLabelTable(
        `labels:\n  - { name: A, states: [${all.replace('WITHDRAWN', 'DECLINED').replace(', DECLINED, TOO_EARLY', ', TOO_EARLY')}], rank: 1 }\n`,
      ),
    /no label shows the state WITHDRAWN/,
  );
  assert.throws(
    () =>
      parseLabelTable(
        `labels:\n  - { name: A, states: [${all.replace(', WITHDRAWN', '')}], rank: 1 }\n  - { name: B, states: [WITHDRAWN], rank: 1 }\n`,
      ),
    /rank 1 is also "A"'s/,
  );
  assert.throws(() => parseLabelTable(`labels:\n  - { name: A, states: [${all}, SLEEPING], rank: 1 }\n`), /state "SLEEPING" is not one of/);
});

test('the sample issue export imports with every label mapped, and twice without a change', async () => {
  const dir = tempDir();
  const issues = join(dir, 'issues.json');
  const comments = join(dir, 'comments.json');
  writeFileSync(issues, JSON.stringify(sampleIssues(), null, 2));
  writeFileSync(comments, JSON.stringify(sampleComments(), null, 2));
  const env = { STEWARD_DATA_DIR: join(dir, 'data'), STEWARD_ACTOR: '' };
  for (const m of ['m1', 'm2', 'm3']) assert.equal((await runCli(['people', 'add', m, 'member', '--wg'], { env })).code, 0);

  const first = await runCli(['application', 'import', issues, '--comments', comments, '--format', 'json'], { env });
  assert.equal(first.code, 0, first.stderr);
  const r = JSON.parse(first.stdout) as {
    created: { issue: number; id: string; state: string; label: string | null }[];
    existing: unknown[];
    skipped: { issue: number; reason: string }[];
    pullRequests: number;
    conflicts: { issue: number; kept: string; outranked: string[] }[];
    session?: string;
  };
  assert.equal(r.created.length, 20);
  assert.equal(r.pullRequests, 1);
  assert.deepEqual(
    r.skipped.map((s) => s.issue),
    [22],
  );
  assert.match(r.skipped[0]!.reason, /not an application/);
  // every state label of the table is used by the sample and mapped
  const table = loadLabelTable();
  const used = new Set(r.created.map((c) => c.label).filter(Boolean));
  for (const l of table.labels) assert.ok(used.has(l.name), `label "${l.name}" was not mapped by any sample issue`);
  assert.deepEqual(
    r.conflicts.map((c) => [c.issue, c.kept]),
    [
      [13, 'Accepted'],
      [19, 'review - future'],
    ],
  );

  const list = await runCli(['application', 'list', '--format', 'json'], { env });
  assert.equal(list.code, 0, list.stderr);
  const apps = JSON.parse(list.stdout) as Application[];
  assert.equal(apps.length, 20);
  const byIssue = new Map(apps.map((a) => [a.issue!.number, a]));
  for (const s of SAMPLE_ISSUES) {
    const a = byIssue.get(s.number)!;
    assert.equal(a.status, EXPECTED_STATUS[s.number], `issue #${s.number}`);
    assert.deepEqual(applicationInvariants(a), [], `issue #${s.number}`);
    // the label the App would put on it is the one that decided it (or New for an unlabelled open issue)
    const mirrored = labelFor(table, labelStateOf(a)).name;
    const decided = decidingLabel(table, s.labels)?.name ?? (s.state === 'closed' ? 'nonactive' : 'New');
    assert.equal(mirrored, decided, `issue #${s.number}: mirrored label`);
  }
  // decision dates: the closing date, or the last change of an open labelled issue
  assert.equal(byIssue.get(2)!.decision!.at, '2025-05-15T17:00:00Z');
  assert.equal(byIssue.get(14)!.decision!.at, '2025-10-16T18:00:00Z');
  assert.equal(byIssue.get(11)!.withdrawnAt, '2025-11-02T10:00:00Z');
  assert.equal(byIssue.get(12)!.resubmissionOf, byIssue.get(3)!.id);
  assert.match(byIssue.get(6)!.questions[0]!.text, /2 unique contributors/);
  assert.equal(byIssue.get(6)!.questions[0]!.askedBy, 'wg-staff');
  assert.ok((byIssue.get(10)!.missing ?? []).some((m) => /Contact emails/.test(m)));
  assert.deepEqual(byIssue.get(9)!.vote!.roster, ['m1', 'm2', 'm3']);
  assert.equal(byIssue.get(7)!.sessionId, r.session);
  assert.equal(byIssue.get(2)!.fields['license'], 'Apache-2.0');

  const auditBefore = await runCli(['audit', 'log', '--format', 'json'], { env });
  const second = await runCli(['application', 'import', issues, '--comments', comments, '--format', 'json'], { env });
  assert.equal(second.code, 0, second.stderr);
  const r2 = JSON.parse(second.stdout) as typeof r;
  assert.equal(r2.created.length, 0);
  assert.equal(r2.existing.length, 20);
  assert.equal(r2.session, undefined);
  const list2 = await runCli(['application', 'list', '--format', 'json'], { env });
  assert.equal(list2.stdout, list.stdout, 'the second import changed the applications');
  const auditAfter = await runCli(['audit', 'log', '--format', 'json'], { env });
  assert.equal(auditAfter.stdout, auditBefore.stdout, 'the second import wrote to the audit log');

  const text = await runCli(['application', 'import', issues], { env });
  assert.match(text.stdout, /imported 0 applications; 20 already recorded; 1 skipped; 1 pull requests left out/);
});

test('application import refuses what is not an issues export, naming the file and item', async () => {
  const dir = tempDir();
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify([{ number: 1, title: 'x' }]));
  const r = await runCli(['application', 'import', bad], { env: { STEWARD_DATA_DIR: join(dir, 'data') } });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bad\.json: item 0 is not a GitHub issue: it lacks state, labels, created_at, updated_at/);
});
