// conda: environment*.yml (conda specs plus a `pip:` list) and recipes (meta.yaml / recipe.yaml).
// Recipes are Jinja templates, not YAML, so they are scanned line by line instead of parsed.
import { MAX_REPO_YAML_BYTES, withoutStacks, yamlCostLimit } from '../../util/yaml-cost.js';
import type { LineCounter, Node } from 'yaml';
import { yaml } from '../../util/lazy-yaml.js';
import type { EvidenceProblem, TorchDeclaration } from '../types.js';
import { isTorchName, parsePep508 } from './pep508.js';
import { stripInlineComment } from './setup-cfg.js';

export interface CondaSpec {
  name: string;
  /** the version part in conda syntax (`>=2.1`, `=2.1`, `2.1.*`), `` when unbounded */
  version: string;
}

/** `pytorch>=2.1`, `pytorch=2.1=cuda*`, `conda-forge::pytorch 2.1.*`, `pytorch[version='>=2.1']`. */
export function parseCondaSpec(input: string): CondaSpec | undefined {
  let s = input.trim();
  if (s.length > 2000) return undefined;
  s = s.replace(/^[\w./-]+::/, '');
  const m = /^([A-Za-z0-9_][A-Za-z0-9_.-]*)/.exec(s);
  if (!m) return undefined;
  const name = m[1]!;
  let rest = s.slice(name.length).trim();
  const bracket = /^\[.*?version\s*=\s*['"]?([^'",\]]+(?:,[^'",\]]+)*)['"]?.*\]/.exec(rest);
  if (bracket) return { name, version: bracket[1]!.trim() };
  if (rest.includes('{{')) return { name, version: rest }; // a Jinja variable decides the version
  rest = rest.replace(/([<>=!~]+)\s+/g, '$1');
  if (rest.startsWith('=') && !rest.startsWith('==')) {
    // name=version=build
    return { name, version: '=' + rest.slice(1).split('=')[0]!.trim() };
  }
  if (rest.startsWith('==')) return { name, version: '==' + rest.slice(2).split(/[=\s]/)[0]! };
  // name version [build]
  return { name, version: rest.split(/\s+/)[0] ?? '' };
}

function lineOfNode(node: Node | null | undefined, lc: LineCounter): number | undefined {
  const start = node?.range?.[0];
  return start === undefined ? undefined : lc.linePos(start).line;
}

export function readEnvironmentYml(file: string, text: string, optional: boolean, problems: EvidenceProblem[]): TorchDeclaration[] {
  const lc = new (yaml().LineCounter)();
  const { isMap, isScalar, isSeq } = yaml();
  // the same bounds as CI YAML (src/evidence/ci/github-actions.ts): size, then what costs the yaml package seconds
  if (text.length > MAX_REPO_YAML_BYTES) {
    problems.push({
      file,
      message: `${text.length} characters: YAML files over ${MAX_REPO_YAML_BYTES / 1024} KiB are not parsed (truncated to nothing)`,
    });
    return [];
  }
  const limit = yamlCostLimit(text);
  if (limit) {
    problems.push({ file, message: `not parsed: ${limit.message}` });
    return [];
  }
  const doc = withoutStacks(() => yaml().parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false }));
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    problems.push({ file, line: lc.linePos(e.pos[0]).line, message: `not valid YAML: ${e.message.split('\n')[0]}` });
    return [];
  }
  const out: TorchDeclaration[] = [];
  const root = doc.contents;
  if (!isMap(root)) return out;
  const deps = root.get('dependencies', true);
  if (!isSeq(deps)) return out;
  for (const item of deps.items) {
    if (isScalar(item) && typeof item.value === 'string') {
      const spec = parseCondaSpec(item.value);
      if (!spec || !isTorchName(spec.name)) continue;
      const decl: TorchDeclaration = { file, specifier: spec.version, scope: 'conda-env', optional, syntax: 'conda' };
      const line = lineOfNode(item, lc);
      if (line !== undefined) decl.line = line;
      out.push(decl);
    } else if (isMap(item)) {
      const pip = item.get('pip', true);
      if (!isSeq(pip)) continue;
      for (const p of pip.items) {
        if (!isScalar(p) || typeof p.value !== 'string') continue;
        const req = parsePep508(p.value);
        if (!req || !isTorchName(req.name)) continue;
        const decl: TorchDeclaration = { file, specifier: req.specifier, scope: 'conda-env:pip', optional };
        const line = lineOfNode(p, lc);
        if (line !== undefined) decl.line = line;
        if (req.marker) decl.marker = req.marker;
        if (req.url !== undefined) decl.url = req.url;
        out.push(decl);
      }
    }
  }
  return out;
}

/** A conda recipe's requirement sections, scanned by indentation; `# [linux]` selectors become markers. */
export function readCondaRecipe(file: string, text: string): TorchDeclaration[] {
  const out: TorchDeclaration[] = [];
  const stack: { indent: number; key: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.length > 5000) continue;
    const item = /^(\s*)-\s+(.*)$/.exec(raw);
    const key = item ? /^()([\w-]+):(?:\s|$)/.exec(item[2]!) : /^(\s*)([\w-]+):(?:\s|$)/.exec(raw);
    if (key) {
      // a key, or a list item that is a mapping (`- if: linux` in recipe.yaml)
      const indent = item ? item[1]!.length + 2 : key[1]!.length;
      while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
      stack.push({ indent, key: key[2]! });
      continue;
    }
    if (!item) continue;
    const itemIndent = item[1]!.length;
    while (stack.length && stack[stack.length - 1]!.indent > itemIndent) stack.pop();
    const keys = stack.map((s) => s.key);
    const r = keys.indexOf('requirements');
    const inTest = keys.includes('test') || keys.includes('tests');
    if (r < 0 && !inTest) continue;
    let body = item[2]!;
    const selector = /#\s*\[([^\]]*)\]\s*$/.exec(body);
    body = stripInlineComment(body);
    const pinned = /pin_(?:compatible|subpackage)\(\s*['"](torch|pytorch)['"]/.exec(body);
    let decl: TorchDeclaration | undefined;
    const section = r >= 0 ? (keys[r + 1] ?? 'run') : 'test';
    const scope = `conda-recipe:${section}`;
    const optional = section === 'test' || inTest;
    if (pinned) {
      decl = { file, line: i + 1, specifier: body, scope, optional, syntax: 'conda' };
    } else {
      const spec = parseCondaSpec(body);
      if (spec && isTorchName(spec.name)) decl = { file, line: i + 1, specifier: spec.version, scope, optional, syntax: 'conda' };
    }
    if (!decl) continue;
    if (selector) decl.marker = selector[1]!.trim();
    out.push(decl);
  }
  return out;
}
