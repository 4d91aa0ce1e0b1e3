// Commands in issue comments, each on its own line (`/vote`, `/decline <reason>` …), carried out
// through the engine as the person who wrote them, with the role the roster gives them; a
// command their role does not allow is answered with why, and changes nothing. A comment of the
// applicant without a command, while a question waits, is their answer.
import { notAllowed, ProcessError } from '../process/errors.js';
import * as E from '../process/engine-applications.js';
import { addWaiver } from '../process/engine-waivers.js';
import { defer, recheck, scheduleInto } from '../process/engine-issue-apps.js';
import { applicationsByIssue, findByIssue } from '../process/engine-issues.js';
import type { Actor, Application } from '../process/types.js';
import { splitRepo } from './config.js';
import { refusalComment } from './comments.js';
import { sameRepo, type AppContext, type Client } from './context.js';
import { actorOf, mirrorState, postReport } from './issues.js';
import { onboardingPr } from './landscape-pr.js';
import { getThread, updateThread } from './threads.js';
import { closeVoteOnIssue, decideOnIssue, openVoteOnIssue, postVoteStatus } from './votes.js';

export const COMMANDS = [
  'check',
  'schedule',
  'defer',
  'vote',
  'vote-status',
  'close-vote',
  'accept',
  'decline',
  'too-early',
  'waive',
  'question',
  'withdraw',
  'onboard',
] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface Command {
  name: CommandName;
  args: string;
  line: string;
}

/** The commands of a comment: lines that start with `/name`, outside code blocks and quotes. */
export function parseCommands(body: string): Command[] {
  const out: Command[] = [];
  let fenced = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || line.startsWith('>')) continue;
    const m = /^\/([a-z][a-z-]*)(?:\s+(.*))?$/i.exec(line);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    if ((COMMANDS as readonly string[]).includes(name)) out.push({ name: name as CommandName, args: (m[2] ?? '').trim(), line });
  }
  return out;
}

export interface CommentPayload {
  action: string;
  issue: { number: number; title: string; user: { login: string }; pull_request?: unknown };
  comment: { id: number; body: string; user: { login: string; type?: string } };
  repository: { full_name: string };
  sender: { login: string; type?: string };
}

export async function onComment(ctx: AppContext, gh: Client, p: CommentPayload): Promise<void> {
  if (p.action !== 'created' || p.issue.pull_request || p.comment.user.type === 'Bot') return;
  if (!sameRepo(p.repository.full_name, ctx.config.ecosystemRepo)) return;
  const found = findByIssue(await applicationsByIssue(ctx.store.db), p.repository.full_name, p.issue.number);
  const commands = parseCommands(p.comment.body);
  const actor = await actorOf(ctx, p.comment.user.login, p.issue.user.login);
  const { owner, repo } = splitRepo(p.repository.full_name);
  const reply = async (body: string) => void (await gh.rest.issues.createComment({ owner, repo, issue_number: p.issue.number, body }));
  if (!found) {
    if (commands.length > 0)
      await reply(refusalComment(p.comment.user.login, commands[0]!.line, 'this issue holds no application Steward knows of'));
    return;
  }
  if (commands.length === 0) {
    // the applicant's comment while a question waits is the answer
    if (found.status === 'WAITING_ON_COMMENT' && actor.id === found.applicant) {
      const app = await E.answerQuestion(ctx.engine, actor, found.id, p.comment.body);
      await mirrorState(ctx, gh, app);
    }
    return;
  }
  // a retried delivery skips the commands already carried out
  const key = `comment:${p.comment.id}`;
  const done = new Set((await getThread(ctx.store.db, key)).done ?? []);
  for (const [i, c] of commands.entries()) {
    if (done.has(i)) continue;
    try {
      await run(ctx, gh, actor, found.id, c);
    } catch (err) {
      if (!(err instanceof ProcessError)) throw err;
      await reply(refusalComment(p.comment.user.login, c.line, err.message));
    }
    done.add(i);
    await updateThread(ctx.store.db, key, { done: [...done] });
  }
}

function needArgs(c: Command, what: string): string {
  if (!c.args) throw new ProcessError('invalid', `/${c.name} needs ${what}, as in \`/${c.name} ${what}\``);
  return c.args;
}

function needRole(actor: Actor, roles: Actor['role'][], c: Command): void {
  if (!roles.includes(actor.role))
    throw new ProcessError('forbidden', `/${c.name} needs role ${roles.join(' or ')}; ${notAllowed(actor, roles)}`);
}

