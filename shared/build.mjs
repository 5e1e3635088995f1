// Builds the browser runtime: src/index.ts -> wp-plugin/assets/build/leadtrail.js, and the widgets'
// bundle, loaded by it on demand: src/widgets/index.tsx -> leadtrail-widgets.js (Preact; both IIFE,
// minified, ES2020, no source map in the shipped files); the argument checks of the rarely called
// methods, loaded by it on their first call: src/checks/index.ts -> leadtrail-checks.js. esbuild bundles
// and minifies; terser then minifies once more (its compressor finds about 4% that esbuild leaves).
// Prints each file's raw and gzipped size.
import { build } from 'esbuild';
import { minify } from 'terser';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const pkg = JSON.parse(readFileSync(here('./package.json'), 'utf8'));
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

/**
 * The core's own property names that never leave it (not the page's API, not the wire, not what it
 * hands the other bundles or reads from the DOM): minified like local names.
 */
const internal = /^(config|siteKey|phoneMask|hit|sent|queue|outbox|checks|start|stop|open|add|collect|server|timeout)$/;

/** [entry, output, goal for the gzipped size in bytes, extra esbuild options]. */
const bundles = [
  ['./src/index.ts', '../wp-plugin/assets/build/leadtrail.js', 5 * 1024, { mangleProps: internal }],
  ['./src/widgets/index.tsx', '../wp-plugin/assets/build/leadtrail-widgets.js', 25 * 1024],
  ['./src/checks/index.ts', '../wp-plugin/assets/build/leadtrail-checks.js', 2 * 1024],
  ['./src/cloud/index.ts', '../wp-plugin/assets/build/leadtrail-cloud-fields.js', 2 * 1024],
];

for (const [entry, out, budget, options] of bundles) {
  const outfile = here(out);
  const { outputFiles } = await build({
    entryPoints: [here(entry)],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    banner: { js: `/*! LeadTrail ${pkg.version} | GPL-2.0-or-later${entry.includes('widgets') ? ' | Preact (MIT)' : ''} */` },
    define: { __LEADTRAIL_VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
    write: false,
    ...options,
  });
  // Safe transforms only (no `unsafe*`); the banner (a `/*!` comment) stays.
  const minified = await minify(outputFiles[0].text, { ecma: 2020, compress: { passes: 3 }, mangle: true, format: { comments: /^!/ } });
  writeFileSync(outfile, minified.code);
  const code = readFileSync(outfile);
  const gz = gzipSync(code, { level: 9 }).length;
  console.log(`${outfile}\n  raw ${code.length} B (${kb(code.length)}), gzip ${gz} B (${kb(gz)}), budget ${kb(budget)}`);
  if (gz > budget) console.warn(`  warning: over the gzipped budget by ${gz - budget} B`);
}
