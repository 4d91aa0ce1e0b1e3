// Online errors are filed by source; evidence stored when they were filed by requirement key is
// brought to the current shape before it is judged, and judges as the current shape does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentEvidence } from '../../src/evidence/stored.js';
import { errorsBySource, onlineError } from '../../src/evidence/online/errors.js';
import { evaluate } from '../../src/check/evaluate.js';
import type { Evidence, OnlineEvidence } from '../../src/evidence/types.js';
import { makeEvidence, makePolicy } from '../support/evidence.js';

const withOnline = (online: OnlineEvidence, host?: 'github' | 'gitlab'): Evidence => {
  const e = makeEvidence({
    files: { '.github/CODEOWNERS': '* @acme/core\n', '.github/workflows/ci.yml': 'on: [push]\njobs: {}\n' },
    overrides: { online },
  });
  e.ci = {
    systems: ['github-actions'],
    workflows: [{ file: '.github/workflows/ci.yml', system: 'github-actions', triggers: ['push'], runners: [], os: [] }],
    os: [],
    testSteps: [],
    publishSteps: [],
  };
  e.python.distribution = { name: 'widget', file: 'pyproject.toml' };
  if (host) e.repo = { ...e.repo, host };
  return e;
};

test('onlineError: the first source asked that failed, in the order asked', () => {
  const online = { errors: { 'github/graphql': 'GitHub GraphQL: 502', 'github/runs': 'GitHub Actions runs: 503' } };
  assert.equal(onlineError(online, 'github/runs', 'github/graphql'), 'GitHub Actions runs: 503');
  assert.equal(onlineError(online, 'github/repo', 'github'), undefined);
  assert.equal(onlineError(undefined, 'pypi'), undefined);
});

test('errors keyed by requirement move to the source that fed that requirement; current ones are left as they are', () => {
  const current = { github: 'GitHub: down', pypi: 'PyPI: 503' };
  assert.equal(errorsBySource(current), current);
  assert.deepEqual(errorsBySource({ stars: 'a', 'working-ci': 'b', 'core-maintainers': 'c', packages: 'd', contributing: 'e' }), {
    'github/repo': 'a',
    'github/runs': 'b',
    'github/teams': 'c',
    pypi: 'd',
    'legacy/contributing': 'e',
  });
  assert.deepEqual(errorsBySource({ stars: 'a', 'working-ci': 'b', 'ongoing-maintenance': 'c' }, 'gitlab'), {
    gitlab: 'a',
    'gitlab/pipelines': 'b',
    'legacy/ongoing-maintenance': 'c',
  });
});

test('stored evidence with errors by requirement judges as evidence gathered now with errors by source', () => {
  const policy = makePolicy();
  const cases: [Record<string, string>, Record<string, string>, 'github' | 'gitlab'][] = [
    [
      {
        stars: 'GitHub HTTP 403: rate limit',
        'working-ci': 'GitHub Actions runs: HTTP 502',
        'core-maintainers': '@acme/core: 404',
        packages: 'PyPI: down; conda: down',
      },
      {
        'github/repo': 'GitHub HTTP 403: rate limit',
        'github/runs': 'GitHub Actions runs: HTTP 502',
        'github/teams': '@acme/core: 404',
        pypi: 'PyPI: down',
        conda: 'conda: down',
      },
      'github',
    ],
    [{ stars: 'GitLab: 500', 'working-ci': 'GitLab: 500', 'ongoing-maintenance': 'GitLab: 500' }, { gitlab: 'GitLab: 500' }, 'gitlab'],
  ];
  for (const [old, now, host] of cases) {
    const online = (errors: Record<string, string>): OnlineEvidence => ({
      errors,
      ...(host === 'github' ? { github: { stars: 1, archived: false, defaultBranch: 'main' } } : {}),
    });
    const stored = withOnline(online(old), host);
    const upgraded = currentEvidence(stored);
    assert.notEqual(upgraded, stored, 'a copy: the stored evidence is not changed');
    assert.deepEqual(stored.online?.errors, old);
    const a = evaluate(upgraded, policy).requirements;
    const b = evaluate(withOnline(online(now), host), policy).requirements;
    assert.deepEqual(a, b);
    // and the reasons reached the reports
    const summaries = a.map((r) => r.summary).join('\n');
    for (const why of Object.values(old).filter((w) => !w.includes('conda'))) assert.ok(summaries.includes(why.split(';')[0]!), why);
  }
});

test('current evidence is judged as it is stored', () => {
  const e = withOnline({ errors: { github: 'GitHub: unreachable' } });
  assert.equal(currentEvidence(e), e);
});
