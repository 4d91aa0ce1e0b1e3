// Application transitions: pure functions of (application, command, who, when) that return the
// new application with the notices and audit entries the change causes, or refuse with a reason.
import type { ProcessRules } from '../policy/types.js';
import { dateOf, resubmissionAllowedFrom } from './calendar.js';
import { notAllowed, ProcessError } from './errors.js';
import { canonicalRepo, repoKeyOf } from './repo-key.js';
import { carryOver } from './waivers.js';
import { ONBOARDING_CHECKLIST } from './onboarding.js';
import { newProject } from './projects.js';
import type {
  Actor,
  Application,
  ApplicationStatus,
  CategoryList,
  Choice,
  Ctx,
  DecisionOutcome,
  OnboardingItem,
  OnboardingItemKey,
  Outcome,
  Presentation,
  Project,
  VoteRule,
} from './types.js';
import * as voting from './voting.js';

export const TERMINAL: readonly ApplicationStatus[] = ['ACTIVE', 'DECLINED', 'TOO_EARLY', 'COMMUNITY_HIGHLIGHT', 'WITHDRAWN'];
const NOT_ACCEPTED: readonly ApplicationStatus[] = ['DECLINED', 'TOO_EARLY', 'COMMUNITY_HIGHLIGHT'];

export interface SubmitInput {
  projectName: string;
  repoUrl: string;
  contacts: string[];
  fields?: Record<string, unknown>;
  presentation?: Presentation;
  videoUrl?: string;
}

function need(ok: boolean, code: ProcessError['code'], message: string): asserts ok {
  if (!ok) throw new ProcessError(code, message);
}

function requireRole(actor: Actor, roles: Actor['role'][], what: string): void {
  need(roles.includes(actor.role), 'forbidden', `${what}: needs role ${roles.join(' or ')}; ${notAllowed(actor, roles)}`);
}

function requireStatus(app: Application, statuses: ApplicationStatus[], what: string): void {
  need(statuses.includes(app.status), 'conflict', `${what}: application ${app.id} is ${app.status}, expected ${statuses.join(' or ')}`);
}

function isOwner(app: Application, actor: Actor): boolean {
  return actor.role === 'applicant' && actor.id === app.applicant;
}

/** The identity key of a repository URL: the project the 3-month wait and duplicates apply to. */
export const normalizeRepoUrl = repoKeyOf;

function out(
  state: Application,
  action: string,
  data: Record<string, unknown>,
  notices: Outcome<Application>['notices'] = [],
): Outcome<Application> {
  return { state, notices, audit: [{ action, subject: `application:${state.id}`, data }] };
}

/**
 * A new application. `earlier` are the applications already filed for the same repository and
 * `project` its ecosystem record, if any: a project still listed cannot apply, an open
 * application cannot be doubled, and a declined one waits `resubmitAfterMonths` calendar months.
 */
export function submit(
  id: string,
  input: SubmitInput,
  ctx: Ctx,
  rules: ProcessRules,
  earlier: Application[] = [],
  project?: Project,
): Outcome<Application> {
  requireRole(ctx.actor, ['applicant', 'staff', 'member'], 'submit an application');
  const name = input.projectName.trim();
  need(name.length > 0, 'invalid', 'submit: the project name is empty');
  const repo = canonicalRepo(input.repoUrl, 'submit');
  const contacts = [...new Set(input.contacts.map((c) => c.trim()).filter(Boolean))];
  need(contacts.length > 0, 'invalid', 'submit: at least one contact e-mail is required');
  const bad = contacts.find((c) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c));
  need(bad === undefined, 'invalid', `submit: ${JSON.stringify(bad)} is not an e-mail address`);
  const resubmissionOf = admit('submit', earlier, project, dateOf(ctx.now), rules);
  const app: Application = {
    id,
    projectName: name,
    repoUrl: repo.url,
    contacts,
    applicant: ctx.actor.id,
    fields: input.fields ?? {},
    ...(input.presentation ? { presentation: input.presentation } : {}),
    ...(input.videoUrl ? { videoUrl: input.videoUrl } : {}),
    status: 'NEW',
    submittedAt: ctx.now.toISOString(),
    ...(resubmissionOf ? { resubmissionOf } : {}),
    returning: false,
    questions: [],
  };
  const notices: Outcome<Application>['notices'] = [
    { kind: 'submission-received', to: contacts, data: { applicationId: id, projectName: name, repoUrl: app.repoUrl } },
  ];
  if (repo.kind === 'owner') {
    // held, not refused: the applicant names the repository in an answer and the application returns
    const text = `${repo.reason}. Which repository is ${name}? Answer with its URL.`;
    app.status = 'WAITING_ON_COMMENT';
    app.repoIncomplete = repo.reason;
    app.questions = [{ askedAt: app.submittedAt, askedBy: 'steward', text }];
    notices.push({ kind: 'question-asked', to: contacts, data: { applicationId: id, projectName: name, question: text } });
  }
  const typed = input.repoUrl.trim();
  return out(
    app,
    'application.submitted',
    {
      projectName: name,
      repoUrl: app.repoUrl,
      ...(typed !== app.repoUrl ? { repoUrlTyped: typed } : {}),
      by: ctx.actor.id,
      resubmissionOf: resubmissionOf ?? null,
      ...(repo.kind === 'owner' ? { heldFor: repo.reason } : {}),
    },
    notices,
  );
}

