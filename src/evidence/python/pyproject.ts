// pyproject.toml: PEP 621 `[project]`, PEP 735 `[dependency-groups]`, `[build-system]` and Poetry's
// `[tool.poetry]`. smol-toml gives no value positions, so lines are found by searching the text.
import { parse, TomlError } from 'smol-toml';
import type { EvidenceProblem, TorchDeclaration } from '../types.js';
import { emptyFacts, lineOf, type PackagingFacts } from './facts.js';
import { isTorchName, parsePep508 } from './pep508.js';

type Table = Record<string, unknown>;

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The 0-based line of a `[header]` (or `[[header]]`), so searches start inside the right table. */
function headerLine(lines: string[], header: string): number {
  const re = new RegExp(`^\\s*\\[\\s*${header.replace(/[.]/g, '\\s*\\.\\s*').replace(/-/g, '\\-')}\\s*\\]`);
  const i = lines.findIndex((l) => re.test(l));
  return i < 0 ? 0 : i;
}

export function readPyproject(file: string, text: string, problems: EvidenceProblem[]): PackagingFacts {
  const facts = emptyFacts();
  let doc: Table;
  try {
    doc = parse(text) as Table;
  } catch (err) {
    if (err instanceof TomlError) {
      problems.push({
        file,
        line: err.line,
        message: `not valid TOML (line ${err.line}, column ${err.column}): ${err.message.split('\n')[0]}`,
      });
    } else {
      problems.push({ file, message: `could not be read as TOML: ${(err as Error).message}` });
    }
    return facts;
  }
  const lines = text.split('\n');

  const pep508List = (list: unknown, scope: string, optional: boolean, header: string) => {
    const from = headerLine(lines, header);
    for (const raw of strings(list)) {
      const req = parsePep508(raw);
      if (!req || !isTorchName(req.name)) continue;
      const line = lineOf(lines, raw, from) ?? lineOf(lines, raw);
      const decl: TorchDeclaration = { file, specifier: req.specifier, scope, optional };
      if (line !== undefined) decl.line = line;
      if (req.marker) decl.marker = req.marker;
      if (req.url !== undefined) decl.url = req.url;
      facts.torch.push(decl);
    }
  };

  const project = isTable(doc.project) ? doc.project : undefined;
  if (project) {
    if (typeof project.name === 'string')
      facts.name = { name: project.name, ...lineAt(lines, /^\s*name\s*=/, headerLine(lines, 'project')) };
    facts.classifiers.push(...strings(project.classifiers));
    const lic = project.license;
    if (typeof lic === 'string') facts.license.push({ value: lic, kind: 'expression' });
    else if (isTable(lic) && typeof lic.text === 'string') facts.license.push({ value: lic.text, kind: 'text' });
    else if (isTable(lic) && typeof lic.file === 'string') facts.license.push({ value: lic.file, kind: 'file' });
    for (const f of strings(project['license-files'])) facts.license.push({ value: f, kind: 'file' });
    if (isTable(project.urls)) for (const [k, v] of Object.entries(project.urls)) if (typeof v === 'string') facts.urls[k] = v;
    pep508List(project.dependencies, 'dependencies', false, 'project');
    if (isTable(project['optional-dependencies'])) {
      for (const [extra, list] of Object.entries(project['optional-dependencies'])) {
        pep508List(list, `optional:${extra}`, true, 'project.optional-dependencies');
      }
    }
  }
  if (isTable(doc['dependency-groups'])) {
    for (const [group, list] of Object.entries(doc['dependency-groups'])) pep508List(list, `group:${group}`, true, 'dependency-groups');
  }
  if (isTable(doc['build-system'])) pep508List(doc['build-system'].requires, 'build-system', false, 'build-system');

  const tool = isTable(doc.tool) ? doc.tool : undefined;
  const poetry = tool && isTable(tool.poetry) ? tool.poetry : undefined;
  if (poetry) readPoetry(file, poetry, lines, facts);
  return facts;
}

function lineAt(lines: string[], re: RegExp, from: number): { line?: number } {
  for (let i = from; i < lines.length; i++) if (re.test(lines[i]!)) return { line: i + 1 };
  return {};
}

function readPoetry(file: string, poetry: Table, lines: string[], facts: PackagingFacts): void {
  if (!facts.name && typeof poetry.name === 'string') {
    facts.name = { name: poetry.name, ...lineAt(lines, /^\s*name\s*=/, headerLine(lines, 'tool.poetry')) };
  }
  if (facts.classifiers.length === 0) facts.classifiers.push(...strings(poetry.classifiers));
  if (typeof poetry.license === 'string' && facts.license.length === 0) facts.license.push({ value: poetry.license, kind: 'expression' });
  for (const k of ['homepage', 'repository', 'documentation'] as const) {
    const v = poetry[k];
    if (typeof v === 'string' && !(k in facts.urls)) facts.urls[k] = v;
  }
  if (isTable(poetry.urls)) for (const [k, v] of Object.entries(poetry.urls)) if (typeof v === 'string') facts.urls[k] ??= v;

  const tables: { deps: unknown; scope: string; optional: boolean; header: string }[] = [
    { deps: poetry.dependencies, scope: 'poetry', optional: false, header: 'tool.poetry.dependencies' },
    { deps: poetry['dev-dependencies'], scope: 'poetry-group:dev', optional: true, header: 'tool.poetry.dev-dependencies' },
  ];
  if (isTable(poetry.group)) {
    for (const [g, t] of Object.entries(poetry.group)) {
      if (isTable(t))
        tables.push({ deps: t.dependencies, scope: `poetry-group:${g}`, optional: true, header: `tool.poetry.group.${g}.dependencies` });
    }
  }
  for (const { deps, scope, optional, header } of tables) {
    if (!isTable(deps)) continue;
    const from = headerLine(lines, header);
    for (const [name, value] of Object.entries(deps)) {
      if (!isTorchName(name)) continue;
      const keyRe = new RegExp(`^\\s*["']?${name.replace(/[.]/g, '\\.')}["']?\\s*=`);
      const line = lineAt(lines, keyRe, from).line ?? lineAt(lines, keyRe, 0).line;
      // a dependency may be given several times with markers: `torch = [{version=…, markers=…}, …]`
      for (const v of Array.isArray(value) ? value : [value]) {
        const decl: TorchDeclaration = { file, specifier: '', scope, optional, syntax: 'poetry' };
        if (line !== undefined) decl.line = line;
        if (typeof v === 'string') decl.specifier = v.trim();
        else if (isTable(v)) {
          if (typeof v.version === 'string') decl.specifier = v.version.trim();
          if (v.optional === true) {
            decl.optional = true;
            decl.scope = `${scope}:optional`;
          }
          const marker = [
            typeof v.markers === 'string' ? v.markers : '',
            typeof v.python === 'string' ? `python ${v.python}` : '',
            typeof v.platform === 'string' ? `platform ${v.platform}` : '',
          ]
            .filter(Boolean)
            .join('; ');
          if (marker) decl.marker = marker;
          if (typeof v.url === 'string') decl.url = v.url;
          else if (typeof v.path === 'string' || typeof v.git === 'string') decl.url = String(v.path ?? v.git);
        } else continue;
        facts.torch.push(decl);
      }
    }
  }
}
