// Everyday journeys (issue 22) in headless Chromium: tables whose words never break inside
// themselves at 1280 and 375 px, actions as blocks on a phone with their status first, long
// titles cut short with the whole text on their own page, status shares that add up to
// 100% with overdue apart, the export note after an import, and axe-core at both widths.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, withPage, ready, axeViolations, examplePlan, saved, download, ROOT, PLAN_ID } from './harness.mjs';
import { brokenWordsInPage } from './words.mjs';

const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
const WIDTHS = [1280, 375];
const OPEN = new Set(['not_started', 'on_track', 'at_risk', 'off_track']);
const LABELS = { completed: 'Completed', ongoing: 'Ongoing', on_track: 'On track', at_risk: 'At risk', off_track: 'Off track', not_started: 'Not started', cancelled: 'Cancelled' };

let server;
let browser;
let example;

before(async () => {
  server = await serve();
  browser = await launch();
  example = await examplePlan();
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const at = (hash) => `${server.url}#${hash}`;
const viewport = (width) => ({ contextOptions: { viewport: { width, height: 900 } } });
const long = (iso) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The pages that show tables and lists of the plan, by what they are. */
const PAGES = (plan) => [
  ['overview', `/plan/${plan}`],
  ['recommendations', `/plan/${plan}/recommendations`],
  ['progress as at today', `/plan/${plan}/dashboard`],
  ['progress as at the scrutiny meeting', `/plan/${plan}/dashboard?as_at=2019-09-04`],
  ['action plan report', `/plan/${plan}/reports/action-plan?as_at=2019-09-04&committee=Cabinet`],
  ['progress report', `/plan/${plan}/reports/progress?as_at=2019-09-04`],
  ['exceptions report', `/plan/${plan}/reports/exceptions?as_at=2019-09-04`],
  ['leads', `/plan/${plan}/leads`],
  ["a lead's worklist", `/plan/${plan}/leads/Director%20of%20Regeneration`],
];

/** Goes to a page of the app in the same tab, and waits for it. */
async function visit(page, hash) {
  await page.goto(at(hash));
  await ready(page);
  // Charts and lists are drawn with the page; give layout a frame to settle.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

/** Words broken inside themselves on the page, and how far it runs past the window's width. */
async function measure(page) {
  const broken = await page.evaluate(`(${brokenWordsInPage})('header, main')`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  return { broken, overflow };
}

/** Imports a plan file through the import page and chooses what to do with it. */
async function importFile(page, name, file, choice) {
  await visit(page, '/import');
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByTestId('import-preview').waitFor();
  await page.getByRole('button', { name: choice }).click();
  await page.getByTestId('flash-banner').waitFor();
  await saved(page);
  return /#\/plan\/([^/?]+)/.exec(page.url())[1];
}

/** Words of about 2,000 characters. */
const TITLE_2000 = Array.from({ length: 40 }, (_, i) => `Strengthen governance arrangement ${i + 1} across partners,`).join(' ').slice(0, 2000).replace(/\s+\S*$/, '.');
const ADDRESS = 'https://www.havering.gov.uk/downloads/download/1234/corporate-plan-2019-2022-and-the-medium-term-financial-strategy-for-residents.pdf';

/** The Havering plan with a 2,000-character recommendation and action, and an address. */
function longPlan() {
  const file = structuredClone(example);
  const [r1] = file.plan.recommendations;
  r1.title = TITLE_2000;
  // Open and past its date at the scrutiny meeting, so the progress view lists it.
  Object.assign(r1.actions[0], { text: `${ADDRESS} ${TITLE_2000}`, status: 'not_started', due: '2019-04-30' });
  r1.actions[1].text = `Publish the plan at ${ADDRESS} and tell residents.`;
  r1.actions[1].updates = [{ id: 'u-long', date: '2019-06-01', status: 'on_track', note: `Draft at ${ADDRESS} for comment.`, author: 'AD Communications' }];
  r1.actions[1].status = 'on_track';
  return file;
}

// (a) ------------------------------------------------------------------------------------

for (const width of WIDTHS) {
  test(`no word breaks inside itself at ${width} px, and no page runs off the screen`, async () => {
    await withPage(browser, at(`/plan/${PLAN_ID}`), async ({ page, errors }) => {
      for (const [what, hash] of [['plans', '/'], ...PAGES(PLAN_ID)]) {
        await visit(page, hash);
        const { broken, overflow } = await measure(page);
        assert.deepEqual(broken, [], `${what} at ${width} px`);
        assert.equal(overflow, 0, `${what} at ${width} px fits the window`);
      }
      // With a 2,000-character title and a long address, only the address may wrap.
      const id = await importFile(page, 'long.plan.json', longPlan(), 'Open as a new plan');
      const action = `/plan/${id}/actions/${longPlan().plan.recommendations[0].actions[1].id}`;
      for (const [what, hash] of [...PAGES(id), ['an action with an update', action]]) {
        await visit(page, hash);
        const { broken, overflow } = await measure(page);
        assert.deepEqual(broken, [], `${what} of the long plan at ${width} px`);
        assert.equal(overflow, 0, `${what} of the long plan at ${width} px fits the window`);
      }
      assert.deepEqual(errors, []);
    }, viewport(width));
  });
}

// (b) ------------------------------------------------------------------------------------

/** For each action row: where each cell sits, by its column's name. */
async function rows(page, selector) {
  return page.locator(selector).evaluateAll((trs) => trs.map((tr) => {
    const cells = [...tr.children].map((cell) => {
      const box = cell.getBoundingClientRect();
      return {
        label: cell.dataset.label ?? '',
        shown: getComputedStyle(cell, '::before').content,
        top: Math.round(box.top),
        left: Math.round(box.left),
        text: cell.innerText.trim(),
      };
    });
    return { display: getComputedStyle(tr).display, cells };
  }));
}

/** The role Chromium gives an element in its accessibility tree. */
async function axRole(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  return nodes[0].role.value;
}

const ACTION_TABLES = [
  ['the actions table', `/plan/${PLAN_ID}/recommendations`, '.app-actions tbody tr'],
  ['the overdue list', `/plan/${PLAN_ID}/dashboard?as_at=2019-09-04`, '[data-testid=overdue] tbody tr'],
  ['the progress report', `/plan/${PLAN_ID}/reports/progress?as_at=2019-09-04`, '.app-report__section tbody tr'],
  ['the exceptions report', `/plan/${PLAN_ID}/reports/exceptions?as_at=2019-09-04`, '.app-report__section tbody tr'],
  ['the action plan annex', `/plan/${PLAN_ID}/reports/action-plan?as_at=2019-09-04`, '[data-testid=annex] tbody tr'],
];

test('at 375 px each action is a block, its status first and every value named', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}`), async ({ page }) => {
    for (const [what, hash, selector] of ACTION_TABLES) {
      await visit(page, hash);
      const blocks = await rows(page, selector);
      assert.ok(blocks.length > 0, what);
      for (const { display, cells } of blocks) {
        assert.equal(display, 'flex', `${what}: a row is a block`);
        const actionCells = cells.filter((c) => !['', 'Recommendation'].includes(c.label) || c.text === 'No actions listed.');
        const status = cells.find((c) => c.label === 'Status');
        if (!status) continue; // a recommendation with no actions listed
        // The status comes before every other value of the action, each on its own line.
        for (const other of actionCells.filter((c) => c !== status)) {
          assert.ok(status.top < other.top, `${what}: the status (${status.text}) comes before ${other.label}`);
        }
        assert.equal(new Set(cells.map((c) => c.left)).size, 1, `${what}: one column of values`);
        // Named on screen, with empty alternative text: screen readers hear the header.
        for (const c of actionCells) assert.equal(c.shown, `"${c.label}" / ""`, `${what}: ${c.label} is named on screen`);
      }
    }
    // Still a table to a screen reader.
    await visit(page, `/plan/${PLAN_ID}/recommendations`);
    assert.equal(await axRole(page, '.app-actions'), 'table');
    assert.equal(await axRole(page, '.app-actions thead th'), 'columnheader');
    assert.equal(await axRole(page, '.app-actions tbody tr'), 'row');
    assert.equal(await axRole(page, '.app-actions tbody td[data-label=Status]'), 'cell');
    assert.equal(await page.locator('.app-actions thead').first().isVisible(), true, 'the header row is there, visually hidden');
  }, viewport(375));
});

test('at 1280 px the same actions are rows of a table, its header shown', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}`), async ({ page }) => {
    for (const [what, hash, selector] of ACTION_TABLES) {
      await visit(page, hash);
      for (const { display, cells } of await rows(page, selector)) {
        assert.equal(display, 'table-row', what);
        const tops = new Set(cells.map((c) => c.top));
        assert.equal(tops.size, 1, `${what}: one row`);
        for (const c of cells) assert.equal(c.shown, 'none', `${what}: no names in the cells`);
      }
    }
    await visit(page, `/plan/${PLAN_ID}/recommendations`);
    const header = await page.locator('.app-actions thead th').first().boundingBox();
    assert.ok(header.height > 20 && header.width > 100, 'the header row shows');
  }, viewport(1280));
});

