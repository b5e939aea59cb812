// No address, date or file freezes or crashes the app, in headless Chromium: extreme
// "as at" dates and page numbers in shared links, an update dated 0019, a file with a
// hundred thousand unknown fields, a date typed far from the visit, a host that answers a
// missing plan.json with index.html, and the build's guards on its security policy.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, withPage, ready, saved, storedPlan, examplePlan, axeViolations, DIST, ROOT, PLAN_ID, fillDate, dateIn } from './harness.mjs';

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

for (const [what, hash, refused] of [
  ['the dashboard as at 9999-12-31', `/plan/${PLAN_ID}/dashboard?as_at=9999-12-31`, /outside the years 1900 to 2199/],
  ['the dashboard as at 0001-01-01', `/plan/${PLAN_ID}/dashboard?as_at=0001-01-01`, /outside the years/],
  ['the dashboard as at 2100-12-31', `/plan/${PLAN_ID}/dashboard?as_at=2100-12-31`, null],
  ['the progress report as at 9999-12-31', `/plan/${PLAN_ID}/reports/progress?as_at=9999-12-31`, /outside the years/],
  ['the progress report as at 2100-12-31', `/plan/${PLAN_ID}/reports/progress?as_at=2100-12-31`, null],
  ['the recommendations at page 99999999999999999999', `/plan/${PLAN_ID}/recommendations?page=99999999999999999999`, /There is no page 99999999999999999999/],
  ['the dashboard filtered on a status that does not exist', `/plan/${PLAN_ID}/dashboard?status=bogus&theme=nope`, /“bogus” is not a status/],
]) {
  test(`${what}: drawn within 2 seconds, with no console error, saying what could not be used`, async () => {
    await withPage(browser, at(hash), async ({ page, errors }) => {
      const started = Date.now();
      await page.locator('main h1').first().waitFor({ timeout: 2000 });
      assert.ok(Date.now() - started < 2000);
      if (refused) {
        const problems = page.getByTestId('address-problems');
        await problems.waitFor();
        assert.match(await problems.innerText(), refused);
        assert.deepEqual(await axeViolations(page), []);
      } else {
        assert.equal(await page.getByTestId('address-problems').count(), 0);
      }
      assert.deepEqual(errors, []);
    });
  });
}

