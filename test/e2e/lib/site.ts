// The WordPress this test file runs against. Each vitest worker has one of its own (global-setup.ts),
// so that two files run at once without meeting each other's options, plugins or rows.
import { inject } from 'vitest';

export type E2eSite = {
  /** 1 for the first worker's site, 2 for the second's... */
  worker: number;
  name: string;
  url: string;
  port: number;
  database: string;
  /** The site's WordPress folder (wp-load.php, wp-content/). */
  dir: string;
};

declare module 'vitest' {
  export interface ProvidedContext {
    leadtrailSites: E2eSite[];
  }
}

/** This worker's site (VITEST_POOL_ID: 1 to maxWorkers). */
export function e2eSite(): E2eSite {
  const sites = inject('leadtrailSites');
  const worker = Number(process.env.VITEST_POOL_ID ?? 1);
  return sites[(worker - 1) % sites.length]!;
}

/** The name of another site this worker makes (e.g. `upload`), apart from other workers' ones. */
export const siblingSiteName = (kind: string): string => (e2eSite().worker === 1 ? kind : `${kind}${e2eSite().worker}`);
