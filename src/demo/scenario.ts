// The working group's year in miniature: a roster, and applications driven through the real
// engine into every state (new, waiting on comment, returning, in review with and without a vote,
// accepted, onboarding, active, declined, too early, community highlight, withdrawn). The demo
// runs it with the real checker; the server tests run it with real-shaped reports.
import { addDays, fixedClock } from '../process/calendar.js';
import { createEngine, type Evaluator } from '../process/engine.js';
import * as A from '../process/engine-applications.js';
import { addWaiver } from '../process/engine-waivers.js';
import type { Actor, DecisionOutcome } from '../process/types.js';
import { upsertPerson, type Store } from '../store/index.js';

export const DEMO_STAFF: Actor = { id: 'sam', role: 'staff' };
export const DEMO_MEMBERS = ['mia', 'noah', 'olga', 'pete', 'quinn'];
/** the applicant who filed most demo applications */
export const DEMO_APPLICANT = 'ann';
export const OTHER_APPLICANT = 'bob';

export interface ScenarioIds {
  onboarding: string;
  active: string;
  declined: string;
  tooEarly: string;
  highlight: string;
  accepted: string;
  closedApproved: string;
  voteOpen: string;
  waiting: string;
  noVote: string;
  returning: string;
  withdrawn: string;
  fresh: string;
}

const repo = (slug: string) => `https://github.com/demo-org/${slug}`;

/**
 * Runs the scenario from `start` (a day, about 60 days of activity follow). Application ids come
 * out in submission order: 1 onboarding (ann), 2 active, 3 declined, 4 too early, 5 highlight,
 * 6 accepted, 7 closed-approved, 8 vote open (ann), 9 waiting on comment (ann), 10 no vote,
 * 11 returning, 12 withdrawn, 13 new (ann); sessions S1 and S2; waivers W1 (project lumen,
 * CODEOWNERS) and W2 (application 8, stars).
 */
