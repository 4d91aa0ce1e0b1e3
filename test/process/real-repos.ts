// Real git repositories for process tests that run the real checker: a well-kept torch project
// whose activity is `commits` commits by six people in the last weeks before `now`.
import type { RepoSpec } from '../support/repo.js';
import { CI_WORKFLOW as CI, wellKeptPyproject as PYPROJECT } from '../../src/demo/project-files.js';

const README = (name: string, extra: string) => `# ${name}

[![CI](https://github.com/example/${name}/actions/workflows/ci.yml/badge.svg)](https://github.com/example/${name}/actions)
${extra}
${name} trains and evaluates PyTorch models on streaming data, with reproducible
pipelines, checkpointing that survives preemption, and metrics you can compare across
runs without writing glue code for every new experiment.

## Installation

\`\`\`bash
pip install ${name}
\`\`\`

## Releases

We cut a release every month; see the [changelog](CHANGELOG.md).

Full documentation: https://${name}.readthedocs.io/en/latest/
`;

const PEOPLE = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'].map((n) => ({
  name: n[0]!.toUpperCase() + n.slice(1),
  email: `${n}@example.org`,
}));

/** A project with everything the offline requirements read, and `commits` recent commits. */
export function healthySpec(now: Date, commits: number, opts: { name?: string; readmeExtra?: string } = {}): RepoSpec {
  const name = opts.name ?? 'widgets';
  const day = 86_400_000;
  const spec: RepoSpec = {
    commits: [
      {
        date: new Date(now.getTime() - 200 * day),
        author: PEOPLE[0]!,
        files: {
          'README.md': README(name, opts.readmeExtra ?? ''),
          'CHANGELOG.md': '# 1.0\n',
          LICENSE:
            'MIT License\n\nCopyright (c) 2025 Example\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software.\n',
          'GOVERNANCE.md': '# Governance\n\nMaintainers decide by lazy consensus.\n',
          '.github/CONTRIBUTING.md': 'Open a pull request.\n',
          '.github/CODEOWNERS': '* @alice @bob\n',
          '.github/workflows/ci.yml': CI,
          'docs/CODE_OF_CONDUCT.md':
            'This project follows the LF Projects Code of Conduct: https://lfprojects.org/policies/code-of-conduct/\n',
          'docs/index.md': '# Docs\n',
          'docs/usage.md': '# Usage\n',
          'docs/api.md': '# API\n',
          'pyproject.toml': PYPROJECT(name),
          'src/widgets/__init__.py': 'import torch\n',
          'tests/test_it.py': 'def test_it():\n    assert True\n',
        },
      },
    ],
  };
  for (let i = 0; i < commits; i++) {
    spec.commits.push({
      date: new Date(now.getTime() - ((2 + i) * day) / 2),
      author: PEOPLE[i % PEOPLE.length]!,
      message: `change ${i}`,
      files: { [`src/widgets/m${i % 7}.py`]: `x = ${i}\n` },
    });
  }
  // a recent release, so requirement 10 (ongoing maintenance) passes
  spec.tags = { 'v1.0.0': { commit: spec.commits.length - 1, date: new Date(now.getTime() - day), message: 'v1.0.0' } };
  return spec;
}
