// requirements*.txt / *.in, or any .txt/.in in a requirements/ folder; one may include another.
import type { PackagingFormat } from '../format.js';
import { readRequirementFiles } from '../requirements-txt.js';

export default {
  id: 'requirements',
  name: 'requirements.txt',
  listed: 40,
  matches({ depth, base, dir }) {
    return (
      depth <= 3 &&
      /\.(txt|in)$/i.test(base) &&
      (/(^|[-_.])requirements?([-_.][^/]*)?\.(txt|in)$/i.test(base) || /(^|\/)requirements?$/i.test(dir))
    );
  },
  declarations: readRequirementFiles,
} satisfies PackagingFormat;
