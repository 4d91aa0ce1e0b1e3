// Requirement 16: README. At the root, and saying how the project releases: a heading or
// paragraph on release process, cadence or versioning, or a link to a changelog or releases page.
import type { Evidence } from '../evidence/types.js';
import { fileRef } from '../evidence/community/locate.js';
import { entryAt, isDir, joinInRepo } from '../evidence/community/files.js';
import { cleanInline } from '../evidence/community/inline.js';
import { defineRule, say } from './rule.js';
import type { RuleMeta } from './types.js';

const RELEASE_HEADING =
  /\b(releases?|release\s+(?:process|cadence|schedule|cycle|policy|notes|methodology|criteria)|versioning|version(?:ing)?\s+policy|changelog|change\s*log|what['’]s\s+new|release\s+history|compatibility\s+policy)\b/i;
const RELEASE_PROSE =
  /\b(release\s+(?:process|cadence|schedule|cycle|policy|notes|methodology|criteria|branch(?:es)?)|(?:we|is|are)\s+released\b(?!\s+under\b)|releases?\s+(?:are|is)\s+(?:made|published|cut|tagged|planned)|new\s+(?:version|release)s?\s+(?:are|is)\s+(?:released|published)|semantic\s+versioning|semver\.org|\bsemver\b|calendar\s+versioning|calver|(?:monthly|quarterly|weekly|yearly|annual|biannual)\s+releases?|release[sd]?\s+(?:every|each|monthly|quarterly|twice|once))/i;
const CHANGELOG_FILE = /(^|\/)(changelog|changes|change_log|history|news|release[-_]?notes|releases?|releasing)([-._][^/]*)?$/i;
// "Install a stable release", "Installing from a release": how to install, not how releases are made
const INSTALLING = /\b(?:install\w*|set\s*up|setup|download\w*|get(?:ting)?\s+started|quick\s*start)\b/i;
// a link whose text names the releases (`[Releases](…)`, `[Changelog](…)`), wherever it points
const RELEASE_LINK_TEXT = /^\W*(?:releases?|release\s+notes|release\s+history|changelog|change\s*log|changes|what['’]s\s+new|history)\W*$/i;
const RELEASES_PAGE = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com)\/[^/\s]+\/[^/\s]+\/(?:-\/)?(?:releases|tags)(?:[/?#]|$)/i;

export interface ReleaseInfo {
  kind: 'heading' | 'paragraph' | 'link';
  line: number;
  text: string;
  /** a relative link: whether its target is in the tree */
  exists?: boolean;
}

/** Where the README talks about releases, if anywhere: headings first, then links, then prose. */
export function releaseInfo(evidence: Evidence): ReleaseInfo | undefined {
  const { structure: doc, file } = evidence.docs.readme;
  if (!doc || !file) return undefined;
  for (const b of doc.blocks) {
    if (b.kind === 'heading' && RELEASE_HEADING.test(b.text) && !INSTALLING.test(b.text))
      return { kind: 'heading', line: b.line, text: b.text };
  }
  for (const l of doc.links) {
    const url = l.url.replace(/[?#].*$/, '');
    if (RELEASES_PAGE.test(l.url)) return { kind: 'link', line: l.line, text: l.url };
    if (/^https?:/i.test(url) && RELEASE_LINK_TEXT.test(l.text)) return { kind: 'link', line: l.line, text: l.url };
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
      // an absolute link to a changelog in a hosted repository (…/blob/main/CHANGELOG.md)
      if (/\/(?:blob|tree|-\/blob)\//.test(url) && CHANGELOG_FILE.test(url)) return { kind: 'link', line: l.line, text: l.url };
      continue;
    }
    if (!CHANGELOG_FILE.test(url.replace(/\/+$/, ''))) continue;
    const target = joinInRepo('', url.replace(/^\.\//, '').replace(/\/+$/, ''));
    return {
      kind: 'link',
      line: l.line,
      text: l.url,
      exists: target !== undefined && (entryAt(evidence.tree, target) !== undefined || isDir(evidence.tree, target)),
    };
  }
  for (const b of doc.blocks) {
    if ((b.kind === 'paragraph' || b.kind === 'list' || b.kind === 'quote') && RELEASE_PROSE.test(b.text)) {
      const m = RELEASE_PROSE.exec(b.text)!;
      const before = b.text.slice(0, m.index).split('\n').length - 1;
      return { kind: 'paragraph', line: b.line + before, text: cleanInline(b.text.split('\n')[before] ?? m[0]).slice(0, 200) };
    }
  }
  return undefined;
}

const meta = {
  key: 'readme',
  automation: 'full',
  measures:
    'A README (.md, .rst, .txt or none) at the root; warn when it gives no release information (a heading or paragraph on release process, cadence or versioning, or a linked CHANGELOG / RELEASE file).',
  messages: {
    otherFormat:
      '{path} is at the root, but the requirement asks for README with .md, .rst, .txt or no extension, which the checks of requirements 4 and 5 can read.',
    unreadable: 'The README at the root cannot be read: {problem}.',
    missing: 'No README at the root of the repository.',
    elsewhere: 'No README at the root of the repository (found {paths}, but not at the root).',
    releaseHeading: '{path} is at the root and has a "{heading}" section (line {line}).{notes}',
    releaseParagraph: '{path} is at the root and describes releases: "{text}" (line {line}).{notes}',
    releaseLink: '{path} is at the root and links to {link} (line {line}).{notes}',
    releaseLinkAbsent: '{path} is at the root and links to {link}, which is not in the repository (line {line}).{notes}',
    noRelease:
      '{path} is at the root but says nothing about releases (no release, versioning or changelog heading, paragraph or link).{notes}',
  },
} as const satisfies RuleMeta;

export const readme = defineRule({
  meta,
  options: (z) => z.strictObject({}),
  evaluate(evidence) {
    const info = evidence.docs.readme;
    const file = info.file;
    if (!file || file.problem) {
      const other = info.otherFormats[0];
      if (!file && other) {
        return {
          status: 'warn',
          ...say(meta, 'otherFormat', { path: other }),
          measured: { path: other, releaseInfo: null },
          evidence: [fileRef(other)],
          fix: `Convert ${other} to README.md (or README.rst).`,
        };
      }
      return {
        status: 'fail',
        ...(file
          ? say(meta, 'unreadable', { problem: String(file.problem) })
          : info.elsewhere.length
            ? say(meta, 'elsewhere', { paths: info.elsewhere.join(', ') })
            : say(meta, 'missing')),
        measured: {
          path: file?.path ?? null,
          releaseInfo: null,
          ...(file?.problem ? { problem: file.problem } : {}),
          ...(info.elsewhere.length ? { elsewhere: info.elsewhere } : {}),
        },
        evidence: file ? [fileRef(file.path, undefined, file.problem)] : info.elsewhere.map((p) => fileRef(p)),
        fix: file
          ? `Make ${file.path} a regular text file at the root (a symlink out of the repository is not read).`
          : 'Add README.md at the root: what the project is for, how to install and start using it, and how it is released (process, cadence, versioning).',
      };
    }
    const release = releaseInfo(evidence);
    const notes = file.notes.length ? ` (${file.notes.join('; ')})` : '';
    if (release) {
      const at = { path: file.path, line: release.line, notes };
      return {
        status: release.exists === false ? 'warn' : 'pass',
        ...(release.kind === 'link'
          ? say(meta, release.exists === false ? 'releaseLinkAbsent' : 'releaseLink', { ...at, link: release.text })
          : release.kind === 'heading'
            ? say(meta, 'releaseHeading', { ...at, heading: release.text })
            : say(meta, 'releaseParagraph', { ...at, text: release.text })),
        measured: { path: file.path, releaseInfo: release },
        evidence: [fileRef(file.path, release.line, release.text)],
        ...(release.exists === false ? { fix: `Add the linked ${release.text} to the repository or fix the link in ${file.path}.` } : {}),
      };
    }
    return {
      status: 'warn',
      ...say(meta, 'noRelease', { path: file.path, notes }),
      measured: { path: file.path, releaseInfo: null },
      evidence: [fileRef(file.path)],
      fix: `Add a "Releases" section to ${file.path}: how versions are numbered, how often releases are made and what must hold before one, or link a CHANGELOG.md.`,
    };
  },
});
