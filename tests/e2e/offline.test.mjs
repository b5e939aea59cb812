// Offline: the service worker (public/offline/sw.js, filled in by scripts/offline-dist.mjs)
// keeps the app's files after the first visit, so an officer with no network opens the
// app and works; a deployment is announced, and the page reloads only when asked. A
// published site reopens offline too. Each build is served from a copy under a sub-path,
// so that a test can take the server away or deploy a changed build behind the same URL.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, ready, openPage, axeViolations, saved, storedPlan, download, DIST, ROOT, PLAN_ID } from './harness.mjs';

const SITE_DIST = process.env.SITE_DIST ?? join(ROOT, 'target/site');
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function copyOf(from) {
  const dir = await mkdtemp(join(tmpdir(), 'cpc-offline-'));
  await cp(from, dir, { recursive: true });
  return dir;
}

/** Waits until the service worker has kept the files and controls the page. */
async function controlled(page) {
  // (A synchronous test: waitForFunction takes a promise, which is always truthy, as done.)
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 30_000 });
}

test('after one visit the app opens, edits and saves with no network at all', async () => {
  const dir = await copyOf(DIST);
  // A host that will not serve one of the build's files (as Apache refuses `.ht` files):
  // the worker still installs, and fetches that file when it is needed.
  await rm(join(dir, 'plan-format-v1.schema.json'));
  const server = await serve(dir, '/council/plans/');
  const context = await browser.newContext({ locale: 'en-GB' });
  try {
    const { page, errors, requests } = await openPage(context, server.url);
    await ready(page);
    await controlled(page);
    // Nothing the worker asked for left the app's own folder.
    assert.deepEqual(requests.filter((r) => !r.startsWith(server.url)), []);

    // The train leaves the station: no server and no network.
    await server.close();
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    await page.goto(`${server.url}#/plan/${PLAN_ID}/edit`);
    await page.locator('main h1', { hasText: "Change the plan's details" }).waitFor();
    const title = page.getByLabel('Title of the plan');
    await title.fill('Corporate Peer Challenge 2019: written on a train');
    await title.blur();
    await saved(page);
    assert.equal((await storedPlan(page, PLAN_ID)).file.plan.title, 'Corporate Peer Challenge 2019: written on a train');

    // The spreadsheet worker was kept too: an Excel file is made offline.
    const file = await download(page, () => page.getByRole('button', { name: 'Download as Excel', exact: true }).click());
    assert.match(file.name, /-all-actions\.xlsx$/);
    assert.equal(file.bytes.subarray(0, 2).toString(), 'PK');

    // The residents' site build was kept as well: the site is made and downloaded offline.
    await page.goto(`${server.url}#/plan/${PLAN_ID}/publish`);
    await page.locator('main h1', { hasText: 'Publish for residents' }).waitFor();
    await page.getByLabel('Email address for residents').fill('policy@havering.gov.uk');
    const site = await download(page, () => page.getByRole('button', { name: "Download the residents' site (.zip)" }).click());
    assert.equal(site.name, `${PLAN_ID}-residents-site.zip`);
    assert.equal(site.bytes.subarray(0, 2).toString(), 'PK');
    await page.getByText("The residents' site is ready").waitFor();

    // And it is still there when the app is opened again, still offline.
    await page.reload();
    await ready(page);
    await page.goto(`${server.url}#/plan/${PLAN_ID}`);
    await page.locator('main h1', { hasText: 'written on a train' }).waitFor();
    assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('a new deployment is announced, and the page reloads into it only when the officer asks', async () => {
  const dir = await copyOf(DIST);
  const server = await serve(dir, '/council/plans/');
  const context = await browser.newContext({ locale: 'en-GB' });
  try {
    const { page, errors } = await openPage(context, server.url);
    await ready(page);
    await controlled(page);
    assert.equal(await page.getByTestId('update-banner').count(), 0, 'no message for the first visit');

    // Deploy a changed build behind the same address: a changed page, and so a changed worker.
    const index = join(dir, 'index.html');
    await writeFile(index, `${await readFile(index, 'utf8')}\n<!-- deployment 2 -->\n`);
    execFileSync('node', [join(ROOT, 'scripts/offline-dist.mjs'), dir], { cwd: ROOT, stdio: 'pipe' });

    // The officer opens the app again and starts typing; the old version still runs.
    await page.reload();
    await ready(page);
    await page.goto(`${server.url}#/plan/${PLAN_ID}/edit`);
    const title = page.getByLabel('Title of the plan');
    await title.fill('Half-typed title');
    const banner = page.getByTestId('update-banner');
    await banner.waitFor({ timeout: 30_000 });
    assert.match(await banner.innerText(), /A new version of this app is ready/);
    assert.deepEqual(await axeViolations(page), []);
    assert.doesNotMatch(await page.content(), /deployment 2/);

    // Nothing reloads by itself: what is typed stays in the field.
    await page.waitForTimeout(1500);
    assert.equal(await title.inputValue(), 'Half-typed title');

    await banner.getByRole('button', { name: 'Reload to use the new version' }).click();
    // The marker is a comment after the page's last element: a child of the document itself.
    await page.waitForFunction(() => [...document.childNodes].some((n) => n.nodeType === Node.COMMENT_NODE && n.data.includes('deployment 2')), null, { timeout: 30_000 });
    await ready(page);
    assert.equal(await page.getByTestId('update-banner').count(), 0);
    // What was typed was saved before the reload.
    assert.equal((await storedPlan(page, PLAN_ID)).file.plan.title, 'Half-typed title');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('a published site reopens offline with its plan, and keeps nothing from elsewhere', async () => {
  const dir = await copyOf(SITE_DIST);
  await writeFile(join(dir, 'plan.json'), await readFile(join(ROOT, 'public/examples/havering-2019.plan.json'), 'utf8'));
  const server = await serve(dir, '/council/peer-challenge/');
  const context = await browser.newContext({ locale: 'en-GB' });
  try {
    const { page } = await openPage(context, server.url);
    await ready(page);
    await controlled(page);
    // The plan was fetched before the worker took over; the site asks it to keep it too.
    await page.waitForFunction(() => {
      caches.match('plan.json').then((kept) => { window.planKept = Boolean(kept); });
      return window.planKept;
    }, null, { timeout: 30_000 });
    const kept = await page.evaluate(async () => {
      const names = await caches.keys();
      const urls = [];
      for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls;
    });
    assert.ok(kept.some((u) => u.endsWith('/index.html')));
    assert.ok(kept.some((u) => u.endsWith('/plan.json')));
    assert.deepEqual(kept.filter((u) => !u.startsWith(server.url)), []);

    await server.close();
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    assert.match(await page.locator('main h1').innerText(), /Corporate Peer Challenge/);
    await page.goto(`${server.url}#/plan/${PLAN_ID}/recommendations/R1`);
    await page.locator('main h1').waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), /cannot be shown/);
  } finally {
    await context.close();
  }
});
