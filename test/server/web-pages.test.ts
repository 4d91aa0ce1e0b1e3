// Pages over the process's own computations: waivers on the application and project pages
// (recorded and revoked by staff through a form, the report rows exempt with the reason), the
// inbox as `steward inbox` computes it, the public log of decisions, and the self-check's path.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { inbox } from '../../src/process/inbox.js';
import { createSession } from '../../src/server/auth/records.js';
import { as, formBody, seeded } from './seed.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const row = (html: string, id: number) => text(new RegExp(`<tr id="req-${id}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '');

test('waivers: shown on the project and application pages, recorded and revoked by staff through the form; report rows exempt with the reason while in force', async () => {
  const s = await seeded();
  try {
    // the seeded W1 on lumen, publicly
    const pub = await (await s.app.request('/projects/lumen')).text();
    assert.match(text(pub), /18\. CODEOWNERS The maintainers are listed in MAINTAINERS\.md.* by the working group in S1 .*in force/);
    assert.match(row(pub, 18), /exempt: The maintainers are listed in MAINTAINERS\.md/);
    assert.doesNotMatch(pub, /Record a waiver/);
    const api = (await (await s.app.request('/api/projects/lumen/report')).json()) as { requirements: { id: number; status: string }[]; waivers: { id: string; state: string }[] };
    assert.equal(api.requirements.find((r) => r.id === 18)!.status, 'exempt');
    assert.deepEqual(api.waivers.map((w) => [w.id, w.state]), [['W1', 'in force']]);

    const staff = await as(s, 'staff');
    const before = row(await (await s.app.request('/applications/10', { headers: staff })).text(), 6);
    assert.doesNotMatch(before, /exempt/);
    const rec = await s.app.request('/applications/10/waivers', { method: 'POST', headers: { ...staff, ...FORM }, body: formBody({ requirement: '6', reason: 'docs move to the new site next month', decidedBy: 'the working group', decidedIn: 'S2', until: '' }) });
    assert.equal(rec.status, 303);
    const page = await (await s.app.request('/applications/10', { headers: staff })).text();
    assert.match(row(page, 6), /exempt: docs move to the new site next month \(waiver W3, decided by the working group in S2, until the first periodic review\)/);
    assert.match(text(page), /6\. Documentation docs move to the new site next month .* the first periodic review in force/);
    // a refusal of the engine is the page's answer, with its reason
    const bad = await s.app.request('/applications/10/waivers', { method: 'POST', headers: { ...staff, ...FORM }, body: formBody({ requirement: '42', reason: 'x', decidedBy: 'wg', decidedIn: 'S2' }) });
    assert.equal(bad.status, 400);
    assert.match(text(await bad.text()), /expected a requirement number 1–19/);

    const rev = await s.app.request('/waivers/W3/revoke', { method: 'POST', headers: { ...staff, ...FORM }, body: formBody({ reason: 'the docs are up', subject: 'application:10' }) });
    assert.equal(rev.status, 303);
    assert.equal(rev.headers.get('location'), '/applications/10#waivers-h');
    const after = await (await s.app.request('/applications/10', { headers: staff })).text();
    assert.doesNotMatch(row(after, 6), /exempt/);
    assert.match(text(after), /revoked by sam on \d{4}-\d\d-\d\d: the docs are up/);

    // the applicant sees the waivers of their own application, without the staff forms
    const ann = await (await s.app.request('/applications/8', { headers: await as(s, 'applicant') })).text();
    assert.match(text(ann), /14\. Stars A niche field/);
    assert.doesNotMatch(ann, /Record a waiver|Revoke/);
  } finally {
    await s.close();
  }
});

test('the inbox page lists what src/process/inbox.ts computes for the signed-in person, linked to where it is done', async () => {
  const s = await seeded();
  try {
    // olga has not voted on application 8; sam has the staff's work; ann a question to answer
    for (const [who, role] of [['olga', 'member'], ['sam', 'staff'], ['ann', 'applicant']] as const) {
      const headers = { cookie: `steward_session=${await createSession(s.store.db, who, new Date())}` };
      const html = await (await s.app.request('/inbox', { headers })).text();
      const items = await inbox(s.ctx.engine, { id: who, role });
      assert.ok(items.length > 0, `${who} has something waiting in the seed`);
      for (const i of items) assert.ok(text(html).includes(i.text), `${who}'s inbox page lacks: ${i.text}`);
    }
    const staffPage = await (await s.app.request('/inbox', { headers: await as(s, 'staff') })).text();
    assert.match(staffPage, /<a href="\/applications\/10">open the vote on application 10/);
  } finally {
    await s.close();
  }
});
