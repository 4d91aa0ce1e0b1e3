// What `steward fix` would change: for each failing requirement that a file can fix, the file
// (created, appended to or renamed) from the repository's own facts, and what cannot be fixed this
// way and why. Pure over the check's evidence and report plus the facts read from git.
import { basename } from 'node:path';
import type { Evidence } from '../evidence/types.js';
import type { Report } from '../report/types.js';
import type { Result } from '../requirements/types.js';
import { ownership } from '../evidence/community/owners.js';
import type { Maintainers, Maintainer } from './people.js';
import { releasesSection, type ReleaseHistory } from './releases.js';
import { codeOfConductFile, codeownersFile, contributingFile, emeritusSection, governanceFile, type CiCommand } from './templates.js';

export interface FileChange {
  kind: 'create' | 'append' | 'rename';
  path: string;
  /** a rename's source */
  from?: string;
  /** the content at the evaluated commit (append) */
  before?: string;
  /** the new content (create, append); a rename keeps the content, by its blob id */
  after: string;
  /** a rename's blob at the evaluated commit */
  oid?: string;
  /** the requirements this change is for */
  fixes: { id: number; title: string }[];
}

export interface FixPlan {
  changes: FileChange[];
  /** things a person must do: logins to add, requirements no file can fix from the facts at hand */
  notes: string[];
}

export interface FixFacts {
  evidence: Evidence;
  report: Report;
  maintainers: Maintainers;
  releases: ReleaseHistory;
  ci: { install: CiCommand[]; test: CiCommand[]; lint: CiCommand[] };
}

function projectName(e: Evidence): string {
  return e.python.distribution?.name ?? e.repo.slug?.split('/').pop() ?? basename(e.repo.root).replace(/\.git$/, '');
}

const failing = (r: Result | undefined) => r !== undefined && r.status !== 'pass' && r.status !== 'exempt';
const fx = (r: Result) => ({ id: r.id, title: r.title });

function unknownLogins(ms: Maintainer[], what: string): string | undefined {
  const missing = ms.filter((m) => !m.login);
  if (!missing.length) return undefined;
  return `No GitHub login is known for ${missing.map((m) => `${m.name} (${m.commitsLastYear || m.commitsBefore} commits)`).join(', ')}, so ${missing.length === 1 ? 'they are' : 'they are'} not in ${what}: add ${missing.length === 1 ? 'their login' : 'their logins'} by hand (logins are read from GitHub no-reply addresses, or from GitHub when the check runs online).`;
}

