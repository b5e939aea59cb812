// Plans far bigger than any council writes, in headless Chromium: they are stored packed,
// read back whole after a reload, merged against their packed copy, and the officer sees
// how full the browser's storage is and is warned before it runs out.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, withPage, ready, saved, download, axeViolations } from './harness.mjs';
import { inflateSync } from 'node:zlib';
import { generate } from '../bench/generate.mjs';

let server;
let browser;
// The benchmark's M plan: 50 recommendations, 500 actions, 2,500 updates (about 1.2 MB).
const big = generate('M');
const bigText = JSON.stringify(big);
const BIG_ID = big.plan.id;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const at = (hash) => `${server.url}#${hash}`;
const MARK = 'cpc-action-plan/zlib\n';

async function importBig(page, text = bigText, button = 'Open as a new plan') {
  await page.goto(at('/import'));
  await ready(page);
  await page.locator('#import-file').setInputFiles({ name: 'big.plan.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByTestId('import-preview').waitFor();
  if (button) await page.getByRole('button', { name: button }).click();
}

const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

test('a big plan is stored packed, much smaller, and reads back whole after a reload', async () => {
  await withPage(browser, at('/'), async ({ page, errors }) => {
    await ready(page);
    await importBig(page);
    await page.getByTestId('plan-summary').waitFor();
    await saved(page);
    const text = await stored(page, `cpc-action-plan/plan/${BIG_ID}`);
    assert.ok(text.startsWith(MARK), 'stored packed');
    assert.ok(text.length * 4 < bigText.length, `${text.length} characters stored for ${bigText.length} of JSON`);
    const header = JSON.parse(text.slice(MARK.length, text.indexOf('\n', MARK.length)));
    assert.equal(header.revision, 1);
    assert.ok(!('file' in header));
    // The small example plan is still stored as plain JSON.
    assert.equal(JSON.parse(await stored(page, 'cpc-action-plan/plan/havering-cpc-2019')).file.plan.id, 'havering-cpc-2019');

    // An edit to one action saves, and a reload reads the whole plan back.
    await page.goto(at(`/plan/${BIG_ID}/actions/r10-a5/edit`));
    const field = page.getByLabel('What the council will do');
    await field.fill('Rewritten after the review: a single place for every scrutiny report.');
    await saved(page);
    await page.reload();
    await ready(page);
    assert.equal(await page.getByLabel('What the council will do').inputValue(), 'Rewritten after the review: a single place for every scrutiny report.');
    await page.goto(at(`/plan/${BIG_ID}`));
    assert.match(await page.getByTestId('plan-summary').innerText(), /^Of 500 actions, /);

    // The plans page says how full storage is.
    await page.goto(at('/'));
    assert.match(await page.getByTestId('storage-usage').innerText(), /^This browser's storage for this site is \d+% full\.$/);
    assert.deepEqual(errors, []);
  });
});

/** The plan file a packed entry holds, unpacked as the app would. */
function unpacked(text) {
  const data = text.slice(text.indexOf('\n', MARK.length) + 1);
  return JSON.parse(inflateSync(Buffer.from([...data].map((c) => c.charCodeAt(0)))).toString('utf8'));
}

const ACTION = 'r10-a5';
const actionText = (file) => file.plan.recommendations[9].actions[4].text;

/** Imports the big plan and opens one of its actions to edit, with the plan saved. */
async function editBigAction(page) {
  await page.goto(at('/'));
  await ready(page);
  await importBig(page);
  await page.getByTestId('plan-summary').waitFor();
  await saved(page);
  await page.goto(at(`/plan/${BIG_ID}/actions/${ACTION}/edit`));
  return page.getByLabel('What the council will do');
}

test('a big plan is compressed for its save by the storage worker, off the page', async () => {
  await withPage(browser, at('/'), async ({ page, errors }) => {
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const field = await editBigAction(page);
    await field.fill('Compressed by the storage worker.');
    await saved(page);
    assert.ok(requests.some((r) => /storage-worker-[0-9a-f]{16}_bg\.wasm$/.test(r)), 'the storage worker was started');
    const text = await stored(page, `cpc-action-plan/plan/${BIG_ID}`);
    assert.ok(text.startsWith(MARK));
    assert.equal(actionText(unpacked(text)), 'Compressed by the storage worker.');
    // The worker is kept for the next save, and each save is whole.
    await field.fill('Compressed again.');
    await saved(page);
    assert.equal(actionText(unpacked(await stored(page, `cpc-action-plan/plan/${BIG_ID}`))), 'Compressed again.');
    assert.equal(requests.filter((r) => /storage-worker-[0-9a-f]{16}_bg\.wasm$/.test(r)).length, 1, 'one worker');
    await page.reload();
    await ready(page);
    assert.equal(await page.getByLabel('What the council will do').inputValue(), 'Compressed again.');
    assert.deepEqual(errors, []);
  });
});

test('a save waiting for the storage worker is written at once when the tab is hidden', async () => {
  await withPage(browser, at('/'), async ({ page }) => {
    // The worker never arrives: the save waits for it (up to 10 seconds), as on a slow line.
    await page.route(/storage-worker/, () => {});
    const field = await editBigAction(page);
    const before = await stored(page, `cpc-action-plan/plan/${BIG_ID}`);
    await field.fill('Kept when the tab was hidden.');
    await page.getByTestId('save-status').getByText('Saving', { exact: false }).waitFor();
    await page.waitForTimeout(800);
    assert.equal(await stored(page, `cpc-action-plan/plan/${BIG_ID}`), before, 'still waiting for the worker');
    const after = await page.evaluate((key) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      return localStorage.getItem(key);
    }, `cpc-action-plan/plan/${BIG_ID}`);
    assert.equal(actionText(unpacked(after)), 'Kept when the tab was hidden.');
  // No service worker: one that had kept the worker's files would answer in the network's place.
  }, { contextOptions: { serviceWorkers: 'block' } });
});

test('a big plan saves when the storage worker cannot be started', async () => {
  await withPage(browser, at('/'), async ({ page, errors }) => {
    await page.route(/storage-worker/, (route) => route.abort());
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const field = await editBigAction(page);
    await field.fill('Compressed on the page instead.');
    await saved(page);
    assert.ok(!requests.some((r) => /storage-worker.*_bg\.wasm$/.test(r)), 'the worker never started');
    assert.equal(actionText(unpacked(await stored(page, `cpc-action-plan/plan/${BIG_ID}`))), 'Compressed on the page instead.');
    assert.deepEqual(errors.filter((e) => !/Failed to load resource|storage-worker|NetworkError|importScripts/i.test(e)), []);
  }, { contextOptions: { serviceWorkers: 'block' } });
});

test('a returned copy of a big plan merges against the packed copy kept at export', async () => {
  await withPage(browser, at('/'), async ({ page, errors }) => {
    await ready(page);
    await importBig(page);
    await page.getByTestId('plan-summary').waitFor();
    await saved(page);
    const sent = await download(page, () => page.locator('.app-toolbar').getByRole('button', { name: 'Export plan' }).click());
    await saved(page);
    const returned = JSON.parse(sent.text);
    assert.ok((await stored(page, `cpc-action-plan/sent/${BIG_ID}/${returned.export_id}`)).startsWith(MARK), 'the copy kept at export is packed');

    const action = returned.plan.recommendations[2].actions[3];
    action.text = 'Changed by the lead officer.';
    await importBig(page, JSON.stringify(returned), null);
    await page.getByRole('link', { name: 'Merge the changes' }).click();
    const summary = page.getByTestId('merge-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /^1 difference\./);
    const row = page.locator(`[data-key="recommendations.actions:${action.id}:text"]`);
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /Changed in the file/);
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByTestId('flash-banner').waitFor();
    await saved(page);
    await page.goto(at(`/plan/${BIG_ID}/actions/${action.id}/edit`));
    assert.equal(await page.getByLabel('What the council will do').inputValue(), 'Changed by the lead officer.');
    assert.deepEqual(errors, []);
  });
});

test('the officer is warned when storage is nearly full, and the warning goes when room is made', async () => {
  await withPage(browser, at('/'), async ({ page, errors }) => {
    await ready(page);
    await saved(page);
    assert.equal(await page.getByTestId('space-banner').count(), 0);
    // Something else on this site takes 85% of the allowance.
    await page.evaluate(() => localStorage.setItem('filler', 'x'.repeat(Math.floor(5 * 1024 * 1024 * 0.85))));
    await page.goto(at('/plan/havering-cpc-2019/edit'));
    await page.getByLabel('Title of the plan').fill('Corporate Peer Challenge 2019: the plan');
    await saved(page);
    const banner = page.getByTestId('space-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /This browser's storage is (8\d|9\d)% full/);
    assert.match(await banner.innerText(), /Changes will stop saving when it is full/);
    assert.deepEqual(await axeViolations(page), []);
    await page.evaluate(() => localStorage.removeItem('filler'));
    await page.getByLabel('Title of the plan').fill('Corporate Peer Challenge 2019: action plan');
    await saved(page);
    await banner.waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
  });
});

test('a plan with many recommendations shows them twenty a page, each page with its own address', async () => {
  await withPage(browser, at('/plan/havering-cpc-2019/recommendations'), async ({ page, errors }) => {
    await ready(page);
    assert.equal(await page.locator('section[data-recommendation-id]').count(), 13);
    assert.equal(await page.getByRole('navigation', { name: 'Pages of recommendations' }).count(), 0, 'a real plan fits on one page');

    await importBig(page);
    await page.getByTestId('plan-summary').waitFor();
    await page.goto(at(`/plan/${BIG_ID}/recommendations`));
    await ready(page);
    const sections = page.locator('section[data-recommendation-id]');
    assert.equal(await sections.count(), 20);
    assert.equal(await page.getByTestId('page-range').innerText(), 'Showing recommendations 1 to 20 of 50.');
    const pages = page.getByRole('navigation', { name: 'Pages of recommendations' });
    assert.equal(await pages.getByRole('link', { name: 'Page 1' }).getAttribute('aria-current'), 'page');
    assert.deepEqual(await axeViolations(page), []);

    await pages.getByRole('link', { name: 'Next page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Recommendations (page 2 of 3)' }).waitFor();
    assert.match(page.url(), /\/recommendations\?page=2$/);
    assert.equal(await sections.first().getAttribute('data-recommendation-id'), 'r21');
    assert.equal(await page.getByTestId('page-range').innerText(), 'Showing recommendations 21 to 40 of 50.');

    await pages.getByRole('link', { name: 'Page 3' }).click();
    await page.getByRole('heading', { level: 1, name: 'Recommendations (page 3 of 3)' }).waitFor();
    assert.equal(await sections.count(), 10);
    assert.equal(await pages.getByRole('link', { name: 'Next page' }).count(), 0);
    // The address is the page: a reload, or a page past the end, shows a real page.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Recommendations (page 3 of 3)' }).waitFor();
    await page.goto(at(`/plan/${BIG_ID}/recommendations?page=40`));
    await page.getByRole('heading', { level: 1, name: 'Recommendations (page 3 of 3)' }).waitFor();
    // From a recommendation or an action, the breadcrumb goes back to the page holding it.
    for (const hash of [`/plan/${BIG_ID}/recommendations/r25`, `/plan/${BIG_ID}/actions/r25-a3`, `/plan/${BIG_ID}/actions/r25-a3/edit`]) {
      await page.goto(at(hash));
      await ready(page);
      const crumb = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Recommendations' });
      assert.equal(await crumb.getAttribute('href'), `#/plan/${BIG_ID}/recommendations?page=2`, hash);
    }
    await page.goto(at(`/plan/${BIG_ID}/recommendations/r3`));
    await ready(page);
    assert.equal(await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Recommendations' }).getAttribute('href'), `#/plan/${BIG_ID}/recommendations`);
    assert.deepEqual(errors, []);
  });
});

test('two tabs on a big plan: a clean tab takes the newer packed plan; changes in both are a conflict', async () => {
  await withPage(browser, at('/'), async ({ page: a, context, errors }) => {
    await ready(a);
    await importBig(a);
    await a.getByTestId('plan-summary').waitFor();
    await saved(a);
    const edit = at(`/plan/${BIG_ID}/actions/r7-a2/edit`);
    await a.goto(edit);
    const b = await context.newPage();
    await b.goto(edit);
    await ready(b);

    // A changes the action; B, with nothing of its own, shows it.
    await a.getByLabel('What the council will do').fill('Changed in tab A.');
    await saved(a);
    await b.waitForFunction((v) => [...document.querySelectorAll('textarea')].some((e) => e.value === v), 'Changed in tab A.');
    assert.equal(await b.getByLabel('What the council will do').inputValue(), 'Changed in tab A.');

    // Both change it before either saves. Both may write at once (local storage has no
    // lock between tabs): the tab whose write did not last is told, and keeps its version
    // until the officer chooses.
    await b.getByLabel('What the council will do').fill('Changed in tab B.');
    await a.getByLabel('What the council will do').fill('Changed again in tab A.');
    let told;
    for (let i = 0; i < 300 && !told; i++) {
      for (const page of [a, b]) if (!told && await page.getByTestId('conflict-banner').count()) told = page;
      if (!told) await a.waitForTimeout(100);
    }
    assert.ok(told, 'one of the tabs says both changed it');
    const other = told === a ? b : a;
    assert.equal(await other.getByTestId('conflict-banner').count(), 0);
    const mine = told === a ? 'Changed again in tab A.' : 'Changed in tab B.';
    const theirs = told === a ? 'Changed in tab B.' : 'Changed again in tab A.';
    assert.equal(await told.getByLabel('What the council will do').inputValue(), mine, 'its own version is still on screen');
    const conflict = told.getByTestId('conflict-banner');
    await conflict.getByRole('button', { name: 'Keep the other version' }).click();
    await conflict.waitFor({ state: 'detached' });
    await told.waitForFunction((v) => [...document.querySelectorAll('textarea')].some((e) => e.value === v), theirs);
    assert.deepEqual(errors, []);
  });
});
