// Committee reports in headless Chromium: each printed to an A4 PDF, read back with
// pdftotext (poppler-utils), and its first page kept as a picture for a person to look at.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, withPage, ready, examplePlan, ROOT, PLAN_ID, fillDate, download, axeViolations } from './harness.mjs';

const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
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

const OPTIONS = 'as_at=2019-09-04&committee=Overview%20and%20Scrutiny%20Board&meeting=2019-09-04';
const report = (kind, query = OPTIONS) => `${server.url}#/plan/${PLAN_ID}/reports/${kind}?${query}`;
/** Text with every space, line break and hyphen taken out, so wrapping cannot hide a match
 *  (pdftotext joins a word hyphenated at a line's end, dropping its hyphen). */
const squash = (text) => text.replace(/[\s\-\u2010]+/g, '');

/** Prints the page as the browser would to an A4 PDF (without the browser's own header and
 *  footer: the report numbers its pages) and returns its text and page count. */
async function print(page, name) {
  const path = join(ARTIFACTS, `${name}.pdf`);
  await page.pdf({
    path,
    format: 'A4',
    preferCSSPageSize: true,
    printBackground: true,
  });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', path, join(ARTIFACTS, `${name}-page`)]);
  const text = execFileSync('pdftotext', [path, '-']).toString();
  const info = execFileSync('pdfinfo', [path]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info).slice(1).map(Number);
  return { text, pages, size, path };
}

/** Keeps page `n` of a printed PDF as a picture, for a person to look at. */
function keepPage(path, n, name) {
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(n), '-l', String(n), '-singlefile', path, join(ARTIFACTS, name)]);
}

/** The density a committee clerk sets (issue 20), Havering's reports printed to A4. */
const MOST_PAGES = { 'action-plan': 9, progress: 8, exceptions: 1, worklist: 1 };

/**
 * Each action's words whole on one page (a block splits between actions, never inside one),
 * and on every later page a recommendation's actions run onto, its number and title again
 * (`heading(r)`, as that report repeats it). Returns the pages where a block continues.
 */
function assertBlocks(text, pages, recommendations, heading) {
  const each = pagesOf(text, pages).map(squash);
  const continued = [];
  for (const r of recommendations) {
    const on = new Set();
    for (const a of r.actions) {
      const at = each.findIndex((p) => p.includes(squash(a.text)));
      assert.ok(at >= 0, `action ${a.id} is whole on one page`);
      on.add(at);
    }
    const later = [...on].sort((x, y) => x - y).slice(1);
    for (const p of later) {
      assert.ok(each[p].includes(squash(heading(r))), `recommendation ${r.number} is headed again on page ${p + 1}, where its actions go on`);
      continued.push(p + 1);
    }
  }
  return continued;
}

function assertHeading(text, title) {
  const flat = squash(text);
  for (const part of ['London Borough of Havering', title, 'Corporate Peer Challenge 2019: improvement action plan', 'Committee', 'Overview and Scrutiny Board', 'Meeting', 'As at', '4 September 2019']) {
    assert.ok(flat.includes(squash(part)), `the heading says ${part}`);
  }
}

test('the action plan prints landscape with every recommendation and action', async () => {
  await withPage(browser, report('action-plan'), async ({ page, errors }) => {
    await page.getByTestId('annex').waitFor();
    const rows = await page.getByTestId('annex').locator('tbody th[rowspan]').evaluateAll((ths) => ths.map((th) => Number(th.getAttribute('rowspan'))));
    assert.deepEqual(rows, plan.recommendations.map((r) => r.actions.length), 'each recommendation spans its actions');
    const { text, pages, size } = await print(page, 'action-plan');
    assert.ok(size[0] > size[1], `landscape A4 (${size})`);
    assertHeading(text, 'Action plan');
    const flat = squash(text);
    for (const r of plan.recommendations) assert.ok(flat.includes(squash(r.title)), `recommendation ${r.number}`);
    for (const a of plan.recommendations.flatMap((r) => r.actions)) assert.ok(flat.includes(squash(a.text)), `action ${a.id}`);
    assert.ok(flat.includes(`Page1of${pages}`) && flat.includes(`Page${pages}of${pages}`), 'every page is numbered');
    assert.ok(pages <= MOST_PAGES['action-plan'], `${pages} landscape pages, at most ${MOST_PAGES['action-plan']}`);
    assertBlocks(text, pages, plan.recommendations, (r) => `${r.number} ${r.title}`);
    for (const hidden of ['Reportoptions', 'Print', 'Skiptomaincontent', 'Undo']) assert.ok(!flat.includes(hidden), `no ${hidden} on paper`);
    assert.deepEqual(errors, []);
  });
});

