// Nothing lost between tabs, undo and storage, in headless Chromium with two real pages on
// one origin: an undo never reverts another tab's saved work, a plan deleted in one tab
// leaves the other with a way to restore it, a save that fills storage partway names the
// plan and a reload shows every stored plan, damaged entries are never written over, and
// "today" follows the clock past midnight. axe checks each new message.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serve, launch, withPage, ready, saved, storedPlan, download, axeViolations, examplePlan, PLAN_ID, fillDate,
} from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const at = (hash) => `${server.url}#${hash}`;
const go = (page, hash) => page.evaluate((h) => { window.location.hash = h; }, hash);
const index = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('cpc-action-plan/index')));
const planKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cpc-action-plan/plan/')).sort());
const crashes = (errors) => errors.filter((e) => /panicked|RuntimeError|unreachable/.test(e));

async function noViolations(page, what) {
  assert.deepEqual(await axeViolations(page), [], what);
}

test('an undo in one tab never reverts another tab\'s saved edit, nor deletes its copy', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/actions/r1-a1/edit`), async ({ page: a, context, errors }) => {
    await ready(a);
    await saved(a);
    const b = await context.newPage();
    await b.goto(at(`/plan/${PLAN_ID}/actions/r2-a1/edit`));
    await ready(b);

    // 1. Tab A edits a due date.
    await fillDate(a, 'Due', '2020-01-31');
    await saved(a);
    // 2. Tab B, which took A's save, edits another action's due date; A takes B's version.
    await fillDate(b, 'Due', '2020-02-29');
    await saved(b);
    const afterB = await storedPlan(b, PLAN_ID);
    const notice = a.getByTestId('notice-banner');
    await notice.waitFor();
    assert.match(await notice.innerText(), /was saved in another tab.*Undo in this tab no longer goes back/s);
    // 3. Tab B copies the plan.
    await go(b, '/');
    await b.getByRole('button', { name: /^Copy/ }).click();
    await saved(b);
    const keys = await planKeys(b);
    assert.equal(keys.length, 2);
    // 4. Tab A presses Ctrl+Z, away from any field.
    await a.locator('main h1').click();
    await a.keyboard.press('Control+z');
    await a.waitForTimeout(600);
    await saved(a);

    const stored = await storedPlan(a, PLAN_ID);
    const due = (record, id) => record.file.plan.recommendations.flatMap((r) => r.actions).find((x) => x.id === id).due;
    assert.equal(due(stored, 'r2-a1'), '2020-02-29', 'B\'s saved edit is still there');
    assert.equal(due(stored, 'r1-a1'), '2020-01-31', 'A\'s edit was taken up by B, and is B\'s saved work now');
    assert.equal(stored.revision, afterB.revision, 'nothing was written over B\'s save');
    assert.deepEqual(await planKeys(a), keys, 'B\'s copy is still stored');
    assert.equal((await index(a)).length, 2);
    assert.equal(await a.getByRole('button', { name: 'Undo', exact: true }).isDisabled(), true);
    await noViolations(a, 'the notice about another tab');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'detached' });
    assert.deepEqual(crashes(errors), []);
  });
});

test('a plan deleted in one tab leaves the other, which can restore it, and it is never written back', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/edit`), async ({ page: a, context }) => {
    await ready(a);
    await saved(a);
    const b = await context.newPage();
    await b.goto(at(`/plan/${PLAN_ID}/delete`));
    await ready(b);
    // Tab A has a change of its own not yet saved when B deletes the plan.
    await a.getByLabel('Council').fill('Havering (typed in tab A)');
    // B's delete is written at once (as when its tab is hidden), before A's typing pause
    // ends and A saves.
    await b.getByRole('button', { name: 'Delete plan' }).click();
    await b.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    });
    await saved(b);
    const banner = a.getByTestId('removed-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /“Corporate Peer Challenge 2019: improvement action plan” was deleted in another tab or window/);
    await a.waitForTimeout(800);
    assert.deepEqual(await planKeys(a), [], 'A did not write it back');
    assert.deepEqual(await index(a), []);
    await noViolations(a, 'the banner for a plan deleted elsewhere');

    // A reload of B shows no warning about a listed plan with no data.
    await b.reload();
    await ready(b);
    assert.equal(await b.getByTestId('unreadable-banner').count(), 0);

    // Export keeps a file of A's copy, with A's unsaved change; restore brings it back.
    const file = await download(a, () => banner.getByRole('button', { name: 'Export this tab’s copy' }).click());
    assert.equal(JSON.parse(file.text).plan.council, 'Havering (typed in tab A)');
    await banner.getByRole('button', { name: 'Restore it from this tab' }).click();
    await banner.waitFor({ state: 'detached' });
    await saved(a);
    assert.equal((await storedPlan(a, PLAN_ID)).file.plan.council, 'Havering (typed in tab A)');
    await go(b, '/');
    await b.locator(`tr[data-plan-id="${PLAN_ID}"]`).waitFor();
  });
});

