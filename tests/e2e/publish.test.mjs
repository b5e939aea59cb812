// Publishing for residents from the officer's app: the "Publish for residents" page makes
// the whole site as one zip in the browser; the test unzips it with Python's zipfile (an
// independent reader), serves it under /council/peer-challenge/ with a plain static server,
// and reads every page as a resident would, with JavaScript and without.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, withPage, ready, axeViolations, download, saved, ROOT } from './harness.mjs';

const BASE = '/council/peer-challenge/';
// The fictional example fills every field and has two years of progress updates.
const PLAN_ID = 'fictional-borough-cpc-2024';
let app;
let browser;
let plan;
let site;
let siteDir;
let pages;

before(async () => {
  plan = JSON.parse(await readFile(join(ROOT, 'public/examples/fictional-borough-2024.plan.json'), 'utf8')).plan;
  app = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await site?.close();
});


/** The zip the page downloads, unzipped into a new folder. */
async function unzip(bytes) {
  const dir = await mkdtemp(join(tmpdir(), 'cpc-zip-'));
  const zip = join(dir, 'site.zip');
  await writeFile(zip, bytes);
  const out = join(dir, 'site');
  execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2])', zip, out]);
  return out;
}

test('the officer fills in the publish form, previews the home page and downloads the site as one zip', async () => {
  await withPage(browser, `${app.url}#/`, async ({ page, errors, requests }) => {
    await ready(page);
    await page.getByRole('button', { name: 'Open a fictional example with every field filled in' }).click();
    await page.getByTestId('flash-banner').waitFor();
    await saved(page);
    await page.goto(`${app.url}#/plan/${PLAN_ID}/edit`);
    await ready(page);
    assert.deepEqual(requests.filter((r) => r.includes('/site/')), [], 'the app fetches nothing of the site build until the publish page opens');
    await page.getByRole('link', { name: /^Publish for residents/ }).click();
    await ready(page);
    assert.equal(await page.locator('main h1').innerText(), 'Publish for residents');
    // The plan's own fields: who leads it and which committee oversees it.
    await page.getByLabel('Portfolio holder').fill('Cllr Damian White, Leader of the Council');
    await page.getByLabel('Committee that oversees the plan').fill('Overview and Scrutiny Board');
    // The site's own settings, checked as typed.
    await page.getByLabel('Email address for residents').fill('policy at havering');
    await page.getByLabel('Link to the council\'s peer challenge report').fill('javascript:alert(1)');
    assert.match(await page.locator('#site-email-error').innerText(), /Enter an email address in the correct format/);
    assert.match(await page.locator('#site-report-url-error').innerText(), /web address starting with https:\/\//);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter an email address in the correct format/);
    assert.deepEqual(await axeViolations(page), [], 'axe with the errors showing');
    await page.getByRole('button', { name: "Download the residents' site (.zip)" }).click();
    assert.match(await page.getByTestId('publish-progress').innerText(), /correct the details above first/);
    await page.getByLabel('Email address for residents').fill('policy@havering.gov.uk');
    await page.getByLabel('Telephone number').fill('01708 434343');
    await page.getByLabel('Link to the council\'s peer challenge report').fill('https://www.havering.gov.uk/peer-challenge');
    assert.equal(await page.locator('.govuk-error-summary').count(), 0);

    await page.getByRole('button', { name: 'Show the changes in the preview' }).click();
    const preview = page.frameLocator('iframe[title="Preview of the residents\' home page"]');
    await preview.locator('main h1').waitFor();
    assert.equal(await preview.locator('main h1').innerText(), plan.title);
    assert.equal(await preview.locator('.app-toolbar').count(), 0, 'the preview is the read-only site');
    assert.deepEqual(await axeViolations(page), [], 'axe with the preview');

    const file = await download(page, () => page.getByRole('button', { name: "Download the residents' site (.zip)" }).click());
    assert.equal(file.name, `${PLAN_ID}-residents-site.zip`);
    await page.getByText("The residents' site is ready").waitFor();
    assert.match(await page.getByTestId('publish-progress').innerText(), /pages and \d+ files in all/);
    assert.equal(await page.locator('iframe[title="The residents\' site, being written"]').count(), 0, 'the writing frame is gone');
    assert.deepEqual(errors, []);
    assert.deepEqual(await axeViolations(page), [], 'axe when the site is ready');
    await page.setViewportSize({ width: 320, height: 640 });
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.equal(scroll, client, 'the publish page reflows at 320 CSS px');
    // The officer's plan is the one changed by the form, and nothing else was stored.
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.ok(keys.every((k) => k.startsWith('cpc-action-plan/')), keys.join());
    assert.match(await page.getByTestId('publish-progress').innerText(), /kept in this browser for the next time/);

    // The site's details are kept for the next publication, after a reload too.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.reload();
    await page.locator('main h1', { hasText: 'Publish for residents' }).waitFor();
    assert.equal(await page.getByLabel('Email address for residents').inputValue(), 'policy@havering.gov.uk');
    assert.equal(await page.getByLabel('Telephone number').inputValue(), '01708 434343');
    assert.equal(await page.getByLabel('Link to the council\'s peer challenge report').inputValue(), 'https://www.havering.gov.uk/peer-challenge');
    const kept = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), `cpc-action-plan/site/${PLAN_ID}`));
    assert.equal(kept.contact_phone, '01708 434343');

    siteDir = await unzip(file.bytes);
  });
  const names = await readdir(siteDir, { recursive: true });
  for (const name of ['index.html', 'plan.json', 'site.json', 'README.txt', 'updates.xml', 'recommendations.html', 'progress.html',
    'about.html', 'accessibility.html', 'report-progress.html', '_headers', '.htaccess']) {
    assert.ok(names.includes(name), `${name} is in the zip`);
  }
  assert.ok(names.some((n) => n.endsWith('.wasm')) && names.some((n) => /^cpc-action-plan-.*\.js$/.test(n)), 'the site build is in the zip');
  assert.ok(!names.includes('files.json'), 'the build list stays in the app');
  const published = JSON.parse(await readFile(join(siteDir, 'plan.json'), 'utf8'));
  assert.equal(published.plan.portfolio_holder, 'Cllr Damian White, Leader of the Council');
  assert.equal(published.plan.overseen_by, 'Overview and Scrutiny Board');
  assert.match(published.exported_at, /^\d{4}-\d\d-\d\dT/);
  const settings = JSON.parse(await readFile(join(siteDir, 'site.json'), 'utf8'));
  assert.equal(settings.contact_email, 'policy@havering.gov.uk');
  assert.equal(settings.report_url, 'https://www.havering.gov.uk/peer-challenge');
  assert.match(await readFile(join(siteDir, 'README.txt'), 'utf8'), /Replace plan\.json alone/);
  pages = names.filter((n) => n.endsWith('.html')).sort();
  assert.equal(pages.filter((n) => n.startsWith('recommendation-')).length, plan.recommendations.length);
  assert.equal(pages.filter((n) => n.startsWith('action-')).length, plan.recommendations.flatMap((r) => r.actions).length);
  site = await serve(siteDir, BASE);
});