// (c) ------------------------------------------------------------------------------------

test('a 2,000-character title is cut short in tables, lists and links, and whole on its own page', async () => {
  const file = longPlan();
  const [r1] = file.plan.recommendations;
  const action = r1.actions[0];
  await withPage(browser, at('/'), async ({ page, errors }) => {
    const id = await importFile(page, 'long.plan.json', file, 'Open as a new plan');
    /** A cut text: at most `limit` characters and "…", the start of the whole. */
    const assertCut = (shown, whole, limit, where) => {
      assert.ok(shown.endsWith('…'), `${where} ends with …: ${shown.slice(-20)}`);
      assert.ok([...shown].length <= limit + 1, `${where}: ${[...shown].length} characters`);
      assert.ok([...shown].length >= limit / 2, `${where}: not cut too far`);
      assert.ok(whole.startsWith(shown.slice(0, -1)), `${where} is the start of the whole`);
      assert.match(whole.slice(shown.length - 1), /^[\s,.]/, `${where} is cut at the end of a word`);
    };

    // The progress view: the recommendation's row and the overdue list.
    await visit(page, `/plan/${id}/dashboard?as_at=2019-09-04`);
    const recLink = page.getByTestId('recommendation-progress').locator('tbody tr').first().getByRole('link');
    const recText = (await recLink.innerText()).trim();
    assert.ok(recText.startsWith('1. '));
    assertCut(recText.slice(3), r1.title, 150, 'the recommendation on the progress view');
    const box = await recLink.boundingBox();
    assert.ok(box.height < 200, `the link is ${box.height} px tall, not 2,400`);
    const overdueLink = page.getByTestId('overdue').locator(`tr[data-action-id="${action.id}"]`).getByRole('link');
    assertCut((await overdueLink.innerText()).trim(), action.text, 150, 'the action in the overdue list');

    // Its own page has it whole, and the link goes there.
    await recLink.click();
    await page.locator('main h1', { hasText: 'Strengthen governance' }).waitFor();
    assert.equal((await page.locator('main h1').innerText()).trim(), r1.title);
    const inTable = page.locator(`tr[data-action-id="${action.id}"]`).getByRole('link');
    assertCut((await inTable.innerText()).trim(), action.text, 300, 'the action in its recommendation’s table');
    await inTable.click();
    await page.locator('main h1', { hasText: 'https://' }).waitFor();
    assert.equal((await page.locator('main h1').innerText()).trim(), action.text, 'the action’s own page has it whole');
    // Its link back to the recommendation is cut too.
    const back = page.locator('.govuk-summary-list__value a', { hasText: 'Strengthen governance' });
    assertCut((await back.innerText()).trim().slice(3), r1.title, 150, 'the link to the recommendation');

    // The recommendations page and the report.
    await visit(page, `/plan/${id}/recommendations`);
    const heading = (await page.locator('section[data-recommendation-id] h2').first().innerText()).trim();
    assertCut(heading.slice(3), r1.title, 300, 'the recommendations page heading');
    await visit(page, `/plan/${id}/reports/action-plan?as_at=2019-09-04`);
    const annexTitle = page.getByTestId('annex').locator('.app-annex__title a').first();
    assertCut((await annexTitle.innerText()).trim(), r1.title, 300, 'the annex');
    assert.match(await annexTitle.getAttribute('href'), new RegExp(`#/plan/${id}/recommendations/${r1.id}$`), 'cut text links to the whole');
    // On paper the long title no longer runs over pages: the annex prints in about as
    // many pages as Havering's own.
    const pages = async (name) => {
      const path = join(ARTIFACTS, `${name}.pdf`);
      await page.pdf({ path, format: 'A4', preferCSSPageSize: true, printBackground: true });
      return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())[1]);
    };
    const longPages = await pages('display-long-annex');
    await visit(page, `/plan/${PLAN_ID}/reports/action-plan?as_at=2019-09-04`);
    const haveringPages = await pages('display-havering-annex');
    assert.ok(longPages <= haveringPages + 1, `${longPages} pages for the long plan, ${haveringPages} for Havering`);
    assert.deepEqual(errors, []);
  }, viewport(1280));
});

