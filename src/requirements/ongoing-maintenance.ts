// Requirement 10: Ongoing maintenance. Three measured signs (torch support judged exactly as in
// requirement 1, activity in the window, a release or tag within the policy's months) and the
// maintainers' 12-month commitment, which only the application form can give.
import type { Evidence, EvidenceRef } from '../evidence/types.js';
import { judgeTorchSupport } from './judge-torch-support.js';
import type { Policy } from '../policy/types.js';
import { torchFix, torchRefs, where, written } from './pytorch-support.js';
import type { Outcome, RuleMeta, Status } from './types.js';
import { defineRule, say } from './rule.js';
import { describeList, REFRESH_FIX, torchListFacts } from './torch-list.js';
import { activityWindow, WINDOW_MESSAGES } from './activity-window.js';

// The outcome is one of two messages (maintained, or what is missing with what is met); each sign
// it lists is a message of its own, filled into {signs} / {problems} / {met}.
const meta = {
  key: 'ongoing-maintenance',
  automation: 'partial',
  measures:
    'Requirement 1 admits the latest {shared.supportedTorchReleases} torch releases, the activity window has at least one commit, and a release or tag is no older than {options.releaseMonths} months; the maintenance commitment comes from the application form.',
  messages: {
    maintained: 'Maintained: {signs}{commitment}.',
    notMaintained: '{problems}.{met}',
    met: ' Met: {signs}.',
    committed: '; the application commits to 12 months of maintenance',
    torchListConcern: 'torch support was judged against {list}, but {concern}',
    torchAdmitsAll: 'the torch requirement admits {versions}',
    torchExcludesLatest: 'the torch requirement ({declarations}) excludes the latest release {latest}',
    torchExcludesOlder: 'the torch requirement admits {latest} but not {missing}',
    torchUndeclared: 'torch is not declared, so support for the latest releases cannot be read',
    torchIndeterminate: 'which torch versions the declared requirement admits cannot be told',
    torchNoReleases: 'the torch release list does not reach {n} releases at this date',
    commits: '{commits} in the last {days} days',
    noCommits: 'no commits in the last {days} days{newest}',
    recentRelease: '{source} {name} on {date}',
    noTags:
      'the clone has no tags up to {asOf} and the host was not asked for releases (clones and mirrors are often fetched without tags)',
    oldRelease: 'the newest {source} ({name}) is from {date}, more than {months} months before {asOf}',
    noRelease: 'no release or tag was found{notAsked}',
    noCommitment: 'the application does not state the 12-month maintenance commitment',
    ...WINDOW_MESSAGES,
  },
} as const satisfies RuleMeta;

const text = (id: keyof typeof meta.messages, data: Record<string, string | number> = {}) => say(meta, id, data).summary;

/** `months` calendar months before `at` (the 31st clamps to the month's last day), same time of day. */
export function monthsBefore(at: Date, months: number): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() - months;
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      targetYear,
      targetMonth,
      Math.min(at.getUTCDate(), lastDay),
      at.getUTCHours(),
      at.getUTCMinutes(),
      at.getUTCSeconds(),
      at.getUTCMilliseconds(),
    ),
  );
}

const ORDER: Status[] = ['fail', 'review', 'unknown', 'warn', 'pass'];

function worst(statuses: Status[]): Status {
  for (const s of ORDER) if (statuses.includes(s)) return s;
  return 'pass';
}

interface Release {
  name: string;
  date: string;
  source: 'release' | 'tag';
  ref: EvidenceRef;
}

/** The newest release (hosting API) or git tag on or before asOf. */
export function latestRelease(evidence: Evidence, asOf: Date): Release | undefined {
  const found: Release[] = [];
  const hosted = evidence.online?.github ?? evidence.online?.gitlab;
  const rel = hosted?.latestRelease;
  if (rel)
    found.push({
      name: rel.name,
      date: rel.date,
      source: 'release',
      ref: { kind: 'api', ref: rel.url, detail: `release ${rel.name}, ${rel.date.slice(0, 10)}` },
    });
  const tag = evidence.tags?.latest;
  if (tag)
    found.push({
      name: tag.name,
      date: tag.date,
      source: 'tag',
      ref: { kind: 'commit', ref: tag.commit, detail: `tag ${tag.name}, ${tag.date.slice(0, 10)}` },
    });
  return found
    .filter((r) => !Number.isNaN(Date.parse(r.date)) && Date.parse(r.date) <= asOf.getTime())
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date))[0];
}

function commitmentOf(form: Record<string, unknown> | undefined): string | undefined {
  const v = form?.maintenanceCommitment;
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (v === true) return 'yes';
  return undefined;
}

