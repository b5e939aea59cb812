// trunk's one post_build hook (Trunk.toml). Trunk runs a stage's hooks at the same time,
// and these two must run in turn: the service worker's version is a hash of the files
// as they ship, after the Content Security Policy has gone into index.html.
await import('./secure-dist.mjs');
await import('./offline-dist.mjs');
