// setup.cfg, read by hand: INI libraries trip over setuptools' multi-line values ("dangling
// lists"), `:` as separator and indented continuation lines. Every value keeps its line numbers.
import type { EvidenceProblem, TorchDeclaration } from '../types.js';
import { emptyFacts, type PackagingFacts } from './facts.js';
import { isTorchName, parsePep508 } from './pep508.js';

export interface IniValue {
  /** the value's lines, first line's text after the separator included (may be empty) */
  lines: { text: string; line: number }[];
  line: number;
}

export type Ini = Map<string, Map<string, IniValue>>;

/** Sections → keys (lower-cased, as configparser does) → values with their lines. */
export function readIni(text: string): Ini {
  const out: Ini = new Map();
  let section: Map<string, IniValue> | undefined;
  let current: IniValue | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) {
      // a blank line inside a dangling list does not end it; a comment line is skipped
      continue;
    }
    const indented = /^\s/.test(raw);
    if (indented && current) {
      current.lines.push({ text: trimmed, line: i + 1 });
      continue;
    }
    const header = /^\[([^\]]*)\]/.exec(trimmed);
    if (header) {
      const name = header[1]!.trim();
      section = out.get(name) ?? new Map();
      out.set(name, section);
      current = undefined;
      continue;
    }
    // indexOf, not a regex: a hostile line of spaces must not cost quadratic time
    const eq = trimmed.indexOf('=');
    const colon = trimmed.indexOf(':');
    const sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    if (sep > 0 && section) {
      current = { lines: [], line: i + 1 };
      const value = trimmed.slice(sep + 1).trim();
      if (value) current.lines.push({ text: value, line: i + 1 });
      section.set(trimmed.slice(0, sep).trim().toLowerCase(), current);
    } else {
      current = undefined;
    }
  }
  return out;
}

/** A list value: one item per line (or `;`-free single line); inline ` #` comments dropped. */
function items(v: IniValue | undefined): { text: string; line: number }[] {
  if (!v) return [];
  return v.lines.map((l) => ({ text: stripInlineComment(l.text), line: l.line })).filter((l) => l.text !== '');
}

/** Drops a ` # comment`; a `#` without whitespace before it (a URL fragment) stays. */
export function stripInlineComment(s: string): string {
  const i = s.search(/\s#/);
  return (i < 0 ? s : s.slice(0, i)).trim();
}

function text(v: IniValue | undefined): string | undefined {
  const joined = items(v)
    .map((l) => l.text)
    .join(' ')
    .trim();
  return joined || undefined;
}

export function readSetupCfg(file: string, source: string, _problems: EvidenceProblem[]): PackagingFacts {
  const facts = emptyFacts();
  const ini = readIni(source);
  const meta = ini.get('metadata');
  const name = meta?.get('name');
  const nameText = text(name);
  if (name && nameText) facts.name = { name: nameText, line: name.line };
  facts.classifiers.push(...items(meta?.get('classifiers')).map((l) => l.text));
  const lic = text(meta?.get('license'));
  if (lic) facts.license.push({ value: lic, kind: 'text' });
  for (const key of ['license_file', 'license_files']) {
    for (const l of items(meta?.get(key)))
      for (const f of l.text.split(',')) if (f.trim()) facts.license.push({ value: f.trim(), kind: 'file' });
  }
  const url = text(meta?.get('url')) ?? text(meta?.get('home_page')) ?? text(meta?.get('home-page'));
  if (url) facts.urls.Homepage = url;
  for (const l of items(meta?.get('project_urls'))) {
    const eq = l.text.indexOf('=');
    if (eq > 0) facts.urls[l.text.slice(0, eq).trim()] = l.text.slice(eq + 1).trim();
  }

  const add = (v: IniValue | undefined, scope: string, optional: boolean) => {
    for (const item of items(v)) {
      const req = parsePep508(item.text);
      if (!req || !isTorchName(req.name)) continue;
      const decl: TorchDeclaration = { file, line: item.line, specifier: req.specifier, scope, optional };
      if (req.marker) decl.marker = req.marker;
      if (req.url !== undefined) decl.url = req.url;
      facts.torch.push(decl);
    }
  };
  const options = ini.get('options');
  add(options?.get('install_requires'), 'install_requires', false);
  add(options?.get('setup_requires'), 'setup_requires', false);
  add(options?.get('tests_require'), 'tests_require', true);
  for (const [extra, v] of ini.get('options.extras_require') ?? []) add(v, `extras_require:${extra}`, true);
  return facts;
}
