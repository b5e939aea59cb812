// The written front page (scripts/front.mjs, public/front.html): on a first visit the
// plans page is in index.html, shown before the app has downloaded, and the app takes its
// place; anywhere the app would draw something else, it is never shown.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, ready, openPage, axeViolations, DIST, ROOT } from './harness.mjs';
import { FRONT_FILE, drawnFront, writtenFront } from '../../scripts/front.mjs';

let server;
let browser;

before(async () => {
  server = await serve(DIST);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A fresh browser (service worker blocked, so every request can be held) whose requests
 * for the app's WebAssembly wait until `release()`: what a first visit shows while the app
 * is still downloading.
 */
async function heldContext(options = {}) {
  const context = await browser.newContext({ locale: 'en-GB', serviceWorkers: 'block', ...options });
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await context.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return { context, release };
}

/**
 * A first visit with the app held back: `body` gets the page once the written front page
 * is in view, and `release`, which lets the app's WebAssembly through.
 */
async function heldFirstVisit(body) {
  const { context, release } = await heldContext();
  try {
    const watched = await openPage(context, server.url);
    await watched.page.locator('#static-page main h1').waitFor();
    return await body({ ...watched, release });
  } finally {
    await context.close();
  }
}

/** Whether the app has taken the written front page's place. */
const tookOver = (page) => page.waitForFunction(() => !document.getElementById('static-page'));

test('the written front page is what the app draws for a first visit, and is in the build', async () => {
  const context = await browser.newContext({ locale: 'en-GB', serviceWorkers: 'block' });
  try {
    const { page, errors } = await openPage(context, server.url);
    await tookOver(page);
    await ready(page);
    await page.waitForTimeout(200);
    const file = (await readFile(join(ROOT, FRONT_FILE), 'utf8')).trim();
    assert.equal(
      writtenFront(await drawnFront(page)),
      file,
      `${FRONT_FILE} is not what the app now draws on a first visit: after a build, run node scripts/write-front.mjs, then build again`,
    );
    const html = await readFile(join(DIST, 'index.html'), 'utf8');
    assert.ok(html.includes(`<div id="static-page" data-front hidden>${file}</div>`), 'dist/index.html carries the written front page');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a first visit shows the plans page before the app has downloaded, and the app then takes its place', async () => {
  await heldFirstVisit(async ({ page, errors, requests, release }) => {
    const written = page.locator('#static-page');
    assert.equal(await written.locator('main h1').innerText(), 'Action plans in this browser');
    assert.equal(await written.getByRole('link', { name: 'Corporate Peer Challenge 2019: improvement action plan', exact: true }).getAttribute('href'), '#/plan/havering-cpc-2019');
    assert.ok(await written.getByRole('link', { name: 'Start a new plan' }).isVisible());
    // Its buttons wait for the app, which answers them.
    const buttons = written.getByRole('button');
    assert.ok((await buttons.count()) >= 4);
    for (const button of await buttons.all()) assert.ok(await button.isDisabled(), `${await button.innerText()} is switched off`);
    assert.deepEqual(await axeViolations(page), []);

    // The app is asked for, and the written page stays in view while it downloads.
    while (!requests.some((r) => r.endsWith('_bg.wasm'))) await page.waitForTimeout(20);
    assert.ok(await written.locator('main h1').isVisible());

    release();
    await tookOver(page);
    await ready(page);
    // It was asked for only after the page had painted, its script and WebAssembly
    // together, each once.
    const timings = await page.evaluate(() => ({
      painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      asked: performance.getEntriesByType('resource').filter((r) => /cpc-action-plan-[0-9a-f]+(_bg\.wasm|\.js)$/.test(r.name)).map((r) => r.startTime),
    }));
    assert.equal(timings.asked.length, 2, 'the app\'s script and WebAssembly');
    for (const at of timings.asked) assert.ok(at >= timings.painted, `asked for at ${at} ms, after the first paint at ${timings.painted} ms`);
    assert.ok(Math.abs(timings.asked[0] - timings.asked[1]) < 50, `asked for together: ${timings.asked}`);
    assert.equal(requests.filter((r) => r.endsWith('.wasm')).length, 1);
    assert.equal(await page.locator('main h1').count(), 1);
    assert.equal(await page.locator('main h1').innerText(), 'Action plans in this browser');
    // The app's buttons answer.
    await page.getByRole('button', { name: 'Copy Corporate Peer Challenge 2019: improvement action plan', exact: true }).click();
    await page.getByText('A copy of “Corporate Peer Challenge 2019: improvement action plan” was made').waitFor();
    assert.equal(await page.locator('tbody tr').count(), 2);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
  });
});

test('a link followed on the written front page opens its page when the app arrives; the skip link leaves the plans page', async () => {
  for (const [follow, heading, hash] of [
    [(page) => page.locator('#static-page').getByRole('link', { name: 'Start a new plan' }).click(), 'Start a new plan', '#/new'],
    [(page) => page.keyboard.press('Tab').then(() => page.keyboard.press('Enter')), 'Action plans in this browser', ''],
  ]) {
    await heldFirstVisit(async ({ page, errors, release }) => {
      await follow(page);
      release();
      await tookOver(page);
      await ready(page);
      assert.equal(await page.locator('main h1').innerText(), heading);
      assert.equal(await page.evaluate(() => location.hash), hash);
      assert.deepEqual(errors, []);
    });
  }
});

test('a keyboard user who tabbed into the written front page keeps their place when the app takes over', async () => {
  await heldFirstVisit(async ({ page, errors, release }) => {
    // Tab to "Import a plan file", as a keyboard user would (switched-off buttons are passed over).
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Import a plan file') break;
    }
    assert.ok(await page.evaluate(() => document.activeElement?.closest('#static-page') !== null));
    release();
    await tookOver(page);
    await ready(page);
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, inMain: document.activeElement?.closest('main') !== null, connected: document.activeElement?.isConnected }));
    assert.deepEqual(focused, { text: 'Import a plan file', inMain: true, connected: true });
    // And the next Tab goes on from there.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Export all plans');
    assert.deepEqual(errors, []);
  });
});