test('a plan with an update dated 0019 imports with a warning and its dashboard says what the chart leaves out', async () => {
  const file = await examplePlan();
  file.plan.recommendations[0].actions[2].updates.push({ id: 'u-slip', date: '0019-05-01', status: 'on_track', note: 'Typed in a hurry.', author: 'AD Policy' });
  await withPage(browser, at('/import'), async ({ page, errors }) => {
    await ready(page);
    await page.locator('#import-file').setInputFiles({ name: 'slip.plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const dates = page.getByTestId('import-dates');
    await dates.waitFor();
    assert.match(await dates.innerText(), /plan\.recommendations\[0\]\.actions\[2\]\.updates\[0\]\.date 1 May 0019 is more than 20 years from the peer team's visit in 2019\. Did you mean 1 May 2019\?/);
    await page.getByRole('button', { name: 'Open as a new plan' }).click();
    await ready(page);
    const id = new URL(page.url()).hash.split('/')[2];
    await page.goto(at(`/plan/${id}/dashboard?as_at=2019-09-04`));
    await page.locator('main h1').first().waitFor({ timeout: 2000 });
    await page.getByTestId('series-left-out').waitFor();
    assert.match(await page.getByTestId('series-left-out').innerText(), /Progress from 1 May 0019 until then is not shown/);
    assert.ok(await page.getByTestId('month-ends').locator('tbody tr').count() <= 121);
    assert.deepEqual(crashes(errors), []);
  });
});

test('a file with a hundred thousand unknown fields is previewed in seconds, 200 listed and the rest a download', async () => {
  const file = await examplePlan();
  for (let i = 0; i < 100_000; i++) file.plan[`extra_${i}`] = true;
  await withPage(browser, at('/import'), async ({ page, errors }) => {
    await ready(page);
    const started = Date.now();
    await page.locator('#import-file').setInputFiles({ name: 'wide.plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const warnings = page.getByTestId('import-warnings');
    await warnings.waitFor({ timeout: 10_000 });
    assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
    assert.equal(await warnings.locator('li').count(), 200);
    assert.match(await page.getByTestId('list-cut').innerText(), /The first 200 of 10001 are listed\. Download all 10001 as a text file/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download all/ }).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    assert.match(text, /has 90000 more fields that are not part of the plan format, not listed/);
    assert.deepEqual(errors, []);
  });
});

test('a due date typed far from the visit is questioned, and the likely date is one click', async () => {
  await withPage(browser, at(`/plan/${PLAN_ID}/actions/r5-a1/edit`), async ({ page }) => {
    await ready(page);
    await saved(page);
    await fillDate(page, 'Due', '0019-05-01');
    const question = page.getByTestId('far-date');
    await question.waitFor();
    assert.match(await page.locator('#recommendations-r5-a1-due-error, .govuk-error-message').first().innerText(), /Did you mean 1 May 2019\?/);
    assert.deepEqual(await axeViolations(page), []);
    await page.waitForTimeout(600);
    assert.equal(ctx(await storedPlan(page, PLAN_ID)), '2019-12-31', 'nothing kept until the officer answers');
    await question.getByRole('button', { name: 'Use 1 May 2019' }).click();
    await saved(page);
    assert.equal(ctx(await storedPlan(page, PLAN_ID)), '2019-05-01');
    assert.equal(await dateIn(page, 'Due'), '2019-05-01');
  });
  function ctx(record) {
    return record.file.plan.recommendations[4].actions[0].due;
  }
});

test('a host that answers a missing plan.json with index.html still serves the officer\'s app', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpc-fallback-'));
  cpSync(DIST, dir, { recursive: true });
  writeFileSync(join(dir, 'plan.json'), readFileSync(join(DIST, 'index.html')));
  writeFileSync(join(dir, 'site.json'), readFileSync(join(DIST, 'index.html')));
  const fallback = await serve(dir);
  try {
    await withPage(browser, `${fallback.url}#/`, async ({ page }) => {
      await page.locator('main h1', { hasText: 'Action plans in this browser' }).waitFor();
    });
  } finally {
    await fallback.close();
  }
});

test('every build ships its hosting headers, and the policy script fails the build when it cannot place the policy', () => {
  for (const dir of [DIST, join(ROOT, 'target/site')]) {
    assert.match(readFileSync(join(dir, '_headers'), 'utf8'), /frame-ancestors 'self'[\s\S]*X-Content-Type-Options: nosniff/);
    assert.match(readFileSync(join(dir, '.htaccess'), 'utf8'), /X-Content-Type-Options "nosniff"/);
    assert.match(readFileSync(join(dir, 'index.html'), 'utf8'), /<meta http-equiv="Content-Security-Policy"/);
  }
  const bad = mkdtempSync(join(tmpdir(), 'cpc-policy-'));
  writeFileSync(join(bad, 'index.html'), '<html><head><title>x</title></head><body><script type="module">start()</script></body></html>');
  assert.throws(() => execFileSync('node', [join(ROOT, 'scripts/secure-dist.mjs'), bad], { stdio: 'pipe' }), /expected one <meta charset="utf-8">/);
  assert.ok(existsSync(join(bad, 'index.html')));
  // Under `trunk serve`, trunk adds its live-reload script: it is allowed by its hash too.
  const served = mkdtempSync(join(tmpdir(), 'cpc-serve-'));
  writeFileSync(join(served, 'index.html'), '<html><head><meta charset="utf-8"></head><body><script type="module">start()</script><script>reload()</script></body></html>');
  execFileSync('node', [join(ROOT, 'scripts/secure-dist.mjs'), served], { stdio: 'pipe' });
  const policy = readFileSync(join(served, 'index.html'), 'utf8').match(/script-src ([^;]+);/)[1];
  assert.equal(policy.match(/'sha256-/g).length, 2, policy);
});
