// Every parser of untrusted text, called the way the checker calls it, with the fragments its
// format is made of: the fuzzer joins them (and random text) into inputs, some of them a single
// fragment repeated thousands of times, which is how quadratic work shows.
import { parseApplicationBody } from '../../../src/process/form/parse.js';
import { readPyproject } from '../../../src/evidence/python/pyproject.js';
import { readSetupCfg } from '../../../src/evidence/python/setup-cfg.js';
import { readSetupPy } from '../../../src/evidence/python/setup-py.js';
import { readRequirementsTxt } from '../../../src/evidence/python/requirements-txt.js';
import { parseCodeowners } from '../../../src/evidence/community/codeowners.js';
import { readGithubWorkflow } from '../../../src/evidence/ci/github-actions.js';
import { readLandscape } from '../../../src/landscape/read.js';
import { identifyLicense } from '../../../src/evidence/license/identify.js';
import { parseMailmap } from '../../../src/evidence/mailmap.js';
import { readEnvironmentYml } from '../../../src/evidence/python/conda.js';
import type { EvidenceProblem } from '../../../src/evidence/types.js';

export interface FuzzTarget {
  name: string;
  run(text: string): unknown;
  fragments: string[];
  /** longest random input (characters) */
  maxLength: number;
  /** a larger time budget per input than the default, and why */
  budgetMs?: { ms: number; why: string };
}

const problems = (): EvidenceProblem[] => [];

export const TARGETS: FuzzTarget[] = [
  {
    name: 'issue form',
    run: (t) => parseApplicationBody(t),
    fragments: ['### Project name\n\n', '### Repository URL\n\n', '### Contacts\n\n', '_No response_', '```\n', '- [x] ', '- [ ] ', 'https://github.com/acme/widget', '\r\n', '\n', '<!--', '-->', '#', ' '],
    maxLength: 4000,
  },
  {
    name: 'pyproject.toml',
    run: (t) => readPyproject('pyproject.toml', t, problems()),
    fragments: ['[project]\n', 'dependencies = [', '"torch>=2.0"', ', ', ']\n', 'license = ', '{ text = "MIT" }', '"Apache-2.0"\n', '[tool.poetry.dependencies]\n', 'torch = "^2"\n', '"""', "'''", ' = ', '#', '\n', '[', '{', '}'],
    maxLength: 4000,
  },
  {
    name: 'setup.cfg',
    run: (t) => readSetupCfg('setup.cfg', t, problems()),
    fragments: ['[metadata]\n', '[options]\n', 'install_requires =\n', '    torch>=2.0\n', 'license = MIT\n', 'classifiers =\n', '    License :: OSI Approved :: MIT License\n', ';', '#', ':', '=', '\n', '  ', '%(name)s'],
    maxLength: 4000,
  },
  {
    name: 'setup.py',
    run: (t) => readSetupPy('setup.py', t, problems()),
    fragments: ['setup(', ')', 'install_requires=[', '"torch>=2"', ']', ', ', '\n', '(', '[', '{', '}', 'name=', '"""', "'", '\\', '#', ' + ', 'dict(', '**', 'REQS', ' = ', 'open("r.txt").read()', 'f"', 'lambda x: x'],
    maxLength: 4000,
  },
  {
    name: 'requirements.txt',
    run: (t) => readRequirementsTxt('requirements.txt', t, false),
    fragments: ['torch', '>=2.0', '\\\n', '\n', '-r ', 'other.txt', ' ; python_version>"3.8"', ' @ https://x/t.whl', ' --hash=sha256:00', '#', ' ', '[cuda]', '==', ','],
    maxLength: 4000,
  },
  {
    name: 'CODEOWNERS',
    run: (t) => parseCodeowners(t),
    fragments: ['*', ' ', '/src/', '@user', '@org/team', 'a@b.example', '#', '\\#', '\\ ', '\n', '# Emeritus\n', '[Section]\n', '^[Optional][2]\n', '\t'],
    maxLength: 4000,
  },
  {
    name: 'workflow YAML',
    run: (t) => readGithubWorkflow('.github/workflows/ci.yml', t, problems()),
    fragments: ['on:', ' push', '\njobs:\n', '  test:\n', '    runs-on: ubuntu-latest\n', '    strategy:\n      matrix:\n        os: [a, b]\n', '    steps:\n', '      - run: pytest\n', '&a ', '*a', '<<: *a\n', '{', '[', '- ', ': ', '  ', '"', "'", '|\n', '>\n', '!!str ', '%YAML 1.2\n---\n', '${{ matrix.os }}', '\n'],
    maxLength: 4000,
  },
  {
    name: 'environment.yml',
    run: (t) => readEnvironmentYml('environment.yml', t, false, problems()),
    fragments: ['name: env\n', 'dependencies:\n', '  - ', 'pytorch>=2.1\n', '  - pip:\n', '    - torch==2.1\n', 'channels:\n', '&a ', '*a', '!a ', '"', "'", '[', '{', ': ', '- ', '#', '\n', '  '],
    maxLength: 4000,
  },
  {
    name: 'landscape.yml',
    run: (t) => readLandscape(t, { file: 'landscape.yml' }),
    // input outside the fast scanner goes to the yaml package, bounded by src/landscape/source.ts `yamlLimit`
    fragments: ['landscape:\n', '  - category:\n', '    name: Modeling\n', '    subcategories:\n', '      - subcategory:\n', '        name: Vision\n', '        items:\n', '          - item:\n', '            name: X\n', '            repo_url: https://github.com/a/b\n', '&a ', '*a', '"', "'", '|-\n', '#', '\n', '  ', ': ', '[', '{', '- ', '? ', '!a ', '""\n'],
    maxLength: 4000,
  },
  {
    name: 'license text',
    run: (t) => identifyLicense(t),
    fragments: ['MIT License\n\n', 'Copyright (c) 2024 Acme\n\n', 'Permission is hereby granted, free of charge, to any person obtaining a copy ', 'of this software ', 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND. ', 'Licensed under the Apache License, Version 2.0 ', 'commercial use requires a paid license. ', 'not ', 'BSD ', 'Redistribution and use in source and binary forms ', '\n', ' ', '.', '*'],
    maxLength: 3000,
  },
  {
    name: '.mailmap',
    run: (t) => parseMailmap(t),
    fragments: ['Proper Name', ' <proper@example.org>', ' Commit Name', ' <commit@example.org>', '<', '>', '#', '\n', ' ', '\t', '<>'],
    maxLength: 4000,
  },
];
