// The benchmark: sizes and times of the release build in headless Chromium, on plans of
// three sizes. Each time is the median of RUNS runs after one warm-up, measured inside the
// page with performance.now(). Prints a table and writes the figures as JSON.
//
//   node tests/bench/bench.mjs [results.json]     (scripts/bench builds first)

import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, DIST, ROOT } from '../e2e/harness.mjs';
import { generate } from './generate.mjs';
import { measureEntry } from './entry.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// BENCH_ONLY=keystroke,dashboard measures only those (first, paint, import, table, dashboard,
// recommendations, keystroke, excel, reload, print, entry).
const ONLY = process.env.BENCH_ONLY?.split(',');
const want = (measure) => !ONLY || ONLY.includes(measure);
const out = process.argv[2] ?? join(ROOT, 'target', 'bench-results.json');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Runs `measure` once to warm up, then RUNS times, and returns the median of each figure. */
async function repeat(name, measure) {
  await measure();
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure());
  const figures = {};
  for (const key of Object.keys(runs[0])) figures[key] = typeof runs[0][key] === 'number' ? median(runs.map((r) => r[key])) : runs[0][key];
  console.error(`  ${name}: ${JSON.stringify(figures)}`);
  return figures;
}

// In every page: `__when(selector)` resolves with performance.now() once the selector
// matches, and `__marks` records when the officer's input arrived.
const instrument = () => {
  window.__marks = {};
  window.__when = (selector, count = 1) => new Promise((resolve) => {
    const check = () => document.querySelectorAll(selector).length >= count;
    if (check()) return resolve(performance.now());
    const observer = new MutationObserver(() => {
      if (check()) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
  addEventListener('change', () => { window.__marks.change = performance.now(); }, true);
  addEventListener('click', () => { window.__marks.click = performance.now(); }, true);
  addEventListener('keydown', () => { window.__marks.keydown = performance.now(); }, true);
  // The frame after an input event is the first that can show what the app made of it.
  addEventListener('input', () => requestAnimationFrame(() => { window.__marks.painted = performance.now(); }), true);
  // Every task that held the main thread 50 ms or more: [start, duration].
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
};

/** The longest task on the main thread between two times, in ms (0 when none was long). */
const longest = (tasks, from, to) => Math.max(0, ...tasks.filter(([start, d]) => start + d > from && start < to).map(([, d]) => d));

const SITE = join(ROOT, 'target', 'site');

// What index.html loads: not the workers (the spreadsheet worker, loaded when an Excel
// file is asked for; the storage worker, at the first save of a big plan) nor the service
// worker (registered after the first page is shown), measured apart.
const LATER = /^(sheets-worker|storage-worker|sw\.js$)/;

async function sizes(dir, later = false, only = null) {
  const files = (await readdir(dir)).filter((f) => LATER.test(f) === later && (!only || only.test(f)));
  const kinds = { wasm: /\.wasm$/, js: /\.js$/, css: /\.css$/, html: /\.html$/ };
  const result = {};
  for (const [kind, pattern] of Object.entries(kinds)) {
    let raw = 0, gzip = 0, brotli = 0;
    for (const name of files.filter((f) => pattern.test(f))) {
      const bytes = await readFile(join(dir, name));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
      brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    result[kind] = { raw, gzip, brotli };
  }
  result.total = Object.values(result).reduce((t, k) => ({ raw: t.raw + k.raw, gzip: t.gzip + k.gzip, brotli: t.brotli + k.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return result;
}

async function main() {
  // The served site: the release build, the reference page (with the app's own CSS), and the plans.
  const dir = await mkdtemp(join(tmpdir(), 'cpc-bench-'));
  await cp(DIST, dir, { recursive: true });
  const css = (await readdir(DIST)).find((f) => f.endsWith('.css'));
  await cp(join(DIST, css), join(dir, 'reference.css'));
  for (const f of ['reference.html', 'reference.mjs']) await cp(join(ROOT, 'tests/bench', f), join(dir, f));
  const plans = {};
  for (const size of ['S', 'M', 'L']) {
    plans[size] = JSON.stringify(generate(size));
    await writeFile(join(dir, `bench-${size}.plan.json`), plans[size]);
  }
  const server = await serve(dir, '/');
  // The published site (the site build) with the Havering plan beside it.
  const siteDir = await mkdtemp(join(tmpdir(), 'cpc-bench-site-'));
  await cp(SITE, siteDir, { recursive: true });
  await cp(join(ROOT, 'public/examples/havering-2019.plan.json'), join(siteDir, 'plan.json'));
  const siteServer = await serve(siteDir, '/');
  const browser = await launch();
  const results = {
    date: new Date().toISOString(),
    runs: RUNS,
    plans: {},
    bytes: await sizes(DIST),
    later_bytes: await sizes(DIST, true),
    sheets_worker_bytes: await sizes(DIST, true, /^sheets-worker/),
    storage_worker_bytes: await sizes(DIST, true, /^storage-worker/),
    site_bytes: await sizes(SITE),
  };
  for (const size of ['S', 'M', 'L']) {
    const plan = JSON.parse(plans[size]).plan;
    results.plans[size] = {
      bytes: plans[size].length,
      recommendations: plan.recommendations.length,
      actions: plan.recommendations.reduce((n, r) => n + r.actions.length, 0),
      updates: plan.recommendations.reduce((n, r) => n + r.actions.reduce((m, a) => m + a.updates.length, 0), 0),
    };
  }

  /** A fresh context (empty cache and storage) with the page instrumented. */
  // Service workers are blocked: the first visit's background download of the files to
  // keep (after the first page is shown) would otherwise land in later measurements.
  async function fresh(body, more) {
    const context = await browser.newContext({ locale: 'en-GB', serviceWorkers: 'block' });
    await context.addInitScript(instrument);
    if (more) await context.addInitScript(more);
    try {
      return await body(await context.newPage());
    } finally {
      await context.close();
    }
  }

  try {
    console.error('Measuring (median of', RUNS, 'runs after a warm-up):');
    if (want('paint')) {
      // The three cold loads take turns, run after run, so that the machine's load drifting
      // over the minutes weighs on each alike; paints are quick and noisy, so they get
      // three times the runs.
      const paint = (url) => () => fresh(async (page) => {
        await page.goto(url);
        return { ms: await page.evaluate(() => __when('section[data-recommendation-id]', 13)) };
      });
      const loads = {
        paint_s: paint(`${server.url}#/plan/havering-cpc-2019/recommendations`),
        reference_s: paint(`${server.url}reference.html?plan=examples/havering-2019.plan.json`),
        paint_site: paint(`${siteServer.url}#/plan/havering-cpc-2019/recommendations`),
      };
      const times = Object.fromEntries(Object.keys(loads).map((k) => [k, []]));
      for (const load of Object.values(loads)) await load();
      for (let i = 0; i < RUNS * 3; i++) {
        for (const [name, load] of Object.entries(loads)) times[name].push((await load()).ms);
      }
      for (const [name, list] of Object.entries(times)) {
        results[name] = { ms: median(list), runs: list.length };
        console.error(`  ${name}: ${JSON.stringify(results[name])}`);
      }
      results.paint_s.ratio_to_reference = Number((results.paint_s.ms / results.reference_s.ms).toFixed(2));
      results.paint_site.ratio_to_reference = Number((results.paint_site.ms / results.reference_s.ms).toFixed(2));
    }

    // An officer's first visit (a fresh browser, the plans page): when its first page is
    // shown (a heading in view), and when the app is ready to use it (its own page drawn,
    // a written page, when there is one, taken away). Noted from the start of the page.
    const firsts = () => {
      window.__firsts = {};
      const shown = () => [...document.querySelectorAll('main h1')].some((h) => !h.closest('[hidden]'));
      new MutationObserver((_, observer) => {
        if (__firsts.shown === undefined && shown()) __firsts.shown = performance.now();
        if (__firsts.shown !== undefined && !document.getElementById('static-page')) {
          __firsts.ready = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
    };
    if (want('first')) results.first_visit = await repeat('first visit: first page shown / app ready', () => fresh(async (page) => {
      await page.goto(server.url);
      await page.waitForFunction(() => window.__firsts.ready !== undefined);
      const { shown, ready } = await page.evaluate(() => window.__firsts);
      return { shown_ms: shown, ready_ms: ready };
    }, firsts));

    for (const size of want('import') ? ['M', 'L'] : []) {
      const recs = results.plans[size].recommendations;
      results[`import_${size.toLowerCase()}`] = await repeat(`import ${size}`, () => fresh(async (page) => {
        await page.goto(`${server.url}#/import`);
        await page.locator('#import-file').waitFor();
        const preview = page.evaluate(() => __when('[data-testid="import-preview"]'));
        await page.locator('#import-file').setInputFiles(join(dir, `bench-${size}.plan.json`));
        const previewAt = await preview;
        await page.getByRole('button', { name: 'Open as a new plan' }).click();
        const shownAt = await page.evaluate(() => __when('[data-testid="plan-summary"]'));
        const marks = await page.evaluate(() => __marks);
        return { to_preview_ms: previewAt - marks.change, to_plan_ms: shownAt - marks.change, open_ms: shownAt - marks.click, recommendations: recs };
      }));
    }

    // A table of 5,000 action rows (500 recommendations, each spanning its 10 rows) pasted
    // as Word puts it on the clipboard: from the paste to the preview's counts drawn.
    if (want('table')) {
      const rows = ['<tr><th>No.</th><th>Recommendation</th><th>Action</th><th>Timescale</th><th>Lead</th><th>Status</th></tr>'];
      for (let r = 1; r <= 500; r++) {
        for (let a = 1; a <= 10; a++) {
          const rec = a === 1 ? `<td rowspan=10><p>${r}</p></td><td rowspan=10><p>Recommendation ${r}: improve the way the council works</p><p><i>The peer team found room to do better in area ${r}.</i></p></td>` : '';
          rows.push(`<tr>${rec}<td><p>Action ${r}.${a}: do the work that recommendation ${r} asks for, and report on it</p></td><td><p>${['March 2020', 'On-going', 'Q3 2020/21', 'December 2021'][a % 4]}</p></td><td><p>Director of Place and AD Policy</p></td><td><p>${['Green', 'Amber', 'Red', 'Completed'][a % 4]}</p></td></tr>`);
        }
      }
      const html = `<html><body><!--StartFragment--><table>${rows.join('\n')}</table><!--EndFragment--></body></html>`;
      results.table_paste_5000 = await repeat('5,000-row table pasted: preview shown', () => fresh(async (page) => {
        await page.goto(`${server.url}#/new/table`);
        await page.locator('#table-paste').waitFor();
        return page.evaluate(async (clip) => {
          const shown = __when('[data-testid="table-counts"]');
          const data = new DataTransfer();
          data.setData('text/html', clip);
          const start = performance.now();
          document.getElementById('table-paste').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
          await shown;
          await new Promise((resolve) => requestAnimationFrame(() => resolve()));
          return { ms: performance.now() - start, counts: document.querySelector('[data-testid="table-counts"]').textContent };
        }, html);
      }));
    }

    // Havering's plan typed in by keyboard, as an officer copying the committee paper.
    if (want('entry')) {
      results.entry = await measureEntry(browser, server.url);
      console.error(`  entry: ${JSON.stringify(results.entry)}`);
    }

    // The rest on L, opened once in one page, as an officer would work with it.
    const context = await browser.newContext({ locale: 'en-GB', serviceWorkers: 'block' });
    await context.addInitScript(instrument);
    const page = await context.newPage();
    await page.goto(`${server.url}#/import`);
    await page.locator('#import-file').setInputFiles(join(dir, 'bench-L.plan.json'));
    await page.getByRole('button', { name: 'Open as a new plan' }).click();
    await page.getByTestId('plan-summary').waitFor();
    const planId = new URL(page.url()).hash.split('/')[2];

    if (want('dashboard')) results.dashboard_l = await repeat('dashboard of L', async () => {
      await page.evaluate((id) => { location.hash = `#/plan/${id}`; }, planId);
      await page.getByTestId('plan-summary').waitFor();
      const start = await page.evaluate(() => performance.now());
      await page.evaluate((id) => { location.hash = `#/plan/${id}/dashboard`; }, planId);
      const done = await page.evaluate(() => __when('[data-testid="summary"]'));
      // And until the frame that shows it has been drawn (styles, layout and paint).
      const painted = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())))));
      return { ms: done - start, painted_ms: painted - start };
    });

    if (want('recommendations')) results.recommendations_l = await repeat('recommendations page of L (page 1 of 10)', async () => {
      await page.evaluate((id) => { location.hash = `#/plan/${id}`; }, planId);
      await page.getByTestId('plan-summary').waitFor();
      const start = await page.evaluate(() => performance.now());
      await page.evaluate((id) => { location.hash = `#/plan/${id}/recommendations`; }, planId);
      const done = await page.evaluate(() => __when('section[data-recommendation-id]', 20));
      return { ms: done - start };
    });

    if (want('keystroke')) {
    await page.evaluate((id) => { location.hash = `#/plan/${id}/actions/r100-a10/edit`; }, planId);
    const text = page.getByLabel('What the council will do');
    await text.waitFor();
    await text.focus();
    // Notes each time the save status settles, with what it says.
    await page.evaluate(() => {
      const status = document.querySelector('[data-testid="save-status"]');
      new MutationObserver(() => {
        if (/^(Saved|Not saved)$/.test(status.textContent)) window.__marks.saved = [performance.now(), status.textContent];
      }).observe(status, { childList: true, subtree: true, characterData: true });
    });
    results.keystroke_l = await repeat('a keystroke in an action on L', async () => {
      await page.getByTestId('save-status').filter({ hasText: /^(Saved|Not saved)$/ }).waitFor();
      await page.waitForTimeout(100);
      await page.evaluate(() => { window.__marks = {}; });
      await page.keyboard.press('x');
      await page.waitForFunction(() => window.__marks.painted > window.__marks.keydown);
      await page.waitForFunction(() => window.__marks.saved && window.__marks.saved[0] > window.__marks.keydown, null, { timeout: 20000 });
      const marks = await page.evaluate(() => __marks);
      const tasks = await page.evaluate(() => __long);
      return {
        // The save runs after the 400 ms pause: the longest the page could not answer then.
        save_blocked_ms: longest(tasks, marks.keydown + 350, marks.saved[0] + 1),
        shown_ms: marks.painted - marks.keydown,
        saved_ms: marks.saved[0] - marks.keydown,
        save_write_ms: marks.saved[0] - marks.keydown - 400,
        result: marks.saved[1],
      };
    });
    const stored = await page.evaluate((id) => localStorage.getItem(`cpc-action-plan/plan/${id}`)?.length ?? 0, planId);
    results.save_l = { fits: results.keystroke_l.result === 'Saved', stored_utf16_units: stored, plan_file_bytes: results.plans.L.bytes, chromium_limit_utf16_units: 5242880 };
    }

    // An Excel file of L's progress report: from the click to the download, and the
    // longest the page could not answer meanwhile (the worker does the writing).
    if (want('excel')) results.excel_l = await repeat('Excel progress report of L', async () => {
      await page.evaluate((id) => { location.hash = `#/plan/${id}/reports/progress?as_at=2021-01-01`; }, planId);
      await page.getByTestId('report').waitFor();
      const button = page.getByRole('button', { name: 'Download as Excel (.xlsx)' });
      const start = await page.evaluate(() => { window.__long = []; return performance.now(); });
      const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
      const done = await page.evaluate(() => performance.now());
      const tasks = await page.evaluate(() => __long);
      const path = await file.path();
      return { ms: done - start, main_thread_blocked_ms: longest(tasks, start, done), xlsx_bytes: (await readFile(path)).length };
    });

    // A returning officer: L read back from storage (unpacked and checked) at start-up.
    if (want('reload')) results.reload_l = await repeat('reload with L stored: to its overview shown', async () => {
      await page.evaluate((id) => { location.hash = `#/plan/${id}`; }, planId);
      await page.getByTestId('plan-summary').waitFor();
      await page.reload();
      const shown = await page.evaluate(() => __when('[data-testid="plan-summary"]'));
      return { ms: shown };
    });

    if (want('print')) results.print_l = await repeat('progress report of L to PDF', async () => {
      await page.evaluate((id) => { location.hash = `#/plan/${id}/reports/progress?as_at=2021-01-01`; }, planId);
      await page.getByTestId('report').waitFor();
      const start = Date.now();
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      return { ms: Date.now() - start, pdf_bytes: pdf.length };
    });
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    await siteServer.close();
  }

  await writeFile(out, JSON.stringify(results, null, 2));
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  const budget = (ok) => (ok ? 'within' : 'MISSED');
  const row = (ready, ...cells) => (ready ? [cells] : []);
  const rows = [
    // A first visit shows the written plans page (scripts/front.mjs) with index.html and
    // the CSS alone; the app's script and WebAssembly follow its first paint.
    ['First visit: what its first page needs, gzip (html+css)', kb(results.bytes.html.gzip + results.bytes.css.gzip), '≤ 300 KB', budget(results.bytes.html.gzip + results.bytes.css.gzip <= 300 * 1024)],
    ['First load (the app), gzip (wasm+js+css+html)', kb(results.bytes.total.gzip), '≤ 250 KB', budget(results.bytes.total.gzip <= 250 * 1024)],
    ['  of which wasm / js / css / html', `${kb(results.bytes.wasm.gzip)} / ${kb(results.bytes.js.gzip)} / ${kb(results.bytes.css.gzip)} / ${kb(results.bytes.html.gzip)}`, '', ''],
    ['First load, brotli', kb(results.bytes.total.brotli), '', ''],
    ['Loaded later (the workers and the service worker), gzip', `${kb(results.later_bytes.total.gzip)} (wasm ${kb(results.later_bytes.wasm.gzip)})`, '', ''],
    ['  the spreadsheet worker (at the first Excel file)', kb(results.sheets_worker_bytes.total.gzip), '', ''],
    ['  the storage worker (at the first save of a big plan)', kb(results.storage_worker_bytes.total.gzip), '', ''],
    ['Published site, first load, gzip', kb(results.site_bytes.total.gzip), '≤ 250 KB', budget(results.site_bytes.total.gzip <= 250 * 1024)],
    ['  of which wasm / js / css / html', `${kb(results.site_bytes.wasm.gzip)} / ${kb(results.site_bytes.js.gzip)} / ${kb(results.site_bytes.css.gzip)} / ${kb(results.site_bytes.html.gzip)}`, '', ''],
    ...row(results.first_visit, 'First visit: first page shown / app ready', `${results.first_visit?.shown_ms.toFixed(0)} / ${results.first_visit?.ready_ms.toFixed(0)} ms`, '', ''),
    ...row(results.paint_s, 'S painted, cold', `${results.paint_s?.ms.toFixed(0)} ms`, '≤ 1000 ms', budget(results.paint_s?.ms <= 1000)),
    ...row(results.paint_s, '  reference page (plain JS)', `${results.reference_s?.ms.toFixed(0)} ms (ratio ${results.paint_s?.ratio_to_reference})`, 'ratio ≤ 1.5', budget(results.paint_s?.ratio_to_reference <= 1.5)),
    ...row(results.paint_site, 'Published site: S painted, cold', `${results.paint_site?.ms.toFixed(0)} ms (ratio ${results.paint_site?.ratio_to_reference})`, 'ratio ≤ 1.5', budget(results.paint_site?.ratio_to_reference <= 1.5)),
    ...row(results.import_m, 'Import M: preview / plan shown', `${results.import_m?.to_preview_ms.toFixed(0)} / ${results.import_m?.to_plan_ms.toFixed(0)} ms`, '', ''),
    ...row(results.import_l, 'Import L: preview / plan shown', `${results.import_l?.to_preview_ms.toFixed(0)} / ${results.import_l?.to_plan_ms.toFixed(0)} ms`, '≤ 1000 / 1500 ms', budget(results.import_l?.to_preview_ms <= 1000 && results.import_l?.to_plan_ms <= 1500)),
    ...row(results.table_paste_5000, 'Table of 5,000 rows pasted: preview shown', `${results.table_paste_5000?.ms.toFixed(0)} ms`, '≤ 1000 ms', budget(results.table_paste_5000?.ms <= 1000)),
    ...row(results.dashboard_l, 'Dashboard of L: in the page / drawn', `${results.dashboard_l?.ms.toFixed(0)} / ${results.dashboard_l?.painted_ms?.toFixed(0)} ms`, '≤ 300 ms', budget(results.dashboard_l?.ms <= 300)),
    ...row(results.recommendations_l, 'Recommendations page of L (20 of 200)', `${results.recommendations_l?.ms.toFixed(0)} ms`, '', ''),
    ...row(results.keystroke_l, 'Keystroke on L: shown', `${results.keystroke_l?.shown_ms.toFixed(0)} ms`, '≤ 50 ms', budget(results.keystroke_l?.shown_ms <= 50)),
    ...row(results.keystroke_l, 'Keystroke on L: saved (after the 400 ms pause)', `${results.keystroke_l?.saved_ms.toFixed(0)} ms: ${results.keystroke_l?.result}`, 'L must save', budget(results.save_l?.fits)),
    ...row(results.keystroke_l, '  main thread held by the save of L (longest task)', `${results.keystroke_l?.save_blocked_ms.toFixed(0)} ms`, '', ''),
    ...row(results.excel_l, 'Excel progress report of L: click to file / page held', `${results.excel_l?.ms.toFixed(0)} / ${results.excel_l?.main_thread_blocked_ms.toFixed(0)} ms`, '', ''),
    ...row(results.save_l, '  L as stored (characters)', `${results.save_l?.stored_utf16_units} of ${results.save_l?.chromium_limit_utf16_units}`, '', ''),
    ...row(results.reload_l, 'Reload with L stored: overview shown', `${results.reload_l?.ms.toFixed(0)} ms`, '', ''),
    ...row(results.print_l, 'Progress report of L to PDF', `${results.print_l?.ms.toFixed(0)} ms`, '', ''),
    ...row(results.entry, `Havering (${results.entry?.actions} actions) entered by keyboard: keys`, `${results.entry?.key_presses} (${results.entry?.other_keys} not typing text), script ${results.entry?.script_seconds} s`, '', ''),
    ...row(results.entry, '  a person pasting from the paper / typing it all', `${results.entry?.person_minutes_pasting_text} / ${results.entry?.person_minutes_typing_everything} min`, '≤ 15 min', budget(results.entry?.person_minutes_pasting_text <= 15)),
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`Plans: S ${results.plans.S.actions} actions, M ${results.plans.M.actions}, L ${results.plans.L.actions} (${(results.plans.L.bytes / 1e6).toFixed(1)} MB, ${results.plans.L.updates} updates)`);
  for (const [what, value, target, verdict] of rows) console.log(`${what.padEnd(width)}  ${value.padEnd(28)}  ${target.padEnd(16)}  ${verdict}`);
  console.log(`Figures written to ${out}`);
}

await main();
