import { test } from 'node:test';
import assert from 'node:assert/strict';
import { monthsBefore, ongoingMaintenance } from '../../src/requirements/ongoing-maintenance.js';
import { pytorchSupport } from '../../src/requirements/pytorch-support.js';
import type { Evidence, TorchDeclaration } from '../../src/evidence/types.js';
import { ctx, makeEvidence, evaluateRule } from '../support/evidence.js';
import { assertSaid } from '../support/messages.js';
import { dailyCommits, rawHistory } from '../support/history.js';

const AS_OF = '2026-11-27T00:00:00.000Z';
const RELEASES = [
  { version: '2.11.0', date: '2026-03-23' },
  { version: '2.10.0', date: '2026-01-21' },
];
const OK: TorchDeclaration = { file: 'pyproject.toml', line: 9, specifier: '>=2.0', scope: 'dependencies', optional: false };

function evidence(
  opts: { torch?: TorchDeclaration[]; commits?: number; tag?: string; release?: string; form?: Record<string, unknown> } = {},
): Evidence {
  const ev = makeEvidence({
    asOf: AS_OF,
    overrides: {
      torchReleases: RELEASES,
      python: { torch: opts.torch ?? [OK], classifiers: [], licenseMeta: [], urls: {}, files: [] },
      tags: opts.tag ? { count: 1, latest: { name: 'v1.0', date: opts.tag, commit: 'a'.repeat(40) } } : { count: 0 },
      ...(opts.release
        ? {
            online: {
              github: {
                stars: 1,
                archived: false,
                defaultBranch: 'main',
                latestRelease: { name: 'v2.0', date: opts.release, url: 'https://github.com/o/r/releases/tag/v2.0' },
              },
              errors: {},
            },
          }
        : {}),
      ...(opts.form ? { form: opts.form } : {}),
    },
  });
  ev.history = rawHistory(ev.asOf, dailyCommits(ev.asOf, opts.commits ?? 5));
  ev.history.latestCommitAt = '2026-11-20T00:00:00Z';
  return ev;
}

const judge = (ev: Evidence) => evaluateRule(ongoingMaintenance, ev, ctx(undefined, AS_OF));

test('calendar months: clamped to the month end, same time of day', () => {
  assert.equal(monthsBefore(new Date('2026-11-27T00:00:00Z'), 12).toISOString(), '2025-11-27T00:00:00.000Z');
  assert.equal(monthsBefore(new Date('2026-03-31T12:00:00Z'), 1).toISOString(), '2026-02-28T12:00:00.000Z');
  assert.equal(monthsBefore(new Date('2026-01-15T00:00:00Z'), 13).toISOString(), '2024-12-15T00:00:00.000Z');
});

test('all three signs pass; a tag exactly 12 months old still counts, a second older does not', () => {
  const r = judge(evidence({ tag: '2025-11-27T00:00:00Z' }));
  assert.equal(r.status, 'pass');
  assert.equal(r.measured.latestReleaseAt, '2025-11-27T00:00:00Z');
  assertSaid(ongoingMaintenance, r, 'maintained', { commitment: '' });
  const old = judge(evidence({ tag: '2025-11-26T23:59:59Z' }));
  assert.equal(old.status, 'fail');
  assertSaid(ongoingMaintenance, old, 'notMaintained', {
    problems: 'The newest tag (v1.0) is from 2025-11-26, more than 12 months before 2026-11-27',
  });
  assert.match(old.fix!, /git tag/);
});

test('no tag offline is unknown (a clone fetched without tags), not fail; online with no release it fails; a GitHub release newer than the tags is used', () => {
  const none = judge(evidence({}));
  assert.equal(none.status, 'unknown');
  assert.match(
    none.summary,
    /^The clone has no tags up to 2026-11-27 and the host was not asked for releases \(clones and mirrors are often fetched without tags\)\. Met: the torch requirement admits 2\.11 and 2\.10/,
  );
  assert.match(none.fix!, /Run the check online .* asks the host for its releases, or fetch the tags \(git fetch --tags\)/);
  const asked = evidence({});
  asked.online = { github: { stars: 1, archived: false, defaultBranch: 'main' }, errors: {} };
  const online = judge(asked);
  assert.equal(online.status, 'fail');
  assert.match(online.summary, /^No release or tag was found\. Met:/);
  const oldTag = judge(evidence({ tag: '2024-01-01T00:00:00Z' }));
  assert.equal(oldTag.status, 'fail', 'a clone with tags has told its story: an old tag offline still fails');
  const rel = judge(evidence({ tag: '2024-01-01T00:00:00Z', release: '2026-06-01T00:00:00Z' }));
  assert.equal(rel.status, 'pass');
  assert.deepEqual(rel.measured.latestRelease, { name: 'v2.0', source: 'release' });
});

test('no commits in the window fails', () => {
  const r = judge(evidence({ tag: '2026-10-01T00:00:00Z', commits: 0 }));
  assert.equal(r.status, 'fail');
  assert.match(r.summary, /^No commits in the last 90 days \(newest 2026-11-20\)\./);
});

test('torch support is judged exactly as requirement 1', () => {
  for (const [spec, status] of [
    ['<2.11', 'fail'],
    ['>=2.11', 'warn'],
    ['>=2.10', 'pass'],
  ] as const) {
    const ev = evidence({ tag: '2026-10-01T00:00:00Z', torch: [{ ...OK, specifier: spec }] });
    const r = judge(ev);
    assert.equal(r.status, status, spec);
    assert.deepEqual(r.measured.admitted, evaluateRule(pytorchSupport, ev, ctx(undefined, AS_OF)).measured.admitted);
  }
  assert.equal(judge(evidence({ tag: '2026-10-01T00:00:00Z', torch: [] })).status, 'review');
});

test('the application commitment is form evidence; an application without it is review', () => {
  const yes = judge(evidence({ tag: '2026-10-01T00:00:00Z', form: { maintenanceCommitment: 'Yes, we commit to 12 months.' } }));
  assert.equal(yes.status, 'pass');
  assert.ok(yes.evidence.some((e) => e.kind === 'form' && e.ref === 'maintenanceCommitment'));
  const missing = judge(evidence({ tag: '2026-10-01T00:00:00Z', form: { maintenanceCommitment: null } }));
  assert.equal(missing.status, 'review');
  assertSaid(ongoingMaintenance, missing, 'notMaintained', {
    problems: 'The application does not state the 12-month maintenance commitment',
  });
  assertSaid(ongoingMaintenance, yes, 'maintained', { commitment: '; the application commits to 12 months of maintenance' });
});
