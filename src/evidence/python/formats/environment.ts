// A conda environment (environment*.yml); one named for development declares optional requirements.
import { readEnvironmentYml } from '../conda.js';
import { looksOptional } from '../facts.js';
import type { PackagingFormat } from '../format.js';

export default {
  id: 'environment',
  name: 'environment.yml',
  listed: 50,
  matches: ({ depth, base }) => depth <= 3 && /^environment[^/]*\.ya?ml$/i.test(base),
  declarations: (paths, files, problems) => paths.flatMap((p) => readEnvironmentYml(p, files[p]!.text!, looksOptional(p), problems)),
} satisfies PackagingFormat;
