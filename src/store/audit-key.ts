// The audit key: what signs the audit log, kept outside the database so that write access to the
// database alone cannot rewrite the log and sign it again. From, in order:
//   STEWARD_AUDIT_KEY        the key itself (at least 32 characters), e.g. from a secret store;
//   STEWARD_AUDIT_KEY_FILE   a file holding it;
//   the default file: beside the SQLite database (`<data dir>/audit.key`), or for PostgreSQL
//   `$XDG_CONFIG_HOME/steward/audit.key` (~/.config/steward/audit.key).
// A missing key file is created on the first write with 32 random bytes, mode 0600. Reading
// (`audit verify`) never creates one: it says it cannot check signatures instead.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface AuditKeyRef {
  /** where the key comes from, for messages */
  where: string;
  /** the key, or undefined when there is none yet */
  load(): Buffer | undefined;
  /** the key, created (file, mode 0600) when there is none */
  loadOrCreate(): Buffer;
}

const MIN_KEY_CHARS = 32;

export function auditKeyRef(opts: { sqliteFile?: string; keyFile?: string; env?: NodeJS.ProcessEnv }): AuditKeyRef {
  const env = opts.env ?? process.env;
  const secret = env.STEWARD_AUDIT_KEY;
  if (secret !== undefined && secret !== '') {
    if (secret.length < MIN_KEY_CHARS)
      throw new Error(`STEWARD_AUDIT_KEY is ${secret.length} characters long; an audit key needs at least ${MIN_KEY_CHARS}`);
    const key = Buffer.from(secret, 'utf8');
    return { where: 'STEWARD_AUDIT_KEY', load: () => key, loadOrCreate: () => key };
  }
  const file =
    opts.keyFile ??
    (env.STEWARD_AUDIT_KEY_FILE || undefined) ??
    (opts.sqliteFile
      ? join(dirname(opts.sqliteFile), 'audit.key')
      : join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'steward', 'audit.key'));
  let cached: Buffer | undefined;
  const load = (): Buffer | undefined => {
    if (cached) return cached;
    if (!existsSync(file)) return undefined;
    const text = readFileSync(file, 'utf8').trim();
    if (text.length < MIN_KEY_CHARS)
      throw new Error(`the audit key file ${file} holds ${text.length} characters; an audit key needs at least ${MIN_KEY_CHARS}`);
    cached = Buffer.from(text, 'utf8');
    return cached;
  };
  return {
    where: file,
    load,
    loadOrCreate() {
      const found = load();
      if (found) return found;
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      // written whole under another name, then linked into place: a racing process either
      // links first or finds the complete file (link fails if it exists)
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      const fd = openSync(tmp, 'wx', 0o600);
      try {
        writeSync(fd, `${randomBytes(32).toString('hex')}\n`);
      } finally {
        closeSync(fd);
      }
      chmodSync(tmp, 0o600);
      try {
        linkSync(tmp, file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      } finally {
        unlinkSync(tmp);
      }
      return load()!;
    },
  };
}
