// Where governance is documented besides a GOVERNANCE file: a docs/**/governance* page, or a
// README heading containing "Governance"; each with its opening, quoted for a reviewer.
import type { Evidence, GovernanceFacts } from '../types.js';
import { findUnder } from './files.js';
import { cleanInline, isLinkOnly, sectionAfter } from './readme.js';
import { quote, readDoc, rootReadme } from './locate.js';

const PAGE = /^governance[^/]*\.(md|markdown|rst|txt|html?|adoc)$/i;

/** The first prose of a governance text, for a reviewer. */
export function governanceExcerpt(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !/^\s*(#|=+\s*$|-+\s*$|\.\.)/.test(l) && !isLinkOnly(l));
  return lines.length ? quote(cleanInline(lines.slice(0, 6).join(' ')), 400) : undefined;
}

export function governanceFacts(evidence: Pick<Evidence, 'tree' | 'files'>): GovernanceFacts {
  const facts: GovernanceFacts = { pages: [] };
  for (const path of ['docs', 'doc'].flatMap((d) => findUnder(evidence.tree, d, (b) => PAGE.test(b))).map((e) => e.path)) {
    const { file } = readDoc(evidence, path);
    // a page left unread (too large) still documents governance, only without its opening
    if (file.problem && !/was not read$/.test(file.problem)) continue;
    const excerpt = governanceExcerpt(file.text);
    facts.pages.push({ path, ...(excerpt ? { excerpt } : {}) });
  }
  const { doc, file } = rootReadme(evidence);
  if (doc && file) {
    const k = doc.blocks.findIndex((b) => b.kind === 'heading' && /governance/i.test(b.text));
    if (k >= 0) {
      const h = doc.blocks[k]!;
      const body = sectionAfter(doc.blocks, k)
        .filter((b) => b.kind !== 'code' && b.kind !== 'html')
        .map((b) => b.text)
        .join(' ');
      const excerpt = body.trim() ? quote(cleanInline(body), 400) : undefined;
      facts.readmeSection = { path: file.path, heading: h.text, line: h.line, ...(excerpt ? { excerpt } : {}) };
    }
  }
  return facts;
}
