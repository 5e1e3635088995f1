// WordPress code and WP-Cron events run for real in the e2e site (the harness has no wp-cli).
import { execFileSync } from 'node:child_process';
import { getOption, keepOptions, setOption, siteUrl } from './wp';
import { e2eSite } from './site';

/** Runs PHP in the test site with WordPress loaded. */
export function wpPhp(code: string): void {
  const dir = e2eSite().dir;
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

/**
 * Keeps WordPress from spawning wp-cron.php from page loads until the returned function is called:
 * for a test that looks at a state a due event would change under it (a reports rebuild under way).
 * WordPress spawns no cron while its lock is younger than a minute; this one is dated eight minutes
 * ahead, which WordPress still honours (it ignores a lock more than ten minutes ahead).
 */
export function holdCron(): () => void {
  const restore = keepOptions(['_transient_doing_cron']);
  setOption('_transient_doing_cron', (Date.now() / 1000 + 480).toFixed(6));
  return restore;
}
