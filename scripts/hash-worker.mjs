// After trunk builds, before secure-dist.mjs: gives the spreadsheet worker's files names
// that change with their contents, as trunk does for the app's own files (trunk leaves a
// worker's names plain, trunk-rs/trunk mod.rs `hashed_wasm_base`). Without this a browser
// could start last month's worker from its cache beside this month's app. The page finds
// the worker by `<meta name="app-sheets-worker">` in index.html.

import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const NAME = 'sheets-worker';

function fail(why) {
  console.error(`hash-worker: ${why}. The build is stopped: the app could start an old spreadsheet worker.`);
  process.exit(1);
}

const js = join(dir, `${NAME}.js`);
const wasm = join(dir, `${NAME}_bg.wasm`);
let code;
let module;
try {
  code = readFileSync(js);
  module = readFileSync(wasm);
} catch {
  fail(`trunk did not leave ${NAME}.js and ${NAME}_bg.wasm in ${dir}`);
}
const hash = createHash('sha256').update(code).update(module).digest('hex').slice(0, 16);
const base = `${NAME}-${hash}`;
renameSync(js, join(dir, `${base}.js`));
renameSync(wasm, join(dir, `${base}_bg.wasm`));
rmSync(join(dir, `${NAME}_loader.js`), { force: true });
writeFileSync(join(dir, `${base}_loader.js`), `importScripts("./${base}.js");wasm_bindgen("./${base}_bg.wasm");`);

const index = join(dir, 'index.html');
let html = readFileSync(index, 'utf8').replace(/\s*<meta name=["']?app-sheets-worker["']?[^>]*>/, '');
// A release build's page is minified (Trunk.toml), which drops the quotes around values.
const anchors = html.match(/<meta charset=["']?utf-8["']?\s*\/?>/gi) ?? [];
if (anchors.length !== 1) fail(`expected one <meta charset="utf-8"> in ${index}`);
html = html.replace(anchors[0], `${anchors[0]}\n  <meta name="app-sheets-worker" content="${base}_loader.js">`);
writeFileSync(index, html);
console.log(`hash-worker: the spreadsheet worker is ${base}`);
