// Issue 18, part A: the residents' site on a phone, honest about its date and about who
// answers for the plan; and the officer's app on a phone too. The published site is the
// site build (target/site) served under a sub-path with a plan.json (the Havering plan,
// exported on 3 October 2019, with its portfolio holder, committee and schedule) and the
// example site.json; the officer's app is dist/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, withPage, ready, axeViolations, tabTo, dateIn, DIST, ROOT, PLAN_ID } from './harness.mjs';

const BASE = '/council/peer-challenge/';
const SITE_DIST = process.env.SITE_DIST ?? join(ROOT, 'target/site');
const EXPORTED = '2019-10-03T16:00:00Z';
let browser;
let site;
let siteDir;
let officer;
let file;

/** The Havering plan as a council would publish it: exported, with who answers for it. */
async function publishedPlan() {
  const text = JSON.parse(await readFile(join(ROOT, 'public/examples/havering-2019.plan.json'), 'utf8'));
  text.exported_at = EXPORTED;
  text.export_id = 'x-phone-test';
  Object.assign(text.plan, {
    contact_officer: 'Head of Policy and Performance',
    portfolio_holder: 'Cllr Damian White, Leader of the Council',
    overseen_by: 'Overview and Scrutiny Board',
    schedule: [{ id: 's1', committee: 'Overview and Scrutiny Board', cadence: 'quarterly', from: '2019-07-31' }],
  });
  return text;
}

before(async () => {
  file = await publishedPlan();
  siteDir = await mkdtemp(join(tmpdir(), 'cpc-phone-'));
  await cp(SITE_DIST, siteDir, { recursive: true });
  await writeFile(join(siteDir, 'plan.json'), JSON.stringify(file, null, 2));
  await writeFile(join(siteDir, 'site.json'), await readFile(join(ROOT, 'public/site.example.json'), 'utf8'));
  site = await serve(siteDir, BASE);
  officer = await serve(DIST, '/');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await officer?.close();
});

const phone = { viewport: { width: 320, height: 640 } };
/** The day the resident reads the site: before the plan is six months old. */
const reading = (when = '2019-11-26T10:00:00') => async ({ page }) => page.clock.setFixedTime(new Date(when));

/** How far the page runs past the window's right edge, in CSS px (0 or less: it fits). */
async function overflow(page) {
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Opens each address in turn at 320 px, checking it fits and passes axe. */
async function fitsAndPasses(page, base, hashes) {
  const problems = [];
  for (const hash of hashes) {
    await page.goto(`${base}#${hash}`);
    await ready(page);
    const over = await overflow(page);
    if (over > 0) {
      const wide = await page.evaluate(() => [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`));
      problems.push(`${hash} runs ${over} px past 320 (${wide.join(', ')})`);
    }
    const violations = await axeViolations(page);
    if (violations.length) problems.push(`${hash}: ${JSON.stringify(violations)}`);
  }
  return problems;
}

const plan = () => file.plan;
const actionIds = () => plan().recommendations.flatMap((r) => r.actions.map((a) => a.id));

test('no page of the published site scrolls sideways at 320 CSS px, and each passes axe', async () => {
  const hashes = ['/', `/plan/${PLAN_ID}`, `/plan/${PLAN_ID}/recommendations`,
    ...plan().recommendations.map((r) => `/plan/${PLAN_ID}/recommendations/${r.id}`),
    ...actionIds().map((id) => `/plan/${PLAN_ID}/actions/${id}`),
    `/plan/${PLAN_ID}/dashboard`, `/plan/${PLAN_ID}/dashboard?as_at=2020-03-31&since=2019-06-30`,
    ...['action-plan', 'progress', 'exceptions', 'position-statement'].map((r) => `/plan/${PLAN_ID}/reports/${r}`),
    '/about', '/accessibility', '/help/plan-file', '/no-such-page'];
  await withPage(browser, site.url, async ({ page, errors }) => {
    await ready(page);
    assert.deepEqual(await fitsAndPasses(page, site.url, hashes), []);
    assert.deepEqual(errors, []);
  }, { contextOptions: phone });
});

test("no main page of the officer's app scrolls sideways at 320 CSS px, and each passes axe", async () => {
  const r = 'r1';
  const a = 'r1-a7';
  const hashes = ['/', '/new', '/import', '/about', '/accessibility', '/help/plan-file',
    `/plan/${PLAN_ID}`, `/plan/${PLAN_ID}/recommendations`, `/plan/${PLAN_ID}/recommendations/${r}`,
    `/plan/${PLAN_ID}/actions/${a}`, `/plan/${PLAN_ID}/dashboard`,
    ...['action-plan', 'progress', 'exceptions', 'position-statement'].map((k) => `/plan/${PLAN_ID}/reports/${k}`),
    `/plan/${PLAN_ID}/edit`, `/plan/${PLAN_ID}/themes`, `/plan/${PLAN_ID}/milestones`, `/plan/${PLAN_ID}/edit/reporting`,
    `/plan/${PLAN_ID}/reviews`, `/plan/${PLAN_ID}/issued`, `/plan/${PLAN_ID}/copies`, `/plan/${PLAN_ID}/leads`,
    `/plan/${PLAN_ID}/recommendations/${r}/edit`, `/plan/${PLAN_ID}/actions/${a}/edit`, `/plan/${PLAN_ID}/delete`];
  await withPage(browser, officer.url, async ({ page, errors }) => {
    await ready(page);
    const lead = plan().recommendations[0].actions.find((x) => x.leads?.length)?.leads[0];
    if (lead) hashes.push(`/plan/${PLAN_ID}/leads/${encodeURIComponent(lead)}`);
    assert.deepEqual(await fitsAndPasses(page, officer.url, hashes), []);
    assert.deepEqual(errors, []);
  }, { contextOptions: phone });
});

test("the officer's app asks for no plan.json or site.json, so logs no 404, and says what each page is", async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cpc-phone-officer-'));
  await cp(DIST, dir, { recursive: true });
  await cp(join(siteDir, 'plan.json'), join(dir, 'plan.json'));
  const withPlan = await serve(dir, '/');
  try {
    await withPage(browser, withPlan.url, async ({ page, errors, requests }) => {
      await ready(page);
      assert.equal(await page.locator('main h1').innerText(), 'Action plans in this browser', 'a plan.json beside it does not make the app a published site');
      assert.deepEqual(requests.filter((r) => /\/(plan|site)\.json$/.test(r)), []);
      const titles = new Set();
      for (const hash of ['/', `/plan/${PLAN_ID}`, `/plan/${PLAN_ID}/recommendations`, `/plan/${PLAN_ID}/dashboard`, '/about']) {
        await page.goto(`${withPlan.url}#${hash}`);
        await ready(page);
        titles.add(await page.title());
      }
      assert.equal(titles.size, 5, `a title for each page: ${[...titles].join(' | ')}`);
      assert.ok((await page.locator('meta[name=description]').getAttribute('content')).length > 50);
      assert.deepEqual(errors, []);
    });
  } finally {
    await withPlan.close();
  }
});

