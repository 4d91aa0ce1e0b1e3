// Which code of conduct a file holds: the Linux Foundation's (LF Projects), the Contributor
// Covenant and its version, a few other well-known codes, a file that only points elsewhere, or
// other. Recognised by distinctive phrases and links, each reported with its line.
import { lineAt } from './files.js';
import { countWords } from './inline.js';

export type CocKind =
  | 'linux-foundation'
  | 'contributor-covenant'
  | 'python-software-foundation'
  | 'numfocus'
  | 'citizen-code-of-conduct'
  | 'link'
  | 'other'
  | 'empty';

export interface CocIdentity {
  kind: CocKind;
  /** Contributor Covenant version, e.g. `2.1` */
  version?: string;
  /** the phrase or link that decided it, and its line */
  matched?: string;
  line?: number;
  /** a link-only file: where it points */
  link?: string;
  /** other codes the text also names (e.g. a Covenant text that adopts the LF code too) */
  alsoMentions: CocKind[];
  words: number;
}

interface Marker {
  kind: CocKind;
  re: RegExp;
}

// Links first: a link names a code exactly; phrases are the fallback.
const LF: Marker[] = [
  { kind: 'linux-foundation', re: /lfprojects\.org\/policies\/code-of-conduct/i },
  { kind: 'linux-foundation', re: /linuxfoundation\.org\/(?:policies\/)?code-of-conduct/i },
  { kind: 'linux-foundation', re: /\b(?:the\s+)?(?:LF\s+Projects|Linux\s+Foundation(?:['’]s)?)\s+Code\s+of\s+Conduct\b/i },
  { kind: 'linux-foundation', re: /\bLF\s+Projects,\s+LLC\b/ },
];
const COVENANT: Marker[] = [
  { kind: 'contributor-covenant', re: /contributor-covenant\.org/i },
  { kind: 'contributor-covenant', re: /\bContributor\s+Covenant\b/i },
];
const OTHERS: Marker[] = [
  {
    kind: 'python-software-foundation',
    re: /python\.org\/psf\/conduct|\bPython\s+Software\s+Foundation(?:['’]s)?\s+Code\s+of\s+Conduct\b|\bPSF\s+Code\s+of\s+Conduct\b/i,
  },
  { kind: 'numfocus', re: /numfocus\.org\/code-of-conduct|\bNumFOCUS\s+Code\s+of\s+Conduct\b/i },
  { kind: 'citizen-code-of-conduct', re: /citizencodeofconduct\.org|\bCitizen\s+Code\s+of\s+Conduct\b/i },
];

/** A file this short whose content is a link is a pointer to another code, not a code. */
const LINK_ONLY_WORDS = 80;

// Naming the LF code is not adopting it ("we do not follow https://lfprojects.org/…"): it is the
// LF code when the file is the LF's own text or a sentence adopts it without a negation.
const ADOPTS =
  /\b(?:adopt\w*|follow\w*|abides?|abiding|subject\s+to|governed\s+by|appl(?:y|ies)|bound\s+by|uses?|observes?|compl(?:y|ies)|adheres?|is\s+(?:the|our)|our\s+code)\b/i;
const NEGATES =
  /\b(?:not|no\s+longer|never|nor|neither|instead\s+of|rather\s+than|unlike|except|replac\w*|differs?|different\s+from|without|supersed\w*)\b|n['’]t\b/i;
const LF_OWN_TEXT = /LF\s+Projects,\s+LLC/g;

/** The sentence of `text` around offset `at` (bounded: stops at . ! ? or a blank line). */
function sentenceAround(text: string, at: number): string {
  let from = at;
  while (from > 0 && at - from < 600) {
    const c = text[from - 1]!;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[from] ?? ' ')) break;
    if (c === '\n' && text[from - 2] === '\n') break;
    from--;
  }
  let to = at;
  while (to < text.length && to - at < 600) {
    const c = text[to]!;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[to + 1] ?? ' ')) break;
    if (c === '\n' && text[to + 1] === '\n') break;
    to++;
  }
  return text.slice(from, to);
}

/** Whether the LF code is adopted, not merely named: its own text, or a sentence that adopts it. */
function adoptsLf(body: string, words: number): boolean {
  const mentions: number[] = [];
  for (const m of LF) {
    const re = new RegExp(m.re.source, m.re.flags.includes('g') ? m.re.flags : `${m.re.flags}g`);
    for (const found of body.matchAll(re)) {
      mentions.push(found.index);
      if (mentions.length > 50) break;
    }
  }
  const affirmed = mentions.filter((at) => !NEGATES.test(sentenceAround(body, at)));
  if (affirmed.length === 0) return false;
  // the LF's own text (it names its publisher) or a file that is nothing but the pointer
  if ([...body.matchAll(LF_OWN_TEXT)].some((m) => !NEGATES.test(sentenceAround(body, m.index)))) return true;
  if (words <= 12) return true;
  return affirmed.some((at) => ADOPTS.test(sentenceAround(body, at)));
}

export function classifyCodeOfConduct(text: string): CocIdentity {
  const body = text.slice(0, 256 * 1024);
  const words = countWords(body.replace(/\bhttps?:\/\/\S+/gi, ' '));
  if (body.trim() === '') return { kind: 'empty', alsoMentions: [], words: 0 };
  const hit = (markers: Marker[]) => {
    for (const m of markers) {
      const found = m.re.exec(body);
      if (found) return { kind: m.kind, matched: found[0], line: lineAt(body, found.index) };
    }
    return undefined;
  };
  const named = hit(LF);
  const lf = named && adoptsLf(body, words) ? named : undefined;
  const cov = hit(COVENANT);
  const other = hit(OTHERS);
  const version = cov ? covenantVersion(body) : undefined;
  // A full Covenant text that also says the LF code applies is still the Covenant unless the LF
  // code is the one adopted: the LF's own text ("LF Projects, LLC") or a short file naming it.
  let chosen = lf ?? cov ?? other;
  if (lf && cov) {
    const lfAdopted = /LF\s+Projects,\s+LLC/.test(body) || words <= LINK_ONLY_WORDS * 2;
    chosen = lfAdopted ? lf : cov;
  }
  const mentions = [lf ?? named, cov, other].filter((m): m is NonNullable<typeof m> => m !== undefined && m !== chosen).map((m) => m.kind);
  if (chosen) {
    const id: CocIdentity = { kind: chosen.kind, matched: chosen.matched, line: chosen.line, alsoMentions: mentions, words };
    if (chosen.kind === 'contributor-covenant' && version) id.version = version;
    return id;
  }
  const link = /\bhttps?:\/\/[^\s<>()"'`\]]+/i.exec(body);
  if (link && words <= LINK_ONLY_WORDS) {
    return { kind: 'link', link: link[0].replace(/[.,;:]+$/, ''), line: lineAt(body, link.index), alsoMentions: mentions, words };
  }
  return { kind: 'other', alsoMentions: mentions, words };
}

/** The Covenant's version from "version 2.1", "v1.4" or a contributor-covenant.org/version/2/1 link. */
export function covenantVersion(text: string): string | undefined {
  const url = /contributor-covenant\.org\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?version\/(\d+)\/(\d+)/i.exec(text);
  if (url) return `${url[1]}.${url[2]}`;
  const words =
    /Contributor\s+Covenant[^\n]{0,200}?\b(?:version|v)\s*(\d+\.\d+)/i.exec(text) ??
    /\bversion\s+(\d+\.\d+)[^\n]{0,120}contributor-covenant/i.exec(text) ??
    /\bversion\s+(\d+\.\d+),?\s+available\s+at/i.exec(text);
  return words?.[1];
}
