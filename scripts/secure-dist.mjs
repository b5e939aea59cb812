// After trunk builds: minifies a release's JavaScript (minify-dist.mjs), then adds a Content Security Policy to index.html that allows only the
// site's own files, and the inline scripts in it, by their hashes (trunk's one start-up
// script; `scripts/serve` turns trunk's live-reload script off, because trunk fills in its
// address as it serves the page, after this hook has hashed it).
// Run after every build by scripts/finish-dist.mjs, trunk's post_build hook (Trunk.toml). Anything it does
// not recognise fails the build, loudly: a page without its policy must never ship.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyDist } from './minify-dist.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const file = join(dir, 'index.html');

function fail(why) {
  console.error(`secure-dist: ${why}. The build is stopped: the page would ship without its Content Security Policy.`);
  process.exit(1);
}

// First the JavaScript is minified, which changes index.html too: one hook, so the two
// never rewrite the page at the same time.
await minifyDist(dir).catch((e) => fail(`minifying the JavaScript failed: ${e.message}`));
let html = readFileSync(file, 'utf8');

const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs]) => !/\bsrc=/.test(attrs));
// A release build is minified (Trunk.toml), which drops the quotes around attribute values.
const startUp = inline.filter(([, attrs]) => /type=["']?module\b/.test(attrs));
if (startUp.length !== 1) fail(`expected trunk's one inline start-up script in ${file}, found ${startUp.length}`);
const hashes = inline.map(([, , body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval'`,
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
const anchors = html.match(/<meta charset=["']?utf-8["']?\s*\/?>/gi) ?? [];
if (anchors.length !== 1) fail(`expected one <meta charset="utf-8"> in ${file} to put the policy after`);
html = html.replace(anchors[0], `${anchors[0]}\n  ${meta}`);
if (!html.includes(meta)) fail(`the policy did not go into ${file}`);
writeFileSync(file, html);
console.log(`secure-dist: Content Security Policy written to ${file}`);
