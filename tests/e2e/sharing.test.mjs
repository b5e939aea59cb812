// Sharing in headless Chromium: export and import between browsers, every refused file,
// merging a lead officer's returned copy, dropping a file, CSV and export all.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, withPage, ready, saved, storedPlan, download, examplePlan, ROOT, PLAN_ID, fillDate, } from './harness.mjs';

let server;
let browser;
let exampleText;

before(async () => {
  server = await serve();
  browser = await launch();
  exampleText = readFileSync(join(ROOT, 'public/examples/havering-2019.plan.json'), 'utf8');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const at = (hash) => `${server.url}#${hash}`;

/** Chooses a file in the import page's file picker (a large one goes through the disk). */
async function choose(page, name, contents) {
  const buffer = Buffer.from(contents);
  if (buffer.length > 40 * 1024 * 1024) {
    const path = join(await mkdtemp(join(tmpdir(), 'cpc-import-')), name);
    await writeFile(path, buffer);
    await page.locator('#import-file').setInputFiles(path);
    return;
  }
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer });
}

/** Reads CSV as RFC 4180 has it: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** Everything in local storage, to prove a refused import changed nothing. */
const snapshot = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

test('a plan exported from one browser imports into a fresh one exactly', async () => {
  let exported;
  await withPage(browser, at(`/plan/${PLAN_ID}/actions/r5-a1/edit`), async ({ page }) => {
    await ready(page);
    await page.getByLabel('Status', { exact: true }).selectOption('on_track');
    await page.getByLabel('What has been done').fill('Scheme drafted with the unions.');
    await page.getByRole('button', { name: 'Add update' }).click();
    await page.getByTestId('update').waitFor();
    await saved(page);
    exported = await download(page, () => page.locator('.app-toolbar').getByRole('button', { name: 'Export plan' }).click());
  });
  const sent = JSON.parse(exported.text);
  assert.equal(sent.plan.recommendations[4].actions[0].updates.length, 1);

  await withPage(browser, at('/import'), async ({ page, errors }) => {
    await ready(page);
    await choose(page, exported.name, exported.text);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    const rows = (await preview.locator('.govuk-summary-list__row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    assert.deepEqual(rows.slice(0, 6), [
      `File ${exported.name}`,
      'Council London Borough of Havering',
      'Plan Corporate Peer Challenge 2019: improvement action plan',
      'Recommendations 13',
      'Actions 32',
      'Progress updates 1',
    ]);
    // The fresh browser holds the example under the same id: replace it with the file.
    await page.getByRole('button', { name: 'Replace the plan with the file' }).click();
    await page.getByTestId('flash-banner').waitFor();
    await saved(page);
    assert.deepEqual((await storedPlan(page, PLAN_ID)).file.plan, sent.plan);
    assert.deepEqual(errors, []);
  });
});

test('a hand-edited copy of the Havering file imports exactly, byte-order mark and all', async () => {
  // Reordered keys, other spacing, Windows line ends, a BOM and one status changed by hand.
  const edited = JSON.parse(exampleText);
  edited.plan.recommendations[7].actions[1].status = 'completed';
  const reordered = { plan: edited.plan, version: 1, format: 'cpc-action-plan' };
  const text = '\ufeff' + JSON.stringify(reordered, null, 4).replace(/\n/g, '\r\n');
  await withPage(browser, at('/import'), async ({ page }) => {
    await ready(page);
    await choose(page, 'havering-edited.plan.json', text);
    await page.getByTestId('import-preview').waitFor();
    await page.getByRole('button', { name: 'Open as a new plan' }).click();
    await page.getByTestId('flash-banner').waitFor();
    await saved(page);
    const id = new URL(page.url()).hash.split('/')[2];
    assert.notEqual(id, PLAN_ID, 'a plan already here with that id gets a new one');
    const stored = (await storedPlan(page, id)).file.plan;
    assert.deepEqual({ ...stored, id: PLAN_ID }, edited.plan);
  });
});

