// The smaller wrongs left from issue 10's item 8: a category note is verified against the
// landscape in use and a wrongly recorded onboarding item can be undone with a reason; an applicant
// sees only their own applications and cannot vote on them; refusals say what the actor is not;
// `people add/remove --on` keep a person's changes in order; offboarding-check documents its flags;
// a dry run previews a notice that has no recipient instead of failing.
import { test } from 'node:test';
import { writeFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import * as apps from '../../src/process/engine-applications.js';
import { latestApplicationEvent } from '../../src/process/events.js';
import type { CategoryList } from '../../src/process/types.js';
import { readAudit } from '../../src/store/index.js';
import { BACKENDS } from '../store/backends.js';
import { runCli } from '../support/cli.js';
import { cleanupTemp, tempDir } from '../support/repo.js';
import { addMembers, applicant, member, simpleInput, STAFF, testEngine } from './helpers.js';
import { landscapeItem } from './landscape-items.js';

test.after(cleanupTemp);

const LANDSCAPE: CategoryList = {
  source: 'landscape.yml',
  categories: [
    { name: 'Modeling', subcategories: ['Computer Vision', 'Natural Language Processing'] },
    { name: 'Training', subcategories: [] },
  ],
};

test('onboarding: a category note naming what the landscape lacks is refused; a wrong item is undone with a reason, audited', async () => {
  const store = await BACKENDS[0]!.open();
  try {
    const { engine, clock } = testEngine(store, '2026-03-01T10:00:00.000Z');
    await addMembers(store, [1]);
    const a = await apps.submitApplication(engine, applicant('ann'), simpleInput('Widgets'));
    await apps.scheduleSession(engine, STAFF, '2026-03-10');
    await apps.openVote(engine, STAFF, a.id);
    await apps.castVote(engine, member(1), a.id, 'approve');
    await apps.closeVote(engine, STAFF, a.id);
    await apps.decide(engine, STAFF, a.id, 'ACCEPTED', 'approved');
    await apps.startOnboarding(engine, STAFF, a.id);

    const opts = { categories: LANDSCAPE };
    await assert.rejects(
      apps.completeOnboardingItem(engine, applicant('ann'), a.id, 'category', 'Robotics / Arms', opts),
      /onboarding item category: "Robotics" is not a category of landscape\.yml \(categories: Modeling, Training\); nothing was recorded/,
    );
    await assert.rejects(
      apps.completeOnboardingItem(engine, applicant('ann'), a.id, 'category', 'Modeling / Audio', opts),
      /"Audio" is not a subcategory of Modeling in landscape\.yml \(subcategories: Computer Vision, Natural Language Processing\)/,
    );
    await assert.rejects(
      apps.completeOnboardingItem(engine, applicant('ann'), a.id, 'category', 'Modeling / Vision / extra', opts),
      /expected "<category> \/ <subcategory>"/,
    );
    assert.equal(
      (await apps.getApplication(engine, a.id)).onboarding!.find((i) => i.key === 'category')!.done,
      undefined,
      'nothing was recorded',
    );
    const named = await apps.completeOnboardingItem(engine, applicant('ann'), a.id, 'category', '  modeling /  computer vision ', opts);
    assert.equal(
      named.onboarding!.find((i) => i.key === 'category')!.done!.note,
      'Modeling / Computer Vision',
      'kept as the landscape spells it',
    );

    // recorded by mistake: only staff undo it, and only with a reason
    clock.set('2026-03-02T10:00:00.000Z');
    await apps.completeOnboardingItem(engine, STAFF, a.id, 'logo', 'hosted_logos/wrong.svg');
    await assert.rejects(
      apps.undoOnboardingItem(engine, applicant('ann'), a.id, 'logo', 'wrong file'),
      /undo an onboarding item: needs role staff; ann is not staff \(role: applicant\)/,
    );
    await assert.rejects(apps.undoOnboardingItem(engine, STAFF, a.id, 'logo', '  '), /expected a reason/);
    await assert.rejects(
      apps.undoOnboardingItem(engine, STAFF, a.id, 'two-factor', 'never done'),
      /onboarding item two-factor is not done; there is nothing to undo/,
    );
    await assert.rejects(
      apps.completeOnboardingItem(engine, STAFF, a.id, 'logo', 'again'),
      /already done on 2026-03-02 by sam; if that was wrong, undo it first \(steward onboarding undo 1 logo --reason/,
    );
    clock.set('2026-03-03T10:00:00.000Z');
    const undone = await apps.undoOnboardingItem(engine, STAFF, a.id, 'logo', 'the SVG was the wrong project’s');
    const logo = undone.onboarding!.find((i) => i.key === 'logo')!;
    assert.equal(logo.done, undefined);
    assert.deepEqual(logo.undone, [
      {
        at: '2026-03-03T10:00:00.000Z',
        by: 'sam',
        reason: 'the SVG was the wrong project’s',
        was: { at: '2026-03-02T10:00:00.000Z', by: 'sam', note: 'hosted_logos/wrong.svg' },
      },
    ]);
    assert.deepEqual(latestApplicationEvent(undone), { on: '2026-03-03', event: 'onboarding item logo undone' });
    const entry = (await readAudit(store.db, { subject: 'application:1' })).at(-1)!;
    assert.equal(entry.action, 'onboarding.item-undone');
    assert.deepEqual(entry.data, {
      key: 'logo',
      reason: 'the SVG was the wrong project’s',
      was: { at: '2026-03-02T10:00:00.000Z', by: 'sam', note: 'hosted_logos/wrong.svg' },
    });
    const redone = await apps.completeOnboardingItem(engine, STAFF, a.id, 'logo', 'hosted_logos/widgets.svg');
    assert.equal(redone.onboarding!.find((i) => i.key === 'logo')!.done!.note, 'hosted_logos/widgets.svg');

    for (const item of ['two-factor', 'landscape-entry', 'blog-post', 'cla-dco'] as const)
      await apps.completeOnboardingItem(engine, STAFF, a.id, item);
    await assert.rejects(
      apps.undoOnboardingItem(engine, STAFF, a.id, 'logo', 'late'),
      /undo an onboarding item: application 1 is ACTIVE, expected ONBOARDING/,
    );
  } finally {
    await store.dispose();
  }
});

function cliIn(dir: string) {
  const env = { STEWARD_DATA_DIR: dir, STEWARD_ACTOR: '', STEWARD_OPERATOR: 'clerk' };
  return (args: string[]) => runCli(args, { env });
}

test('an applicant sees only their own applications and cannot vote on them; refusals say what the actor is not', async () => {
  const cli = cliIn(tempDir('steward-roles-'));
  assert.equal((await cli(['people', 'add', 'm1', 'member', '--wg'])).code, 0);
  for (const [name, who] of [
    ['Widgets', 'owner'],
    ['Gadgets', 'other'],
  ] as const) {
    const r = await cli([
      'application',
      'submit',
      '--name',
      name,
      '--repo',
      `https://github.com/example/${name.toLowerCase()}`,
      '--contact',
      `${who}@example.org`,
      '--as',
      who,
    ]);
    assert.equal(r.code, 0, r.stderr);
  }
  let r = await cli(['application', 'show', '1', '--as', 'other']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(
    r.stderr,
    'steward: refused (forbidden): application 1: an applicant sees only their own applications; other is not staff, a member of the working group or its applicant (role: applicant)\n',
  );
  r = await cli(['application', 'list', '--as', 'other', '--format', 'csv']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    r.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[1]),
    ['Gadgets'],
    'only their own',
  );
  r = await cli(['application', 'show', '1', '--as', 'owner']);
  assert.match(r.stdout, /^application 1: Widgets — NEW\n/);
  r = await cli(['application', 'list', '--as', 'm1', '--format', 'csv']);
  assert.equal(r.stdout.trim().split('\n').length, 3, 'a member sees every application');

  r = await cli(['people', 'add', 'x', 'member', '--as', 'someone-else']);
  assert.equal(r.stderr, 'steward: refused (forbidden): people add: needs role staff; someone-else is not staff (role: applicant)\n');
  r = await cli(['application', 'withdraw', '1', '--as', 'someone-else']);
  assert.equal(
    r.stderr,
    'steward: refused (forbidden): withdraw: only the applicant (owner) or staff may withdraw; someone-else is not the applicant (owner) or staff (role: applicant)\n',
  );

  assert.equal((await cli(['session', 'schedule', '2099-01-05'])).code, 0);
  assert.equal((await cli(['vote', 'open', '1'])).code, 0);
  r = await cli(['vote', 'cast', '1', 'approve', '--as', 'owner']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /cast a vote: owner submitted application 1 and cannot vote on it/);
});

test("people add/remove --on: a change dated before the person's latest, or after today, is refused with nothing written; offboarding-check documents its flags", async () => {
  const cli = cliIn(tempDir('steward-people-on-'));
  let r = await cli(['people', 'add', 'alice', 'member', '--wg', '--on', '2026-03-01']);
  assert.equal(r.code, 0, r.stderr);
  r = await cli(['people', 'add', 'alice', 'member', '--no-wg', '--on', '2026-02-01']);
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr,
    'steward: refused (conflict): person alice: its latest event (role or rosters set) is on 2026-03-01; a change dated 2026-02-01 would come before it; nothing was recorded\n',
  );
  r = await cli(['people', 'remove', 'alice', '--on', '2026-02-28']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /person alice: its latest event \(role or rosters set\) is on 2026-03-01; a change dated 2026-02-28/);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  r = await cli(['people', 'add', 'bob', 'member', '--wg', '--on', tomorrow]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, new RegExp(`--on ${tomorrow} is after today`));
  r = await cli(['people', 'list']);
  assert.equal(r.stdout, 'alice                member    WG     \n', 'alice still on the roster; bob never added');
  r = await cli(['people', 'remove', 'alice', '--on', '2026-03-01']);
  assert.equal(r.code, 0, r.stderr);
  r = await cli(['audit', 'log', '--subject', 'person:alice', '--format', 'json']);
  const entries = JSON.parse(r.stdout) as { action: string; at: string; data: { dated?: { on: string; recordedBy: string } } }[];
  assert.deepEqual(
    entries.map((e) => [e.action, e.at.slice(0, 10), e.data.dated?.on, e.data.dated?.recordedBy]),
    [
      ['person.removed', '2026-03-01', '2026-03-01', 'clerk'],
      ['person.set', '2026-03-01', '2026-03-01', 'clerk'],
    ],
  );

  r = await cli(['project', 'offboarding-check', '--help']);
  assert.match(r.stdout, /--repos-dir <dir> +read the README from a local clone here\s+\(<dir>\/<owner>\/<name> or <dir>\/<name>\)/);
  assert.match(r.stdout, /--offline +ask no web API \(GitHub, PyPI\)/);
  assert.match(r.stdout, /\nExample: steward project offboarding-check widgets --repos-dir \.\/clones --offline\n/);

  // a notice with no recipient (an imported project has no contacts) is previewed, not an internal error
  const dir = tempDir('steward-dry-run-');
  const file = `${dir}/landscape.yml`;
  writeFileSync(
    file,
    `landscape:\n  - category:\n    name: Modeling\n    subcategories:\n      - subcategory:\n        name: X\n        items:\n${landscapeItem('widgets', '2026-01-01')}`,
  );
  assert.equal((await cli(['import', file])).code, 0);
  assert.equal((await cli(['retire', 'widgets', '--reason', 'asked by the owners'])).code, 0);
  r = await cli(['notices', 'deliver', '--dry-run']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stdout,
    /--- dry run: notice \d+ has no recipient \(a project without contacts\); with --notify ADDRESS it goes there, marked \[to forward\] ---\nSubject: \[PyTorch Ecosystem\] widgets: retired from the PyTorch Ecosystem\n/,
  );

  r = await cli(['github', 'replay', file, '--event', 'issues', '--on', '2026-01-02']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /github replay: the App acts on the real clock, so a replay cannot be dated; run it without --on/);

  r = await cli(['onboarding', 'done', '1', 'category', '--note', 'Modeling / Vision']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /a category note is verified against the landscape in use; give --landscape FILE \(or set STEWARD_LANDSCAPE\)/);
});
