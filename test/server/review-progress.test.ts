// The staff desk shows the periodic review's progress as the CLI's progress line does: reviewed /
// due today, rate, time left and the GitHub budget left, read from the store (so every worker's
// reviews count), and nothing when no review is under way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reviewOne, dueProjects } from '../../src/process/engine-review.js';
import { storeBudget } from '../../src/jobs/rate-budget.js';
import { reviewProgress } from '../../src/server/data/review-progress.js';
import { fakeEvaluator } from '../process/fake-report.js';
import { STAFF } from '../process/helpers.js';
import { importLandscape } from '../../src/process/engine-import.js';
import { as, seeded } from './seed.js';

test('review progress on the staff desk: reviewed of due, rate, time left, budget left', async () => {
  const s = await seeded();
  try {
    const text = async () => (await (await s.app.request('/staff', { headers: await as(s, 'staff') })).text()).replace(/<[^>]+>/g, '');
    // today nothing is due in the demo world: no section
    assert.equal(await reviewProgress(s.ctx), undefined);
    assert.doesNotMatch(await text(), /Periodic review,/);

    // projects accepted long ago are due today
    const item = (name: string, line: number) => ({
      id: `modeling--x--${name}`,
      name,
      category: 'Modeling',
      subcategory: 'X',
      homepage_url: '',
      repo_url: `https://github.com/example/${name}`,
      logo: 'x.svg',
      extra: { accepted: '2020-01-01' },
      line,
    });
    await importLandscape(s.ctx.engine, STAFF, {
      file: 'landscape.yml',
      format: 'landscape',
      categories: [],
      problems: [],
      items: [item('alpha', 1), item('beta', 2)],
    });
    const due = await dueProjects(s.ctx.engine);
    assert.ok(due.length >= 2, `${due.length} due`);
    const today = new Date().toISOString().slice(0, 10);
    let p = await reviewProgress(s.ctx);
    assert.deepEqual(
      { done: p!.figures.done, total: p!.figures.total, eta: p!.figures.etaS, day: p!.day },
      { done: 0, total: due.length, eta: null, day: today },
    );
    // no rate before the first review: "0.0 a minute" read as a stalled run
    assert.match(await text(), new RegExp(`0 of ${due.length} reviewed \\(none yet\\), not started yet`));
    assert.doesNotMatch(await text(), /a minute/);

    await reviewOne(s.ctx.engine, STAFF, due[0]!, fakeEvaluator());
    const reset = new Date(Date.now() + 3600_000);
    await storeBudget(s.store).write('t1', 4200, Math.floor(reset.getTime() / 1000));
    const { at } = await s.store.db
      .selectFrom('reports')
      .select('created_at as at')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    p = await reviewProgress(s.ctx, Date.parse(at) + 120_000);
    assert.equal(p!.figures.done, 1);
    assert.equal(p!.figures.total, due.length);
    assert.deepEqual(p!.outcomes, { passed: 1 });
    assert.equal(p!.figures.elapsedS, 120, 'since the first review of the day');
    assert.equal(p!.figures.budgetLeft, 4200);
    const page = await text();
    assert.equal(p!.figures.etaS, (due.length - 1) * 120);
    assert.match(
      page,
      new RegExp(
        `Periodic review, ${today}\\s*1 of ${due.length} reviewed \\(1 passed\\),\\s*[\\d.]+ a minute, about \\S+( \\S+)? left; GitHub budget 4200 requests left until ${reset.toISOString().slice(11, 16)} UTC`,
      ),
    );

    // all reviewed: done, with no rate or time left
    for (const id of due.slice(1)) await reviewOne(s.ctx.engine, STAFF, id, fakeEvaluator());
    const finished = await text();
    assert.match(finished, new RegExp(`${due.length} of ${due.length} reviewed \\(${due.length} passed\\), done`));
    assert.doesNotMatch(finished, /a minute|left;/);
  } finally {
    await s.close();
  }
});
