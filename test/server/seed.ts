// The server tests' world: the demo scenario (applications in every state, a roster, sessions)
// over real-shaped reports, a landscape entry with a logo for the active project, and a way to
// be signed in as each role of the authorisation matrix.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario, DEMO_APPLICANT, DEMO_MEMBERS, DEMO_STAFF } from '../../src/demo/scenario.js';
import { createEngine } from '../../src/process/engine.js';
import { createApp } from '../../src/server/app.js';
import { createSession } from '../../src/server/auth/records.js';
import type { ServerContext } from '../../src/server/context.js';
import type { MatrixRole } from '../../src/server/routes/table.js';
import { openStore, type Store } from '../../src/store/index.js';
import { fakeEvaluator } from '../process/fake-report.js';
import { tempDir } from '../support/repo.js';

export const MATRIX_USERS: Record<Exclude<MatrixRole, 'anonymous'>, string> = {
  applicant: DEMO_APPLICANT,
  member: DEMO_MEMBERS[0]!,
  staff: DEMO_STAFF.id,
};

let template: Promise<string> | undefined;

/** A seeded data directory, built once per test file and copied for each use. */
async function seededDir(): Promise<string> {
  template ??= (async () => {
    const dir = tempDir('steward-web-seed-');
    const store = await openStore({ dataDir: dir });
    await runScenario(store, { start: '2026-09-01', evaluator: fakeEvaluator() });
    await store.close();
    const logos = join(dir, 'logos');
    mkdirSync(logos);
    writeFileSync(
      join(logos, 'lumen.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>',
    );
    return dir;
  })();
  return template;
}

export interface Seeded {
  ctx: ServerContext;
  app: ReturnType<typeof createApp>;
  store: Store;
  close(): Promise<void>;
}

export async function seeded(extra: Partial<ServerContext> = {}): Promise<Seeded> {
  const dir = tempDir('steward-web-');
  cpSync(await seededDir(), dir, { recursive: true });
  const store = await openStore({ dataDir: dir });
  const ctx: ServerContext = {
    store,
    engine: createEngine({ store }),
    landscape: {
      logosDir: join(dir, 'logos'),
      items: [
        {
          id: 'modeling--computer-vision--lumen',
          name: 'Lumen',
          category: 'Modeling',
          subcategory: 'Computer Vision',
          description: 'Lumen sees.',
          homepage_url: 'https://github.com/demo-org/lumen',
          repo_url: 'https://github.com/demo-org/lumen',
          logo: 'lumen.svg',
          line: 1,
        },
      ],
    },
    ...extra,
  };
  return { ctx, app: createApp(ctx), store, close: () => store.close() };
}

export const CSRF = 'c'.repeat(40);

/** Headers that make a request come from `role`'s browser (session cookie and CSRF cookie). */
export async function as(s: Seeded, role: MatrixRole): Promise<Record<string, string>> {
  if (role === 'anonymous') return { cookie: `steward_csrf=${CSRF}` };
  const sid = await createSession(s.store.db, MATRIX_USERS[role], new Date());
  return { cookie: `steward_session=${sid}; steward_csrf=${CSRF}` };
}

export function formBody(fields: Record<string, string>, csrf = CSRF): string {
  return new URLSearchParams({ _csrf: csrf, ...fields }).toString();
}
