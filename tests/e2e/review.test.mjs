// The progress review in headless Chromium (issue 16): the challenge's feedback and a
// progress review recorded with its team, a suggestion added under a recommendation with an
// action that follows from it, the overview and the published site showing them in order,
// and axe on every new page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  serve, launch, withPage, ready, saved, storedPlan, axeViolations, fillDate, ROOT, PLAN_ID,
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
const crashes = (errors) => errors.filter((e) => /panicked|RuntimeError|unreachable/.test(e));
const stored = async (page) => (await storedPlan(page, PLAN_ID)).file.plan;

test('a progress review with its team and feedback, and a suggestion with an action, are recorded and shown in order', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/reviews`), async ({ page, errors }) => {
    await ready(page);
    assert.deepEqual(await axeViolations(page), [], 'the reviews page, empty');
    // The challenge's own report and feedback.
    await page.getByRole('radio', { name: 'On site' }).first().check();
    await page.locator('#review-challenge-duration').fill('four days');
    await page.locator('#review-challenge-report-url').fill('javascript:alert(1)');
    await page.locator('#review-challenge-report-url').blur();
    await page.getByText('Enter a web address that starts with https:// or http://').first().waitFor();
    await page.locator('#review-challenge-report-url').fill('https://www.havering.gov.uk/peer-challenge-2019');
    await fillDate(page, '#review-challenge-published', '2019-05-20');
    await page.locator('#review-challenge-feedback').fill('Havering is a council on the move.');
    await saved(page);
    // A progress review, held virtually in January 2020.
    await page.getByLabel('Kind of review').last().selectOption('progress_review');
    await fillDate(page, '#new-review-day', '2020-01-14');
    await page.getByRole('button', { name: 'Add review' }).click();
    const review = page.getByTestId('later-review');
    await review.waitFor();
    await review.getByRole('radio', { name: 'Virtual' }).check();
    await review.getByLabel('How long').fill('half a day');
    await review.getByLabel('Peer team').fill('Cllr Jane Example, Lead member peer, Somewhere Council\nJohn Sample, Chief executive peer, Elsewhere Council');
    await review.getByLabel("The peers' feedback").fill('Governance has moved on.');
    await review.getByLabel('Challenges the peers named').fill('Keep the pace\nBring members along');
    await saved(page);
    assert.deepEqual(await axeViolations(page), [], 'the reviews page with a review');
    const plan = await stored(page);
    assert.equal(plan.review.feedback, 'Havering is a council on the move.');
    assert.equal(plan.review.report_published, '2019-05-20');
    assert.equal(plan.later_reviews.length, 1);
    const later = plan.later_reviews[0];
    assert.deepEqual(
      [later.kind, later.onsite_from, later.format, later.duration, later.peer_team.map((m) => [m.name, m.role, m.organisation]), later.challenges],
      ['progress_review', '2020-01-14', 'virtual', 'half a day', [['Cllr Jane Example', 'Lead member peer', 'Somewhere Council'], ['John Sample', 'Chief executive peer', 'Elsewhere Council']], ['Keep the pace', 'Bring members along']],
    );

    // A suggestion under recommendation 4, and an action that follows from it.
    await page.goto(at(`/plan/${PLAN_ID}/recommendations/r4/edit`));
    await ready(page);
    await page.locator('#new-suggestion-text').fill("Develop a members' development programme");
    await page.getByRole('button', { name: 'Add suggestion' }).click();
    await page.getByTestId('suggestion').getByText('Suggestion 4.1', { exact: true }).waitFor();
    await page.getByLabel('What difference has it made?').fill('Members and officers now meet monthly.');
    await page.getByLabel('What the council will do').fill('Run a members’ development programme');
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByTestId('action-added').waitFor();
    await saved(page);
    assert.deepEqual(await axeViolations(page), [], 'the recommendation page with a suggestion');
    let r4 = (await stored(page)).recommendations.find((r) => r.id === 'r4');
    assert.deepEqual([r4.suggestions[0].number, r4.suggestions[0].review], ['4.1', later.id], 'numbered after its recommendation, made by the newest review');
    const added = r4.actions.at(-1);
    await page.goto(at(`/plan/${PLAN_ID}/actions/${added.id}/edit`));
    await ready(page);
    await page.getByLabel('Follows from a suggestion').selectOption({ label: "Suggestion 4.1: Develop a members' development programme" });
    await saved(page);
    r4 = (await stored(page)).recommendations.find((r) => r.id === 'r4');
    assert.equal(r4.actions.at(-1).suggestion, r4.suggestions[0].id);
    await page.goto(at(`/plan/${PLAN_ID}/recommendations/r4`));
    await ready(page);
    assert.match(await page.getByTestId('suggestions').innerText(), /4\.1 Develop a members' development programme\s+Actions: 4\.2\./);
    assert.equal(await page.getByTestId('impact').innerText(), 'Members and officers now meet monthly.');

    // The overview has both reviews in order, and the LGA's dates.
    await page.goto(at(`/plan/${PLAN_ID}`));
    await ready(page);
    assert.equal(await page.getByTestId('review-feedback').first().innerText(), 'Havering is a council on the move.');
    const summary = page.getByTestId('later-review-summary');
    assert.match(await summary.innerText(), /Progress review, 14 January 2020/);
    assert.match(await summary.innerText(), /Virtual, half a day/);
    assert.match(await summary.innerText(), /Governance has moved on\./);
    const steps = await page.getByTestId('lga-steps').innerText();
    assert.match(steps, /Report and action plan published.*\n?.*1 June 2019\s+20 May 2019\s+Done on time/);
    assert.match(steps, /Progress review.*\n?.*1 January 2020\s+14 January 2020\s+Done on time/);
    assert.deepEqual(await axeViolations(page), [], 'the overview with the reviews');

    // The dashboard counts the suggestion's action apart.
    await page.goto(at(`/plan/${PLAN_ID}/dashboard`));
    await ready(page);
    assert.match(await page.getByTestId('key-figures').innerText(), /Following from a later review's suggestions\s+1/);

    // After the review the plan goes on: a report of what changed since it.
    await page.goto(at(`/plan/${PLAN_ID}/reports/progress`));
    await page.getByTestId('report').waitFor();
    await page.getByTestId('since-review-link').click();
    await page.getByTestId('since').waitFor();
    assert.match(await page.getByTestId('since-from').innerText(), /^Changes after 14 January 2020 up to /);
    assert.match(await page.getByTestId('since-added').innerText(), /4\.2 Run a members’ development programme/);

    // A report can leave the suggestions' actions out.
    await page.goto(at(`/plan/${PLAN_ID}/reports/progress`));
    await page.getByTestId('report').waitFor();
    assert.equal(await page.locator(`tr[data-action-id="${added.id}"]`).count(), 1);
    await page.getByLabel("Include a later review's suggestions and the actions that follow from them").uncheck();
    await page.getByRole('button', { name: 'Update the report' }).click();
    await page.waitForURL(/suggestions=no/);
    await page.getByTestId('report').waitFor();
    assert.equal(await page.locator(`tr[data-action-id="${added.id}"]`).count(), 0, 'left out');

    // The published site shows the review: the stored plan, published.
    const file = (await storedPlan(page, PLAN_ID)).file;
    const dir = await mkdtemp(join(tmpdir(), 'cpc-site-'));
    await cp(join(ROOT, 'target/site'), dir, { recursive: true });
    await writeFile(join(dir, 'plan.json'), JSON.stringify(file));
    await writeFile(join(dir, 'site.json'), await readFile(join(ROOT, 'public/site.example.json'), 'utf8'));
    const site = await serve(dir, '/');
    try {
      await page.goto(`${site.url}#/plan/${PLAN_ID}`);
      await ready(page);
      assert.match(await page.getByTestId('later-review-summary').innerText(), /Governance has moved on\./);
      assert.equal(await page.getByRole('link', { name: /Record the feedback/ }).count(), 0, 'nothing to change on the site');
      assert.deepEqual(await axeViolations(page), [], 'the published overview with the reviews');
    } finally {
      await site.close();
    }
    assert.deepEqual(crashes(errors), []);
  });
});
