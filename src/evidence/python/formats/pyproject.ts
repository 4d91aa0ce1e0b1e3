// pyproject.toml ([project] and the build tools' own tables); monorepos keep their packages a few
// folders down (`optimization/<name>/pyproject.toml`).
import type { PackagingFormat } from '../format.js';
import { readPyproject } from '../pyproject.js';

export default {
  id: 'pyproject',
  name: 'pyproject.toml',
  listed: 10,
  matches: ({ depth, base }) => depth <= 4 && base === 'pyproject.toml',
  metadata: readPyproject,
} satisfies PackagingFormat;
