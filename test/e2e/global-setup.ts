// Brings up a fresh harness WordPress for the end-to-end suite, apart from the `npm start` site.
import type { TestProject } from 'vitest/node';
import { ensureDbServer, stopDbServer } from '../harness/mariadb.mjs';
import { describeSite, ensureSite, serveSite, stopSite } from '../harness/wordpress.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    leadtrailUrl: string;
    leadtrailDatabase: string;
    leadtrailPort: number;
  }
}

export default async function setup(project: TestProject) {
  const port = Number(process.env.LEADTRAIL_TEST_PORT ?? 8898);
  const startedDb = Boolean(await ensureDbServer());
  const site = describeSite({ name: 'e2e', port, withPlugin: true });
  await ensureSite(site, { fresh: true });
  const startedSite = Boolean(await serveSite(site));
  project.provide('leadtrailUrl', site.url);
  project.provide('leadtrailDatabase', site.database);
  project.provide('leadtrailPort', port);
  process.env.LEADTRAIL_URL = site.url;
  return async () => {
    if (startedSite) await stopSite(site);
    if (startedDb) await stopDbServer();
  };
}
