// The published site: the site build (target/site, made by `trunk build --features site`,
// as scripts/publish does) with the Havering plan.json and a site.json, served from a
// sub-path by a plain static server, read by a resident. The officer's app (dist/) with a
// plan.json beside it is not: it never asks for the file.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, withPage, ready, axeViolations, examplePlan, DIST, ROOT, PLAN_ID } from './harness.mjs';

const BASE = '/peer-challenge/';
const SITE_DIST = process.env.SITE_DIST ?? join(ROOT, 'target/site');
let site;
let server;
let browser;
let plan;

/** A copy of the site build (or `from`) with the given files beside index.html, served under BASE. */
async function publish(files, from = SITE_DIST) {
  const dir = await mkdtemp(join(tmpdir(), 'cpc-site-'));
  await cp(from, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return serve(dir, BASE);
}

before(async () => {
  plan = (await examplePlan()).plan;
  site = await publish({
    'plan.json': await readFile(join(ROOT, 'public/examples/havering-2019.plan.json'), 'utf8'),
    'site.json': await readFile(join(ROOT, 'public/site.example.json'), 'utf8'),
  });
  server = site;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const at = (hash) => `${site.url}#${hash}`;

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test('a deep link opens straight away on the published site, under a sub-path', async () => {
  const r8 = plan.recommendations.find((r) => r.id === 'r8');
  await withPage(browser, at(`/plan/${PLAN_ID}/recommendations/r8`), async ({ page, errors, requests }) => {
    await ready(page);
    assert.equal(await page.locator('main h1').innerText(), r8.title);
    await page.reload();
    await ready(page);
    assert.equal(await page.locator('main h1').innerText(), r8.title);
    assert.deepEqual(errors, []);
    const origin = new URL(site.url).origin;
    assert.deepEqual(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:')), []);
    assert.ok(requests.every((r) => r.startsWith('data:') || new URL(r).pathname.startsWith(BASE)), 'everything comes from the sub-path');
  });
});

test('the home page gives residents the summary, and the site changes and stores nothing', async () => {
  const open = new Set(['not_started', 'on_track', 'at_risk', 'off_track']);
  const actions = plan.recommendations.flatMap((r) => r.actions);
  const count = (s) => actions.filter((a) => a.status === s).length;
  const overdue = actions.filter((a) => a.due && a.due < today() && open.has(a.status)).length;
  await withPage(browser, site.url, async ({ page, errors }) => {
    await ready(page);
    assert.equal(await page.locator('main h1').innerText(), plan.title);
    // The example file has no exported_at: the site says so, and its figures are as at today.
    assert.match(await page.getByTestId('last-updated').innerText(), /does not say when the council last updated it, so its figures are as at today/);
    assert.equal(
      await page.getByTestId('plan-summary').innerText(),
      `Of 32 actions, ${count('completed')} are completed, ${count('ongoing')} are now part of everyday work and ${count('not_started')} are not started; ${overdue} are past their date.`,
    );
    // Browse every kind of page; none may offer to change anything or write to storage.
    const pages = ['/', `/plan/${PLAN_ID}/recommendations`, `/plan/${PLAN_ID}/actions/r1-a7`, `/plan/${PLAN_ID}/dashboard`,
      `/plan/${PLAN_ID}/reports/progress`, '/about', '/accessibility'];
    for (const hash of pages) {
      await page.goto(at(hash));
      await ready(page);
      const controls = await page.locator('main, header').getByRole('link', { name: /^Change|Start a new plan|Import|Delete|Copy/ }).count()
        + await page.getByRole('button', { name: /^(Undo|Redo|Export plan|Add |Remove|Delete|Copy|Start)/ }).count();
      assert.equal(controls, 0, `no control changes anything on ${hash}`);
      assert.equal(await page.locator('.app-toolbar').count(), 0);
    }
    for (const hash of ['/new', '/new/table', `/plan/${PLAN_ID}/add-table`, '/import', `/plan/${PLAN_ID}/edit`, `/plan/${PLAN_ID}/actions/r1-a7/edit`, `/plan/${PLAN_ID}/delete`]) {
      await page.goto(at(hash));
      await ready(page);
      assert.equal(await page.locator('main h1').innerText(), 'Page not found', hash);
    }
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing is written to local storage');
    assert.deepEqual(errors, []);
  });
});

test('residents find the introduction, the report link and the accessibility statement', async () => {
  await withPage(browser, at('/about'), async ({ page }) => {
    await ready(page);
    assert.equal(await page.locator('main h1').innerText(), 'What is a corporate peer challenge?');
    assert.equal(await page.getByRole('link', { name: "The peer team's report, as the council published it" }).getAttribute('href'), 'https://www.havering.gov.uk/peer-challenge');
    await page.getByRole('link', { name: 'Accessibility statement' }).click();
    await page.locator('main h1', { hasText: 'Accessibility statement' }).waitFor();
    const contact = await page.getByTestId('contact').innerText();
    assert.match(contact, /Email: policy@havering\.gov\.uk/);
    assert.match(contact, /Telephone: 01708 434343/);
    assert.match(await page.locator('main').innerText(), /WCAG\) version 2\.2 to level AA/);
    assert.match(await page.locator('main').innerText(), /prepared on 23 November 2026/);
  });
});

test('the published site has a Content Security Policy and a no-JavaScript message that links the plan', async () => {
  const html = await (await fetch(site.url)).text();
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(csp, 'a policy in index.html');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'sha256-[^']+' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|https?:/);
  assert.match(html, /<noscript>[\s\S]*href="?plan\.json"?[\s>][\s\S]*<\/noscript>/);
  await withPage(browser, site.url, async ({ page, errors }) => {
    await ready(page);
    assert.deepEqual(errors, [], 'the app runs within the policy');
  }, { contextOptions: { javaScriptEnabled: true } });
  await withPage(browser, site.url, async ({ page }) => {
    assert.match(await page.locator('noscript, body').first().innerText(), /This app needs JavaScript/);
    assert.equal(await page.getByRole('link', { name: 'plan.json' }).getAttribute('href'), 'plan.json');
  }, { contextOptions: { javaScriptEnabled: false } });
});

test('reports print from the published site as they do in the app', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/reports/action-plan?as_at=2019-09-04`), async ({ page }) => {
    await page.getByTestId('annex').waitFor();
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    assert.ok(pdf.length > 10000);
    assert.equal(await page.getByTestId('annex').locator('tbody th[rowspan]').count(), 13);
  });
});

test('a missing or unreadable plan file gets a clear message, not a blank page', async () => {
  for (const [files, says] of [
    [{}, /plan\.json is missing/],
    [{ 'site.json': '{}' }, /plan\.json is missing/],
    [{ 'plan.json': 'not a plan: {' }, /file is not JSON/],
    // A host's single-page-app fallback answers with a web page: that is no plan file.
    [{ 'plan.json': '<!DOCTYPE html><html><body>index</body></html>' }, /plan\.json is missing/],
  ]) {
    const broken = await publish(files);
    try {
      await withPage(browser, broken.url, async ({ page }) => {
        await ready(page);
        assert.equal(await page.locator('main h1').innerText(), 'The action plan cannot be shown');
        assert.match(await page.getByTestId('unpublishable').textContent(), says);
        assert.equal(await page.getByTestId('last-updated').count(), 0, 'no plan, so no date');
        assert.deepEqual(await axeViolations(page), []);
        assert.equal(await page.evaluate(() => localStorage.length), 0);
      });
    } finally {
      await broken.close();
    }
  }
});

test("the officer's app with a plan.json beside it stays the officer's app, and asks for neither file", async () => {
  // Only the site build is a published site: the officer's app never asks for a file that
  // may be missing, because each 404 is an error in the browser's console.
  const full = await publish({ 'plan.json': await readFile(join(ROOT, 'public/examples/havering-2019.plan.json'), 'utf8') }, DIST);
  try {
    await withPage(browser, `${full.url}#/plan/${PLAN_ID}/recommendations`, async ({ page, errors, requests }) => {
      await ready(page);
      assert.equal(await page.locator('section[data-recommendation-id]').count(), 13);
      assert.ok(await page.locator('.app-toolbar').count() > 0, 'the officer can change the plan');
      assert.deepEqual(requests.filter((r) => /\/(plan|site)\.json$/.test(r)), []);
      assert.deepEqual(errors, []);
    });
  } finally {
    await full.close();
  }
});

