// After trunk builds a release: minifies the JavaScript that wasm-bindgen writes, and puts
// its new Subresource Integrity hash into index.html. Trunk minifies the CSS and the page
// itself (Trunk.toml `minify`), but its own JavaScript minifier cannot read wasm-bindgen's
// `export { … as default }`, warns, and ships the file as it was. Terser (a pinned npm
// devDependency, plain JavaScript) reads it.
// secure-dist.mjs (the post_build hook) calls this first: trunk runs a stage's hooks at
// the same time, and both rewrite index.html. A debug build is left as it is. Without
// terser installed (`npm ci` installs it) the build goes on, with a warning, unminified.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Minifies the scripts `dir/index.html` names; throws when it cannot finish the job. */
export async function minifyDist(dir) {
  if ((process.env.TRUNK_PROFILE ?? 'release') !== 'release') return;
  let terser;
  try {
    terser = createRequire(import.meta.url)('terser');
  } catch {
    console.warn('minify-dist: terser is not installed (run npm ci); the JavaScript ships unminified.');
    return;
  }
  const page = join(dir, 'index.html');
  let html = readFileSync(page, 'utf8');
  // Only the files index.html names: trunk's loader for the app.
  const scripts = readdirSync(dir).filter((name) => name.endsWith('.js') && html.includes(name));
  for (const name of scripts) {
    const file = join(dir, name);
    const before = readFileSync(file, 'utf8');
    const result = await terser.minify(before, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    if (typeof result.code !== 'string' || result.code.length === 0) throw new Error(`terser returned nothing for ${name}`);
    writeFileSync(file, result.code);
    // The page names the file with its integrity hash: it must be the new file's.
    const link = new RegExp(`<link[^>]*href=["']?\\./${name.replace(/[.]/g, '\\.')}["']?[^>]*>`, 'g');
    const integrity = `sha384-${createHash('sha384').update(result.code, 'utf8').digest('base64')}`;
    html = html.replace(link, (tag) => tag.replace(/integrity=["']?sha(256|384|512)-[A-Za-z0-9+/=]+["']?/, `integrity="${integrity}"`));
    console.log(`minify-dist: ${name} ${before.length} → ${result.code.length} bytes`);
  }
  writeFileSync(page, html);
}
