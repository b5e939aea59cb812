// After trunk builds (a post_build hook in Trunk.toml, after secure-dist.mjs): fills in the
// service worker's list of this build's files and its version, a hash of them all, so
// that every changed build is a changed worker. Run again by any script that adds files
// to a build afterwards: `node scripts/offline-dist.mjs <dir>`.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const worker = join(dir, 'sw.js');
const template = new URL('../public/offline/sw.js', import.meta.url);

function fail(why) {
  console.error(`offline-dist: ${why}. The build is stopped: it would not work offline.`);
  process.exit(1);
}

// Never kept: the worker itself; hosting settings, at any depth, which many hosts never
// serve (Apache refuses `.ht` files; Netlify and Cloudflare Pages read `_headers`), and one
// file that fails would stop the worker installing; and a published plan's own files,
// which change without a new build (the worker asks the network for those first).
const TOP = new Set(['sw.js', 'plan.json', 'site.json']);
const ANYWHERE = new Set(['_headers', '.htaccess']);
const kept = (file) => !TOP.has(file) && !ANYWHERE.has(file.split('/').at(-1));

function files(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [relative(dir, path).split(sep).join('/')];
  });
}

// Filled in from the template each time, so running this twice over one build is safe.
let text;
try {
  text = readFileSync(template, 'utf8');
} catch {
  fail(`the template ${template} is missing`);
}
if (!text.includes("'%FILES%'") || !text.includes("'%VERSION%'")) fail(`${template} has lost its placeholders`);
const list = files(dir).filter(kept).sort();
if (!list.includes('index.html')) fail(`there is no index.html in ${dir}`);
const hash = createHash('sha256');
for (const file of list) hash.update(file).update('\0').update(readFileSync(join(dir, file)));
const version = hash.digest('hex').slice(0, 16);
text = text.replace("'%FILES%'", JSON.stringify(list.map((f) => './' + f).join('\n'))).replace("'%VERSION%'", JSON.stringify(version));
writeFileSync(worker, text);
console.log(`offline-dist: ${worker} keeps ${list.length} files, version ${version}`);
