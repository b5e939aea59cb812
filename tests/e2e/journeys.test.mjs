// Everyday journeys in headless Chromium with a British locale (issue 22): dates typed over
// without being blanked, nothing typed lost, an update's status, an action in one form,
// undo that says what it undid, and each lead's worklist, their file and its merge back.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  serve, launch, withPage, ready, saved, storedPlan, axeViolations, dateGroup, dateIn, fillDate, download, PLAN_ID,
} from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const at = (hash) => `${server.url}#${hash}`;
const british = { contextOptions: { locale: 'en-GB', timezoneId: 'Europe/London' } };
const crashes = (errors) => errors.filter((e) => /panicked|RuntimeError|unreachable/.test(e));
const action = (plan, id) => plan.recommendations.flatMap((r) => r.actions).find((a) => a.id === id);
const stored = async (page) => (await storedPlan(page, PLAN_ID)).file.plan;

/** Selects what a box holds and types over it, as a person does. */
async function typeOver(box, text) {
  await box.click();
  await box.press('Control+A');
  await box.pressSequentially(text);
}

/** The files in a zip whose entries are stored (as the app writes them). */
function unzip(buffer) {
  const files = {};
  let at = 0;
  while (buffer.readUInt32LE(at) === 0x04034b50) {
    const size = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26);
    const extra = buffer.readUInt16LE(at + 28);
    const name = buffer.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extra;
    files[name] = buffer.subarray(start, start + size).toString('utf8');
    at = start + size;
  }
  return files;
}

test('typing over a date that has a value never blanks it, with days and months under 10', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/actions/r5-a1/edit`), async ({ page, errors }) => {
    await ready(page);
    await saved(page);
    // The due date (31 December 2019) typed over as 5 June 2020, box by box.
    const due = dateGroup(page, 'Due');
    await typeOver(due.getByLabel('Day'), '05');
    await typeOver(due.getByLabel('Month'), '06');
    await typeOver(due.getByLabel('Year'), '2020');
    assert.equal(await due.getByLabel('Day').inputValue(), '05', 'what was typed stays as typed');
    await saved(page);
    assert.equal(action(await stored(page), 'r5-a1').due, '2020-06-05');

    // The update's date, filled with today, typed over as 28/03/2019, then 12/02.
    const date = dateGroup(page, '#new-update-date');
    await typeOver(date.getByLabel('Day'), '28');
    await typeOver(date.getByLabel('Month'), '03');
    await typeOver(date.getByLabel('Year'), '2019');
    assert.equal(await dateIn(page, '#new-update-date'), '2019-03-28');
    await page.locator('#new-update-note').fill('Scoping meeting held.');
    await page.getByRole('button', { name: 'Add update' }).click();
    await page.getByTestId('update-added').getByText('Update added to action 5.1.').waitFor();
    await saved(page);
    assert.deepEqual(action(await stored(page), 'r5-a1').updates.map((u) => u.date), ['2019-03-28']);
    assert.deepEqual(crashes(errors), []);
  }, british);

  // Both "As at" fields: the progress view's and a report's.
  await withPage(browser, at(`/plan/${PLAN_ID}/dashboard?as_at=2019-09-04`), async ({ page }) => {
    await ready(page);
    const asAt = dateGroup(page, 'As at');
    await typeOver(asAt.getByLabel('Day'), '12');
    await typeOver(asAt.getByLabel('Month'), '2');
    await typeOver(asAt.getByLabel('Year'), '2020');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/as_at=2020-02-12/);
  }, british);
  await withPage(browser, at(`/plan/${PLAN_ID}/reports/progress?as_at=2019-09-04`), async ({ page }) => {
    await page.getByTestId('report').waitFor();
    const asAt = dateGroup(page, 'As at');
    await typeOver(asAt.getByLabel('Day'), '5');
    await typeOver(asAt.getByLabel('Month'), '06');
    await page.getByRole('button', { name: 'Update the report' }).click();
    await page.waitForURL(/as_at=2019-06-05/);
  }, british);
});

test('an impossible date is kept out, with its error, and the last good date stays', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/actions/r2-a1/edit`), async ({ page }) => {
    await ready(page);
    await saved(page);
    // Into an empty Due: 31/02/2019 is refused where it was typed, and nothing is stored.
    await fillDate(page, 'Due', '2019-02-31');
    const error = page.locator('#action-r2-a1-due-error');
    await error.waitFor();
    assert.match(await error.innerText(), /Due must be a real date/);
    assert.equal(await page.getByTestId('date-not-saved').innerText(), 'Not saved: the plan still has no date here.');
    assert.match(await page.getByTestId('error-summary').innerText(), /Due must be a real date/);
    assert.equal(await page.getByTestId('save-status').innerText(), 'Saved');
    assert.equal(action(await stored(page), 'r2-a1').due ?? null, null);
    assert.deepEqual(await axeViolations(page), [], 'the date error meets WCAG');
    // The error links to the box to correct.
    await page.getByTestId('error-summary').getByRole('link').first().click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'action-r2-a1-due-day');
    // Corrected, it is kept and the error goes.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('28');
    await error.waitFor({ state: 'detached' });
    await saved(page);
    assert.equal(action(await stored(page), 'r2-a1').due, '2019-02-28');
  }, british);

  await withPage(browser, at(`/plan/${PLAN_ID}/actions/r5-a1/edit`), async ({ page }) => {
    await ready(page);
    await saved(page);
    // Over an existing date: the plan keeps 31 December 2019.
    await fillDate(page, 'Due', '2019-02-31');
    await page.getByTestId('date-not-saved').waitFor();
    assert.equal(await page.getByTestId('date-not-saved').innerText(), 'Not saved: the plan still has 31 December 2019.');
    // An incomplete date says what is missing.
    await dateGroup(page, 'Due').getByLabel('Year').fill('');
    await page.locator('#action-r5-a1-due-error').getByText('Due must include a year').waitFor();
    await page.waitForTimeout(500);
    assert.equal(action(await stored(page), 'r5-a1').due, '2019-12-31');
  }, british);
});

