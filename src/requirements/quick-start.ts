// Requirement 5: Quick start. A quick start / getting started / installation / usage heading in
// the README (or the docs index and quick-start pages), followed by a code block with an install
// command or a runnable example. That it works is for a reviewer to try.
import type { Block, DocStructure } from '../evidence/types.js';
import { sectionAfter } from '../evidence/community/sections.js';
import { fileRef } from '../evidence/community/locate.js';
import { baseOf } from '../evidence/community/files.js';
import { defineRule, say } from './rule.js';
import type { RuleMeta } from './types.js';

const HEADING = /\b(quick[\s_-]?start|getting[\s_-]?started|get[\s_-]?started|install(?:ation|ing)?|usage|how\s+to\s+use|first\s+steps)\b/i;
const INSTALL =
  /^[ \t]*(?:[$>%#][ \t]*|In \[\d*\]:[ \t]*)?[!%]?(?:sudo[ \t]+)?(?:(?:python3?|py)[ \t]+-m[ \t]+)?(?:pip3?[ \t]+install|uv[ \t]+(?:add|pip[ \t]+install|tool[ \t]+install)|conda[ \t]+install|mamba[ \t]+install|micromamba[ \t]+install|pixi[ \t]+add|poetry[ \t]+add|pipx[ \t]+install)\b[^\n]*/im;
const RUNNABLE_LANG = /^(python3?|py|pycon|ipython3?|bash|sh|shell|shell-session|console|zsh|powershell|ps1|bat|cmd)$/i;
const RUNNABLE_TEXT = /^[ \t]*(>>>|import[ \t]+\w|from[ \t]+[\w.]+[ \t]+import[ \t]|\$[ \t]+\S|python3?[ \t]+\S)/m;
const PAGE = /^(quick[_-]?start|getting[_-]?started|get[_-]?started|install|installation)\.(md|markdown|rst|txt)$/i;

interface Hit {
  file: string;
  heading: string;
  headingLine: number;
  code: Block;
  installCommand?: string;
  /** the line of the install command itself (not the fence or directive above it) */
  commandLine?: number;
}

/** The 1-based line of `index` (an offset into a code block's text) in the document. */
function lineIn(b: Block, index: number): number {
  let n = 0;
  for (let k = b.text.indexOf('\n'); k >= 0 && k < index; k = b.text.indexOf('\n', k + 1)) n++;
  return (b.bodyLine ?? b.line) + n;
}

function runnable(b: Block): boolean {
  return b.text.trim() !== '' && (RUNNABLE_LANG.test(b.lang ?? '') || RUNNABLE_TEXT.test(b.text));
}

/** In one document: the best heading + code pair (an install command beats a runnable example). */
const INSTALL_ALL = new RegExp(INSTALL.source, 'gim');

/** Whether an install command names the distribution (PEP 503: case, `-`, `_` and `.` alike). */
function namesDistribution(command: string, dist: string): boolean {
  const norm = (t: string) => t.toLowerCase().replace(/[-_.]+/g, '-');
  const want = norm(dist);
  return command.split(/\s+/).some((word) => norm(word.replace(/^['"]|['"]$/g, '')).split(/[[<>=!~;@\s]/)[0] === want);
}

function search(
  path: string,
  doc: DocStructure,
  wholeIsSection: boolean,
  dist?: string,
): { hit?: Hit; headingOnly?: { text: string; line: number }; strayInstall?: { line: number; text: string } } {
  let example: Hit | undefined;
  let headingOnly: { text: string; line: number } | undefined;
  const sections: { heading: string; line: number; blocks: Block[] }[] = [];
  if (wholeIsSection) {
    const title = doc.blocks.find((b) => b.kind === 'heading');
    sections.push({ heading: title?.text ?? baseOf(path), line: title?.line ?? 1, blocks: doc.blocks });
  }
  doc.blocks.forEach((b, k) => {
    if (b.kind === 'heading' && HEADING.test(b.text)) sections.push({ heading: b.text, line: b.line, blocks: sectionAfter(doc.blocks, k) });
  });
  // The first install command, unless a later one installs the project itself: torchio's getting
  // started installs a torch helper (`pip install light-the-torch`) before `pip install torchio`.
  let firstInstall: Hit | undefined;
  for (const s of sections) {
    for (const b of s.blocks) {
      if (b.kind !== 'code') continue;
      for (const m of b.text.matchAll(INSTALL_ALL)) {
        const lead = m[0].length - m[0].trimStart().length;
        const hit = {
          file: path,
          heading: s.heading,
          headingLine: s.line,
          code: b,
          installCommand: m[0].trim(),
          commandLine: lineIn(b, m.index + lead),
        };
        if (!dist || namesDistribution(hit.installCommand, dist)) return { hit };
        firstInstall ??= hit;
      }
      if (!example && runnable(b)) example = { file: path, heading: s.heading, headingLine: s.line, code: b };
    }
    headingOnly ??= { text: s.heading, line: s.line };
  }
  if (firstInstall) return { hit: firstInstall };
  if (example) return { hit: example };
  for (const b of doc.blocks) {
    const install = b.kind === 'code' ? INSTALL.exec(b.text) : null;
    if (install)
      return {
        ...(headingOnly ? { headingOnly } : {}),
        strayInstall: { line: lineIn(b, install.index + install[0].length - install[0].trimStart().length), text: install[0].trim() },
      };
  }
  return headingOnly ? { headingOnly } : {};
}

const meta = {
  key: 'quick-start',
  automation: 'partial',
  measures:
    'The README (or docs index) has a quick start / getting started / installation / usage heading followed by a code block with an install command (pip install, conda install, uv add, pixi add) or a runnable example.',
  messages: {
    installCommand:
      '{file} has a "{heading}" section (line {headingLine}) with the install command `{command}` (line {line}); a reviewer should try it.',
    example:
      '{file} has a "{heading}" section (line {headingLine}) with a runnable {lang} example (line {line}); a reviewer should try it.',
    headingOnly:
      '{file} has a "{heading}" heading (line {line}) but no install command or runnable code block under it; a reviewer must judge whether it is a working quick start.',
    strayInstall:
      '{file} has an install command (`{command}`, line {line}) but not under a quick start, installation or usage heading; a reviewer must judge whether it is a working quick start.',
    missing: 'No quick start in {path}: no quick start, getting started, installation or usage heading followed by code.',
    missingWithDocs:
      'No quick start in {path} or the docs index: no quick start, getting started, installation or usage heading followed by code.',
    noReadme: 'No README, so no quick start.',
  },
} as const satisfies RuleMeta;

export const quickStart = defineRule({
  meta,
  options: (z) => z.strictObject({}),
  evaluate(evidence) {
    const readme = evidence.docs.readme;
    const docs: { path: string; doc: DocStructure; whole: boolean }[] = [];
    if (readme.file && readme.structure) docs.push({ path: readme.file.path, doc: readme.structure, whole: false });
    for (const page of evidence.docs.pages) {
      if (page.structure) docs.push({ path: page.path, doc: page.structure, whole: PAGE.test(baseOf(page.path)) });
    }
    let partial: { file: string; headingOnly?: { text: string; line: number }; strayInstall?: { line: number; text: string } } | undefined;
    let exampleHit: Hit | undefined;
    for (const d of docs) {
      const r = search(d.path, d.doc, d.whole, evidence.python.distribution?.name);
      if (r.hit?.installCommand) return passWith(r.hit);
      if (r.hit && !exampleHit) exampleHit = r.hit;
      if (!r.hit && (r.headingOnly || r.strayInstall) && !partial) partial = { file: d.path, ...r };
    }
    if (exampleHit) return passWith(exampleHit);
    const dist = evidence.python.distribution?.name ?? '<distribution>';
    const target = readme.file?.path ?? 'README.md';
    const fix = `Add a "Quick start" (or "Installation") section to ${target} with a code block that installs the project and runs a minimal example, e.g. \`pip install ${dist}\` followed by a few lines of Python.`;
    if (partial?.strayInstall || partial?.headingOnly) {
      return {
        status: 'review',
        ...(partial.headingOnly
          ? say(meta, 'headingOnly', { file: partial.file, heading: partial.headingOnly.text, line: partial.headingOnly.line })
          : say(meta, 'strayInstall', { file: partial.file, command: partial.strayInstall!.text, line: partial.strayInstall!.line })),
        measured: { heading: partial.headingOnly?.text ?? null, installCommand: partial.strayInstall?.text ?? null, file: partial.file },
        evidence: [fileRef(partial.file, partial.headingOnly?.line ?? partial.strayInstall?.line)],
        fix,
      };
    }
    return {
      status: 'fail',
      ...(readme.file ? say(meta, docs.length > 1 ? 'missingWithDocs' : 'missing', { path: readme.file.path }) : say(meta, 'noReadme')),
      measured: { heading: null, installCommand: null },
      evidence: [],
      fix,
    };
  },
});

function passWith(hit: Hit) {
  const line = hit.commandLine ?? hit.code.bodyLine ?? hit.code.line;
  const at = { file: hit.file, heading: hit.heading, headingLine: hit.headingLine, line };
  return {
    status: 'pass' as const,
    ...(hit.installCommand
      ? say(meta, 'installCommand', { ...at, command: hit.installCommand })
      : say(meta, 'example', { ...at, lang: hit.code.lang || 'code' })),
    measured: {
      heading: hit.heading,
      installCommand: hit.installCommand ?? null,
      file: hit.file,
      codeLine: line,
      ...(hit.installCommand ? {} : { example: hit.code.lang || 'code' }),
    },
    evidence: [
      fileRef(hit.file, hit.headingLine, hit.heading),
      fileRef(hit.file, line, hit.installCommand ?? hit.code.text.split('\n')[0]),
    ],
  };
}
