// Editing in headless Chromium: a plan built by keyboard alone, undo and redo, plans
// copied and deleted, storage running out mid-edit, damaged data, and two tabs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serve, launch, withPage, ready, tabTo, typeDate, dateGroup, dateIn, saved, storedPlan, download, PLAN_ID, fillDate,
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
// Long enough that the stored plan grows by far more than the room the filler leaves.
const LONG_TITLE = `Corporate Peer Challenge 2019: improvement action plan, ${'as agreed by Cabinet and scrutinised by the Overview and Scrutiny Board, '.repeat(3)}`.trim();
const crashes = (errors) => errors.filter((e) => /panicked|RuntimeError|unreachable/.test(e));

test('a whole plan is built from nothing with the keyboard alone, and is there after a reload', async () => {
  await withPage(browser, server.url, async ({ page, errors }) => {
    await ready(page);
    const key = (k) => page.keyboard.press(k);
    const type = (t) => page.keyboard.type(t);

    // Start the plan: an empty submit shows the error summary first.
    await tabTo(page, page.getByRole('link', { name: 'Start a new plan' }));
    await key('Enter');
    await page.locator('main h1', { hasText: 'Start a new plan' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Start the plan' }));
    await key('Enter');
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    assert.deepEqual(await summary.locator('li').allInnerTexts(), ["Enter the council's name", 'Enter a title for the plan']);
    await tabTo(page, page.getByLabel('Council'));
    await type('Test Valley Borough Council');
    await key('Tab');
    await type('Corporate Peer Challenge 2025: action plan');
    await key('Enter');
    await page.locator('main h1', { hasText: "Change the plan's details" }).waitFor();

    // The review: days on site, typed into the date fields.
    await tabTo(page, dateGroup(page, "Peer team's first day on site").getByLabel('Day'));
    await typeDate(page, '2025-03-04');
    await tabTo(page, dateGroup(page, "Peer team's last day on site").getByLabel('Day'));
    await typeDate(page, '2025-03-07');
    // A peer team member.
    await tabTo(page, page.locator('#new-peer-name'));
    await type('Jo Bloggs');
    await key('Tab');
    await type('Chief Executive');
    await key('Tab');
    await type('Anytown Council');
    await key('Enter');
    await page.getByTestId('peer-member').waitFor();
    assert.equal(await page.locator('#peer-0-name').inputValue(), 'Jo Bloggs');

    // A recommendation, from the recommendations page.
    await tabTo(page, page.getByRole('link', { name: 'Recommendations', exact: true }));
    await key('Enter');
    await page.locator('main h1', { hasText: 'Recommendations' }).waitFor();
    await tabTo(page, page.getByLabel("The peer team's recommendation, in their words"));
    await type('Refresh the corporate plan and share it with staff and residents');
    await tabTo(page, page.getByRole('button', { name: 'Add recommendation' }));
    await key('Enter');
    await page.locator('main h1', { hasText: 'Change recommendation 1' }).waitFor();

    // An action under it in one form: its words, timescale, the due date the timescale
    // suggests (accepted by tabbing past it), and a lead.
    await tabTo(page, page.getByLabel('What the council will do'));
    await type('Draft a new corporate plan with councillors');
    await key('Tab');
    await type('Q3 2025/26');
    assert.equal(await dateIn(page, 'Due date'), '2025-12-31', 'the timescale suggests the due date');
    assert.match(await page.getByTestId('due-suggested').innerText(), /Suggested from the timescale “Q3 2025\/26”/);
    await tabTo(page, page.getByLabel('Leads'));
    await type('Head of Policy');
    await tabTo(page, page.getByRole('button', { name: 'Add action' }));
    await key('Enter');
    await page.getByTestId('action-item').waitFor();
    assert.equal(await page.getByTestId('action-added').innerText(), 'Action 1.1 added. Add the next one below.');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'new-action', 'ready for the next action');
    await saved(page);

    // Everything is kept: reload and read it back on the plan's pages.
    await page.reload();
    await ready(page);
    const plans = await page.evaluate(() => JSON.parse(localStorage.getItem('cpc-action-plan/index')));
    assert.equal(plans.length, 2, 'the new plan and the example');
    const stored = await storedPlan(page, plans[0]);
    const plan = stored.file.plan;
    assert.equal(plan.council, 'Test Valley Borough Council');
    assert.equal(plan.review.onsite_from, '2025-03-04');
    assert.equal(plan.review.onsite_to, '2025-03-07');
    assert.deepEqual(plan.review.peer_team, [{ name: 'Jo Bloggs', role: 'Chief Executive', organisation: 'Anytown Council' }]);
    assert.equal(plan.themes.length, 5, 'the 2024 core themes');
    assert.equal(plan.recommendations[0].number, '1');
    const action = plan.recommendations[0].actions[0];
    assert.deepEqual(
      [action.text, action.timescale, action.due, action.leads, action.status],
      ['Draft a new corporate plan with councillors', 'Q3 2025/26', '2025-12-31', ['Head of Policy'], 'not_started'],
    );
    await page.goto(at(`/plan/${plans[0]}/recommendations`));
    await ready(page);
    const row = await page.locator('tr[data-action-id] td').allInnerTexts();
    assert.deepEqual(row.slice(0, 4), ['Draft a new corporate plan with councillors', 'Q3 2025/26', '31 December 2025', 'Head of Policy']);
    assert.deepEqual(crashes(errors), []);
  });
});

test('undo and redo, by button and by Ctrl+Z / Ctrl+Shift+Z, and typing is one step', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/edit`), async ({ page }) => {
    await ready(page);
    const council = page.getByLabel('Council');
    await council.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' (draft)');
    await saved(page);
    assert.equal((await storedPlan(page, PLAN_ID)).file.plan.council, 'London Borough of Havering (draft)');

    await page.keyboard.press('Control+z');
    assert.equal(await council.inputValue(), 'London Borough of Havering', 'eight keystrokes undo as one');
    await page.keyboard.press('Control+Shift+z');
    assert.equal(await council.inputValue(), 'London Borough of Havering (draft)');
    await page.getByRole('button', { name: 'Undo' }).click();
    assert.equal(await council.inputValue(), 'London Borough of Havering');
    assert.equal(await page.locator('.govuk-generic-header').innerText(), 'London Borough of Havering');
    await saved(page);
    assert.equal((await storedPlan(page, PLAN_ID)).file.plan.council, 'London Borough of Havering', 'the undo is saved');
    await page.getByRole('button', { name: 'Redo' }).click();
    assert.equal(await council.inputValue(), 'London Borough of Havering (draft)');
    assert.equal(await page.getByRole('button', { name: 'Redo' }).isDisabled(), true);

    // A field left empty is refused with a message, and the plan keeps its last good value.
    await council.fill('');
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    assert.deepEqual(await summary.locator('li').allInnerTexts(), ["Enter the council's name"]);
    assert.match(await page.locator('.govuk-error-message').first().innerText(), /Enter the council's name/);
    await summary.getByRole('link').click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'council', 'the summary link moves to the field');
    await saved(page);
    assert.equal((await storedPlan(page, PLAN_ID)).file.plan.council, 'London Borough of Havering (draft)');
  });
});

test('plans are copied and deleted; delete asks first and undo brings the plan back', async () => {
  await withPage(browser, server.url, async ({ page }) => {
    await ready(page);
    await page.getByRole('button', { name: /^Copy/ }).click();
    await page.getByTestId('flash-banner').waitFor();
    const titles = await page.locator('tbody th').allInnerTexts();
    assert.deepEqual(titles, [
      'Corporate Peer Challenge 2019: improvement action plan',
      'Copy of Corporate Peer Challenge 2019: improvement action plan',
    ]);

    // The copy was published once: its site details go with it.
    await saved(page);
    const copyId = await page.evaluate(() => JSON.parse(localStorage.getItem('cpc-action-plan/index')).find((id) => id !== 'havering-cpc-2019'));
    await page.evaluate((key) => localStorage.setItem(key, '{"contact_phone":"01708 434343"}'), `cpc-action-plan/site/${copyId}`);
    await page.getByRole('link', { name: /^Delete Copy of/ }).click();
    await page.locator('main h1', { hasText: 'Delete “Copy of' }).waitFor();
    await page.getByRole('button', { name: 'Delete plan' }).click();
    await page.locator('main h1', { hasText: 'Action plans in this browser' }).waitFor();
    const flash = page.getByTestId('flash-banner');
    assert.match(await flash.innerText(), /“Copy of Corporate Peer Challenge 2019: improvement action plan” was deleted/);
    assert.equal(await page.locator('tbody tr').count(), 1);
    await saved(page);
    assert.equal((await page.evaluate(() => JSON.parse(localStorage.getItem('cpc-action-plan/index')))).length, 1);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), `cpc-action-plan/site/${copyId}`), null, 'the site details went with the plan');

    await flash.getByRole('button', { name: 'Undo' }).click();
    assert.equal(await page.locator('tbody tr').count(), 2);
    await saved(page);
    await page.reload();
    await ready(page);
    assert.equal(await page.locator('tbody tr').count(), 2, 'the undone delete is saved');

    // Cancel leaves the plan alone.
    await page.getByRole('link', { name: /^Delete Corporate/ }).click();
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.locator('main h1', { hasText: 'Action plans in this browser' }).waitFor();
    assert.equal(await page.locator('tbody tr').count(), 2);
  });
});

test('when storage fills up mid-edit, the banner offers Export and the last good plan survives', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/edit`), async ({ page, errors }) => {
    await ready(page);
    await saved(page);
    const before = await storedPlan(page, PLAN_ID);
    await page.evaluate(() => {
      let i = 0;
      for (let size = 1024 * 1024; size >= 16; size /= 4) {
        const chunk = 'x'.repeat(size);
        try {
          for (;;) localStorage.setItem(`filler-${i++}`, chunk);
        } catch {
          // full at this size; try smaller pieces
        }
      }
    });
    const title = page.getByLabel('Title of the plan');
    await title.fill(LONG_TITLE);
    const banner = page.getByTestId('storage-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /This browser's storage is full/);
    assert.equal(await page.getByTestId('save-status').innerText(), 'Not saved');
    assert.deepEqual(await storedPlan(page, PLAN_ID), before, 'the stored plan is the last good one, whole');
    assert.equal(await title.inputValue(), LONG_TITLE);

    const file = await download(page, () => banner.getByRole('button', { name: /^Export plan/ }).click());
    assert.match(file.name, /^london-borough-of-havering-corporate-peer-challenge-2019-improvement-action-plan-as-agreed-by-cabinet-.*-\d{4}-\d{2}-\d{2}\.plan\.json$/);
    const exported = JSON.parse(file.text);
    assert.equal(exported.format, 'cpc-action-plan');
    assert.equal(exported.plan.title, LONG_TITLE);
    assert.match(exported.exported_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.deepEqual(crashes(errors), []);

    // Room again: the next change saves, and the banner goes.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
    });
    await title.fill('Corporate Peer Challenge 2019: action plan');
    await saved(page);
    await banner.waitFor({ state: 'detached' });
    assert.equal((await storedPlan(page, PLAN_ID)).file.plan.title, 'Corporate Peer Challenge 2019: action plan');
  });
});

