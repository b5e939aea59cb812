// trunk's one post_build hook (Trunk.toml). Trunk runs a stage's hooks at the same time,
// and these must run in turn: the spreadsheet worker's files get their hashed names and
// index.html names them; then the Content Security Policy goes into index.html; last, the
// service worker's version is a hash of the files as they ship.
await import('./hash-worker.mjs');
await import('./secure-dist.mjs');
await import('./offline-dist.mjs');
