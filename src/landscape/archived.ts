// Items whose GitHub repository is archived but which the landscape still shows as active.
// Online only: the caller supplies `isArchived` (the GitHub client lives in a driver), so this
// module stays offline and testable with a fake.
import { PROTECTED } from './protected.js';
import { isRetired, landscapeFromSource } from './read.js';
import { parseLandscapeSource } from './source.js';
import type { LandscapeItem, LandscapeProblem, ValidationResult } from './types.js';
import { validateSource, type ValidateOptions } from './validate.js';
import { githubSlug } from './urls.js';

/** true / false when known; null when the repository can't be asked about (missing, no access). */
export type IsArchived = (repoUrl: string) => Promise<boolean | null>;

export interface ArchivedCheck {
  errors: LandscapeProblem[];
  warnings: LandscapeProblem[];
  /** repositories asked about */
  checked: number;
}

export async function findArchivedRepos(
  items: readonly LandscapeItem[],
  isArchived: IsArchived,
  opts: { concurrency?: number; protectedCategories?: readonly string[]; severity?: 'error' | 'warning' } = {},
): Promise<ArchivedCheck> {
  const protectedCats = new Set(opts.protectedCategories ?? PROTECTED);
  const toAsk = items.filter((i) => i.repo_url && !isRetired(i) && githubSlug(i.repo_url) !== null);
  const out: ArchivedCheck = { errors: [], warnings: [], checked: 0 };
  let next = 0;
  const worker = async () => {
    while (next < toAsk.length) {
      const it = toAsk[next++]!;
      const url = `https://github.com/${githubSlug(it.repo_url!)}`;
      let archived: boolean | null;
      try {
        archived = await isArchived(url);
      } catch (e) {
        out.warnings.push({
          line: it.line,
          item: it.id,
          field: 'repo_url',
          message: `could not ask whether ${url} is archived: ${(e as Error).message}`,
        });
        continue;
      }
      out.checked++;
      if (archived !== true) continue;
      const p: LandscapeProblem = {
        line: it.line,
        item: it.id,
        field: 'repo_url',
        message: `repository ${url} is archived on GitHub but the item is not retired (project: archived)`,
      };
      // protected categories are always warnings; `severity: 'warning'` makes every finding one
      (protectedCats.has(it.category) || opts.severity === 'warning' ? out.warnings : out.errors).push(p);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 8, toAsk.length)) }, worker));
  const order = (a: LandscapeProblem, b: LandscapeProblem) => (a.line ?? 0) - (b.line ?? 0);
  out.errors.sort(order);
  out.warnings.sort(order);
  return out;
}

/** `validateLandscape` plus the archived-repository check, merged into one result (online). */
export async function validateLandscapeOnline(
  text: string,
  opts: ValidateOptions & {
    isArchived: IsArchived;
    concurrency?: number;
    protectedCategories?: readonly string[];
    severity?: 'error' | 'warning';
  },
): Promise<ValidationResult> {
  const src = parseLandscapeSource(text, opts.file ?? 'landscape.yml');
  const result = validateSource(src, opts);
  const archived = await findArchivedRepos(landscapeFromSource(src).items, opts.isArchived, opts);
  const order = (a: LandscapeProblem, b: LandscapeProblem) => (a.line ?? 0) - (b.line ?? 0);
  return {
    ...result,
    errors: [...result.errors, ...archived.errors].sort(order),
    warnings: [...result.warnings, ...archived.warnings].sort(order),
  };
}