function evaluateOngoingMaintenance(evidence: Evidence, policy: Policy, asOf: Date, months: number): Outcome {
  const n = policy.shared.supportedTorchReleases;
  const j = judgeTorchSupport(evidence.python.torch, evidence.torchReleases, asOf, n);
  const judged = activityWindow(evidence, { days: policy.shared.windowDays, bots: policy.bots, policy });
  // the newest commit at all is the history's as read, whatever the window
  const { latestCommit, latestCommitAt } = evidence.history;
  const cutoff = monthsBefore(asOf, months);
  const release = latestRelease(evidence, asOf);
  const releaseRecent = release !== undefined && Date.parse(release.date) >= cutoff.getTime();
  const commitment = commitmentOf(evidence.form);

  const parts: { status: Status; text: string; fix?: string }[] = [];
  const versions = j.releases.join(' and ');
  const list = torchListFacts(evidence, asOf);
  // judged against a list that may be missing releases: the torch sign waits for a reviewer
  if (list.concern && j.outcome !== 'undeclared' && j.outcome !== 'no-releases') {
    parts.push({ status: 'review', text: text('torchListConcern', { list: describeList(list), concern: list.concern }), fix: REFRESH_FIX });
  } else {
    switch (j.outcome) {
      case 'admits-all':
        parts.push({ status: 'pass', text: text('torchAdmitsAll', { versions }) });
        break;
      case 'excludes-latest':
        parts.push({
          status: 'fail',
          text: text('torchExcludesLatest', {
            declarations: j.judged.map((a) => `${written(a.declaration)} at ${where(a.declaration)}`).join(', '),
            latest: j.releases[0]!,
          }),
          fix: torchFix(j),
        });
        break;
      case 'excludes-older':
        parts.push({
          status: 'warn',
          text: text('torchExcludesOlder', {
            latest: j.releases[0]!,
            missing: j.releases.filter((r) => j.admitted[r] === false).join(', '),
          }),
          fix: torchFix(j),
        });
        break;
      case 'undeclared':
        parts.push({
          status: 'review',
          text: text('torchUndeclared'),
          fix: `Declare torch with a range that admits ${versions || 'the latest releases'} (see requirement 1).`,
        });
        break;
      case 'indeterminate':
        parts.push({ status: 'review', text: text('torchIndeterminate') });
        break;
      case 'no-releases':
        parts.push({ status: 'unknown', text: text('torchNoReleases', { n }) });
        break;
    }
  }
  if ('refused' in judged) {
    const r = judged.refused;
    const said = text(r.id, r.data);
    parts.push({ status: 'unknown', text: said.charAt(0).toLowerCase() + said.slice(1).replace(/\.$/, ''), fix: r.fix });
  } else {
    const h = judged.window;
    if (h.commits >= 1)
      parts.push({
        status: 'pass',
        text: text('commits', { commits: `${h.commits} commit${h.commits === 1 ? '' : 's'}`, days: h.window.days }),
      });
    else
      parts.push({
        status: 'fail',
        text: text('noCommits', { days: h.window.days, newest: latestCommitAt ? ` (newest ${latestCommitAt.slice(0, 10)})` : '' }),
        fix: 'Show the project is maintained: commit to the default branch (bots and merges are not counted).',
      });
  }
  const hostAsked = evidence.online?.github !== undefined || evidence.online?.gitlab !== undefined;
  if (releaseRecent)
    parts.push({
      status: 'pass',
      text: text('recentRelease', { source: release!.source, name: release!.name, date: release!.date.slice(0, 10) }),
    });
  else if (!release && !hostAsked && evidence.tags.count === 0)
    // Mirrors and CI checkouts are often fetched without tags: no tag in the clone is no evidence
    // that the project never releases, and nobody asked the host for its releases.
    parts.push({
      status: 'unknown',
      text: text('noTags', { asOf: asOf.toISOString().slice(0, 10) }),
      fix: 'Run the check online (a GitHub or GitLab URL, or a clone whose origin is on one), which asks the host for its releases, or fetch the tags (git fetch --tags).',
    });
  else
    parts.push({
      status: 'fail',
      text: release
        ? text('oldRelease', {
            source: release.source,
            name: release.name,
            date: release.date.slice(0, 10),
            months,
            asOf: asOf.toISOString().slice(0, 10),
          })
        : text('noRelease', { notAsked: hostAsked ? '' : ' (git tags; GitHub releases not consulted)' }),
      fix: `Publish a release (tag it, e.g. git tag -a vX.Y.Z, and push the tag) at least every ${months} months.`,
    });
  if (evidence.form && !commitment) {
    parts.push({
      status: 'review',
      text: text('noCommitment'),
      fix: 'Answer the maintenance-commitment question of the application.',
    });
  }

  const status = worst(parts.map((p) => p.status));
  const refs: EvidenceRef[] = [...torchRefs(j).slice(0, 3)];
  if (latestCommit) refs.push({ kind: 'commit', ref: latestCommit, detail: `newest commit, ${latestCommitAt ?? 'undated'}` });
  if (release) refs.push(release.ref);
  if (commitment) refs.push({ kind: 'form', ref: 'maintenanceCommitment', detail: commitment.slice(0, 300) });
  const bad = parts.filter((p) => p.status !== 'pass');
  const met = parts.filter((p) => p.status === 'pass').map((p) => p.text);
  // the first letter is raised as a sentence starts: a problem's wording begins in lower case
  const raised = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  const said =
    status === 'pass'
      ? say(meta, 'maintained', { signs: met.join('; '), commitment: commitment ? text('committed') : '' })
      : say(meta, 'notMaintained', {
          problems: raised(bad.map((p) => p.text).join('; ')),
          met: met.length ? text('met', { signs: met.join('; ') }) : '',
        });
  const fixes = bad.map((p) => p.fix).filter(Boolean);
  return {
    status,
    ...said,
    measured: {
      latest: j.releases,
      admitted: j.admitted,
      releaseList: { name: list.name, asOf: list.asOf ?? null },
      commits: 'window' in judged ? judged.window.commits : undefined,
      latestCommitAt,
      latestReleaseAt: release?.date,
      latestRelease: release ? { name: release.name, source: release.source } : undefined,
      releaseCutoff: cutoff.toISOString(),
      commitment: commitment ?? null,
    },
    evidence: refs,
    ...(fixes.length ? { fix: fixes.join(' ') } : {}),
  };
}

export const ongoingMaintenance = defineRule({
  meta,
  options: (z) => z.strictObject({ releaseMonths: z.number().int().min(1) }),
  evaluate(evidence, { policy, asOf, options }) {
    return evaluateOngoingMaintenance(evidence, policy, asOf, options.releaseMonths);
  },
});
