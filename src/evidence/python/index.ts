// Python packaging metadata: distribution name, torch declarations, classifiers, license metadata,
// project URLs. Reads only files at the evaluated commit; never runs setup.py.
import type { EvidenceProblem, FileExtractor, FileMap, PythonEvidence, TorchDeclaration, TreeEntry } from '../types.js';
import { chooseProjectPackage, type ChoiceContext, type PackageCandidate } from './choose.js';
import { depth, type PackagingFacts } from './facts.js';
import type { PackagingFormat } from './format.js';
import { PACKAGING_FORMATS, packagingFormatOf } from './formats/index.js';

/** The id of the packaging format a path is a file of (src/evidence/python/formats/), if we read it. */
export function packagingKind(path: string): string | undefined {
  return packagingFormatOf(path)?.id;
}

export const pythonExtractor: FileExtractor<PythonEvidence> = {
  name: 'python',
  wants: (path) => packagingKind(path) !== undefined,
  extract: (_tree: TreeEntry[], files: FileMap, problems: EvidenceProblem[]) => extractPython(files, problems),
};

const dirOf = (file: string) => file.slice(0, Math.max(0, file.lastIndexOf('/')));

export function extractPython(files: FileMap, problems: EvidenceProblem[], context: ChoiceContext = {}): PythonEvidence {
  const out: PythonEvidence = { torch: [], classifiers: [], licenseMeta: [], urls: {}, files: [] };
  const byKind = new Map<PackagingFormat, string[]>();
  for (const path of Object.keys(files).sort()) {
    const kind = packagingFormatOf(path);
    if (!kind) continue;
    const blob = files[path]!;
    if (blob.text === undefined) {
      if (blob.binary) problems.push({ file: path, message: 'a binary file where a packaging file was expected; not read' });
      continue;
    }
    out.files.push(path);
    byKind.set(kind, [...(byKind.get(kind) ?? []), path]);
  }
  const torch: TorchDeclaration[] = [];
  // metadata files: shallowest first, so the root's name and classifiers win
  const metadata: { path: string; facts: PackagingFacts }[] = [];
  for (const kind of PACKAGING_FORMATS) {
    const read = kind.metadata;
    if (!read) continue;
    for (const path of byKind.get(kind) ?? []) {
      const text = files[path]!.text!;
      try {
        metadata.push({ path, facts: read(path, text, problems) });
      } catch (err) {
        // a reader defect must cost one file, not the check
        problems.push({ file: path, message: `could not be read: ${(err as Error).message}` });
      }
    }
  }
  metadata.sort((a, b) => depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // With a package at the root, it is the project and deeper packaging (vendored, tools) is not
  // read, as it never was; without one, the project's package is chosen among the deeper ones.
  const hasRoot = metadata.some((m) => depth(m.path) === 1);
  const readable = hasRoot ? metadata.filter((m) => depth(m.path) <= 2) : metadata;
  const candidates: PackageCandidate[] = [];
  for (const { path, facts } of readable) {
    if (facts.name && !candidates.some((c) => dirOf(c.file) === dirOf(path))) {
      candidates.push({ name: facts.name.name, file: path, ...(facts.name.line !== undefined ? { line: facts.name.line } : {}) });
    }
  }
  const choice = hasRoot ? undefined : chooseProjectPackage(candidates, context);
  const projectDir = choice ? dirOf(choice.pkg.file) : '';
  // another package's folder: its metadata and requirements are that package's, not the project's
  const otherPackage = (file: string) =>
    projectDir !== '' &&
    !file.startsWith(`${projectDir}/`) &&
    candidates.some((c) => dirOf(c.file) !== '' && dirOf(c.file) !== projectDir && file.startsWith(`${dirOf(c.file)}/`));
  if (choice) {
    out.distribution = { ...choice.pkg, why: choice.why };
    out.projectDir = projectDir;
  }
  if (!hasRoot && candidates.length > 0) out.packages = candidates;
  const classifiers = new Set<string>();
  for (const { path, facts } of readable) {
    if (otherPackage(path) || (projectDir !== '' && !path.startsWith(`${projectDir}/`) && depth(path) > 1)) continue;
    torch.push(...facts.torch);
    if (!out.distribution && facts.name) {
      out.distribution = { name: facts.name.name, file: path, ...(facts.name.line !== undefined ? { line: facts.name.line } : {}) };
    }
    if (depth(path) === 1 || classifiers.size === 0) for (const c of facts.classifiers) classifiers.add(c.trim());
    for (const l of facts.license) out.licenseMeta.push({ value: l.value, file: path, kind: l.kind });
    for (const c of facts.classifiers)
      if (c.startsWith('License ::')) out.licenseMeta.push({ value: c.trim(), file: path, kind: 'classifier' });
    for (const [k, v] of Object.entries(facts.urls)) if (!(k in out.urls)) out.urls[k] = v;
  }
  out.classifiers = [...classifiers];
  for (const kind of PACKAGING_FORMATS) {
    const paths = byKind.get(kind);
    if (kind.declarations && paths) torch.push(...kind.declarations(paths, files, problems));
  }
  out.torch = torch
    .filter((d) => !otherPackage(d.file))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  return out;
}
