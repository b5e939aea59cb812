// The plan's committee reporting (issue 15): the reporting page filled in by keyboard and
// stored, the overview and the dashboard showing it, closing and reopening the plan, the
// fictional example opened from the plans page, axe on each state, and reflow at 320 px.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serve, launch, withPage, ready, saved, storedPlan, axeViolations, fillDate, PLAN_ID,
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
const stored = async (page) => (await storedPlan(page, PLAN_ID)).file.plan;
const reporting = `/plan/${PLAN_ID}/edit/reporting`;

async function noAxe(page, what) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 2)}`);
}

/** Fills the reporting page as an officer would: contacts, a paragraph, a document (after a
 * refused javascript: link), the RAG scale's words, and a quarterly schedule. */
async function fillReporting(page) {
  await page.getByLabel('Contact officer').fill('Head of Policy, policy@example.gov.uk');
  await page.getByLabel('Portfolio holder').fill('Cllr A Example, Leader of the Council');
  await page.getByLabel('Committee that oversees the plan').fill('Overview and Scrutiny Board');

  await page.getByLabel('Add a paragraph').fill('Every service plan now names the priority it serves.');
  await page.getByRole('button', { name: 'Add paragraph' }).click();
  await page.getByLabel('Paragraph 1', { exact: true }).waitFor();

  await page.locator('#new-document-title').fill("Peer team's feedback report");
  await page.locator('#new-document-url').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Add document' }).click();
  const refusal = 'Enter a web address that starts with https:// or http://';
  await page.locator('#new-document-url-error').getByText(refusal).waitFor();
  await page.getByTestId('error-summary').getByRole('link', { name: refusal }).waitFor();

  await page.getByRole('radio', { name: 'Red, Amber and Green' }).check();
  await page.getByLabel('Red means').fill('Needs the committee’s attention');
  await page.getByLabel('Amber means').fill('Some slippage');
  await page.getByLabel('Green means').fill('Complete or on track');

  await page.locator('#new-schedule-committee').fill('Cabinet');
  await page.getByRole('radio', { name: 'Quarterly' }).check();
  await fillDate(page, 'Date of the first report', '2031-01-31');
  await page.getByRole('button', { name: 'Add schedule' }).click();
  await page.getByTestId('schedule').waitFor();
}

test('the reporting page stores contacts, a paragraph, a document, the RAG words and a schedule, and the overview shows them', async () => {
  await withPage(browser, at(reporting), async ({ page, errors }) => {
    await ready(page);
    await saved(page);
    await noAxe(page, 'the reporting page, empty');

    await fillReporting(page);
    // The refused link is still there to correct, with its error, and axe is content.
    assert.equal(await page.locator('#new-document-url').inputValue(), 'javascript:alert(1)');
    await noAxe(page, 'the reporting page with an error');
    await page.locator('#new-document-url').fill('https://www.example.gov.uk/peer-challenge/feedback');
    await page.getByRole('button', { name: 'Add document' }).click();
    await page.getByTestId('document').waitFor();
    assert.equal(await page.getByTestId('error-summary').count(), 0, 'the error goes once the link is right');

    // A quarterly schedule from 31 January: month ends fall on the last day.
    assert.equal(
      (await page.getByTestId('schedule-next').innerText()).trim(),
      'Next reports due: 31 January 2031, 30 April 2031, 31 July 2031.',
    );
    await saved(page);
    const plan = await stored(page);
    assert.equal(plan.contact_officer, 'Head of Policy, policy@example.gov.uk');
    assert.equal(plan.portfolio_holder, 'Cllr A Example, Leader of the Council');
    assert.equal(plan.overseen_by, 'Overview and Scrutiny Board');
    assert.deepEqual(plan.highlights, ['Every service plan now names the priority it serves.']);
    assert.deepEqual(plan.documents, [{ title: "Peer team's feedback report", url: 'https://www.example.gov.uk/peer-challenge/feedback' }]);
    assert.deepEqual(plan.rating_scale, { kind: 'rag', red: 'Needs the committee’s attention', amber: 'Some slippage', green: 'Complete or on track' });
    assert.equal(plan.schedule.length, 1);
    assert.equal(plan.schedule[0].committee, 'Cabinet');
    assert.equal(plan.schedule[0].cadence, 'quarterly');
    assert.equal(plan.schedule[0].from, '2031-01-31');

    // The overview (and so the published site) shows them.
    await page.goto(at(`/plan/${PLAN_ID}`));
    await ready(page);
    const rows = page.getByTestId('plan-reporting');
    await rows.waitFor();
    const text = await rows.innerText();
    assert.match(text, /Contact officer\s+Head of Policy, policy@example\.gov\.uk/);
    assert.match(text, /Portfolio holder\s+Cllr A Example, Leader of the Council/);
    assert.match(text, /Overseen by\s+Overview and Scrutiny Board/);
    assert.match(text, /Next report due\s+Cabinet on 31 January 2031/);
    const link = page.getByTestId('plan-documents').getByRole('link', { name: "Peer team's feedback report" });
    assert.equal(await link.getAttribute('href'), 'https://www.example.gov.uk/peer-challenge/feedback');
    await noAxe(page, 'the overview with everything filled');

    // The dashboard has the next report due in one line.
    await page.goto(at(`/plan/${PLAN_ID}/dashboard`));
    await ready(page);
    assert.equal((await page.getByTestId('next-report').innerText()).trim(), 'Next report due: Cabinet on 31 January 2031');
    assert.deepEqual(crashes(errors), []);
  }, british);
});

test('paragraphs are added by keyboard, moved and removed, and a cleared paragraph is refused', async () => {
  await withPage(browser, at(reporting), async ({ page, errors }) => {
    await ready(page);
    await page.getByLabel('Add a paragraph').fill('First paragraph.');
    await page.getByRole('button', { name: 'Add paragraph' }).click();
    // By keyboard: the cursor goes back to the box after adding; Tab reaches the button.
    await page.getByLabel('Paragraph 1', { exact: true }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'new-highlight');
    await page.keyboard.type('Second paragraph.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByLabel('Paragraph 2', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Move up paragraph 2' }).click();
    await saved(page);
    assert.deepEqual((await stored(page)).highlights, ['Second paragraph.', 'First paragraph.']);
    await page.getByLabel('Paragraph 1', { exact: true }).fill('');
    await page.locator('#highlight-0-error').getByText('Enter the paragraph, or remove it').waitFor();
    await page.getByRole('button', { name: 'Remove paragraph 1' }).click();
    await saved(page);
    assert.deepEqual((await stored(page)).highlights, ['First paragraph.']);
    assert.deepEqual(crashes(errors), []);
  }, british);
});

test('closing the plan shows the notice everywhere, puts the dashboard at the closing date, and reopening undoes it', async () => {
  await withPage(browser, at(reporting), async ({ page, errors }) => {
    await ready(page);
    // Nothing chosen: the form says what is missing.
    await page.getByRole('button', { name: 'Close this plan' }).click();
    const missing = 'Select whether the plan was completed or moved into business as usual';
    await page.locator('#close-outcome-error').getByText(missing).waitFor();
    await page.getByTestId('error-summary').getByRole('link', { name: missing }).waitFor();

    await page.getByRole('radio', { name: 'Moved into business as usual' }).check();
    await fillDate(page, 'Date the plan closed', '2020-03-31');
    await page.getByLabel('Note (optional)').fill('What remains is in the corporate performance framework.');
    await page.getByRole('button', { name: 'Close this plan' }).click();
    const sentence = 'This plan was closed on 31 March 2020 (moved into business as usual).';
    await page.getByTestId('closed-summary').getByText(sentence).waitFor();
    await page.getByTestId('reporting-closed').waitFor();
    await saved(page);
    assert.deepEqual((await stored(page)).closed, {
      date: '2020-03-31', outcome: 'business_as_usual', note: 'What remains is in the corporate performance framework.',
    });
    await noAxe(page, 'the reporting page of a closed plan');

    await page.goto(at(`/plan/${PLAN_ID}`));
    await ready(page);
    const notice = page.getByTestId('plan-closed');
    assert.match(await notice.innerText(), /This plan was closed on 31 March 2020 \(moved into business as usual\)\./);
    assert.match(await notice.innerText(), /What remains is in the corporate performance framework\./);
    assert.match(await page.getByTestId('overdue-line').innerText(), /Overdue on 31 March 2020/);
    await noAxe(page, 'the overview of a closed plan');

    await page.goto(at(`/plan/${PLAN_ID}/dashboard`));
    await ready(page);
    assert.match(await page.getByTestId('summary').innerText(), /^As at 31 March 2020:/);
    assert.equal((await page.getByTestId('next-report').innerText()).trim(), sentence);
    await page.goto(at(`/plan/${PLAN_ID}/reports/progress`));
    await ready(page);
    assert.match(await page.locator('main').innerText(), /As at\s+31 March 2020/);

    await page.goto(at(reporting));
    await ready(page);
    await page.getByRole('button', { name: 'Reopen this plan' }).click();
    await page.getByRole('button', { name: 'Close this plan' }).waitFor();
    await saved(page);
    assert.equal((await stored(page)).closed, undefined);
    await page.goto(at(`/plan/${PLAN_ID}`));
    await ready(page);
    assert.equal(await page.getByTestId('plan-closed').count(), 0);
    assert.deepEqual(crashes(errors), []);
  }, british);
});

test('the reporting page reflows at 320 px wide with no sideways scrolling', async () => {
  await withPage(browser, at(reporting), async ({ page, errors }) => {
    await ready(page);
    await fillReporting(page);
    await page.getByRole('radio', { name: 'On dates listed' }).first().check();
    await page.getByTestId('schedule-dates').waitFor();
    await page.setViewportSize({ width: 320, height: 800 });
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page runs ${overflow} px past a 320 px window`);
    assert.deepEqual(crashes(errors), []);
  }, { contextOptions: { ...british.contextOptions, viewport: { width: 1024, height: 800 } } });
});

