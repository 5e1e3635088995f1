// The released form plugins (the zips `sharedPlugins` of test/harness/paths.mjs points to), installed into
// the e2e site and driven through their own PHP API (test/e2e/php/).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedPlugins } from '../../harness/paths.mjs';
import { run } from '../../harness/processes.mjs';
import { e2eSite } from './site';

const phpDir = fileURLToPath(new URL('../php/', import.meta.url));
const site = e2eSite;

/** The released zip of `slug` (`<slug>-<version>.zip`), if the machine has it. */
function pluginZip(slug: string): string | undefined {
  if (!fs.existsSync(sharedPlugins)) return undefined;
  const name = fs.readdirSync(sharedPlugins).find((file) => new RegExp(`^${slug}-\\d[\\w.]*\\.zip$`).test(file));
  return name && path.join(sharedPlugins, name);
}

/**
 * Whether all of `slugs` are there; when not, says so in one line (a fresh machine has no
 * folder of released zips: those tests are left out rather than failed).
 */
export function havePlugins(file: string, slugs: string[]): boolean {
  const missing = slugs.filter((slug) => !pluginZip(slug));
  if (missing.length > 0) console.warn(`[leadtrail] ${file}: skipped, no released zip of ${missing.join(', ')} in ${sharedPlugins}`);
  return missing.length === 0;
}

/** Runs test/e2e/php/<script> with the e2e site loaded, as its admin; answers what it printed, trimmed. */
export function sitePhp(script: string, ...args: string[]): string {
  const { dir, url } = site();
  return run('php', [path.join(phpDir, 'with-site.php'), dir, url, path.join(phpDir, script), ...args]).trim();
}

/**
 * Unpacks `slug` into the e2e site (once per site: the suite makes a fresh site per run) and activates
 * it; `slug/slug.php` unless `mainFile` says otherwise. Answers the function that deactivates it, for
 * the file's afterAll: the next files expect a site without it.
 */
export function installPlugin(slug: string, mainFile = `${slug}/${slug}.php`): () => void {
  const plugins = path.join(site().dir, 'wp-content', 'plugins');
  if (!fs.existsSync(path.join(plugins, slug))) run('unzip', ['-q', '-o', pluginZip(slug)!, '-d', plugins]);
  sitePhp('plugin-state.php', 'activate', mainFile);
  return () => sitePhp('plugin-state.php', 'deactivate', mainFile);
}

/** Publishes a page (once) holding `content`, e.g. a plugin's shortcode; answers its address. */
export const formPage = (slug: string, title: string, content: string): string => sitePhp('form-page.php', slug, title, content);
