// Every route of the route table × every role (anonymous, applicant, member, staff) with the
// status the route's access level implies, over the seeded world. Generated from ROUTES, and the
// app's registered routes are checked against ROUTES, so a new route cannot be left out.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ROUTES } from '../../src/server/app.js';
import type { MatrixRole, RouteDef } from '../../src/server/routes/table.js';
import { as, formBody, seeded } from './seed.js';

const ROLES: MatrixRole[] = ['anonymous', 'applicant', 'member', 'staff'];

function expected(def: RouteDef, role: MatrixRole): number {
  const override = def.example.expect?.[role];
  if (override !== undefined) return override;
  if (def.access === 'public') return def.example.ok;
  if (role === 'anonymous') return def.kind === 'page' ? (def.method === 'GET' ? 302 : 403) : 401;
  if (def.access === 'signed-in' || def.access === 'wg-or-owner') return def.example.ok;
  if (def.access === 'wg') return role === 'applicant' ? 403 : def.example.ok;
  return role === 'staff' ? def.example.ok : 403;
}

test('the route table names every route the app answers', async () => {
  const s = await seeded();
  try {
    const table = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
    const registered = s.app.routes.filter((r) => r.method === 'GET' || r.method === 'POST').map((r) => `${r.method} ${r.path}`);
    for (const r of registered) assert.ok(table.has(r), `${r} is registered but not in the route table`);
    for (const r of table) assert.ok(registered.includes(r), `${r} is in the route table but not registered`);
  } finally {
    await s.close();
  }
});

test('authorisation matrix: every route × role answers the status its access implies', async () => {
  const failures: string[] = [];
  const reads = await seeded();
  let cells = 0;
  try {
    for (const def of ROUTES) {
      for (const role of ROLES) {
        // a write gets a world of its own, so one cell's change never decides another's answer
        const s = def.method === 'GET' ? reads : await seeded();
        try {
          const headers: Record<string, string> = await as(s, role);
          const init: RequestInit = { method: def.method, headers, redirect: 'manual' };
          if (def.method === 'POST') {
            headers['content-type'] = 'application/x-www-form-urlencoded';
            init.body = formBody(def.example.form ?? {});
          }
          const res = await s.app.request(def.example.path, init);
          const want = expected(def, role);
          cells++;
          if (res.status !== want)
            failures.push(
              `${def.method} ${def.example.path} as ${role}: expected ${want}, got ${res.status} ${(await res.text()).slice(0, 160).replace(/\s+/g, ' ')}`,
            );
          if (res.status === 302 && role === 'anonymous') assert.match(res.headers.get('location') ?? '', /^\/login\?next=/);
        } finally {
          if (s !== reads) await s.close();
        }
      }
    }
  } finally {
    await reads.close();
  }
  assert.deepEqual(failures, []);
  assert.equal(cells, ROUTES.length * ROLES.length);
});
