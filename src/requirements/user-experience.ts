// Requirement 4: User experience. The README must open with prose that says what the project
// is for: words counted before the first code block or install heading, skipping badges,
// images, HTML, headings and link-only lines. The opening paragraph is quoted for a reviewer.
import type { Block, DocStructure } from '../evidence/types.js';
import { cleanInline, countWords, isLinkOnly } from '../evidence/community/inline.js';
import { fileRef, quote } from '../evidence/community/locate.js';
import { defineRule, say } from './rule.js';
import type { RuleMeta } from './types.js';

/** Headings that start the installation part of a README. */
export const INSTALL_HEADING =
  /\b(install(?:ation|ing)?|quick[\s_-]?start|getting[\s_-]?started|get[\s_-]?started|set[\s_-]?up|setup|requirements|prerequisites)\b/i;

export interface Opening {
  words: number;
  paragraph?: { text: string; line: number };
  /** where counting stopped: the first code block or install heading */
  stop?: { kind: 'code' | 'heading'; line: number; text: string };
}

export function opening(doc: DocStructure): Opening {
  let words = 0;
  let paragraph: Opening['paragraph'];
  for (const b of doc.blocks) {
    if (b.kind === 'code')
      return {
        words,
        ...(paragraph ? { paragraph } : {}),
        stop: { kind: 'code', line: b.line, text: b.lang ? `${b.lang} code block` : 'code block' },
      };
    if (b.kind === 'heading') {
      if (INSTALL_HEADING.test(b.text))
        return { words, ...(paragraph ? { paragraph } : {}), stop: { kind: 'heading', line: b.line, text: b.text } };
      continue;
    }
    if (!isProse(b)) continue;
    const clean = cleanInline(b.text);
    const n = countWords(clean);
    words += n;
    if (!paragraph && b.kind === 'paragraph' && n > 0) paragraph = { text: clean, line: b.line };
  }
  return { words, ...(paragraph ? { paragraph } : {}) };
}

function isProse(b: Block): boolean {
  return (b.kind === 'paragraph' || b.kind === 'list' || b.kind === 'quote') && !isLinkOnly(b.text);
}

const meta = {
  key: 'user-experience',
  automation: 'partial',
  measures:
    'The README opens with a prose description of at least {options.minWords} words before the first code block or install heading; the opening paragraph is quoted for a reviewer.',
  messages: {
    otherFormat: "{path} is in a format the checker does not read; a reviewer must judge whether it explains the project's value.",
    unreadable: 'The README cannot be read: {problem}.',
    missing: "No README at the root, so the project's value proposition is not documented.",
    enough: '{path} opens with {words} words of description{until}; a reviewer should read the opening paragraph (quoted).',
    tooFew: "{path} opens with {words} word(s) of description{until}; at least {min} are needed to explain the project's value.",
    untilCode: ' before the first code block (line {line})',
    untilHeading: ' before the "{heading}" heading (line {line})',
  },
} as const satisfies RuleMeta;

export const userExperience = defineRule({
  meta,
  options: (z) => z.strictObject({ minWords: z.number().int().min(0) }),
  evaluate(evidence, { options }) {
    const min = options.minWords;
    const { file, structure: doc, otherFormats } = evidence.docs.readme;
    if (!file || !doc) {
      if (!file && otherFormats[0]) {
        return {
          status: 'review',
          ...say(meta, 'otherFormat', { path: otherFormats[0] }),
          measured: { readmeWords: null, openingParagraph: null, path: otherFormats[0] },
          evidence: [fileRef(otherFormats[0])],
        };
      }
      return {
        status: 'fail',
        ...(file ? say(meta, 'unreadable', { problem: String(file.problem) }) : say(meta, 'missing')),
        measured: { readmeWords: 0, openingParagraph: null, ...(file ? { path: file.path, problem: file.problem } : {}) },
        evidence: file ? [fileRef(file.path, undefined, file.problem)] : [],
        fix: `Add README.md at the root opening with a paragraph of at least ${min} words on what the project does, for whom, and why it is useful, before installation instructions.`,
      };
    }
    const o = opening(doc);
    const para = o.paragraph ? quote(o.paragraph.text) : null;
    const measured: Record<string, unknown> = { path: file.path, readmeWords: o.words, required: min, openingParagraph: para };
    if (o.stop) measured['countedUntil'] = o.stop;
    const refs = [fileRef(file.path, o.paragraph?.line ?? 1, para ?? undefined)];
    // where counting stopped, a clause of the summary worded with the rule's messages
    const until = !o.stop
      ? ''
      : o.stop.kind === 'code'
        ? say(meta, 'untilCode', { line: o.stop.line }).summary
        : say(meta, 'untilHeading', { heading: o.stop.text, line: o.stop.line }).summary;
    if (o.words >= min) {
      return {
        status: 'pass',
        ...say(meta, 'enough', { path: file.path, words: o.words, until }),
        measured,
        evidence: refs,
      };
    }
    return {
      status: 'fail',
      ...say(meta, 'tooFew', { path: file.path, words: o.words, until, min }),
      measured,
      evidence: refs,
      fix: `Start ${file.path} with a paragraph of at least ${min} words, before any code or installation section: what the project does, for whom, and why it is useful with PyTorch.`,
    };
  },
});
