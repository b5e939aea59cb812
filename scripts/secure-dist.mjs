// After trunk builds: adds a Content Security Policy to index.html that allows only the
// site's own files, and the one inline script trunk writes to start the app, by its hash.
// Run by trunk as a post_build hook (Trunk.toml), so every build has it.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
if (scripts.length !== 1) {
  console.error(`secure-dist: expected trunk's one inline start-up script in ${file}, found ${scripts.length}`);
  process.exit(1);
}
const hash = createHash('sha256').update(scripts[0][1], 'utf8').digest('base64');
const policy = [
  "default-src 'self'",
  `script-src 'self' 'sha256-${hash}' 'wasm-unsafe-eval'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '');
html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  ${meta}`);
writeFileSync(file, html);
console.log(`secure-dist: Content Security Policy written to ${file}`);