// (d) ------------------------------------------------------------------------------------

/** The figures worked out here from the file (the Havering actions have no updates). */
function expected(asAt) {
  const actions = example.plan.recommendations.flatMap((r) => r.actions);
  const counts = {};
  for (const a of actions) counts[a.status] = (counts[a.status] ?? 0) + 1;
  const open = actions.filter((a) => OPEN.has(a.status)).length;
  const overdue = actions.filter((a) => a.due && a.due < asAt && OPEN.has(a.status)).length;
  return { total: actions.length, counts, open, overdue };
}

/** The status table's rows: label, count and share, and its "All actions" row. */
async function statusTable(table) {
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [
    tr.querySelector('th').innerText.trim(),
    ...[...tr.querySelectorAll('td')].map((td) => td.innerText.trim()),
  ]));
  const all = rows.find(([label]) => label === 'All actions');
  return { statuses: rows.filter((r) => r !== all), all };
}

test('the statuses add up to 100%, and overdue is said apart from them', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}`), async ({ page, errors }) => {
    const views = [
      ['the progress view as at the scrutiny meeting', `/plan/${PLAN_ID}/dashboard?as_at=2019-09-04`, '2019-09-04', '[data-testid=status-counts]'],
      ['the progress view as at today', `/plan/${PLAN_ID}/dashboard`, today(), '[data-testid=status-counts]'],
      ['the overview', `/plan/${PLAN_ID}`, today(), '[data-testid=status-counts]'],
      ['the progress report', `/plan/${PLAN_ID}/reports/progress?as_at=2019-09-04`, '2019-09-04', '.app-report__figures'],
    ];
    for (const [what, hash, asAt, selector] of views) {
      await visit(page, hash);
      const want = expected(asAt);
      const { statuses, all } = await statusTable(page.locator(selector));
      const shown = statuses.filter(([, n]) => Number(n) > 0);
      assert.deepEqual(
        Object.fromEntries(shown.map(([label, n]) => [label, Number(n)])),
        Object.fromEntries(Object.entries(want.counts).map(([s, n]) => [LABELS[s], n])),
        `${what}: the counts`,
      );
      assert.ok(!statuses.some(([label]) => /overdue/i.test(label)), `${what}: overdue is not a status row`);
      assert.equal(statuses.reduce((sum, [, , share]) => sum + Number(share.replace('%', '')), 0), 100, `${what}: the shares add up to 100%`);
      assert.deepEqual(all, ['All actions', String(want.total), '100%'], `${what}: all actions`);
      const line = (await page.getByTestId('overdue-line').innerText()).trim();
      assert.ok(
        line.endsWith(`${want.overdue} of the ${want.open} open actions (not started or under way) are overdue: past their due date.`),
        `${what}: ${line}`,
      );
    }
    // The bar and the month by month figures draw the same counts as the table.
    await visit(page, `/plan/${PLAN_ID}/dashboard?as_at=2019-09-04`);
    const bar = await page.locator('#status-bar-title').textContent();
    assert.equal(bar, 'Actions by status as at 4 September 2019. Completed: 4, Ongoing: 10, Not started: 18');
    const months = await page.getByTestId('month-ends').locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))));
    assert.deepEqual(months.at(-1), [4, 10, 0, 0, 0, 18, 0], 'the last month end is the table');
    // Nothing dates Havering's statuses: before the as-at day every action counts as not
    // started, and the page says why the last point jumps.
    assert.ok(months.slice(0, -1).every((m) => m[5] === 32), 'no status is back-dated');
    assert.equal(
      await page.getByTestId('series-undated').innerText(),
      '14 actions have a status that no dated progress update gives. The chart counts them at that status only on 4 September 2019, its last point; before then, by their dated updates, or as not started.',
    );
    assert.deepEqual(errors, []);
  });
});

// (e) ------------------------------------------------------------------------------------

test('straight after an import the export note says which file the plan came from', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}`), async ({ page, errors }) => {
    await ready(page);
    const note = page.getByTestId('export-note');
    assert.equal(await note.innerText(), 'Not exported yet: export the plan to keep a copy outside this browser.');
    // The fresh browser holds the example under the same id: replace it with the file.
    await importFile(page, 'havering.plan.json', example, 'Replace the plan with the file');
    const day = long(new Date().toISOString());
    assert.equal(await note.innerText(), `Imported from havering.plan.json on ${day}.`);
    // A change since: the note says so, and keeps saying so after a reload.
    await visit(page, `/plan/${PLAN_ID}/edit`);
    await page.getByLabel('Council').fill('London Borough of Havering Council');
    assert.equal(await note.innerText(), `Imported from havering.plan.json on ${day}. It has changed since: export it to keep a copy.`);
    await saved(page);
    await page.reload();
    await ready(page);
    assert.equal(await page.getByTestId('export-note').innerText(), `Imported from havering.plan.json on ${day}. It has changed since: export it to keep a copy.`);
    // Kept beside the export's note in storage, not in the plan file.
    const record = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), `cpc-action-plan/plan/${PLAN_ID}`));
    assert.equal(record.imported_from, 'havering.plan.json');
    assert.ok(!JSON.stringify(record.file).includes('havering.plan.json'));
    // Once exported, the export is the news.
    const file = await download(page, () => page.locator('.app-toolbar').getByRole('button', { name: 'Export plan' }).click());
    assert.ok(!file.text.includes('havering.plan.json'), 'the file does not carry the name');
    assert.equal(await page.getByTestId('export-note').innerText(), `Last exported ${day}.`);
    // A plan opened as new from a file says so too.
    await importFile(page, 'copy for Finance.plan.json', example, 'Open as a new plan');
    assert.equal(await page.getByTestId('export-note').innerText(), `Imported from copy for Finance.plan.json on ${day}.`);
    assert.deepEqual(errors, []);
  });
});

