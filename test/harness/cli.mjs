// `npm start` (foreground), `npm run wp:up` (detached, idempotent), `npm run wp:down`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureAll } from './system.mjs';
import { ensureDbServer, stopDbServer } from './mariadb.mjs';
import { describeSite, ensureSite, serveSite, stopSite, servedSiteNames } from './wordpress.mjs';
import { port, root } from './paths.mjs';
import { step, timed } from './log.mjs';
import { buildOverview } from '../../scripts/build.mjs';

export async function buildRuntime() {
  await timed('Building the runtime', async () => {
    const result = spawnSync(process.execPath, [path.join(root, 'shared', 'build.mjs')], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('building the runtime failed');
  });
}

// Processes always run in their own process group, so that stopping one stops its workers too.
async function up() {
  await ensureAll();
  await buildRuntime();
  await buildOverview();
  const startedDb = Boolean(await ensureDbServer());
  const site = describeSite({ name: 'main', port: port(), withPlugin: true });
  await ensureSite(site);
  const server = await serveSite(site);
  step(server ? `WordPress is up` : `WordPress was already up; reusing it`);
  console.log(`
  Site:       ${site.url}/
  Admin:      ${site.url}/wp-admin/  (user admin, password admin)
  Demo page:  ${site.url}/leadtrail-demo/
`);
  return { site, startedDb, startedSite: Boolean(server) };
}

async function down() {
  for (const name of servedSiteNames()) {
    await stopSite(describeSite({ name, port: 0, withPlugin: false }));
  }
  await stopDbServer();
  step('Everything the harness started is stopped');
}

async function start() {
  const { site, startedDb, startedSite } = await up();
  if (!startedDb && !startedSite) {
    step('Nothing new was started (it all ran already); `npm run wp:down` stops it.');
    return;
  }
  step('Press Ctrl-C to stop');
  // Stops what this command started, and nothing that an earlier `wp:up` left running.
  const stop = async () => {
    if (startedSite) await stopSite(site);
    if (startedDb) await stopDbServer();
    step('Stopped');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}

const command = process.argv[2];
const commands = { start, up, down };
if (!commands[command]) {
  console.error(`usage: node test/harness/cli.mjs ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
commands[command]().catch((error) => {
  console.error(`[leadtrail] ${error.message}`);
  process.exit(1);
});
