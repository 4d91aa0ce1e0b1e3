// Corroborating signals: what a project says its license is, apart from the license text.
// `SPDX-License-Identifier:` lines, package metadata (pyproject / setup.cfg / setup.py license
// fields and Trove classifiers) and REUSE's `LICENSES/<id>.txt` names. They never identify a
// license on their own; they are reported, and where they contradict the text, said so.
import type { FileMap, PythonEvidence, TreeEntry } from '../types.js';
import { identifyLicense } from './identify.js';
import { classifierToSpdx, correctLicense, parseExpression, expressionToString } from './spdx.js';

export interface LicenseSignal {
  source: string;
  value: string;
  spdx?: string;
}

const SPDX_LINE = /SPDX-License-Identifier:\s*([^\n*]+?)\s*(?:\*\/|-->|#}|$)/im;

/** `SPDX-License-Identifier:` lines in the first 40 lines of each file that was read. */
export function spdxLineSignals(files: FileMap): LicenseSignal[] {
  const out: LicenseSignal[] = [];
  for (const f of Object.values(files)) {
    if (!f.text) continue;
    const head = f.text.slice(0, 8192).split(/\r?\n/, 40);
    head.forEach((line, i) => {
      const m = line.length < 500 ? SPDX_LINE.exec(line) : null;
      if (!m?.[1]) return;
      const value = m[1].trim();
      const node = parseExpression(value);
      out.push({ source: `${f.path}:${i + 1} SPDX-License-Identifier`, value, ...(node ? { spdx: expressionToString(node) } : {}) });
    });
  }
  return out;
}

export function packageSignals(python: PythonEvidence): LicenseSignal[] {
  const out: LicenseSignal[] = [];
  for (const meta of python.licenseMeta) {
    const source = `${meta.file} ${meta.kind === 'classifier' ? 'classifier' : meta.kind === 'expression' ? 'license-expression' : meta.kind === 'file' ? 'license file' : 'license'}`;
    let spdx: string | undefined;
    // `license = {text = """..."""}` often holds the whole license: identify it as a text, and
    // report its first line rather than printing the license a second time.
    const lines = meta.kind === 'text' ? meta.value.trim().split(/\r?\n/) : [];
    if (lines.length > 2) {
      const r = identifyLicense(meta.value);
      const id = r.modified ? undefined : (r.expression ?? r.spdx);
      out.push({
        source,
        value: `${lines[0]!.trim().slice(0, 80)} … (a ${lines.length}-line text${r.modified && r.spdx ? `, a modified ${r.spdx}` : ''})`,
        ...(id ? { spdx: id } : {}),
      });
      continue;
    }
    if (meta.kind === 'classifier') spdx = classifierToSpdx(meta.value);
    else if (meta.kind === 'expression') {
      const node = parseExpression(meta.value);
      spdx = node ? expressionToString(node) : undefined;
    } else if (meta.kind === 'text') spdx = correctLicense(meta.value);
    out.push({ source, value: meta.value, ...(spdx ? { spdx } : {}) });
  }
  // Classifiers the python reader lists without marking them as license metadata.
  for (const c of python.classifiers) {
    if (!/^License\s*::/i.test(c) || python.licenseMeta.some((m) => m.value === c)) continue;
    const spdx = classifierToSpdx(c);
    out.push({ source: 'classifier', value: c, ...(spdx ? { spdx } : {}) });
  }
  return out;
}

/** REUSE: `LICENSES/<id>.<ext>` names the licenses the project uses. */
export function reuseSignals(tree: TreeEntry[]): LicenseSignal[] {
  const out: LicenseSignal[] = [];
  for (const e of tree) {
    const m = /^LICENSES\/([^/]+?)(?:\.(?:txt|md))?$/.exec(e.path);
    if (!m?.[1] || e.type !== 'blob') continue;
    const node = parseExpression(m[1]);
    out.push({ source: `REUSE ${e.path}`, value: m[1], ...(node ? { spdx: expressionToString(node) } : {}) });
  }
  return out;
}