test('typing that is not added is not lost: a lead left in its box, an update half-written', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/actions/r2-a1/edit`), async ({ page, errors }) => {
    await ready(page);
    await saved(page);
    // A lead typed and left without pressing "Add lead" is added.
    await page.locator('#new-lead').fill('Head of Planning');
    await page.locator('.govuk-service-navigation').getByRole('link', { name: 'Overview' }).click();
    await page.locator('main h1').first().waitFor();
    await saved(page);
    assert.deepEqual(action(await stored(page), 'r2-a1').leads, ['Director of Regeneration', 'Member Portfolio Holder', 'Head of Planning']);

    // An update half-written is kept when the officer goes elsewhere, and named there.
    await page.goto(at(`/plan/${PLAN_ID}/actions/r2-a1/edit`));
    await ready(page);
    await page.locator('#new-update-note').fill('Draft brief with the portfolio holder. ');
    // Ctrl+Z in a box for something not yet added is that box's own: the plan's last
    // change (the lead) stays.
    await page.locator('#new-update-note').press('Control+z');
    await page.waitForTimeout(100);
    assert.equal(await page.getByTestId('undo-said').innerText(), '');
    assert.deepEqual(action(await stored(page), 'r2-a1').leads.at(-1), 'Head of Planning');
    await page.locator('#new-update-note').fill('Draft brief with the portfolio holder. ');
    await page.locator('.govuk-service-navigation').getByRole('link', { name: 'Recommendations' }).click();
    const banner = page.getByTestId('drafts-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /Not added yet: a progress update on action 2\.1\./);
    assert.deepEqual(await axeViolations(page), []);
    await banner.getByRole('link', { name: 'Go back to it' }).click();
    await page.locator('#new-update-note').waitFor();
    assert.equal(await page.locator('#new-update-note').inputValue(), 'Draft brief with the portfolio holder. ', 'exactly as typed, space and all');
    assert.equal(await banner.count(), 0, 'not shown on its own page');
    // Closing the tab with it unfinished asks first: the page cancels "beforeunload".
    const asks = () => page.evaluate(() => {
      const leaving = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(leaving);
      return leaving.defaultPrevented;
    });
    assert.equal(await asks(), true);
    await page.locator('#new-update-note').fill('');
    assert.equal(await asks(), false, 'nothing unfinished, nothing to ask');
    // A draft whose action has gone is not named, and comes back with it.
    await page.locator('#new-update-note').fill('A note for an action about to go.');
    await page.goto(at(`/plan/${PLAN_ID}/recommendations/r2/edit`));
    await ready(page);
    assert.equal(await page.getByTestId('drafts-banner').count(), 1);
    await page.getByTestId('action-item').first().getByRole('button', { name: /^Remove/ }).click();
    await page.getByTestId('drafts-banner').waitFor({ state: 'detached' });
    assert.equal(await asks(), false, 'nothing to ask about an action that has gone');
    await page.locator('.app-toolbar').getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId('drafts-banner').waitFor();
    assert.deepEqual(crashes(errors), []);
  }, british);
});

test('text a rule refuses stays in its field, with its error, while other fields are used', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/edit`), async ({ page }) => {
    await ready(page);
    await page.getByLabel('Council', { exact: true }).fill('');
    const error = page.locator('#council-error');
    await error.waitFor();
    await page.getByLabel('Title of the plan', { exact: true }).fill('Corporate Peer Challenge 2019: action plan, as revised');
    await saved(page);
    assert.equal(await page.getByLabel('Council', { exact: true }).inputValue(), '', 'the refused text is not replaced');
    assert.equal(await error.count(), 1, 'and its error stays');
    // Figures as the report states them, in words.
    await page.getByLabel('People', { exact: true }).fill('more than 230');
    await saved(page);
    const { engagement } = (await stored(page)).review;
    assert.deepEqual([engagement.people, engagement.people_stated], [230, 'more than 230']);
    await page.getByLabel('Council', { exact: true }).fill('London Borough of Havering');
    await error.waitFor({ state: 'detached' });
    await page.goto(at(`/plan/${PLAN_ID}`));
    await ready(page);
    assert.match(await page.locator('main').innerText(), /more than 230 people/);
  }, british);
});