test('when storage fills partway through saving two plans, the one not saved is named and a reload shows the other', async () => {
  const failing = () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (typeof window.__writesLeft === 'number' && key.startsWith('cpc-action-plan/')) {
        if (window.__writesLeft <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        window.__writesLeft -= 1;
      }
      return setItem.call(this, key, value);
    };
  };
  await withPage(browser, at('/'), async ({ page, errors }) => {
    await ready(page);
    await saved(page);
    // Room for one more write: the first copy, then neither the second copy nor the index.
    await page.evaluate(() => { window.__writesLeft = 1; });
    await page.evaluate(() => {
      document.querySelector('tbody button').click();
      document.querySelector('tbody button').click();
    });
    const banner = page.getByTestId('storage-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /Not saved:\s*“Copy of Corporate Peer Challenge 2019: improvement action plan”/);
    assert.equal(await page.getByTestId('not-saved').locator('li').count(), 1);
    assert.equal(await page.getByTestId('save-status').innerText(), 'Not saved');
    await noViolations(page, 'the storage banner naming the plan not saved');
    assert.equal((await planKeys(page)).length, 2, 'one copy was written');
    assert.deepEqual(await index(page), [PLAN_ID], 'the index write failed too');

    await page.reload();
    await ready(page);
    await saved(page);
    assert.equal(await page.locator('tbody tr').count(), 2, 'the copy the index does not list is shown');
    await page.waitForTimeout(600);
    const listed = await index(page);
    assert.equal(new Set(listed).size, listed.length, 'no id listed twice');
    assert.deepEqual(crashes(errors), []);
  }, { initScript: failing });
});

test('an import whose id matches a damaged entry gets a new id; the entry is downloaded, then removed after confirming', async () => {
  const damaged = '{"revision": 4, "file": {"format": "cpc-action-plan", "version": 2, "plan": {}}}';
  await withPage(browser, at('/'), async ({ page }) => {
    await ready(page);
    await saved(page);
    await page.evaluate((text) => localStorage.setItem('cpc-action-plan/plan/havering-cpc-2019', text), damaged);
    await page.reload();
    await ready(page);
    await page.getByTestId('unreadable-banner').waitFor();

    await go(page, '/import');
    await ready(page);
    const example = await examplePlan();
    await page.locator('#import-file').setInputFiles({ name: 'havering.plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(example)) });
    await page.getByRole('button', { name: 'Open as a new plan' }).click();
    await ready(page);
    await saved(page);
    assert.equal(await page.evaluate(() => localStorage.getItem('cpc-action-plan/plan/havering-cpc-2019')), damaged, 'the damaged entry is as it was');
    const keys = await planKeys(page);
    assert.equal(keys.length, 2, keys.join(', '));
    const listed = await index(page);
    assert.equal(new Set(listed).size, listed.length);
    await page.reload();
    await ready(page);
    await go(page, '/');
    await ready(page);
    assert.equal(await page.locator('tbody tr').count(), 1, 'the imported plan shows once');

    const section = page.getByTestId('damaged-entries');
    const file = await download(page, () => section.getByRole('button', { name: /^Download it/ }).click());
    assert.equal(file.text, damaged);
    await section.getByRole('button', { name: /^Remove it/ }).click();
    await section.getByText('Removing it cannot be undone').waitFor();
    await noViolations(page, 'the damaged entries with the removal asked');
    await section.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await page.evaluate(() => localStorage.getItem('cpc-action-plan/plan/havering-cpc-2019')), damaged, 'Cancel keeps it');
    await section.getByRole('button', { name: /^Remove it/ }).click();
    await section.getByRole('button', { name: 'Yes, remove it' }).click();
    await page.getByTestId('damaged-removed').waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('cpc-action-plan/plan/havering-cpc-2019')), null);
    assert.equal(await page.getByTestId('unreadable-banner').count(), 0);
  });
});

test('a save over an entry a newer version wrote is a conflict offering Export both, never written over unasked', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/edit`), async ({ page: a, context }) => {
    await ready(a);
    await saved(a);
    const newer = await context.newPage();
    await newer.goto(at('/'));
    await ready(newer);
    const written = '{"revision": 9, "tab": "t-newer", "file": {"format": "cpc-action-plan", "version": 2, "plan": {}}}';
    await newer.evaluate((text) => localStorage.setItem('cpc-action-plan/plan/havering-cpc-2019', text), written);
    await newer.close();
    const conflict = a.getByTestId('conflict-banner');
    await conflict.waitFor();
    assert.match(await conflict.innerText(), /was saved in a form this version of the app cannot read/);
    await a.getByLabel('Council').fill('Havering (this tab)');
    await a.waitForTimeout(800);
    assert.equal(await a.evaluate(() => localStorage.getItem('cpc-action-plan/plan/havering-cpc-2019')), written, 'not written over');
    await noViolations(a, 'the conflict with an unreadable entry');

    const files = [];
    a.on('download', (d) => files.push(d.suggestedFilename()));
    await conflict.getByRole('button', { name: 'Export both' }).click();
    await a.waitForTimeout(400);
    assert.ok(files.some((f) => f.endsWith('-this-tab.plan.json')) && files.some((f) => f.endsWith('.damaged.txt')), files.join(', '));
    await conflict.getByRole('button', { name: 'Keep the version in this tab' }).click();
    await conflict.waitFor({ state: 'detached' });
    await saved(a);
    const kept = await storedPlan(a, PLAN_ID);
    assert.equal(kept.file.plan.council, 'Havering (this tab)');
    assert.ok(kept.revision > 9);
  });
});

test('"today" follows the clock past midnight: the dashboard moves to the new day without a reload', async () => {
  const context = await browser.newContext({ locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.clock.install({ time: new Date(2026, 2, 31, 23, 59, 50) });
    await page.goto(at(`/plan/${PLAN_ID}/dashboard`));
    await ready(page);
    await page.locator('main strong', { hasText: 'As at 31 March 2026' }).waitFor();
    await page.clock.runFor(15_000);
    await page.locator('main strong', { hasText: 'As at 1 April 2026' }).waitFor();
    assert.equal(await page.locator('main strong', { hasText: 'As at 31 March 2026' }).count(), 0);
  } finally {
    await context.close();
  }
});
