// axe-core on every screen: zero WCAG 2.2 A and AA violations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, withPage, ready, axeViolations, PLAN_ID } from './harness.mjs';

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
