// The CI systems Steward reads, one module each. This list is the one place a new system is
// added besides its own file: the gatherer, the working-CI texts and the functional-testing texts
// all derive from it. The order is the order the texts name them in.
import type { CiSystemReader } from '../system.js';
import { githubActions } from './github-actions.js';
import { gitlabCi } from './gitlab-ci.js';
import { circleci } from './circleci.js';
import { azurePipelines } from './azure-pipelines.js';
import { travis } from './travis.js';
import { jenkins } from './jenkins.js';
import { buildkite } from './buildkite.js';
import { woodpecker } from './woodpecker.js';

// one system a line: adding one is its import and one line here
// prettier-ignore
export const CI_SYSTEMS: readonly CiSystemReader[] = [
  githubActions,
  gitlabCi,
  circleci,
  azurePipelines,
  travis,
  jenkins,
  buildkite,
  woodpecker,
];

/** The system whose configuration file a path is, if any. */
export function ciSystemOf(path: string): CiSystemReader | undefined {
  return CI_SYSTEMS.find((s) => s.matches(path));
}

/** A system by the id stored in evidence; undefined for an id no longer registered. */
export function ciSystemById(id: string): CiSystemReader | undefined {
  return CI_SYSTEMS.find((s) => s.id === id);
}

/** The configuration files a report names when none was found: `.github/workflows/*.yml, .gitlab-ci.yml, …`. */
export function ciFilesShown(): string {
  return CI_SYSTEMS.map((s) => s.shownAs).join(', ');
}
