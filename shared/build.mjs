// Builds the browser runtime: src/index.ts -> wp-plugin/assets/build/leadtrail.js, and the widgets'
// bundle, loaded by it on demand: src/widgets/index.tsx -> leadtrail-widgets.js (Preact); the argument
// checks of the visitor calls, loaded by it on the first one: src/checks/index.ts -> leadtrail-checks.js;
// the single-page apps' history watcher: src/spa/index.ts -> leadtrail-spa.js; the cloud mode's
// fields: src/cloud/index.ts -> leadtrail-cloud-fields.js; the form watcher, loaded by it after the
// first hit answer: src/forms/index.ts -> leadtrail-forms.js
// (how: bundle.mjs). Prints each file's raw and gzipped size.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundle, bundles } from './bundle.mjs';

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

for (const [entry, out, budget] of bundles) {
  const outfile = fileURLToPath(new URL(out, import.meta.url));
  const code = Buffer.from(await bundle(entry));
  // A fresh clone has no build folder (it is not committed).
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, code);
  const gz = gzipSync(code, { level: 9 }).length;
  console.log(`${outfile}\n  raw ${code.length} B (${kb(code.length)}), gzip ${gz} B (${kb(gz)}), budget ${kb(budget)}`);
  if (gz > budget) console.warn(`  warning: over the gzipped budget by ${gz - budget} B`);
}
