// "Today's" hit for the bench: the plugin as it was at a fixed commit, installed in a WordPress of
// its own (its own database and tables, created by its own migrations) that the bench site serves
// under /today/, so both hits go through the same `php -S` workers and the same MariaDB in the
// same run. Its collect.php boots as the current one does (lean: wp-config.php read, not run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from '../test/harness/mariadb.mjs';
import { describeSite, ensureSite } from '../test/harness/wordpress.mjs';
import { root } from '../test/harness/paths.mjs';

/** The last commit before public ids became random and hits got per-address ceilings. */
export const TODAY = '31e3e15';

const install = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'harness', 'php', 'install.php');

/**
 * @param {{dir: string, url: string, port: number}} benchSite the served bench site
 * @returns {Promise<{collect: string, siteKey: string} | {missing: string}>}
 */
export async function installToday(benchSite) {
  const archive = spawnSync('git', ['archive', '--format=tar', TODAY, 'wp-plugin'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  if (archive.status !== 0) return { missing: `commit ${TODAY} is not in this clone (${archive.stderr.toString().trim()})` };

  const url = `${benchSite.url}/today`;
  const site = { ...describeSite({ name: 'today', port: benchSite.port, withPlugin: false }), url };
  await ensureSite(site, { fresh: true });
  const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'leadtrail-today-'));
  try {
    const untar = spawnSync('tar', ['-x', '-C', unpacked], { input: archive.stdout });
    if (untar.status !== 0) throw new Error(`unpacking ${TODAY} failed: ${untar.stderr}`);
    fs.cpSync(path.join(unpacked, 'wp-plugin'), path.join(site.dir, 'wp-content', 'plugins', 'leadtrail'), { recursive: true });
  } finally {
    fs.rmSync(unpacked, { recursive: true, force: true });
  }
  // Installing again only activates the plugin, which runs its migrations and makes its keys.
  const activated = spawnSync('php', [install, site.dir, url, '1'], { encoding: 'utf8' });
  if (activated.status !== 0) throw new Error(`activating the plugin at ${TODAY} failed:\n${activated.stderr}`);
  fs.symlinkSync(site.dir, path.join(benchSite.dir, 'today'));

  const siteKey = sql("SELECT option_value FROM wp_options WHERE option_name = 'leadtrail_site_key'", site.database).trim();
  return { collect: `${url}/wp-content/plugins/leadtrail/collect.php`, siteKey };
}