export function planFixes(f: FixFacts): FixPlan {
  const { evidence: e, report } = f;
  const req = new Map(report.requirements.map((r) => [r.key, r]));
  const changes: FileChange[] = [];
  const notes: string[] = [];
  const text = (path: string) => e.files[path]?.text;
  const oidOf = (path: string) => e.tree.find((t) => t.path === path)?.oid ?? '';
  const name = projectName(e);
  const { current, emeritus } = f.maintainers;
  const withLogin = current.filter((m) => m.login);

  const co = req.get('codeowners');
  const core = req.get('core-maintainers');
  const own = ownership(e);
  if (failing(co) && co) {
    const fixesCore = failing(core) && core ? [fx(core)] : [];
    if (!own.codeowners.file && own.codeowners.wrongCase.length + own.codeowners.misplaced.length > 0) {
      const from = own.codeowners.wrongCase[0] ?? own.codeowners.misplaced[0]!;
      const to = own.codeowners.wrongCase[0] ? from.replace(/[^/]*$/, 'CODEOWNERS') : '.github/CODEOWNERS';
      changes.push({ kind: 'rename', from, path: to, after: '', oid: oidOf(from), fixes: [fx(co), ...fixesCore] });
    } else if (!own.codeowners.file) {
      if (withLogin.length === 0) notes.push(`18 CODEOWNERS: no maintainer's GitHub login is known, so no CODEOWNERS can be written. ${unknownLogins(current, 'CODEOWNERS') ?? ''}`.trim());
      else {
        changes.push({ kind: 'create', path: '.github/CODEOWNERS', after: codeownersFile(current, emeritus, f.maintainers.since, f.maintainers.until), fixes: [fx(co), ...(withLogin.length >= 2 ? fixesCore : [])] });
        const n = unknownLogins(current, 'CODEOWNERS');
        if (n) notes.push(n);
        if (!emeritus.some((m) => m.login)) notes.push('18 CODEOWNERS: nobody has stepped back (no one with a share of the earlier commits and none in the last year has a known login), so the file has no Emeritus section and requirement 18 stays a warning until you document retired owners.');
        if (withLogin.length < 2 && fixesCore.length) notes.push(`11 Core maintainers: only ${withLogin.length} maintainer has a known login; requirement 11 needs 2.`);
      }
    } else if (co.status === 'warn' && co.measured['emeritus'] === null && own.codeowners.file) {
      const past = emeritus.filter((m) => m.login);
      const path = own.codeowners.file.path;
      const before = text(path);
      if (past.length && before !== undefined) {
        changes.push({ kind: 'append', path, before, after: `${before}${before.endsWith('\n') || before === '' ? '' : '\n'}\n${emeritusSection(past)}`, fixes: [fx(co)] });
      } else notes.push('18 CODEOWNERS: no past maintainer with a known login was found in the history, so no Emeritus section can be written from the facts; add the retired owners you know of.');
    }
  }

  const gov = req.get('governance');
  if (failing(gov) && gov && gov.measured['path'] === null && !gov.measured['problem']) {
    if (current.length === 0) notes.push('3 Governance: nobody has two or more commits in the last year, so there are no maintainers to name; GOVERNANCE.md was not written.');
    else changes.push({ kind: 'create', path: 'GOVERNANCE.md', after: governanceFile(name, current, emeritus), fixes: [fx(gov)] });
  }

  const coc = req.get('code-of-conduct');
  if (failing(coc) && coc && coc.measured['path'] === null && !coc.measured['problem']) {
    changes.push({ kind: 'create', path: 'CODE_OF_CONDUCT.md', after: codeOfConductFile(name, withLogin), fixes: [fx(coc)] });
  }

  const contrib = req.get('contributing');
  if (failing(contrib) && contrib && contrib.measured['path'] === null && !contrib.measured['problem']) {
    const hasGovernance = !failing(gov) || changes.some((c) => c.path === 'GOVERNANCE.md');
    const hasCodeowners = own.codeowners.file !== undefined || changes.some((c) => c.path.endsWith('CODEOWNERS'));
    changes.push({ kind: 'create', path: 'CONTRIBUTING.md', after: contributingFile(name, f.ci, { governance: hasGovernance, codeowners: hasCodeowners }), fixes: [fx(contrib)] });
    if (!f.ci.test.length) notes.push('17 CONTRIBUTING: CI runs no test command Steward recognises, so CONTRIBUTING.md does not say how to run the tests; add that section.');
  }

  const readme = req.get('readme');
  const readmePath = readme?.measured['path'];
  if (readme?.status === 'warn' && readme.measured['releaseInfo'] === null && typeof readmePath === 'string' && /\.(md|markdown)$/i.test(readmePath)) {
    const section = releasesSection(f.releases);
    const before = text(readmePath);
    if (!section) notes.push('16 README: the repository has no tags, so there is no release history to describe; say in the README how releases will be made.');
    else if (before !== undefined) {
      changes.push({ kind: 'append', path: readmePath, before, after: `${before}${before.endsWith('\n') || before === '' ? '' : '\n'}\n${section}`, fixes: [fx(readme)] });
    }
  }

  const lic = req.get('license-file');
  const near = lic?.measured['nearNames'];
  if (lic?.status === 'warn' && Array.isArray(near)) {
    if (near.length === 1 && typeof near[0] === 'string') {
      const from = near[0];
      changes.push({ kind: 'rename', from, path: 'LICENSE.md', after: '', oid: oidOf(from), fixes: [fx(lic)] });
    } else notes.push(`15 LICENSE file: ${near.join(', ')} are several license files; which one is the project's license is for you to say (Steward never chooses a license). Add LICENSE.md naming them.`);
  }
  return { changes, notes };
}
