// The words of every notice: plain text, short, specific (names, dates as YYYY-MM-DD, the failing
// requirements with their fixes) and each ending with what to do next.
import { cleanDeep } from '../util/clean-text.js';
import { dayOf, noticeDataProblems, type FailedRequirement, type NoticeData, type NoticeKind } from './kinds.js';

export interface RenderedNotice {
  subject: string;
  text: string;
}

const TAG = '[PyTorch Ecosystem]';
const SIGNATURE = '-- \nThe PyTorch Ecosystem Working Group\n(sent by Steward; reply to reach the working group)';
const PROCESS_URL = 'https://github.com/pytorch-fdn/tac/blob/main/docs/governance/PyTorch_Ecosystem_Process.md';

type Template<K extends NoticeKind> = (d: NoticeData[K]) => { subject: string; body: string[]; next: string[] };

const TEMPLATES: { [K in NoticeKind]: Template<K> } = {
  'submission-received': (d) => ({
    subject: `${d.projectName}: application received`,
    body: [
      `Thank you for applying to the PyTorch Ecosystem with ${d.projectName} (${d.repoUrl}).`,
      `Your application for ${d.projectName} is number ${d.applicationId}.${d.issueUrl ? ` It is tracked at ${d.issueUrl}.` : ''}`,
      d.verdict === undefined
        ? 'The working group runs the automated requirements check when your application enters review; you can run it yourself now with `steward check <repository URL>`.'
        : d.verdict === 'unknown'
          ? `The automated requirements check could not read the repository yet (${d.unknownReason ?? 'no reason given'}); it runs again when your application enters review.`
          : d.verdict === 'pass'
            ? 'The automated requirements report found every requirement met.'
            : `The automated requirements report ${d.failing ? `found ${d.failing} requirement${d.failing === 1 ? '' : 's'} not yet met` : 'needs a person to review some requirements'}.`,
    ],
    next: [
      'Read the requirements report and fix what it lists before the review session, if you can.',
      'Prepare your presentation from the template deck in the ecosystem repository (a video of up to 15 minutes is welcome too).',
      "We'll write again when your application is scheduled for a review session.",
    ],
  }),
  'question-asked': (d) => ({
    subject: `${d.projectName}: a question about your application`,
    body: [`The working group has a question about ${d.projectName}${d.askedBy ? ` (from ${d.askedBy})` : ''}:`, '', indent(d.question)],
    next: [
      `Answer ${d.issueUrl ? `on ${d.issueUrl}` : 'by replying to this message'}.`,
      'Once you answer, your application returns to the queue and is reviewed first.',
    ],
  }),
  'answer-received': (d) => ({
    subject: `${d.projectName}: answer received`,
    body: [
      `${d.answeredBy ?? 'The applicant'} answered the working group's question about ${d.projectName}${d.question ? `:\n\n${indent(d.question)}` : '.'}`,
      ...(d.answer ? ['', 'Answer:', '', indent(d.answer)] : []),
    ],
    next: [`The application ${d.applicationId} is back in the queue and will be reviewed first.${d.issueUrl ? ` See ${d.issueUrl}.` : ''}`],
  }),
  'review-scheduled': (d) => {
    const on = dayOf(d.sessionDate);
    return {
      subject: `${d.projectName}: scheduled for the review session${on ? ` of ${on}` : ''}`,
      body: [`${d.projectName} is on the agenda of review session ${d.sessionId}${on ? ` on ${on}` : ''}.`],
      next: [
        'Send your presentation (from the template deck in the ecosystem repository) as a file or link before the session.',
        'Optionally add a video link of up to 15 minutes.',
        'Fix any failing requirement now: the report is run again when the review starts.',
      ],
    };
  },
  'vote-opened': (d) => {
    const until = dayOf(d.deadline);
    const needed = d.needed ?? Math.floor(d.rosterSize / 2) + 1;
    return {
      subject: `${d.projectName}: vote open${until ? ` until ${until}` : ''}`,
      body: [
        `The working group vote on ${d.projectName} (${d.applicationId}) is open${until ? ` until ${until}` : ''}.`,
        `It needs ${needed} approval${needed === 1 ? '' : 's'} from the ${d.rosterSize} members of the working group; not voting counts as not approving.`,
      ],
      next: [`Vote approve, reject or abstain${d.issueUrl ? ` on ${d.issueUrl}` : ''}; you can change your vote until it closes.`],
    };
  },
  decision: (d) => decision(d),
  'onboarding-step': (d) => {
    const open = d.items.filter((i) => !i.done);
    return {
      subject: `${d.projectName}: onboarding (${open.length} step${open.length === 1 ? '' : 's'} to go)`,
      body: [
        `Onboarding ${d.projectName} into the PyTorch Ecosystem. The steps:`,
        '',
        ...d.items.map((i) => `  [${i.done ? 'x' : ' '}] ${i.title} (${i.doneBy === 'applicant' ? 'you' : 'PyTorch staff'})`),
      ],
      next:
        open.length === 0
          ? ['Nothing: every step is done.']
          : open.some((i) => i.doneBy === 'applicant')
            ? ['Do the steps marked "you" and tell us when each is done; we take care of the rest.']
            : ['Nothing from you for now: PyTorch staff do the remaining steps.'],
    };
  },
  'onboarding-complete': (d) => ({
    subject: `${d.projectName}: welcome to the PyTorch Ecosystem`,
    body: [`Onboarding is complete: ${d.projectName} is now an active PyTorch Ecosystem project and listed on the landscape.`],
    next: [
      `Keep meeting the requirements: the first periodic review is due on ${day(d.reviewDueOn)}, and every 6 months after.`,
      'Run `steward check` on your repository any time to see where you stand.',
    ],
  }),
  'review-failure': (d) => ({
    subject: `${d.projectName}: periodic review found ${count(d.failures)} to fix by ${day(d.deadlineOn)}`,
    body: [
      `The periodic review of ${d.projectName}${d.noticeOn ? ` on ${day(d.noticeOn)}` : ''} found ${count(d.failures)} not met:`,
      '',
      ...failureLines(d.failures),
    ],
    next: [
      `Fix ${d.failures.length === 1 ? 'it' : 'them'} by ${day(d.deadlineOn)}: the requirements are checked again that day, and if any still fails, ${d.projectName} is retired from the PyTorch Ecosystem.`,
      'Run `steward check` on your repository to see your progress. Reply if something here is wrong.',
    ],
  }),
  'review-reminder': (d) => ({
    subject: `${d.projectName}: reminder, ${count(d.failures)} to fix by ${day(d.deadlineOn)}`,
    body: [`A reminder: ${d.projectName} still does not meet ${count(d.failures)}:`, '', ...failureLines(d.failures)],
    next: [
      `Fix ${d.failures.length === 1 ? 'it' : 'them'} by ${day(d.deadlineOn)}, or ${d.projectName} is retired from the PyTorch Ecosystem on that day.`,
      'Reply if you need help or think the check is wrong.',
    ],
  }),
  'review-early-warning': (d) => ({
    subject: `${d.projectName}: early warning before the review on ${day(d.reviewDueOn)}`,
    body: [
      `Nothing is due yet: ${d.projectName} meets these requirements today. But at the current pace, Steward forecasts that ${d.failures.length === 1 ? 'this one fails' : 'these fail'} before the next periodic review on ${day(d.reviewDueOn)}:`,
      '',
      ...d.failures.map((f) => `- ${f.summary}`),
    ],
    next: [
      'This is the only early notice before that review. Run `steward check` on your repository to see the forecast and the method behind it.',
      'Reply if you think the forecast is wrong.',
    ],
  }),
  'review-passed': (d) => ({
    subject: `${d.projectName}: periodic review passed`,
    body: [`${d.projectName} meets every requirement again. Thank you for fixing what the review found.`],
    next: [`Nothing for now. The next periodic review is due on ${day(d.nextDueOn)}.`],
  }),
  retirement: (d) => ({
    subject: `${d.projectName}: retired from the PyTorch Ecosystem`,
    body: [
      `${d.projectName} has been retired from the PyTorch Ecosystem. Reason: ${d.reason}`,
      ...(d.failures && d.failures.length > 0 ? ['', 'Requirements not met:', '', ...failureLines(d.failures)] : []),
      '',
      'It stays on the landscape as archived.',
    ],
    next: ['You may apply again like a new project once the requirements are met.', 'A separate message explains the offboarding.'],
  }),
  offboarding: (d) => ({
    subject: `${d.projectName}: offboarding from the PyTorch Ecosystem`,
    body: [
      `As ${d.projectName} is no longer part of the PyTorch Ecosystem, please remove references to the PyTorch Ecosystem`,
      `(badges, "part of the PyTorch Ecosystem" wording, logos) from ${d.repoUrl ?? 'your repository'} and your website.`,
    ],
    next: ['Remove those references; we check the README later and tell you about any that remain.', 'Reply if you have questions.'],
  }),
  'offboarding-reminder': (d) => ({
    subject: `${d.projectName}: references to the PyTorch Ecosystem remain`,
    body: [
      `${d.projectName} was retired from the PyTorch Ecosystem, but ${d.references.length === 1 ? 'one line' : `${d.references.length} lines`} of ${d.repoUrl ?? 'its repository'} still ${d.references.length === 1 ? 'refers' : 'refer'} to it${d.checkedOn ? ` (checked ${day(d.checkedOn)})` : ''}:`,
      ...d.references.slice(0, 20).map((r) => `  * ${r.path}:${r.line}: ${oneLine(r.text)}`),
      ...(d.references.length > 20 ? [`  * … and ${d.references.length - 20} more`] : []),
    ],
    next: [
      'Remove these references (wording, badges, logos, links to the ecosystem pages).',
      'Reply if you believe a line is not such a reference.',
    ],
  }),
  'amendment-decision': (d) => {
    const from = dayOf(d.effectiveOn);
    return {
      subject: `Policy amendment ${d.adopted ? 'adopted' : 'not adopted'}: ${d.policyId} ${d.policyVersion}`,
      body: [
        `The TAC ${d.adopted ? 'adopted' : 'did not adopt'} the policy amendment "${d.summary}" (${d.policyId} version ${d.policyVersion}).`,
        d.adopted
          ? `It takes effect on ${from ?? 'its effective date'}; reports from then on name version ${d.policyVersion}.`
          : 'The current policy stays in force.',
      ],
      next: d.adopted
        ? ['Check your project against the new version with `steward check --policy <file>` before it takes effect.']
        : ['Nothing: no change for projects.'],
    };
  },
};

