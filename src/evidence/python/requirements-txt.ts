// pip requirements files: `torch>=2.0 ; python_version>"3.8"`, `torch @ url`, continuation lines,
// `--hash` options, and `-r other.txt` includes resolved within the repository.
import { posix } from 'node:path';
import type { EvidenceProblem, FileMap, TorchDeclaration } from '../types.js';
import { looksOptional } from './facts.js';
import { isTorchName, parsePep508 } from './pep508.js';
import { stripInlineComment } from './setup-cfg.js';
import { cutMessage, Deadline, type ParseCut } from '../budget.js';

export interface RequirementsFile {
  torch: TorchDeclaration[];
  /** repository paths this file includes with -r / --requirement */
  includes: string[];
  /** the parse ran out of its time budget here: what follows was not read */
  cut?: ParseCut;
}

/** a logical line longer than this is no requirement pip users write; the rest is not read */
const MAX_LOGICAL_LINE = 64 * 1024;

/**
 * Logical lines (continuations joined) with the number of the line each starts on. Linear: the
 * parts are collected and joined once (appending to a growing string and testing its end was
 * quadratic: a 1 MiB file of continuation lines took 40 s).
 */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    const parts: string[] = [];
    let length = 0;
    let l = lines[i]!;
    while (l.endsWith('\\') && i + 1 < lines.length) {
      if (length < MAX_LOGICAL_LINE) parts.push(l.slice(0, -1));
      length += l.length;
      l = lines[++i]!;
    }
    if (length < MAX_LOGICAL_LINE) parts.push(l);
    out.push({ text: parts.join(' ').slice(0, MAX_LOGICAL_LINE), line: start + 1 });
  }
  return out;
}

export function readRequirementsTxt(file: string, text: string, optional: boolean, deadline: Deadline = new Deadline()): RequirementsFile {
  const out: RequirementsFile = { torch: [], includes: [] };
  for (const { text: raw, line } of logicalLines(text)) {
    if (deadline.expired()) {
      out.cut = { line, budgetMs: deadline.ms };
      break;
    }
    const l = raw.trimStart().startsWith('#') ? '' : stripInlineComment(raw);
    if (!l) continue;
    const inc = /^(?:-r|--requirement)(?:\s+|=)(\S+)/.exec(l);
    if (inc) {
      const target = posix.normalize(posix.join(posix.dirname(file), inc[1]!));
      if (!target.startsWith('../') && !posix.isAbsolute(target)) out.includes.push(target);
      continue;
    }
    if (l.startsWith('-')) continue; // --extra-index-url, -c, -e, -f, --pre …
    // per-requirement options (`--hash=…`, `--config-settings`) follow the requirement
    const spec = l.replace(/\s--?[a-z][\w-]*(?:[=\s]\S+)?/gi, '').trim();
    const req = parsePep508(spec);
    if (!req || !isTorchName(req.name)) continue;
    const decl: TorchDeclaration = { file, line, specifier: req.specifier, scope: 'requirements', optional };
    if (req.marker) decl.marker = req.marker;
    if (req.url !== undefined) decl.url = req.url;
    out.torch.push(decl);
  }
  return out;
}

/**
 * Reads every requirements file that was fetched. A file counts as required when it is not named
 * for development (tests, docs, examples …) or when a required file includes it.
 */
export function readRequirementFiles(paths: string[], files: FileMap, problems: EvidenceProblem[]): TorchDeclaration[] {
  const parsed = new Map<string, RequirementsFile>();
  for (const p of paths) {
    const text = files[p]?.text;
    if (text === undefined) continue;
    const read = readRequirementsTxt(p, text, looksOptional(p));
    if (read.cut) problems.push({ file: p, message: cutMessage(read.cut) });
    parsed.set(p, read);
  }
  const required = new Set<string>();
  const visit = (p: string, from: string[]) => {
    if (required.has(p)) return;
    required.add(p);
    const f = parsed.get(p);
    if (!f) return;
    for (const inc of f.includes) {
      if (!parsed.has(inc)) {
        problems.push({ file: p, message: `includes ${inc}, which is not in the repository or was not read` });
        continue;
      }
      if (from.length < 20) visit(inc, [...from, p]);
    }
  };
  for (const p of parsed.keys()) if (!looksOptional(p)) visit(p, []);
  const out: TorchDeclaration[] = [];
  for (const [p, f] of parsed) {
    for (const d of f.torch) out.push(required.has(p) ? { ...d, optional: false } : d);
  }
  return out;
}
