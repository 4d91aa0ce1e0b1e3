// A conda recipe, named for what it is wherever it lives (`packaging/<name>/meta.yaml`).
import { readCondaRecipe } from '../conda.js';
import type { PackagingFormat } from '../format.js';

export default {
  id: 'recipe',
  name: 'conda recipe (meta.yaml)',
  listed: 60,
  matches({ depth, base, dir }) {
    return depth <= 4 && /^(meta\.ya?ml|recipe\.ya?ml)$/i.test(base) && (depth > 1 || /(conda|recipe)/i.test(dir));
  },
  declarations: (paths, files) => paths.flatMap((p) => readCondaRecipe(p, files[p]!.text!)),
} satisfies PackagingFormat;
