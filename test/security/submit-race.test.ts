// Door: concurrent submissions. The same repository submitted at once, many times, on either
// store, yields exactly one open application; the others are refused with the reason.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from '../store/backends.js';
import { cleanupTemp } from '../support/repo.js';
import { applicant, simpleInput, testEngine } from '../process/helpers.js';
import * as apps from '../../src/process/engine-applications.js';

after(cleanupTemp);

for (const backend of BACKENDS) {
  test(`${backend.name}: 12 concurrent submissions of one repository make one open application`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const store = await backend.open();
    try {
      const { engine } = testEngine(store, '2026-11-02T10:00:00Z');
      // the same repository as typed by different people: case, .git and a trailing slash differ
      const forms = ['https://github.com/acme/widget', 'https://github.com/Acme/Widget.git', 'https://github.com/acme/widget/'];
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          apps.submitApplication(engine, applicant(`u${i}`), simpleInput('Widget', forms[i % forms.length])),
        ),
      );
      const ok = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      assert.equal(
        ok.length,
        1,
        `accepted ${ok.length}: ${refused
          .map((r) => String(r.reason))
          .slice(0, 2)
          .join('; ')}`,
      );
      for (const r of refused) assert.match(String(r.reason), /for this repository is still|already/, String(r.reason));
      const open = (await apps.listApplications(engine)).filter((a) => a.status !== 'DECLINED' && a.status !== 'WITHDRAWN');
      assert.equal(open.length, 1);
    } finally {
      await store.dispose();
    }
  });
}
