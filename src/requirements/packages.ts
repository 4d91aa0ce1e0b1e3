// Requirement 9: Packages. Binary installation means a wheel on PyPI or a conda-forge package;
// only the package indexes can say so. Offline the result is unknown, with what the repository
// shows about publishing (the distribution name, publish steps in CI) as evidence.
import type { Evidence, EvidenceRef } from '../evidence/types.js';
import type { Outcome, RuleMeta } from './types.js';
import { onlineError } from '../evidence/online/errors.js';
import { defineRule, say } from './rule.js';

const meta = {
  key: 'packages',
  automation: 'partial',
  measures:
    'The distribution exists on PyPI with a wheel in a release, or on conda-forge; online only. Offline: unknown, with any publishing workflow as evidence.',
  messages: {
    binary: '{name} installs as a binary package from {from}{noLatestWheel}.{chosen}',
    sdistOnly: '{name} is on PyPI only as a source distribution (no wheel in any release){notOnConda}.{chosen}',
    allYanked: 'Every release of {name} on PyPI is yanked{notOnConda}.{chosen}',
    notFound: '{name} was not found on PyPI{orConda}.{chosen}',
    notConsulted: 'PyPI {consulted}{why}; {distribution}, and {publishing}.{chosen}',
    noLatestWheel: '; the latest release {latest} has no wheel',
    chosen: " The project's package is {name} ({file}): {why}.",
  },
} as const satisfies RuleMeta;

export function evaluatePackages(evidence: Evidence): Outcome {
  const dist = evidence.python.distribution;
  // a repository without a package at its root: say which package was taken for the project's, and why
  const chosen = dist?.why ? say(meta, 'chosen', { name: dist.name, file: dist.file, why: dist.why }).summary : '';
  const pypi = evidence.online?.pypi;
  const conda = evidence.online?.conda;
  const publish = evidence.ci.publishSteps;
  const measured: Record<string, unknown> = {
    ...(dist ? { distribution: dist.name } : {}),
    ...(pypi
      ? {
          pypi: {
            exists: pypi.exists,
            ...(pypi.latest ? { latest: pypi.latest } : {}),
            wheel: pypi.wheel ?? false,
            ...(pypi.latestWithWheel ? { latestWithWheel: pypi.latestWithWheel } : {}),
            ...(pypi.url ? { url: pypi.url } : {}),
          },
        }
      : {}),
    ...(conda ? { conda: { channel: conda.channel, exists: conda.exists, ...(conda.latest ? { latest: conda.latest } : {}) } } : {}),
    publishSteps: publish.map((s) => `${s.file}${s.line !== undefined ? `:${s.line}` : ''}: ${s.tool}`),
    ...(dist?.why ? { distributionChosen: { file: dist.file, why: dist.why } } : {}),
  };
  const refs: EvidenceRef[] = [];
  if (dist)
    refs.push({
      kind: 'file',
      ref: dist.file,
      ...(dist.line !== undefined ? { line: dist.line } : {}),
      detail: `distribution name ${dist.name}`,
    });
  if (pypi?.url)
    refs.push({
      kind: 'registry',
      ref: pypi.url,
      detail: pypi.exists ? `latest ${pypi.latest ?? '?'}${pypi.wheel ? ', has a wheel' : ', no wheel'}` : 'not found',
    });
  if (conda?.exists)
    refs.push({
      kind: 'registry',
      ref: conda.url ?? `https://anaconda.org/${conda.channel}/${dist?.name ?? ''}`,
      detail: `${conda.channel} ${conda.latest ?? ''}`.trim(),
    });
  refs.push(
    ...publish.map((s): EvidenceRef => ({
      kind: 'file',
      ref: s.file,
      ...(s.line !== undefined ? { line: s.line } : {}),
      detail: `publishes: ${s.tool}`,
    })),
  );
  const name = dist?.name ?? pypi?.distribution ?? '(unnamed)';

  const pypiWheel = pypi?.exists && !pypi.allYanked && (pypi.wheel || pypi.latestWithWheel);
  const onConda = conda?.exists === true;
  if (pypiWheel || onConda) {
    const how = [
      pypiWheel ? `PyPI with a wheel (${pypi!.wheel ? (pypi!.latest ?? 'latest') : pypi!.latestWithWheel})` : '',
      onConda ? `${conda!.channel} (${conda!.latest ?? 'latest'})` : '',
    ].filter(Boolean);
    // the design counts any release with a wheel; a latest release without one is only noted
    const olderWheelOnly = pypiWheel && !pypi!.wheel;
    return {
      status: 'pass',
      ...say(meta, 'binary', {
        name,
        from: how.join(' and '),
        noLatestWheel: olderWheelOnly ? say(meta, 'noLatestWheel', { latest: pypi!.latest ?? '' }).summary : '',
        chosen,
      }),
      measured,
      evidence: refs,
    };
  }
  // a negative answer from PyPI decides (conda-forge, when asked, said no too); without PyPI's answer nothing does
  if (pypi) {
    const sdistOnly = pypi?.exists && !pypi.allYanked;
    const said = sdistOnly
      ? say(meta, 'sdistOnly', { name, notOnConda: conda ? ` and not on ${conda.channel}` : '', chosen })
      : pypi?.allYanked
        ? say(meta, 'allYanked', { name, notOnConda: conda ? ` and it is not on ${conda.channel}` : '', chosen })
        : say(meta, 'notFound', { name, orConda: conda ? ` or ${conda.channel}` : '', chosen });
    return {
      status: 'fail',
      ...said,
      measured,
      evidence: refs,
      fix: sdistOnly
        ? `Build and upload wheels for ${name} (python -m build, then twine upload dist/*.whl, or pypa/gh-action-pypi-publish in a release workflow), or add it to conda-forge.`
        : `Publish ${name} to PyPI with a wheel (python -m build; twine upload dist/*, or pypa/gh-action-pypi-publish in a release workflow) or add a conda-forge recipe.${dist ? '' : ' Name the distribution in pyproject.toml [project].name first.'}`,
    };
  }
  const why = [onlineError(evidence.online, 'pypi'), onlineError(evidence.online, 'conda')].filter(Boolean).join('; ');
  const publishText = publish.length
    ? `CI publishes with ${[...new Set(publish.map((s) => s.tool))].join(', ')} (${publish[0]!.file}${publish[0]!.line !== undefined ? `:${publish[0]!.line}` : ''})`
    : 'no publishing step was found in CI';
  return {
    status: 'unknown',
    ...say(meta, 'notConsulted', {
      consulted: conda ? `was not consulted (${conda.channel} has no ${name})` : 'and conda-forge were not consulted',
      why: why ? ` (${why})` : evidence.online ? '' : ' (offline)',
      distribution: dist ? `the distribution is ${dist.name}` : 'no distribution name was found in pyproject.toml, setup.cfg or setup.py',
      publishing: publishText,
      chosen,
    }),
    measured,
    evidence: refs,
    fix: `Run the check online to look ${dist ? `${dist.name} ` : 'the distribution '}up on PyPI and conda-forge.`,
  };
}

export const packages = defineRule({
  meta,
  options: (z) => z.strictObject({}),
  evaluate(evidence) {
    return evaluatePackages(evidence);
  },
});