test('the progress report prints portrait: summary, every action with its status, milestones', async () => {
  await withPage(browser, report('progress'), async ({ page }) => {
    await page.getByTestId('report').waitFor();
    const { text, pages, size, path } = await print(page, 'progress');
    assert.ok(size[1] > size[0], `portrait A4 (${size})`);
    assertHeading(text, 'Progress report');
    const flat = squash(text);
    assert.ok(flat.includes(squash('Of 32 actions, 4 are completed, 10 are now part of everyday work and 18 are not started; 4 are past their date.')));
    for (const r of plan.recommendations) assert.ok(flat.includes(squash(`${r.number}. ${r.title}`)), `recommendation ${r.number}`);
    for (const a of plan.recommendations.flatMap((r) => r.actions)) assert.ok(flat.includes(squash(a.text)), `action ${a.id}`);
    assert.ok(flat.includes(squash('Overdue by 127 days')), 'overdue actions are marked in words');
    // The shares by status add up to 100%; overdue is said apart from them.
    assert.ok(flat.includes(squash('All actions 32 100%')), 'the shares add up to 100%');
    assert.ok(flat.includes(squash('4 of the 18 open actions (not started or under way) are overdue: past their due date.')));
    assert.ok(flat.includes(squash('LGA follow-up visit')) && flat.includes(squash('Progress review (LGA process)')));
    assert.ok(flat.includes(squash('The council accepted every recommendation.')));
    assert.ok(pages <= MOST_PAGES.progress, `${pages} portrait pages, at most ${MOST_PAGES.progress}`);
    assert.ok(flat.includes(`Page2of${pages}`), 'every page is numbered');
    const continued = assertBlocks(text, pages, plan.recommendations, (r) => `Actions for recommendation ${r.number}: ${r.title.slice(0, 40)}`);
    assert.ok(continued.length > 0, 'a recommendation runs onto a second page (recommendation 1, seven actions)');
    keepPage(path, continued[0], 'progress-continued-page');
  });
});

test('the exceptions report lists only what needs attention', async () => {
  await withPage(browser, report('exceptions'), async ({ page }) => {
    await page.getByTestId('report').waitFor();
    const listed = await page.locator('[data-action-id]').evaluateAll((rows) => rows.map((r) => r.dataset.actionId));
    const open = new Set(['not_started', 'on_track', 'at_risk', 'off_track']);
    const want = plan.recommendations.flatMap((r) => r.actions).filter((a) => (a.due && a.due < '2019-09-04' && open.has(a.status)) || ['at_risk', 'off_track'].includes(a.status));
    assert.deepEqual(listed, want.map((a) => a.id));
    const { text, pages } = await print(page, 'exceptions');
    assertHeading(text, 'Exceptions report');
    const flat = squash(text);
    assert.ok(flat.includes(squash('4 actions are overdue, at risk or off track as at 4 September 2019.')));
    for (const a of want) assert.ok(flat.includes(squash(a.text)), a.id);
    assert.ok(!flat.includes(squash(plan.recommendations[0].actions[0].text)), 'a completed action is not an exception');
    assert.ok(pages <= MOST_PAGES.exceptions, `${pages} pages`);
  });
});

