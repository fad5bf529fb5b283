// Builds target/site/: exactly the files a website hosts. Copies www/ (with
// the engine that build-web.sh put in www/pkg/), each JavaScript file
// minified by terser: names shortened and comments dropped, which takes a
// third off the page's transfer size; stylesheets lose their comments. Nothing is bundled: the modules keep
// their names, so the page, the element and the iframe share them.
//
//   node scripts/build-site.mjs

import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'www');
const SITE = join(ROOT, 'target', 'site');

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

rmSync(SITE, { recursive: true, force: true });
for (const path of files(SOURCE)) {
  const out = join(SITE, relative(SOURCE, path));
  mkdirSync(dirname(out), { recursive: true });
  if (path.endsWith('.css')) {
    // Comments are for readers of www/, not for the transfer size.
    writeFileSync(out, readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''));
    continue;
  }
  if (!path.endsWith('.js')) {
    cpSync(path, out);
    continue;
  }
  const { code } = await minify(readFileSync(path, 'utf8'), { module: true, compress: true, mangle: true });
  writeFileSync(out, code);
}
console.error(`built ${relative(ROOT, SITE)}/`);
