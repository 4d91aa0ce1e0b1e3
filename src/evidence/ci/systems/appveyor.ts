// AppVeyor (appveyor.yml, .appveyor.yml): builds run on push and pull requests, on the Windows
// image unless `image:` names another (Ubuntu…, macOS…); a script item is a command line or one
// keyed by its shell (`cmd:`, `ps:`, `pwsh:`, `sh:`).
import type { EvidenceProblem } from '../../types.js';
import { readYaml, type WorkflowRead } from '../github-actions.js';
import { labelOs } from '../runners.js';
import { blank, finish, isObj, scanAt, strs, type CiSystemReader } from '../system.js';

const SCRIPTS = ['install', 'before_build', 'build_script', 'after_build', 'before_test', 'test_script', 'after_test', 'deploy_script'];
const SHELLS = ['cmd', 'ps', 'pwsh', 'sh'];

export function readAppveyor(file: string, text: string, problems: EvidenceProblem[]): WorkflowRead | undefined {
  const y = readYaml(file, text, problems);
  if (!y) return undefined;
  const out = blank(file, 'appveyor', ['push', 'pull_request']);
  const d = isObj(y.data) ? y.data : {};
  for (const k of SCRIPTS) {
    const items = d[k];
    if (!Array.isArray(items)) {
      scanAt(y, [k], items, file, '(build)', out);
      continue;
    }
    items.forEach((item, i) => {
      if (!isObj(item)) return scanAt(y, [k, i], item, file, '(build)', out);
      for (const shell of SHELLS) scanAt(y, [k, i, shell], item[shell], file, '(build)', out);
    });
  }
  // the hosted images are named by product (`Visual Studio 2022`), which are Windows
  const images = strs(d.image).length > 0 ? strs(d.image) : ['Visual Studio 2015'];
  return finish(
    out,
    images,
    images.map((i) => labelOs(i) ?? (/visual studio/i.test(i) ? 'windows' : undefined)),
  );
}

export default {
  id: 'appveyor',
  listed: 90,
  name: 'AppVeyor',
  shownAs: 'appveyor.yml',
  matches: (path) => /^\.?appveyor\.ya?ml$/i.test(path),
  read: readAppveyor,
} satisfies CiSystemReader;