test('a recommendation whose actions run over a page is headed again on the next, and no action is split', async () => {
  // Havering with recommendation 1's seven actions four times over: 28 actions, three pages.
  const file = await examplePlan();
  file.plan.id = 'long-block';
  const [first] = file.plan.recommendations;
  first.actions = [0, 1, 2, 3].flatMap((k) => first.actions.map((a) => ({ ...a, id: `${a.id}-${k}`, text: `${a.text} (copy ${k + 1})` })));
  await withPage(browser, `${server.url}#/`, async ({ page, errors }) => {
    const id = await openFile(page, file, 'long-block.plan.json');
    await page.goto(`${server.url}#/plan/${id}/reports/action-plan?${OPTIONS}`);
    await page.getByTestId('annex').waitFor();
    const { text, pages, path } = await print(page, 'action-plan-long-block');
    const continued = assertBlocks(text, pages, file.plan.recommendations, (r) => `${r.number} ${r.title}`);
    assert.ok(continued.length >= 2, `recommendation 1 goes on over pages ${continued}`);
    keepPage(path, continued[0], 'action-plan-continued-page');
    // The column names head every page (on one line, as laid out), and the first page is
    // the report's, not a blank one left by a block too long to start on it.
    const laidOut = pagesOf(execFileSync('pdftotext', ['-layout', path, '-']).toString(), pages);
    laidOut.forEach((p, i) => assert.match(p, /No\.\s+Recommendation\s+Action\s+Timescale\s+Lead\s+Status/, `page ${i + 1} has the column names`));
    assert.ok(squash(pagesOf(text, pages)[0]).includes(squash(first.actions[0].text)), 'the block starts on page 1');
    // The recommendation's explanation is printed once, on its first page.
    assert.equal(squash(text).split(squash(first.context)).length - 1, 1);
    assert.deepEqual(errors, []);
  });
});

test("a lead's worklist prints on one page, every action of theirs whole", async () => {
  const LEAD = 'Director of Regeneration';
  await withPage(browser, `${server.url}#/plan/${PLAN_ID}/leads/${encodeURIComponent(LEAD)}`, async ({ page }) => {
    await page.getByTestId('worklist').waitFor();
    const { text, pages } = await print(page, 'worklist');
    assert.ok(pages <= MOST_PAGES.worklist, `${pages} pages`);
    const flat = squash(text);
    const theirs = plan.recommendations.flatMap((r) => r.actions).filter((a) => a.leads.includes(LEAD));
    assert.equal(theirs.length, 3);
    for (const a of theirs) assert.ok(flat.includes(squash(a.text)), a.id);
    assert.ok(flat.includes(`Page1of${pages}`));
    assert.ok(!flat.includes('Quickupdate'), 'no form on paper');
  });
});

test('report options go into the address, and the Print button prints', async () => {
  const recordPrint = () => { window.print = () => { window.printed = (window.printed ?? 0) + 1; }; };
  await withPage(browser, report('action-plan', 'as_at=2019-09-04'), async ({ page }) => {
    await page.getByTestId('annex').waitFor();
    await page.locator('#report-committee').fill('Cabinet');
    await fillDate(page, 'Meeting date', '2019-10-16');
    await page.getByLabel('List completed actions').uncheck();
    await page.locator('#report-theme').selectOption('core-governance');
    await page.getByRole('button', { name: 'Update the report' }).click();
    await page.waitForURL(/committee=Cabinet&meeting=2019-10-16&completed=no&theme=core-governance$/);
    await page.reload();
    await page.getByTestId('annex').waitFor();
    const facts = (await page.getByTestId('report-facts').innerText()).replace(/\s+/g, ' ');
    assert.equal(facts, 'Committee Cabinet Meeting 16 October 2019 As at 4 September 2019');
    const numbers = await page.getByTestId('annex').locator('tbody th[rowspan]').allInnerTexts();
    assert.deepEqual(numbers, ['3', '4', '5', '9'], 'only the governance recommendations');
    assert.equal(await page.getByTestId('annex').getByText('Completed', { exact: true }).count(), 0, 'completed actions left out');
    await page.getByRole('button', { name: 'Print' }).click();
    assert.equal(await page.evaluate(() => window.printed), 1);
  }, { initScript: recordPrint });
});