test('damaged stored data can be downloaded, and is never written over', async () => {
  await withPage(browser, server.url, async ({ page }) => {
    await ready(page);
    await saved(page);
    const damaged = '{"revision": 4, "file": {"format": "cpc-action-plan", "version": 2, "plan": {}}}';
    await page.evaluate((text) => localStorage.setItem('cpc-action-plan/plan/havering-cpc-2019', text), damaged);
    await page.reload();
    await ready(page);
    const banner = page.getByTestId('unreadable-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /made by a newer version of the app \(v2\)/);
    const file = await download(page, () => banner.getByRole('button', { name: /^Download the damaged data/ }).click());
    assert.equal(file.text, damaged);
    assert.equal(file.name, 'cpc-action-plan-plan-havering-cpc-2019.damaged.txt');

    // New work is saved beside it, and the damaged entry stays as it was.
    await page.getByRole('link', { name: 'Start a new plan' }).click();
    await page.getByLabel('Council').fill('Wiltshire Council');
    await page.getByLabel('Title of the plan').fill('Corporate Peer Challenge 2017');
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.locator('main h1', { hasText: "Change the plan's details" }).waitFor();
    await saved(page);
    assert.equal(await page.evaluate(() => localStorage.getItem('cpc-action-plan/plan/havering-cpc-2019')), damaged);
    const index = await page.evaluate(() => JSON.parse(localStorage.getItem('cpc-action-plan/index')));
    assert.ok(index.includes('havering-cpc-2019'), 'the damaged plan stays listed');
    assert.equal(index.length, 2);
  });
});

test('two tabs: a clean tab takes the newer plan; changes in both are a conflict the officer settles', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/edit`), async ({ page: a, context }) => {
    await ready(a);
    await saved(a);
    const b = await context.newPage();
    await b.goto(at(`/plan/${PLAN_ID}/edit`));
    await ready(b);

    // A changes the council; B, with nothing of its own, shows it.
    await a.getByLabel('Council').fill('London Borough of Havering Council');
    await saved(a);
    await b.locator('.govuk-generic-header', { hasText: 'London Borough of Havering Council' }).waitFor();
    assert.equal(await b.getByLabel('Council').inputValue(), 'London Borough of Havering Council');

    // Both change the title before either has saved: the later one must not overwrite.
    await b.getByLabel('Title of the plan').fill('Title from tab B');
    await a.getByLabel('Title of the plan').fill('Title from tab A');
    const conflict = a.getByTestId('conflict-banner');
    await conflict.waitFor();
    assert.match(await conflict.innerText(), /was also changed in another tab or window/);
    assert.equal((await storedPlan(a, PLAN_ID)).file.plan.title, 'Title from tab B', 'B saved first and A did not overwrite it');

    // Export both, then keep A's version; B, now clean, takes it.
    const files = [];
    a.on('download', (d) => files.push(d.suggestedFilename()));
    await conflict.getByRole('button', { name: 'Export both' }).click();
    await a.waitForTimeout(300);
    assert.equal(files.length, 2);
    assert.ok(files.some((f) => f.endsWith('-this-tab.plan.json')) && files.some((f) => f.endsWith('-other-tab.plan.json')), files.join(', '));
    await conflict.getByRole('button', { name: 'Keep the version in this tab' }).click();
    await conflict.waitFor({ state: 'detached' });
    await saved(a);
    assert.equal((await storedPlan(a, PLAN_ID)).file.plan.title, 'Title from tab A');
    await b.locator('main .govuk-caption-l', { hasText: 'Title from tab A' }).waitFor();
    assert.equal(await b.getByLabel('Title of the plan').inputValue(), 'Title from tab A');
  });
});

test('a save that did not read this tab\'s last one (an older copy of the app, say) is a conflict, not ignored', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/edit`), async ({ page: a, context }) => {
    await ready(a);
    await a.getByLabel('Title of the plan').fill('Title from this tab');
    await saved(a);
    const mine = await storedPlan(a, PLAN_ID);
    // Another page writes an older revision over it, as a tab that never read this save would.
    const b = await context.newPage();
    await b.goto(at('/'));
    await ready(b);
    await b.evaluate(([key, record]) => {
      record.revision -= 1;
      record.tab = 't-older-app';
      record.file.plan.title = 'Title from an older app';
      localStorage.setItem(key, JSON.stringify(record));
    }, [`cpc-action-plan/plan/${PLAN_ID}`, mine]);
    const conflict = a.getByTestId('conflict-banner');
    await conflict.waitFor();
    assert.match(await conflict.innerText(), /Title from this tab.*was also changed in another tab or window.*There it is called “Title from an older app”/s);
    await conflict.getByRole('button', { name: 'Keep the version in this tab' }).click();
    await conflict.waitFor({ state: 'detached' });
    await saved(a);
    const kept = await storedPlan(a, PLAN_ID);
    assert.equal(kept.file.plan.title, 'Title from this tab');
    assert.ok(kept.revision > mine.revision);
    await b.close();
  });
});

