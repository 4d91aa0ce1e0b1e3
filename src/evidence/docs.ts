// The README and the documentation pages requirements 4, 5, 6 and 16 read, gathered once: the
// root README chosen and read into blocks and links, the docs index and quick-start pages the
// same way, and the site_url of mkdocs.yml. The requirements judge these facts and never parse a
// file; the text itself stays in the evidence's files.
import type { DocFile, DocPage, DocsEvidence, Evidence, ReadmeFacts } from './types.js';
import { baseOf, indexTree } from './community/files.js';
import { readDoc, rootReadme } from './community/locate.js';

/** Pages of docs/ or doc/ (or their source/) that may hold a quick start: the front page and the usual names. */
const DOCS_PAGE = /^(index|quick[_-]?start|getting[_-]?started|get[_-]?started|install|installation)\.(md|markdown|rst|txt)$/i;
const DOCS_DIRS = ['docs', 'doc', 'docs/source', 'doc/source'];

/** Whether the docs facts read this file (so the gatherer reads it from git). */
export function isDocsPage(dir: string, base: string): boolean {
  return DOCS_DIRS.includes(dir) && DOCS_PAGE.test(base);
}

export function extractDocs(evidence: Pick<Evidence, 'tree' | 'files'>): DocsEvidence {
  const docs: DocsEvidence = { readme: readmeFacts(evidence), pages: docsPages(evidence) };
  const site = mkdocsSite(evidence);
  if (site) {
    docs.mkdocsSiteUrl = site.url;
    if (site.path !== 'mkdocs.yml') docs.mkdocsSitePath = site.path;
  }
  return docs;
}

function readmeFacts(evidence: Pick<Evidence, 'tree' | 'files'>): ReadmeFacts {
  const info = rootReadme(evidence);
  const facts: ReadmeFacts = { otherFormats: info.otherFormats, elsewhere: info.elsewhere };
  if (info.file) {
    const { path, problem, notes, symlinkTarget } = info.file;
    const file: DocFile = { path, notes };
    if (problem !== undefined) file.problem = problem;
    if (symlinkTarget !== undefined) file.symlinkTarget = symlinkTarget;
    facts.file = file;
  }
  if (info.doc) facts.structure = info.doc;
  return facts;
}

/** The docs index and quick-start pages, indexes first (the docs' front page), each read. */
function docsPages(evidence: Pick<Evidence, 'tree' | 'files'>): DocPage[] {
  const paths: string[] = [];
  const idx = indexTree(evidence.tree);
  for (const dir of DOCS_DIRS) {
    for (const e of idx.byDir.get(dir) ?? []) {
      if (e.type === 'blob' && DOCS_PAGE.test(baseOf(e.path))) paths.push(e.path);
    }
  }
  paths.sort((a, b) => Number(!/\/index\./i.test(a)) - Number(!/\/index\./i.test(b)) || (a < b ? -1 : 1));
  return paths.map((path) => {
    const { file, doc } = readDoc(evidence, path);
    const page: DocPage = { path };
    if (file.problem !== undefined) page.problem = file.problem;
    if (doc) page.structure = doc;
    return page;
  });
}

/** site_url from mkdocs.yml, without a YAML parser on the check path: one top-level key. */
function mkdocsSite(evidence: Pick<Evidence, 'files'>): { url: string; path: string } | undefined {
  for (const path of ['mkdocs.yml', 'mkdocs.yaml']) {
    const text = evidence.files[path]?.text;
    const m = text ? /^site_url:\s*["']?(https?:\/\/[^\s"'#]+)/m.exec(text) : null;
    if (m?.[1]) return { url: m[1], path };
  }
  return undefined;
}
