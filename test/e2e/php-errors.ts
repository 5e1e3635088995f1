// Run before every end-to-end file (vitest setupFiles): the file fails if, while it ran, the plugin's
// PHP wrote an error, warning, notice or deprecation to the site's debug.log. Pages hide them
// (WP_DEBUG_DISPLAY is off), so without this a warning in an admin screen or a route would pass.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { describeSite } from '../harness/wordpress.mjs';

const PHP_PROBLEM = /PHP (Fatal error|Parse error|Recoverable fatal error|Warning|Notice|Deprecated)/;
// The plugin as linked into the site, or as the repository holds it (__FILE__ resolves links).
const PLUGIN_FILE = /\/(wp-plugin|plugins\/leadtrail)\//;
// wpdb logs a failed query with the call chain that made it.
const PLUGIN_QUERY = /WordPress database error .*(LeadTrail\\|leadtrail_)/;
const isProblem = (line: string) => (PHP_PROBLEM.test(line) && PLUGIN_FILE.test(line)) || PLUGIN_QUERY.test(line);

const debugLog = () => path.join(describeSite({ name: 'e2e', port: inject('leadtrailPort'), withPlugin: true }).dir, 'debug.log');
const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
let start = 0;

beforeAll(() => {
  start = size(debugLog());
});

afterAll(() => {
  const file = debugLog();
  const end = size(file);
  if (end <= start) return;
  const handle = fs.openSync(file, 'r');
  const added = Buffer.alloc(end - start);
  fs.readSync(handle, added, 0, added.length, start);
  fs.closeSync(handle);
  // Each problem once (without its time), with how often it came.
  const seen = new Map<string, number>();
  for (const line of added.toString('utf8').split('\n').filter(isProblem)) {
    const text = line.replace(/^\[[^\]]*\] /, '');
    seen.set(text, (seen.get(text) ?? 0) + 1);
  }
  if (seen.size > 0) {
    const list = [...seen].slice(0, 10).map(([text, n]) => `${n}x ${text}`);
    throw new Error(`the plugin's PHP logged problems in debug.log while this file ran:\n${list.join('\n')}`);
  }
});
