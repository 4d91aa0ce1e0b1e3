// Requirement 6: Documentation. A documentation source in the tree (docs/ or doc/ of a few files,
// MkDocs, Sphinx, Read the Docs configuration) or a published documentation URL. Whether it is
// clear and comprehensive is for a reviewer; the source and URL are the evidence.
import type { Evidence, EvidenceRef } from '../evidence/types.js';
import { countUnder, findUnder, indexTree } from '../evidence/community/files.js';
import { fileRef } from '../evidence/community/locate.js';
import { defineRule, say } from './rule.js';
import type { RuleMeta } from './types.js';

const DOCS_HOST =
  /^https?:\/\/(?:[\w-]+\.)*(?:readthedocs\.io|readthedocs\.org|readthedocs-hosted\.com|rtfd\.io|github\.io|gitlab\.io)(?:[/:?#]|$)|^https?:\/\/docs\.[\w.-]+/i;
/** Badges and images point at documentation hosts without being documentation. */
const NOT_DOCS = /\/badge\/|badge(?:\.svg)?(?:[?#]|$)|\.(?:svg|png|jpe?g|gif|webp)(?:[?#]|$)|shields\.io/i;

interface Source {
  kind: 'mkdocs' | 'sphinx' | 'readthedocs' | 'docs-dir';
  path: string;
  files?: number;
}

function sources(evidence: Evidence, minFiles: number): { found: Source[]; small: { path: string; files: number }[] } {
  const idx = indexTree(evidence.tree);
  const found: Source[] = [];
  for (const e of idx.byDir.get('') ?? []) {
    if (e.type !== 'blob') continue;
    if (/^mkdocs\.ya?ml$/i.test(e.path)) found.push({ kind: 'mkdocs', path: e.path });
    if (/^\.readthedocs\.ya?ml$/i.test(e.path) || e.path === 'readthedocs.yml' || e.path === 'readthedocs.yaml')
      found.push({ kind: 'readthedocs', path: e.path });
  }
  const small: { path: string; files: number }[] = [];
  const topDirs = [...idx.topDirs].filter((d) => /^docs?$/i.test(d)).sort();
  for (const d of topDirs) {
    for (const e of findUnder(evidence.tree, d, (b) => b === 'conf.py')) {
      if (e.path.split('/').length <= 4) found.push({ kind: 'sphinx', path: e.path });
    }
    const n = countUnder(evidence.tree, d);
    if (n >= minFiles) found.push({ kind: 'docs-dir', path: `${d}/`, files: n });
    else small.push({ path: `${d}/`, files: n });
  }
  return { found, small };
}

interface DocUrl {
  url: string;
  ref: EvidenceRef;
  /** a README link to a docs host that does not name this project */
  unrelated?: boolean;
}

function urls(evidence: Evidence): DocUrl[] {
  const out: DocUrl[] = [];
  for (const [key, url] of Object.entries(evidence.python.urls)) {
    if (typeof url !== 'string') continue;
    if (
      /^(documentation|docs?|doc\s*url|api\s*reference|manual|reference)$/i.test(key.trim()) ||
      (DOCS_HOST.test(url) && !NOT_DOCS.test(url))
    ) {
      out.push({ url, ref: { kind: 'file', ref: evidence.python.distribution?.file ?? 'pyproject.toml', detail: `project URL "${key}"` } });
    }
  }
  const site = evidence.docs.mkdocsSiteUrl;
  if (site) out.push({ url: site, ref: fileRef(evidence.docs.mkdocsSitePath ?? 'mkdocs.yml', undefined, 'site_url') });
  const { structure: doc, file } = evidence.docs.readme;
  if (doc && file) {
    const names = projectNames(evidence);
    for (const l of doc.links) {
      if (!DOCS_HOST.test(l.url) || NOT_DOCS.test(l.url)) continue;
      // READMEs link other projects' docs too (a "code style: black" badge, a related library):
      // only a URL that names this project is its documentation; others are for a reviewer
      const flat = siteOf(l.url)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '');
      const own = names.some((n) => flat.includes(n));
      out.push({ url: l.url, ref: fileRef(file.path, l.line, l.url), ...(own ? {} : { unrelated: true }) });
    }
  }
  return out;
}

/** Host and first path segment: whose site it is (`proj.readthedocs.io`, `org.github.io/proj`), not the page's topic. */
function siteOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}/${u.pathname.split('/')[1] ?? ''}`;
  } catch {
    return url;
  }
}

const GENERIC = new Set(['pytorch', 'torch', 'python', 'py', 'lib', 'the', 'core', 'docs', 'main', 'repo', 'project']);

/** The project's names, flattened, to recognise its own documentation URL. */
function projectNames(evidence: Evidence): string[] {
  const raw = [evidence.python.distribution?.name, evidence.repo.slug?.split('/')[1], evidence.repo.slug?.split('/')[0]];
  const out = new Set<string>();
  for (const r of raw) {
    if (!r) continue;
    const flat = r.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (flat.length >= 3 && !GENERIC.has(flat)) out.add(flat);
    for (const part of r.toLowerCase().split(/[^a-z0-9]+/)) if (part.length >= 4 && !GENERIC.has(part)) out.add(part);
  }
  return [...out];
}

const meta = {
  key: 'documentation',
  automation: 'partial',
  measures:
    'A documentation source (docs/ or doc/ with at least {options.minFiles} files, mkdocs.yml, Sphinx conf.py, .readthedocs.yml) or a documentation URL (readthedocs.io, github.io, a docs. host, or a Documentation project URL).',
  messages: {
    source: 'Documentation: {source}. A reviewer judges whether it is clear and comprehensive.',
    url: 'Documentation: documentation is published at {url}. A reviewer judges whether it is clear and comprehensive.',
    sourceAndUrl: 'Documentation: {source}; documentation is published at {url}. A reviewer judges whether it is clear and comprehensive.',
    docsDir: '{path} holds {files} files',
    tool: '{path} ({tool})',
    unrelated:
      "No documentation source in the tree; {where} links to {url}, which does not name this project: a reviewer must confirm it is this project's documentation.",
    missing:
      'No documentation found: no docs source (docs/ or doc/ with at least {min} files, mkdocs.yml, Sphinx conf.py, .readthedocs.yml) and no documentation URL{small}.',
    small: ' ({dirs}; at least {min} are needed)',
    smallDir: '{path} has {files} file(s)',
  },
} as const satisfies RuleMeta;

const TOOL_NAMES = { mkdocs: 'MkDocs', sphinx: 'Sphinx', readthedocs: 'Read the Docs' } as const;

export const documentation = defineRule({
  meta,
  options: (z) => z.strictObject({ minFiles: z.number().int().min(0) }),
  evaluate(evidence, { options }) {
    const min = options.minFiles;
    const { found, small } = sources(evidence, min);
    const all = urls(evidence);
    const seen = new Set<string>();
    const unique = all.filter((l) => (seen.has(l.url) ? false : (seen.add(l.url), true)));
    const uniqueLinks = unique.filter((l) => !l.unrelated);
    const unrelated = unique.filter((l) => l.unrelated);
    const source = found[0];
    const url = uniqueLinks[0];
    const measured: Record<string, unknown> = {
      source: source ? source.path : null,
      url: url ? url.url : null,
      ...(found.length > 1 ? { sources: found.map((f) => f.path) } : {}),
      ...(uniqueLinks.length > 1 ? { urls: uniqueLinks.slice(0, 10).map((l) => l.url) } : {}),
      ...(small.length ? { smallDocsDirs: small } : {}),
    };
    if (source || url) {
      const described = source
        ? source.kind === 'docs-dir'
          ? say(meta, 'docsDir', { path: source.path, files: source.files ?? 0 }).summary
          : say(meta, 'tool', { path: source.path, tool: TOOL_NAMES[source.kind] }).summary
        : '';
      const refs: EvidenceRef[] = [];
      if (source) refs.push(fileRef(source.path));
      if (url) refs.push(url.ref);
      return {
        status: 'pass',
        ...(source && url
          ? say(meta, 'sourceAndUrl', { source: described, url: url.url })
          : source
            ? say(meta, 'source', { source: described })
            : say(meta, 'url', { url: url!.url })),
        measured,
        evidence: refs,
      };
    }
    if (unrelated.length > 0) {
      const u = unrelated[0]!;
      return {
        status: 'review',
        ...say(meta, 'unrelated', { where: u.ref.ref, url: u.url }),
        measured: { ...measured, candidates: unrelated.slice(0, 10).map((l) => l.url) },
        evidence: unrelated.slice(0, 3).map((l) => l.ref),
        fix: "Add a Documentation URL to [project.urls] in pyproject.toml, or a docs/ folder (Sphinx or MkDocs), so the project's own documentation is unambiguous.",
      };
    }
    const smallNote = small.length
      ? say(meta, 'small', { dirs: small.map((s) => say(meta, 'smallDir', { path: s.path, files: s.files }).summary).join(', '), min })
          .summary
      : '';
    return {
      status: 'fail',
      ...say(meta, 'missing', { min, small: smallNote }),
      measured,
      evidence: small.map((s) => fileRef(s.path)),
      fix: 'Add documentation: a docs/ folder built with Sphinx or MkDocs (and published, e.g. on Read the Docs), linked from the README and from [project.urls] Documentation in pyproject.toml.',
    };
  },
});
