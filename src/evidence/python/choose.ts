// Which package is the project's when the repository root has none (a monorepo, or a research
// repository whose library sits in a folder beside baselines and examples). Chosen by evidence,
// in this order: its name is the repository's, the README installs it, CI publishes it; else the
// shallowest. Packages in examples/, baselines/, benchmarks/, docs/ or tests/ are never chosen.
import { depth } from './facts.js';

/** Folders whose packaging serves something other than the project itself. */
export const AUXILIARY_DIR = /(^|\/)(docs?|examples?|tutorials?|notebooks?|benchmarks?|baselines?|tests?)\//i;

export interface PackageCandidate {
  name: string;
  file: string;
  line?: number;
}

export interface ChoiceContext {
  /** the repository's name (`optimate` of nebuly-ai/optimate) */
  repoName?: string;
  /** the root README's text */
  readme?: string;
  /** the text of each CI publishing step, with its working directory if it names one */
  publishTexts?: string[];
}

export interface Choice {
  pkg: PackageCandidate;
  why: string;
}

const norm = (s: string) => s.toLowerCase().replace(/[-_.]+/g, '-');
const dirOf = (file: string) => file.slice(0, Math.max(0, file.lastIndexOf('/')));

/** `pip install NAME` / `pip install -U NAME[extra]==1.0` names in a text. */
export function installedNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\bpip3?\s+install\s+((?:-\S+\s+)*)([A-Za-z0-9][A-Za-z0-9._-]*)/g)) out.push(m[2]!);
  return out;
}

export function chooseProjectPackage(candidates: PackageCandidate[], ctx: ChoiceContext): Choice | undefined {
  const own = candidates.filter((c) => !AUXILIARY_DIR.test(c.file));
  if (own.length === 0) return undefined;
  const root = own.find((c) => depth(c.file) === 1);
  if (root) return { pkg: root, why: 'the package at the repository root' };
  if (own.length === 1)
    return { pkg: own[0]!, why: `the only package outside examples, baselines, benchmarks, docs and tests (${own[0]!.file})` };
  const repo = ctx.repoName ? norm(ctx.repoName) : undefined;
  const byName = repo ? own.filter((c) => norm(c.name) === repo || norm(dirOf(c.file).split('/').pop() ?? '') === repo) : [];
  if (byName.length === 1) return { pkg: byName[0]!, why: `its name matches the repository (${ctx.repoName})` };
  const installed = new Set(installedNames(ctx.readme ?? '').map(norm));
  const byReadme = own.filter((c) => installed.has(norm(c.name)));
  if (byReadme.length === 1) return { pkg: byReadme[0]!, why: `the README installs it (pip install ${byReadme[0]!.name})` };
  const names = (dir: string) => new RegExp(`(^|[\\s/'"=])${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/|\\s|$|['"])`);
  const byCi = own.filter((c) => (ctx.publishTexts ?? []).some((t) => names(dirOf(c.file)).test(t)));
  if (byCi.length === 1) return { pkg: byCi[0]!, why: `CI publishes it (a publishing step works in ${dirOf(byCi[0]!.file)}/)` };
  const shallowest = [...own].sort((a, b) => depth(a.file) - depth(b.file) || (a.file < b.file ? -1 : 1))[0]!;
  return {
    pkg: shallowest,
    why: `no evidence tells the ${own.length} packages apart (${own.map((c) => c.name).join(', ')}); the shallowest, ${shallowest.file}, was taken — pass --path to check another`,
  };
}