test('themes: removing one that recommendations use asks first and names them', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/themes`), async ({ page }) => {
    await ready(page);
    const theme = page.getByTestId('theme').filter({ has: page.locator('legend', { hasText: 'Organisational leadership and governance' }) });
    await theme.getByRole('button', { name: /^Remove theme/ }).click();
    const warning = theme.locator('.govuk-warning-text');
    assert.match(await warning.innerText(), /Recommendations 3, 4, 5 and 9 use this theme/);
    await theme.getByRole('button', { name: 'Keep it' }).click();
    assert.equal(await page.getByTestId('theme').count(), 8);
    await theme.getByRole('button', { name: /^Remove theme/ }).click();
    await theme.getByRole('button', { name: 'Remove the theme' }).click();
    assert.equal(await page.getByTestId('theme').count(), 7);
    await saved(page);
    const plan = (await storedPlan(page, PLAN_ID)).file.plan;
    assert.ok(plan.recommendations.every((r) => !r.themes.includes('core-governance')));

    // A theme nobody uses goes at once; a new one can be added.
    await page.getByLabel('Title', { exact: true }).last().fill('Climate emergency');
    await page.getByRole('button', { name: 'Add theme' }).click();
    await page.getByTestId('theme').filter({ hasText: 'Climate emergency' }).waitFor();
    assert.equal(await page.getByTestId('theme').count(), 8);
  });
});

test('actions: a progress update sets the status, history is newest first, and an action moves', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/actions/r8-a3/edit`), async ({ page }) => {
    await ready(page);
    const add = async (date, status, note) => {
      await fillDate(page, '#new-update-date', date);
      await page.locator('#new-update-status').selectOption(status);
      await page.getByLabel('What has been done').fill(note);
      await page.getByRole('button', { name: 'Add update' }).click();
    };
    await add('2019-10-01', 'on_track', 'Workshops booked with councillors.');
    await add('2019-11-15', 'at_risk', 'Two workshops postponed.');
    await add('2019-10-20', 'on_track', 'First workshop held.');
    await page.getByTestId('update').nth(2).waitFor();
    const legends = await page.getByTestId('update').locator(':scope > legend').allInnerTexts();
    assert.deepEqual(legends, ['Update of 15 November 2019', 'Update of 20 October 2019', 'Update of 1 October 2019']);
    assert.equal(await page.getByLabel('Status', { exact: true }).inputValue(), 'at_risk', 'the newest update sets the status');

    // Correct the newest update: the status follows.
    await page.getByTestId('update').first().getByLabel('Status on that date').selectOption('off_track');
    assert.equal(await page.getByLabel('Status', { exact: true }).inputValue(), 'off_track');

    // Move the action to recommendation 13.
    await page.getByLabel('Recommendation', { exact: true }).selectOption('r13');
    await page.getByRole('button', { name: 'Move action' }).click();
    await page.locator('main h1', { hasText: 'Change action 13.2' }).waitFor();
    await saved(page);
    const plan = (await storedPlan(page, PLAN_ID)).file.plan;
    const r13 = plan.recommendations.find((r) => r.id === 'r13');
    assert.deepEqual(r13.actions.map((a) => a.id), ['r13-a1', 'r8-a3']);
    assert.deepEqual(r13.actions[1].updates.map((u) => u.date), ['2019-10-01', '2019-10-20', '2019-11-15']);
  });
});

