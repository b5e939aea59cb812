// Copies sent out and coming back, in headless Chromium: the officer sends the plan to
// lead officers on different days, their copies come back in any order, and every change
// lands: the scenario with the page's default choices, a lead's round trip through
// a second browser profile, a move between recommendations, an update edited by the lead,
// and a delete against a change. axe checks the merge page and the copies page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, withPage, ready, saved, storedPlan, download, axeViolations, PLAN_ID, fillDate, } from './harness.mjs';

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
const action = (plan, id) => plan.recommendations.flatMap((r) => r.actions).find((a) => a.id === id);
const exportPlan = (page) => download(page, () => page.locator('.app-toolbar').getByRole('button', { name: 'Export plan' }).click());

async function choose(page, name, contents) {
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
}

async function importFile(page, file) {
  await page.goto(at('/import'));
  await ready(page);
  await choose(page, 'returned.plan.json', JSON.stringify(file));
  await page.getByTestId('import-preview').waitFor();
}

async function mergeWithDefaults(page) {
  await page.getByRole('link', { name: 'Merge the changes' }).click();
  await page.getByTestId('merge-summary').waitFor();
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await page.getByTestId('flash-banner').waitFor();
  await saved(page);
}

test('two leads sent different exports: both copies merge in with the defaults, and the officer\'s date stays', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}`), async ({ page, errors }) => {
    await ready(page);
    await saved(page);
    // 1. Export and send to lead A.
    const toA = JSON.parse((await exportPlan(page)).text);
    assert.match(toA.export_id, /^x-[a-z0-9]{12}$/);
    assert.equal(toA.from_export, undefined);
    // 2. Change a due date, export again, send to lead B.
    await page.goto(at(`/plan/${PLAN_ID}/actions/r5-a2/edit`));
    await ready(page);
    await fillDate(page, 'Due', '2020-01-31');
    await saved(page);
    const toB = JSON.parse((await exportPlan(page)).text);
    assert.notEqual(toB.export_id, toA.export_id);

    // The officer notes who each copy went to.
    await page.goto(at(`/plan/${PLAN_ID}/copies`));
    await ready(page);
    const rows = page.getByTestId('copies').locator('tbody tr');
    assert.equal(await rows.count(), 2);
    await page.locator(`tr[data-export-id="${toA.export_id}"] input`).fill('AD Policy');
    await page.locator(`tr[data-export-id="${toA.export_id}"] input`).blur();
    await page.locator(`tr[data-export-id="${toB.export_id}"] input`).fill('Director of HR');
    await page.locator(`tr[data-export-id="${toB.export_id}"] input`).blur();
    assert.deepEqual(await axeViolations(page), [], 'the copies page');

    // 3. Lead A marks r5-a1 on track with an update; lead B marks r6-a1 at risk with one.
    const a = structuredClone(toA);
    Object.assign(action(a.plan, 'r5-a1'), { status: 'on_track' });
    action(a.plan, 'r5-a1').updates.push({ id: 'u-lead-a', date: '2019-10-01', status: 'on_track', note: 'Scheme drafted.', author: 'AD Policy' });
    const b = structuredClone(toB);
    Object.assign(action(b.plan, 'r6-a1'), { status: 'at_risk' });
    action(b.plan, 'r6-a1').updates.push({ id: 'u-lead-b', date: '2019-10-02', status: 'at_risk', note: 'Funding unclear.', author: 'Director of HR' });

    // 4. Merge A's copy, then B's, each with the choices the page starts with.
    await importFile(page, a);
    assert.match(await page.getByTestId('which-copy').innerText(), /^This is the copy sent on \d+ \w+ \d{4} to AD Policy; it changes 2 things\.$/);
    await mergeWithDefaults(page);
    await importFile(page, b);
    assert.match(await page.getByTestId('which-copy').innerText(), /to Director of HR; it changes 2 things\./);
    await page.getByRole('link', { name: 'Merge the changes' }).click();
    await page.getByTestId('merge-summary').waitFor();
    // B's copy still has the old status for r5-a1: that is not a change B made, so this
    // browser's value (A's change) is kept.
    // It is folded away with the other changes made only here.
    await page.getByTestId('merge-here-only').locator('summary').click();
    const kept = page.locator('[data-key="recommendations.actions:r5-a1:status"]');
    assert.match(await kept.innerText(), /Status – Changed in this browser/);
    assert.equal(await kept.getByLabel('Keep this browser’s').isChecked(), true);
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByTestId('flash-banner').waitFor();
    await saved(page);

    const plan = (await storedPlan(page, PLAN_ID)).file.plan;
    assert.equal(action(plan, 'r5-a1').status, 'on_track', 'lead A\'s change survives B\'s merge');
    assert.deepEqual(action(plan, 'r5-a1').updates.map((u) => u.id), ['u-lead-a']);
    assert.equal(action(plan, 'r6-a1').status, 'at_risk');
    assert.deepEqual(action(plan, 'r6-a1').updates.map((u) => u.id), ['u-lead-b']);
    assert.equal(action(plan, 'r5-a2').due, '2020-01-31', 'the officer\'s date');

    // The plan as exported now holds all three.
    const out = JSON.parse((await exportPlan(page)).text);
    assert.equal(action(out.plan, 'r5-a1').status, 'on_track');
    assert.equal(action(out.plan, 'r6-a1').status, 'at_risk');
    assert.equal(action(out.plan, 'r5-a2').due, '2020-01-31');
    await page.goto(at(`/plan/${PLAN_ID}/copies`));
    await ready(page);
    assert.match(await page.locator(`tr[data-export-id="${toA.export_id}"]`).innerText(), /Merged \d+ \w+ \d{4}/);
    assert.match(await page.locator(`tr[data-export-id="${toB.export_id}"]`).innerText(), /Merged/);

    // Merging A's copy again changes nothing: it is no longer a change.
    await importFile(page, a);
    await page.getByRole('link', { name: 'Merge the changes' }).click();
    await page.getByTestId('merge-summary').waitFor();
    assert.equal(await page.locator('[data-key*="r5-a1"]').count(), 0, 'A\'s changes are all here already');
    assert.deepEqual(errors, []);
  });
});

test('a lead\'s round trip through their own browser comes back naming the copy it was sent, and merges', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}`), async ({ page: officer }) => {
    await ready(officer);
    await saved(officer);
    const sent = await exportPlan(officer);
    const sentId = JSON.parse(sent.text).export_id;

    // The lead officer, in a browser of their own, opens the file as a new plan, changes
    // their action, and exports it back.
    let returned;
    await withPage(browser, at(`/plan/${PLAN_ID}/delete`), async ({ page: lead }) => {
      // A fresh browser starts with the Havering example, which has this plan's id: the
      // lead deletes it first, as they would any plan they do not need.
      await ready(lead);
      await lead.getByRole('button', { name: 'Delete plan' }).click();
      await saved(lead);
      await lead.goto(at('/import'));
      await ready(lead);
      await choose(lead, 'plan.json', sent.text);
      await lead.getByRole('button', { name: 'Open as a new plan' }).click();
      await ready(lead);
      await lead.goto(at(`/plan/${PLAN_ID}/actions/r3-a1/edit`));
      await ready(lead);
      await lead.getByLabel('Timescale', { exact: true }).fill('March 2020');
      await saved(lead);
      await lead.reload();
      await ready(lead);
      returned = JSON.parse((await exportPlan(lead)).text);
    });
    assert.equal(returned.from_export, sentId, 'the copy going back names the copy it was sent');
    assert.notEqual(returned.export_id, sentId);

    await importFile(officer, returned);
    assert.match(await officer.getByTestId('which-copy').innerText(), /it changes 1 thing\.$/);
    await mergeWithDefaults(officer);
    assert.equal(action((await storedPlan(officer, PLAN_ID)).file.plan, 'r3-a1').timescale, 'March 2020');
  });
});

