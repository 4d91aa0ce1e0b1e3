// License evidence (requirements 7 and 15): which files hold the project's license, what each one
// is by content (identify.ts), the expression they form, what the project's metadata says
// (signals.ts) and where the two disagree, and the third-party notice files it ships.
import type { EvidenceProblem, FileBlob, FileMap, LicenseEvidence, LicenseFileEvidence, PythonEvidence, TreeEntry } from '../types.js';
import { identifyLicense, type LicenseIdentification } from './identify.js';
import { packageSignals, reuseSignals, spdxLineSignals, type LicenseSignal } from './signals.js';
import { parseExpression, expressionIds, sameLicense } from './spdx.js';

const ROOT_LICENSE = /^(?:UN)?LICEN[CS]E(?:[-._][\w.-]*)?$|^COPYING(?:[-._][\w.-]*)?$|^COPYRIGHT(?:\.(?:md|txt|rst))?$/i;
const REUSE_FILE = /^LICENSES\/[^/]+$/;
const THIRD_PARTY =
  /(?:^|\/)(?:NOTICES?|(?:THIRD|3RD)[-_ ]?PARTY[\w.-]*|ThirdPartyNotices[\w.-]*|(?:third|3rd)[-_]?party[-_]?licen[cs]es?[\w.-]*|licen[cs]es?[-._](?:third|3rd)[-_ ]?part(?:y|ies)[\w.-]*)(?:\.(?:md|txt|rst))?$/i;
/** A license file below the root: the project's license put in a folder, or a subproject's. */
const NESTED_LICENSE = /^(?:[^/]+\/){1,2}(?:LICEN[CS]E|COPYING)(?:\.(?:md|txt|rst))?$/i;
/** Folders whose license files are other people's code, examples or baselines, never the project's license. */
const NOT_THE_PROJECT =
  /(?:^|\/)(?:third[-_]?party|3rd[-_]?party|vendor(?:ed)?|external|extern|node_modules|licenses|site-packages|examples?|samples?|baselines?|benchmarks?|tests?|\.[^/]+)\//i;
const MAX_ELSEWHERE = 10;

/** Whether a license file at `path` sits in other people's code, examples or baselines (not the project's license). */
export function outsideTheProject(path: string): boolean {
  return NOT_THE_PROJECT.test(path);
}

/** Whether `path` is a file the license evidence needs read. */
export function wantsLicenseFile(path: string): boolean {
  if (REUSE_FILE.test(path)) return true;
  if (ROOT_LICENSE.test(path)) return !THIRD_PARTY.test(path);
  return NESTED_LICENSE.test(path) && !NOT_THE_PROJECT.test(path);
}

function isRootLicense(path: string): boolean {
  return (ROOT_LICENSE.test(path) && !THIRD_PARTY.test(path)) || REUSE_FILE.test(path);
}

/** The root license files first by how conventional the name is: LICENSE, LICENCE, COPYING, then the rest. */
function rank(path: string): number {
  const base = path.toUpperCase();
  if (/^LICEN[CS]E(\.(MD|TXT|RST))?$/.test(base)) return 0;
  if (/^COPYING(\.(MD|TXT|RST))?$/.test(base)) return 1;
  if (/^(UN)?LICEN[CS]E/.test(base) || /^COPYING/.test(base)) return 2;
  if (base.startsWith('LICENSES/')) return 4;
  return 3;
}

function fileEvidence(path: string, r: LicenseIdentification): LicenseFileEvidence {
  const ev: LicenseFileEvidence = { path, confidence: r.confidence, method: r.method };
  if (r.spdx) ev.spdx = r.spdx;
  if (r.expression) ev.expression = r.expression;
  if (r.modified) ev.modified = true;
  if (r.differences.length) ev.differences = r.differences;
  if (r.parts.length) ev.parts = r.parts;
  if (r.reason) ev.reason = r.reason;
  if (r.restrictions.length) ev.restrictions = r.restrictions;
  if (r.closest?.length) ev.closest = r.closest;
  if (r.attributions.length) ev.attributions = r.attributions.slice(0, 20);
  return ev;
}

function identifyFile(path: string, files: FileMap, problems: EvidenceProblem[]): LicenseFileEvidence {
  const blob = files[path];
  const bad = unreadable(path, blob);
  if (bad) return bad;
  if (blob!.truncated) problems.push({ file: path, message: 'license file only partly read; identified from its beginning' });
  try {
    return fileEvidence(path, identifyLicense(blob!.text!));
  } catch (err) {
    // identifyLicense is written never to throw; if it does, the file is reported, not the check lost.
    problems.push({ file: path, message: `license identification failed: ${(err as Error).message}` });
    return { path, confidence: 0, method: 'none', reason: 'identification failed' };
  }
}

function unreadable(path: string, blob: FileBlob | undefined): LicenseFileEvidence | null {
  if (!blob) return { path, confidence: 0, method: 'none', reason: 'the file was not read' };
  if (blob.symlinkTarget !== undefined)
    return { path, confidence: 0, method: 'none', reason: `a symlink to ${blob.symlinkTarget}; not followed` };
  if (blob.binary) return { path, confidence: 0, method: 'none', reason: 'the file is binary, not a license text' };
  if (blob.text === undefined) return { path, confidence: 0, method: 'none', reason: 'the file has no readable text' };
  return null;
}

/** `a/./b/../c` → `a/c`; a path that climbs above the root → ''. */
function normalizePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.pop() === undefined) return '';
    } else out.push(seg);
  }
  return out.join('/');
}

