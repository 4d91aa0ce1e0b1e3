// Requirement 18: CODEOWNERS. GitHub reads exactly `CODEOWNERS` from .github/, the root, then
// docs/ (the first found wins; any other case or place is ignored by GitHub, so here too). It must
// name an owner in at least one rule; retired owners should be documented (warn when not).
import type { EvidenceRef } from '../evidence/types.js';
import { fileRef } from '../evidence/community/locate.js';
import { defineRule } from './rule.js';

const FIX_ADD =
  'Add .github/CODEOWNERS with at least one rule naming individual owners, e.g. `* @alice @bob`, and a commented "# Emeritus" section (or an EMERITUS.md) naming retired owners.';

export const codeowners = defineRule({
  meta: {
    key: 'codeowners',
    automation: 'full',
    measures:
      'A CODEOWNERS file in the root, .github/ or docs/ with at least one rule; warn when no retired or emeritus owners are documented.',
    messages: {},
  },
  options: (z) => z.strictObject({}),
  evaluate(evidence) {
    const { codeowners: co, emeritus } = evidence.community.ownership;
    const extra: Record<string, unknown> = {};
    if (co.ignored.length) extra['ignored'] = co.ignored;
    if (co.wrongCase.length) extra['wrongCase'] = co.wrongCase;
    if (co.misplaced.length) extra['misplaced'] = co.misplaced;
    if (!co.file) {
      const near = [...co.wrongCase, ...co.misplaced];
      const why = co.wrongCase.length
        ? ` ${co.wrongCase.join(', ')} is not read by GitHub: the name must be exactly CODEOWNERS.`
        : co.misplaced.length
          ? ` ${co.misplaced.join(', ')} is outside the root, .github/ and docs/, where GitHub does not look.`
          : '';
      return {
        status: 'fail',
        summary: `No CODEOWNERS file in .github/, the root or docs/.${why}`,
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
        summary: `${path} cannot be used: ${co.file.problem}.`,
        measured: { path, rules: 0, owners: [], emeritus: null, problem: co.file.problem, ...extra },
        evidence: [fileRef(path, undefined, co.file.problem)],
        fix: `Make ${path} a regular text file in the repository with at least one rule (GitHub reads the first CODEOWNERS in .github/, the root, docs/).`,
      };
    }
    const p = co.parsed;
    const owners = p.owners.map((o) => (o.kind === 'email' ? o.id : `@${o.id}`));
    if (p.invalid.length) extra['invalid'] = p.invalid;
    if (p.resets.length) extra['resets'] = p.resets.length;
    const ignoredNote = co.ignored.length ? ` GitHub ignores ${co.ignored.join(', ')} because ${path} comes first.` : '';
    if (p.rules.length === 0) {
      const invalid = p.invalid[0];
      return {
        status: 'fail',
        summary: `${path} has no rule that names an owner${p.resets.length ? ` (${p.resets.length} pattern(s) without owners)` : ''}${invalid ? `; line ${invalid.line}: ${invalid.reason}` : ''}.${ignoredNote}`,
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
      ? ` ${p.invalid.length} line(s) are skipped by GitHub (line ${p.invalid[0]!.line}: ${p.invalid[0]!.reason}).`
      : '';
    const documented = emeritus.filter((e) => e.names.length > 0 || /(^|\/)(emeritus|alumni|retired)[^/]*$/i.test(e.path));
    const base = `${path} has ${p.rules.length} rule(s) naming ${owners.length} owner(s): ${owners.slice(0, 5).join(', ')}${owners.length > 5 ? ', …' : ''}.`;
    if (documented.length > 0) {
      const e = documented[0]!;
      refs.push(fileRef(e.path, e.line, e.names.slice(0, 10).join(', ')));
      return {
        status: 'pass',
        summary: `${base} Retired owners are documented in ${e.path} (line ${e.line}).${invalidNote}${ignoredNote}`,
        measured: { path, rules: p.rules.length, owners, emeritus: documented, ...extra },
        evidence: refs,
      };
    }
    return {
      status: 'warn',
      summary: `${base} No retired or emeritus owners are documented.${invalidNote}${ignoredNote}`,
      measured: { path, rules: p.rules.length, owners, emeritus: null, ...extra },
      evidence: refs,
      fix: `Document retired owners: a commented "# Emeritus" section in ${path} listing them (e.g. \`# Emeritus: @former-maintainer\`), or an EMERITUS.md / an "Emeritus" section in MAINTAINERS.md.`,
    };
  },
});
