import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  NOTICE_KINDS,
  NoticeDataError,
  noticeDataProblems,
  renderNotice,
  renderStoredNotice,
  type NoticeData,
  type NoticeKind,
} from '../../src/notices/index.js';

const app = { projectName: 'TorchWave', applicationId: 'app-7', issueUrl: 'https://github.com/pytorch-fdn/ecosystem/issues/42' };
const proj = { projectName: 'TorchWave', projectId: 'torchwave' };
const failures = [
  {
    id: 12,
    key: 'recent-commits',
    summary: '28 commits in the last 6 months (needs 50)',
    fix: 'Merge pending work to the default branch.',
  },
  { id: 6, key: 'code-of-conduct', summary: 'no CODE_OF_CONDUCT file' },
];

/** One realistic example of every kind; timestamps where the process stores them. */
const EXAMPLES: { [K in NoticeKind]: NoticeData[K] } = {
  'submission-received': { ...app, repoUrl: 'https://github.com/torchwave/torchwave', verdict: 'fail', failing: 2 },
  'question-asked': { ...app, question: 'Which PyTorch versions\ndo you test against?', askedBy: 'alice' },
  'answer-received': { ...app, question: 'Which versions?', answer: '2.4 and 2.5', answeredBy: 'mrossi' },
  'review-scheduled': { ...app, sessionId: 'session-2026-03', sessionDate: '2026-03-12' },
  'vote-opened': { ...app, rosterSize: 7, deadline: '2026-03-19T17:00:00.000Z' },
  decision: {
    ...app,
    outcome: 'DECLINED',
    reason: 'Not enough maintainers yet.',
    resubmitFrom: '2026-04-15',
    decidedOn: '2026-01-15T10:00:00Z',
  },
  'onboarding-step': {
    ...app,
    items: [
      { key: 'logo', title: 'Icon in hosted_logos/', doneBy: 'applicant', done: true },
      { key: 'two-factor', title: 'Two-factor authentication for all org members', doneBy: 'applicant' },
      { key: 'blog-post', title: 'Blog post', doneBy: 'staff' },
    ],
  },
  'onboarding-complete': { ...app, projectId: 'torchwave', reviewDueOn: '2026-10-15' },
  'review-failure': { ...proj, failures, deadlineOn: '2026-11-14', noticeOn: '2026-10-15' },
  'review-reminder': { ...proj, failures: failures.slice(0, 1), deadlineOn: '2026-11-14' },
  'review-passed': { ...proj, nextDueOn: '2027-05-01' },
  'review-early-warning': {
    ...proj,
    reviewDueOn: '2027-05-01',
    failures: [
      {
        id: 13,
        key: 'recent-commits',
        summary: 'at the current pace, requirement 13 fails around 2027-02-10 (commits per 90 days: 41 → 28)',
      },
    ],
  },
  retirement: { ...proj, reason: 'periodic review still failing at the deadline 2026-11-14', failures },
  offboarding: { ...proj, repoUrl: 'https://github.com/torchwave/torchwave' },
  'offboarding-reminder': {
    ...proj,
    repoUrl: 'https://github.com/torchwave/torchwave',
    references: [
      {
        path: 'README.md',
        line: 3,
        what: 'PyTorch Ecosystem',
        text: '[![PyTorch Ecosystem](https://img.shields.io/badge/PyTorch-Ecosystem-ee4c2c)](https://landscape.pytorch.org/)',
      },
      { path: 'README.md', line: 12, text: 'TorchWave is part of the PyTorch ecosystem.' },
    ],
    checkedOn: '2026-12-27',
  },
  'amendment-decision': {
    summary: 'Lower the stars threshold to 300',
    policyId: 'pytorch-ecosystem',
    policyVersion: '1.1',
    adopted: true,
    effectiveOn: '2026-07-01',
  },
};

test('every kind has a template, and each renders a short, specific message with next steps', () => {
  assert.deepEqual(Object.keys(EXAMPLES).sort(), [...NOTICE_KINDS].sort());
  for (const kind of NOTICE_KINDS) {
    const { subject, text } = renderNotice(kind, EXAMPLES[kind] as never);
    assert.match(subject, /^\[PyTorch Ecosystem\] \S/, kind);
    assert.ok(!/[\r\n]/.test(subject), `${kind}: one-line subject`);
    assert.ok(subject.length <= 100, `${kind}: subject of ${subject.length} chars`);
    assert.match(text, /\nWhat to do next:\n- \S/, `${kind}: lists what to do next`);
    assert.doesNotMatch(text, /undefined|null|NaN|\[object/, kind);
    assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}T/, `${kind}: dates as YYYY-MM-DD, not timestamps`);
    assert.ok(text.split('\n').length < 40, `${kind}: short`);
    if (kind !== 'amendment-decision') assert.ok(subject.includes('TorchWave') && text.includes('TorchWave'), kind);
  }
});