/**
 * Whether a project may apply now, given the applications already filed for its repository
 * (`earlier`) and its ecosystem record: a project still listed cannot apply, an open application
 * cannot be doubled, and one not accepted waits `resubmitAfterMonths` calendar months. Returns
 * the application this one resubmits.
 */
export function admit(
  what: string,
  earlier: Application[],
  project: Project | undefined,
  today: string,
  rules: ProcessRules,
  self?: string,
): string | undefined {
  need(project?.status !== 'ACTIVE', 'conflict', `${what}: ${project?.name} (${project?.id}) is already an ACTIVE ecosystem project`);
  const open = earlier.find((a) => a.id !== self && !TERMINAL.includes(a.status));
  need(open === undefined, 'conflict', `${what}: application ${open?.id} for this repository is still ${open?.status} (${open?.repoUrl})`);
  const declined = earlier
    .filter((a) => NOT_ACCEPTED.includes(a.status) && a.decision)
    .sort((a, b) => (a.decision!.at < b.decision!.at ? 1 : -1))[0];
  if (!declined || project?.status === 'RETIRED') return undefined;
  const on = dateOf(new Date(declined.decision!.at));
  const from = resubmissionAllowedFrom(on, rules.resubmitAfterMonths);
  need(
    today >= from,
    'too-early',
    `${what}: application ${declined.id} for this repository (${declined.repoUrl}) was ${declined.status} on ${on}; a resubmission is allowed from ${from} (today is ${today})`,
  );
  return declined.id;
}

export function askQuestion(app: Application, text: string, ctx: Ctx): Outcome<Application> {
  requireRole(ctx.actor, ['staff', 'member'], 'ask a question');
  requireStatus(app, ['NEW', 'RETURNING', 'IN_REVIEW'], 'ask a question');
  need(!(app.vote && !app.vote.closedAt), 'conflict', `ask a question: the vote on application ${app.id} is open; close it first`);
  need(text.trim().length > 0, 'invalid', 'ask a question: the question is empty');
  const state: Application = {
    ...app,
    status: 'WAITING_ON_COMMENT',
    questions: [...app.questions, { askedAt: ctx.now.toISOString(), askedBy: ctx.actor.id, text: text.trim() }],
  };
  return out(state, 'application.question-asked', { by: ctx.actor.id, from: app.status, text: text.trim() }, [
    { kind: 'question-asked', to: app.contacts, data: { applicationId: app.id, projectName: app.projectName, question: text.trim() } },
  ]);
}