test('the action plan and progress report download as Word documents with real tables', async () => {
  await withPage(browser, report('progress'), async ({ page }) => {
    await page.getByTestId('report').waitFor();
    for (const [kind, name] of [['progress', 'progress-report'], ['action-plan', 'action-plan']]) {
      await page.goto(report(kind));
      await page.getByTestId('report').waitFor();
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as Word (.docx)' }).click()]);
      assert.equal(file.suggestedFilename(), `london-borough-of-havering-corporate-peer-challenge-2019-improvement-action-plan-2019-09-04-${name}.docx`);
      const path = join(ARTIFACTS, `${name}.docx`);
      await file.saveAs(path);
      // Read it with Python's own zip and XML modules: a second opinion on the file.
      const read = execFileSync('python3', ['-c', `
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
doc = xml.dom.minidom.parseString(z.read('word/document.xml'))
texts = ''.join(t.firstChild.data for t in doc.getElementsByTagName('w:t') if t.firstChild)
print(len(doc.getElementsByTagName('w:tbl')), len(doc.getElementsByTagName('w:tr')))
print(texts)
`, path]).toString();
      const [counts, ...rest] = read.split('\n');
      const text = squash(rest.join('\n'));
      const [tables, rows] = counts.split(' ').map(Number);
      if (kind === 'action-plan') assert.deepEqual([tables, rows], [1, 33]);
      // The progress report: the figures by status, a table for each recommendation, and
      // the milestones.
      else assert.equal(tables, 15);
      for (const r of plan.recommendations) assert.ok(text.includes(squash(r.title)), `${kind}: recommendation ${r.number}`);
      for (const a of plan.recommendations.flatMap((r) => r.actions)) assert.ok(text.includes(squash(a.text)), `${kind}: ${a.id}`);
      assert.ok(text.includes(squash('Committee: Overview and Scrutiny Board')));
    }
  });
});

const DRAFT = 'Draft: not yet approved';

/** Each printed page's text: pdftotext ends every page with a form feed. */
const pagesOf = (text, pages) => text.split('\f').slice(0, pages);

/** The text of a Word file's document, read from the bytes: the zip is stored, not
 *  compressed, so the XML is there as it was written. */
