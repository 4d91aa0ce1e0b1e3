// The landscape: landscape.yml read into a typed model, validated like landscape2 (and more),
// edited with minimal text diffs, exported as YAML or landscape2's projects JSON, and served
// grouped and filtered. A core module: it imports only leaves and the `yaml` package.
export type {
  Landscape,
  LandscapeCategory,
  LandscapeFormat,
  LandscapeItem,
  LandscapeProblem,
  LandscapeSubcategory,
  ValidationResult,
} from './types.js';
export { normalizeName, itemId } from './names.js';
export { readLandscape, isRetired, type ReadOptions } from './read.js';
export { exportLandscape, exportProjectsJson, type ExportOptions, type ProjectsJsonOptions } from './export.js';
export { PROTECTED as PROTECTED_CATEGORIES } from './protected.js';
export { validateLandscape, type ValidateOptions } from './validate.js';
export { findArchivedRepos, validateLandscapeOnline, type IsArchived, type ArchivedCheck } from './archived.js';
export { checkRepoUrl, githubSlug, urlProblem } from './urls.js';
export { inspectSvg } from './logos.js';
export {
  retireItem,
  restoreItem,
  addItem,
  moveItem,
  newItemProblems,
  type EditOptions,
  type EditResult,
  type NewItem,
  type RetireOptions,
} from './edit.js';
export { filterItems, groupItems, type ViewFilter, type ItemGroup } from './view.js';
