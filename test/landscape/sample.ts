// A generated landscape.yml in the real file's layout (legacy markers, two-space steps, mixed key
// orders, quoted dates, a `|-` description, a comment, trailing blanks after values), so the
// project's own tests don't depend on ../shared. Line numbers asserted in tests come from here.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SAMPLE = `# Landscape sample for steward tests
landscape:
  - category:
    name: Modeling
    subcategories:
      - subcategory:
        name: Computer Vision
        items:
          - item:
            name: Albumentations
            description: Image augmentation library.
            homepage_url: https://albumentations.ai/docs/
            logo: albumentations.svg
            project: archived
            repo_url: https://github.com/albumentations-team/albumentations
            crunchbase: https://www.crunchbase.com/organization/albumentations
          - item:
            name: Kornia
            description: Differentiable computer vision.
            homepage_url: https://kornia.github.io/
            logo: kornia.svg
            repo_url: https://github.com/kornia/kornia   
            crunchbase: 
          - item:
            name: torchvision
            description: Datasets, models and transforms for vision.
            homepage_url: https://pytorch.org/vision/stable/index.html
            logo: torchvision.svg
            repo_url: https://github.com/pytorch/vision
            crunchbase: https://www.crunchbase.com/organization/facebook
      - subcategory:
        name: Medical & Biology
        items:
          # imaging first
          - item:
            name: MONAI
            description: AI Toolkit for Healthcare Imaging
            homepage_url: https://monai.io/
            logo: monai.svg
            repo_url: https://github.com/Project-MONAI/MONAI
            crunchbase: null
  - category:
    name: Training
    subcategories:
      - subcategory:
        name: General
        items:
          - item:
            name: fastai
            description: |-
              High-level components.

              Low-level components too.
            homepage_url: https://docs.fast.ai/
            logo: fastai.svg
            repo_url: https://github.com/fastai/fastai
            crunchbase: https://www.crunchbase.com/organization/fast-ai
          - item:
            name: Poutyne
            description: 'Keras-like framework: train with less code'
            homepage_url: https://poutyne.org/
            project: archived
            logo: poutyne.svg
            repo_url: https://github.com/GRAAL-Research/poutyne
            crunchbase: https://www.crunchbase.com/organization/graal-0644
  - category:
    name: PyTorch Projects
    subcategories:
      - subcategory:
        name: Foundation
        items:
          - item:
            name: PyTorch
            project: foundation
            second_path:
              - Training / General
            description: An open source machine learning framework.
            homepage_url: https://pytorch.org/
            logo: pytorch.svg
            repo_url: https://github.com/pytorch/pytorch
            crunchbase: https://www.crunchbase.com/organization/pytorch
            extra:
              accepted: '2022-09-07'
              annotations:
                slug: ptproject
  - category:
    name: PyTorch Members
    subcategories:
      - subcategory:
        name: Platinum
        items:
          - item:
            name: Example Corp (member)
            homepage_url: https://example.com/
            logo: example_corp.svg
            twitter: https://x.com/example
            organization:
              name: Example Corp
`;

export const SAFE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>logo</title><rect width="10" height="10" fill="#e44"/><use href="#a"/></svg>\n';

/** Writes a logos folder with a safe SVG for every logo the sample names. */
export function writeSampleLogos(dir: string, text = SAMPLE): string[] {
  mkdirSync(dir, { recursive: true });
  const names = [...text.matchAll(/^\s+logo: (\S+)/gm)].map((m) => m[1]!);
  for (const n of names) writeFileSync(join(dir, n), SAFE_SVG);
  return names;
}

/** A generated landscape of `count` items: 10 categories × 20 subcategories, realistic entries. */
export function generateLandscape(count: number): string {
  const out: string[] = ['landscape:\n'];
  const perSub = Math.ceil(count / 200);
  let n = 0;
  for (let c = 0; c < 10 && n < count; c++) {
    out.push(`  - category:\n    name: Category ${c}\n    subcategories:\n`);
    for (let s = 0; s < 20 && n < count; s++) {
      out.push(`      - subcategory:\n        name: Subcategory ${c}.${s}\n        items:\n`);
      for (let i = 0; i < perSub && n < count; i++, n++) {
        out.push(
          `          - item:\n` +
            `            name: Project ${String(n).padStart(5, '0')}\n` +
            `            description: Project ${n} is a library for training, evaluating and serving models built on PyTorch, with docs and examples.\n` +
            `            homepage_url: https://project${n}.example.org/docs/\n` +
            `            logo: project-${n}.svg\n` +
            (n % 7 === 0 ? `            project: archived\n` : '') +
            `            repo_url: https://github.com/org${n}/project-${n}\n` +
            `            crunchbase: https://www.crunchbase.com/organization/org-${n}\n`,
        );
      }
    }
  }
  return out.join('');
}