/** `staffTo`: the staff addresses on record; none leaves the notice to the delivery's fallback recipient. */
export function answer(app: Application, text: string, ctx: Ctx, staffTo: string[] = []): Outcome<Application> {
  need(
    isOwner(app, ctx.actor) || ctx.actor.role === 'staff',
    'forbidden',
    `answer: only the applicant (${app.applicant}) or staff may answer; ${notAllowed(ctx.actor, [`the applicant (${app.applicant})`, 'staff'])}`,
  );
  requireStatus(app, ['WAITING_ON_COMMENT'], 'answer');
  need(text.trim().length > 0, 'invalid', 'answer: the answer is empty');
  let repoUrl = app.repoUrl;
  if (app.repoIncomplete) {
    // the application was held for its repository: the answer must name one
    const named = (text.match(/https?:\/\/\S+/g) ?? [])
      .map((u) => canonicalRepo(u.replace(/[).,;]+$/, ''), 'answer'))
      .find((r) => r.kind === 'repo');
    need(
      named !== undefined,
      'invalid',
      `answer: application ${app.id} is held until its repository is named (${app.repoIncomplete}); expected a repository URL in the answer, found none`,
    );
    repoUrl = named.url;
  }
  const questions = app.questions.slice();
  const last = questions[questions.length - 1]!;
  questions[questions.length - 1] = { ...last, answer: text.trim(), answeredAt: ctx.now.toISOString(), answeredBy: ctx.actor.id };
  // the application leaves the session it was in and is reviewed first next time
  const { sessionId: _dropped, vote: _vote, repoIncomplete: _held, ...rest } = app;
  const state: Application = { ...rest, repoUrl, status: 'RETURNING', returning: true, questions };
  // staff asked, so staff hear of the answer; a staff member who typed it in already knows
  const notices =
    ctx.actor.role === 'staff'
      ? []
      : [
          {
            kind: 'answer-received' as const,
            to: staffTo,
            data: {
              applicationId: app.id,
              projectName: app.projectName,
              question: last.text,
              answer: text.trim(),
              answeredBy: ctx.actor.id,
            },
          },
        ];
  return out(state, 'application.answered', { by: ctx.actor.id, ...(repoUrl !== app.repoUrl ? { repoUrl } : {}) }, notices);
}

export function schedule(app: Application, sessionId: string, ctx: Ctx, sessionDate?: string): Outcome<Application> {
  requireRole(ctx.actor, ['staff'], 'schedule a review');
  requireStatus(app, ['NEW', 'RETURNING'], 'schedule a review');
  const state: Application = { ...app, status: 'IN_REVIEW', sessionId };
  return out(state, 'application.scheduled', { sessionId, from: app.status }, [
    {
      kind: 'review-scheduled',
      to: app.contacts,
      data: { applicationId: app.id, projectName: app.projectName, sessionId, ...(sessionDate ? { sessionDate } : {}) },
    },
  ]);
}

export function openVote(
  app: Application,
  roster: string[],
  ctx: Ctx,
  opts: { deadline?: Date; rule?: VoteRule } = {},
): Outcome<Application> {
  requireRole(ctx.actor, ['staff'], 'open a vote');
  requireStatus(app, ['IN_REVIEW'], 'open a vote');
  need(!app.vote, 'conflict', `open a vote: application ${app.id} already has a vote (opened ${app.vote?.openedAt})`);
  const vote = voting.openVote(roster, ctx, opts);
  return out({ ...app, vote }, 'vote.opened', { roster: vote.roster, rule: vote.rule, deadline: vote.deadline ?? null });
}

export function castVote(app: Application, choice: Choice, ctx: Ctx): Outcome<Application> {
  need(ctx.actor.role !== 'public', 'forbidden', `cast a vote: ${ctx.actor.id} is not signed in as a member`);
  need(app.vote !== undefined, 'conflict', `cast a vote: no vote is open on application ${app.id}`);
  need(ctx.actor.id !== app.applicant, 'forbidden', `cast a vote: ${ctx.actor.id} submitted application ${app.id} and cannot vote on it`);
  const r = voting.castBallot(app.vote, ctx.actor.id, choice, ctx.now);
  return out({ ...app, vote: r.vote }, r.binding ? 'vote.cast' : 'vote.cast-non-binding', {
    voter: ctx.actor.id,
    choice,
    binding: r.binding,
    changedFrom: r.changedFrom ?? null,
  });
}

export function closeVote(app: Application, ctx: Ctx): Outcome<Application> {
  need(app.vote !== undefined, 'conflict', `close a vote: no vote is open on application ${app.id}`);
  const vote = voting.closeVote(app.vote, ctx);
  const ballots = Object.fromEntries(Object.entries(vote.ballots).map(([k, b]) => [k, b]));
  return out({ ...app, vote }, 'vote.closed', { result: vote.result, roster: vote.roster, ballots, nonBinding: vote.nonBinding });
}