test('the written front page is never shown where the app would draw another page', async () => {
  // Noted from the start of each page: whether the written page was ever in view.
  const watch = () => {
    window.__frontShown = false;
    new MutationObserver(() => {
      const front = document.getElementById('static-page');
      if (front && !front.hidden) window.__frontShown = true;
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  };
  const blockStorage = () => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    });
  };
  const cases = [
    ['another page of the app', `${server.url}#/import`, [], 'Import a plan file'],
    ['storage blocked', server.url, [blockStorage], 'Action plans in this browser'],
  ];
  for (const [name, url, scripts, heading] of cases) {
    const { context, release } = await heldContext();
    try {
      await context.addInitScript(watch);
      for (const script of scripts) await context.addInitScript(script);
      const { page } = await openPage(context, url);
      // Before the app arrives: no written page in view, and the app's download began at
      // once (trunk's preload links are back in the head).
      await page.waitForFunction(() => document.readyState !== 'loading');
      assert.equal(await page.locator('#static-page:visible').count(), 0, name);
      assert.equal(await page.locator('head link[rel="preload"][href$="_bg.wasm"]').count(), 1, name);
      release();
      await ready(page);
      assert.equal(await page.locator('main h1').innerText(), heading, name);
      assert.equal(await page.evaluate(() => window.__frontShown), false, name);
    } finally {
      await context.close();
    }
  }

  // A returning officer: the browser holds the app's plans, kept at the first visit.
  const { context, release } = await heldContext();
  try {
    const { page } = await openPage(context, server.url);
    release();
    await ready(page);
    assert.ok(await page.evaluate(() => localStorage.getItem('cpc-action-plan/index')));
    await context.addInitScript(watch);
    await page.reload();
    await ready(page);
    assert.equal(await page.evaluate(() => window.__frontShown), false);
    assert.equal(await page.locator('#static-page').count(), 0);
  } finally {
    await context.close();
  }
});

test('without JavaScript the written front page stays hidden and the noscript message says why', async () => {
  const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    assert.equal(await page.locator('#static-page').isVisible(), false);
    assert.equal(await page.locator('h1:visible').innerText(), 'This app needs JavaScript');
  } finally {
    await context.close();
  }
});

test('where the app cannot start, the page says so in place of the written front page, and nothing stored changes', async () => {
  const stored = async (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
  for (const returning of [false, true]) {
    const context = await browser.newContext({ locale: 'en-GB', serviceWorkers: 'block' });
    try {
      // WebAssembly the browser will not run (as where security settings switch it off).
      const refuse = () => context.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not WebAssembly') }));
      if (!returning) await refuse();
      const { page } = await openPage(context, server.url);
      let before = {};
      if (returning) {
        await ready(page);
        before = await stored(page);
        assert.ok(before['cpc-action-plan/index']);
        await refuse();
        await page.reload();
      }
      const heading = page.locator('main h1');
      await page.getByRole('heading', { level: 1, name: 'The app could not start in this browser' }).waitFor();
      assert.equal(await heading.count(), 1, 'no written page beside it');
      assert.equal(await page.locator('#static-page').count(), 0);
      assert.match(await page.locator('main').innerText(), /Nothing kept in this browser has been changed/);
      assert.match(await page.title(), /^The app could not start/);
      assert.deepEqual(await stored(page), before);
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await context.close();
    }
  }
});
