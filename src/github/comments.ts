// What the App writes on an application's issue, as Markdown: the report (edited in place, with
// what changed), what the form lacks, the vote and its status, the result, the decision, and the
// answer to a command it refused. Each comment starts with a hidden marker naming its kind, so a
// person reading the source (or the App after a lost write) can tell them apart.
import { renderMarkdown } from '../report/markdown.js';
import type { Report } from '../report/types.js';
import { diffReports, type ReportDiff } from '../process/report-diff.js';
import { ONBOARDING_CHECKLIST } from '../process/onboarding.js';
import { approvalsNeeded } from '../process/voting.js';
import type { Application, VoteResult, VoteState } from '../process/types.js';
import type { ReactionTally } from './reactions.js';

export const marker = (kind: string, id: string) => `<!-- steward:${kind}:${id} -->`;

export function reportComment(app: Application, report: Report, previous: Report | undefined, when: string): string {
  const out = [
    marker('report', app.id),
    `**Steward's report for application ${app.id} (${app.projectName})**, checked ${when.slice(0, 16).replace('T', ' ')} UTC.`,
    '',
  ];
  if (previous) out.push(changedSince(diffReports(previous, report)), '');
  out.push(renderMarkdown(report));
  return out.join('\n');
}

function changedSince(d: ReportDiff): string {
  const head = `**What changed** since the check of ${d.from.asOf.slice(0, 10)} (\`${d.from.commit.slice(0, 12)}\`, ${d.from.verdict} → ${d.to.verdict}):`;
  if (d.changes.length === 0) return `${head} nothing.`;
  const lines = d.changes.map((c) => {
    const mark = c.direction === 'improved' ? '⬆️' : c.direction === 'regressed' ? '⬇️' : '↔️';
    const vals = Object.entries(c.measured)
      .map(([k, [x, y]]) => `${k} ${JSON.stringify(x)} → ${JSON.stringify(y)}`)
      .join('; ');
    return `- ${mark} ${c.id}. ${c.key}: ${c.before ?? 'absent'} → ${c.after ?? 'absent'}${vals ? ` (${vals})` : ''}`;
  });
  return [head, ...lines].join('\n');
}

export function missingComment(app: Pick<Application, 'id'>, missing: string[], formUrl?: string): string {
  return [
    marker('missing', app.id),
    '**This application cannot be reviewed yet: the form lacks required answers.**',
    '',
    ...missing.map((m) => `- ${m}`),
    '',
    `Edit the issue to answer them${formUrl ? ` (the questions are those of [the application form](${formUrl}))` : ''}; a placeholder such as TBD or N/A is not an answer. Steward reads the issue again on every edit and checks the repository once the form is complete.`,
  ].join('\n');
}

export function voteComment(app: Application, vote: VoteState): string {
  const needed = approvalsNeeded(vote.rule, vote.roster.length);
  return [
    marker('vote', app.id),
    `**Vote on application ${app.id} (${app.projectName})** — opened ${vote.openedAt.slice(0, 10)} by @${vote.openedBy}.`,
    '',
    'Working-group members: react to **this comment** with',
    '- 👍 to approve',
    '- 👎 to reject',
    '- 👀 to abstain',
    '',
    `Keep exactly one of them: with more than one, your vote does not count until you remove the others. You may also vote with \`steward vote cast ${app.id} approve|reject|abstain\`; your latest ballot from either counts.`,
    '',
    `The rule: approved only if **more than half of all ${vote.roster.length} members** approve (${needed} approvals), whoever else votes. Reactions from people outside the roster are shown as non-binding and never counted.`,
    '',
    `Reactions on this public issue are public: everyone can see how each member voted.`,
  ].join('\n');
}

const who = (logins: string[]) => (logins.length === 0 ? '—' : logins.map((l) => `\`${l}\``).join(', '));