const refusals = [
  ['not JSON', 'minutes.docx', 'Cabinet minutes, 15 May 2019', /file is not JSON: at line 1 column 1/],
  ['not a plan file', 'other.json', '{"name": "budget", "rows": []}', /format is missing: this is not a plan file/],
  ['a newer version', 'future.plan.json', '{"format": "cpc-action-plan", "version": 3, "plan": {}}', /version is 3: the file was made by a newer version of the app \(v3\)/],
  ['wrong types', 'types.plan.json', (p) => { p.plan.recommendations[0].number = 1; }, /plan\.recommendations\[0\]\.number should be text, not a number/],
  ['missing fields', 'missing.plan.json', (p) => { delete p.plan.council; }, /plan\.council is missing: a plan needs the council's name/],
  ['an unknown status', 'status.plan.json', (p) => { p.plan.recommendations[2].actions[1].status = 'green'; }, /plan\.recommendations\[2\]\.actions\[1\]\.status is "green", which is not a status/],
  ['a bad date', 'date.plan.json', (p) => { p.plan.recommendations[4].actions[0].due = '31/12/2019'; }, /plan\.recommendations\[4\]\.actions\[0\]\.due is "31\/12\/2019", which is not a date: write dates as YYYY-MM-DD/],
  ['repeated ids', 'ids.plan.json', (p) => { p.plan.recommendations[1].actions[0].id = 'r1-a1'; }, /plan\.recommendations\[1\]\.actions\[0\]\.id is "r1-a1", the same id as plan\.recommendations\[0\]\.actions\[0\]/],
  ['a theme that does not exist', 'theme.plan.json', (p) => { p.plan.recommendations[0].themes = ['core-nowhere']; }, /plan\.recommendations\[0\]\.themes\[0\] names the theme "core-nowhere", which is not one of this plan's themes/],
  ['a group that does not exist', 'group.plan.json', (p) => { p.plan.recommendations[0].group = 'PEOPLE'; }, /plan\.recommendations\[0\]\.group names the group "PEOPLE"/],
  ['a link that is not http', 'link.plan.json', (p) => { p.plan.recommendations[0].actions[0].links = [{ title: 'x', url: 'javascript:alert(1)' }]; }, /links\[0\]\.url is "javascript:alert\(1\)", which is not a web address/],
  ['an empty file', 'empty.plan.json', '', /file is empty/],
  ['deep nesting', 'deep.plan.json', '['.repeat(5000) + ']'.repeat(5000), /nested too deeply/],
  ['binary data', 'photo.plan.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]), /file is not a text file/],
  ['a file over 50 MB', 'huge.plan.json', Buffer.alloc(51 * 1024 * 1024, 0x20), /a plan file is never larger than 50 MB, so it was not read/],
];

for (const [what, name, contents, says] of refusals) {
  test(`a file with ${what} is refused with its place and reason, and nothing changes`, async () => {
    let body = contents;
    if (typeof contents === 'function') {
      const plan = JSON.parse(exampleText);
      contents(plan);
      body = JSON.stringify(plan);
    }
    await withPage(browser, at('/import'), async ({ page, errors }) => {
      await ready(page);
      await saved(page);
      const before = await snapshot(page);
      await choose(page, name, body);
      const refused = page.getByTestId('import-refused');
      await refused.waitFor();
      const text = (await refused.innerText()).replace(/\s+/g, ' ');
      assert.match(text, says);
      assert.match(text, /Nothing in this browser has changed\./);
      assert.equal(await snapshot(page), before);
      assert.deepEqual(errors.filter((e) => /panicked|RuntimeError|unreachable/.test(e)), []);
    });
  });
}

test('unknown fields are listed as warnings in the preview', async () => {
  const plan = JSON.parse(exampleText);
  plan.plan.rag_rating = 'amber';
  plan.plan.recommendations[0].owner = 'CEO';
  await withPage(browser, at('/import'), async ({ page }) => {
    await ready(page);
    await choose(page, 'extra.plan.json', JSON.stringify(plan));
    const warnings = page.getByTestId('import-warnings');
    await warnings.waitFor();
    assert.deepEqual(await warnings.locator('li').allInnerTexts(), ['plan.rag_rating', 'plan.recommendations[0].owner']);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('main h1', { hasText: 'Action plans in this browser' }).waitFor();
    assert.equal(await page.locator('tbody tr').count(), 1, 'cancel leaves the plans as they were');
  });
});

test("a lead officer's returned copy is merged: the status change and the update come in, once", async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}`), async ({ page }) => {
    await ready(page);
    // The officer sends the plan out; the export keeps the copy as sent.
    const sent = await download(page, () => page.locator('.app-toolbar').getByRole('button', { name: 'Export plan' }).click());
    // The lead officer marks r5-a1 on track with an update and sends it back.
    const returned = JSON.parse(sent.text);
    const action = returned.plan.recommendations[4].actions[0];
    action.status = 'on_track';
    action.updates.push({ id: 'u-lead-1', date: '2019-10-01', status: 'on_track', note: 'Scheme drafted with HR.', author: 'AD Policy' });
    // Meanwhile the officer has changed another action's due date here.
    await page.goto(at(`/plan/${PLAN_ID}/actions/r6-a1/edit`));
    await ready(page);
    await fillDate(page, 'Due', '2020-01-31');
    await saved(page);

    await page.goto(at('/import'));
    await ready(page);
    await choose(page, 'returned.plan.json', JSON.stringify(returned));
    await page.getByRole('link', { name: 'Merge the changes' }).click();
    const summary = page.getByTestId('merge-summary');
    await summary.waitFor();
    // The status, the update, and here the due date with the record of its move.
    assert.equal(await summary.innerText(), "4 differences. None needs a choice: the file's changes are chosen, and this browser's are kept.");
    const status = page.locator('[data-key="recommendations.actions:r5-a1:status"]');
    assert.match((await status.innerText()).replace(/\s+/g, ' '), /Action 5\.1: Status – Changed in the file This browser Not started The file On track/);
    assert.equal(await status.getByLabel('Take the file’s').isChecked(), true, "the file's own change is taken by default");
    const update = page.locator('[data-key="recommendations.actions.updates:u-lead-1#present"]');
    assert.match((await update.innerText()).replace(/\s+/g, ' '), /Progress update of 1 October 2019 on action 5\.1: The progress update – Added in the file/);
    assert.equal(await update.getByLabel('Add it').isChecked(), true);
    // What only this browser changed is folded away, kept unless the officer says.
    const hereOnly = page.getByTestId('merge-here-only');
    assert.match(await hereOnly.locator('summary').innerText(), /^2 changes made only in this browser, kept unless you choose otherwise$/);
    await hereOnly.locator('summary').click();
    const due = page.locator('[data-key="recommendations.actions:r6-a1:due"]');
    assert.match((await due.innerText()).replace(/\s+/g, ' '), /Action 6\.1: Due – Changed in this browser This browser 31 January 2020 The file 31 December 2019/);
    assert.equal(await due.getByLabel('Keep this browser’s').isChecked(), true);
    await page.getByRole('button', { name: 'Merge' }).click();
    await page.getByTestId('flash-banner').waitFor();
    await saved(page);
    const plan = (await storedPlan(page, PLAN_ID)).file.plan;
    const merged = plan.recommendations[4].actions[0];
    assert.equal(merged.status, 'on_track');
    assert.deepEqual(merged.updates.map((u) => u.id), ['u-lead-1']);
    assert.equal(plan.recommendations[5].actions[0].due, '2020-01-31', "this browser's change is kept");

    // The merge is one step: undo takes it all back.
    const toolbar = page.locator('.app-toolbar');
    await toolbar.getByRole('button', { name: 'Undo' }).click();
    await saved(page);
    assert.equal((await storedPlan(page, PLAN_ID)).file.plan.recommendations[4].actions[0].status, 'not_started');
    await toolbar.getByRole('button', { name: 'Redo' }).click();
    await saved(page);

    // Merging the same file again changes nothing.
    await page.goto(at('/import'));
    await ready(page);
    await choose(page, 'returned.plan.json', JSON.stringify(returned));
    await page.getByRole('link', { name: 'Merge the changes' }).click();
    await summary.waitFor();
    assert.match(await summary.innerText(), /^2 differences\. None needs a choice/, 'only this browser\'s own due date, and its move, differ now');
    await page.getByRole('button', { name: 'Merge' }).click();
    await page.getByTestId('flash-banner').waitFor();
    await saved(page);
    const again = (await storedPlan(page, PLAN_ID)).file.plan;
    assert.deepEqual(again, plan);
  });
});

test('when both copies changed the same field, the officer must pick one', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}`), async ({ page }) => {
    await ready(page);
    const sent = await download(page, () => page.locator('.app-toolbar').getByRole('button', { name: 'Export plan' }).click());
    const returned = JSON.parse(sent.text);
    returned.plan.recommendations[6].actions[0].leads = ['Director of Regeneration'];
    await page.goto(at('/plan/havering-cpc-2019/actions/r7-a1/edit'));
    await ready(page);
    await page.getByLabel('Lead 1').fill('Head of Housing');
    await saved(page);
    await page.goto(at('/import'));
    await ready(page);
    await choose(page, 'returned.plan.json', JSON.stringify(returned));
    await page.getByRole('link', { name: 'Merge the changes' }).click();
    const leads = page.locator('[data-key="recommendations.actions:r7-a1:leads"]');
    await leads.waitFor();
    assert.match(await leads.innerText(), /Action 7\.1: Leads – Changed in both/);
    assert.equal(await leads.getByLabel('Take the file’s').isChecked(), false);
    assert.equal(await leads.getByLabel('Keep this browser’s').isChecked(), false, 'nothing is chosen for the officer');
    await page.getByRole('button', { name: 'Merge' }).click();
    await page.getByText('Choose which to keep for each change made in both copies').waitFor();
    await leads.getByLabel('Take the file’s').check();
    await page.getByRole('button', { name: 'Merge' }).click();
    await page.getByTestId('flash-banner').waitFor();
    await saved(page);
    assert.deepEqual((await storedPlan(page, PLAN_ID)).file.plan.recommendations[6].actions[0].leads, ['Director of Regeneration']);
  });
});

