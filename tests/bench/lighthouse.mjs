// Lighthouse's mobile profile (its default: a mid-range phone, throttled network and CPU) on
// the published site's home page: the site build (target/site) with the Havering plan and
// the example site.json, served under a sub-path by a server that gzips what a real host
// gzips, so the sizes Lighthouse sees are the sizes a resident downloads. SITE_DIST names
// another build: the site the publish page makes, or the officer's app (dist/), whose
// first visit Lighthouse's fresh browser makes (the plan files it is given there are
// never read).
//
//   node tests/bench/lighthouse.mjs [results.json]     (scripts/bench builds first)
//
// LIGHTHOUSE names the lighthouse command (node_modules/.bin/lighthouse when absent);
// CHROME_PATH the browser (Debian's /usr/bin/chromium when absent). LIGHTHOUSE_RUNS runs
// it that many times (3 when absent) and reports the median of each figure.
// LIGHTHOUSE_REPORTS names a folder to keep each run's full report in (report-<n>.json).

import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../e2e/harness.mjs';

const SITE = process.env.SITE_DIST ?? join(ROOT, 'target', 'site');
const BASE = '/council/peer-challenge/';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const LIGHTHOUSE = process.env.LIGHTHOUSE ?? join(ROOT, 'node_modules', '.bin', 'lighthouse');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const out = process.argv[2] ?? join(ROOT, 'target', 'lighthouse-results.json');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** A static server for `dir` under BASE that gzips every answer the browser accepts gzip for. */
async function serveGzip(dir) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(dir, path.slice(BASE.length)));
    if (!path.startsWith(BASE) || !file.startsWith(dir)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 9 });
        headers['content-encoding'] = 'gzip';
        headers.vary = 'accept-encoding';
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}${BASE}`, close: () => new Promise((ok) => server.close(ok)) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function runOnce(url, report) {
  await promisify(execFile)(LIGHTHOUSE, [
    url,
    '--quiet',
    '--output=json',
    `--output-path=${report}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
  ], { env: { ...process.env, CHROME_PATH }, maxBuffer: 64 * 1024 * 1024 });
  const lhr = JSON.parse(await readFile(report, 'utf8'));
  const score = (id) => Math.round(lhr.categories[id].score * 100);
  const failed = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
    .map((a) => a.id);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    best_practices: score('best-practices'),
    seo: score('seo'),
    fcp_ms: Math.round(lhr.audits['first-contentful-paint'].numericValue),
    lcp_ms: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
    tbt_ms: Math.round(lhr.audits['total-blocking-time'].numericValue),
    si_ms: Math.round(lhr.audits['speed-index'].numericValue),
    tti_ms: Math.round(lhr.audits.interactive.numericValue),
    cls: Number(lhr.audits['cumulative-layout-shift'].numericValue.toFixed(3)),
    transfer_bytes: lhr.audits['total-byte-weight'].numericValue,
    failed,
  };
}

const dir = await mkdtemp(join(tmpdir(), 'cpc-lighthouse-'));
await cp(SITE, dir, { recursive: true });
// A site made by the publish page has its own plan and settings; a bare site build gets
// Havering's and the example settings.
if (!existsSync(join(dir, 'plan.json'))) await cp(join(ROOT, 'public/examples/havering-2019.plan.json'), join(dir, 'plan.json'));
if (!existsSync(join(dir, 'site.json'))) await cp(join(ROOT, 'public/site.example.json'), join(dir, 'site.json'));
const server = await serveGzip(dir);
try {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await runOnce(server.url, join(dir, `report-${i}.json`));
    if (process.env.LIGHTHOUSE_REPORTS) {
      await mkdir(process.env.LIGHTHOUSE_REPORTS, { recursive: true });
      await cp(join(dir, `report-${i}.json`), join(process.env.LIGHTHOUSE_REPORTS, `report-${i}.json`));
    }
    console.error(`  run ${i + 1}: ${JSON.stringify(run)}`);
    runs.push(run);
  }
  const result = { date: new Date().toISOString(), url: BASE, runs: RUNS };
  for (const key of Object.keys(runs[0])) {
    result[key] = typeof runs[0][key] === 'number' ? median(runs.map((r) => r[key])) : [...new Set(runs.flatMap((r) => r[key]))];
  }
  await writeFile(out, JSON.stringify(result, null, 2));
  console.log(`Lighthouse mobile, the home page of ${process.env.SITE_DIST ? SITE : 'the site build'} (median of ${RUNS}):`);
  console.log(`  performance ${result.performance}, accessibility ${result.accessibility}, best practices ${result.best_practices}, SEO ${result.seo}`);
  console.log(`  FCP ${result.fcp_ms} ms, LCP ${result.lcp_ms} ms (target ≤ 1200), TBT ${result.tbt_ms} ms, SI ${result.si_ms} ms, TTI ${result.tti_ms} ms, CLS ${result.cls}, ${result.transfer_bytes} bytes transferred`);
  if (result.failed.length) console.log(`  audits not passed: ${result.failed.join(', ')}`);
} finally {
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