test('the fictional example opens from the plans page, with every part of the overview filled in', async () => {
  await withPage(browser, at('/'), async ({ page, errors }) => {
    await ready(page);
    await page.getByRole('button', { name: 'Open a fictional example with every field filled in' }).click();
    await page.getByTestId('flash-banner').waitFor();
    assert.match(await page.locator('main h1').innerText(), /a fictional example/);
    assert.match(await page.getByTestId('plan-reporting').innerText(), /Contact officer/);
    assert.ok(await page.getByTestId('plan-documents').getByRole('link').count() >= 3);
    await noAxe(page, "the fictional example's overview");
    await saved(page);
    const plan = (await storedPlan(page, 'fictional-borough-cpc-2024')).file.plan;
    assert.equal(plan.council, 'Fictional Borough Council');
    // Opened again, it is shown as it is, not added twice.
    await page.goto(at('/'));
    await ready(page);
    await page.getByRole('button', { name: 'Open a fictional example with every field filled in' }).click();
    await page.waitForURL(/#\/plan\/fictional-borough-cpc-2024$/);
    await page.goto(at('/'));
    await ready(page);
    assert.equal(await page.locator('tr[data-plan-id="fictional-borough-cpc-2024"]').count(), 1);
    assert.deepEqual(crashes(errors), []);
  }, british);
});