test("an update's status starts as the action's, and the page says when adding it changes the status", async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/actions/r2-a1/edit`), async ({ page }) => {
    await ready(page);
    await page.getByLabel('Status', { exact: true }).selectOption('on_track');
    assert.equal(await page.locator('#new-update-status').inputValue(), 'on_track', 'the update follows the action');
    assert.equal(await page.getByTestId('update-status-effect').innerText(), '');
    await page.locator('#new-update-status').selectOption('not_started');
    assert.equal(
      await page.getByTestId('update-status-effect').innerText(),
      "Adding this update will change the action's status from On track to Not started.",
    );
    assert.deepEqual(await axeViolations(page), []);
    await page.locator('#new-update-status').selectOption('on_track');
    await page.locator('#new-update-note').fill('Brief agreed.');
    await page.getByRole('button', { name: 'Add update' }).click();
    await saved(page);
    const a = action(await stored(page), 'r2-a1');
    assert.equal(a.status, 'on_track', 'adding the update did not revert the status');
    assert.equal(a.updates.at(-1).status, 'on_track');
  }, british);
});

test('three actions entered in one form each, staying on the recommendation', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/recommendations/r13/edit`), async ({ page, errors }) => {
    await ready(page);
    const before = (await stored(page)).recommendations.find((r) => r.id === 'r13').actions.length;
    const actions = [
      ['Publish the refreshed workforce strategy', 'March 2019', '2019-03-31', 'AD HR; Head of OD', 'not_started'],
      ['Run quarterly staff briefings', 'On-going', '', 'Chief Executive', 'ongoing'],
      ['Report progress to Cabinet', 'Q3 2019/20', '2019-12-31', 'AD Policy', 'not_started'],
    ];
    for (const [i, [text, timescale, due, leads, status]] of actions.entries()) {
      await page.getByLabel('What the council will do').fill(text);
      await page.getByLabel('Timescale', { exact: true }).fill(timescale);
      assert.equal(await dateIn(page, 'Due date'), due, `“${timescale}” suggests its date`);
      assert.equal(await page.locator('#new-action-status').inputValue(), status);
      await page.getByLabel('Leads', { exact: true }).fill(leads);
      if (i === 0) assert.deepEqual(await axeViolations(page), [], 'the add-action form meets WCAG');
      await page.getByRole('button', { name: 'Add action' }).click();
      await page.getByTestId('action-added').getByText(`Action 13.${before + i + 1} added.`).waitFor();
      assert.equal(await page.getByLabel('What the council will do').inputValue(), '', 'the form is ready for the next');
    }
    await saved(page);
    const added = (await stored(page)).recommendations.find((r) => r.id === 'r13').actions.slice(before);
    assert.deepEqual(
      added.map((a) => [a.text, a.timescale, a.due ?? '', a.leads.join('; '), a.status]),
      actions.map(([text, timescale, due, leads, status]) => [text, timescale, due, leads, status]),
    );
    assert.match(page.url(), /recommendations\/r13\/edit$/);
    assert.deepEqual(crashes(errors), []);
  }, british);
});