function wordText(bytes) {
  const all = bytes.toString('utf8');
  const xml = all.slice(all.indexOf('<w:document'), all.indexOf('</w:document>'));
  assert.ok(xml.length > 0, 'the document part is in the file');
  const unescape = (t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join(' ');
}

test('the Word progress report says what the printed one says, in the same order', async () => {
  await withPage(browser, report('progress'), async ({ page, errors }) => {
    await page.getByTestId('report').waitFor();
    // What the printed report shows, block by block
    // (the chart's legend aside: Word has the table by status instead; and the row that
    // repeats a recommendation over its actions on a later printed page: Word's tables
    // repeat their own header row).
    const blocks = await page.getByTestId('report').locator(':is(h1, h2, p, tr, li):not(.app-legend *):not(.app-print-only)').evaluateAll((els) => els.map((el) => el.innerText));
    for (const part of ['Summary', 'Recommendations and actions', 'Milestones and the LGA process', 'Recommendations not accepted', 'The council accepted every recommendation.', 'All actions\t32\t100%']) {
      assert.ok(blocks.some((b) => b.includes(part)), `the page shows ${part}`);
    }
    const file = await download(page, () => page.getByRole('button', { name: 'Download as Word (.docx)' }).click());
    const word = squash(wordText(file.bytes));
    let from = 0;
    for (const block of blocks.map(squash).filter(Boolean)) {
      const at = word.indexOf(block, from);
      assert.ok(at >= 0, `the Word file has, after what comes before it on paper: ${block}`);
      from = at + block.length;
    }
    // The milestones as at the date, and overdue said in the page's words.
    for (const part of ['4 September 2019 Overview & Scrutiny Board review of the action plan Done', 'LGA follow-up visit Due', 'Not started Overdue by 127 days']) {
      assert.ok(word.includes(squash(part)), part);
    }
    // Havering's plan was agreed before the app had drafts: no marker.
    assert.ok(word.startsWith(squash('London Borough of Havering')) && !word.includes('Draft'), 'no draft marker');
    assert.deepEqual(errors, []);
  });
});

/** Opens a plan file as a new plan and returns its id. */
async function openFile(page, file, name) {
  await page.goto(`${server.url}#/import`);
  await ready(page);
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole('button', { name: 'Open as a new plan' }).click();
  await ready(page);
  return new URL(page.url()).hash.split('/')[2];
}

test('a plan not yet approved says Draft at the top of the page and of every printed page of each report', async () => {
  const file = await examplePlan();
  file.plan.draft = true;
  await withPage(browser, `${server.url}#/`, async ({ page, errors }) => {
    const id = await openFile(page, file, 'draft.plan.json');
    for (const kind of ['action-plan', 'progress', 'exceptions']) {
      await page.goto(`${server.url}#/plan/${id}/reports/${kind}?${OPTIONS}`);
      await page.getByTestId('report').waitFor();
      const marker = page.getByTestId('draft-marker');
      assert.equal(await marker.innerText(), DRAFT);
      // Said first in the report, before the council and the title.
      const first = await page.getByTestId('report').locator('header > *').first().getAttribute('data-testid');
      assert.equal(first, 'draft-marker');
      if (kind === 'progress') assert.deepEqual(await axeViolations(page), [], 'axe on the report with its draft marker');
      const { text, pages } = await print(page, `draft-${kind}`);
      if (kind !== 'exceptions') assert.ok(pages >= 2, `${kind}: ${pages} pages`);
      const each = pagesOf(text, pages);
      assert.equal(each.length, pages);
      each.forEach((p, i) => {
        assert.ok(squash(p).includes(squash(DRAFT)), `${kind}: page ${i + 1} of ${pages} says it is a draft`);
        assert.ok(squash(p).includes(`Page${i + 1}of${pages}`), `${kind}: page ${i + 1} is numbered`);
      });
      // No page is left with only its number (an empty wrapper on a page of its own).
      assert.ok(each.every((p) => squash(p).length > squash(`${DRAFT}Page${pages}of${pages}`).length), `${kind}: no empty page`);
      if (kind !== 'exceptions') {
        const word = await download(page, () => page.getByRole('button', { name: 'Download as Word (.docx)' }).click());
        assert.ok(squash(wordText(word.bytes)).startsWith(squash(`${DRAFT} London Borough of Havering`)), `${kind}: the draft marker comes first in Word`);
        assert.ok(word.bytes.includes('word/header1.xml') && word.bytes.toString('utf8').includes(`<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">${DRAFT}</w:t>`), `${kind}: and it heads every page`);
      }
    }
    assert.deepEqual(errors, []);
  });
});

test('a draft whose approval is recorded has no draft marker, on screen, on paper or in Word', async () => {
  const file = await examplePlan();
  file.plan.draft = true;
  file.plan.review.plan_approved = { date: '2019-09-04', by: 'Cabinet' };
  await withPage(browser, `${server.url}#/`, async ({ page, errors }) => {
    const id = await openFile(page, file, 'approved.plan.json');
    for (const kind of ['action-plan', 'progress', 'exceptions']) {
      await page.goto(`${server.url}#/plan/${id}/reports/${kind}?${OPTIONS}`);
      await page.getByTestId('report').waitFor();
      assert.equal(await page.getByTestId('draft-marker').count(), 0, kind);
      const { text, pages } = await print(page, `approved-${kind}`);
      assert.ok(!/Draft/.test(text), `${kind}: no Draft on paper`);
      assert.ok(squash(text).includes(`Page${pages}of${pages}`));
      if (kind !== 'exceptions') {
        const word = await download(page, () => page.getByRole('button', { name: 'Download as Word (.docx)' }).click());
        assert.ok(!/Draft/.test(wordText(word.bytes)) && !word.bytes.includes('word/header1.xml'), `${kind}: no Draft in Word`);
      }
    }
    assert.deepEqual(errors, []);
  });
});
