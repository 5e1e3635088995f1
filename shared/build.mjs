// Builds the browser runtime: src/index.ts -> wp-plugin/assets/build/leadtrail.js (IIFE, minified,
// ES2019, no source map in the shipped file), then prints its raw and gzipped sizes.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const pkg = JSON.parse(readFileSync(here('./package.json'), 'utf8'));
const outfile = here('../wp-plugin/assets/build/leadtrail.js');
/** Goal for the core runtime, gzipped (bytes). */
const BUDGET = 5 * 1024;

await build({
  entryPoints: [here('./src/index.ts')],
  outfile,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2019',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  banner: { js: `/*! LeadTrail ${pkg.version} | GPL-2.0-or-later */` },
  define: { __LEADTRAIL_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});

const code = readFileSync(outfile);
const gz = gzipSync(code, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
console.log(`${outfile}\n  raw ${code.length} B (${kb(code.length)}), gzip ${gz} B (${kb(gz)}), budget ${kb(BUDGET)}`);
if (gz > BUDGET) console.warn(`  warning: over the gzipped budget by ${gz - BUDGET} B`);
