// Files of a well-kept torch project: the demo's generated repositories (repos.ts) are made of
// them, and tests that build a repository with test/support/repo.ts import them from here.

/** pyproject.toml declaring torch>=2.2, Linux and macOS, and a test extra. */
export const wellKeptPyproject = (name: string) => `[build-system]
requires = ["setuptools>=68"]

[project]
name = "${name}"
classifiers = [
  "Operating System :: POSIX :: Linux",
  "Operating System :: MacOS",
]
dependencies = [
  "numpy>=1.24",
  "torch>=2.2",
]

[project.optional-dependencies]
test = ["pytest"]
`;

/** A CI workflow on push and pull_request running pytest on Linux and macOS. */
export const CI_WORKFLOW = `name: CI
on:
  push:
    branches: [main]
  pull_request:
jobs:
  test:
    strategy:
      matrix:
        os: [ubuntu-latest, macos-latest]
    runs-on: \${{ matrix.os }}
    steps:
      - uses: actions/checkout@v4
      - run: pip install -e .[test]
      - run: python -m pytest tests
`;
