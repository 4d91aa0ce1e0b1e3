// A small landscape.yml for the tests that drive the GitHub App and `landscape validate --online`:
// one category (Modeling / Computer Vision) holding the items a test picks, in the real file's
// layout (legacy `item:` markers, two-space steps). Line numbers are computed from the text
// (lineOf), never written into a test. Also: logo SVGs, and the lines a minimal edit added.
import assert from 'node:assert/strict';

export interface FixtureItem {
  name: string;
  description?: string;
  homepage_url: string;
  repo_url: string;
  logo: string;
}

export const KORNIA: FixtureItem = {
  name: 'Kornia',
  description: 'Differentiable computer vision.',
  homepage_url: 'https://kornia.github.io/',
  repo_url: 'https://github.com/kornia/kornia',
  logo: 'kornia.svg',
};
export const TORCHVISION: FixtureItem = {
  name: 'torchvision',
  description: 'Datasets, models and transforms for vision.',
  homepage_url: 'https://pytorch.org/vision/',
  repo_url: 'https://github.com/pytorch/vision',
  logo: 'torchvision.svg',
};
/** its repo_url names an organisation, not a repository */
export const MONAI: FixtureItem = {
  name: 'MONAI',
  description: 'AI Toolkit for Healthcare Imaging',
  homepage_url: 'https://monai.io/',
  repo_url: 'https://github.com/Project-MONAI',
  logo: 'monai.svg',
};
export const OLD_VISION: FixtureItem = {
  name: 'Old Vision',
  homepage_url: 'https://old.example',
  repo_url: 'https://github.com/acme/old-vision',
  logo: 'old-vision.svg',
};

/** One entry as the real file writes it (the keys the item has, in its usual order). */
export function itemYml(i: FixtureItem): string {
  const lines = ['          - item:', `            name: ${i.name}`];
  if (i.description) lines.push(`            description: ${i.description}`);
  lines.push(`            homepage_url: ${i.homepage_url}`, `            repo_url: ${i.repo_url}`, `            logo: ${i.logo}`);
  return lines.join('\n') + '\n';
}

export function landscapeYml(items: FixtureItem[] = [KORNIA]): string {
  return `landscape:
  - category:
    name: Modeling
    subcategories:
      - subcategory:
        name: Computer Vision
        items:
${items.map(itemYml).join('')}`;
}

/** The 1-based line of the first line of `text` that matches. */
export function lineOf(text: string, match: RegExp): number {
  const i = text.split('\n').findIndex((l) => match.test(l));
  assert.ok(i >= 0, `no line matches ${match}`);
  return i + 1;
}

/** A small valid SVG logo carrying the project's name. */
export function logoSvg(name: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><title>${name}</title><rect width="120" height="40" fill="#ee4c2c"/><text x="10" y="26">${name}</text></svg>\n`;
}

/** Lines only added (none removed or changed): the old file's lines appear in order in the new one. */
export function addedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const added: string[] = [];
  let i = 0;
  for (const line of b) {
    if (i < a.length && line === a[i]) i++;
    else added.push(line);
  }
  assert.equal(i, a.length, 'every line of the old file is kept, in order');
  return added;
}
