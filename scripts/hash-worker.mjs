// After trunk builds, before secure-dist.mjs: gives each worker's files (the spreadsheet
// worker, the storage worker) names that change with their contents, as trunk does for
// the app's own files (trunk leaves a worker's names plain, trunk-rs/trunk mod.rs `hashed_wasm_base`). Without this a browser
// could start last month's worker from its cache beside this month's app. The page finds
// each worker by `<meta name="app-sheets-worker">` or `<meta name="app-storage-worker">`
// in index.html.

import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const WORKERS = ['sheets-worker', 'storage-worker'];

function fail(why) {
  console.error(`hash-worker: ${why}. The build is stopped: the app could start an old worker.`);
  process.exit(1);
}

const index = join(dir, 'index.html');
let html = readFileSync(index, 'utf8');
// A release build's page is minified (Trunk.toml), which drops the quotes around values.
const anchors = html.match(/<meta charset=["']?utf-8["']?\s*\/?>/gi) ?? [];
if (anchors.length !== 1) fail(`expected one <meta charset="utf-8"> in ${index}`);
let metas = '';
for (const name of WORKERS) {
  const js = join(dir, `${name}.js`);
  const wasm = join(dir, `${name}_bg.wasm`);
  let code;
  let module;
  try {
    code = readFileSync(js);
    module = readFileSync(wasm);
  } catch {
    fail(`trunk did not leave ${name}.js and ${name}_bg.wasm in ${dir}`);
  }
  const hash = createHash('sha256').update(code).update(module).digest('hex').slice(0, 16);
  const base = `${name}-${hash}`;
  renameSync(js, join(dir, `${base}.js`));
  renameSync(wasm, join(dir, `${base}_bg.wasm`));
  rmSync(join(dir, `${name}_loader.js`), { force: true });
  // A module that cannot be fetched or started says so ("failed"), rather than leaving
  // the page waiting for its "ready".
  writeFileSync(join(dir, `${base}_loader.js`), `importScripts("./${base}.js");wasm_bindgen({module_or_path:"./${base}_bg.wasm"}).catch(()=>postMessage("failed"));`);
  html = html.replace(new RegExp(`\\s*<meta name=["']?app-${name}["']?[^>]*>`), '');
  metas += `\n  <meta name="app-${name}" content="${base}_loader.js">`;
  console.log(`hash-worker: the ${name} is ${base}`);
}
html = html.replace(anchors[0], `${anchors[0]}${metas}`);
writeFileSync(index, html);
