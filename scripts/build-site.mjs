// Builds target/site/: exactly the files a website hosts. Copies www/ (with
// the engine that build-web.sh put in www/pkg/); stylesheets lose their
// comments. The page's modules are bundled by esbuild, minified, with the
// code the entry points share split into chunks, so that the first view
// downloads a few files rather than one per module (per-file gzip costs
// about 4 KiB over the 150 KiB budget). Entry points keep their names: the
// pages, the element, the iframe embed, the worker and the modules loaded
// later (a module imported with `import()` is an entry of its own). The
// engine's glue (pkg/*.js) is not bundled: it finds its .wasm beside it. The
// index page's modulepreload links name the chunks its entry imports.
//
//   node scripts/build-site.mjs

import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { build } from 'esbuild';

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

/**
 * Scripts that pages load by name (HTML, `new Worker`, tests), bundled as
 * entry points in two builds: the calculator's, whose entries share one
 * chunk, and the every-council page's (which shares little with it: bundled
 * together, their common modules would split into more small files).
 */
const BUILDS = [
  ['app.js', 'embed.js', 'sfpc-calculator.js', 'embed-demo.js', 'simulation-worker.js', 'simulation-pool.js'],
  ['councils-page.js', 'map-embed.js', 'sfpc-map.js', 'summary-embed.js'],
];
/** A classic script (not a module) for host pages: minified alone. */
const CLASSIC = ['embed-host.js'];

rmSync(SITE, { recursive: true, force: true });
for (const path of files(SOURCE)) {
  const name = relative(SOURCE, path);
  const out = join(SITE, name);
  mkdirSync(dirname(out), { recursive: true });
  if (path.endsWith('.css')) {
    // Comments and layout are for readers of www/, not for the transfer size.
    // (Spaces before ':' stay: in a selector they are a combinator.)
    writeFileSync(out, readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ')
      .replace(/ ?([{};,]) ?/g, '$1').replace(/: /g, ':').trim());
  } else if (path.endsWith('.d.ts')) {
    continue; // types for tsc, not for browsers
  } else if (name.startsWith('pkg/') && path.endsWith('.js') || CLASSIC.includes(name)) {
    const { code } = await minify(readFileSync(path, 'utf8'), { module: !CLASSIC.includes(name), compress: true, mangle: true });
    writeFileSync(out, code);
  } else if (!path.endsWith('.js')) {
    cpSync(path, out);
  }
}

const bundles = await Promise.all(BUILDS.map((entries) => build({
  entryPoints: entries.map((e) => join(SOURCE, e)),
  outdir: SITE,
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  external: ['./pkg/*'],
  metafile: true,
  logLevel: 'warning',
})));

// The index page preloads what its entry imports, as built.
const app = Object.entries(bundles[0].metafile.outputs).find(([, o]) => o.entryPoint === 'www/app.js');
const preloads = app[1].imports.filter((i) => i.kind === 'import-statement')
  .map((i) => (i.external ? i.path.replace(/^\.\//, '') : relative(SITE, join(ROOT, i.path))));
const index = join(SITE, 'index.html');
writeFileSync(index, readFileSync(index, 'utf8').replace(/( *)<link rel="modulepreload" href="[^"]*">\n(\1<link rel="modulepreload" href="[^"]*">\n)*/,
  (block, indent) => preloads.map((p) => `${indent}<link rel="modulepreload" href="${p}">\n`).join('')));
console.error(`built ${relative(ROOT, SITE)}/`);