test('undo and redo say what they undid and redid, on any page', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/actions/r2-a1/edit`), async ({ page }) => {
    await ready(page);
    await page.getByLabel('Status', { exact: true }).selectOption('at_risk');
    await saved(page);
    await page.locator('.govuk-service-navigation').getByRole('link', { name: 'Overview' }).click();
    await page.locator('main h1').first().waitFor();
    const toolbar = page.locator('.app-toolbar');
    await toolbar.getByRole('button', { name: 'Undo' }).click();
    assert.equal(await page.getByTestId('undo-said').innerText(), 'Undid: status of action 2.1');
    await toolbar.getByRole('button', { name: 'Redo' }).click();
    assert.equal(await page.getByTestId('undo-said').innerText(), 'Redid: status of action 2.1');
    await page.keyboard.press('Control+z');
    assert.equal(await page.getByTestId('undo-said').innerText(), 'Undid: status of action 2.1');
    await saved(page);
    assert.equal(action(await stored(page), 'r2-a1').status, 'not_started');
  }, british);
});

test("a lead's worklist, their copy from Send to leads, and its merge back", async () => {
  const LEAD = 'Director of Regeneration';
  await withPage(browser, at(`/plan/${PLAN_ID}/leads`), async ({ page }) => {
    await ready(page);
    const row = page.locator(`tr[data-lead="${LEAD}"]`);
    assert.equal(await row.locator('td').first().innerText(), '3');
    assert.deepEqual(await axeViolations(page), []);
    await row.getByRole('link', { name: LEAD }).click();
    await page.getByTestId('worklist').waitFor();
    assert.equal(await page.locator('main h1').innerText(), `Actions led by ${LEAD}`);
    const items = page.getByTestId('work-item');
    const plan = await stored(page);
    const theirs = plan.recommendations.flatMap((r) => r.actions).filter((a) => a.leads.includes(LEAD)).map((a) => a.id);
    assert.deepEqual(await items.evaluateAll((els) => els.map((e) => e.dataset.actionId)), theirs, 'their actions, in the plan\'s order');
    assert.deepEqual(await axeViolations(page), [], 'the worklist meets WCAG');
    // It prints: every action of theirs, and none of the forms.
    const pdf = join(mkdtempSync(join(tmpdir(), 'cpc-worklist-')), 'worklist.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const printed = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ');
    assert.ok(printed.includes(`Actions led by ${LEAD}`));
    for (const id of theirs) assert.ok(printed.includes(`Action ${plan.recommendations.flatMap((r) => r.actions.map((a, i) => [a.id, `${r.number}.${i + 1}`])).find(([x]) => x === id)[1]}`), `${id} is printed`);
    assert.ok(!printed.includes('Quick update') && !printed.includes('Show their actions'), 'the forms are not printed');
    // A quick update on the first action.
    const first = items.first();
    await first.getByLabel('What has been done').fill('Site visits arranged.');
    await first.getByRole('button', { name: 'Add update' }).click();
    await first.getByTestId('update-added').getByText('Update added to action 2.1.').waitFor();
    await first.getByText(/Site visits arranged\./).first().waitFor();
    await saved(page);
    assert.equal(action(await stored(page), 'r2-a1').updates.at(-1).note, 'Site visits arranged.');

    // Send to leads: one copy each, in one zip, each listed under Copies sent.
    await page.goto(at(`/plan/${PLAN_ID}/leads`));
    await ready(page);
    const zip = await download(page, () => page.getByTestId('send-to-leads').click());
    assert.match(zip.name, /-for-leads\.zip$/);
    const files = unzip(zip.bytes);
    const leads = new Set(plan.recommendations.flatMap((r) => r.actions).flatMap((a) => a.leads));
    assert.equal(Object.keys(files).length, leads.size, 'one file for each lead');
    const name = Object.keys(files).find((n) => n.includes('-for-director-of-regeneration'));
    const copy = JSON.parse(files[name]);
    assert.equal(copy.for_lead, LEAD);
    assert.equal(copy.plan.recommendations.length, 13, 'the whole plan goes');
    await page.goto(at(`/plan/${PLAN_ID}/copies`));
    await page.getByTestId('copies').waitFor();
    const sentTo = await page.getByTestId('copies').locator('input').evaluateAll((inputs) => inputs.map((i) => i.value));
    assert.equal(sentTo.filter((v) => v === LEAD).length, 1, 'each copy is noted as sent to its lead');
    assert.equal(sentTo.length, leads.size);

    // The lead opens their copy in their own browser: it opens on their actions. They
    // update one and send the plan back.
    const returned = await withPage(browser, at('/import'), async ({ page: lead }) => {
      await ready(lead);
      await lead.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(files[name]) });
      await lead.getByTestId('import-preview').waitFor();
      assert.match(await lead.getByTestId('import-preview').innerText(), new RegExp(`A copy for\\s+${LEAD}`));
      await lead.getByRole('button', { name: /new plan|Replace/ }).first().click();
      await lead.getByTestId('worklist').waitFor();
      assert.equal(await lead.locator('main h1').innerText(), `Actions led by ${LEAD}`);
      const item = lead.getByTestId('work-item').nth(1);
      await item.getByLabel('What has been done').fill('Funding bid submitted.');
      await item.locator('select').selectOption('on_track');
      await item.getByRole('button', { name: 'Add update' }).click();
      await item.getByTestId('update-added').getByText(/Update added/).waitFor();
      await saved(lead);
      const out = await download(lead, () => lead.locator('.app-toolbar').getByRole('button', { name: 'Export plan' }).click());
      return JSON.parse(out.text);
    }, british);
    assert.equal(returned.from_export, copy.export_id, 'the return names the copy it was sent');

    // The officer merges it back: the lead's update is taken, nothing else changes.
    await page.goto(at('/import'));
    await ready(page);
    await page.locator('#import-file').setInputFiles({ name: 'back.plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(returned)) });
    await page.getByTestId('import-preview').waitFor();
    await page.getByRole('link', { name: 'Merge the changes' }).click();
    await page.getByTestId('merge-summary').waitFor();
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByTestId('flash-banner').waitFor();
    await saved(page);
    const merged = action(await stored(page), theirs[1]);
    assert.equal(merged.updates.at(-1).note, 'Funding bid submitted.');
    assert.equal(merged.status, 'on_track');
    assert.equal(action(await stored(page), 'r2-a1').updates.at(-1).note, 'Site visits arranged.');
  }, british);
});

test('report options with a lead: the address, the report and the way back to the progress view keep it', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/reports/progress?as_at=2019-09-04`), async ({ page }) => {
    await page.getByTestId('report').waitFor();
    await page.locator('#report-lead').selectOption('Director of Regeneration');
    await page.getByRole('button', { name: 'Update the report' }).click();
    await page.waitForURL(/as_at=2019-09-04.*lead=Director(\+|%20)of(\+|%20)Regeneration/);
    await page.getByTestId('report-facts').getByText('Director of Regeneration').waitFor();
    const text = await page.getByTestId('report').innerText();
    const plan = (await stored(page));
    for (const a of plan.recommendations.flatMap((r) => r.actions)) {
      const listed = text.includes(a.text.slice(0, 60));
      assert.equal(listed, a.leads.includes('Director of Regeneration'), `${a.id} is listed only if the lead leads it`);
    }
    assert.deepEqual(await axeViolations(page), []);
    // To the progress view for the same date and lead, and back to the reports.
    await page.getByTestId('progress-view-link').click();
    await page.waitForURL(/dashboard\?as_at=2019-09-04&lead=/);
    // The menu's Reports link keeps them too.
    const menuReports = await page.locator('.govuk-service-navigation').getByRole('link', { name: 'Reports' }).getAttribute('href');
    assert.match(menuReports, /reports\/action-plan\?as_at=2019-09-04&lead=Director%20of%20Regeneration$/);
    await page.getByTestId('report-links').getByRole('link', { name: 'Exceptions report' }).click();
    await page.waitForURL(/reports\/exceptions\?as_at=2019-09-04&lead=/);
  }, british);
});

