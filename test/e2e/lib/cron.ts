// WordPress code and WP-Cron events run for real in the e2e site (the harness has no wp-cli).
import { inject } from 'vitest';
import { execFileSync } from 'node:child_process';
import { describeSite } from '../../harness/wordpress.mjs';
import { getOption, siteUrl } from './wp';

/** Runs PHP in the test site with WordPress loaded. */
export function wpPhp(code: string): void {
  const dir = describeSite({ name: 'e2e', port: inject('leadtrailPort'), withPlugin: true }).dir;
  const host = new URL(siteUrl()).host;
  execFileSync('php', ['-r', `$_SERVER['HTTP_HOST'] = '${host}'; $_SERVER['REQUEST_URI'] = '/'; require '${dir}/wp-load.php'; ${code}`]);
}

/** When the daily event `hook` runs next (unix seconds), 0 when it is not scheduled. */
function nextRun(hook: string): number {
  const cron = getOption('cron') ?? '';
  return Number(cron.match(new RegExp(`i:(\\d+);a:1:\\{s:${hook.length}:"${hook}"`))?.[1] ?? 0);
}

/** Makes the daily event `hook` due and lets wp-cron.php run it, as a real cron request does; resolves once it ran. */
export async function runDailyEvent(hook: string): Promise<void> {
  wpPhp(`wp_clear_scheduled_hook('${hook}'); wp_schedule_event(${Math.floor(Date.now() / 1000) - 1}, 'daily', '${hook}'); delete_transient('doing_cron');`);
  const response = await fetch(`${siteUrl()}/wp-cron.php`);
  await response.arrayBuffer();
  const deadline = Date.now() + 10_000;
  // Run: WordPress put the next run a day on.
  while (nextRun(hook) <= Date.now() / 1000 + 3600) {
    if (Date.now() > deadline) throw new Error(`${hook} did not run`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
