// The changes as a git-style unified diff (what `steward fix` prints by default, and what
// `git apply` accepts): new files, appended sections with three lines of context, renames.
import type { FileChange } from './plan.js';

function lines(text: string): { lines: string[]; eol: boolean } {
  if (text === '') return { lines: [], eol: true };
  const eol = text.endsWith('\n');
  const ls = (eol ? text.slice(0, -1) : text).split('\n');
  return { lines: ls, eol };
}

const NO_EOL = '\\ No newline at end of file';

function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

export function renderChange(c: FileChange): string {
  if (c.kind === 'rename') {
    return [`diff --git a/${c.from!} b/${c.path}`, 'similarity index 100%', `rename from ${c.from!}`, `rename to ${c.path}`].join('\n') + '\n';
  }
  if (c.kind === 'create') {
    const n = lines(c.after);
    const out = [`diff --git a/${c.path} b/${c.path}`, 'new file mode 100644', '--- /dev/null', `+++ b/${c.path}`, `@@ -0,0 +1${n.lines.length === 1 ? '' : `,${n.lines.length}`} @@`];
    out.push(...n.lines.map((l) => `+${l}`));
    if (!n.eol) out.push(NO_EOL);
    return out.join('\n') + '\n';
  }
  // append: the old text is a prefix of the new one
  const before = c.before ?? '';
  const old = lines(before);
  const neu = lines(c.after);
  // a last old line without a newline is replaced (it gains one), so it is not context
  const changedLast = !old.eol && old.lines.length > 0 ? 1 : 0;
  const keep = old.lines.length - changedLast;
  const ctx = Math.min(3, keep);
  const start = keep - ctx; // 0-based index of the first context line
  const oldCount = ctx + changedLast;
  const newCount = neu.lines.length - start;
  const out = [`diff --git a/${c.path} b/${c.path}`, `--- a/${c.path}`, `+++ b/${c.path}`, `@@ -${range(start + 1, oldCount)} +${range(start + 1, newCount)} @@`];
  for (let i = start; i < keep; i++) out.push(` ${old.lines[i]!}`);
  if (changedLast) {
    out.push(`-${old.lines[keep]!}`, NO_EOL);
  }
  for (let i = keep; i < neu.lines.length; i++) out.push(`+${neu.lines[i]!}`);
  if (!neu.eol) out.push(NO_EOL);
  return out.join('\n') + '\n';
}

export function renderDiff(changes: FileChange[]): string {
  return changes.map(renderChange).join('');
}