const screens = ['/', `/plan/${PLAN_ID}/recommendations`, `/plan/${PLAN_ID}/recommendations/r1`, `/plan/${PLAN_ID}/actions/r1-a7`,
  `/plan/${PLAN_ID}/dashboard`, `/plan/${PLAN_ID}/reports/action-plan`, `/plan/${PLAN_ID}/reports/progress`,
  `/plan/${PLAN_ID}/reports/exceptions`, '/about', '/accessibility', '/help/plan-file'];
for (const hash of screens) {
  test(`axe: the published ${hash} has no WCAG 2.2 A/AA violations`, async () => {
    await withPage(browser, at(hash), async ({ page }) => {
      await ready(page);
      assert.deepEqual(await axeViolations(page), []);
    });
  });
}

test("residents read the council's account of each recommendation, and its slipped dates, on the published site", async () => {
  const text = await readFile(join(ROOT, 'public/examples/fictional-borough-2024.plan.json'), 'utf8');
  const fictional = JSON.parse(text).plan;
  const r1 = fictional.recommendations[0];
  const newest = r1.narrative.at(-1);
  const slipped = fictional.recommendations.flatMap((r) => r.actions).find((a) => (a.due_history ?? []).length >= 2);
  const other = await publish({ 'plan.json': text, 'site.json': await readFile(join(ROOT, 'public/site.example.json'), 'utf8') });
  try {
    await withPage(browser, `${other.url}#/plan/${fictional.id}/recommendations/${r1.id}`, async ({ page, errors }) => {
      await ready(page);
      const narrative = page.getByTestId('narrative');
      assert.match(await narrative.innerText(), new RegExp(`Overall rating\\s+Green: `));
      assert.ok((await narrative.innerText()).includes(newest.progress));
      assert.ok((await narrative.innerText()).includes(newest.next_steps));
      assert.equal(await page.getByRole('link', { name: /Change this recommendation/ }).count(), 0, 'nothing to change on the site');
      assert.deepEqual(await axeViolations(page), []);
      await page.goto(`${other.url}#/plan/${fictional.id}/actions/${slipped.id}`);
      await ready(page);
      assert.match(await page.getByTestId('slipped').innerText(), /^Originally .+, now .+ \(moved (twice|\d+ times)\)$/);
      assert.deepEqual(errors, []);
    });
  } finally {
    await other.close();
  }
});
