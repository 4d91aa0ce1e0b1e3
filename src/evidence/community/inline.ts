// Inline text of Markdown and reStructuredText: the words a reader sees, whether a line is only
// links and badges, and where the links point. Every pattern is bounded and stays within a line,
// so hostile text costs linear time.
import type { DocFormat, Link } from '../types.js';

// Quantifiers are bounded and never cross a line: the same patterns run on hostile text.
const IMG = /!\[[^\]\n]{0,500}\](?:\([^)\n]{0,2000}\)|\[[^\]\n]{0,500}\])/g;
const LINKED_BADGE = /\[!\[[^\]\n]{0,500}\](?:\([^)\n]{0,2000}\)|\[[^\]\n]{0,500}\])\](?:\([^)\n]{0,2000}\)|\[[^\]\n]{0,500}\])/g;
const INLINE_LINK = /\[([^\]\n]{0,500})\](?:\([^)\n]{0,2000}\)|\[[^\]\n]{0,500}\])/g;
const RST_INLINE_LINK = /`([^`<\n]{0,500}?)\s*<[^>`\n]{0,2000}>`_{1,2}/g;
const RST_ROLE = /:[\w:+-]{1,50}:`([^`\n]{0,500})`/g;
const AUTOLINK = /<https?:[^>\s]{0,2000}>/gi;
const TAG = /<\/?[A-Za-z][^>\n]{0,1000}>/g;
const COMMENT = /<!--[^\n]{0,2000}?-->/g;
const URL = /\bhttps?:\/\/\S+/gi;
const SUBST = /\|[^|\s\n][^|\n]{0,200}\|_{0,2}/g;
// `&nbsp;`, `&mdash;`, `&#160;`: spacing and punctuation a reader sees, never words
const ENTITY = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});/g;

/** Inline markup reduced to the words a reader sees: link text kept, images, URLs and tags dropped. */
export function cleanInline(s: string): string {
  return s
    .replace(LINKED_BADGE, ' ')
    .replace(IMG, ' ')
    .replace(INLINE_LINK, '$1')
    .replace(RST_INLINE_LINK, '$1')
    .replace(RST_ROLE, '$1')
    .replace(AUTOLINK, ' ')
    .replace(COMMENT, ' ')
    .replace(TAG, ' ')
    .replace(URL, ' ')
    .replace(SUBST, ' ')
    .replace(ENTITY, ' ')
    .replace(/[*_~]{1,3}(\S[^*_~\n]{0,500}?)[*_~]{1,3}/g, '$1')
    .replace(/`+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function countWords(s: string): number {
  let n = 0;
  for (const _ of s.matchAll(WORD)) n++;
  return n;
}

/** A paragraph made only of links, badges and images (a navigation bar, a badge row). */
export function isLinkOnly(raw: string): boolean {
  const rest = raw
    .replace(LINKED_BADGE, ' ')
    .replace(IMG, ' ')
    .replace(INLINE_LINK, ' ')
    .replace(/^\s{0,3}\[[^\]\n]{1,500}\]:[^\n]*$/gm, ' ') // reference definitions
    .replace(RST_INLINE_LINK, ' ')
    .replace(SUBST, ' ')
    .replace(AUTOLINK, ' ')
    .replace(COMMENT, ' ')
    .replace(TAG, ' ')
    .replace(URL, ' ')
    .replace(ENTITY, ' ');
  return countWords(rest) === 0;
}

const MD_LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^"']*["'])?\s*\)/g;
const MD_REF = /^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s.*)?$/;
const RST_LINK = /`([^`<]*)<([^>`]+)>`_{1,2}/g;
const RST_TARGET = /^\s*\.\.\s+_([^:]+):\s*(\S+)/;
const HREF = /\b(?:href|src)\s*=\s*["']([^"']+)["']/gi;
const BARE = /\bhttps?:\/\/[^\s<>()"'`\]]+/gi;

export function extractLinks(lines: string[], format: DocFormat): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  const add = (url: string, text: string, line: number) => {
    const u = url.replace(/[.,;:]+$/, '');
    const key = `${line}\0${u}`;
    if (u === '' || seen.has(key)) return;
    seen.add(key);
    links.push({ url: u, text: text.trim(), line });
  };
  lines.forEach((l, k) => {
    const line = k + 1;
    if (l.length > 10_000) return; // a minified blob on one line is not documentation
    if (format === 'markdown') {
      const ref = MD_REF.exec(l);
      if (ref) add(ref[2]!, ref[1]!, line);
      for (const m of l.matchAll(MD_LINK)) {
        const open = l.lastIndexOf('[', m.index);
        add(m[1]!, open >= 0 ? l.slice(open + 1, m.index) : '', line);
      }
    } else {
      const target = RST_TARGET.exec(l);
      if (target) add(target[2]!, target[1]!, line);
      for (const m of l.matchAll(RST_LINK)) add(m[2]!, m[1]!, line);
      const dir = /^\s*\.\.\s+(?:\|[^|]+\|\s+)?(?:image|figure)::\s*(\S+)/.exec(l);
      if (dir) add(dir[1]!, '', line);
      const opt = /^\s+:target:\s*(\S+)/.exec(l);
      if (opt) add(opt[1]!, '', line);
    }
    for (const m of l.matchAll(HREF)) add(m[1]!, '', line);
    for (const m of l.matchAll(BARE)) add(m[0], '', line);
  });
  return links;
}
