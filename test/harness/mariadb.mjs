// A private MariaDB server in .wp/db, reachable only through its socket (no TCP port to clash).
import fs from 'node:fs';
import path from 'node:path';
import { dbDir, runDir, socket } from './paths.mjs';
import { startProcess, readPid, isAlive, stopPid, waitFor, run } from './processes.mjs';
import { timed } from './log.mjs';

const pidFile = path.join(runDir, 'mysqld.pid');
const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];

export function dbPid() {
  return readPid(pidFile);
}

/** Starts the server unless it already runs; returns the pid when this call started it. */
export async function ensureDbServer() {
  if (isAlive(dbPid()) && fs.existsSync(socket)) return null;
  fs.mkdirSync(runDir, { recursive: true });
  if (!fs.existsSync(path.join(dbDir, 'mysql'))) {
    await timed('Creating the MariaDB data folder', async () => {
      run('mariadb-install-db', ['--no-defaults', `--datadir=${dbDir}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...asRoot]);
    });
  }
  return timed('Starting MariaDB', async () => {
    fs.rmSync(socket, { force: true });
    const child = startProcess('mariadb', 'mariadbd', [
      '--no-defaults',
      ...asRoot,
      `--datadir=${dbDir}`,
      `--socket=${socket}`,
      `--pid-file=${pidFile}`,
      '--skip-networking',
      '--skip-log-bin',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
      // A dev and test database: durable at the second rather than at each commit.
      '--innodb-flush-log-at-trx-commit=2',
    ]);
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error('mariadbd exited at start; see .wp/logs/mariadb.log');
      return fs.existsSync(socket) && ping();
    }, 'MariaDB to accept connections');
    return child.pid;
  });
}

function ping() {
  try {
    run('mariadb-admin', ['--no-defaults', '-uroot', `--socket=${socket}`, 'ping']);
    return true;
  } catch {
    return false;
  }
}

export function sql(statement, database) {
  return run('mariadb', ['--no-defaults', '-uroot', `--socket=${socket}`, '-N', '-B', ...(database ? [database] : []), '-e', statement]);
}

/** A database and its own user for one harness site; `fresh` drops what was there. */
export function ensureDatabase(name, { fresh }) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  sql(
    (fresh ? `DROP DATABASE IF EXISTS ${name};` : '') +
      `CREATE DATABASE IF NOT EXISTS ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;` +
      `CREATE USER IF NOT EXISTS 'leadtrail'@'localhost' IDENTIFIED BY 'leadtrail';` +
      `GRANT ALL PRIVILEGES ON ${name}.* TO 'leadtrail'@'localhost';`,
  );
}

export async function stopDbServer() {
  const pid = dbPid();
  if (!isAlive(pid)) return;
  try {
    run('mariadb-admin', ['--no-defaults', '-uroot', `--socket=${socket}`, 'shutdown']);
  } catch {
    // Not answering: the signal below still stops it.
  }
  await waitFor(async () => !isAlive(pid), 'MariaDB to stop', 10000).catch(() => stopPid(pid, 'mariadbd'));
}