test('a recommendation numbered as one already in the plan takes the next free number, and says so', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/recommendations`), async ({ page }) => {
    await ready(page);
    await page.locator('#new-recommendation-number').fill('4');
    await page.locator('#new-recommendation-title').fill('Review the scrutiny arrangements');
    await page.getByRole('button', { name: 'Add recommendation' }).click();
    const flash = page.getByTestId('flash-banner');
    await flash.waitFor();
    assert.match(await flash.innerText(), /Recommendation 4 was already in the plan, so this one is numbered 14\./);
    await saved(page);
    const numbers = (await stored(page)).recommendations.map((r) => r.number);
    assert.equal(numbers.filter((n) => n === '4').length, 1);
    assert.equal(numbers.at(-1), '14');
  }, british);
});

test('sanity warnings ask the officer to look again, and refuse nothing', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/actions/r5-a1/edit`), async ({ page }) => {
    await ready(page);
    // A due date before the peer team's visit (26 February 2019): kept, and questioned.
    await fillDate(page, 'Due', '2018-12-31');
    const warning = page.getByTestId('date-warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /before the peer team's visit on 26 February 2019/);
    await saved(page);
    assert.equal(action(await stored(page), 'r5-a1').due, '2018-12-31');
    // A title of 2,000 characters: kept, and questioned.
    await page.goto(at(`/plan/${PLAN_ID}/recommendations/r3/edit`));
    await ready(page);
    await page.getByLabel("The peer team's recommendation", { exact: true }).fill('word '.repeat(400).trim());
    await page.getByTestId('title-warning').waitFor();
    assert.match(await page.getByTestId('title-warning').innerText(), /The title is 1999 characters long/);
    assert.deepEqual(await axeViolations(page), []);
    await saved(page);
    // The overview lists both, each linked to where it is put right.
    await page.goto(at(`/plan/${PLAN_ID}`));
    await ready(page);
    const checks = page.getByTestId('plan-checks');
    assert.deepEqual(await checks.getByRole('link').allInnerTexts(), ['Recommendation 3', 'Action 5.1']);
    await checks.getByRole('link', { name: 'Action 5.1' }).click();
    await page.waitForURL(/actions\/r5-a1\/edit$/);
  }, british);
});

