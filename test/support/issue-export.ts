// A sample of what GitHub's REST API returns for an ecosystem repository's issues
// (`GET /repos/{owner}/{repo}/issues?state=all`) and their comments (`/issues/comments`), written
// for the tests: twenty application issues covering every state label, hand-edited bodies, a
// conflicting pair of labels, a resubmission, a question and its answer, plus a pull request and
// a non-application issue that the import must leave out.
import { emptyFields, renderApplicationBody, renderApplicationTitle, type ApplicationFields } from '../../src/process/form/index.js';
import type { GhComment, GhIssue } from '../../src/process/issue-history.js';

export const SAMPLE_REPO = 'example-fdn/ecosystem';
const API = 'https://api.github.com';

export interface SampleIssue {
  number: number;
  name: string;
  labels: string[];
  state: 'open' | 'closed';
  created: string;
  updated?: string;
  closed?: string;
  author?: string;
  /** a complete form unless a body is given */
  body?: string;
  repo?: string;
}

export function formFields(name: string, repo = `https://github.com/${name.toLowerCase()}-org/${name.toLowerCase()}`): ApplicationFields {
  return {
    ...emptyFields(),
    projectName: name,
    contactEmails: [`maintainers@${name.toLowerCase()}.example`],
    summary: `${name}: a library for PyTorch users`,
    description: `${name} adds training utilities on top of PyTorch, with examples and documentation for each of them.`,
    similarProjects: 'None that we know of.',
    repoUrl: repo,
    license: 'Apache-2.0',
    maintainers: [`${name.toLowerCase()}-dev`],
    websiteUrl: `https://${name.toLowerCase()}.example`,
    documentation: `https://${name.toLowerCase()}.example/docs`,
    ci: 'GitHub Actions on every pull request',
    pytorchVersions: '2.4, 2.5',
    pytorchComponents: 'torch.nn, torch.utils.data',
    maintenanceCommitment: 'Two maintainers paid by their employer.',
  };
}

export const TBD_BODY = [
  '### Contact emails',
  '',
  'TBD',
  '',
  '### Project summary',
  '',
  'TBD',
  '',
  '### Project repo URL',
  '',
  'TBD',
  '',
].join('\n');

/** The twenty application issues (numbers 1–20); every state label appears at least once. */
export const SAMPLE_ISSUES: SampleIssue[] = [
  { number: 1, name: 'Alpha', labels: ['New'], state: 'open', created: '2025-03-02T10:00:00Z' },
  {
    number: 2,
    name: 'Beta',
    labels: ['Accepted', 'Blog completed'],
    state: 'closed',
    created: '2025-03-05T10:00:00Z',
    closed: '2025-05-15T17:00:00Z',
  },
  { number: 3, name: 'Gamma', labels: ['Declined'], state: 'closed', created: '2025-03-10T10:00:00Z', closed: '2025-06-12T16:30:00Z' },
  { number: 4, name: 'Delta', labels: ['Too early'], state: 'closed', created: '2025-04-01T10:00:00Z', closed: '2025-06-12T16:40:00Z' },
  {
    number: 5,
    name: 'Epsilon',
    labels: ['Community Highlight'],
    state: 'closed',
    created: '2025-04-03T10:00:00Z',
    closed: '2025-07-10T16:00:00Z',
  },
  {
    number: 6,
    name: 'Zeta',
    labels: ['Waiting on comment'],
    state: 'open',
    created: '2025-05-20T10:00:00Z',
    updated: '2025-08-01T09:00:00Z',
  },
  { number: 7, name: 'Eta', labels: ['review - scheduled'], state: 'open', created: '2025-06-01T10:00:00Z' },
  { number: 8, name: 'Theta', labels: ['review - future'], state: 'open', created: '2025-06-03T10:00:00Z' },
  { number: 9, name: 'Iota', labels: ['in voting'], state: 'open', created: '2025-06-05T10:00:00Z', updated: '2025-10-20T12:00:00Z' },
  { number: 10, name: 'Kappa', labels: ['Need more info'], state: 'open', created: '2025-07-01T10:00:00Z', body: TBD_BODY },
  { number: 11, name: 'Lambda', labels: ['nonactive'], state: 'closed', created: '2025-07-02T10:00:00Z', closed: '2025-11-02T10:00:00Z' },
  // Gamma again after its decline: the resubmission follows application #3
  {
    number: 12,
    name: 'Gamma',
    labels: ['Resubmit'],
    state: 'open',
    created: '2025-09-20T10:00:00Z',
    repo: 'https://github.com/gamma-org/gamma',
  },
  // a label left behind: the decision outranks the triage label
  { number: 13, name: 'Mu', labels: ['New', 'Accepted'], state: 'closed', created: '2025-07-15T10:00:00Z', closed: '2025-09-18T17:00:00Z' },
  // decided and labelled, not yet closed: the decision date is the last change
  { number: 14, name: 'Nu', labels: ['Declined'], state: 'open', created: '2025-08-01T10:00:00Z', updated: '2025-10-16T18:00:00Z' },
  // closed without a state label: withdrawn
  { number: 15, name: 'Xi', labels: [], state: 'closed', created: '2025-08-02T10:00:00Z', closed: '2025-08-30T10:00:00Z' },
  // open without a state label: new
  { number: 16, name: 'Omicron', labels: ['Blog candidate'], state: 'open', created: '2025-09-01T10:00:00Z' },
  { number: 17, name: 'Pi', labels: ['Accepted'], state: 'closed', created: '2025-09-02T10:00:00Z', closed: '2025-11-13T17:00:00Z' },
  { number: 18, name: 'Rho', labels: ['review - scheduled'], state: 'open', created: '2025-10-01T10:00:00Z' },
  { number: 19, name: 'Sigma', labels: ['waiting on comment', 'review - future'], state: 'open', created: '2025-10-05T10:00:00Z' },
  { number: 20, name: 'Tau', labels: ['New'], state: 'open', created: '2025-11-20T10:00:00Z' },
];

