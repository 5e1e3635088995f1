// How each browser bundle is made (build.mjs writes them; src/bundle.test.ts runs the built core):
// esbuild bundles and minifies (IIFE, ES2020, no source map), then terser minifies once more (its
// compressor finds about 4% that esbuild leaves).
import { build } from 'esbuild';
import { minify } from 'terser';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const pkg = JSON.parse(readFileSync(here('./package.json'), 'utf8'));

/**
 * The core's own property names that never leave it (not the page's API, not the wire, not what it
 * hands the other bundles) and that no built-in object has (never `add`, `open`, `start`...: every
 * use of the name in the bundle is renamed, a Set's or a DOM object's too): minified like local names.
 */
const internal = /^(config|siteKey|phoneMask|hit|sent|queue|outbox|checks|collect|server|timeout|commands|noWidgets|globals|reinit|alone|credentials|dyn)$/;

/** [entry, output, goal for the gzipped size in bytes, extra esbuild options], paths from shared/. */
export const bundles = [
  ['./src/index.ts', '../wp-plugin/assets/build/leadtrail.js', 5 * 1024, { mangleProps: internal }],
  ['./src/widgets/index.tsx', '../wp-plugin/assets/build/leadtrail-widgets.js', 25 * 1024],
  // Every visitor call's argument checks (and the loose reading of real sites' arguments) live here.
  ['./src/checks/index.ts', '../wp-plugin/assets/build/leadtrail-checks.js', 3 * 1024],
  ['./src/spa/index.ts', '../wp-plugin/assets/build/leadtrail-spa.js', 1024],
  ['./src/cloud/index.ts', '../wp-plugin/assets/build/leadtrail-cloud-fields.js', 2 * 1024],
  ['./src/forms/index.ts', '../wp-plugin/assets/build/leadtrail-forms.js', 1024],
  ['./src/phones/index.ts', '../wp-plugin/assets/build/leadtrail-phones.js', 3 * 1024],
  // The operators' status poll of getOperatorStatus(); the chat window is in the widgets.
  ['./src/chat/index.ts', '../wp-plugin/assets/build/leadtrail-chat.js', 1024],
  // The operator console in wp-admin (LeadTrail > Chats).
  ['./src/chat/console/index.ts', '../wp-plugin/assets/build/leadtrail-chat-console.js', 8 * 1024],
];

/** The shipped code of the bundle of `entry` (one of `bundles`). */
export async function bundle(entry) {
  const [, , , options] = bundles.find(([e]) => e == entry);
  const { outputFiles } = await build({
    entryPoints: [here(entry)],
    outfile: 'out.js',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // A notice only where a third party's licence asks for one (Preact's MIT, in the widgets): our
    // own code is the plugin's, GPL-2.0-or-later as its headers say, and the core is on every page.
    ...(entry.includes('widgets') && { banner: { js: `/*! LeadTrail ${pkg.version} | GPL-2.0-or-later | Preact (MIT) */` } }),
    define: { __LEADTRAIL_VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
    write: false,
    ...options,
  });
  // Safe transforms only (no `unsafe*`); a banner (a `/*!` comment) stays.
  return (await minify(outputFiles[0].text, { ecma: 2020, compress: { passes: 3 }, mangle: true, format: { comments: /^!/ } })).code;
}
