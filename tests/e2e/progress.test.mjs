// Progress views in headless Chromium: the Havering dashboard as at the scrutiny meeting and
// as at today, checked against figures worked out here from the file; filters as links.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, withPage, ready, examplePlan, PLAN_ID, fillDate, } from './harness.mjs';

let server;
let browser;
let plan;

before(async () => {
  server = await serve();
  browser = await launch();
  plan = (await examplePlan()).plan;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const dash = (query) => `${server.url}#/plan/${PLAN_ID}/dashboard${query ? `?${query}` : ''}`;
const OPEN = new Set(['not_started', 'on_track', 'at_risk', 'off_track']);
const LABELS = { completed: 'Completed', ongoing: 'Ongoing', on_track: 'On track', at_risk: 'At risk', off_track: 'Off track', not_started: 'Not started', cancelled: 'Cancelled' };

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The figures, worked out from the file (the Havering actions have no updates, so each
 *  action's status on any day is its status in the file). */
function expected(asAt, keep = () => true) {
  const rows = plan.recommendations.flatMap((r) => r.actions.filter((a) => keep(r, a)).map((a) => ({ r, a })));
  const counts = {};
  for (const { a } of rows) counts[a.status] = (counts[a.status] ?? 0) + 1;
  const overdue = rows.filter(({ a }) => a.due && a.due < asAt && OPEN.has(a.status)).map(({ a }) => a.id);
  const days = (a) => Math.round((Date.parse(a.due) - Date.parse(asAt)) / 86400000);
  const due30 = rows.filter(({ a }) => a.due && OPEN.has(a.status) && days(a) >= 0 && days(a) <= 30).map(({ a }) => a.id);
  return { total: rows.length, counts, overdue, due30 };
}

async function statusCounts(page) {
  const rows = await page.getByTestId('status-counts').locator('tbody tr[data-status]').evaluateAll((trs) =>
    trs.map((tr) => [tr.dataset.status, Number(tr.querySelector('td').textContent)]));
  return Object.fromEntries(rows.filter(([, n]) => n > 0));
}

async function listed(page, id) {
  const table = page.getByTestId(id);
  if ((await table.count()) === 0) return [];
  return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.actionId));
}

for (const [when, asAt] of [['the scrutiny meeting, 4 September 2019', '2019-09-04'], ['today', today()]]) {
  test(`the dashboard as at ${when} shows the figures worked out from the file`, async () => {
    const want = expected(asAt);
    await withPage(browser, dash(`as_at=${asAt}`), async ({ page, errors }) => {
      await ready(page);
      assert.deepEqual(await statusCounts(page), want.counts);
      const overdueIds = await listed(page, 'overdue');
      assert.deepEqual([...overdueIds].sort(), [...want.overdue].sort());
      assert.deepEqual([...(await listed(page, 'due-30'))].sort(), [...want.due30].sort());
      const summary = await page.getByTestId('summary').innerText();
      assert.match(summary, new RegExp(`Of ${want.total} actions, ${want.counts.completed} are completed, ${want.counts.ongoing} are now part of everyday work and ${want.counts.not_started} are not started; ${want.overdue.length} (is|are) past their date\\.`));
      const figures = await page.getByTestId('key-figures').innerText();
      assert.match(figures, new RegExp(`Delivered \\(completed\\)\\s+${want.counts.completed}`));
      assert.match(figures, new RegExp(`Embedded in everyday work \\(ongoing\\)\\s+${want.counts.ongoing}`));
      // Each recommendation's row has its own counts.
      const recRows = await page.getByTestId('recommendation-progress').locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td.govuk-table__cell--numeric')].map((td) => Number(td.textContent))));
      assert.equal(recRows.length, 13);
      plan.recommendations.forEach((r, i) => {
        const n = (s) => r.actions.filter((a) => a.status === s).length;
        assert.deepEqual(recRows[i], [n('completed'), n('ongoing'), 0, n('not_started')], `recommendation ${r.number}`);
      });
      assert.match(await page.getByTestId('timeline').innerText(), /Overview & Scrutiny Board review of the action plan\s+Done/);
      assert.equal(await page.getByTestId('month-ends').locator('tbody tr').last().locator('th').textContent(),
        new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(asAt)));
      assert.deepEqual(errors, []);
    });
  });
}