test('a move, an edited update, and a delete against a change: the first two come in, the last waits for the officer', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}`), async ({ page }) => {
    await ready(page);
    await saved(page);
    // A first return adds an update to r3-a1.
    const first = JSON.parse((await exportPlan(page)).text);
    action(first.plan, 'r3-a1').updates.push({ id: 'u-1', date: '2019-06-01', status: 'on_track', note: 'Project set up.', author: 'Chief Executive' });
    await importFile(page, first);
    await mergeWithDefaults(page);

    // The plan goes out again; here the officer then changes r4-a1.
    const second = JSON.parse((await exportPlan(page)).text);
    await page.goto(at(`/plan/${PLAN_ID}/actions/r4-a1/edit`));
    await ready(page);
    await fillDate(page, 'Due', '2020-04-30');
    await saved(page);
    // The lead moves r1-a1 to recommendation 2, edits their update, and deletes r4-a1.
    const moved = second.plan.recommendations[0].actions.shift();
    second.plan.recommendations[1].actions.push(moved);
    action(second.plan, 'r3-a1').updates[0].note = 'Project set up; first meeting held.';
    second.plan.recommendations[3].actions = second.plan.recommendations[3].actions.filter((a) => a.id !== 'r4-a1');

    await importFile(page, second);
    await page.getByRole('link', { name: 'Merge the changes' }).click();
    const summary = page.getByTestId('merge-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /3 differences; 1 needs your choice\./);
    const move = page.locator('[data-key="recommendations.actions:r1-a1#place"]');
    assert.match((await move.innerText()).replace(/\s+/g, ' '), /Action 1\.1: Where it is – Changed in the file This browser Recommendation 1 The file Recommendation 2/);
    const note = page.locator('[data-key="recommendations.actions.updates:u-1:note"]');
    assert.match((await note.innerText()).replace(/\s+/g, ' '), /Progress update of 1 June 2019 on action 3\.1: Note – Changed in the file/);
    const deleted = page.locator('[data-key="recommendations.actions:r4-a1#present"]');
    assert.match((await deleted.innerText()).replace(/\s+/g, ' '), /Action 4\.1: The action – Deleted in the file, changed in this browser/);
    assert.match(await deleted.getByTestId('lost-if-deleted').innerText(), /Due changed to “30 April 2020”/);
    assert.equal(await deleted.getByLabel('Keep it').isChecked(), false);
    assert.equal(await deleted.getByLabel('Remove it').isChecked(), false);

    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.locator('#merge-unsettled').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the merge page asking for a choice');
    // The error summary links to each choice still to make, and each says so where it is.
    const link = page.getByTestId('merge-error-summary').getByRole('link');
    assert.deepEqual(await link.allInnerTexts(), ['Action 4.1: The action: choose which to keep']);
    assert.match(await deleted.locator('.govuk-error-message').innerText(), /Choose which to keep/);
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-key]')?.dataset.key), 'recommendations.actions:r4-a1#present');
    await deleted.getByLabel('Keep it').check();
    await page.getByTestId('merge-error-summary').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByTestId('flash-banner').waitFor();
    await saved(page);

    const plan = (await storedPlan(page, PLAN_ID)).file.plan;
    assert.equal(plan.recommendations[1].actions.at(-1).id, 'r1-a1', 'moved to the end of recommendation 2');
    assert.ok(!plan.recommendations[0].actions.some((a) => a.id === 'r1-a1'));
    assert.equal(action(plan, 'r3-a1').updates[0].note, 'Project set up; first meeting held.');
    assert.equal(action(plan, 'r4-a1').due, '2020-04-30', 'kept, with the change made here');
  });
});

test('with no copy of what was sent, every difference is shown and nothing is taken unless chosen', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}`), async ({ page }) => {
    await ready(page);
    await saved(page);
    const file = JSON.parse((await exportPlan(page)).text);
    delete file.export_id;
    action(file.plan, 'r2-a1').timescale = 'June 2020';
    await importFile(page, file);
    assert.match(await page.getByTestId('which-copy').innerText(), /no record of sending this copy/);
    await page.getByRole('link', { name: 'Merge the changes' }).click();
    await page.getByTestId('merge-no-base').waitFor();
    const timescale = page.locator('[data-key="recommendations.actions:r2-a1:timescale"]');
    assert.equal(await timescale.getByLabel('Keep this browser’s').isChecked(), true);
    await page.getByRole('button', { name: 'Take all of the file’s' }).click();
    assert.equal(await timescale.getByLabel('Take the file’s').isChecked(), true);
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByTestId('flash-banner').waitFor();
    await saved(page);
    assert.equal(action((await storedPlan(page, PLAN_ID)).file.plan, 'r2-a1').timescale, 'June 2020');
  });
});
