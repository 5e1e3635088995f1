// The overview on a big site: the bench site filled by generate-site.mjs, its aggregates rebuilt,
// then the overview's REST answers for 30 days and for a year (median, p95) next to the same
// numbers computed by a plain query over the raw tables, and the database size per million page views.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { socket } from '../test/harness/paths.mjs';
import { step } from '../test/harness/log.mjs';
import { load } from './load.mjs';
import { generateSite, tableBytes } from './generate-site.mjs';

const REQUESTS = 40;
const RAW = ['wp_leadtrail_hits', 'wp_leadtrail_sessions', 'wp_leadtrail_visitors', 'wp_leadtrail_events', 'wp_leadtrail_requests'];
const AGGREGATES = ['wp_leadtrail_report_channels', 'wp_leadtrail_report_pages', 'wp_leadtrail_report_events', 'wp_leadtrail_report_visitors'];

/** A must-use plugin of the bench site only: a request carrying the key acts as the admin. */
function installBenchLogin(site, key) {
  const mu = path.join(site.dir, 'wp-content', 'mu-plugins');
  fs.mkdirSync(mu, { recursive: true });
  fs.writeFileSync(
    path.join(mu, 'bench-reports-login.php'),
    `<?php
add_filter('determine_current_user', static function ($user) {
	return isset($_GET['bench_key']) && hash_equals('${key}', (string) $_GET['bench_key']) ? 1 : $user;
}, 100);
add_action('rest_api_init', static function (): void {
	register_rest_route('bench/v1', '/reports-floor', array(
		'methods'             => 'GET',
		'callback'            => static fn () => array('rows' => array()),
		'permission_callback' => static fn (): bool => current_user_can('manage_options'),
	));
});
`,
  );
}

/** The baseline: the overview's totals and channel rows by plain queries over the raw tables. */
function installRawQuery(site) {
  fs.writeFileSync(
    path.join(site.dir, 'bench-reports-raw.php'),
    `<?php
$link = mysqli_connect('localhost', 'leadtrail', 'leadtrail', '${site.database}', 0, '${socket}');
$from = $link->real_escape_string($_GET['from']);
$to = $link->real_escape_string($_GET['to']);
$out = [];
foreach ([
	"SELECT COUNT(*) FROM wp_leadtrail_hits WHERE created_at >= '$from' AND created_at < DATE_ADD('$to', INTERVAL 1 DAY)",
	"SELECT COUNT(*), COUNT(DISTINCT visitor_id) FROM wp_leadtrail_sessions WHERE local_day BETWEEN '$from' AND '$to'",
	"SELECT source, medium, COUNT(*) FROM wp_leadtrail_sessions WHERE local_day BETWEEN '$from' AND '$to' GROUP BY source, medium",
	"SELECT s.source, s.medium, COUNT(*), SUM(r.is_sale), SUM(IF(r.is_sale = 1, r.sale_cost, 0)) FROM wp_leadtrail_requests r
		LEFT JOIN wp_leadtrail_sessions s ON s.id = r.session_id WHERE r.created_at >= '$from' AND r.created_at < DATE_ADD('$to', INTERVAL 1 DAY) GROUP BY s.source, s.medium",
	"SELECT DATE(started_at), COUNT(*) FROM wp_leadtrail_sessions WHERE local_day BETWEEN '$from' AND '$to' GROUP BY 1",
] as $query) {
	$out[] = $link->query($query)->fetch_all();
}
header('Content-Type: application/json');
echo json_encode($out);
`,
  );
}

function rebuild(site) {
  const started = process.hrtime.bigint();
  execFileSync(
    'php',
    [
      '-r',
      `$_SERVER['HTTP_HOST'] = '${new URL(site.url).host}'; $_SERVER['REQUEST_URI'] = '/'; require '${site.dir}/wp-load.php';
    global $wpdb; $r = new \\LeadTrail\\Reports\\Rebuild($wpdb, \\LeadTrail\\Reports\\ReportSite::bounds()); $r->start(\\LeadTrail\\Reports\\ReportSite::today());
    do { $p = $r->step(30.0); } while (!$p['finished']); echo $p['total'];`,
    ],
    { encoding: 'utf8' },
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const day = (offset) => new Date(Date.now() - offset * 86400000).toISOString().slice(0, 10);

export async function benchReports(site, pageViews) {
  const size = await generateSite(site.database, pageViews, site.url);
  step('Rebuilding the report aggregates');
  const seconds = rebuild(site);
  const key = crypto.randomBytes(16).toString('hex');
  installBenchLogin(site, key);
  installRawQuery(site);
  const floorUrl = `${site.url}/wp-json/bench/v1/reports-floor?bench_key=${key}`;
  await load({ url: floorUrl, total: 3, concurrency: 1 });
  const figures = [['REST route doing nothing (WordPress boot)', await load({ url: floorUrl, total: REQUESTS, concurrency: 2 })]];
  for (const [label, from] of [
    ['30 days', day(29)],
    ['a year', day(364)],
  ]) {
    const query = `from=${from}&to=${day(0)}`;
    for (const [what, url] of [
      ['overview (REST, aggregates)', `${site.url}/wp-json/leadtrail/v1/reports/overview?${query}&compare=1&bench_key=${key}`],
      ['channels (REST, aggregates)', `${site.url}/wp-json/leadtrail/v1/reports/channels?${query}&touch=first&bench_key=${key}`],
      ['plain query over raw tables', `${site.url}/bench-reports-raw.php?${query}`],
    ]) {
      await load({ url, total: 3, concurrency: 1 });
      figures.push([`${what}, ${label}`, await load({ url, total: REQUESTS, concurrency: 2 })]);
    }
  }
  const bytes = tableBytes(site.database, [...RAW, ...AGGREGATES]);
  const sum = (tables, part) => tables.reduce((total, t) => total + (bytes[t]?.[part] ?? 0), 0);
  const perMillion = (n) => `${(((n / size.pageViews) * 1e6) / 1048576).toFixed(1)} MiB`;
  console.log(
    `\nReports on a generated site: ${size.pageViews} page views, ${size.visitors} visitors, ${size.sessions} sessions, ${size.leads} leads over two years`,
  );
  console.log(`  (LEADTRAIL_BENCH_PAGEVIEWS sets the size; the goal's site is 10000000)`);
  console.log(`  aggregates rebuilt in ${seconds.toFixed(1)} s (730 days)`);
  for (const [label, result] of figures) {
    console.log(`  ${label.padEnd(44)} p50 ${result.p50.toFixed(1).padStart(7)} ms   p95 ${result.p95.toFixed(1).padStart(7)} ms   errors ${result.errors}`);
  }
  console.log('  goal: p95 under 300 ms for a year on 2 cores (the plain query runs without WordPress; the first row is what booting it costs)');
  console.log(
    `  database per million page views: raw tables ${perMillion(sum(RAW, 'data'))} data + ${perMillion(sum(RAW, 'index'))} indexes;` +
      ` aggregates ${perMillion(sum(AGGREGATES, 'data') + sum(AGGREGATES, 'index'))}`,
  );
  for (const table of [...RAW, ...AGGREGATES]) {
    const b = bytes[table];
    if (b)
      console.log(`    ${table.padEnd(32)} ${(b.data / 1048576).toFixed(1).padStart(8)} MiB data ${(b.index / 1048576).toFixed(1).padStart(8)} MiB indexes`);
  }
}
