// Excel files: made by the spreadsheet worker (src/bin/sheets_worker.rs), which loads only
// when an officer asks, downloaded, and read back with openpyxl (tests/read_xlsx.py, an
// independent reader): sheets, frozen header, rows, real dates and statuses with colour.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, withPage, ready, axeViolations, download, examplePlan, ROOT, PLAN_ID } from './harness.mjs';

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

async function readBack(bytes) {
  const dir = await mkdtemp(join(tmpdir(), 'cpc-xlsx-'));
  const file = join(dir, 'book.xlsx');
  await writeFile(file, bytes);
  return JSON.parse(execFileSync('python3', [join(ROOT, 'tests/read_xlsx.py'), file], { encoding: 'utf8' }));
}

const sheet = (book, name) => book.sheets.find((s) => s.name === name);
const header = (s) => s.rows[0].map((c) => c.value);
const column = (s, title) => s.rows.slice(1).map((r) => r[header(s).indexOf(title)]);
const actionCount = () => example.recommendations.reduce((n, r) => n + r.actions.length, 0);

test('the action plan and the progress report download as Excel, made off the page, and read back', async () => {
  await withPage(browser, `${server.url}#/plan/${PLAN_ID}/reports/action-plan?as_at=2020-03-31`, async ({ page, errors, requests }) => {
    await ready(page);
    // The worker's files are fetched only now, when a spreadsheet is asked for.
    assert.deepEqual(requests.filter((r) => /sheets-worker/.test(r)), []);
    const file = await download(page, () => page.getByRole('button', { name: 'Download as Excel (.xlsx)' }).click());
    assert.match(file.name, /-action-plan\.xlsx$/);
    assert.equal(file.bytes.subarray(0, 2).toString(), 'PK');
    assert.ok(requests.some((r) => /sheets-worker-[0-9a-f]{16}_bg\.wasm$/.test(r)), 'the worker has a hashed name');
    await page.getByTestId('sheets-status').getByText('The spreadsheet is downloaded').waitFor();
    assert.deepEqual(await axeViolations(page), []);

    const book = await readBack(file.bytes);
    assert.deepEqual(book.sheets.map((s) => s.name), ['Recommendations', 'Actions']);
    const actions = sheet(book, 'Actions');
    assert.equal(actions.frozen, 'A2');
    assert.deepEqual(header(actions), ['No.', 'Recommendation', 'Action', 'Timescale', 'Due', 'Leads', 'Status']);
    assert.equal(actions.rows.length - 1, actionCount());
    assert.deepEqual(column(actions, 'Action').map((c) => c.value), example.recommendations.flatMap((r) => r.actions.map((a) => a.text)));
    const dated = column(actions, 'Due').filter((c) => c.value !== null);
    assert.ok(dated.length > 0);
    for (const due of dated) assert.match(due.value.date, /^\d{4}-\d{2}-\d{2}$/);
    for (const status of column(actions, 'Status')) {
      assert.ok(['Not started', 'On track', 'At risk', 'Off track', 'Completed', 'Ongoing', 'Cancelled'].includes(status.value));
      assert.ok(status.fill, `${status.value} has a fill`);
    }
    assert.equal(sheet(book, 'Recommendations').rows.length - 1, example.recommendations.length);

    // The progress report as at a date.
    await page.goto(`${server.url}#/plan/${PLAN_ID}/reports/progress?as_at=2020-03-31`);
    await page.locator('main h1').waitFor();
    const progress = await download(page, () => page.getByRole('button', { name: 'Download as Excel (.xlsx)' }).click());
    assert.match(progress.name, /-progress\.xlsx$/);
    const report = await readBack(progress.bytes);
    assert.deepEqual(report.sheets.map((s) => s.name).slice(0, 3), ['Summary', 'Recommendations', 'Actions']);
    assert.equal(report.sheets.at(-1).name, 'Milestones');
    const summary = sheet(report, 'Summary');
    const all = summary.rows.find((r) => r[0].value === 'All actions');
    assert.equal(all[1].value, actionCount());
    for (const s of report.sheets) assert.equal(s.frozen, 'A2', `${s.name} has its header frozen`);
    assert.deepEqual(errors, []);
  });
});

test('all actions download as Excel from the toolbar, with every action and its status', async () => {
  await withPage(browser, `${server.url}#/plan/${PLAN_ID}`, async ({ page, errors }) => {
    await ready(page);
    const file = await download(page, () => page.getByRole('button', { name: 'Download as Excel', exact: true }).click());
    assert.match(file.name, /-all-actions\.xlsx$/);
    const book = await readBack(file.bytes);
    const all = sheet(book, 'All actions');
    assert.equal(all.rows.length - 1, actionCount());
    assert.deepEqual(column(all, 'Action ID').map((c) => c.value), example.recommendations.flatMap((r) => r.actions.map((a) => a.id)));
    assert.deepEqual(
      column(all, 'Status').map((c) => c.value),
      example.recommendations.flatMap((r) => r.actions.map((a) => ({ not_started: 'Not started', on_track: 'On track', at_risk: 'At risk', off_track: 'Off track', completed: 'Completed', ongoing: 'Ongoing', cancelled: 'Cancelled' })[a.status])),
    );
    assert.deepEqual(errors, []);
  });
});

test('a spreadsheet that cannot be made says why, and the page carries on', async () => {
  await withPage(browser, `${server.url}#/plan/${PLAN_ID}/reports/action-plan`, async ({ page, errors }) => {
    await ready(page);
    // The worker's file cannot be fetched (a dropped connection on a train).
    await page.route(/sheets-worker/, (route) => route.abort());
    await page.getByRole('button', { name: 'Download as Excel (.xlsx)' }).click();
    const status = page.getByTestId('sheets-status');
    await status.getByText('The spreadsheet could not be made').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(await page.locator('main h1').count(), 1);
    assert.deepEqual(errors.filter((e) => !/Failed to load resource|sheets-worker|NetworkError|importScripts/i.test(e)), []);
  // No service worker: one that had kept the worker's files would answer in the network's place.
  }, { contextOptions: { serviceWorkers: 'block' } });
});

test('a spreadsheet worker whose module cannot start says so at once', async () => {
  await withPage(browser, `${server.url}#/plan/${PLAN_ID}/reports/action-plan`, async ({ page, errors }) => {
    await ready(page);
    // The loader arrives but the writer's module does not: the worker itself says it failed.
    await page.route(/sheets-worker-[0-9a-f]{16}_bg\.wasm$/, (route) => route.abort());
    const asked = Date.now();
    await page.getByRole('button', { name: 'Download as Excel (.xlsx)' }).click();
    await page.getByTestId('sheets-status').getByText('The spreadsheet could not be made').waitFor({ timeout: 15_000 });
    assert.ok(Date.now() - asked < 15_000, 'told well before the 30-second patience runs out');
    assert.deepEqual(errors.filter((e) => !/Failed to load resource|sheets-worker|NetworkError|WebAssembly|fetch/i.test(e)), []);
  }, { contextOptions: { serviceWorkers: 'block' } });
});
