// The columns a project's row is found by (id, status, repository key, next review date), shared
// by every engine module that writes a project. Kept apart from engine-review.ts so that the
// offboarding, waiver and early-warning modules need not import it (which made a cycle).
import { repoKeyOf } from './repo-key.js';
import type { Project } from './types.js';

export const projectCols = (p: Project) => ({ id: p.id, status: p.status, key: repoKeyOf(p.repoUrl), sort: p.reviewDueOn });
