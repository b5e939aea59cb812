// The officer's entry of a whole plan by keyboard alone: Havering's 13 recommendations and
// 32 actions, copied from the committee paper (the example plan) into a new plan, one
// form per recommendation and one per action. Counts every key pressed, times the run,
// checks that what was entered is what the paper says, and estimates how long a person
// copying it would take.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../e2e/harness.mjs';

// How long a person takes, by the keystroke-level model (Card, Moran and Newell): 0.28 s a
// key for an average typist. Typing every word of the paper is one estimate; the other is
// copying each piece of text from the paper (a PDF or Word file) and pasting it: a mental
// step, pointing at the text, and the copy, switch and paste keys, about 4 s a piece.
const SECONDS_PER_KEY = 0.28;
const SECONDS_PER_PASTE = 4;

export async function measureEntry(browser, url) {
  const paper = JSON.parse(await readFile(join(ROOT, 'public/examples/havering-2019.plan.json'), 'utf8')).plan;
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  let typed = 0;
  let other = 0;
  const type = async (text) => { typed += text.length; await page.keyboard.type(text); };
  const key = async (k) => { other += 1; await page.keyboard.press(k); };
  const tabTo = async (locator) => {
    const target = await locator.elementHandle();
    for (let i = 0; i < 300; i++) {
      if (await page.evaluate((el) => document.activeElement === el, target)) return;
      await key('Tab');
    }
    throw new Error(`${locator} cannot be reached with Tab`);
  };
  const started = Date.now();
  try {
    await page.goto(`${url}#/new`);
    await page.locator('main h1').first().waitFor();
    await tabTo(page.getByLabel('Council'));
    await type(paper.council);
    await key('Tab');
    await type(paper.title);
    await key('Enter');
    await page.locator('main h1', { hasText: "Change the plan's details" }).waitFor();
    const planId = new URL(page.url()).hash.split('/')[2];

    let pieces = 2;
    // To the recommendations, and the link that jumps to the form that adds one.
    await tabTo(page.locator('.govuk-service-navigation').getByRole('link', { name: 'Recommendations', exact: true }));
    await key('Enter');
    await page.locator('main h1', { hasText: 'Recommendations' }).waitFor();
    await tabTo(page.getByTestId('to-add-recommendation'));
    await key('Enter');
    for (const [r, rec] of paper.recommendations.entries()) {
      if (r > 0) {
        // "Add the next recommendation", under the last one's actions: the cursor waits in
        // the new recommendation's form.
        await tabTo(page.getByRole('link', { name: 'Add the next recommendation' }));
        await key('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'new-recommendation-number');
      }
      assert.equal(await page.evaluate(() => document.activeElement.id), 'new-recommendation-number');
      assert.equal(await page.locator('#new-recommendation-number').inputValue(), rec.number, 'the next number is offered');
      await key('Tab');
      await type(rec.title);
      pieces += 1;
      await key('Tab');
      await key('Enter');
      await page.locator('main h1', { hasText: `Change recommendation ${rec.number}` }).waitFor();
      await tabTo(page.getByTestId('to-add-action'));
      await key('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'new-action');
      for (const [i, action] of rec.actions.entries()) {
        await type(action.text);
        await key('Tab');
        await type(action.timescale);
        pieces += 1 + (action.timescale ? 1 : 0) + (action.leads.length ? 1 : 0);
        // The due date: tabbed past when the timescale suggests the paper's date; typed
        // over, box by box, when it does not.
        const boxes = ['Day', 'Month', 'Year'].map((b) => page.getByRole('group', { name: 'Due date' }).getByLabel(b));
        const shown = await Promise.all(boxes.map((b) => b.inputValue()));
        const want = action.due ? action.due.split('-').reverse().map((p, j) => (j < 2 ? String(Number(p)) : p)) : ['', '', ''];
        for (let j = 0; j < 3; j++) {
          await key('Tab');
          if (shown[j] !== want[j]) {
            if (shown[j]) await key('Control+A');
            if (want[j]) await type(want[j]); else await key('Delete');
          }
        }
        await key('Tab');
        await type(action.leads.join('; '));
        await key('Tab');
        // The status: arrow keys move through the choices of a closed select.
        const status = page.locator('#new-action-status');
        const order = await status.locator('option').evaluateAll((os) => os.map((o) => o.value));
        const steps = order.indexOf(action.status) - order.indexOf(await status.inputValue());
        for (let j = 0; j < Math.abs(steps); j++) await key(steps > 0 ? 'ArrowDown' : 'ArrowUp');
        assert.equal(await status.inputValue(), action.status);
        await key('Tab');
        await key('Enter');
        await page.getByTestId('action-added').getByText(`Action ${rec.number}.${i + 1} added.`).waitFor();
      }
    }
    await page.getByTestId('save-status').getByText('Saved', { exact: true }).waitFor();
    const seconds = (Date.now() - started) / 1000;

    // What was entered is what the paper says.
    const stored = JSON.parse(await page.evaluate((id) => localStorage.getItem(`cpc-action-plan/plan/${id}`), planId)).file.plan;
    const entered = stored.recommendations.map((r) => [r.number, r.title, r.actions.map((a) => [a.text, a.timescale, a.due ?? null, a.leads, a.status])]);
    const wanted = paper.recommendations.map((r) => [r.number, r.title, r.actions.map((a) => [a.text, a.timescale, a.due ?? null, a.leads, a.status])]);
    assert.deepEqual(entered, wanted);
    const actions = paper.recommendations.reduce((n, r) => n + r.actions.length, 0);
    return {
      recommendations: paper.recommendations.length,
      actions,
      characters_typed: typed,
      other_keys: other,
      key_presses: typed + other,
      other_keys_per_action: Number((other / actions).toFixed(1)),
      pieces_of_text: pieces,
      script_seconds: Number(seconds.toFixed(1)),
      person_minutes_typing_everything: Number((((typed + other) * SECONDS_PER_KEY) / 60).toFixed(1)),
      person_minutes_pasting_text: Number(((pieces * SECONDS_PER_PASTE + other * SECONDS_PER_KEY) / 60).toFixed(1)),
    };
  } finally {
    await context.close();
  }
}