export function tallyLines(vote: VoteState, t: VoteResult, reactions: ReactionTally, logins: Record<string, string>): string[] {
  const byChoice = (c: string) => vote.roster.filter((m) => vote.ballots[m]?.choice === c).map((m) => logins[m] ?? m);
  const notVoted = vote.roster.filter((m) => !vote.ballots[m]).map((m) => logins[m] ?? m);
  const lines = [
    `| | members |`,
    `|---|---|`,
    `| 👍 approve (${t.approvals}) | ${who(byChoice('approve'))} |`,
    `| 👎 reject (${t.rejections}) | ${who(byChoice('reject'))} |`,
    `| 👀 abstain (${t.abstentions}) | ${who(byChoice('abstain'))} |`,
    `| not voted (${t.notVoted}) | ${who(notVoted)} |`,
    '',
    `**${t.approvals} of ${t.rosterSize} members approve**; the rule needs more than half of all ${t.rosterSize} members: ${t.needed} approvals.`,
  ];
  if (reactions.conflicting.length > 0)
    lines.push('', `No vote counted for ${who(reactions.conflicting)}: more than one of 👍 👎 👀 (keep one).`);
  if (reactions.nonMembers.length > 0)
    lines.push('', `Non-binding (not on the roster): ${reactions.nonMembers.map((n) => `\`${n.login}\` ${n.choice}`).join(', ')}.`);
  return lines;
}

export function statusComment(
  app: Application,
  vote: VoteState,
  t: VoteResult,
  reactions: ReactionTally,
  logins: Record<string, string>,
): string {
  return [
    marker('vote-status', app.id),
    `**Vote status, application ${app.id} (${app.projectName})** — open since ${vote.openedAt.slice(0, 10)}.`,
    '',
    ...tallyLines(vote, t, reactions, logins),
    '',
    t.approved
      ? 'As it stands the application **would pass**.'
      : `As it stands the application **would not pass** (${Math.max(0, t.needed - t.approvals)} more approvals needed).`,
  ].join('\n');
}

export function resultComment(app: Application, vote: VoteState, reactions: ReactionTally, logins: Record<string, string>): string {
  const t = vote.result!;
  return [
    marker('vote-result', app.id),
    `**The vote on application ${app.id} (${app.projectName}) closed ${vote.closedAt!.slice(0, 16).replace('T', ' ')} UTC: ${t.approved ? 'PASSED' : 'NOT PASSED'}.**`,
    '',
    ...tallyLines(vote, t, reactions, logins),
    '',
    `Next: staff record the decision with ${t.approved ? '`/accept`' : '`/decline <reason>` or `/too-early <reason>`'}.`,
  ].join('\n');
}

export function reminderComment(app: Application, notVoted: string[], sessionDate: string): string {
  return [
    marker('vote-reminder', app.id),
    `Reminder: the vote on ${app.projectName} is still open and the session is on ${sessionDate}. Not voted yet: ${notVoted.map((l) => `@${l}`).join(' ')}.`,
    '',
    'React to the vote comment above with 👍 (approve), 👎 (reject) or 👀 (abstain).',
  ].join('\n');
}

export function decisionComment(app: Application, resubmitFrom: string | null): string {
  const d = app.decision!;
  const t = app.vote?.result;
  const outcome = {
    ACCEPTED: 'accepted',
    DECLINED: 'declined',
    TOO_EARLY: 'judged too early',
    COMMUNITY_HIGHLIGHT: 'chosen as a community highlight',
  }[d.outcome];
  const out = [
    marker('decision', app.id),
    `**Decision: ${app.projectName} is ${outcome}** (recorded ${d.at.slice(0, 10)} by @${d.by}).`,
    '',
    t
      ? `Tally: ${t.approvals} approve, ${t.rejections} reject, ${t.abstentions} abstain, ${t.notVoted} not voted, of ${t.rosterSize} members; ${t.needed} approvals were needed (more than half of all members).`
      : 'Recorded without a vote of the working group.',
    '',
    `Reasons: ${d.reason}`,
    '',
  ];
  if (d.outcome === 'ACCEPTED') {
    out.push(
      'What happens next — onboarding:',
      ...ONBOARDING_CHECKLIST.map((i) => `- [ ] ${i.title} (${i.doneBy === 'staff' ? 'staff' : 'the project'}; verified by: ${i.verify})`),
    );
  } else if (resubmitFrom) {
    out.push(
      `What happens next: a new application for this repository is accepted from **${resubmitFrom}** (three months after this decision). The report above says what to fix first.`,
    );
  }
  return out.join('\n');
}

export function refusalComment(login: string, command: string, why: string): string {
  return `@${login} \`${command}\` was not carried out: ${why}. Nothing changed.`;
}

export function labelRestoredComment(login: string, label: string, added: boolean, why: string, command?: string): string {
  return `@${login} the label \`${label}\` was ${added ? 'removed again' : 'put back'}: ${why}.${command ? ` The command for this change is \`${command}\`, in a comment, by someone whose role allows it.` : ' Steward sets this label itself from the state of the application.'}`;
}