async function run(ctx: AppContext, gh: Client, actor: Actor, id: string, c: Command): Promise<Application | void> {
  switch (c.name) {
    case 'check': {
      const app = await E.getApplication(ctx.engine, id);
      if (!(actor.role === 'staff' || actor.role === 'member' || actor.id === app.applicant)) {
        throw new ProcessError(
          'forbidden',
          `/check needs role staff or member, or the applicant (${app.applicant}); ${notAllowed(actor, ['staff', 'member', `the applicant (${app.applicant})`])}`,
        );
      }
      const reportId = await recheck(ctx.engine, actor, id);
      if (reportId !== undefined) await postReport(ctx, gh, app, reportId);
      return;
    }
    case 'schedule': {
      const app = await scheduleInto(ctx.engine, actor, id, needArgs(c, '<session id or YYYY-MM-DD>'));
      await mirrorState(ctx, gh, app);
      // the report is made again as the application enters review
      const reportId = await recheck(ctx.engine, actor, id, 'in-review');
      if (reportId !== undefined) await postReport(ctx, gh, app, reportId);
      return app;
    }
    case 'defer':
      return mirrorState(ctx, gh, await defer(ctx.engine, actor, id));
    case 'vote':
      return openVoteOnIssue(ctx, gh, actor, id);
    case 'vote-status':
      needRole(actor, ['staff', 'member'], c);
      return postVoteStatus(ctx, gh, id);
    case 'close-vote':
      return closeVoteOnIssue(ctx, gh, actor, id);
    case 'accept':
      return decideOnIssue(ctx, gh, actor, id, 'ACCEPTED', c.args || 'approved by the working group vote');
    case 'decline':
      return decideOnIssue(ctx, gh, actor, id, 'DECLINED', needArgs(c, '<reason>'));
    case 'too-early':
      return decideOnIssue(ctx, gh, actor, id, 'TOO_EARLY', needArgs(c, '<reason>'));
    case 'question':
      return mirrorState(ctx, gh, await E.askQuestion(ctx.engine, actor, id, needArgs(c, '<text>')));
    case 'onboard': {
      needRole(actor, ['staff'], c);
      const app = await E.getApplication(ctx.engine, id);
      const number = await onboardingPr(ctx, gh, app, needArgs(c, '<category> / <subcategory> [logo <link to the SVG>]'));
      const { owner, repo } = splitRepo(app.issue!.repo);
      await gh.rest.issues.createComment({
        owner,
        repo,
        issue_number: app.issue!.number,
        body: `The landscape entry is proposed in ${ctx.config.landscapeRepo}#${number}.`,
      });
      return;
    }
    case 'withdraw':
      return mirrorState(ctx, gh, await E.withdrawApplication(ctx.engine, actor, id));
    case 'waive': {
      needRole(actor, ['staff'], c);
      const w = parseWaive(needArgs(c, '<requirement> <reason> [until <YYYY-MM-DD | next review>]'));
      const app = await E.getApplication(ctx.engine, id);
      const waiver = await addWaiver(
        ctx.engine,
        actor,
        { application: id },
        { ...w, decidedBy: actor.id, decidedIn: app.issue ? `${app.issue.repo}#${app.issue.number}` : `application ${id}` },
      );
      const { owner, repo } = splitRepo(app.issue!.repo);
      const until = waiver.untilNextReview ? 'until the next periodic review' : `through ${waiver.until}`;
      await gh.rest.issues.createComment({
        owner,
        repo,
        issue_number: app.issue!.number,
        body: `Waiver ${waiver.id} recorded: requirement ${waiver.requirement} is exempt for this application ${until}, decided by \`${actor.id}\`. Reason: ${waiver.reason}`,
      });
      return;
    }
  }
}

/** `/waive <requirement> <reason> [until <YYYY-MM-DD | next review>]`; without `until`, the next periodic review. */
export function parseWaive(args: string): { requirement: string; reason: string; until: string } {
  const m = /^(\S+)\s+(.+?)(?:\s+until\s+(\d{4}-\d{2}-\d{2}|next[ -]review))?\s*$/i.exec(args.trim());
  if (!m)
    throw new ProcessError(
      'invalid',
      `/waive needs a requirement and a reason, as in \`/waive 18 the company owns the code until 2027-06-01\`; found ${JSON.stringify(args)}`,
    );
  const until = m[3] === undefined || /^next/i.test(m[3]) ? 'next-review' : m[3];
  return { requirement: m[1]!, reason: m[2]!, until };
}