// (f) ------------------------------------------------------------------------------------

for (const width of WIDTHS) {
  test(`axe-core finds nothing on the changed pages at ${width} px`, async () => {
    await withPage(browser, at('/'), async ({ page }) => {
      const screens = [
        ['plans', '/'],
        ...PAGES(PLAN_ID),
        ['one recommendation', `/plan/${PLAN_ID}/recommendations/r1`],
        ['one action', `/plan/${PLAN_ID}/actions/r1-a7`],
        ['progress filtered', `/plan/${PLAN_ID}/dashboard?as_at=2019-09-04&status=not_started&lead=CLT`],
      ];
      for (const [what, hash] of screens) {
        await visit(page, hash);
        assert.deepEqual(await axeViolations(page), [], `${what} at ${width} px`);
      }
      // The month by month figures, opened: a table that scrolls on a phone.
      await visit(page, `/plan/${PLAN_ID}/dashboard?as_at=2019-09-04`);
      await page.getByText('The figures for each month').click();
      assert.deepEqual(await axeViolations(page), [], `the month by month figures at ${width} px`);
      // Cut titles, and the note after an import.
      const id = await importFile(page, 'long.plan.json', longPlan(), 'Open as a new plan');
      for (const [what, hash] of [['overview', `/plan/${id}`], ...PAGES(id).slice(1, 5)]) {
        await visit(page, hash);
        assert.deepEqual(await axeViolations(page), [], `${what} of the long plan at ${width} px`);
      }
    }, viewport(width));
  });
}