function decision(d: NoticeData['decision']): { subject: string; body: string[]; next: string[] } {
  const why = `Reason: ${d.reason}`;
  const on = d.decidedOn ? ` on ${day(d.decidedOn)}` : '';
  switch (d.outcome) {
    case 'ACCEPTED':
      return {
        subject: `${d.projectName}: accepted into the PyTorch Ecosystem`,
        body: [`Congratulations: the working group accepted ${d.projectName} into the PyTorch Ecosystem${on}.`, why],
        next: ['Onboarding comes next: a separate message lists its steps (logo, 2FA, category, landscape entry, blog post, CLA/DCO).'],
      };
    case 'COMMUNITY_HIGHLIGHT':
      return {
        subject: `${d.projectName}: selected as a community highlight`,
        body: [
          `The working group decided${on} to feature ${d.projectName} as a community highlight rather than an ecosystem project.`,
          why,
        ],
        next: [
          'Nothing from you for now; PyTorch staff will be in touch about the highlight.',
          'You may apply as an ecosystem project later.',
        ],
      };
    case 'TOO_EARLY':
      return {
        subject: `${d.projectName}: too early for the PyTorch Ecosystem`,
        body: [`The working group decided${on} that ${d.projectName} is too early to join the PyTorch Ecosystem.`, why],
        next: [
          `Keep building; apply again when the project has matured${d.resubmitFrom ? ` (from ${day(d.resubmitFrom)})` : ''}.`,
          'Run `steward check` to see which requirements to work on.',
        ],
      };
    case 'DECLINED':
      return {
        subject: `${d.projectName}: application declined`,
        body: [`The working group declined the application of ${d.projectName}${on}.`, why],
        next: [
          `You may resubmit from ${day(d.resubmitFrom)} (3 months after the decision); the new application shows what improved since.`,
          'Run `steward check` to see which requirements to work on.',
        ],
      };
  }
}

