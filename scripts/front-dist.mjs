// After trunk builds the officer's app (into dist/): puts the written front page
// (public/front.html, see scripts/front.mjs) into index.html, so a first visit shows the
// plans page before the app has downloaded. It goes in hidden, after the noscript message,
// with a script that shows it only where the app would draw exactly that page: at the
// plans page's address, in a browser that holds nothing of this app's (anything stored
// changes what the plans page shows). Without JavaScript it stays hidden and the noscript
// message is all there is. The start-up script (Trunk.toml) removes it when it stayed
// hidden, and otherwise starts the app once it has painted.
// Run after every build, before secure-dist (which hashes the script), by
// scripts/finish-dist.mjs, trunk's post_build hook (Trunk.toml). The site build (built
// into another folder) is left alone: a residents' site writes its own pages.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FRONT_FILE } from './front.mjs';

const root = resolve(process.env.TRUNK_SOURCE_DIR ?? '.');
const dist = resolve(process.env.TRUNK_DIST_DIR ?? 'dist');
const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';

function fail(why) {
  console.error(`front-dist: ${why}. The build is stopped.`);
  process.exit(1);
}

if (dist !== join(root, 'dist')) {
  console.log(`front-dist: ${dist} is not the officer's build; no front page`);
  process.exit(0);
}
const source = join(root, FRONT_FILE);
if (!existsSync(source)) fail(`${FRONT_FILE} is missing: write it with node scripts/write-front.mjs`);
const front = readFileSync(source, 'utf8').trim();
if (!front.includes('<main')) fail(`${FRONT_FILE} holds no <main>: write it again with node scripts/write-front.mjs`);

const file = join(staging, 'index.html');
let html = readFileSync(file, 'utf8');
if (html.includes('id="static-page"') || html.includes('id=static-page')) fail(`${file} has a written page already`);
// trunk's preload links (the app's script and WebAssembly) would start the app's download
// before the written page has painted, and on a first visit the page must come first. They
// are kept in a template: the script below puts them back in the head, where they start
// the download at once, whenever the written page stays hidden.
const preloads = /<link\b[^>]*\brel=["']?(?:preload|modulepreload)["']?[^>]*>/g;
const head = html.indexOf('</head>');
const links = html.slice(0, head).match(preloads) ?? [];
if (links.length === 0) fail(`${file} has no preload links for the app`);
html = html.slice(0, head).replace(preloads, '') + html.slice(head);
// The written page is shown only at the plans page's address (the app's addresses start
// `#/`; the plans page's is empty, `#` or `#/`), and only in a browser that holds nothing
// of this app's. Storage that cannot be read (blocked, or switched off) leaves it hidden:
// the app says why. Its skip link moves focus as the app's does, without putting
// `#main-content` in the address, which the app would then read as a page it does not have.
const show = `(() => {
  try {
    if (/^#?\\/?$/.test(location.hash) && !Object.keys(localStorage).some((k) => k.startsWith('cpc-action-plan/'))) {
      const page = document.getElementById('static-page');
      page.hidden = false;
      page.querySelector('.govuk-skip-link')?.addEventListener('click', (event) => {
        event.preventDefault();
        page.querySelector('#main-content')?.focus();
      });
      return;
    }
  } catch (e) {}
  document.head.append(document.getElementById('app-preloads').content);
})();`;
const written = `<div id="static-page" data-front hidden>${front}</div><template id="app-preloads">${links.join('')}</template><script>${show}</script>`;
const end = html.indexOf('</noscript>');
if (end < 0) fail(`${file} has no <noscript> message to put the front page after`);
const at = end + '</noscript>'.length;
html = html.slice(0, at) + written + html.slice(at);
writeFileSync(file, html);
console.log(`front-dist: the written front page (${front.length} bytes) is in ${file}`);