test('the LGA timeline is worked out from the days on site and added as milestones', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/milestones`), async ({ page }) => {
    await ready(page);
    const steps = await page.getByTestId('lga-steps').locator('li').allInnerTexts();
    assert.deepEqual(steps.map((s) => s.split(' (')[0]), [
      'Report and action plan published: 1 June 2019',
      'Progress review: 1 January 2020',
      'Progress review report published: 1 March 2020',
      'Next corporate peer challenge: 1 March 2024',
    ]);
    await page.getByRole('button', { name: 'Add these dates as milestones' }).click();
    await page.getByText('Every date the LGA process sets is among the milestones.').waitFor();
    assert.equal(await page.getByTestId('milestone').count(), 7);
    await page.getByRole('button', { name: 'Undo' }).click();
    assert.equal(await page.getByTestId('milestone').count(), 3, 'adding the timeline is one step');
  });
});

test('export downloads the plan file, notes when, and reminds after a change', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/edit`), async ({ page }) => {
    await ready(page);
    const note = page.getByTestId('export-note');
    assert.equal(await note.innerText(), 'Not exported yet: export the plan to keep a copy outside this browser.');
    const file = await download(page, () => page.locator('.app-toolbar').getByRole('button', { name: 'Export plan' }).click());
    assert.match(file.name, /^london-borough-of-havering-corporate-peer-challenge-2019-improvement-action-plan-\d{4}-\d{2}-\d{2}\.plan\.json$/);
    const exported = JSON.parse(file.text);
    assert.deepEqual(Object.keys(exported), ['format', 'version', 'exported_at', 'export_id', 'plan']);
    assert.equal(exported.plan.recommendations.length, 13);
    assert.match(await note.innerText(), /^Last exported \d{1,2} \w+ \d{4}\.$/);
    await page.getByLabel('Council').fill('London Borough of Havering Council');
    assert.match(await note.innerText(), /It has changed since: export it again to keep a copy\.$/);
    // The reminder is kept with the plan, across a reload.
    await saved(page);
    await page.reload();
    await ready(page);
    assert.match(await page.getByTestId('export-note').innerText(), /It has changed since/);
  });
});