/**
 * The subject and text of a notice. `data` is typed per kind; the data of a notice read back
 * from storage goes through `renderStoredNotice`, which checks it first.
 */
export function renderNotice<K extends NoticeKind>(kind: K, data: NoticeData[K]): RenderedNotice {
  // applicants' text (project names, answers, report summaries) reaches mail readers: no escapes or bidi overrides
  const t = (TEMPLATES[kind] as Template<K>)(cleanDeep(data));
  const text = [
    ...t.body,
    '',
    'What to do next:',
    ...t.next.map((n) => `- ${n}`),
    '',
    `About the process: ${PROCESS_URL}`,
    '',
    SIGNATURE,
    '',
  ];
  return { subject: `${TAG} ${oneLine(t.subject)}`, text: text.join('\n') };
}

export class NoticeDataError extends Error {
  override name = 'NoticeDataError';
}

/** Renders a notice from the outbox, or throws a NoticeDataError saying what its data lacks. */
export function renderStoredNotice(kind: string, data: unknown): RenderedNotice {
  const problems = noticeDataProblems(kind, data);
  if (problems.length > 0) throw new NoticeDataError(`cannot render notice: ${problems.join('; ')}`);
  return renderNotice(kind as NoticeKind, data as NoticeData[NoticeKind]);
}

function day(value: string): string {
  return dayOf(value) ?? value;
}

function count(failures: FailedRequirement[]): string {
  return failures.length === 1 ? '1 requirement' : `${failures.length} requirements`;
}

function failureLines(failures: FailedRequirement[]): string[] {
  const out: string[] = [];
  for (const f of failures) {
    out.push(`  * ${f.id ? `#${f.id} ` : ''}${f.key}: ${oneLine(f.summary)}`);
    if (typeof f.fix === 'string' && f.fix.trim() !== '') out.push(`    Fix: ${oneLine(f.fix)}`);
  }
  return out;
}

function indent(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((l) => `    ${l}`)
    .join('\n');
}

/** Subjects are one header line: a newline in a name must not start a new header. */
function oneLine(s: string): string {
  return s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}
