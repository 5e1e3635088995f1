// Builds the browser runtime: src/index.ts -> wp-plugin/assets/build/leadtrail.js, and the widgets'
// bundle, loaded by it on demand: src/widgets/index.tsx -> leadtrail-widgets.js (Preact; both IIFE,
// minified, ES2019, no source map in the shipped files); the argument checks of the rarely called
// methods, loaded by it on their first call: src/checks/index.ts -> leadtrail-checks.js. Prints each
// file's raw and gzipped size.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const pkg = JSON.parse(readFileSync(here('./package.json'), 'utf8'));
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

/** [entry, output, goal for the gzipped size in bytes]. */
const bundles = [
  ['./src/index.ts', '../wp-plugin/assets/build/leadtrail.js', 5 * 1024],
  ['./src/widgets/index.tsx', '../wp-plugin/assets/build/leadtrail-widgets.js', 25 * 1024],
  ['./src/checks/index.ts', '../wp-plugin/assets/build/leadtrail-checks.js', 2 * 1024],
  ['./src/cloud/index.ts', '../wp-plugin/assets/build/leadtrail-cloud-fields.js', 2 * 1024],
];

for (const [entry, out, budget] of bundles) {
  const outfile = here(out);
  await build({
    entryPoints: [here(entry)],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    banner: { js: `/*! LeadTrail ${pkg.version} | GPL-2.0-or-later${entry.includes('widgets') ? ' | Preact (MIT)' : ''} */` },
    define: { __LEADTRAIL_VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
  });
  const code = readFileSync(outfile);
  const gz = gzipSync(code, { level: 9 }).length;
  console.log(`${outfile}\n  raw ${code.length} B (${kb(code.length)}), gzip ${gz} B (${kb(gz)}), budget ${kb(budget)}`);
  if (gz > budget) console.warn(`  warning: over the gzipped budget by ${gz - budget} B`);
}
