// The app in headless Chromium: loading, the Havering plan, addresses, storage, keyboard.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, withPage, ready, examplePlan, PLAN_ID } from './harness.mjs';

let server;
let browser;
let example;

before(async () => {
  server = await serve();
  browser = await launch();
  example = (await examplePlan()).plan;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const at = (hash) => `${server.url}#${hash}`;
const INDEX_KEY = 'cpc-action-plan/index';
const PLAN_KEY = `cpc-action-plan/plan/${PLAN_ID}`;

/** The local date as YYYY-MM-DD, the "today" the app uses. */
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const allActions = () => example.recommendations.flatMap((r) => r.actions);

test('the app loads with no console errors and asks only its own host', async () => {
  await withPage(browser, server.url, async ({ page, errors, requests }) => {
    await ready(page);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(errors, []);
    const origin = new URL(server.url).origin;
    const elsewhere = requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:'));
    assert.deepEqual(elsewhere, []);
    assert.equal(await page.locator('h1').innerText(), 'Action plans in this browser');
    assert.match(await page.title(), /^Your plans – /);
    const row = page.locator('tbody tr', { hasText: example.title });
    assert.equal(await row.count(), 1, 'an empty browser starts with the Havering plan');
    assert.deepEqual((await row.locator('td').allInnerTexts()).slice(0, 4), [
      'London Borough of Havering',
      '26 February to 1 March 2019',
      '13',
      '32',
    ]);
  });
});

test('the Havering plan shows all 13 recommendations and 32 actions, as written', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/recommendations`), async ({ page, errors }) => {
    await ready(page);
    assert.equal(await page.locator('section[data-recommendation-id]').count(), 13);
    assert.equal(await page.locator('tr[data-action-id]').count(), 32);
    const headings = await page.locator('section[data-recommendation-id] h2').allInnerTexts();
    assert.deepEqual(
      headings,
      example.recommendations.map((r) => `${r.number}. ${r.title}`),
    );
    const texts = await page.locator('tr[data-action-id] td:first-child').allInnerTexts();
    assert.deepEqual(texts, allActions().map((a) => a.text));
    // Context in italics under each title, as the council's table has it.
    const contexts = await page.locator('.app-context').allInnerTexts();
    assert.deepEqual(contexts, example.recommendations.map((r) => r.context).filter(Boolean));
    // The status words, in plan order.
    const statuses = await page.locator('tr[data-action-id] td:last-child strong:first-child').allInnerTexts();
    const words = { not_started: 'Not started', completed: 'Completed', ongoing: 'Ongoing' };
    assert.deepEqual(statuses, allActions().map((a) => words[a.status]));
    assert.deepEqual(errors, []);
  });
});

test('overdue marks and counts are worked out for today', async () => {
  const now = today();
  const open = new Set(['not_started', 'on_track', 'at_risk', 'off_track']);
  const overdue = allActions().filter((a) => a.due && a.due < now && open.has(a.status));
  await withPage(browser, at(`/plan/${PLAN_ID}/recommendations`), async ({ page }) => {
    await ready(page);
    const marked = await page.locator('tr[data-action-id]:has(.app-overdue)').evaluateAll((rows) =>
      rows.map((r) => r.dataset.actionId),
    );
    assert.deepEqual(marked, overdue.map((a) => a.id));
    await page.goto(at(`/plan/${PLAN_ID}`));
    await ready(page);
    // Overdue is said apart from the statuses (each overdue action is counted under its
    // status already), so the shares add up to 100%.
    const openCount = allActions().filter((a) => open.has(a.status)).length;
    assert.match(
      await page.getByTestId('overdue-line').innerText(),
      new RegExp(`^Overdue on \\d{1,2} \\w+ \\d{4}: ${overdue.length} of the ${openCount} open actions \\(not started or under way\\) are overdue: past their due date\\.$`),
    );
    const counts = await page.getByTestId('status-counts').locator('tbody tr').allInnerTexts();
    assert.deepEqual(
      counts.map((c) => c.replace(/\s+/g, ' ').trim()),
      ['Not started 18 56%', 'Completed 4 13%', 'Ongoing 10 31%', 'All actions 32 100%'],
    );
  });
});

test('deep links open the right page, also after a reload', async () => {
  const r8 = example.recommendations.find((r) => r.id === 'r8');
  const cases = [
    [`/plan/${PLAN_ID}`, example.title],
    [`/plan/${PLAN_ID}/recommendations`, 'Recommendations'],
    [`/plan/${PLAN_ID}/recommendations/r8`, r8.title],
    [`/plan/${PLAN_ID}/actions/${r8.actions[2].id}`, r8.actions[2].text],
  ];
  await withPage(browser, server.url, async ({ page, errors }) => {
    for (const [hash, heading] of cases) {
      await page.goto(at(hash));
      await page.reload();
      await ready(page);
      assert.equal(await page.locator('main h1').innerText(), heading, hash);
      assert.equal(new URL(page.url()).hash, `#${hash}`);
    }
    // The action page shows where the action sits, its timescale, due date and lead.
    const summary = await page.locator('.govuk-summary-list').innerText();
    assert.ok(summary.includes(`8. ${r8.title}`));
    assert.match(summary, /September 2019/);
    assert.match(summary, /30 September 2019/);
    assert.match(await page.locator('main').innerText(), /No progress updates have been recorded/);
    assert.deepEqual(errors, []);
  });
});

