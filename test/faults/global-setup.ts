// A fresh harness WordPress on a MariaDB of its own (vitest.config.ts moved the state folder), so
// that stopping and freezing the database touches nothing else.
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
  await serveSite(site);
  project.provide('faultsUrl', site.url);
  project.provide('faultsDatabase', site.database);
  project.provide('faultsSitePidFile', site.pidFile);
  return async () => {
    await stopSite(site);
    await stopDbServer();
  };
}