test('every page of the published site says when the council last updated the plan, and its figures are as at that day', async () => {
  await withPage(browser, site.url, async ({ page, errors }) => {
    await reading()({ page });
    await page.goto(site.url);
    await ready(page);
    for (const hash of ['/', `/plan/${PLAN_ID}/recommendations`, `/plan/${PLAN_ID}/actions/r1-a7`, `/plan/${PLAN_ID}/dashboard`,
      `/plan/${PLAN_ID}/reports/progress`, '/about', '/accessibility']) {
      await page.goto(`${site.url}#${hash}`);
      await ready(page);
      assert.equal((await page.getByTestId('last-updated').innerText()).trim(), 'Last updated by the council on 3 October 2019', hash);
      assert.equal(await page.getByTestId('out-of-date').count(), 0, 'not yet six months old');
      const description = await page.locator('meta[name=description]').getAttribute('content');
      assert.match(description, /London Borough of Havering's action plan .* Last updated by the council on 3 October 2019\.$/, hash);
      assert.match(await page.title(), /Peer challenge action plans$/);
    }
    // The home page's figures are as at the export day, not today (26 November 2019).
    await page.goto(site.url);
    await ready(page);
    assert.match(await page.getByTestId('overdue-line').innerText(), /^Overdue on 3 October 2019: /);
    assert.equal(await page.getByRole('heading', { name: 'Progress on 3 October 2019' }).count(), 1);
    // The progress view starts at the export day; a resident may pick another.
    await page.goto(`${site.url}#/plan/${PLAN_ID}/dashboard`);
    await ready(page);
    assert.equal(await dateIn(page, 'As at'), '2019-10-03');
    assert.match(await page.getByTestId('needs-javascript').first().innerText(),
      /^Choosing the date and filtering the actions needs JavaScript switched on in your browser\. Without it, this page shows the plan as at 3 October 2019/);
    await page.goto(`${site.url}#/plan/${PLAN_ID}/dashboard?as_at=2020-03-31`);
    await ready(page);
    assert.equal(await dateIn(page, 'As at'), '2020-03-31');
    // A report's options say the same.
    await page.goto(`${site.url}#/plan/${PLAN_ID}/reports/progress`);
    await ready(page);
    assert.equal(await dateIn(page, 'As at'), '2019-10-03');
    assert.match(await page.getByTestId('report-options').getByTestId('needs-javascript').innerText(), /needs JavaScript/);
    assert.deepEqual(errors, []);
  });
});

test('a plan more than six months old says so, from the day after six months', async () => {
  for (const [when, old] of [['2020-04-03T20:00:00', false], ['2020-04-04T09:00:00', true]]) {
    await withPage(browser, site.url, async ({ page }) => {
      await reading(when)({ page });
      await page.goto(site.url);
      await ready(page);
      assert.equal(await page.getByTestId('out-of-date').count(), old ? 1 : 0, when);
      if (old) {
        assert.match(await page.getByTestId('out-of-date').innerText(),
          /This plan was last updated more than six months ago, on 3 October 2019\./);
        assert.deepEqual(await axeViolations(page), []);
      }
    });
  }
});

test('the home page says who leads the plan, who oversees it, when it next reports and how to contact the council', async () => {
  await withPage(browser, site.url, async ({ page }) => {
    await reading()({ page });
    await page.goto(site.url);
    await ready(page);
    const block = page.getByTestId('accountability');
    assert.equal(await page.getByRole('heading', { name: 'Who is responsible' }).count(), 1);
    assert.match(await block.getByTestId('portfolio-holder').innerText(), /Leads the plan\s+Cllr Damian White, Leader of the Council/);
    assert.match(await block.getByTestId('overseen-by').innerText(), /Overseen by\s+Overview and Scrutiny Board/);
    // Quarterly from 31 July 2019: after 26 November 2019 the next is 31 January 2020.
    assert.match(await block.getByTestId('next-report').innerText(), /Next reports\s+Overview and Scrutiny Board on 31 January 2020/);
    assert.match(await block.getByTestId('contact-officer').innerText(), /Contact officer\s+Head of Policy and Performance/);
    const contact = block.getByTestId('contact-council');
    assert.match(await contact.innerText(), /Telephone: 01708 434343/);
    assert.equal(await contact.getByRole('link', { name: 'policy@havering.gov.uk' }).getAttribute('href'), 'mailto:policy@havering.gov.uk');
    // It comes before the figures, and is said once (not again under "Documents").
    const order = await page.locator('main h2').allInnerTexts();
    assert.ok(order.indexOf('Who is responsible') < order.indexOf('Progress on 3 October 2019'), order.join(' / '));
    assert.equal(await page.getByTestId('plan-reporting').count(), 0);
  });
});

test('on a phone the navigation is behind a Menu button that works by keyboard', async () => {
  await withPage(browser, `${site.url}#/plan/${PLAN_ID}/recommendations`, async ({ page }) => {
    await ready(page);
    const menu = page.locator('summary', { hasText: 'Menu' });
    const progress = page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Progress', exact: true });
    assert.ok(await menu.isVisible());
    assert.equal(await progress.count(), 0, 'the links are hidden until the menu is opened');
    const header = await page.locator('header').boundingBox();
    assert.ok(header.height < 640 / 3, `the header takes ${header.height} px of a 640 px screen`);
    await tabTo(page, menu);
    await page.keyboard.press('Enter');
    await progress.waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Recommendations' }).getAttribute('aria-current'), 'page');
    await tabTo(page, progress);
    await page.keyboard.press('Enter');
    await page.locator('main h1', { hasText: 'Progress' }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Menu' }).count(), 0, 'the menu closes on the new page');
    assert.deepEqual(await axeViolations(page), []);
    await page.setViewportSize({ width: 1024, height: 768 });
    assert.equal(await menu.isVisible(), false, 'no Menu button on a wide screen');
    assert.ok(await page.getByRole('link', { name: 'Recommendations', exact: true }).isVisible());
  }, { contextOptions: phone });
});

test('the Menu button opens without JavaScript', async () => {
  // The page as the app draws it, saved as plain HTML without its scripts, read by a
  // browser with JavaScript switched off.
  let html;
  await withPage(browser, `${site.url}#/plan/${PLAN_ID}`, async ({ page }) => {
    await ready(page);
    html = await page.evaluate(() => {
      const copy = document.documentElement.cloneNode(true);
      copy.querySelectorAll('script, link[rel=modulepreload], link[rel=preload]').forEach((el) => el.remove());
      return `<!DOCTYPE html>${copy.outerHTML}`;
    });
  }, { contextOptions: phone });
  await writeFile(join(siteDir, 'static-overview.html'), html);
  await withPage(browser, `${site.url}static-overview.html`, async ({ page }) => {
    await page.locator('header').waitFor();
    const progress = page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Progress', exact: true });
    assert.equal(await progress.count(), 0);
    await page.locator('summary', { hasText: 'Menu' }).click();
    assert.ok(await progress.isVisible());
    // No script runs in this page: the width is read by Playwright's own.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
    // (axe cannot run where scripts are off: the same page passed it with JavaScript, above.)
  }, { contextOptions: { ...phone, javaScriptEnabled: false } });
});

test('a plan exported just after midnight in summer is dated the new day, with its offset', async () => {
  await withPage(browser, officer.url, async ({ page }) => {
    // 00:30 on 4 October 2026 in London is 23:30 on 3 October in UTC.
    await page.clock.setFixedTime(new Date('2026-10-03T23:30:00Z'));
    await page.reload();
    await ready(page);
    await page.goto(`${officer.url}#/plan/${PLAN_ID}`);
    await page.getByTestId('plan-summary').waitFor();
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export plan', exact: true }).click(),
    ]);
    const text = JSON.parse(await readFile(await exported.path(), 'utf8'));
    assert.equal(text.exported_at, '2026-10-04T00:30:00+01:00');
  }, { contextOptions: { timezoneId: 'Europe/London' } });
});
