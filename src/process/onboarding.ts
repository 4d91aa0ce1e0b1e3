// The onboarding checklist after acceptance (process.md § Onboarding): each item says who does it
// and how it is verified.
import type { OnboardingItem } from './types.js';

export const ONBOARDING_CHECKLIST: readonly OnboardingItem[] = [
  {
    key: 'logo',
    title: "Icon in the landscape's hosted_logos/",
    doneBy: 'applicant',
    verify: 'valid SVG whose name matches the landscape entry',
  },
  {
    key: 'two-factor',
    title: 'Two-factor authentication for all organisation members',
    doneBy: 'applicant',
    verify: 'GitHub members?filter=2fa_disabled is empty, or attested by the owner',
  },
  { key: 'category', title: 'Category and subcategory proposed', doneBy: 'applicant', verify: "valid against the landscape's categories" },
  {
    key: 'landscape-entry',
    title: 'Landscape entry',
    doneBy: 'staff',
    verify: 'landscape.yml change with name, description, homepage_url, repo_url, logo',
  },
  { key: 'blog-post', title: 'Blog post with marketing', doneBy: 'staff', verify: 'link to the published post recorded' },
  { key: 'cla-dco', title: 'CLA or DCO set up', doneBy: 'applicant', verify: 'DCO check or sign-offs in recent commits, or a CLA bot' },
];
