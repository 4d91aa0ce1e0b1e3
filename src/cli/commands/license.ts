// `steward license <file|dir>`: identifies a license text by content, or the license files of a
// project directory (with its metadata signals and where they disagree), and says whether the
// result is on the policy's allowlist. Exit 0: identified, unmodified; 1: modified, unidentified
// or more than one reading; 2: the path cannot be read.
import { Command, Option } from 'commander';
import type { EvidenceProblem } from '../../evidence/types.js';

interface Flags {
  json?: boolean;
  policy?: string;
}

export function register(program: Command): void {
  program
    .command('license')
    .description("identify a license text (a file) or a project's license files (a directory) by content")
    .argument('<path>', 'a license file, or a project directory')
    .addOption(new Option('--json', 'print the result as JSON'))
    .option('--policy <id|file>', 'a policy (a file, or an id in data/policies) for the allowlist (default: pytorch-ecosystem)')
    .addHelpText(
      'after',
      `
Exit status: 0 when every license file is identified and unmodified (then the allowlist verdict
is printed: "on the allowlist" or "not on the allowlist (ids)"); 1 when a file is modified,
unidentified or missing; 2 when the path cannot be read.

Examples:
  steward license LICENSE              one text, whatever its name
  steward license .                    a project: root license files, LICENSES/, packaging metadata
  steward license . --json | jq .allowed`,
    )
    .action(async (path: string, flags: Flags) => {
      const [{ existsSync }, { join }, { licenseAt }, { loadPolicy }, { judgeExpression }] = await Promise.all([
        import('node:fs'),
        import('node:path'),
        import('../../evidence/license/local.js'),
        import('../../policy/catalogue.js'),
        import('../../requirements/judge-license-expression.js'),
      ]);
      const problems: EvidenceProblem[] = [];
      const { evidence, directory } = licenseAt(path, problems);
      const policy = loadPolicy(flags.policy);
      const verdict = evidence.expression ? judgeExpression(evidence.expression, policy.licenses.allow) : null;
      const clean = evidence.files.length > 0 && evidence.files.every((f) => f.spdx && !f.modified);
      process.exitCode = clean && evidence.expression ? 0 : 1;
      if (flags.json) {
        process.stdout.write(JSON.stringify({ ...evidence, allowed: verdict?.allowed ?? false, problems }, null, 2) + '\n');
        return;
      }
      const lines: string[] = [];
      for (const f of evidence.files) {
        const what = f.spdx ? `${f.modified ? 'modified ' : ''}${f.spdx}` : 'unidentified';
        lines.push(`${f.path}: ${what} (${f.method}, ${Math.round(f.confidence * 100)}%)${f.reason ? ` — ${f.reason}` : ''}`);
        for (const p of f.parts ?? [])
          lines.push(
            `  ${p.startLine === p.endLine ? `line ${p.startLine}` : `lines ${p.startLine}–${p.endLine}`}: ${p.kind}${p.spdx ? ` ${p.spdx}` : ''}${p.modified ? ' (modified)' : ''}${p.excerpt ? `: ${p.excerpt}` : ''}`,
          );
        for (const d of f.differences ?? [])
          lines.push(
            `  ${d.kind === 'added' ? '+' : '-'} ${d.line ? `line ${d.line}: ` : ''}${d.text.slice(0, 300)}${d.restriction ? `  [restriction: ${d.restriction}]` : ''}`,
          );
        if (!f.spdx && f.closest?.length)
          lines.push(`  closest: ${f.closest.map((c) => `${c.spdx} ${Math.round(c.similarity * 100)}%`).join(', ')}`);
      }
      if (evidence.files.length === 0) {
        lines.push(
          `no license file found in ${path} (looked for LICENSE, LICENCE, UNLICENSE, COPYING, COPYRIGHT with any suffix, and LICENSES/; a license named only in a README is not a license file)`,
        );
        // A bare repository (a mirror, a server copy) has no files to read, only git objects.
        const bare = directory && existsSync(join(path, 'HEAD')) && existsSync(join(path, 'objects'));
        if (bare)
          lines.push(
            `${path} is a bare git repository: its files are not on disk. Run \`steward check ${path}\` (requirement 7), or \`git --git-dir=${path} show HEAD:LICENSE > LICENSE\` and name that file.`,
          );
      } else if (!evidence.expression) {
        // Without an expression there is nothing to judge: say why, so "rc 1 and no verdict" is never the whole answer.
        const modified = evidence.files.filter((f) => f.spdx && f.modified);
        const unknown = evidence.files.filter((f) => !f.spdx);
        const why = [
          ...modified.map(
            (f) =>
              `${f.path} is a modified ${f.spdx}${f.restrictions?.length ? ` that adds a restriction (${[...new Set(f.restrictions)].join('; ')})` : ''}`,
          ),
          ...unknown.map((f) => `${f.path} is not a license text steward knows`),
        ];
        lines.push(`not on the allowlist: ${why.join('; ')}; the allowlist holds unmodified license texts only`);
      }
      if (evidence.expression)
        lines.push(
          `expression: ${evidence.expression} — ${verdict?.allowed ? 'on the allowlist' : `not on the allowlist${verdict ? ` (${verdict.blocking.join(', ')})` : ''}`}`,
        );
      const rootFiles = evidence.files.filter((f) => !f.path.startsWith('LICENSES/'));
      if (rootFiles.length > 1 && evidence.expression && / AND /.test(evidence.expression) && !/ OR /.test(evidence.expression)) {
        // Two license files are often meant as a choice (LICENSE-APACHE / LICENSE-MIT); only the project can say so.
        lines.push(
          `  (${rootFiles.length} license files and no package metadata saying they are alternatives, so all apply; a license expression such as "${rootFiles.map((f) => f.expression ?? f.spdx).join(' OR ')}" in pyproject.toml makes them a choice)`,
        );
      }
      for (const s of evidence.signals) lines.push(`signal: ${s.source}: ${s.value}${s.spdx && s.spdx !== s.value ? ` (${s.spdx})` : ''}`);
      for (const d of evidence.disagreements) lines.push(`disagreement: ${d}`);
      if (evidence.thirdParty.length) lines.push(`third-party licensing: ${evidence.thirdParty.join(', ')}`);
      for (const p of problems) lines.push(`problem: ${p.file}: ${p.message}`);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
