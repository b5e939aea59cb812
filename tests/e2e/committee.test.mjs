// The committee cycle in headless Chromium, on the clock of a real year (issue 15): an
// officer writes a recommendation's narrative, moves a due date twice on two days,
// records a report as issued, makes changes, and prints the next progress report, whose
// "Since the last report" section (read back with pdftotext, and from the Word file)
// lists exactly those changes; the report recorded reopens as it stood.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  serve, launch, openPage, ready, saved, storedPlan, axeViolations, fillDate, download, examplePlan, ROOT,
} from './harness.mjs';

let server;
let browser;
const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');

before(async () => {
  server = await serve();
  browser = await launch();
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const squash = (text) => text.replace(/\s+/g, '');
const crashes = (errors) => errors.filter((e) => /panicked|RuntimeError|unreachable/.test(e));

/** The text of a Word file's document part (the zip is stored, so the XML is readable). */
function wordText(bytes) {
  const all = bytes.toString('utf8');
  const xml = all.slice(all.indexOf('<w:document'), all.indexOf('</w:document>'));
  const unescape = (t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join(' ');
}

async function printed(page, name) {
  const path = join(ARTIFACTS, `${name}.pdf`);
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true, printBackground: true });
  return execFileSync('pdftotext', [path, '-']).toString();
}

/** The lines of one list of the since section, as the page shows them. */
async function sinceList(page, testid) {
  const list = page.getByTestId(`since-${testid}`);
  return (await list.count()) === 0 ? [] : list.locator('li').allInnerTexts();
}

test('narrative, dates moved twice, a report recorded, changes, and the next report says exactly what changed since', async () => {
  const file = await examplePlan();
  file.plan.id = 'cycle-test';
  file.plan.rating_scale = { kind: 'rag', red: 'Not on track', amber: 'Some progress', green: 'Complete or on track' };
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
  try {
    const { page, errors } = await openPage(context);
    // A new day: the clock moves, and the app starts again on it, as it would the next
    // morning.
    const day = async (iso) => {
      await page.clock.setFixedTime(new Date(`${iso}T10:00:00`));
      if (page.url() !== 'about:blank') await page.reload();
    };
    const go = async (hash) => {
      await page.goto(`${server.url}#${hash}`);
      await ready(page);
    };
    const plan = async () => (await storedPlan(page, 'cycle-test')).file.plan;

    // 15 June 2020: the plan arrives; the narrative for recommendation 1 is written, and
    // action 13.1's date moves for the first time.
    await day('2020-06-15');
    await go('/import');
    await page.locator('#import-file').setInputFiles({ name: 'cycle.plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.getByRole('button', { name: 'Open as a new plan' }).click();
    await ready(page);
    await go('/plan/cycle-test/recommendations/r1/edit');
    await page.getByLabel('Progress to date').fill('A new communications strategy was agreed in May.');
    await page.getByLabel('Next steps').fill('Report the first campaign to Cabinet in September.');
    await page.getByRole('radio', { name: 'Amber: Some progress' }).check();
    await saved(page);
    assert.deepEqual(await axeViolations(page), [], 'the narrative form meets WCAG');
    let r1 = (await plan()).recommendations.find((r) => r.id === 'r1');
    assert.equal(r1.narrative.length, 1, 'typing in three fields on one day is one account');
    assert.deepEqual(
      [r1.narrative[0].date, r1.narrative[0].progress, r1.narrative[0].next_steps, r1.narrative[0].rating],
      ['2020-06-15', 'A new communications strategy was agreed in May.', 'Report the first campaign to Cabinet in September.', 'amber'],
    );
    await go('/plan/cycle-test/actions/r13-a1/edit');
    await fillDate(page, '#action-r13-a1-due', '2021-09-30');
    await saved(page);

    // 20 June: it moves again, with a reason.
    await day('2020-06-20');
    await go('/plan/cycle-test/actions/r13-a1/edit');
    await fillDate(page, '#action-r13-a1-due', '2021-12-31');
    await saved(page);
    const moves = page.getByTestId('due-moves');
    await moves.getByText('Originally July 2021, now December 2021 (moved twice)').waitFor();
    await moves.getByLabel('Why it moved (optional)').first().fill('Waiting for the new structure');
    await saved(page);
    assert.deepEqual(await axeViolations(page), [], 'the action page with its moves meets WCAG');
    const moved = (await plan()).recommendations.find((r) => r.id === 'r13').actions[0];
    assert.deepEqual(
      moved.due_history.map((m) => [m.changed, m.from, m.reason]),
      [['2020-06-15', '2021-07-31', ''], ['2020-06-20', '2021-09-30', 'Waiting for the new structure']],
    );
    await go('/plan/cycle-test/actions/r13-a1');
    assert.equal(await page.getByTestId('slipped').innerText(), 'Originally July 2021, now December 2021 (moved twice)');

    // 30 June: the progress report to Cabinet is recorded as issued.
    await day('2020-06-30');
    await go('/plan/cycle-test/reports/progress?committee=Cabinet');
    await page.getByRole('button', { name: 'Record this report as issued' }).click();
    await page.getByText('Recorded as issued on 30 June 2020.').waitFor();
    await saved(page);
    const recorded = (await plan()).reports;
    assert.equal(recorded.length, 1);
    assert.deepEqual([recorded[0].kind, recorded[0].committee, recorded[0].as_at, recorded[0].issued], ['progress', 'Cabinet', '2020-06-30', '2020-06-30']);
    assert.equal(recorded[0].figures.actions.length, 32);

    // 10 August: changes. Action 5.1 is completed with an update; 9.1's date moves; an
    // action is added under recommendation 2; the narrative of recommendation 1 is revised.
    await day('2020-08-10');
    await go('/plan/cycle-test/actions/r5-a1/edit');
    await page.locator('#new-update-status').selectOption('completed');
    await page.locator('#new-update-note').fill('Strategy published.');
    await page.getByRole('button', { name: 'Add update' }).click();
    await saved(page);
    await go('/plan/cycle-test/actions/r9-a1/edit');
    await fillDate(page, '#action-r9-a1-due', '2021-03-31');
    await saved(page);
    await go('/plan/cycle-test/recommendations/r2/edit');
    await page.getByLabel('What the council will do').fill('Publish the growth prospectus');
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByTestId('action-added').waitFor();
    await go('/plan/cycle-test/recommendations/r1/edit');
    await page.getByTestId('narrative-when').getByText('Last written on 15 June 2020.', { exact: false }).waitFor();
    await page.getByLabel('Progress to date').fill('The first campaign ran in July.');
    await saved(page);
    r1 = (await plan()).recommendations.find((r) => r.id === 'r1');
    assert.deepEqual(r1.narrative.map((n) => [n.date, n.progress, n.next_steps]), [
      ['2020-06-15', 'A new communications strategy was agreed in May.', 'Report the first campaign to Cabinet in September.'],
      ['2020-08-10', 'The first campaign ran in July.', 'Report the first campaign to Cabinet in September.'],
    ], 'a later day starts a new account from the last, and keeps the last');

    // 30 September: the next progress report to Cabinet starts from the one recorded.
    await day('2020-09-30');
    await go('/plan/cycle-test/reports/progress?committee=Cabinet');
    const since = page.getByTestId('since');
    assert.equal(
      await since.getByTestId('since-from').innerText(),
      'Changes after 30 June 2020, the date of the progress report to Cabinet recorded as issued on 30 June 2020, up to 30 September 2020.',
    );
    const expected = {
      completed: ['5.1 SLT are working with staff on the single narrative and how it can be embedded across the organisation.'],
      'other-changes-of-status': [],
      'newly-overdue': [],
      'due-dates-moved': [],
      added: ['2.4 Publish the growth prospectus'],
      cancelled: [],
      'new-progress-updates': ['5.1 10 August 2020, Completed: Strategy published.'],
    };
    const lists = {};
    for (const key of Object.keys(expected)) lists[key] = await sinceList(page, key);
    assert.deepEqual(lists.completed, expected.completed);
    assert.deepEqual(lists['other-changes-of-status'], []);
    assert.deepEqual(lists['newly-overdue'], ['1.7 Annual Report setting out progress against Corporate Plan Priorities'], 'its date, 31 July 2020, passed after the last report');
    assert.deepEqual(lists['due-dates-moved'], ['9.1 Consider and agree future scrutiny arrangements as part of new Governance Arrangements.: from December 2019 to March 2021 (on 10 August 2020)']);
    assert.deepEqual(lists.added, expected.added);
    assert.deepEqual(lists.cancelled, []);
    assert.deepEqual(lists['new-progress-updates'], expected['new-progress-updates']);
    assert.equal(
      await since.getByTestId('since-summary').innerText(),
      'Since 30 June 2020: 1 action completed, 0 other changes of status, 1 action newly overdue, 1 due date moved, 1 action added, 0 actions cancelled and 1 new progress update.',
    );
    // The narrative as at the report's date, in the plan's words for the rating.
    const narrative = page.locator('section.app-report__section').first().getByTestId('narrative');
    assert.match(await narrative.innerText(), /Overall rating\s+Amber: Some progress/);
    assert.match(await narrative.innerText(), /Progress to date, as at 10 August 2020\s+The first campaign ran in July\./);
    assert.deepEqual(await axeViolations(page), [], 'the report with its since section meets WCAG');

    // Printed: the same lines, read back from the PDF.
    const pdf = squash(await printed(page, 'committee-since'));
    for (const line of [
      'Since the last report',
      'Since 30 June 2020: 1 action completed, 0 other changes of status, 1 action newly overdue, 1 due date moved, 1 action added, 0 actions cancelled and 1 new progress update.',
      ...lists.completed, ...lists['newly-overdue'], ...lists['due-dates-moved'], ...lists.added, ...lists['new-progress-updates'],
      'Progress to date, as at 10 August 2020', 'The first campaign ran in July.', 'Next steps', 'Amber: Some progress',
      'Originally July 2021, now December 2021 (moved twice)',
    ]) {
      assert.ok(pdf.includes(squash(line)), `printed: ${line}`);
    }
    // And in Word.
    const word = await download(page, () => page.getByRole('button', { name: 'Download as Word (.docx)' }).click());
    const words = squash(wordText(word.bytes));
    for (const line of [
      'Since the last report',
      'Since 30 June 2020: 1 action completed',
      ...lists.completed, ...lists['newly-overdue'], ...lists['due-dates-moved'], ...lists.added, ...lists['new-progress-updates'],
      'Progress to date, as at 10 August 2020:', 'The first campaign ran in July.', 'Amber: Some progress',
      'Originally July 2021, now December 2021 (moved twice)',
    ]) {
      assert.ok(words.includes(squash(line)), `in Word: ${line}`);
    }

    // The report recorded, reopened, stands as it was: June's narrative, 9.1's old date.
    await go('/plan/cycle-test/issued');
    assert.deepEqual(await axeViolations(page), [], 'the reports issued page meets WCAG');
    const row = page.getByTestId('reports-issued').locator('tbody tr');
    assert.equal(await row.count(), 1);
    assert.match(await row.innerText(), /Progress report to Cabinet/);
    assert.match(await row.innerText(), /32 actions: 4 completed, 13 overdue/);
    await row.getByRole('link', { name: /Open as it stood/ }).click();
    await page.getByTestId('report').waitFor();
    const june = squash(await page.getByTestId('report').innerText());
    assert.ok(june.includes(squash('Progress to date, as at 15 June 2020')) && june.includes(squash('A new communications strategy was agreed in May.')));
    assert.ok(!june.includes(squash('The first campaign ran in July.')));
    const nineOne = page.locator('tr[data-action-id="r9-a1"]');
    assert.match(await nineOne.innerText(), /31 December 2019/, 'a date moved in August does not change June');
    assert.ok(june.includes(squash('SLT are working with staff on the single narrative and how it can be embedded across the organisation.')), 'the report has its actions');
    assert.ok(!june.includes(squash('Publish the growth prospectus')), 'but not an action added since');
    await page.getByText(/was recorded as issued on 30 June 2020/).waitFor();

    // The progress view compares now with it.
    await go('/plan/cycle-test/dashboard?since=2020-06-30');
    assert.match(await page.getByTestId('since-summary').innerText(), /^Since 30 June 2020: 1 action completed/);
    assert.match(await page.getByTestId('moved-line').innerText(), /^2 actions have had their due dates moved/);
    assert.deepEqual(await axeViolations(page), [], 'the progress view with what changed meets WCAG');
    assert.deepEqual(crashes(errors), []);
  } finally {
    await context.close();
  }
});
