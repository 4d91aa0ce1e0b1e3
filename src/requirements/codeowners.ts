// Requirement 18: CODEOWNERS. GitHub reads exactly `CODEOWNERS` from .github/, the root, then
// docs/ (the first found wins; any other case or place is ignored by GitHub, so here too). It must
// name an owner in at least one rule; retired owners should be documented (warn when not).
import type { EvidenceRef } from '../evidence/types.js';
import { fileRef } from '../evidence/community/locate.js';
import { defineRule, say } from './rule.js';
import type { RuleMeta } from './types.js';

const FIX_ADD =
  'Add .github/CODEOWNERS with at least one rule naming individual owners, e.g. `* @alice @bob`, and a commented "# Emeritus" section (or an EMERITUS.md) naming retired owners.';

const meta = {
  key: 'codeowners',
  automation: 'full',
  measures:
    'A CODEOWNERS file in the root, .github/ or docs/ with at least one rule; warn when no retired or emeritus owners are documented.',
  messages: {
    missing: 'No CODEOWNERS file in .github/, the root or docs/.',
    wrongCase: 'No CODEOWNERS file in .github/, the root or docs/. {paths} is not read by GitHub: the name must be exactly CODEOWNERS.',
    misplaced:
      'No CODEOWNERS file in .github/, the root or docs/. {paths} is outside the root, .github/ and docs/, where GitHub does not look.',
    unusable: '{path} cannot be used: {problem}.',
    noRule: '{path} has no rule that names an owner{resets}{invalid}.{ignored}',
    resets: ' ({count} pattern(s) without owners)',
    invalidLine: '; line {line}: {reason}',
    retiredDocumented:
      '{path} has {rules} rule(s) naming {count} owner(s): {owners}. Retired owners are documented in {emeritusPath} (line {emeritusLine}).{skipped}{ignored}',
    retiredUndocumented:
      '{path} has {rules} rule(s) naming {count} owner(s): {owners}. No retired or emeritus owners are documented.{skipped}{ignored}',
    skipped: ' {count} line(s) are skipped by GitHub (line {line}: {reason}).',
    ignored: ' GitHub ignores {paths} because {path} comes first.',
  },
} as const satisfies RuleMeta;

export const codeowners = defineRule({
  meta,
  options: (z) => z.strictObject({}),
  evaluate(evidence) {
    const { codeowners: co, emeritus } = evidence.community.ownership;
    const extra: Record<string, unknown> = {};
    if (co.ignored.length) extra['ignored'] = co.ignored;
    if (co.wrongCase.length) extra['wrongCase'] = co.wrongCase;
    if (co.misplaced.length) extra['misplaced'] = co.misplaced;
    if (!co.file) {
      const near = [...co.wrongCase, ...co.misplaced];
      return {
        status: 'fail',
        ...(co.wrongCase.length
          ? say(meta, 'wrongCase', { paths: co.wrongCase.join(', ') })
          : co.misplaced.length
            ? say(meta, 'misplaced', { paths: co.misplaced.join(', ') })
            : say(meta, 'missing')),
        measured: { path: null, rules: 0, owners: [], emeritus: null, ...extra },
        evidence: near.map((p) => fileRef(p)),
        fix: co.wrongCase.length
          ? `Rename ${co.wrongCase[0]} to ${co.wrongCase[0]!.replace(/[^/]*$/, 'CODEOWNERS')}.`
          : co.misplaced.length
            ? `Move ${co.misplaced[0]} to .github/CODEOWNERS.`
            : FIX_ADD,
      };
    }
    const path = co.file.path;
    if (!co.parsed) {
      return {
        status: 'fail',
        ...say(meta, 'unusable', { path, problem: String(co.file.problem) }),
        measured: { path, rules: 0, owners: [], emeritus: null, problem: co.file.problem, ...extra },
        evidence: [fileRef(path, undefined, co.file.problem)],
        fix: `Make ${path} a regular text file in the repository with at least one rule (GitHub reads the first CODEOWNERS in .github/, the root, docs/).`,
      };
    }
    const p = co.parsed;
    const owners = p.owners.map((o) => (o.kind === 'email' ? o.id : `@${o.id}`));
    if (p.invalid.length) extra['invalid'] = p.invalid;
    if (p.resets.length) extra['resets'] = p.resets.length;
    const ignoredNote = co.ignored.length ? say(meta, 'ignored', { paths: co.ignored.join(', '), path }).summary : '';
    if (p.rules.length === 0) {
      const invalid = p.invalid[0];
      return {
        status: 'fail',
        ...say(meta, 'noRule', {
          path,
          resets: p.resets.length ? say(meta, 'resets', { count: p.resets.length }).summary : '',
          invalid: invalid ? say(meta, 'invalidLine', { line: invalid.line, reason: invalid.reason }).summary : '',
          ignored: ignoredNote,
        }),
        measured: { path, rules: 0, owners: [], emeritus: null, ...extra },
        evidence: [fileRef(path, invalid?.line, invalid?.reason)],
        fix: `Add a rule to ${path} such as \`* @alice @bob\` (a pattern, then one or more @login, @org/team or e-mail owners).`,
      };
    }
    const refs: EvidenceRef[] = [
      fileRef(
        path,
        p.rules[0]!.line,
        `${p.rules[0]!.pattern} ${p.rules[0]!.owners.map((o) => (o.kind === 'email' ? o.id : '@' + o.id)).join(' ')}`,
      ),
    ];
    for (const inv of p.invalid.slice(0, 3)) refs.push(fileRef(path, inv.line, inv.reason));
    const invalidNote = p.invalid.length
      ? say(meta, 'skipped', { count: p.invalid.length, line: p.invalid[0]!.line, reason: p.invalid[0]!.reason }).summary
      : '';
    const documented = emeritus.filter((e) => e.names.length > 0 || /(^|\/)(emeritus|alumni|retired)[^/]*$/i.test(e.path));
    const named = {
      path,
      rules: p.rules.length,
      count: owners.length,
      owners: `${owners.slice(0, 5).join(', ')}${owners.length > 5 ? ', …' : ''}`,
      skipped: invalidNote,
      ignored: ignoredNote,
    };
    if (documented.length > 0) {
      const e = documented[0]!;
      refs.push(fileRef(e.path, e.line, e.names.slice(0, 10).join(', ')));
      return {
        status: 'pass',
        ...say(meta, 'retiredDocumented', { ...named, emeritusPath: e.path, emeritusLine: e.line }),
        measured: { path, rules: p.rules.length, owners, emeritus: documented, ...extra },
        evidence: refs,
      };
    }
    return {
      status: 'warn',
      ...say(meta, 'retiredUndocumented', named),
      measured: { path, rules: p.rules.length, owners, emeritus: null, ...extra },
      evidence: refs,
      fix: `Document retired owners: a commented "# Emeritus" section in ${path} listing them (e.g. \`# Emeritus: @former-maintainer\`), or an EMERITUS.md / an "Emeritus" section in MAINTAINERS.md.`,
    };
  },
});