function siteReady() {
  assert.ok(site, 'the zip was made by the first test');
}

/** Every request of a page stays on the site's own path. */
function onlyOwnPath(requests) {
  return requests.filter((r) => !r.startsWith('data:') && !new URL(r).pathname.startsWith(BASE));
}

test('without JavaScript every page of the site holds its content, and its links are real addresses', async () => {
  siteReady();
  const statuses = ['Not started', 'On track', 'At risk', 'Off track', 'Completed', 'Ongoing', 'Cancelled'];
  await withPage(browser, site.url, async ({ page, requests }) => {
    for (const name of pages) {
      await page.goto(`${site.url}${name}`);
      const main = await page.locator('main').innerText();
      assert.ok(await page.locator('main h1').count() === 1, `${name} has its heading`);
      assert.doesNotMatch(main, /cannot be shown/, name);
      assert.doesNotMatch(await page.locator('body').innerText(), /This app needs JavaScript/, name);
      assert.ok((await page.title()).length > 0, `${name} has a title`);
      const rec = plan.recommendations.find((r) => name === `recommendation-${r.id}.html`);
      if (rec) {
        assert.equal(await page.locator('main h1').innerText(), rec.title, name);
        for (const action of rec.actions) assert.ok(main.includes(action.text.slice(0, 60)), `${name} lists ${action.id}`);
        if (rec.actions.length) assert.ok(statuses.some((s) => main.includes(s)), `${name} shows statuses`);
      }
      // Every link to another page is a file in the site, or the app's address at index.html.
      const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const href of hrefs) {
        if (/^(https?:|mailto:|tel:|#)/.test(href)) continue;
        const file = href.split('#')[0];
        assert.ok(existsSync(join(siteDir, file)), `${name} links ${href}, which is not in the site`);
      }
    }
    await page.goto(`${site.url}index.html`);
    assert.equal(await page.locator('main h1').innerText(), plan.title);
    assert.match(await page.locator('main').innerText(), /Of 25 actions, 18 are completed/, 'the home page gives the figures');
    assert.equal(await page.getByRole('link', { name: 'See every recommendation and its actions' }).getAttribute('href'), 'recommendations.html');
    assert.equal(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href'), 'updates.xml');
    await page.goto(`${site.url}progress.html`);
    assert.match(await page.getByTestId('needs-javascript').first().innerText(), /needs JavaScript/);
    assert.deepEqual(onlyOwnPath(requests), [], 'no request leaves the site\'s path');
  }, { contextOptions: { javaScriptEnabled: false } });
});

test('axe on every page as it reads without JavaScript', async () => {
  siteReady();
  // axe is a script, so it cannot run where JavaScript is off: the site's own scripts are
  // refused instead, which leaves each page's plain HTML as a reader without JavaScript
  // gets it (save the <noscript> notes, checked above).
  await withPage(browser, undefined, async ({ page, context }) => {
    await context.route(/\.(js|wasm)(\?.*)?$/, (route) => route.abort());
    for (const name of pages) {
      await page.goto(`${site.url}${name}`);
      assert.equal(await page.locator('#static-page').count(), 1, `${name} is its plain HTML`);
      assert.deepEqual(await axeViolations(page), [], `axe without JavaScript on ${name}`);
    }
  });
});

test("a written page's skip link, followed before the app arrives, leaves the same page when it does", async () => {
  siteReady();
  const name = pages.find((n) => n.startsWith('recommendation-'));
  await withPage(browser, undefined, async ({ page, context, errors }) => {
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await context.route(/_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${site.url}${name}`);
    const heading = (await page.locator('#static-page main h1').innerText()).trim();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => location.hash), '#main-content');
    release();
    await page.locator('#static-page').waitFor({ state: 'detached' });
    await ready(page);
    assert.equal((await page.locator('main h1').innerText()).trim(), heading, 'not "Page not found"');
    assert.deepEqual(errors, []);
  }, { contextOptions: { serviceWorkers: 'block' } });
});

test('with JavaScript the app takes over every page, and old #/ links reach the same page', async () => {
  siteReady();
  await withPage(browser, site.url, async ({ page, errors, requests }) => {
    for (const name of pages) {
      const plain = await (await fetch(`${site.url}${name}`)).text();
      const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(plain)?.[1].replace(/<!--.*?-->/g, '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').trim();
      await page.goto(`${site.url}${name}`);
      // The plain HTML shows at once; the app takes it away as it starts.
      await page.locator('#static-page').waitFor({ state: 'detached' });
      await ready(page);
      assert.equal(await page.locator('main h1').count(), 1, name);
      assert.equal((await page.locator('main h1').innerText()).trim(), heading, `${name} shows the same page with JavaScript`);
      assert.doesNotMatch(await page.locator('main').innerText(), /cannot be shown/, name);
      assert.equal(await page.getByTestId('pages-differ').count(), 0, 'the pages match plan.json');
      assert.deepEqual(await axeViolations(page), [], `axe with JavaScript on ${name}`);
    }
    const r3 = plan.recommendations.find((r) => r.id === 'r3');
    await page.goto(`${site.url}#/plan/${PLAN_ID}/recommendations/r3`);
    // The written home page's heading shows first; the app then draws the page the address names.
    await page.locator('#static-page').waitFor({ state: 'detached' });
    await page.locator('main h1', { hasText: r3.title }).waitFor();
    assert.equal(await page.locator('main h1').innerText(), r3.title, 'an old #/ link at the site\'s root');
    await page.goto(`${site.url}index.html#/plan/${PLAN_ID}/dashboard`);
    await page.locator('main h1', { hasText: /progress/i }).waitFor();
    // A link in the app goes on working from a page opened by its own address.
    await page.goto(`${site.url}recommendation-r3.html`);
    await page.locator('#static-page').waitFor({ state: 'detached' });
    await ready(page);
    await page.locator('main a[href*="/actions/"]').first().click();
    await page.waitForURL(/#\/plan\/.*\/actions\/r3-/);
    await ready(page);
    assert.match(await page.locator('main').innerText(), /3\.1/);
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'the site stores nothing');
    assert.deepEqual(errors, []);
    assert.deepEqual(onlyOwnPath(requests), [], 'no request leaves the site\'s path');
  });
});

test('a written page paints first and asks for the app only then, which takes its place in one step', async () => {
  siteReady();
  // What Lighthouse's mobile run measures: the largest paint must be the written page's,
  // with nothing of the app's download started before it (or Lighthouse's estimate of
  // a slow phone counts the WebAssembly's download in it), and no larger paint after.
  for (const name of ['index.html', 'recommendations.html', 'progress.html']) {
    const html = await readFile(join(siteDir, name), 'utf8');
    assert.doesNotMatch(html, /<link[^>]*rel=["']?(module)?preload/, `${name} preloads nothing of the app`);
  }
  await withPage(browser, undefined, async ({ page, errors }) => {
    for (const name of ['index.html', 'recommendations.html', 'progress.html']) {
      await page.goto(`${site.url}${name}`);
      await page.locator('#static-page').waitFor({ state: 'detached' });
      await ready(page);
      await page.waitForTimeout(300);
      const seen = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        app: performance.getEntriesByType('resource').filter((r) => /cpc-action-plan-[^/]*\.(js|wasm)$/.test(r.name)).map((r) => r.startTime),
        largest: window.largest,
        swap: window.swap,
      }));
      assert.ok(seen.fcp > 0, `${name} painted`);
      assert.equal(seen.app.length, 2, `${name} asked for the app's script and WebAssembly`);
      for (const start of seen.app) assert.ok(start >= seen.fcp, `${name}: the app was asked for at ${start} ms, before the first paint at ${seen.fcp} ms`);
      assert.ok(seen.largest.length > 0 && seen.largest.every((e) => e.time <= seen.fcp + 1 && e.written), `${name}: the largest paint is the written page's, at once: ${JSON.stringify(seen.largest)}`);
      // When the written page went, the app's page was already in view in its place.
      assert.deepEqual(seen.swap, { headings: 1, shown: true }, `${name}: the app took the written page's place in one step`);
    }
    assert.deepEqual(errors, []);
  }, {
    // Lighthouse's phone; a first visit, with no service worker to answer.
    contextOptions: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, serviceWorkers: 'block' },
    initScript: () => {
      window.largest = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.largest.push({ time: e.startTime, written: Boolean(e.element?.closest('#static-page')) });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      new MutationObserver((records, observer) => {
        if (!records.some((r) => [...r.removedNodes].some((n) => n.id === 'static-page'))) return;
        const headings = [...document.querySelectorAll('main h1')];
        window.swap = { headings: headings.length, shown: headings.length === 1 && headings[0].checkVisibility() };
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    },
  });
});

test('the feed is Atom with one entry per progress update, newest first, linked to action pages', async () => {
  siteReady();
  const updates = plan.recommendations.flatMap((r) => r.actions.flatMap((a) => a.updates ?? []));
  await withPage(browser, `${site.url}index.html`, async ({ page }) => {
    const feed = await page.evaluate(async () => {
      const text = await (await fetch('updates.xml')).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const atom = 'http://www.w3.org/2005/Atom';
      const entries = [...doc.getElementsByTagNameNS(atom, 'entry')];
      const one = (el, name) => el.getElementsByTagNameNS(atom, name)[0]?.textContent ?? null;
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
        id: one(doc.documentElement, 'id'),
        updated: one(doc.documentElement, 'updated'),
        entries: entries.map((e) => ({ id: one(e, 'id'), title: one(e, 'title'), updated: one(e, 'updated'),
          link: e.getElementsByTagNameNS(atom, 'link')[0]?.getAttribute('href') })),
      };
    });
    assert.equal(feed.error, 0);
    assert.equal(feed.root, 'http://www.w3.org/2005/Atom feed');
    assert.ok(feed.id && feed.updated);
    assert.equal(feed.entries.length, updates.length);
    assert.equal(new Set(feed.entries.map((e) => e.id)).size, updates.length, 'each entry has its own id');
    const days = feed.entries.map((e) => e.updated);
    assert.deepEqual(days, [...days].sort().reverse(), 'newest first');
    for (const e of feed.entries) {
      assert.ok(e.title && e.updated);
      assert.ok(existsSync(join(siteDir, e.link)), `${e.link} is a page of the site`);
    }
  });
});

test('the site says when its plain pages are older than its plan.json', async () => {
  siteReady();
  const path = join(siteDir, 'plan.json');
  const original = await readFile(path, 'utf8');
  const newer = JSON.parse(original);
  newer.plan.title = `${newer.plan.title} (updated)`;
  await writeFile(path, JSON.stringify(newer, null, 2));
  try {
    await withPage(browser, `${site.url}recommendations.html`, async ({ page, errors }) => {
      await page.getByTestId('pages-differ').waitFor();
      assert.match(await page.getByTestId('pages-differ').innerText(), /newer plan file than this site's plain pages/);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
    });
  } finally {
    await writeFile(path, original);
  }
});

test("a plan's text that looks like markup is written into the pages as text", async () => {
  const markup = '<img src=x onerror="document.title=1"> & <b>bold</b>';
  let written;
  await withPage(browser, `${app.url}#/plan/havering-cpc-2019/edit`, async ({ page, errors }) => {
    await ready(page);
    await page.getByLabel('Title of the plan').fill(`Peer challenge ${markup}`);
    await saved(page);
    await page.goto(`${app.url}#/plan/havering-cpc-2019/publish`);
    await page.locator('main h1', { hasText: 'Publish for residents' }).waitFor();
    const file = await download(page, () => page.getByRole('button', { name: "Download the residents' site (.zip)" }).click());
    written = await unzip(file.bytes);
    assert.deepEqual(errors, []);
  });
  for (const name of ['index.html', 'recommendations.html', 'about.html']) {
    const html = await readFile(join(written, name), 'utf8');
    assert.ok(!/<img\b/i.test(html) && !/<b>bold/.test(html), `${name} holds no markup from the plan`);
    assert.ok(html.includes('&lt;img src=x onerror="document.title=1"&gt; &amp; &lt;b&gt;bold&lt;/b&gt;')
      || html.includes('&lt;img src=x onerror=&quot;document.title=1&quot;&gt; &amp; &lt;b&gt;bold&lt;/b&gt;'), `${name} shows the text as written`);
  }
});
