// The residents' site as a council publishes it: made by the officer's app (dist/) on its
// "Publish for residents" page from the Havering plan, downloaded as the zip, and unzipped
// into a new folder, whose path is printed. `tests/bench/lighthouse.mjs` measures it with
// SITE_DIST set to that folder: the site with its plain HTML pages, as residents get it.
//
//   node tests/bench/published-zip.mjs     (after scripts/build)

import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, PLAN_ID } from '../e2e/harness.mjs';

const server = await serve();
const browser = await launch();
try {
  const context = await browser.newContext({ locale: 'en-GB', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${server.url}#/plan/${PLAN_ID}/publish`);
  await page.locator('main h1', { hasText: 'Publish for residents' }).waitFor();
  await page.getByLabel('Email address for residents').fill('policy@example.gov.uk');
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: "Download the residents' site (.zip)" }).click(),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'cpc-published-'));
  const zip = join(dir, 'site.zip');
  await file.saveAs(zip);
  const out = join(dir, 'site');
  execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, out]);
  await writeFile(join(dir, 'made.txt'), new Date().toISOString());
  console.log(out);
} finally {
  await browser.close();
  await server.close();
}
