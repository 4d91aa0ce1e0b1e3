// GitHub Actions (.github/workflows/*.yml): a workflow runs on the events its `on:` names. Its
// reader lives in ../github-actions.ts with the YAML helpers every reader shares.
import { readGithubWorkflow } from '../github-actions.js';
import type { CiSystemReader } from '../system.js';

export default {
  id: 'github-actions',
  listed: 10,
  name: 'GitHub Actions',
  shownAs: '.github/workflows/*.yml',
  matches: (path) => /^\.github\/workflows\/[^/]+\.ya?ml$/i.test(path),
  declaresTriggers: true,
  read: readGithubWorkflow,
} satisfies CiSystemReader;
