// Migrations run under a lock (MariaDB's GET_LOCK on the site's `<database>.wp_leadtrail_migrations`), so two
// requests after an update never run a data migration twice. The test holds that lock from its own
// database session, as a request busy migrating would, and lowers the stored version by one: a
// page view then waits for the lock, gives up and leaves the version alone; once the lock is free,
// the next page view migrates. Re-running the last migration is harmless: each file only adds what
// is missing. Another site on the same server migrating (its own database, the same `wp_` prefix)
// holds a lock of another name, which this site's page view does not wait for.
import fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { socket } from '../harness/paths.mjs';
import { getOption, setOption, siteUrl, sql } from './lib/wp';
import { e2eSite } from './lib/site';

const lockOf = (database: string) => `${database}.wp_leadtrail_migrations`;
const LOCK = () => lockOf(e2eSite().database);
const latest = fs.readdirSync(new URL('../../wp-plugin/migrations', import.meta.url)).filter((f) => /^\d{3}-.*\.php$/.test(f)).length;
let holder: ChildProcess | undefined;

const lockIsFree = (lock = LOCK()) => sql(`SELECT IS_FREE_LOCK('${lock}')`)[0]?.[0] === '1';

/** Holds `lock` from a database session of its own, as a request busy migrating would. */
function holdLock(lock: string): ChildProcess {
  return spawn('mariadb', ['--no-defaults', '-uroot', `--socket=${socket}`, '-N', '-B', '-e', `SELECT GET_LOCK('${lock}', 0); SELECT SLEEP(120);`], {
    stdio: 'ignore',
  });
}

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
    holder = holdLock(LOCK());
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

  it("another site's migrations on the same server, with the same prefix, do not hold this site's back", async () => {
    // Its LeadTrail may be an older release, whose lock had no database name.
    const other = 'wp_leadtrail_migrations';
    holder = holdLock(other);
    await until(() => !lockIsFree(other), "the other site's migration holds its lock");
    setOption('leadtrail_db_version', String(latest - 1));
    // Waiting on the other's lock, it would give up and leave the version alone (the test above).
    expect((await fetch(`${siteUrl()}/`)).status).toBe(200);
    expect(getOption('leadtrail_db_version')).toBe(String(latest));
    holder.kill();
  });
});
