// A fresh harness WordPress on a MariaDB of its own (vitest.config.ts moved the state folder), so
// that stopping and freezing the database touches nothing else.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureDbServer, stopDbServer } from '../harness/mariadb.mjs';
import { describeSite, ensureSite, serveSite, stopSite } from '../harness/wordpress.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    faultsUrl: string;
    faultsDatabase: string;
    faultsSitePidFile: string;
  }
}

export default async function setup(project: TestProject) {
  const port = Number(process.env.LEADTRAIL_FAULTS_PORT ?? 8897);
  await ensureDbServer();
  const site = describeSite({ name: 'faults', port, withPlugin: true });
  await ensureSite(site, { fresh: true });
  // WP-Cron's loopback requests would take PHP workers that the suite counts on (a WordPress request
  // waits on a frozen database without limit: that is WordPress's, not the plugin's).
  const config = path.join(site.dir, 'wp-config.php');
  fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace("define('WP_HOME'", "define('DISABLE_WP_CRON', true);\ndefine('WP_HOME'"));
  await serveSite(site);
  project.provide('faultsUrl', site.url);
  project.provide('faultsDatabase', site.database);
  project.provide('faultsSitePidFile', site.pidFile);
  return async () => {
    await stopSite(site);
    await stopDbServer();
  };
}