test('a plan file dropped anywhere on the page is read and previewed', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}`), async ({ page }) => {
    await ready(page);
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.plan.json', { type: 'application/json' }));
      return dt;
    }, exampleText);
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    await page.getByTestId('import-preview').waitFor();
    assert.equal(new URL(page.url()).hash, '#/import');
    assert.match(await page.getByTestId('import-preview').innerText(), /dropped\.plan\.json/);
  });
});

test('the CSV download has a row per action and neutralised cells', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/actions/r1-a1/edit`), async ({ page }) => {
    await ready(page);
    await page.getByLabel('What the council will do').fill('=HYPERLINK("http://evil.example","Click")');
    await saved(page);
    const file = await download(page, () => page.getByRole('button', { name: 'Download as CSV' }).click());
    assert.match(file.name, /^london-borough-of-havering-corporate-peer-challenge-2019-improvement-action-plan-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.ok(file.text.startsWith('\ufeff"Recommendation number","Recommendation","Action","Timescale","Due","Leads","Status","Overdue"'));
    assert.ok(file.text.includes(',"\'=HYPERLINK(""http://evil.example"",""Click"")",'), 'the formula is quoted and neutralised');
    const rows = parseCsv(file.text.slice(1));
    assert.equal(rows.length, 33, 'a header and 32 actions');
    assert.ok(rows.every((r) => r.length === 11));
    assert.deepEqual(rows[1].slice(0, 3), ['1', "Build on the momentum to communicate the council's new priorities to staff, partners and residents", "'=HYPERLINK(\"http://evil.example\",\"Click\")"]);
    const example = (await examplePlan()).plan;
    const actions = example.recommendations.flatMap((r) => r.actions);
    const statuses = rows.slice(1).map((r) => r[6]);
    const words = { not_started: 'Not started', completed: 'Completed', ongoing: 'Ongoing' };
    assert.deepEqual(statuses, actions.map((a) => words[a.status]));
  });
});

test('export all plans downloads a file for each plan', async () => {
  await withPage(browser, server.url, async ({ page }) => {
    await ready(page);
    await page.getByRole('button', { name: /^Copy/ }).click();
    await saved(page);
    const names = [];
    page.on('download', (d) => names.push(d.suggestedFilename()));
    await page.getByRole('button', { name: 'Export all plans' }).click();
    await page.waitForTimeout(500);
    assert.equal(names.length, 2);
    assert.ok(names[1].startsWith('london-borough-of-havering-copy-of-corporate-peer-challenge'), names.join(', '));
  });
});
