// Starting a plan from a table: Havering's Appendix B pasted as Word puts it on the
// clipboard, a column's match changed, the plan created and read back; a Word file chosen;
// refusals; axe on every step.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  serve, launch, withPage, ready, axeViolations, examplePlan, saved, storedPlan, download, ROOT, PLAN_ID,
} from './harness.mjs';

let server;
let browser;
let example;
let appendixB;

before(async () => {
  server = await serve();
  browser = await launch();
  example = (await examplePlan()).plan;
  appendixB = await readFile(join(ROOT, 'tests/fixtures/table/havering-appendix-b.html'), 'utf8');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const at = (hash) => `${server.url}#${hash}`;
const INDEX_KEY = 'cpc-action-plan/index';

/** Pastes into the labelled box as the browser does: a real paste event with clipboard data. */
async function paste(page, html, text = '') {
  const box = page.getByLabel('Paste the table here');
  await box.focus();
  await box.evaluate((el, [h, t]) => {
    const data = new DataTransfer();
    if (h) data.setData('text/html', h);
    if (t) data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [html, text]);
}

const storedIds = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]'), INDEX_KEY);

test('Havering’s Appendix B pasted from Word previews 13 recommendations and 32 actions, and creates the plan as one undo step', async () => {
  await withPage(browser, at('/'), async ({ page, errors }) => {
    await ready(page);
    await page.getByRole('link', { name: 'Start a plan from a table' }).click();
    await page.getByRole('heading', { level: 1, name: 'Start a plan from a table' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the empty page');
    const before = await storedIds(page);

    await paste(page, appendixB, 'No.\tRecommendation');
    assert.equal(await page.getByTestId('table-counts').innerText(), '13 recommendations and 32 actions');
    assert.match(await page.getByTestId('table-status').innerText(), /Read a table of 16 rows from the paste/);
    const notPlaced = page.getByTestId('table-not-placed');
    assert.match(await notPlaced.innerText(), /Are there other live examples we can add\?/);
    // The columns as guessed from Havering's headings.
    const column = (n) => page.locator(`#column-${n}`);
    assert.deepEqual(
      await Promise.all([1, 2, 3, 4, 5].map((n) => column(n).inputValue())),
      ['number', 'recommendation', 'action', 'timescale', 'lead'],
    );
    const preview = page.getByTestId('table-preview');
    assert.equal(await preview.locator('h3').first().innerText(), `1. ${example.recommendations[0].title}`);
    const firstRow = preview.locator('tbody tr').first();
    assert.deepEqual(await firstRow.locator('td').allInnerTexts(), [
      example.recommendations[0].actions[0].text, 'Completed', '', 'AD Communications; AD Policy', 'Completed',
    ]);
    assert.deepEqual(await axeViolations(page), [], 'the preview');
    // Reflow: at 320 CSS pixels nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 800 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= 320), true, 'no sideways scrolling at 320 px');
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.deepEqual(await storedIds(page), before, 'nothing is stored by the preview');

    // The officer leaves the timescales out: the preview follows at once. Recommendation
    // 11's fourth paragraph now has only the lead cell beside it, so it is an action,
    // matched in order and listed to check.
    await column(4).selectOption({ label: 'Leave out' });
    assert.deepEqual(await firstRow.locator('td').allInnerTexts(), [
      example.recommendations[0].actions[0].text, '', '', 'AD Communications; AD Policy', 'Not started',
    ]);
    assert.equal(await page.getByTestId('table-counts').innerText(), '13 recommendations and 33 actions');
    assert.equal(await notPlaced.count(), 0);
    assert.match(await page.getByTestId('table-checks').innerText(), /has 4 actions but 3 leads: they were matched in order/);

    // The council and title are asked for before anything is created.
    await page.getByRole('button', { name: 'Create the plan' }).click();
    assert.match(await page.locator('.govuk-error-summary').first().innerText(), /Enter the council's name/);
    assert.deepEqual(await axeViolations(page), [], 'the errors');
    await page.getByLabel('Council').fill('London Borough of Havering');
    await page.getByLabel('Title of the plan').fill('Action plan from Appendix B');
    await page.getByRole('button', { name: 'Create the plan' }).click();

    await page.getByRole('heading', { level: 1, name: 'Recommendations' }).waitFor();
    assert.match(await page.locator('body').innerText(), /The plan was created from the table, with 13 recommendations and 33 actions/);
    await saved(page);
    const ids = await storedIds(page);
    assert.equal(ids.length, before.length + 1);
    const created = ids.find((id) => !before.includes(id));
    const plan = (await storedPlan(page, created)).file.plan;
    assert.equal(plan.council, 'London Borough of Havering');
    assert.equal(plan.recommendations.length, 13);
    assert.equal(plan.recommendations.flatMap((r) => r.actions).length, 33);
    assert.equal(plan.recommendations[4].title, example.recommendations[4].title);
    assert.deepEqual(plan.recommendations[0].actions.map((a) => a.leads), example.recommendations[0].actions.map((a) => a.leads));
    assert.ok(plan.recommendations.flatMap((r) => r.actions).every((a) => a.timescale === '' && a.status === 'not_started'), 'the timescale column was left out');
    assert.deepEqual(plan.groups.map((g) => g.name), ['OPPORTUNITIES', 'CONNECTIONS', 'PLACE']);
    assert.deepEqual(await axeViolations(page), [], 'the created plan');

    // One undo step takes the whole plan away.
    await page.getByRole('button', { name: 'Undo' }).first().click();
    await saved(page);
    assert.deepEqual(await storedIds(page), before);
    assert.deepEqual(errors, []);
  });
});

test('a Word document is chosen, and a plan’s recommendations are added from a table', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/reports/action-plan`), async ({ page, errors }) => {
    await ready(page);
    const word = await download(page, () => page.getByRole('button', { name: 'Download as Word (.docx)' }).click());
    await page.goto(at('/new/table'));
    await page.getByRole('heading', { level: 1, name: 'Start a plan from a table' }).waitFor();
    await page.getByLabel('Or choose a file').setInputFiles({
      name: 'action-plan.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: word.bytes,
    });
    await page.getByTestId('table-counts').waitFor();
    assert.equal(await page.getByTestId('table-counts').innerText(), '13 recommendations and 32 actions');
    assert.match(await page.getByTestId('table-status').innerText(), /from action-plan\.docx/);
    assert.deepEqual(await axeViolations(page), [], 'a Word file previewed');

    // An Excel workbook: a title above the table, merged cells.
    await page.getByLabel('Or choose a file').setInputFiles(join(ROOT, 'tests/fixtures/table/havering-appendix-b.xlsx'));
    await page.getByTestId('table-status').getByText('from havering-appendix-b.xlsx').waitFor();
    assert.equal(await page.getByTestId('table-counts').innerText(), '13 recommendations and 32 actions');
    assert.equal(await page.getByLabel("Row 3 is the table's headings (the rows above it are left out)").isChecked(), true);

    // Adding to an existing plan: a small table, one status word to map.
    await page.goto(at(`/plan/${PLAN_ID}/recommendations`));
    await page.getByTestId('add-from-table').click();
    await page.getByRole('heading', { level: 1, name: 'Add recommendations from a table' }).waitFor();
    await paste(page, '<table><tr><th>Ref</th><th>Recommendation</th><th>Action</th><th>RAG</th></tr>'
      + '<tr><td>R14</td><td>Keep the momentum</td><td>Report each year</td><td>Purple</td></tr></table>');
    assert.equal(await page.getByTestId('table-counts').innerText(), '1 recommendation and 1 action');
    const word14 = page.getByLabel('“Purple”');
    assert.equal(await word14.inputValue(), 'not_started');
    await word14.selectOption({ label: 'Completed' });
    assert.match(await page.getByTestId('table-preview').innerText(), /Completed/);
    assert.deepEqual(await axeViolations(page), [], 'adding, with a status word');
    await page.getByRole('button', { name: 'Add to the plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Recommendations' }).waitFor();
    await saved(page);
    const plan = (await storedPlan(page, PLAN_ID)).file.plan;
    assert.equal(plan.recommendations.length, 14);
    assert.equal(plan.recommendations[13].number, '14');
    assert.equal(plan.recommendations[13].actions[0].status, 'completed');
    assert.deepEqual(errors, []);
  });
});

test('a CSV file dropped on the page is read there, not taken for a plan file', async () => {
  await withPage(browser, at('/new/table'), async ({ page, errors }) => {
    await ready(page);
    const csv = await readFile(join(ROOT, 'tests/fixtures/table/havering-appendix-b.csv'), 'utf8');
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'appendix-b.csv', { type: 'text/csv' }));
      document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, csv);
    await page.getByTestId('table-counts').waitFor();
    assert.equal(await page.getByTestId('table-counts').innerText(), '13 recommendations and 32 actions');
    assert.equal(new URL(page.url()).hash, '#/new/table', 'still on this page, not the plan file import');
    assert.deepEqual(errors, []);
  });
});

test('a paste with no table, a file that is not what its name says, and a table with no recommendation column are each explained', async () => {
  await withPage(browser, at('/new/table'), async ({ page, errors }) => {
    await ready(page);
    const before = await storedIds(page);
    await paste(page, '<p>Appendix B: the action plan</p><p>See the table below.</p>', 'Appendix B: the action plan\nSee the table below.');
    const refused = page.getByTestId('table-refused');
    assert.match(await refused.innerText(), /The paste has no table in it: it has 2 paragraphs of text, starting “Appendix B: the action plan/);
    assert.deepEqual(await axeViolations(page), [], 'no table');

    await page.getByLabel('Or choose a file').setInputFiles({ name: 'plan.docx', mimeType: 'text/plain', buffer: Buffer.from('No.\tAction\n1\tDo it') });
    await refused.getByText('is not a Word document').waitFor();
    assert.match(await refused.innerText(), /“plan\.docx” is not a Word document: a \.docx file is a zip archive, and this one is plain text/);
    assert.deepEqual(await axeViolations(page), [], 'a file refused');

    await paste(page, '<table><tr><td>Notes</td><td>Other</td></tr><tr><td>a</td><td>b</td></tr></table>');
    assert.equal(await refused.count(), 0, 'the refusal goes once a table is read');
    await page.getByTestId('table-no-recommendation').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'no recommendation column');
    await page.locator('#column-1').selectOption({ label: 'Recommendation' });
    assert.equal(await page.getByTestId('table-no-recommendation').count(), 0);
    assert.equal(await page.getByTestId('table-counts').innerText(), '2 recommendations and 0 actions');
    assert.deepEqual(await storedIds(page), before, 'nothing stored');
    assert.deepEqual(errors, []);
  });
});
