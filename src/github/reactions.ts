// Ballots by reaction. GitHub sends no webhook for reactions, so the App reads them from the vote
// comment (at /vote-status, at close, and on a schedule) and records them in the one ballot store
// the CLI and the web app write too: a member's latest ballot from any channel counts, so a
// reaction replaces a ballot only when it is newer. 👍 approve, 👎 reject, 👀 abstain; someone
// with more than one of them has no vote until they keep one.
import { castVote } from '../process/engine-applications.js';
import { retractBallot } from '../process/engine-issue-apps.js';
import type { Application, Choice } from '../process/types.js';
import { listPeople, type Person } from '../store/index.js';
import { splitRepo } from './config.js';
import type { AppContext, Client } from './context.js';
import { getThread, updateThread } from './threads.js';

const KIND: Record<string, Choice> = { '+1': 'approve', '-1': 'reject', eyes: 'abstain' };

export interface ReactionTally {
  /** logins with more than one counted reaction: no vote from them */
  conflicting: string[];
  /** reactions from people outside the roster: shown, never counted */
  nonMembers: { login: string; choice: Choice }[];
  /** ballots this read recorded or withdrew */
  recorded: number;
}

interface Reaction {
  content: string;
  created_at: string;
  user: { login: string } | null;
}

/** Person id → the GitHub login to show (their recorded login, else the id). */
export function loginsOf(people: Person[]): Record<string, string> {
  return Object.fromEntries(people.map((p) => [p.id, p.githubLogin ?? p.id]));
}

export async function syncReactions(
  ctx: AppContext,
  gh: Client,
  app: Application,
): Promise<{ app: Application; reactions: ReactionTally }> {
  const thread = await getThread(ctx.store.db, `application:${app.id}`);
  const tally: ReactionTally = { conflicting: [], nonMembers: [], recorded: 0 };
  const vote = app.vote;
  if (!vote || !thread.voteCommentId) return { app, reactions: tally };
  const { owner, repo } = splitRepo(app.issue!.repo);
  const reactions = (await gh.paginate('GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', {
    owner,
    repo,
    comment_id: thread.voteCommentId,
    per_page: 100,
  })) as Reaction[];
  const byLogin = new Map<string, Reaction[]>();
  for (const r of reactions) {
    if (!r.user || KIND[r.content] === undefined) continue;
    byLogin.set(r.user.login, [...(byLogin.get(r.user.login) ?? []), r]);
  }
  const people = await listPeople(ctx.store.db);
  const byLower = new Map<string, Person>();
  for (const p of people) byLower.set((p.githubLogin ?? p.id).toLowerCase(), p);
  let current = app;
  const newlyConflicting: string[] = [];
  for (const [login, rs] of [...byLogin].sort(([a], [b]) => a.localeCompare(b))) {
    const person = byLower.get(login.toLowerCase());
    const member = person !== undefined && vote.roster.includes(person.id);
    const kinds = [...new Set(rs.map((r) => KIND[r.content]!))];
    if (!member) {
      if (kinds.length === 1) tally.nonMembers.push({ login, choice: kinds[0]! });
      continue;
    }
    if (kinds.length > 1) {
      tally.conflicting.push(login);
      if (!(thread.toldConflict ?? []).includes(`${vote.openedAt}:${login}`)) newlyConflicting.push(login);
      if (current.vote?.ballots[person.id] && !current.vote.closedAt) {
        current = await retractBallot(ctx.engine, ctx.actor, app.id, person.id, `reacted with ${kinds.join(' and ')} on the vote comment`);
        tally.recorded++;
      }
      continue;
    }
    const newest = rs.reduce((a, b) => (a.created_at > b.created_at ? a : b));
    const ballot = current.vote?.ballots[person.id];
    if (ballot?.choice === kinds[0]) continue;
    // the latest ballot from any channel counts: a reaction older than a ballot cast since stays unused
    if (ballot && newest.created_at <= ballot.at) continue;
    if (current.vote?.closedAt) continue;
    current = await castVote(ctx.engine, { id: person.id, role: person.role }, app.id, kinds[0]!);
    tally.recorded++;
  }
  if (newlyConflicting.length > 0) {
    const { data } = await gh.rest.issues.createComment({
      owner,
      repo,
      issue_number: app.issue!.number,
      body: `${newlyConflicting.map((l) => `@${l}`).join(' ')} you reacted to the vote comment with more than one of 👍 👎 👀, so no vote of yours counts. Remove all but the one you mean.`,
    });
    void data;
    await updateThread(ctx.store.db, `application:${app.id}`, {
      toldConflict: [...(thread.toldConflict ?? []), ...newlyConflicting.map((l) => `${vote.openedAt}:${l}`)],
    });
  }
  return { app: current, reactions: tally };
}
