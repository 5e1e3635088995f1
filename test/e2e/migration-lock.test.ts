// Migrations run under a lock (MariaDB's GET_LOCK on the site's `wp_leadtrail_migrations`), so two
// requests after an update never run a data migration twice. The test holds that lock from its own
// database session, as a request busy migrating would, and lowers the stored version by one: a
// page view then waits for the lock, gives up and leaves the version alone; once the lock is free,
// the next page view migrates. Re-running the last migration is harmless: each file only adds what
// is missing.
import fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { socket } from '../harness/paths.mjs';
import { getOption, setOption, siteUrl, sql } from './lib/wp';

const LOCK = 'wp_leadtrail_migrations';
const latest = fs.readdirSync(new URL('../../wp-plugin/migrations', import.meta.url)).filter((f) => /^\d{3}-.*\.php$/.test(f)).length;
let holder: ChildProcess | undefined;

const lockIsFree = () => sql(`SELECT IS_FREE_LOCK('${LOCK}')`)[0]?.[0] === '1';

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

afterAll(() => {
  holder?.kill();
  setOption('leadtrail_db_version', String(latest));
});

describe('migrations under a lock', () => {
  it('a page view does not migrate while another session holds the lock, and the next one does once it is free', async () => {
    expect(lockIsFree(), 'nothing else holds the lock').toBe(true);
    holder = spawn('mariadb', ['--no-defaults', '-uroot', `--socket=${socket}`, '-N', '-B', inject('leadtrailDatabase'),
      '-e', `SELECT GET_LOCK('${LOCK}', 0); SELECT SLEEP(120);`], { stdio: 'ignore' });
    await until(() => !lockIsFree(), 'the test holds the lock');
    setOption('leadtrail_db_version', String(latest - 1));

    const waited = await fetch(`${siteUrl()}/`);
    expect(waited.status, 'the page is still served').toBe(200);
    expect(getOption('leadtrail_db_version'), 'no migration ran without the lock').toBe(String(latest - 1));

    holder.kill();
    await until(lockIsFree, 'the lock is free');
    const migrated = await fetch(`${siteUrl()}/`);
    expect(migrated.status).toBe(200);
    expect(getOption('leadtrail_db_version')).toBe(String(latest));
    expect(lockIsFree(), 'the request released the lock').toBe(true);
  });
});