test('unknown plans, recommendations, actions and addresses show "Page not found"', async () => {
  const cases = [
    ['/plan/no-such-plan', 'no plan with the id “no-such-plan”'],
    ['/plan/no-such-plan/recommendations', 'no plan with the id “no-such-plan”'],
    [`/plan/${PLAN_ID}/recommendations/r99`, 'no recommendation with the id “r99”'],
    [`/plan/${PLAN_ID}/actions/nope`, 'no action with the id “nope”'],
    ['/somewhere/else', 'There is no page at this address'],
  ];
  await withPage(browser, server.url, async ({ page, errors }) => {
    for (const [hash, says] of cases) {
      await page.goto(at(hash));
      await ready(page);
      assert.equal(await page.locator('main h1').innerText(), 'Page not found', hash);
      assert.ok((await page.locator('main').innerText()).includes(says), hash);
      await page.getByRole('link', { name: 'Go to the plans in this browser' }).click();
      await page.locator('main h1', { hasText: 'Action plans in this browser' }).waitFor();
    }
    assert.deepEqual(errors, []);
  });
});

test('a plan is kept in local storage and read back after a reload', async () => {
  await withPage(browser, server.url, async ({ page }) => {
    await ready(page);
    const stored = await page.evaluate(
      ([index, key]) => [localStorage.getItem(index), localStorage.getItem(key)],
      [INDEX_KEY, PLAN_KEY],
    );
    assert.deepEqual(JSON.parse(stored[0]), [PLAN_ID]);
    const record = JSON.parse(stored[1]);
    assert.equal(record.revision, 1, 'the first save is revision 1');
    assert.equal(record.file.format, 'cpc-action-plan');
    assert.equal(record.file.version, 1);
    assert.deepEqual(record.file.plan, example, 'the stored plan is the example, field for field');

    // Change the stored plan as another session would have left it; the app must show it.
    record.file.plan.council = 'Test Valley Borough Council';
    record.file.plan.recommendations[0].title = 'A <b>title</b> with <img src=x onerror="window.hacked=1"> markup';
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [PLAN_KEY, JSON.stringify(record)]);
    await page.goto(at(`/plan/${PLAN_ID}/recommendations/r1`));
    await page.reload();
    await ready(page);
    assert.equal(await page.locator('.govuk-generic-header').innerText(), 'Test Valley Borough Council');
    assert.equal(await page.locator('main h1').innerText(), record.file.plan.recommendations[0].title);
    assert.equal(await page.locator('main h1 b, main h1 img').count(), 0, 'user text is text, never HTML');
    assert.equal(await page.evaluate(() => window.hacked), undefined);
  });
});

test('with local storage blocked, a banner says so and the plan still shows', async () => {
  const blockStorage = () => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    });
  };
  await withPage(
    browser,
    at(`/plan/${PLAN_ID}/recommendations`),
    async ({ page, errors }) => {
      await ready(page);
      const banner = page.getByTestId('storage-banner');
      await banner.waitFor();
      assert.match(await banner.innerText(), /This browser is not keeping your plans/);
      assert.equal(await page.locator('section[data-recommendation-id]').count(), 13);
      assert.equal(await page.locator('tr[data-action-id]').count(), 32);
      assert.deepEqual(errors.filter((e) => /panicked|RuntimeError|unreachable/.test(e)), []);
    },
    { initScript: blockStorage },
  );
});

test('with local storage full, a banner says so and the plan still shows', async () => {
  // A page of the same origin that is not the app fills the storage first.
  await withPage(browser, `${server.url}examples/havering-2019.plan.json`, async ({ page, errors }) => {
    const filled = await page.evaluate(() => {
      // Big pieces first, then smaller ones, until not even 16 characters fit.
      let i = 0;
      let last;
      for (let size = 1024 * 1024; size >= 16; size /= 4) {
        const chunk = 'x'.repeat(size);
        try {
          for (;;) localStorage.setItem(`filler-${i++}`, chunk);
        } catch (e) {
          last = e.name;
        }
      }
      return last;
    });
    assert.equal(filled, 'QuotaExceededError');
    await page.goto(at(`/plan/${PLAN_ID}/recommendations`));
    await ready(page);
    const banner = page.getByTestId('storage-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /This browser's storage is full/);
    assert.equal(await page.locator('tr[data-action-id]').count(), 32);
    assert.equal(await page.evaluate(() => localStorage.getItem('cpc-action-plan/index')), null,
      'no half-written index: the list is written only after every plan was kept');
    assert.deepEqual(errors.filter((e) => /panicked|RuntimeError|unreachable/.test(e)), []);
  });
});

test('damaged stored data is reported and left exactly as it was', async () => {
  await withPage(browser, server.url, async ({ page, errors }) => {
    await ready(page);
    const damaged = '{"format": "cpc-action-plan", "version": 1, "plan": {"id": "havering-cpc-2019", "council"';
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [PLAN_KEY, damaged]);
    await page.reload();
    await ready(page);
    const banner = page.getByTestId('unreadable-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /Some stored data could not be read/);
    assert.match(await banner.innerText(), new RegExp(PLAN_KEY));
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), PLAN_KEY), damaged);
    assert.deepEqual(errors.filter((e) => /panicked|RuntimeError|unreachable/.test(e)), []);
  });
});

test('keyboard: skip link, links, and focus on the new page heading', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}`), async ({ page }) => {
    await ready(page);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to main content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main-content');
    assert.equal(new URL(page.url()).hash, `#/plan/${PLAN_ID}`, 'the skip link leaves the address alone');

    await page.getByRole('link', { name: 'See every recommendation and its actions' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('main h1', { hasText: 'Recommendations' }).waitFor();
    assert.equal(new URL(page.url()).hash, `#/plan/${PLAN_ID}/recommendations`);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.equal(
      await page.locator('[aria-current="page"]').first().innerText(),
      'Recommendations',
      'the navigation marks the current page',
    );
  });
});
