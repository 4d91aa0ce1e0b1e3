// The community and documentation files requirements 3–6, 11 and 16–19 read (README,
// CONTRIBUTING, CODEOWNERS, CODE_OF_CONDUCT, GOVERNANCE, MAINTAINERS, docs pages), and the
// SECURITY, SUPPORT and RELEASE files a lifecycle policy asks for. Only these are
// read from git; everything else those requirements need (LICENSE, docs/ size, conf.py) is a
// question about the tree alone. The parsers live in ./community/; what they find is gathered
// once into the evidence's `community` section (extractCommunity), and the README and docs pages
// into its `docs` section (./docs.ts), which requirements read.
import type { CommunityEvidence, CommunityFileFacts, CommunityFileFound, Evidence } from './types.js';
import { ownership } from './community/owners.js';
import { COMMUNITY_FILE_KINDS } from './community/kinds/index.js';
import { findUnder } from './community/files.js';
import { governanceFacts } from './community/governance.js';
import { locate } from './community/locate.js';
import { isDocsPage } from './docs.js';

/**
 * Names read in the root, .github/ and docs/ besides the registered community files: the README
 * (./docs.ts) and the CODEOWNERS, MAINTAINERS / OWNERS and emeritus files the ownership facts come
 * from (./community/owners.ts). Any case: a wrong case is reported, so it must be seen.
 */
const READ_BESIDES_KINDS = /^(readme|codeowners|maintainers|owners|emeritus|alumni|retired)([._-][^/]*)?$/i;

/** Whether a text file's name in GitHub's places is one the gatherer reads: a registered community file or one of the names above. */
function placed(base: string): boolean {
  return TEXT_EXT.test(base) && (READ_BESIDES_KINDS.test(base) || COMMUNITY_FILE_KINDS.some((k) => k.matches(base)));
}
/** Extensions a community file may have; images, PDFs and archives named README.* are not read. */
const TEXT_EXT = /(^[^.]*$)|\.(md|markdown|mdown|rst|txt|text|adoc|asciidoc|org|html?|ya?ml|toml|json|csv)$/i;

export function wantsCommunityFile(path: string): boolean {
  // called for every path of the tree: reject the deep majority before any regex runs
  const c = path.charCodeAt(0);
  if (
    path.includes('/') &&
    !(c === 0x2e /* . */ ? path.startsWith('.github/') : c === 0x64 /* d */ && (path.startsWith('docs/') || path.startsWith('doc/')))
  )
    return false;
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '' : path.slice(0, slash);
  const base = path.slice(slash + 1);
  if (dir === '' && /^mkdocs\.ya?ml$/i.test(base)) return true;
  if ((dir === '' || dir === '.github' || dir === 'docs') && placed(base)) return true;
  if (isDocsPage(dir, base)) return true;
  // governance pages anywhere under docs/ or doc/ (the README may only link to them)
  if (/^docs?\//.test(dir + '/') && /^governance[^/]*\.(md|markdown|rst|txt)$/i.test(base)) return true;
  return false;
}

/** The community facts of a tree and its read files, for the evidence's `community` section. */
export function extractCommunity(evidence: Pick<Evidence, 'tree' | 'files'>): CommunityEvidence {
  return { ownership: ownership(evidence), files: communityFiles(evidence), governance: governanceFacts(evidence) };
}

/** Each registered community file: where it is found and whether it can be used. */
function communityFiles(evidence: Pick<Evidence, 'tree' | 'files'>): Record<string, CommunityFileFacts> {
  const out: Record<string, CommunityFileFacts> = {};
  for (const kind of COMMUNITY_FILE_KINDS) {
    const found = locate(evidence, kind.matches).map((f): CommunityFileFound => {
      return {
        path: f.path,
        ...(f.problem !== undefined ? { problem: f.problem } : {}),
        notes: f.notes,
        ...(f.symlinkTarget !== undefined ? { symlinkTarget: f.symlinkTarget } : {}),
        ...(f.text !== undefined && kind.read ? kind.read(f.text) : {}),
      };
    });
    const deeper = ['docs', 'doc']
      .flatMap((d) => findUnder(evidence.tree, d, kind.matches))
      .map((e) => e.path)
      .filter((p) => !found.some((f) => f.path === p));
    out[kind.id] = { found, deeper };
  }
  return out;
}
