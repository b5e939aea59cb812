// axe-core on every screen: zero WCAG 2.2 A and AA violations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, withPage, ready, axeViolations, ROOT, PLAN_ID, fillDate } from './harness.mjs';

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

const screens = [
  ['plans', '/'],
  ['plan overview', `/plan/${PLAN_ID}`],
  ['recommendations', `/plan/${PLAN_ID}/recommendations`],
  ['one recommendation', `/plan/${PLAN_ID}/recommendations/r1`],
  ['one action', `/plan/${PLAN_ID}/actions/r1-a7`],
  ['not found', '/plan/nowhere'],
  ['new plan form', '/new'],
  ['plan from a table', '/new/table'],
  ['recommendations from a table', `/plan/${PLAN_ID}/add-table`],
  ['plan details form', `/plan/${PLAN_ID}/edit`],
  ['themes and groups form', `/plan/${PLAN_ID}/themes`],
  ['milestones form', `/plan/${PLAN_ID}/milestones`],
  ['recommendation form', `/plan/${PLAN_ID}/recommendations/r2/edit`],
  ['action form', `/plan/${PLAN_ID}/actions/r1-a7/edit`],
  ['delete plan', `/plan/${PLAN_ID}/delete`],
  ['progress as at today', `/plan/${PLAN_ID}/dashboard`],
  ['progress as at the scrutiny meeting', `/plan/${PLAN_ID}/dashboard?as_at=2019-09-04`],
  ['progress filtered', `/plan/${PLAN_ID}/dashboard?as_at=2019-09-04&status=not_started&lead=CLT&overdue=yes&q=plan`],
  ['action plan report', `/plan/${PLAN_ID}/reports/action-plan?as_at=2019-09-04&committee=Cabinet&meeting=2019-10-16`],
  ['progress report', `/plan/${PLAN_ID}/reports/progress?as_at=2019-09-04&committee=Cabinet`],
  ['exceptions report', `/plan/${PLAN_ID}/reports/exceptions?as_at=2026-11-23`],
];

for (const [name, hash] of screens) {
  test(`axe: ${name} has no WCAG 2.2 A/AA violations`, async () => {
    await withPage(browser, `${server.url}#${hash}`, async ({ page }) => {
      await ready(page);
      assert.deepEqual(await axeViolations(page), []);
    });
  });
}

test('axe: the storage banner has no WCAG 2.2 A/AA violations', async () => {
  const blockStorage = () => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  };
  await withPage(
    browser,
    `${server.url}#/plan/${PLAN_ID}`,
    async ({ page }) => {
      await ready(page);
      await page.getByTestId('storage-banner').waitFor();
      assert.deepEqual(await axeViolations(page), []);
    },
    { initScript: blockStorage },
  );
});

// Forms with their errors showing: the error summary, messages and error styles.
const withErrors = [
  ['new plan form', '/new', async (page) => {
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.getByTestId('error-summary').waitFor();
  }],
  ['plan details form', `/plan/${PLAN_ID}/edit`, async (page) => {
    await page.getByLabel('Council').fill('');
    // An impossible date: its boxes marked, and the date the plan keeps said.
    await fillDate(page, 'Feedback report received', '2019-02-31');
    await page.getByTestId('error-summary').locator('li').nth(1).waitFor();
  }],
  ['recommendation form', `/plan/${PLAN_ID}/recommendations/r2/edit`, async (page) => {
    await page.getByLabel('Not accepted').check();
    await page.getByLabel("The peer team's recommendation", { exact: true }).fill('');
    await page.getByTestId('error-summary').locator('li').nth(1).waitFor();
  }],
  ['action form', `/plan/${PLAN_ID}/actions/r1-a7/edit`, async (page) => {
    await page.getByLabel('Timescale').fill('Q3 2020/21 and ongoing');
    await page.getByTestId('timescale-suggestion').waitFor();
    await page.getByLabel('What the council will do').fill('');
    await page.getByLabel('Lead 1').fill('');
    await page.getByRole('button', { name: 'Add update' }).click();
    await page.getByTestId('error-summary').locator('li').nth(1).waitFor();
  }],
  ['milestones form', `/plan/${PLAN_ID}/milestones`, async (page) => {
    await page.getByRole('button', { name: 'Add milestone' }).click();
    await page.locator('#new-milestone-due-error').waitFor();
  }],
];

for (const [name, hash, provoke] of withErrors) {
  test(`axe: ${name} with errors showing has no WCAG 2.2 A/AA violations`, async () => {
    await withPage(browser, `${server.url}#${hash}`, async ({ page }) => {
      await ready(page);
      await provoke(page);
      assert.deepEqual(await axeViolations(page), []);
    });
  });
}

// The sharing screens: import (empty, with a preview, with a refusal), merge, and help.
const example = JSON.parse(await readFile(join(ROOT, 'public/examples/havering-2019.plan.json'), 'utf8'));
const returned = structuredClone(example);
returned.plan.recommendations[4].actions[0].status = 'on_track';
returned.plan.stray = 1;

const sharingScreens = [
  ['import page', '/import', async () => {}],
  ['import preview', '/import', async (page) => {
    await page.locator('#import-file').setInputFiles({ name: 'r.plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(returned)) });
    await page.getByTestId('import-warnings').waitFor();
  }],
  ['refused import', '/import', async (page) => {
    await page.locator('#import-file').setInputFiles({ name: 'bad.plan.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "cpc-action-plan", "version": 1, "plan": {"id": ""}}') });
    await page.getByTestId('import-refused').waitFor();
  }],
  ['merge page', '/import', async (page) => {
    await page.locator('#import-file').setInputFiles({ name: 'r.plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(returned)) });
    await page.getByRole('link', { name: 'Merge the changes' }).click();
    await page.getByTestId('merge-summary').waitFor();
  }],
  ['plan file help', '/help/plan-file', async () => {}],
];

for (const [name, hash, reach] of sharingScreens) {
  test(`axe: ${name} has no WCAG 2.2 A/AA violations`, async () => {
    await withPage(browser, `${server.url}#${hash}`, async ({ page }) => {
      await ready(page);
      await reach(page);
      assert.deepEqual(await axeViolations(page), []);
    });
  });
}