test('two tabs each adding a recommendation: the second takes the next free number, with a message', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/recommendations`), async ({ page: a, context }) => {
    await ready(a);
    await saved(a);
    const b = await context.newPage();
    await b.goto(at(`/plan/${PLAN_ID}/recommendations`));
    await ready(b);
    // Both forms offer 14, the next number when each page was drawn.
    assert.equal(await a.locator('#new-recommendation-number').inputValue(), '14');
    assert.equal(await b.locator('#new-recommendation-number').inputValue(), '14');
    await a.locator('#new-recommendation-title').fill('Tab A: strengthen the member development programme');
    await a.getByRole('button', { name: 'Add recommendation' }).click();
    await a.locator('main h1', { hasText: 'Change recommendation 14' }).waitFor();
    await saved(a);
    // Tab B takes A's save (it has nothing unsaved), then adds its own.
    await b.waitForFunction(() => localStorage.getItem('cpc-action-plan/plan/havering-cpc-2019').includes('Tab A'));
    await b.locator('#new-recommendation-title').fill('Tab B: publish the refreshed corporate plan');
    await b.getByRole('button', { name: 'Add recommendation' }).click();
    const flash = b.getByTestId('flash-banner');
    await flash.waitFor();
    assert.match(await flash.innerText(), /Recommendation 14 was already in the plan, so this one is numbered 15\./);
    await saved(b);
    const numbers = (await storedPlan(b, PLAN_ID)).file.plan.recommendations.map((r) => r.number);
    assert.deepEqual(numbers.slice(-2), ['14', '15']);
  }, british);
});

test('a date far from the visit in an add form is asked about, and either answer adds', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/recommendations/r13/edit`), async ({ page }) => {
    await ready(page);
    const before = (await stored(page)).recommendations.find((r) => r.id === 'r13').actions.length;
    // An action due in 0019: asked, not added, until the likely date is chosen.
    await page.getByLabel('What the council will do').fill('Hold the first member workshop');
    await fillDate(page, 'Due date', '0019-03-31');
    await page.getByRole('button', { name: 'Add action' }).click();
    const question = page.getByTestId('far-date');
    await question.waitFor();
    assert.match(await page.locator('#new-action-due-error').innerText(), /Did you mean 31 March 2019\?/);
    assert.equal((await stored(page)).recommendations.find((r) => r.id === 'r13').actions.length, before);
    await question.getByRole('button', { name: 'Use 31 March 2019' }).click();
    assert.equal(await dateIn(page, 'Due date'), '2019-03-31');
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByTestId('action-added').getByText(`Action 13.${before + 1} added.`).waitFor();
    await saved(page);
    assert.equal((await stored(page)).recommendations.find((r) => r.id === 'r13').actions.at(-1).due, '2019-03-31');

    // An update dated 2109 on an action: "Keep" adds it as typed.
    await page.goto(at(`/plan/${PLAN_ID}/actions/r2-a1/edit`));
    await ready(page);
    await fillDate(page, '#new-update-date', '2109-05-01');
    await page.locator('#new-update-note').fill('A date the officer means.');
    await page.getByRole('button', { name: 'Add update' }).click();
    await page.getByTestId('far-date').getByRole('button', { name: 'Keep 1 May 2109' }).click();
    await page.getByRole('button', { name: 'Add update' }).click();
    await page.getByTestId('update-added').getByText('Update added to action 2.1.').waitFor();
    await saved(page);
    assert.equal(action(await stored(page), 'r2-a1').updates.at(-1).date, '2109-05-01');
  }, british);
});