/** The ids a file's expression names, or its id. */
function idsOf(f: LicenseFileEvidence): string[] {
  const node = f.expression ? parseExpression(f.expression) : null;
  return node ? expressionIds(node) : f.spdx ? [f.spdx] : [];
}

function combine(files: LicenseFileEvidence[], signals: LicenseSignal[]): string | undefined {
  const root = files.filter((f) => !f.path.startsWith('LICENSES/'));
  const used = root.length > 0 ? root : files;
  if (used.length === 0 || used.some((f) => !f.expression || f.modified)) return undefined;
  let exprs = [...new Set(used.map((f) => f.expression!))];
  // The LGPL-3.0 is a set of permissions added to the GPL-3.0 and is shipped with it (COPYING +
  // COPYING.LESSER, LICENSE + LICENSE.GPL): that GPL is part of the LGPL, not a second license.
  if (exprs.some((e) => /^LGPL-3\.0/.test(e))) exprs = exprs.filter((e) => !/^GPL-3\.0(?:-only|-or-later)?$/.test(e));
  if (exprs.length === 1) return exprs[0];
  // Several license files: alternatives only when the project's own metadata says so.
  const ids = exprs.flatMap((e) => expressionIds(parseExpression(e) ?? { license: e }));
  const saysOr = signals.some((s) => {
    if (!s.spdx || !/ OR /.test(s.spdx)) return false;
    const node = parseExpression(s.spdx);
    const named = node ? expressionIds(node) : [];
    return ids.every((id) => named.some((n) => sameLicense(n, id)));
  });
  const wrap = (e: string) => (/ (AND|OR) /.test(e) ? `(${e})` : e);
  return exprs.map(wrap).join(saysOr ? ' OR ' : ' AND ');
}

export function extractLicense(tree: TreeEntry[], files: FileMap, python: PythonEvidence, problems: EvidenceProblem[]): LicenseEvidence {
  const candidates = tree
    .filter((e) => e.type === 'blob' && isRootLicense(e.path))
    .sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
  const out = candidates.map((e) => identifyFile(e.path, files, problems));
  // With no license at the root, the license files deeper in the tree are read: requirement 7
  // judges the license they hold and requirement 15 says where they are, from the same reading.
  const elsewhere =
    out.length > 0
      ? []
      : tree
          .filter((e) => e.type === 'blob' && NESTED_LICENSE.test(e.path) && !NOT_THE_PROJECT.test(e.path))
          .sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path))
          .slice(0, MAX_ELSEWHERE)
          .map((e) => identifyFile(e.path, files, problems));

  // LICENSE -> LICENSE.md (or the reverse) is one text under two names: the link reads as its target
  // when that target is a license file read here. A link out of the tree or to another file is not followed.
  for (const [i, f] of out.entries()) {
    const target = files[f.path]?.symlinkTarget;
    if (target === undefined || target.startsWith('/')) continue;
    const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/') + 1) : '';
    const resolved = normalizePath(dir + target);
    const same = out.find((o) => o.path === resolved && files[o.path]?.symlinkTarget === undefined);
    if (!same) continue;
    const { parts: _p, differences: _d, attributions: _a, reason: _r, ...rest } = same;
    out[i] = { ...rest, path: f.path, differences: [], reason: `a symlink to ${resolved}: the same text` };
  }

  const lgpl = out.find((f) => f.expression && /^LGPL-3\.0/.test(f.expression));
  if (lgpl) {
    for (const f of out) {
      if (f.expression && /^GPL-3\.0(?:-only|-or-later)?$/.test(f.expression) && !f.reason) {
        f.reason = `the GNU GPL v3 that the LGPL-3.0 in ${lgpl.path} builds on: part of that license, not a second one`;
      }
    }
  }

  const signals: LicenseSignal[] = [...spdxLineSignals(files), ...packageSignals(python), ...reuseSignals(tree)];

  const expression = combine(out, signals);
  const fileIds = out.filter((f) => !f.modified).flatMap(idsOf);
  const disagreements: string[] = [];
  if (fileIds.length > 0) {
    const mainFile = out.find((f) => f.spdx)?.path ?? out[0]?.path ?? 'the license file';
    for (const s of signals) {
      if (!s.spdx || s.source.startsWith('REUSE')) continue;
      const node = s.spdx === 'BSD-*' ? null : parseExpression(s.spdx);
      const named = node ? expressionIds(node) : [s.spdx];
      if (!named.some((n) => fileIds.some((id) => sameLicense(n, id)))) {
        disagreements.push(`${s.source} says ${s.value}, but ${mainFile} is ${expression ?? fileIds.join(', ')} by its text`);
      }
    }
  } else if (out.some((f) => f.modified)) {
    const mod = out.find((f) => f.modified)!;
    for (const s of signals) {
      if (s.spdx && mod.spdx && s.spdx.split(/ (?:AND|OR) /).some((n) => sameLicense(n, mod.spdx!))) {
        disagreements.push(`${s.source} says ${s.value}, but ${mod.path} is a modified ${mod.spdx} text`);
      }
    }
  }

  const thirdParty = tree
    .filter((e) => e.type === 'blob' && (THIRD_PARTY.test(e.path) || REUSE_FILE.test(e.path)) && e.path.split('/').length <= 3)
    .map((e) => e.path)
    .slice(0, 50);

  const ev: LicenseEvidence = { files: out, signals, disagreements, thirdParty };
  if (expression) ev.expression = expression;
  if (elsewhere.length > 0) ev.elsewhere = elsewhere;
  return ev;
}
