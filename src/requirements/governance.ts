// Requirement 3: Governance. Whether governance is documented is measured (a GOVERNANCE file, a
// docs governance page, a README "Governance" section); whether it is defined and implemented is
// for a reviewer, so its opening is quoted as evidence.
import { findUnder, baseOf } from '../evidence/community/files.js';
import { fileRef, locate, quote, rootReadme, readDoc } from '../evidence/community/locate.js';
import { cleanInline, isLinkOnly, sectionAfter } from '../evidence/community/readme.js';
import { defineRule } from './rule.js';

const NAME = /^governance([._-][^/]*)?$/i;
const PAGE = /^governance[^/]*\.(md|markdown|rst|txt|html?|adoc)$/i;

/** The first prose of a governance text, for a reviewer. */
function excerpt(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !/^\s*(#|=+\s*$|-+\s*$|\.\.)/.test(l) && !isLinkOnly(l));
  return lines.length ? quote(cleanInline(lines.slice(0, 6).join(' ')), 400) : undefined;
}

export const governance = defineRule({
  meta: {
    key: 'governance',
    automation: 'partial',
    measures:
      'A GOVERNANCE file in the root, .github/ or docs/, a docs/**/governance* page, or a README heading containing "Governance"; its content is shown for a reviewer.',
    messages: {},
  },
  options: (z) => z.strictObject({}),
  evaluate(evidence) {
    const files = locate(evidence, (b) => NAME.test(b));
    const usable = files.find((f) => !f.problem);
    const review = 'A reviewer must confirm it defines how decisions are made and who makes them.';
    if (usable) {
      const ex = excerpt(usable.text);
      return {
        status: 'pass',
        summary: `Governance is documented in ${usable.path}. ${review}`,
        measured: { path: usable.path, ...(ex ? { excerpt: ex } : {}) },
        evidence: [fileRef(usable.path, 1, ex)],
      };
    }
    const pages = ['docs', 'doc'].flatMap((d) => findUnder(evidence.tree, d, (b) => PAGE.test(b))).map((e) => e.path);
    for (const page of pages) {
      const { file } = readDoc(evidence, page);
      if (file.problem && !/was not read$/.test(file.problem)) continue;
      const ex = excerpt(file.text);
      return {
        status: 'pass',
        summary: `Governance is documented in ${page}. ${review}`,
        measured: { path: page, ...(ex ? { excerpt: ex } : {}) },
        evidence: [fileRef(page, 1, ex)],
      };
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
        const ex = body.trim() ? quote(cleanInline(body), 400) : undefined;
        return {
          status: 'pass',
          summary: `Governance is described under the "${h.text}" heading of ${file.path} (line ${h.line}). ${review}`,
          measured: { path: `${file.path}#${h.text}`, ...(ex ? { excerpt: ex } : {}) },
          evidence: [fileRef(file.path, h.line, ex)],
        };
      }
    }
    const broken = files[0];
    return {
      status: 'fail',
      summary: broken
        ? `The governance file cannot be used: ${broken.problem}.`
        : 'No governance documentation: no GOVERNANCE file in the root, .github/ or docs/, no docs governance page, no README "Governance" section.',
      measured: { path: null, ...(broken ? { problem: broken.problem } : {}) },
      evidence: broken ? [fileRef(broken.path, undefined, broken.problem)] : [],
      fix: `Add GOVERNANCE.md at the root describing who the maintainers are, how they are added and removed, and how decisions are made (the LF's Minimum Viable Governance is a template: https://github.com/github/MVG).${broken ? ` ${baseOf(broken.path)} must be a regular file with content.` : ''}`,
    };
  },
});
