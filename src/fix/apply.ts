// Carrying out a fix plan: into the work tree (`--write`), or as a commit on a new branch
// (`--branch`) made from the evaluated commit with git's plumbing, so neither the work tree nor
// the index is touched. Every git process goes through the project's git runner.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Evidence } from '../evidence/types.js';
import { git } from '../evidence/git/run.js';
import { InputError } from '../util/errors.js';
import type { FileChange } from './plan.js';

export interface WriteResult {
  written: string[];
  /** already as the plan wants them in the work tree (written earlier, not yet committed) */
  already: string[];
}

function readWork(root: string, path: string): string | undefined {
  const abs = join(root, path);
  return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
}

/** Writes the changes into the work tree; refuses, before writing anything, a file with changes of its own. */
export function writeChanges(e: Evidence, changes: FileChange[]): WriteResult {
  if (e.repo.bare) throw new InputError(`${e.repo.input} is a bare repository: --write needs a work tree (use --branch NAME to commit the files instead)`);
  const root = e.repo.root;
  const todo: FileChange[] = [];
  const already: string[] = [];
  const refused: string[] = [];
  for (const c of changes) {
    const now = readWork(root, c.path);
    if (c.kind === 'rename') {
      const src = existsSync(join(root, c.from!));
      if (!src && now !== undefined) already.push(c.path);
      else if (src && now === undefined) todo.push(c);
      else refused.push(`${c.from!} → ${c.path}: expected ${c.from!} and no ${c.path} in the work tree, found ${src ? 'both' : 'neither'}`);
      continue;
    }
    if (now === c.after) already.push(c.path);
    else if ((c.kind === 'create' && now === undefined) || (c.kind === 'append' && now === c.before)) todo.push(c);
    else refused.push(`${c.path}: the work tree's copy differs from the commit checked (${c.kind === 'create' ? 'it exists but is not committed' : 'it has uncommitted changes'}); commit or stash it first`);
  }
  if (refused.length) throw new InputError(`nothing was written: ${refused.join('; ')}`);
  for (const c of todo) {
    const abs = join(root, c.path);
    mkdirSync(dirname(abs), { recursive: true });
    if (c.kind === 'rename') renameSync(join(root, c.from!), abs);
    else writeFileSync(abs, c.after);
  }
  return { written: todo.map((c) => c.path), already };
}

/** The author of the commit: --author, else user.name/email from the repository's or the user's git config. */
async function identity(e: Evidence, author?: string): Promise<{ name: string; email: string }> {
  if (author) {
    const m = /^\s*([^<>]+?)\s*<([^<>\s]+)>\s*$/.exec(author);
    if (!m) throw new InputError(`--author ${JSON.stringify(author)}: expected "Name <email>"`);
    return { name: m[1]!, email: m[2]! };
  }
  const cwd = e.repo.root;
  // Steward's git runner reads no global config; the user's own files are read explicitly
  const files = [undefined, join(homedir(), '.gitconfig'), join(process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'git', 'config')];
  for (const file of files) {
    if (file && !existsSync(file)) continue;
    const get = (key: string) => git(['config', ...(file ? ['--file', file] : []), '--get', key], { cwd }).then((s) => s.trim()).catch(() => '');
    const [name, email] = await Promise.all([get('user.name'), get('user.email')]);
    if (name && email) return { name, email };
  }
  throw new InputError('--branch needs an author for the commit: none in the repository\'s or your git config (user.name, user.email); pass --author "Name <email>"');
}

interface TreeEntryLine {
  mode: string;
  type: string;
  oid: string;
  name: string;
}

async function lsTree(cwd: string, treeish: string): Promise<TreeEntryLine[]> {
  const out = await git(['ls-tree', '-z', treeish], { cwd }).catch(() => '');
  return out.split('\0').filter(Boolean).map((rec) => {
    const tab = rec.indexOf('\t');
    const [mode = '', type = '', oid = ''] = rec.slice(0, tab).split(' ');
    return { mode, type, oid, name: rec.slice(tab + 1) };
  });
}

/** A tree: `treeOid` (or an empty one) with `updates` (path relative to it → blob oid, or null to delete) applied. */
async function updateTree(cwd: string, treeOid: string | undefined, updates: Map<string, string | null>): Promise<string> {
  const entries = new Map((treeOid ? await lsTree(cwd, treeOid) : []).map((t) => [t.name, t]));
  const sub = new Map<string, Map<string, string | null>>();
  for (const [path, oid] of updates) {
    const slash = path.indexOf('/');
    if (slash < 0) {
      if (oid === null) entries.delete(path);
      else entries.set(path, { mode: '100644', type: 'blob', oid, name: path });
      continue;
    }
    const dir = path.slice(0, slash);
    if (!sub.has(dir)) sub.set(dir, new Map());
    sub.get(dir)!.set(path.slice(slash + 1), oid);
  }
  for (const [dir, u] of sub) {
    const existing = entries.get(dir);
    const oid = await updateTree(cwd, existing?.type === 'tree' ? existing.oid : undefined, u);
    entries.set(dir, { mode: '040000', type: 'tree', oid, name: dir });
  }
  const input = [...entries.values()].map((t) => `${t.mode} ${t.type} ${t.oid}\t${t.name}\0`).join('');
  return (await git(['mktree', '-z'], { cwd, input })).trim();
}

export function commitMessage(changes: FileChange[]): string {
  const lines = ['Add what the PyTorch Ecosystem requirements ask for', ''];
  for (const c of changes) {
    const what = c.kind === 'rename' ? `${c.from!} → ${c.path}` : c.path;
    lines.push(`- ${what}: ${c.fixes.map((f) => `requirement ${f.id} (${f.title})`).join(', ')}`);
  }
  lines.push('', 'Written by steward fix from the repository\'s own history, CI configuration and tags.');
  return lines.join('\n') + '\n';
}

/** Commits the changes on top of the evaluated commit as the new branch `name`; returns the commit. */
export async function commitOnBranch(e: Evidence, changes: FileChange[], name: string, author?: string): Promise<string> {
  const cwd = e.repo.root;
  try {
    await git(['check-ref-format', '--branch', name], { cwd });
  } catch {
    throw new InputError(`--branch ${JSON.stringify(name)}: not a valid branch name`);
  }
  const exists = await git(['rev-parse', '--verify', '--quiet', `refs/heads/${name}`], { cwd }).then(() => true, () => false);
  if (exists) throw new InputError(`--branch ${name}: the branch already exists; choose another name`);
  const who = await identity(e, author);
  const updates = new Map<string, string | null>();
  for (const c of changes) {
    if (c.kind === 'rename') {
      updates.set(c.from!, null);
      updates.set(c.path, c.oid!);
    } else {
      updates.set(c.path, (await git(['hash-object', '-w', '--stdin'], { cwd, input: c.after })).trim());
    }
  }
  const tree = await updateTree(cwd, `${e.repo.commit}^{tree}`, updates);
  const ident = ['-c', `user.name=${who.name}`, '-c', `user.email=${who.email}`];
  const commit = (await git([...ident, 'commit-tree', tree, '-p', e.repo.commit, '-F', '-'], { cwd, input: commitMessage(changes) })).trim();
  // the empty old value: created only if nobody made the branch meanwhile
  await git(['update-ref', `refs/heads/${name}`, commit, ''], { cwd });
  return commit;
}
