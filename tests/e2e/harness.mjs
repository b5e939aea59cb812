// Test tooling for the browser tests: a plain static file server for dist/ and headless
// Debian Chromium driven by playwright-core (no browser download).

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const DIST = join(ROOT, 'dist');
export const PLAN_ID = 'havering-cpc-2019';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Serves `dir` under `base` (such as "/" or "/peer-challenge/") on a free localhost port. */
export async function serve(dir = DIST, base = '/') {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}${base}`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * Headless Debian Chromium. Playwright gives the browser a fresh, temporary user-data-dir;
 * each test then opens its own context, whose storage starts empty.
 */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--lang=en-GB',
    ],
    // A UK council's browser: dates read and are typed day, month, year. Chromium on
    // Linux takes its language from LANGUAGE (with Debian's chromium-l10n installed).
    env: { ...process.env, LANGUAGE: 'en_GB' },
  });
}

/**
 * Opens a page that records console errors, uncaught exceptions and every request, so a
 * test can assert there were none it did not expect.
 */
export async function openPage(context, url) {
  const page = await context.newPage();
  return watch(page, url);
}

/** Records errors and requests of a page that is already open. */
export async function watch(page, url) {
  const errors = [];
  const requests = [];
  page.on('console', (msg) => {
    // A published site asks for its site.json, which a council may leave out: that 404
    // is the only error it may log. The officer's app asks for nothing that may be missing.
    const settings = /\/site\.json$/.test(msg.location()?.url ?? '');
    if (msg.type() === 'error' && !(settings && /404/.test(msg.text()))) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (req) => requests.push(req.url()));
  if (url) await page.goto(url);
  return { page, errors, requests };
}

/**
 * Waits until the app has rendered a page heading: on a first visit, once it has taken
 * the written front page's place (scripts/front.mjs), whose buttons wait for the app.
 */
export async function ready(page) {
  await page.waitForFunction(() => !document.querySelector('#static-page[data-front]'));
  await page.locator('main h1').first().waitFor();
}

/** WCAG 2.2 A and AA violations on the page as it stands. */
export async function axeViolations(page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

/** The example plan as the app ships it. */
export async function examplePlan() {
  return JSON.parse(await readFile(join(ROOT, 'public/examples/havering-2019.plan.json'), 'utf8'));
}

/**
 * Runs `body` with a page in a new browser context (empty storage), and closes the
 * context whatever happens. `initScript` runs in the page before the app does.
 */
export async function withPage(browser, url, body, { initScript, contextOptions } = {}) {
  const context = await browser.newContext({ locale: 'en-GB', ...contextOptions });
  try {
    if (initScript) await context.addInitScript(initScript);
    const watched = await openPage(context, url);
    return await body({ ...watched, context });
  } finally {
    await context.close();
  }
}

/**
 * Moves focus to `locator` by pressing Tab, as a keyboard user would, and fails if it
 * cannot be reached that way.
 */
export async function tabTo(page, locator, max = 200) {
  const target = await locator.elementHandle();
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((el) => document.activeElement === el, target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${locator} cannot be reached with the Tab key`);
}

/** Waits until the app says every change is saved. */
export async function saved(page) {
  await page.getByTestId('save-status').getByText('Saved', { exact: true }).waitFor();
}

/** The stored record of a plan, parsed. */
export async function storedPlan(page, id) {
  const text = await page.evaluate((key) => localStorage.getItem(key), `cpc-action-plan/plan/${id}`);
  return text === null ? null : JSON.parse(text);
}

/** Runs `act` and returns the file it downloads (as text and as bytes), with its suggested name. */
export async function download(page, act) {
  const [file] = await Promise.all([page.waitForEvent('download'), act()]);
  const stream = await file.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

/**
 * Types a date (YYYY-MM-DD) by keyboard into a GOV.UK date input whose Day box has focus:
 * day, Tab, month, Tab, year, as a person copying "4 3 2025" from a paper would.
 */
export async function typeDate(page, iso) {
  const [year, month, day] = iso.split('-');
  await page.keyboard.type(String(Number(day)));
  await page.keyboard.press('Tab');
  await page.keyboard.type(String(Number(month)));
  await page.keyboard.press('Tab');
  await page.keyboard.type(year);
}

/**
 * The GOV.UK date input named by its legend within `scope` (a page or a locator), or, for
 * `#id`, the one whose boxes have that id.
 */
export function dateGroup(scope, legend) {
  if (legend.startsWith('#')) return scope.locator(`fieldset:has(${legend}-day)`);
  return scope.getByRole('group', { name: legend, exact: true });
}

/**
 * Fills a date input's three boxes with a date (YYYY-MM-DD), or empties them for ''. The
 * year goes first, so a date being replaced never passes through a different real date
 * in an earlier year.
 */
export async function fillDate(scope, legend, iso) {
  const group = dateGroup(scope, legend);
  const [year, month, day] = iso ? iso.split('-') : ['', '', ''];
  await group.getByLabel('Year').fill(year);
  await group.getByLabel('Month').fill(month ? String(Number(month)) : '');
  await group.getByLabel('Day').fill(day ? String(Number(day)) : '');
  await group.getByLabel('Day').blur();
}

/** What a date input's boxes read as, YYYY-MM-DD ('' when empty). */
export async function dateIn(scope, legend) {
  const group = dateGroup(scope, legend);
  const [d, m, y] = await Promise.all(['Day', 'Month', 'Year'].map((b) => group.getByLabel(b).inputValue()));
  if (!d && !m && !y) return '';
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}