export function decide(app: Application, outcome: DecisionOutcome, reason: string, ctx: Ctx, rules: ProcessRules): Outcome<Application> {
  requireRole(ctx.actor, ['staff'], 'record a decision');
  need(
    ['ACCEPTED', 'DECLINED', 'TOO_EARLY', 'COMMUNITY_HIGHLIGHT'].includes(outcome),
    'invalid',
    `decision must be ACCEPTED, DECLINED, TOO_EARLY or COMMUNITY_HIGHLIGHT, found ${JSON.stringify(outcome)}`,
  );
  need(reason.trim().length > 0, 'invalid', 'record a decision: a reason is required');
  // the TAC asks a vote for acceptance and decline; "too early" staff may record with a reason
  if (outcome === 'TOO_EARLY' && !app.vote) {
    requireStatus(app, ['NEW', 'RETURNING', 'IN_REVIEW'], 'record a decision');
    const decision = { outcome, reason: reason.trim(), at: ctx.now.toISOString(), by: ctx.actor.id };
    const resubmitFrom = resubmissionAllowedFrom(dateOf(ctx.now), rules.resubmitAfterMonths);
    const { sessionId: _s, ...rest } = app;
    return out(
      { ...rest, status: outcome, decision },
      'application.decided',
      { outcome, reason: decision.reason, tally: null, withoutVote: true },
      [
        {
          kind: 'decision',
          to: app.contacts,
          data: { applicationId: app.id, projectName: app.projectName, outcome, reason: decision.reason, resubmitFrom },
        },
      ],
    );
  }
  requireStatus(app, ['IN_REVIEW'], 'record a decision');
  const result = app.vote?.result;
  need(result !== undefined, 'conflict', `record a decision: the vote on application ${app.id} has not closed`);
  need(
    (outcome === 'ACCEPTED') === result.approved,
    'conflict',
    `record a decision: the vote ${result.approved ? 'approved' : 'did not approve'} application ${app.id} (${result.approvals} of ${result.rosterSize}, needed ${result.needed}); ${outcome} contradicts it`,
  );
  // the count is the engine's; the reason is free text beside it and never stands in for it
  const decision = {
    outcome,
    reason: reason.trim(),
    at: ctx.now.toISOString(),
    by: ctx.actor.id,
    tally: `${result.approvals} of ${result.rosterSize} approve (needed ${result.needed})`,
  };
  const resubmitFrom = outcome === 'ACCEPTED' ? null : resubmissionAllowedFrom(dateOf(ctx.now), rules.resubmitAfterMonths);
  return out({ ...app, status: outcome, decision }, 'application.decided', { outcome, reason: decision.reason, tally: result }, [
    {
      kind: 'decision',
      to: app.contacts,
      data: { applicationId: app.id, projectName: app.projectName, outcome, reason: decision.reason, resubmitFrom },
    },
  ]);
}

export function startOnboarding(app: Application, ctx: Ctx): Outcome<Application> {
  requireRole(ctx.actor, ['staff'], 'start onboarding');
  requireStatus(app, ['ACCEPTED'], 'start onboarding');
  const onboarding = ONBOARDING_CHECKLIST.map((i) => ({ ...i }));
  return out({ ...app, status: 'ONBOARDING', onboarding }, 'onboarding.started', { items: onboarding.map((i) => i.key) }, [
    {
      kind: 'onboarding-step',
      to: app.contacts,
      data: {
        applicationId: app.id,
        projectName: app.projectName,
        items: onboarding.map((i) => ({ key: i.key, title: i.title, doneBy: i.doneBy })),
      },
    },
  ]);
}

/**
 * Records one onboarding item. When the last one is done the application becomes ACTIVE and the
 * returned `project` is the new ecosystem project, due for review `reviewEveryMonths` after acceptance.
 */