test("every pattern a chart fills with is drawn once on the page; the recommendations' bars share theirs", async () => {
  await withPage(browser, dash('as_at=2019-09-04'), async ({ page, errors }) => {
    await ready(page);
    const charts = await page.evaluate(() => {
      const used = [...new Set([...document.querySelectorAll('main [fill^="url(#"]')].map((el) => el.getAttribute('fill').slice(5, -1)))];
      return {
        used: used.map((id) => [id, [...document.querySelectorAll(`[id="${id}"]`)].map((el) => el.tagName)]),
        patterns: document.querySelectorAll('main pattern').length,
        inTable: document.querySelectorAll('[data-testid="recommendation-progress"] pattern').length,
        hatchedRows: document.querySelectorAll('[data-testid="recommendation-progress"] [fill="url(#rec-bars-hatch)"]').length,
      };
    });
    for (const [id, found] of charts.used) assert.deepEqual(found, ['pattern'], `the pattern ${id}`);
    // Havering's plan had actions not started in September 2019: their segments use the
    // shared hatch, and no row draws a pattern of its own.
    assert.ok(charts.hatchedRows > 0);
    assert.equal(charts.inTable, 0);
    assert.ok(charts.patterns <= 12, `${charts.patterns} patterns on the page`);
    // The shared patterns are drawn (a pattern in a hidden drawing would fill nothing),
    // and take no room.
    const box = await page.locator('.app-shared-patterns').boundingBox();
    assert.deepEqual([box.width, box.height], [0, 0]);
    assert.notEqual(await page.locator('.app-shared-patterns').evaluate((svg) => getComputedStyle(svg).display), 'none');
    assert.deepEqual(errors, []);
  });
});

test('a filter is a link: chosen in the form, it reloads to the same view', async () => {
  const want = expected('2019-09-04', (r, a) => r.group === 'opportunities' && a.status === 'not_started');
  await withPage(browser, dash('as_at=2019-09-04'), async ({ page }) => {
    await ready(page);
    await page.getByText('Filter the actions').click();
    await page.getByRole('checkbox', { name: 'Not started' }).check();
    await page.locator('#filter-group').selectOption('opportunities');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByTestId('filtered').waitFor();
    const hash = new URL(page.url()).hash;
    assert.equal(hash, `#/plan/${PLAN_ID}/dashboard?as_at=2019-09-04&status=not_started&group=opportunities`);
    await page.reload();
    await ready(page);
    assert.equal(await page.getByTestId('filtered').innerText(), `Showing ${want.total} of the plan's 32 actions, chosen by the filter.`);
    assert.deepEqual(await statusCounts(page), { not_started: want.total });
    assert.equal(await page.getByRole('checkbox', { name: 'Not started' }).isChecked(), true, 'the form shows the filter from the address');
    assert.equal(await page.locator('#filter-group').inputValue(), 'opportunities');
    // The as-at date moves with the form too.
    await fillDate(page, 'As at', '2026-01-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/as_at=2026-01-01&status=not_started&group=opportunities$/);
  });
});

test("a lead's own actions are one link away, and words search the plan", async () => {
  const lead = 'AD Communications';
  const want = expected('2019-09-04', (r, a) => a.leads.includes(lead));
  await withPage(browser, dash('as_at=2019-09-04'), async ({ page }) => {
    await ready(page);
    await page.getByTestId('by-lead').getByRole('link', { name: lead, exact: true }).click();
    await page.locator('main h1', { hasText: `Actions led by ${lead}` }).waitFor();
    assert.match(new URL(page.url()).hash, /lead=AD%20Communications$/);
    assert.deepEqual(await statusCounts(page), want.counts);

    await page.goto(dash('as_at=2019-09-04&q=peer%20challenge'));
    await ready(page);
    const words = expected('2019-09-04', (r, a) => [a.text, a.timescale, r.title, r.context, ...a.leads].some((t) => t.toLowerCase().includes('peer challenge')));
    assert.equal(await page.getByTestId('filtered').innerText(), `Showing ${words.total} of the plan's 32 actions, chosen by the filter.`);
  });
});
