// trunk's one post_build hook (Trunk.toml). Trunk runs a stage's hooks at the same time,
// and these must run in turn, each as its own process (each stops the build by failing):
// the spreadsheet worker's files get their hashed names and index.html names them; the
// Content Security Policy goes into index.html; the site build is copied into the
// officer's build for the publish page; last, the service worker's version is a hash of
// the files as they ship, and its list keeps them all for offline use.

import { execFileSync } from 'node:child_process';

for (const script of ['hash-worker.mjs', 'front-dist.mjs', 'secure-dist.mjs', 'embed-site.mjs', 'offline-dist.mjs']) {
  try {
    execFileSync(process.execPath, [new URL(script, import.meta.url).pathname, ...process.argv.slice(2)], { stdio: 'inherit' });
  } catch {
    process.exit(1);
  }
}
