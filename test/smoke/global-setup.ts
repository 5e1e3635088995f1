// A fresh Debian WordPress 6.1 site (vitest.config.ts moved the state folder and chose the WordPress),
// named like the e2e one so that the e2e libraries and PHP-log guard find it.
import type { TestProject } from 'vitest/node';
import { ensureDbServer, stopDbServer } from '../harness/mariadb.mjs';
import { describeSite, ensureSite, serveSite, stopSite } from '../harness/wordpress.mjs';
import type {} from '../e2e/lib/site';

export default async function setup(project: TestProject) {
  const port = Number(process.env.LEADTRAIL_SMOKE_PORT ?? 8895);
  await ensureDbServer();
  const site = describeSite({ name: 'e2e', port, withPlugin: true });
  await ensureSite(site, { fresh: true });
  await serveSite(site);
  project.provide('leadtrailSites', [{ worker: 1, name: site.name, url: site.url, port, database: site.database, dir: site.dir }]);
  return async () => {
    await stopSite(site);
    await stopDbServer();
  };
}
