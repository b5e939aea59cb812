// Writes public/front.html, the written front page (scripts/front.mjs), from the app as
// built in dist/: run it after a change to what a browser that has never used the app sees
// first (the plans page, the header, the footer, the example plan), then build again.
// tests/e2e/front.test.mjs fails, naming this script, while the file is out of date.
//
//   ./scripts/build && node scripts/write-front.mjs && ./scripts/build

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, launch, serve } from '../tests/e2e/harness.mjs';
import { FRONT_FILE, drawnFront, writtenFront } from './front.mjs';

const server = await serve(DIST);
const browser = await launch();
try {
  const context = await browser.newContext({ locale: 'en-GB', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.url);
  // The app has drawn its page once no written page is left, whether or not the build
  // being read had one.
  await page.waitForFunction(() => !document.getElementById('static-page') && document.querySelector('main h1'));
  // Its effects (the title, the buttons' states) run after the first drawing.
  await page.waitForTimeout(200);
  writeFileSync(join(ROOT, FRONT_FILE), `${writtenFront(await drawnFront(page))}\n`);
  console.log(`write-front: ${FRONT_FILE} written from ${DIST}; build again to put it in index.html`);
} finally {
  await browser.close();
  await server.close();
}
