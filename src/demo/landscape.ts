// A generated landscape in the real landscape.yml's shape (landscape: → category → subcategories
// → items with name, description, homepage_url, logo, repo_url, crunchbase, extra.accepted) and
// a generated SVG logo per item, so the demo needs nothing outside the package.
import { createHash } from 'node:crypto';

export interface DemoItem {
  name: string;
  category: string;
  subcategory: string;
  description: string;
  repoUrl: string;
  logo: string;
  accepted: string;
}

export const DEMO_CATEGORIES: [string, string[]][] = [
  ['Modeling', ['Computer Vision', 'Natural Language Processing', 'AI for Science and Engineering']],
  ['Training', ['Distributed Training', 'Optimizers and Schedulers']],
  ['Optimizations', ['Quantization', 'Compilers and Runtimes']],
];

const q = (s: string) => (/^[\w .,()/-]*$/.test(s) && !/^[\d-]/.test(s) ? s : JSON.stringify(s));

export function landscapeYaml(items: DemoItem[]): string {
  const out = ['landscape:'];
  for (const [category, subs] of DEMO_CATEGORIES) {
    const inCat = items.filter((i) => i.category === category);
    if (inCat.length === 0) continue;
    out.push('  - category:', `    name: ${category}`, '    subcategories:');
    for (const sub of subs) {
      const list = inCat.filter((i) => i.subcategory === sub);
      if (list.length === 0) continue;
      out.push('      - subcategory:', `        name: ${sub}`, '        items:');
      for (const i of list) {
        out.push(
          '          - item:',
          `            name: ${q(i.name)}`,
          `            description: ${q(i.description)}`,
          `            homepage_url: ${i.repoUrl}`,
          `            logo: ${i.logo}`,
          `            repo_url: ${i.repoUrl}`,
          '            crunchbase: null',
          '            extra:',
          `              accepted: '${i.accepted}'`,
        );
      }
    }
  }
  return out.join('\n') + '\n';
}

/** A square logo: the initials on a colour taken from the name. */
export function logoSvg(name: string): string {
  const h = createHash('sha256').update(name).digest();
  const hue = (h[0]! * 360) / 256;
  const initials = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .slice(0, 2);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96"><title>${initials}</title>` +
    `<rect width="96" height="96" rx="18" fill="hsl(${hue.toFixed(0)} 55% 34%)"/>` +
    `<text x="48" y="60" font-family="Verdana,DejaVu Sans,sans-serif" font-size="36" font-weight="700" fill="#fff" text-anchor="middle">${initials}</text></svg>\n`
  );
}
