// Where the harness keeps its state: everything under .wp/ at the repository root.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// LEADTRAIL_STATE_DIR moves it (the harness's own tests use a scratch folder).
const stateDir = path.resolve(process.env.LEADTRAIL_STATE_DIR ?? path.join(root, '.wp'));
export const runDir = path.join(stateDir, 'run');
export const logDir = path.join(stateDir, 'logs');
export const dbDir = path.join(stateDir, 'db');
export const socket = path.join(runDir, 'mysqld.sock');
export const pluginDir = path.join(root, 'wp-plugin');
export const debianWordPress = '/usr/share/wordpress';
// Released software the tests run on (LEADTRAIL_PLATFORM): CI and the team's machines keep it in
// shared/platform beside the repository.
const platformDir = path.resolve(process.env.LEADTRAIL_PLATFORM ?? path.join(root, '..', 'shared', 'platform'));
// The released WordPress.
export const sharedWordPress = path.join(platformDir, 'wordpress-7.1.0.tar.gz');
// Released plugin zips (`<slug>-<version>.zip`) that the end-to-end suite installs into its sites.
export const sharedPlugins = path.join(platformDir, 'plugins');
// Archives are unpacked once here and copied into each site.
export const wordpressCache = path.join(stateDir, 'wordpress');

/** The tree of a harness site: `.wp/site` for the main one, `.wp/site-<name>` for others. */
export function siteDir(name) {
  return path.join(stateDir, name === 'main' ? 'site' : `site-${name}`);
}

export function port() {
  const raw = process.env.LEADTRAIL_PORT ?? '8888';
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`LEADTRAIL_PORT must be a TCP port number (1-65535), got "${raw}"`);
  }
  return value;
}
