// Harness WordPress sites: a copy of the WordPress tree that wordpress-source.mjs picks, a database on the private MariaDB,
// the plugin linked in, served by `php -S` with workers.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { debianWordPress, pluginDir, runDir, socket, siteDir } from './paths.mjs';
import { ensureDatabase } from './mariadb.mjs';
import { run, startProcess, readPid, isAlive, stopPid, portInUse, waitFor } from './processes.mjs';
import { step, timed } from './log.mjs';
import { wordpressSource, wordpressTree, wordpressVersion } from './wordpress-source.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const router = path.join(here, 'php', 'router.php');
const demoPage = path.join(here, 'demo-page.html');
// Files of the demo that live in the site's root (the reference page's send.php).
const demoFiles = path.join(here, 'demo');

/**
 * @param {{name: string, port: number, withPlugin: boolean, fresh?: boolean}} options
 * `withPlugin: false` gives an empty WordPress (the upload test installs the built zip into it).
 */
export function describeSite({ name, port, withPlugin }) {
  const dir = siteDir(name);
  return {
    name,
    port,
    withPlugin,
    dir,
    url: `http://127.0.0.1:${port}`,
    database: name === 'main' ? 'leadtrail' : `leadtrail_${name}`,
    pidFile: path.join(runDir, `php-${name}.pid`),
    marker: path.join(dir, '.leadtrail-installed'),
  };
}

/**
 * Installs the site unless it is installed from the same WordPress at the same address. The theme is
 * the WordPress's default one, or LEADTRAIL_THEME (e.g. `twentytwentyone`, a classic theme, which
 * is taken from Debian's theme package when the WordPress lacks it).
 */
export async function ensureSite(site, { fresh = false } = {}) {
  const source = wordpressSource();
  const tree = wordpressTree(source);
  const theme = process.env.LEADTRAIL_THEME ?? '';
  step(`WordPress ${wordpressVersion(tree)} from ${source.origin} (${source.path})${theme ? `, theme ${theme}` : ''}`);
  const marker = JSON.stringify({ url: site.url, tree, theme });
  if (fresh) fs.rmSync(site.dir, { recursive: true, force: true });
  ensureDatabase(site.database, { fresh });
  if (fs.existsSync(site.marker) && fs.readFileSync(site.marker, 'utf8') === marker) return;
  await timed(`Installing WordPress "${site.name}" at ${site.url}`, async () => {
    fs.rmSync(site.dir, { recursive: true, force: true });
    fs.cpSync(tree, site.dir, { recursive: true, dereference: true });
    const themeDir = path.join(site.dir, 'wp-content', 'themes', theme);
    const debianTheme = path.join(debianWordPress, 'wp-content', 'themes', theme);
    if (theme && !fs.existsSync(themeDir) && fs.existsSync(debianTheme)) fs.cpSync(debianTheme, themeDir, { recursive: true, dereference: true });
    for (const file of ['wp-config.php', '.htaccess']) fs.rmSync(path.join(site.dir, file), { force: true });
    fs.writeFileSync(path.join(site.dir, 'wp-config.php'), wpConfig(site));
    if (site.withPlugin) fs.symlinkSync(pluginDir, path.join(site.dir, 'wp-content', 'plugins', 'leadtrail'));
    if (site.withPlugin) fs.cpSync(demoFiles, site.dir, { recursive: true });
    run('php', [path.join(here, 'php', 'install.php'), site.dir, site.url, site.withPlugin ? '1' : '0', site.withPlugin ? demoPage : '', theme]);
    fs.writeFileSync(site.marker, marker);
  });
}

function wpConfig(site) {
  const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
    .map((key) => `define('${key}', '${crypto.randomBytes(32).toString('hex')}');`)
    .join('\n');
  return `<?php
// Written by the LeadTrail harness (test/harness/wordpress.mjs).
define('DB_NAME', '${site.database}');
define('DB_USER', 'leadtrail');
define('DB_PASSWORD', 'leadtrail');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${keys}
$table_prefix = 'wp_';
define('WP_HOME', '${site.url}');
define('WP_SITEURL', '${site.url}');
define('WP_DEBUG', true);
define('WP_DEBUG_LOG', __DIR__ . '/debug.log');
define('WP_DEBUG_DISPLAY', false);
// The machine has no outside network: no update checks that would hang page loads.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('FS_METHOD', 'direct');
// Lets tests move the server's clock (docs/contracts.md, "Test mode"); never set on a real site.
define('LEADTRAIL_TEST_MODE', true);
if ( ! defined('ABSPATH') ) {
	define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
`;
}

export function sitePid(site) {
  return readPid(site.pidFile);
}

/** Serves the site unless already served; returns the child when this call started it. */
export async function serveSite(site) {
  if (isAlive(sitePid(site)) && (await portInUse(site.port))) return null;
  if (await portInUse(site.port)) {
    throw new Error(`Port ${site.port} is taken by another program: set LEADTRAIL_PORT to a free port.`);
  }
  const child = startProcess(
    `php-${site.name}`,
    'php',
    ['-d', 'opcache.enable_cli=1', '-d', 'upload_max_filesize=32M', '-d', 'post_max_size=32M', '-S', `127.0.0.1:${site.port}`, '-t', site.dir, router],
    { env: { PHP_CLI_SERVER_WORKERS: '4' } },
  );
  fs.writeFileSync(site.pidFile, String(child.pid));
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`php -S exited at start; see .wp/logs/php-${site.name}.log`);
    return portInUse(site.port);
  }, `WordPress on port ${site.port}`);
  // The first request compiles WordPress; pay it here rather than in a test.
  await fetch(`${site.url}/`).then((response) => response.arrayBuffer());
  return child;
}

export async function stopSite(site) {
  await stopPid(sitePid(site), `php -S for ${site.name}`);
  fs.rmSync(site.pidFile, { force: true });
}

/** Every site that has a pid file, for `wp:down`. */
export function servedSiteNames() {
  if (!fs.existsSync(runDir)) return [];
  return fs
    .readdirSync(runDir)
    .filter((file) => /^php-.+\.pid$/.test(file))
    .map((file) => file.slice(4, -4));
}