/** The state each sample issue must be imported in. */
export const EXPECTED_STATUS: Record<number, string> = {
  1: 'NEW',
  2: 'ACCEPTED',
  3: 'DECLINED',
  4: 'TOO_EARLY',
  5: 'COMMUNITY_HIGHLIGHT',
  6: 'WAITING_ON_COMMENT',
  7: 'IN_REVIEW',
  8: 'DEFERRED',
  9: 'IN_REVIEW',
  10: 'INCOMPLETE',
  11: 'WITHDRAWN',
  12: 'NEW',
  13: 'ACCEPTED',
  14: 'DECLINED',
  15: 'WITHDRAWN',
  16: 'NEW',
  17: 'ACCEPTED',
  18: 'IN_REVIEW',
  19: 'DEFERRED',
  20: 'NEW',
};

const label = (name: string, i: number) => ({
  id: 9000 + i,
  node_id: `LA_${i}`,
  url: `${API}/repos/${SAMPLE_REPO}/labels/${encodeURIComponent(name)}`,
  name,
  color: 'ededed',
  default: false,
  description: null,
});

export function toGhIssue(s: SampleIssue, repo = SAMPLE_REPO): GhIssue & Record<string, unknown> {
  const user = { login: s.author ?? `${s.name.toLowerCase()}-dev`, id: 5000 + s.number, type: 'User' };
  return {
    url: `${API}/repos/${repo}/issues/${s.number}`,
    repository_url: `${API}/repos/${repo}`,
    html_url: `https://github.com/${repo}/issues/${s.number}`,
    id: 100000 + s.number,
    node_id: `I_${s.number}`,
    number: s.number,
    title: renderApplicationTitle(s.name),
    user,
    labels: s.labels.map(label),
    state: s.state,
    locked: false,
    assignee: null,
    comments: 0,
    created_at: s.created,
    updated_at: s.updated ?? s.closed ?? s.created,
    closed_at: s.closed ?? null,
    author_association: 'NONE',
    body: s.body ?? renderApplicationBody(formFields(s.name, s.repo)),
    state_reason: s.state === 'closed' ? 'completed' : null,
  };
}

/** The issues list as the API returns it (newest first), with a pull request and a question issue among them. */
export function sampleIssues(repo = SAMPLE_REPO): unknown[] {
  const issues: unknown[] = SAMPLE_ISSUES.map((s) => toGhIssue(s, repo));
  issues.push({
    ...toGhIssue(
      { number: 21, name: 'Docs', labels: [], state: 'closed', created: '2025-11-21T10:00:00Z', closed: '2025-11-22T10:00:00Z' },
      repo,
    ),
    title: 'Fix a typo in the README',
    body: 'A one-word fix.',
    pull_request: {
      url: `${API}/repos/${repo}/pulls/21`,
      html_url: `https://github.com/${repo}/pull/21`,
      merged_at: '2025-11-22T10:00:00Z',
    },
  });
  issues.push({
    ...toGhIssue({ number: 22, name: 'Question', labels: [], state: 'open', created: '2025-11-25T10:00:00Z' }, repo),
    title: 'How long does a review take?',
    body: 'We are thinking of applying and wonder how long a review takes.',
  });
  return issues.reverse();
}

export function sampleComments(repo = SAMPLE_REPO): GhComment[] {
  const c = (id: number, issue: number, login: string, at: string, body: string): GhComment & Record<string, unknown> => {
    const user = { login, id: id + 1, type: 'User' };
    return {
      url: `${API}/repos/${repo}/issues/comments/${id}`,
      html_url: `https://github.com/${repo}/issues/${issue}#issuecomment-${id}`,
      issue_url: `${API}/repos/${repo}/issues/${issue}`,
      id,
      user,
      created_at: at,
      updated_at: at,
      author_association: 'MEMBER',
      body,
    };
  };
  return [
    c(
      7001,
      6,
      'wg-staff',
      '2025-07-25T09:00:00Z',
      'The last 90 days show only 2 unique contributors and about 7 commits; how do you plan to grow the maintainer base?',
    ),
    c(7002, 3, 'wg-staff', '2025-06-12T16:30:00Z', 'The working group declined this application in its June session.'),
    c(7003, 19, 'wg-member', '2025-10-20T09:00:00Z', 'Could you say which PyTorch versions your CI tests?'),
  ];
}
