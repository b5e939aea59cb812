// After trunk builds the officer's app (into dist/): copies the site build (target/site,
// made first by `trunk build --release --features site --dist target/site`) into its
// site/ folder, hashed file names and all, with site/files.json listing its files. The
// publish page fetches them only when it is opened, so the app's first load is unchanged,
// and it can make the residents' site offline.
// Run after every build by scripts/finish-dist.mjs, trunk's post_build hook (Trunk.toml).
// It never runs trunk itself, so there is no recursion; builds into any other folder (the
// site build itself) are left alone.

import { cpSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(process.env.TRUNK_SOURCE_DIR ?? '.');
const dist = resolve(process.env.TRUNK_DIST_DIR ?? 'dist');
const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const site = join(root, 'target/site');

if (dist !== join(root, 'dist')) {
  console.log(`embed-site: ${dist} is not the officer's build; nothing to embed`);
  process.exit(0);
}
if (!existsSync(join(site, 'index.html'))) {
  console.warn('embed-site: there is no site build in target/site, so this app cannot publish a residents\' site. Build it first: trunk build --release --features site --dist target/site (./scripts/build does both).');
  process.exit(0);
}

const into = join(staging, 'site');
cpSync(site, into, { recursive: true });
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(into, path).split('\\').join('/'));
  }
})(into);
const list = files.filter((f) => f !== 'files.json');
writeFileSync(join(into, 'files.json'), JSON.stringify(list, null, 1));
console.log(`embed-site: the site build's ${list.length} files are in ${into}`);