export async function runScenario(
  store: Store,
  opts: { start: string; evaluator?: Evaluator; repoOf?: (slug: string) => string },
): Promise<ScenarioIds> {
  const clock = fixedClock(`${opts.start}T10:00:00.000Z`);
  const eng = createEngine({ store, clock, ...(opts.evaluator ? { evaluator: opts.evaluator } : {}) });
  const at = clock.now().toISOString();
  const url = opts.repoOf ?? repo;
  await upsertPerson(store.db, { id: DEMO_STAFF.id, role: 'staff', email: 'sam@foundation.demo.example', wg: false, tac: true }, at);
  for (const m of DEMO_MEMBERS)
    await upsertPerson(store.db, { id: m, role: 'member', email: `${m}@wg.demo.example`, wg: true, tac: false }, at);
  for (const a of [DEMO_APPLICANT, OTHER_APPLICANT])
    await upsertPerson(store.db, { id: a, role: 'applicant', email: `${a}@projects.demo.example`, wg: false, tac: false }, at);
  const who = (id: string): Actor => ({ id, role: 'applicant' });
  const member = (id: string): Actor => ({ id, role: 'member' });
  const submit = async (name: string, by: string, extra: Record<string, unknown> = {}) => {
    const slug = name.toLowerCase();
    const app = await A.submitApplication(eng, who(by), {
      projectName: name,
      repoUrl: url(slug),
      contacts: [`maintainers@${slug}.demo.example`],
      fields: {
        description: `${name} is a PyTorch library for the demo.`,
        websiteUrl: `https://${slug}.demo.example`,
        maintenanceCommitment: 'Two maintainers review every pull request within a week.',
        ...extra,
      },
      presentation: { url: `https://${slug}.demo.example/slides.pdf` },
    });
    clock.set(new Date(clock.now().getTime() + 3600_000));
    return app.id;
  };
  const vote = async (id: string, approvals: number) => {
    await A.openVote(eng, DEMO_STAFF, id);
    for (const [i, m] of DEMO_MEMBERS.entries()) await A.castVote(eng, member(m), id, i < approvals ? 'approve' : 'reject');
  };
  const decideAfter = async (id: string, approvals: number, outcome: DecisionOutcome, reason: string) => {
    await vote(id, approvals);
    await A.closeVote(eng, DEMO_STAFF, id);
    await A.decide(eng, DEMO_STAFF, id, outcome, reason);
  };

  const onboarding = await submit('Kestrel', DEMO_APPLICANT);
  const active = await submit('Lumen', OTHER_APPLICANT);
  const declined = await submit('Marlin', OTHER_APPLICANT);
  const tooEarly = await submit('Nimbus', OTHER_APPLICANT);
  const highlight = await submit('Orbit', OTHER_APPLICANT);
  clock.set(`${addDays(opts.start, 14)}T10:00:00.000Z`);
  await A.scheduleSession(eng, DEMO_STAFF, addDays(opts.start, 28), 5);
  clock.set(`${addDays(opts.start, 28)}T16:00:00.000Z`);
  await decideAfter(onboarding, 5, 'ACCEPTED', 'Meets every requirement; the working group was unanimous.');
  await decideAfter(active, 4, 'ACCEPTED', 'Meets the requirements; strong contributor base.');
  await decideAfter(declined, 1, 'DECLINED', 'Too few active contributors and no governance document.');
  await decideAfter(tooEarly, 2, 'TOO_EARLY', 'Promising, but only a few months of history; apply again with a release.');
  await decideAfter(
    highlight,
    0,
    'COMMUNITY_HIGHLIGHT',
    'A useful tutorial collection rather than a library; featured as a community highlight.',
  );
  for (const id of [onboarding, active]) await A.startOnboarding(eng, DEMO_STAFF, id);
  for (const item of ['two-factor', 'category', 'landscape-entry', 'blog-post', 'cla-dco'] as const)
    await A.completeOnboardingItem(eng, DEMO_STAFF, onboarding, item, 'checked');
  for (const item of ['logo', 'two-factor', 'category', 'landscape-entry', 'blog-post', 'cla-dco'] as const)
    await A.completeOnboardingItem(eng, DEMO_STAFF, active, item, 'checked');

  clock.set(`${addDays(opts.start, 30)}T10:00:00.000Z`);
  const accepted = await submit('Pavo', OTHER_APPLICANT);
  const closedApproved = await submit('Quill', OTHER_APPLICANT);
  const voteOpen = await submit('Rook', DEMO_APPLICANT);
  const waiting = await submit('Sable', DEMO_APPLICANT);
  const noVote = await submit('Tern', OTHER_APPLICANT);
  clock.set(`${addDays(opts.start, 44)}T10:00:00.000Z`);
  await A.scheduleSession(eng, DEMO_STAFF, addDays(opts.start, 58), 5);
  clock.set(`${addDays(opts.start, 50)}T10:00:00.000Z`);
  await A.askQuestion(eng, member(DEMO_MEMBERS[0]!), waiting, 'Which PyTorch releases does your CI test against?');
  const returning = await submit('Umbra', OTHER_APPLICANT);
  await A.askQuestion(eng, member(DEMO_MEMBERS[1]!), returning, 'Who besides the two founders reviews pull requests?');
  await A.answerQuestion(eng, who(OTHER_APPLICANT), returning, 'Three regular contributors review; see MAINTAINERS.md.');
  const withdrawn = await submit('Vireo', OTHER_APPLICANT);
  await A.withdrawApplication(eng, who(OTHER_APPLICANT), withdrawn);
  const fresh = await submit('Wren', DEMO_APPLICANT);
  clock.set(`${addDays(opts.start, 58)}T15:00:00.000Z`);
  await decideAfter(accepted, 3, 'ACCEPTED', 'Meets the requirements.');
  await vote(closedApproved, 4);
  await A.closeVote(eng, DEMO_STAFF, closedApproved);
  await A.openVote(eng, DEMO_STAFF, voteOpen);
  await A.castVote(eng, member(DEMO_MEMBERS[0]!), voteOpen, 'approve');
  await A.castVote(eng, member(DEMO_MEMBERS[1]!), voteOpen, 'reject');
  // W1 on the active project, W2 on the application being voted on
  const lumen = (await A.getApplication(eng, active)).projectId!;
  await addWaiver(
    eng,
    DEMO_STAFF,
    { project: lumen },
    {
      requirement: 'codeowners',
      reason: 'The maintainers are listed in MAINTAINERS.md, which the project keeps current.',
      decidedBy: 'the working group',
      decidedIn: 'S1',
      until: 'next-review',
    },
  );
  await addWaiver(
    eng,
    DEMO_STAFF,
    { application: voteOpen },
    {
      requirement: 'stars',
      reason: 'A niche field: adoption judged by its downstream users rather than stars.',
      decidedBy: 'the working group',
      decidedIn: 'S2',
      until: addDays(opts.start, 240),
    },
  );
  return {
    onboarding,
    active,
    declined,
    tooEarly,
    highlight,
    accepted,
    closedApproved,
    voteOpen,
    waiting,
    noVote,
    returning,
    withdrawn,
    fresh,
  };
}
