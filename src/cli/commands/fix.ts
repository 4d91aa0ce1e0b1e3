// `steward fix [repo]`: the files that fix failing requirements, written from the repository's own
// facts. A thin adapter: planning and writing live in src/fix.
import { Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';

interface FixFlags {
  write?: boolean;
  branch?: string;
  author?: string;
  rev?: string;
  asOf?: string;
  policy?: string;
  offline?: boolean;
  token?: string[];
}

export function register(program: Command): void {
  program
    .command('fix')
    .description('write the files that fix failing requirements (CODEOWNERS, GOVERNANCE.md, CODE_OF_CONDUCT.md, CONTRIBUTING.md, a README Releases section, the license file\'s name) from the repository\'s own history, CI and tags')
    .argument('[repo]', 'a local repository (work tree; a bare repository with --branch)', '.')
    .addOption(new Option('--write', 'write the files into the work tree').conflicts('branch'))
    .option('--branch <name>', 'commit the files on a new branch NAME (from the checked revision), ready for a pull request; the work tree is not touched')
    .option('--author <ident>', 'the commit\'s author with --branch, "Name <email>" (default: user.name and user.email from git config)')
    .option('--rev <rev>', 'the revision to check and build on', 'HEAD')
    .option('--as-of <date>', 'the date the check and the "last year" of commits are for (ISO 8601; default now)')
    .option('--policy <file>', 'a policy file to judge by (default: pytorch-ecosystem 1.0)')
    .option('--offline', 'use only the repository (logins only from GitHub no-reply addresses)')
    .option('--token <token>', 'a GitHub token (repeat for a pool; also GITHUB_TOKEN, GH_TOKEN)', (v: string, prev: string[] = []) => [...prev, v])
    .addHelpText(
      'after',
      `
Without --write or --branch it prints the changes as a unified diff and changes nothing.
Maintainers are the people with the most commits in the last year (CODEOWNERS names them by GitHub
login only; people whose login is unknown are listed for you to add); past maintainers go in an
Emeritus section. It never chooses a license: an existing license file is only renamed.

Exit status: 0 done (or nothing to fix), 2 usage or input error (nothing written).

Examples:
  steward fix                          show what would be written here, as a diff
  steward fix --write && git add -A && git commit -m "Ecosystem files"
  steward fix ../proj --branch ecosystem-files && git -C ../proj push origin ecosystem-files`,
    )
    .action(async (repo: string, flags: FixFlags) => {
      const [{ planFor, renderDiff, writeChanges, commitOnBranch }, { parseAsOf }, { loadPolicyFile }] = await Promise.all([
        import('../../fix/index.js'),
        import('../../check/index.js'),
        import('../../policy/load.js'),
      ]);
      if (flags.author && !flags.branch) throw new InputError('--author is for the commit --branch makes; add --branch NAME');
      const run = await planFor(repo, {
        rev: flags.rev ?? 'HEAD',
        asOf: flags.asOf ? parseAsOf(flags.asOf) : new Date(),
        ...(flags.policy ? { policy: loadPolicyFile(flags.policy) } : {}),
        offline: flags.offline === true,
        ...(flags.token?.length ? { tokens: flags.token } : {}),
      });
      const out = process.stdout;
      const list = () => run.changes.map((c) => `  ${c.kind === 'rename' ? `${c.from!} → ${c.path}` : c.path} (${c.kind}): ${c.fixes.map((f) => `${f.id} ${f.title}`).join(', ')}\n`).join('');
      if (run.changes.length === 0) out.write(`Nothing to fix with files in ${run.report.target.repo} @ ${run.report.target.commit.slice(0, 12)}.\n`);
      else if (flags.write) {
        const r = writeChanges(run.evidence, run.changes);
        out.write(r.written.length ? `Wrote:\n${list()}Review them, then commit: git add -A && git commit\n` : '');
        if (r.already.length) out.write(`Already in the work tree, not committed: ${r.already.join(', ')}\n`);
      } else if (flags.branch) {
        const commit = await commitOnBranch(run.evidence, run.changes, flags.branch, flags.author);
        out.write(`Committed ${commit.slice(0, 12)} on the new branch ${flags.branch}:\n${list()}Push it and open a pull request: git push origin ${flags.branch}\n`);
      } else {
        out.write(renderDiff(run.changes));
      }
      const err = flags.write || flags.branch ? out : process.stderr;
      for (const n of run.notes) err.write(`note: ${n}\n`);
    });
}
