// Public pages rendered once per state of the process: every change the engine makes appends to
// the audit log, so the log's last sequence number names the state a page was rendered from. An
// anonymous visitor gets the stored HTML while nothing has changed; signed-in pages (forms with
// the visitor's CSRF value, their role's view) are always rendered afresh.
import type { Kysely } from 'kysely';
import type { DB } from '../store/index.js';

const MAX_ENTRIES = 1000;

export class PageCache {
  private pages = new Map<string, { version: number; html: string }>();

  async version(db: Kysely<DB>): Promise<number> {
    const head = await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
    return Number(head?.seq ?? 0);
  }

  get(key: string, version: number): string | undefined {
    const hit = this.pages.get(key);
    return hit && hit.version === version ? hit.html : undefined;
  }

  set(key: string, version: number, html: string): void {
    if (this.pages.size >= MAX_ENTRIES) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, { version, html });
  }
}