test('the offboarding reminder lists each remaining reference as file:line, and needs at least one', () => {
  const { subject, text } = renderNotice('offboarding-reminder', EXAMPLES['offboarding-reminder']);
  assert.equal(subject, '[PyTorch Ecosystem] TorchWave: references to the PyTorch Ecosystem remain');
  assert.match(text, /2 lines of https:\/\/github.com\/torchwave\/torchwave still refer to it \(checked 2026-12-27\)/);
  assert.match(text, /\n  \* README\.md:3: \[!\[PyTorch Ecosystem\]/);
  assert.match(text, /\n  \* README\.md:12: TorchWave is part of the PyTorch ecosystem\./);
  assert.deepEqual(noticeDataProblems('offboarding-reminder', { ...proj, references: [] }), [
    'offboarding-reminder: references must be a non-empty list of {path, line, text}, found []',
  ]);
});

test('a declined decision gives the reason and the earliest resubmission date', () => {
  const { subject, text } = renderNotice('decision', EXAMPLES.decision);
  assert.equal(subject, '[PyTorch Ecosystem] TorchWave: application declined');
  assert.match(text, /declined the application of TorchWave on 2026-01-15\./);
  assert.match(text, /Reason: Not enough maintainers yet\./);
  assert.match(text, /You may resubmit from 2026-04-15/);
});

test('each decision outcome has its own words', () => {
  const subjects = (['ACCEPTED', 'TOO_EARLY', 'COMMUNITY_HIGHLIGHT'] as const).map((outcome) => {
    const { subject, text } = renderNotice('decision', { ...app, outcome, reason: 'Strong adoption.' });
    assert.match(text, /Reason: Strong adoption\./);
    assert.doesNotMatch(text, /resubmit/i);
    return subject;
  });
  assert.deepEqual(subjects, [
    '[PyTorch Ecosystem] TorchWave: accepted into the PyTorch Ecosystem',
    '[PyTorch Ecosystem] TorchWave: too early for the PyTorch Ecosystem',
    '[PyTorch Ecosystem] TorchWave: selected as a community highlight',
  ]);
});

test('the periodic-review failure lists each failing requirement with its fix, and the deadline', () => {
  const { subject, text } = renderNotice('review-failure', EXAMPLES['review-failure']);
  assert.equal(subject, '[PyTorch Ecosystem] TorchWave: periodic review found 2 requirements to fix by 2026-11-14');
  assert.equal(
    text.split('\n').slice(0, 10).join('\n'),
    [
      'The periodic review of TorchWave on 2026-10-15 found 2 requirements not met:',
      '',
      '  * #12 recent-commits: 28 commits in the last 6 months (needs 50)',
      '    Fix: Merge pending work to the default branch.',
      '  * #6 code-of-conduct: no CODE_OF_CONDUCT file',
      '',
      'What to do next:',
      '- Fix them by 2026-11-14: the requirements are checked again that day, and if any still fails, TorchWave is retired from the PyTorch Ecosystem.',
      '- Run `steward check` on your repository to see your progress. Reply if something here is wrong.',
      '',
    ].join('\n'),
  );
  const one = renderNotice('review-reminder', EXAMPLES['review-reminder']);
  assert.equal(one.subject, '[PyTorch Ecosystem] TorchWave: reminder, 1 requirement to fix by 2026-11-14');
  assert.match(one.text, /Fix it by 2026-11-14/);
});

test('offboarding asks to remove references to the PyTorch Ecosystem', () => {
  const { text } = renderNotice('offboarding', EXAMPLES.offboarding);
  assert.match(text, /remove references to the PyTorch Ecosystem/);
  assert.match(text, /from https:\/\/github\.com\/torchwave\/torchwave and your website/);
});

test('the vote notice states the approvals needed (strictly more than half by default)', () => {
  assert.match(renderNotice('vote-opened', { ...app, rosterSize: 7 }).text, /needs 4 approvals from the 7 members/);
  assert.match(renderNotice('vote-opened', { ...app, rosterSize: 8 }).text, /needs 5 approvals from the 8 members/);
  assert.match(renderNotice('vote-opened', { ...app, rosterSize: 1 }).text, /needs 1 approval from the 1 members/);
  assert.match(renderNotice('vote-opened', { ...app, rosterSize: 9, needed: 6 }).text, /needs 6 approvals/);
  assert.match(renderNotice('vote-opened', EXAMPLES['vote-opened']).subject, /vote open until 2026-03-19$/);
});

test('onboarding: open steps, who does them, and nothing to do when all are done', () => {
  const { subject, text } = renderNotice('onboarding-step', EXAMPLES['onboarding-step']);
  assert.equal(subject, '[PyTorch Ecosystem] TorchWave: onboarding (2 steps to go)');
  assert.match(
    text,
    /\[x\] Icon in hosted_logos\/ \(you\)\n {2}\[ \] Two-factor authentication for all org members \(you\)\n {2}\[ \] Blog post \(PyTorch staff\)/,
  );
  assert.match(text, /Do the steps marked "you"/);
  const staffOnly = renderNotice('onboarding-step', { ...app, items: [{ key: 'blog-post', title: 'Blog post', doneBy: 'staff' }] });
  assert.match(staffOnly.subject, /\(1 step to go\)$/);
  assert.match(staffOnly.text, /Nothing from you for now/);
  const done = renderNotice('onboarding-step', { ...app, items: [{ key: 'logo', title: 'Icon', doneBy: 'applicant', done: true }] });
  assert.match(done.text, /Nothing: every step is done/);
});

test('a name with a newline cannot add a header line to the subject', () => {
  const { subject } = renderNotice('review-passed', { ...proj, projectName: 'Evil\r\nBcc: all@example.org', nextDueOn: '2027-01-01' });
  assert.equal(subject, '[PyTorch Ecosystem] Evil Bcc: all@example.org: periodic review passed');
});

test('stored notices: the data the process engine writes renders; bad data says what is wrong', () => {
  // shaped as src/process/ writes them (failures without fixes, timestamps, null resubmitFrom)
  assert.match(
    renderStoredNotice('review-failure', {
      projectName: 'X',
      projectId: 'x',
      failures: [{ id: 1, key: 'readme', summary: 'no README' }],
      deadlineOn: '2026-08-30',
      noticeOn: '2026-07-31',
    }).text,
    /#1 readme: no README/,
  );
  assert.match(
    renderStoredNotice('decision', { applicationId: 'a', projectName: 'X', outcome: 'ACCEPTED', reason: 'ok', resubmitFrom: null }).subject,
    /accepted/,
  );

  const cases: [string, unknown, RegExp][] = [
    ['no-such-kind', {}, /kind "no-such-kind" is not a notice Steward knows \(expected one of submission-received, /],
    ['offboarding', null, /offboarding: data must be an object, found null/],
    ['offboarding', { projectName: 'X' }, /offboarding: projectId is missing/],
    [
      'review-failure',
      { projectName: 'X', projectId: 'x', failures: [], deadlineOn: '2026-02-30' },
      /deadlineOn must be a date \(YYYY-MM-DD\), found "2026-02-30"/,
    ],
    [
      'review-failure',
      { projectName: 'X', projectId: 'x', failures: [{ key: 1 }], deadlineOn: '2026-02-28' },
      /failures must be a list of \{id, key, summary, fix\?\}/,
    ],
    [
      'decision',
      { applicationId: 'a', projectName: 'X', outcome: 'DECLINED', reason: 'r' },
      /a DECLINED decision needs resubmitFrom \(YYYY-MM-DD\), found nothing/,
    ],
    [
      'decision',
      { applicationId: 'a', projectName: 'X', outcome: 'APPROVED', reason: 'r' },
      /outcome must be ACCEPTED, DECLINED, TOO_EARLY or COMMUNITY_HIGHLIGHT, found "APPROVED"/,
    ],
    ['question-asked', { applicationId: 'a', projectName: '  ', question: 'q' }, /projectName must be a non-empty string/],
    ['vote-opened', { applicationId: 'a', projectName: 'X', rosterSize: '7' }, /rosterSize must be a number, found "7"/],
  ];
  for (const [kind, data, message] of cases) {
    assert.throws(
      () => renderStoredNotice(kind, data),
      (e: unknown) => e instanceof NoticeDataError && message.test(e.message),
      `${kind}: ${message}`,
    );
  }
});

test('any stored data either renders or is refused with a NoticeDataError, never anything else', () => {
  const value = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('2026-01-31', '2026-01-31T12:00:00Z', 'DECLINED', 'ACCEPTED'),
  );
  const data = fc.oneof(
    fc.anything(),
    fc.record(
      {
        projectName: value,
        projectId: value,
        applicationId: value,
        outcome: value,
        reason: value,
        resubmitFrom: value,
        deadlineOn: value,
        failures: fc.oneof(value, fc.array(fc.record({ id: value, key: value, summary: value, fix: value }))),
      },
      { requiredKeys: [] },
    ),
  );
  fc.assert(
    fc.property(fc.constantFrom(...NOTICE_KINDS, 'other'), data, (kind, d) => {
      try {
        const r = renderStoredNotice(kind, d);
        assert.equal(noticeDataProblems(kind, d).length, 0);
        assert.ok(!/[\r\n]/.test(r.subject));
      } catch (e) {
        assert.ok(e instanceof NoticeDataError, String(e));
      }
    }),
    { numRuns: 500 },
  );
});