export function completeOnboardingItem(
  app: Application,
  key: OnboardingItemKey,
  note: string | undefined,
  ctx: Ctx,
  rules: ProcessRules,
  projectId: string,
  retired?: Project,
  categories?: CategoryList,
): Outcome<Application> & { project?: Project } {
  requireStatus(app, ['ONBOARDING'], 'complete an onboarding item');
  const items = app.onboarding ?? [];
  const item = items.find((i) => i.key === key);
  need(item !== undefined, 'invalid', `onboarding item must be one of ${items.map((i) => i.key).join(', ')}, found ${JSON.stringify(key)}`);
  need(
    ctx.actor.role === 'staff' || (item.doneBy === 'applicant' && isOwner(app, ctx.actor)),
    'forbidden',
    `onboarding item ${key} is done by ${item.doneBy === 'staff' ? 'staff' : 'the applicant or staff'}; ${notAllowed(ctx.actor, item.doneBy === 'staff' ? ['staff'] : [`the applicant (${app.applicant})`, 'staff'])}`,
  );
  need(
    !item.done,
    'conflict',
    `onboarding item ${key} was already done on ${item.done?.at.slice(0, 10)} by ${item.done?.by}; if that was wrong, undo it first (steward onboarding undo ${app.id} ${key} --reason "…")`,
  );
  // verified against the landscape in use: a note naming a category it lacks is refused
  if (key === 'category' && note !== undefined && categories) note = verifiedCategory(note, categories);
  const done = { at: ctx.now.toISOString(), by: ctx.actor.id, ...(note ? { note } : {}) };
  const onboarding = items.map((i) => (i.key === key ? { ...i, done } : i));
  const complete = onboarding.every((i) => i.done);
  // a retired project that applied again comes back as the same record: its history continues
  const id = retired?.id ?? projectId;
  const state: Application = { ...app, onboarding, ...(complete ? { status: 'ACTIVE' as const, projectId: id } : {}) };
  const result = out(state, 'onboarding.item-done', { key, note: note ?? null, by: ctx.actor.id });
  if (!complete) return result;
  const acceptedOn = dateOf(new Date(app.decision!.at));
  const fresh = newProject(
    { id, name: app.projectName, repoUrl: app.repoUrl, contacts: app.contacts, acceptedOn, applicationId: app.id, origin: 'application' },
    rules,
    dateOf(ctx.now),
  );
  let project: Project = { ...fresh, ...(app.waivers?.length ? { waivers: carryOver(app.waivers, fresh.reviewDueOn) } : {}) };
  if (retired) {
    const { retiredOn: _on, retiredReason: _why, retiredBeforeImport: _before, offboarding: _off, pending: _p, ...kept } = retired;
    project = {
      ...kept,
      status: 'ACTIVE',
      name: fresh.name,
      repoUrl: fresh.repoUrl,
      contacts: fresh.contacts,
      acceptedOn,
      lastReviewOn: null,
      reviewDueOn: fresh.reviewDueOn,
      applicationId: app.id,
      reactivatedOn: dateOf(ctx.now),
      ...(project.waivers ? { waivers: [...(retired.waivers ?? []), ...project.waivers] } : {}),
    };
  }
  result.audit.push({
    action: retired ? 'project.reactivated' : 'project.activated',
    subject: `project:${id}`,
    data: {
      applicationId: app.id,
      acceptedOn,
      reviewDueOn: project.reviewDueOn,
      ...(retired ? { retiredOn: retired.retiredOn ?? null } : {}),
    },
  });
  result.notices.push({
    kind: 'onboarding-complete',
    to: app.contacts,
    data: { applicationId: app.id, projectName: app.projectName, projectId: id, reviewDueOn: project.reviewDueOn },
  });
  return { ...result, project };
}

/**
 * Reads a category note, "<category> / <subcategory>" (or the category alone), against the
 * landscape's categories; returns it spelled as the landscape spells it, or refuses it.
 */
export function verifiedCategory(note: string, list: CategoryList): string {
  const [cat, sub, ...rest] = note.split('/').map((s) => s.trim());
  const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
  const names = list.categories.map((c) => c.name);
  need(
    rest.length === 0 && cat !== undefined && cat !== '',
    'invalid',
    `onboarding item category: expected "<category> / <subcategory>" as in ${list.source}, found ${JSON.stringify(note)}`,
  );
  const category = list.categories.find((c) => fold(c.name) === fold(cat));
  need(
    category !== undefined,
    'invalid',
    `onboarding item category: ${JSON.stringify(cat)} is not a category of ${list.source} (categories: ${names.join(', ') || 'none'}); nothing was recorded`,
  );
  if (sub === undefined || sub === '') return category.name;
  const subcategory = category.subcategories.find((s) => fold(s) === fold(sub));
  need(
    subcategory !== undefined,
    'invalid',
    `onboarding item category: ${JSON.stringify(sub)} is not a subcategory of ${category.name} in ${list.source} (subcategories: ${category.subcategories.join(', ') || 'none'}); nothing was recorded`,
  );
  return `${category.name} / ${subcategory}`;
}

