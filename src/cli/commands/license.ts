// `steward license <file|dir>`: identifies a license text by content, or the license files of a
// project directory (with its metadata signals and where they disagree), and says whether the
// result is on the policy's allowlist. Exit 0: identified, unmodified; 1: modified, unidentified
// or more than one reading; 2: the path cannot be read.
import { Command, Option } from 'commander';
import type { LicenseFileEvidence, LicenseEvidence } from '../../evidence/types.js';

const READ_LIMIT = 4 * 1024 * 1024;

interface Flags {
  json?: boolean;
  policy?: string;
}

export function register(program: Command): void {
  program
    .command('license')
    .description('identify a license text (a file) or a project\'s license files (a directory) by content')
    .argument('<path>', 'a license file, or a project directory')
    .addOption(new Option('--json', 'print the result as JSON'))
    .option('--policy <file>', 'a policy file for the allowlist (default: pytorch-ecosystem 1.0)')
    .addHelpText('after', `
Exit status: 0 when every license file is identified and unmodified (then the allowlist verdict
is printed: "on the allowlist" or "not on the allowlist (ids)"); 1 when a file is modified,
unidentified or missing; 2 when the path cannot be read.

Examples:
  steward license LICENSE              one text, whatever its name
  steward license .                    a project: root license files, LICENSES/, packaging metadata
  steward license . --json | jq .allowed`)
    .action(async (path: string, flags: Flags) => {
      const [fs, nodePath, { extractLicense, wantsLicenseFile }, { extractPython, packagingKind }, { loadDefaultPolicy, loadPolicyFile }, { judgeExpression }, { InputError }, { readRegularFile }] =
        await Promise.all([
          import('node:fs'),
          import('node:path'),
          import('../../evidence/license/index.js'),
          import('../../evidence/python/index.js'),
          import('../../policy/load.js'),
          import('../../evidence/license/spdx.js'),
          import('../../util/errors.js'),
          import('../../util/read-file.js'),
        ]);
      type Blob = import('../../evidence/types.js').FileBlob;
      const read = (abs: string, rel: string): Blob => {
        {
          // a FIFO or a device is refused, not read: the read would wait for a writer forever
          const { bytes, size } = readRegularFile(abs, READ_LIMIT);
          const blob: Blob = { path: rel, size };
          if (size > READ_LIMIT) blob.truncated = true;
          if (bytes.subarray(0, 8192).includes(0)) return { ...blob, binary: true };
          try {
            return { ...blob, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
          } catch {
            return { ...blob, invalidUtf8: true, text: new TextDecoder('utf-8').decode(bytes) };
          }
        }
      };
      let stat: import('node:fs').Stats;
      try {
        stat = fs.statSync(path);
      } catch (err) {
        throw new InputError(`expected a license file or a project directory, found nothing readable at ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      const policy = flags.policy ? loadPolicyFile(flags.policy) : loadDefaultPolicy();
      const problems: { file: string; message: string }[] = [];
      let evidence: LicenseEvidence;
      if (stat.isDirectory()) {
        // A directory is a project: its root license files, LICENSES/ (REUSE) and packaging files.
        const names = fs.readdirSync(path);
        const rels = [...names, ...(names.includes('LICENSES') ? fs.readdirSync(nodePath.join(path, 'LICENSES')).map((n) => `LICENSES/${n}`) : [])];
        const tree: import('../../evidence/types.js').TreeEntry[] = [];
        const files: Record<string, Blob> = {};
        for (const rel of rels.sort()) {
          const abs = nodePath.join(path, rel);
          const st = fs.lstatSync(abs);
          if (!st.isFile() && !st.isSymbolicLink()) continue;
          tree.push({ path: rel, mode: st.isSymbolicLink() ? '120000' : '100644', type: 'blob', oid: '' });
          if (!wantsLicenseFile(rel) && packagingKind(rel) === undefined) continue;
          files[rel] = st.isSymbolicLink() ? { path: rel, size: 0, symlinkTarget: fs.readlinkSync(abs) } : read(abs, rel);
        }
        evidence = extractLicense(tree, files, extractPython(files, problems), problems);
      } else {
        const rel = nodePath.basename(path);
        const blob = read(path, rel);
        evidence = extractLicense([{ path: rel, mode: '100644', type: 'blob', oid: '' }], { [rel]: blob }, { torch: [], classifiers: [], licenseMeta: [], urls: {}, files: [] }, problems);
        // A single file is identified whatever its name.
        if (evidence.files.length === 0) {
          const { identifyLicense } = await import('../../evidence/license/identify.js');
          const r = identifyLicense(blob.text ?? (blob.binary ? '\u0000' : ''));
          const f: LicenseFileEvidence = { path: rel, confidence: r.confidence, method: r.method, ...(r.spdx ? { spdx: r.spdx } : {}), ...(r.expression ? { expression: r.expression } : {}), ...(r.modified ? { modified: true } : {}), differences: r.differences, parts: r.parts, ...(r.reason ? { reason: r.reason } : {}), restrictions: r.restrictions, ...(r.closest ? { closest: r.closest } : {}) };
          evidence = { ...evidence, files: [f], ...(r.expression && !r.modified ? { expression: r.expression } : {}) };
        }
      }
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
        for (const p of f.parts ?? []) lines.push(`  ${p.startLine === p.endLine ? `line ${p.startLine}` : `lines ${p.startLine}–${p.endLine}`}: ${p.kind}${p.spdx ? ` ${p.spdx}` : ''}${p.modified ? ' (modified)' : ''}${p.excerpt ? `: ${p.excerpt}` : ''}`);
        for (const d of f.differences ?? []) lines.push(`  ${d.kind === 'added' ? '+' : '-'} ${d.line ? `line ${d.line}: ` : ''}${d.text.slice(0, 300)}${d.restriction ? `  [restriction: ${d.restriction}]` : ''}`);
        if (!f.spdx && f.closest?.length) lines.push(`  closest: ${f.closest.map((c) => `${c.spdx} ${Math.round(c.similarity * 100)}%`).join(', ')}`);
      }
      if (evidence.files.length === 0) {
        lines.push(`no license file found in ${path} (looked for LICENSE, LICENCE, UNLICENSE, COPYING, COPYRIGHT with any suffix, and LICENSES/; a license named only in a README is not a license file)`);
        // A bare repository (a mirror, a server copy) has no files to read, only git objects.
        const bare = stat.isDirectory() && fs.existsSync(nodePath.join(path, 'HEAD')) && fs.existsSync(nodePath.join(path, 'objects'));
        if (bare) lines.push(`${path} is a bare git repository: its files are not on disk. Run \`steward check ${path}\` (requirement 7), or \`git --git-dir=${path} show HEAD:LICENSE > LICENSE\` and name that file.`);
      } else if (!evidence.expression) {
        // Without an expression there is nothing to judge: say why, so "rc 1 and no verdict" is never the whole answer.
        const modified = evidence.files.filter((f) => f.spdx && f.modified);
        const unknown = evidence.files.filter((f) => !f.spdx);
        const why = [
          ...modified.map((f) => `${f.path} is a modified ${f.spdx}${f.restrictions?.length ? ` that adds a restriction (${[...new Set(f.restrictions)].join('; ')})` : ''}`),
          ...unknown.map((f) => `${f.path} is not a license text steward knows`),
        ];
        lines.push(`not on the allowlist: ${why.join('; ')}; the allowlist holds unmodified license texts only`);
      }
      if (evidence.expression) lines.push(`expression: ${evidence.expression} — ${verdict?.allowed ? 'on the allowlist' : `not on the allowlist${verdict ? ` (${verdict.blocking.join(', ')})` : ''}`}`);
      const rootFiles = evidence.files.filter((f) => !f.path.startsWith('LICENSES/'));
      if (rootFiles.length > 1 && evidence.expression && / AND /.test(evidence.expression) && !/ OR /.test(evidence.expression)) {
        // Two license files are often meant as a choice (LICENSE-APACHE / LICENSE-MIT); only the project can say so.
        lines.push(`  (${rootFiles.length} license files and no package metadata saying they are alternatives, so all apply; a license expression such as "${rootFiles.map((f) => f.expression ?? f.spdx).join(' OR ')}" in pyproject.toml makes them a choice)`);
      }
      for (const s of evidence.signals) lines.push(`signal: ${s.source}: ${s.value}${s.spdx && s.spdx !== s.value ? ` (${s.spdx})` : ''}`);
      for (const d of evidence.disagreements) lines.push(`disagreement: ${d}`);
      if (evidence.thirdParty.length) lines.push(`third-party licensing: ${evidence.thirdParty.join(', ')}`);
      for (const p of problems) lines.push(`problem: ${p.file}: ${p.message}`);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