test('a change is written the moment the tab is hidden, before the typing pause ends', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/edit`), async ({ page }) => {
    await ready(page);
    const council = page.getByLabel('Council');
    await council.click();
    await page.keyboard.press('End');
    // Typed and hidden in one go, well inside the 400 ms pause before a save: only the
    // visibilitychange flush can have written it.
    const stored = await page.evaluate((key) => {
      const input = document.getElementById('council');
      input.value = `${input.value} (hidden)`;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const before = localStorage.getItem(key);
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      // As browsers fire it: at the document, bubbling to the window.
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      return { before, after: localStorage.getItem(key) };
    }, `cpc-action-plan/plan/${PLAN_ID}`);
    assert.equal(JSON.parse(stored.before).file.plan.council, 'London Borough of Havering', 'not saved before the tab was hidden');
    assert.equal(JSON.parse(stored.after).file.plan.council, 'London Borough of Havering (hidden)');
  });
});

test('an open report follows the plan: an undo draws it again', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/edit`), async ({ page }) => {
    await ready(page);
    await page.getByLabel('Title of the plan').fill('Improvement plan, as revised');
    await saved(page);
    // The same page, as following a link: the undo history stays.
    await page.evaluate((hash) => { window.location.hash = hash; }, `/plan/${PLAN_ID}/reports/progress`);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.getByText('Improvement plan, as revised').waitFor();
    await page.keyboard.press('Control+z');
    await heading.getByText('Corporate Peer Challenge 2019').waitFor();
    assert.doesNotMatch(await heading.innerText(), /as revised/);
  });
});
