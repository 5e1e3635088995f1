// Run before every end-to-end file (vitest setupFiles): the file fails if, while it ran, the plugin's
// PHP wrote an error, warning, notice or deprecation to a harness site's debug.log. Pages hide them
// (WP_DEBUG_DISPLAY is off), so without this a warning in an admin screen or a route would pass.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { siteDir } from '../harness/paths.mjs';
import { e2eSite, siblingSiteName } from './lib/site';

const PHP_PROBLEM = /PHP (Fatal error|Parse error|Recoverable fatal error|Warning|Notice|Deprecated)/;
// The plugin as linked into the site, or as the repository holds it (__FILE__ resolves links).
const PLUGIN_FILE = /\/(wp-plugin|plugins\/leadtrail)\//;
// wpdb logs a failed query with the call chain that made it.
const PLUGIN_QUERY = /WordPress database error .*(LeadTrail\\|leadtrail_)/;
// WordPress reports the plugin's translations loaded before `after_setup_theme` from its own file:
// the plugin is named by its text domain (another plugin's early call into one of our filters does it).
const PLUGIN_EARLY_TRANSLATION = /Translation loading for the <code>leadtrail<\/code> domain was triggered too early/;
// A problem inside WordPress (wpdb) over one of the plugin's tables, named in its text.
const PLUGIN_TABLE = /\bwp_leadtrail_[a-z_]+/;
const isProblem = (line: string) =>
  (PHP_PROBLEM.test(line) && (PLUGIN_FILE.test(line) || PLUGIN_TABLE.test(line))) || PLUGIN_QUERY.test(line) || PLUGIN_EARLY_TRANSLATION.test(line);

// This worker's sites: its e2e one, and the empty one the upload test installs the built zip into.
const debugLogs = () => [e2eSite().name, siblingSiteName('upload')].map((name) => path.join(siteDir(name), 'debug.log'));
const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
let starts = new Map<string, number>();

/** What `file` gained since `start` (a log made afresh since then: all of it). */
function added(file: string, start: number): string {
  const end = size(file);
  if (end < start) start = 0;
  if (end === start) return '';
  const handle = fs.openSync(file, 'r');
  const bytes = Buffer.alloc(end - start);
  fs.readSync(handle, bytes, 0, bytes.length, start);
  fs.closeSync(handle);
  return bytes.toString('utf8');
}

beforeAll(() => {
  starts = new Map(debugLogs().map((file) => [file, size(file)]));
});

afterAll(() => {
  // Each problem once (without its time), with how often it came.
  const seen = new Map<string, number>();
  const lines = debugLogs().flatMap((file) => added(file, starts.get(file) ?? 0).split('\n'));
  for (const line of lines.filter(isProblem)) {
    const text = line.replace(/^\[[^\]]*\] /, '');
    seen.set(text, (seen.get(text) ?? 0) + 1);
  }
  if (seen.size > 0) {
    const list = [...seen].slice(0, 10).map(([text, n]) => `${n}x ${text}`);
    throw new Error(`the plugin's PHP logged problems in debug.log while this file ran:\n${list.join('\n')}`);
  }
});