/** Undoes an onboarding item recorded by mistake: staff only, with a reason; the record of it is kept. */
export function undoOnboardingItem(app: Application, key: OnboardingItemKey, reason: string, ctx: Ctx): Outcome<Application> {
  requireRole(ctx.actor, ['staff'], 'undo an onboarding item');
  requireStatus(app, ['ONBOARDING'], 'undo an onboarding item');
  const why = reason.trim();
  need(why !== '', 'invalid', 'undo an onboarding item: expected a reason (--reason "…")');
  const items = app.onboarding ?? [];
  const item = items.find((i) => i.key === key);
  need(item !== undefined, 'invalid', `onboarding item must be one of ${items.map((i) => i.key).join(', ')}, found ${JSON.stringify(key)}`);
  need(item.done !== undefined, 'conflict', `onboarding item ${key} is not done; there is nothing to undo`);
  const was = item.done;
  const undone = [...(item.undone ?? []), { at: ctx.now.toISOString(), by: ctx.actor.id, reason: why, was }];
  const onboarding = items.map((i) => (i.key === key ? { ...withoutDone(i), undone } : i));
  return out({ ...app, onboarding }, 'onboarding.item-undone', { key, reason: why, was });
}

function withoutDone(i: OnboardingItem): OnboardingItem {
  const { done: _done, ...rest } = i;
  return rest;
}

export function withdraw(app: Application, ctx: Ctx): Outcome<Application> {
  need(
    isOwner(app, ctx.actor) || ctx.actor.role === 'staff',
    'forbidden',
    `withdraw: only the applicant (${app.applicant}) or staff may withdraw; ${notAllowed(ctx.actor, [`the applicant (${app.applicant})`, 'staff'])}`,
  );
  need(
    !TERMINAL.includes(app.status) && app.status !== 'ACCEPTED' && app.status !== 'ONBOARDING',
    'conflict',
    `withdraw: application ${app.id} is ${app.status}`,
  );
  return out({ ...app, status: 'WITHDRAWN', withdrawnAt: ctx.now.toISOString() }, 'application.withdrawn', {
    by: ctx.actor.id,
    from: app.status,
  });
}

/** What must hold of every application whatever happened to it; empty when it is consistent. */
export function applicationInvariants(app: Application): string[] {
  const bad: string[] = [];
  const v = app.vote;
  if (['IN_REVIEW'].includes(app.status) && !app.sessionId) bad.push('IN_REVIEW without a session');
  if (v) {
    for (const k of Object.keys(v.ballots)) if (!v.roster.includes(k)) bad.push(`binding ballot from ${k} outside the roster`);
    for (const k of Object.keys(v.nonBinding)) if (v.roster.includes(k)) bad.push(`non-binding ballot from roster member ${k}`);
    if ((v.closedAt === undefined) !== (v.result === undefined)) bad.push('vote result without closing, or closing without result');
    if (v.result && v.result.approvals + v.result.rejections + v.result.abstentions + v.result.notVoted !== v.roster.length)
      bad.push('tally does not add up to the roster');
  }
  if (app.decision) {
    if (!v?.result) {
      if (!app.decision.imported && !(app.decision.outcome === 'TOO_EARLY' && !v)) bad.push('decision without a closed vote');
    } else if ((app.decision.outcome === 'ACCEPTED') !== v.result.approved) bad.push('decision contradicts the vote');
  }
  if (['ACCEPTED', 'ONBOARDING', 'ACTIVE', 'DECLINED', 'TOO_EARLY', 'COMMUNITY_HIGHLIGHT'].includes(app.status) && !app.decision)
    bad.push(`${app.status} without a decision`);
  if (app.status === 'ONBOARDING' && !app.onboarding) bad.push('ONBOARDING without a checklist');
  if (app.status === 'ACTIVE' && (!app.projectId || !app.onboarding?.every((i) => i.done))) bad.push('ACTIVE before onboarding finished');
  const lastQ = app.questions[app.questions.length - 1];
  if (app.status === 'WAITING_ON_COMMENT' && (!lastQ || lastQ.answer !== undefined))
    bad.push('WAITING_ON_COMMENT without an open question');
  return bad;
}
