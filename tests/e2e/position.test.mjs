// The position statement before a progress review, in headless Chromium: printed to an A4
// PDF and read back with pdftotext, downloaded as Word and read back, filtered to one
// theme, recorded as issued, checked with axe, and shown by the published site.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, withPage, ready, examplePlan, ROOT, PLAN_ID, download, axeViolations } from './harness.mjs';

const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
const SITE_DIST = process.env.SITE_DIST ?? join(ROOT, 'target/site');
let server;
let browser;
let plan;

before(async () => {
  server = await serve();
  browser = await launch();
  plan = (await examplePlan()).plan;
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const statement = (query = 'as_at=2019-09-04', base = server.url) => `${base}#/plan/${PLAN_ID}/reports/position-statement?${query}`;
/** Text with every space, line break and hyphen taken out, so wrapping cannot hide a match. */
const squash = (text) => text.replace(/[\s\-\u2010]+/g, '');
const PARTS = ["The council's response", 'What has been done', 'Evidence', 'Progress to date', 'What difference has it made', 'What remains'];

/** The text of a Word file's document, read from the bytes (the zip is stored, not
 *  compressed), as reports.test.mjs reads it. */
function wordText(bytes) {
  const all = bytes.toString('utf8');
  const xml = all.slice(all.indexOf('<w:document'), all.indexOf('</w:document>'));
  assert.ok(xml.length > 0, 'the document part is in the file');
  const unescape = (t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join(' ');
}

/** The report's headings as [level, text], in the page's order. */
const headings = (page) => page.getByTestId('report').locator('h1, h2, h3, h4').evaluateAll((hs) => hs.map((h) => [Number(h.tagName[1]), h.innerText]));

test('the position statement prints A4 portrait with its contents, every part of every recommendation, and numbered pages', async () => {
  await withPage(browser, statement(), async ({ page, errors }) => {
    await page.getByTestId('statement-contents').waitFor();
    // Headings in order: the report, then a part or a recommendation, then its parts.
    const levels = await headings(page);
    assert.equal(levels[0][0], 1);
    assert.match(levels[0][1], /^Position statement: /);
    for (let i = 1; i < levels.length; i++) assert.ok(levels[i][0] <= levels[i - 1][0] + 1, `no heading level skipped at ${levels[i][1]}`);
    assert.deepEqual(levels.filter(([l]) => l === 2).map(([, t]) => t).slice(0, 3), ['The challenge', 'Summary', 'Contents']);
    assert.equal(await page.locator('[data-testid=statement-section]').count(), 13);
    assert.equal(await page.locator('[data-testid=statement-section] h3').count(), 13 * PARTS.length, 'six parts each (no suggestions in Havering)');
    assert.equal(
      await page.getByTestId('report-summary').innerText(),
      'The peer team made 13 recommendations. The council accepted all 13. Of the 32 actions agreed, as at 4 September 2019, 4 are completed, 10 are ongoing and 18 are not started; 4 are past their date. “What difference has it made” is answered for 0 of the 13 recommendations.',
    );
    // The contents list: a real list, each entry moving focus to its recommendation
    // without leaving the page's address.
    const contents = page.getByTestId('statement-contents').locator('ol > li > a');
    assert.equal(await contents.count(), 13);
    const url = page.url();
    await contents.nth(8).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'position-9');
    assert.match(await page.evaluate(() => document.activeElement.innerText), /^9\. /);
    assert.equal(page.url(), url, 'the address stays the report');
    assert.deepEqual(await axeViolations(page), []);

    const pdf = join(ARTIFACTS, 'position-statement.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, join(ARTIFACTS, 'position-statement-page')]);
    const text = execFileSync('pdftotext', [pdf, '-']).toString();
    const info = execFileSync('pdfinfo', [pdf]).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info).slice(1).map(Number);
    assert.ok(h > w, `portrait (${w} x ${h})`);
    const flat = squash(text);
    for (const words of ['London Borough of Havering', 'Position statement', 'The challenge', '26 February to 1 March 2019', 'Summary', 'Contents', 'Not yet written.', 'Nothing remains open.']) {
      assert.ok(flat.includes(squash(words)), `the paper says ${words}`);
    }
    for (const r of plan.recommendations) assert.ok(flat.includes(squash(`${r.number}. ${r.title}`)), `recommendation ${r.number}`);
    // Each recommendation's parts are on paper, once per recommendation.
    const contentsAt = flat.indexOf('Contents');
    const firstPart = flat.indexOf(squash(PARTS[0]));
    for (const part of PARTS) {
      assert.equal(flat.slice(firstPart).split(squash(part)).length - 1, 13, `${part} for each recommendation`);
    }
    // The contents come before the first recommendation's part, and list every title.
    assert.ok(contentsAt > 0 && contentsAt < firstPart);
    assert.ok(flat.slice(contentsAt, firstPart).includes(squash(`13. ${plan.recommendations[12].title}`)), 'the contents list every recommendation');
    assert.ok(flat.includes(`Page1of${pages}`) && flat.includes(`Page${pages}of${pages}`), 'every page is numbered');
    assert.ok(pages >= 4 && pages <= 30, `${pages} pages`);
    for (const hidden of ['Reportoptions', 'Recordthisreportasissued', 'Skiptomaincontent']) assert.ok(!flat.includes(hidden), `no ${hidden} on paper`);
    assert.deepEqual(errors, []);
  });
});

test('the Word position statement says what the page says, in the same order', async () => {
  await withPage(browser, statement(), async ({ page, errors }) => {
    await page.getByTestId('statement-contents').waitFor();
    const blocks = await page.getByTestId('report').locator(':is(h1, h2, h3, p, li):not(li *)').evaluateAll((els) => els.map((el) => el.innerText));
    const file = await download(page, () => page.getByRole('button', { name: 'Download as Word (.docx)' }).click());
    assert.equal(file.name, 'london-borough-of-havering-corporate-peer-challenge-2019-improvement-action-plan-2019-09-04-position-statement.docx');
    await writeFile(join(ARTIFACTS, 'position-statement.docx'), file.bytes);
    const word = squash(wordText(file.bytes));
    for (const part of ['Contents', ...PARTS]) assert.ok(word.includes(squash(part)), `Word has ${part}`);
    for (const r of plan.recommendations) assert.ok(word.includes(squash(`${r.number}. ${r.title}`)), `Word has recommendation ${r.number}`);
    let from = 0;
    for (const block of blocks.map((b) => squash(b.replace(/^•\s*/, ''))).filter(Boolean)) {
      const at = word.indexOf(block, from);
      assert.ok(at >= 0, `the Word file has, after what comes before it on the page: ${block}`);
      from = at + block.length;
    }
    assert.deepEqual(errors, []);
  });
});

test('filtered to one theme, the statement holds only that theme’s recommendations, on the page and in Word', async () => {
  const governance = plan.recommendations.filter((r) => r.themes.includes('core-governance'));
  await withPage(browser, statement(), async ({ page }) => {
    await page.getByTestId('statement-contents').waitFor();
    // Chosen in the report options, as an officer would.
    await page.locator('#report-theme').selectOption('core-governance');
    await page.getByRole('button', { name: 'Update the report' }).click();
    await page.waitForURL(/theme=core-governance$/);
    await page.getByTestId('statement-contents').waitFor();
    const shown = await page.locator('[data-testid=statement-section]').evaluateAll((ss) => ss.map((s) => s.dataset.recommendationId));
    assert.deepEqual(shown, governance.map((r) => r.id));
    assert.equal(await page.getByTestId('statement-contents').locator('li').count(), governance.length);
    assert.match(await page.getByTestId('report-summary').innerText(), /This statement covers 4 of them \(the theme Organisational leadership and governance\)/);
    const file = await download(page, () => page.getByRole('button', { name: 'Download as Word (.docx)' }).click());
    const word = squash(wordText(file.bytes));
    for (const r of plan.recommendations) {
      assert.equal(word.includes(squash(r.title)), governance.includes(r), `recommendation ${r.number} in Word only if under the theme`);
    }
    assert.deepEqual(await axeViolations(page), []);
  });
});

test('the position statement is recorded as issued, and reopens from the reports issued', async () => {
  await withPage(browser, statement('as_at=2019-09-04&committee=LGA%20progress%20review'), async ({ page, errors }) => {
    await page.getByTestId('statement-contents').waitFor();
    await page.getByRole('button', { name: 'Record this report as issued' }).click();
    // The report follows the plan, so it is drawn again, saying it is recorded.
    await page.getByTestId('record-issued').getByText(/This report, as at 4 September 2019, was recorded as issued on/).waitFor();
    await page.getByTestId('record-issued').getByRole('link', { name: 'Reports issued' }).click();
    await ready(page);
    const row = page.getByTestId('reports-issued').locator('tbody tr');
    assert.equal(await row.count(), 1);
    assert.match(await row.innerText(), /Position statement to LGA progress review/);
    assert.match(await row.innerText(), /32 actions: 4 completed, 4 overdue/);
    await row.getByRole('link', { name: /Open as it stood/ }).click();
    await page.getByTestId('statement-contents').waitFor();
    assert.match(page.url(), /reports\/position-statement\?as_at=2019-09-04&committee=LGA%20progress%20review$/);
    assert.deepEqual(errors, []);
  });
});

test('the published site shows the position statement, without the officer’s controls', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cpc-site-'));
  await cp(SITE_DIST, dir, { recursive: true });
  await writeFile(join(dir, 'plan.json'), await readFile(join(ROOT, 'public/examples/havering-2019.plan.json'), 'utf8'));
  const site = await serve(dir, '/peer-challenge/');
  try {
    await withPage(browser, statement('as_at=2019-09-04', site.url), async ({ page, errors }) => {
      await page.getByTestId('statement-contents').waitFor();
      assert.equal(await page.locator('[data-testid=statement-section]').count(), 13);
      assert.equal(await page.getByRole('button', { name: 'Download as Word (.docx)' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Record this report as issued' }).count(), 0);
      const links = await page.getByRole('navigation', { name: 'Reports' }).getByRole('link').allInnerTexts();
      assert.ok(links.includes('Position statement'), 'listed with the other reports');
      assert.deepEqual(await axeViolations(page), []);
      assert.equal(await page.evaluate(() => localStorage.length), 0);
      assert.deepEqual(errors, []);
    });
  } finally {
    await site.close();
  }
});
