// The commands a project's CI really runs to install, test and lint it, with where each is, for
// CONTRIBUTING.md. Test commands are the CI evidence's own test steps; installs and linters are
// read from the run lines of the workflow files the check already read.
import type { Evidence } from '../evidence/types.js';
import type { CiCommand } from './templates.js';

const LINT = /^(?:python[\d.]*\s+-m\s+)?(?:ruff(?:\s+(?:check|format\s+--check))?|flake8|black\s+--check|isort\s+--check(?:-only)?|mypy|pylint|pre-commit\s+run)\b.*$/;
const INSTALL = /^(?:python[\d.]*\s+-m\s+)?pip3?\s+install\s+(?:-e\s+|--editable\s+)?(?:\.|["']?\.\[)[^;&|]*$|^(?:uv\s+sync|poetry\s+install|pdm\s+install)\b.*$/;
const MAX = 4;

/** The command on a workflow line: `- run: x`, `run: x` or a line of a `run: |` block. */
function commandOf(line: string): string | undefined {
  const t = line.trim().replace(/^-\s+/, '').replace(/^run:\s*/, '').trim();
  if (!t || t === '|' || t === '>' || t.startsWith('#')) return undefined;
  return t.replace(/^["']|["']$/g, '');
}

function unique(cs: CiCommand[]): CiCommand[] {
  const seen = new Set<string>();
  return cs.filter((c) => !seen.has(c.text) && seen.add(c.text)).slice(0, MAX);
}

export function ciCommands(e: Evidence): { install: CiCommand[]; test: CiCommand[]; lint: CiCommand[] } {
  const install: CiCommand[] = [];
  const lint: CiCommand[] = [];
  const workflows = Object.values(e.files).filter((f) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(f.path) && f.text).sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const f of workflows) {
    f.text!.split('\n').forEach((raw, i) => {
      const cmd = commandOf(raw);
      if (!cmd || cmd.includes('${{')) return;
      if (LINT.test(cmd)) lint.push({ text: cmd, file: f.path, line: i + 1 });
      else if (INSTALL.test(cmd)) install.push({ text: cmd, file: f.path, line: i + 1 });
    });
  }
  const test = e.ci.testSteps.filter((s) => !s.text.includes('${{')).map((s) => ({ text: s.text.replace(/^run:\s*/, ''), file: s.file, ...(s.line !== undefined ? { line: s.line } : {}) }));
  return { install: unique(install), test: unique(test), lint: unique(lint) };
}
