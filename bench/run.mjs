// `npm run bench`: figures printed, each next to a baseline measured in the same run; nothing is
// asserted. Uses its own fresh harness site so that `npm start`'s data is untouched.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { ensureAll } from '../test/harness/system.mjs';
import { dbPid, ensureDbServer, stopDbServer, sql } from '../test/harness/mariadb.mjs';
import { describeSite, ensureSite, serveSite, sitePid, stopSite } from '../test/harness/wordpress.mjs';
import { root, pluginDir, socket } from '../test/harness/paths.mjs';
import { wordpressSource, wordpressTree, wordpressVersion } from '../test/harness/wordpress-source.mjs';
import { step } from '../test/harness/log.mjs';
import { load } from './load.mjs';
import { benchCapture } from './capture.mjs';
import { benchCapturePlugins } from './capture-plugins.mjs';
import { benchPool, benchReplacement } from './phones.mjs';
import { benchChat } from './chat.mjs';
import { cpuMeter, formatCpu } from './cpu.mjs';
import { TODAY, installToday } from './today.mjs';
import { benchReports } from './reports.mjs';

const total = Number(process.env.LEADTRAIL_BENCH_REQUESTS ?? 1500);
const rounds = Math.max(1, Number(process.env.LEADTRAIL_BENCH_ROUNDS ?? 7));
/** The pool figure's requests per round: its two figures differ by less than the noise of a short run. */
const poolTotal = Number(process.env.LEADTRAIL_BENCH_POOL_REQUESTS ?? 5000);
const concurrency = 4;
/**
 * `npm run bench -- hits`, `npm run bench -- pool` and `npm run bench -- reports`: the bundles and
 * only those figures (the plain and the continued hit against today's; the hit that takes a pool
 * number against the plain hit; the overview on a generated site).
 */
const parts = process.argv.slice(2);
const hitsOnly = parts.includes('hits');
const poolOnly = parts.includes('pool') && !hitsOnly;
const reportsOnly = parts.includes('reports') && !hitsOnly && !poolOnly;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function buildRuntime() {
  const result = spawnSync(process.execPath, [path.join(root, 'shared', 'build.mjs')], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`building the runtime failed:\n${result.stderr}`);
}

function bundleSize(file) {
  const code = fs.readFileSync(path.join(pluginDir, 'assets', 'build', file));
  return { raw: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length };
}

/** The two ingest baselines: a no-op PHP file, and a trivial REST route that boots WordPress. */
function installBaselines(site) {
  fs.writeFileSync(path.join(site.dir, 'bench-noop.php'), "<?php\nheader('Content-Type: application/json');\necho '{\"success\":true}';\n");
  const mu = path.join(site.dir, 'wp-content', 'mu-plugins');
  fs.mkdirSync(mu, { recursive: true });
  fs.writeFileSync(
    path.join(mu, 'bench-noop-route.php'),
    `<?php
add_action('rest_api_init', static function (): void {
	register_rest_route('bench/v1', '/noop', array(
		'methods'             => 'POST',
		'callback'            => static fn () => array('success' => true),
		'permission_callback' => '__return_true',
	));
});
`,
  );
}

/** A PHP single-quoted string literal of `text`. */
const phpString = (text) => `'${text.replace(/[\\']/g, '\\$&')}'`;

/**
 * A third baseline for the hits: the least that any endpoint storing each hit in MariaDB pays (a
 * new connection made as collect.php makes it, and one row written in a transaction), with none of
 * a hit's checks, reads or other rows.
 */
function installDbFloor(site) {
  sql(
    'CREATE TABLE IF NOT EXISTS bench_floor (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, created_at DATETIME NOT NULL, body TEXT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4',
    site.database,
  );
  fs.writeFileSync(
    path.join(site.dir, 'bench-db-floor.php'),
    `<?php
mysqli_report(MYSQLI_REPORT_OFF);
$link = mysqli_init();
$link->options(MYSQLI_SET_CHARSET_NAME, 'utf8mb4');
if (!@$link->real_connect('localhost', 'leadtrail', 'leadtrail', ${phpString(site.database)}, 0, ${phpString(socket)})) {
	http_response_code(503);
	exit;
}
$body = $link->real_escape_string((string) file_get_contents('php://input'));
$id = 0;
$ok = $link->multi_query("START TRANSACTION; INSERT INTO bench_floor (created_at, body) VALUES (UTC_TIMESTAMP(), '$body'); COMMIT");
while ($ok) {
	$id = max($id, (int) $link->insert_id);
	$ok = $link->more_results() && $link->next_result();
}
http_response_code($id > 0 ? 200 : 503);
header('Content-Type: application/json');
echo json_encode(array('success' => true, 'result' => array('id' => $id)));
`,
  );
}

/** One figure; its CPU split under it, unless `label` is empty or the figure was printed before. */
function row(label, result, baseline, { cpu = Boolean(label) } = {}) {
  const ratio = baseline ? `${(result.perSecond / baseline.perSecond).toFixed(2)}x ${baseline.label}` : '';
  console.log(
    `  ${label.padEnd(34)} ${result.perSecond.toFixed(0).padStart(6)} req/s   p50 ${result.p50.toFixed(1).padStart(6)} ms   p95 ${result.p95.toFixed(1).padStart(6)} ms   errors ${result.errors}   ${ratio}`,
  );
  if (cpu && result.cpu) console.log(`  ${''.padEnd(34)} ${formatCpu(result.cpu)}`);
}

/**
 * The hit against the plugin at TODAY's, measured in the same interleaved rounds. The goal is judged
 * on the median of the rounds' own ratios: both figures of a round share its moment of the machine.
 */
function printToday(pick, perRound, ratios, noop, collect, continued, today) {
  if (!('collect' in today)) {
    console.log(`\nToday's hit: not measured: ${today.missing}`);
    return;
  }
  console.log(`\nToday's hit: the plugin at ${TODAY} beside this one, same workers and database, interleaved rounds`);
  console.log('(this one draws random ids and counts the per-address ceilings; the bench site raises them so that none refuses)');
  for (const [ours, key, base] of [
    [collect, 'collect', 'todayCollect'],
    [continued, 'continued', 'todayContinued'],
  ]) {
    row(ours.label, ours, pick(base));
    console.log(`  ${''.padEnd(34)} per round: ${perRound(key, base)}; median of the rounds: ${median(ratios(key, base)).toFixed(2)}x`);
    row(pick(base).label, pick(base), noop);
  }
  console.log(`  goal: each median of the rounds at least 0.95x ${TODAY}'s`);
}

async function main() {
  await ensureAll();
  buildRuntime();
  console.log('\nBundles (wp-plugin/assets/build/)');
  for (const [file, goal] of [
    ['leadtrail.js', '5 KB (the core, on every page)'],
    ['leadtrail-checks.js', '3 KB (argument and captcha checks, loaded on the first call that needs them)'],
    ['leadtrail-forms.js', '1 KB (the hidden credential fields of forms, loaded after the first hit answer)'],
    ['leadtrail-spa.js', '1 KB (the history watcher, only where "Count page views of single-page apps" is on)'],
    ['leadtrail-widgets.js', '25 KB (loaded only when a widget opens; the chat window is in it)'],
    ['leadtrail-chat.js', "1 KB (the operators' status poll, loaded by the first getOperatorStatus())"],
    ['leadtrail-chat-console.js', '8 KB (wp-admin only: the operator console)'],
    ['leadtrail-cloud-fields.js', '2 KB (cloud mode only: the hidden fields beside the vendor runtime)'],
    ['leadtrail-phones.js', '3 KB (number replacement, loaded only when the hit answer carries phone numbers)'],
  ]) {
    const size = bundleSize(file);
    console.log(`  ${file.padEnd(22)} raw ${size.raw} B, gzip ${size.gzip} B (${(size.gzip / 1024).toFixed(2)} KiB; goal: at most ${goal})`);
  }

  const startedDb = Boolean(await ensureDbServer());
  const site = describeSite({ name: 'bench', port: Number(process.env.LEADTRAIL_BENCH_PORT ?? 8896), withPlugin: true });
  await ensureSite(site, { fresh: true });
  const source = wordpressSource();
  console.log(`\nWordPress ${wordpressVersion(wordpressTree(source))} (${source.origin}), the same as the test suite's`);
  // Most of the load comes from one address: ceilings this high count every hit but refuse none.
  // The hits' own figures come from many addresses, as a site's visitors do, through the site's
  // proxy (loopback, trusted), so that each address's count is a row of its own.
  for (const [option, value] of [
    ['leadtrail_hit_ceiling', '1000000000'],
    ['leadtrail_visitor_ceiling', '1000000000'],
    ['leadtrail_trusted_proxies', '127.0.0.1'],
  ]) {
    sql(
      `INSERT INTO wp_options (option_name, option_value, autoload) VALUES ('${option}', '${value}', 'no') ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)`,
      site.database,
    );
  }
  installBaselines(site);
  installDbFloor(site);
  await serveSite(site);
  try {
    const siteKey = sql("SELECT option_value FROM wp_options WHERE option_name = 'leadtrail_site_key'", site.database).trim();
    if (!reportsOnly) {
      const hit = () => JSON.stringify({ site_key: siteKey, url: `${site.url}/leadtrail-demo/?utm_source=bench`, referrer: '', title: 'Bench' });
      const warm = Math.min(200, total);
      const pids = { web: sitePid(site), db: dbPid() };
      /** `options.total` requests (the bench's `total` unless given), after `warm` to warm up. */
      const measure = async (label, options) => {
        const count = options.total ?? total;
        await load({ concurrency, ...options, total: warm });
        const meter = cpuMeter(pids);
        const result = await load({ concurrency, ...options, total: count });
        return { label, ...result, cpu: meter?.(count) };
      };
      /** The i-th new visitor's address, and the address of the returning visitor whose turn i is. */
      const visitorAddress = (i) => ({ 'X-Forwarded-For': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` });
      const returningAddress = (i) => visitorAddress(i % 16);
      if (poolOnly) return await benchPool(site, hit, { total: poolTotal, rounds, concurrency: 32, measure, median, headers: visitorAddress });
      step(`Measuring ${total} requests each at concurrency ${concurrency}, after ${warm} to warm up`);
      // The baselines and the hits, in interleaved rounds: a burst of load from elsewhere on the
      // machine then moves one round's figures together, and each figure is the median round.
      /** @type {Record<string, [string, object]>} */
      const ingest = {
        noop: ['no-op PHP file', { url: `${site.url}/bench-noop.php`, method: 'POST', body: () => '{}' }],
        ...(hitsOnly ? {} : { rest: ['REST route (full WordPress)', { url: `${site.url}/wp-json/bench/v1/noop`, method: 'POST', body: () => '{}' }] }),
        floor: ['DB floor (connect + 1 INSERT)', { url: `${site.url}/bench-db-floor.php`, method: 'POST', body: hit }],
        // A new visitor's first page view each time: three rows written.
        collect: ['hits via collect.php', { url: `${site.url}/wp-content/plugins/leadtrail/collect.php`, method: 'POST', body: hit, headers: visitorAddress }],
      };
      // Today's hit (the plugin at TODAY, in a site of its own served by the same workers), and
      // visitors of both sites whose sessions go on: a read under a row lock, one update, one row.
      // Sixteen visitors in turn, so that the requests in flight belong to different visitors and
      // do not wait for each other's lock.
      const today = await installToday(site);
      const visitorsOf = (url, body) =>
        Promise.all(
          Array.from({ length: 16 }, async () => {
            const answer = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body() });
            const { visitor_id: id, token: signed } = (await answer.json()).result;
            return { visitor_id: id, token: signed };
          }),
        );
      const continuing = (body, visitors) => (i) => JSON.stringify({ ...JSON.parse(body()), ...visitors[i % visitors.length] });
      const returning = await visitorsOf(ingest.collect[1].url, hit);
      ingest.continued = [
        'hits continuing a session',
        { url: ingest.collect[1].url, method: 'POST', body: continuing(hit, returning), headers: returningAddress },
      ];
      if ('collect' in today) {
        const todayHit = () => JSON.stringify({ ...JSON.parse(hit()), site_key: today.siteKey });
        ingest.todayCollect = [`hits via collect.php at ${TODAY}`, { url: today.collect, method: 'POST', body: todayHit, headers: visitorAddress }];
        ingest.todayContinued = [
          `continuing hits at ${TODAY}`,
          { url: today.collect, method: 'POST', body: continuing(todayHit, await visitorsOf(today.collect, todayHit)), headers: returningAddress },
        ];
      }
      const runs = Object.fromEntries(Object.keys(ingest).map((key) => [key, []]));
      // Each hit right beside today's: the ratio judged is of two figures measured back to back.
      const sequence = ['noop', 'rest', 'floor', 'collect', 'todayCollect', 'continued', 'todayContinued'].filter((key) => key in ingest);
      for (let round = 1; round <= rounds; round++) {
        // Every other round in reverse order: a figure measured right after another pays for the work
        // that one left to the database (purge, page flushes), so each comes first as often as last.
        const order = round % 2 === 1 ? sequence : [...sequence].reverse();
        step(`Round ${round} of ${rounds}: ${order.map((key) => ingest[key][0]).join(', ')}`);
        for (const key of order) runs[key].push(await measure(...ingest[key]));
      }
      const pick = (key) => runs[key].find((r) => r.perSecond === median(runs[key].map((x) => x.perSecond)));
      const noop = pick('noop');
      const rest = hitsOnly ? undefined : pick('rest');
      const floor = pick('floor');
      const collect = pick('collect');
      const continued = pick('continued');
      const ratios = (key, base) => runs[key].map((r, i) => r.perSecond / runs[base][i].perSecond);
      const perRound = (key, base) =>
        ratios(key, base)
          .map((ratio) => ratio.toFixed(2) + 'x')
          .join(' ');
      if (hitsOnly) return printToday(pick, perRound, ratios, noop, collect, continued, today);
      const restHit = await measure('hits via REST fallback', { url: `${site.url}/wp-json/leadtrail/v1/hit`, method: 'POST', body: hit });
      // Events of one visitor, each with its own request_id (a repeated one would be a cheaper replay).
      const first = await fetch(`${site.url}/wp-content/plugins/leadtrail/collect.php`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: hit(),
      });
      const { visitor_id, session_id, hit_id, token } = (await first.json()).result;
      const event = () =>
        JSON.stringify({
          visitor_id,
          session_id,
          hit_id,
          token,
          request_id: crypto.randomBytes(16).toString('hex'),
          category: 'bench',
          action: 'click',
          value: 1,
        });
      const collectEvent = await measure('events via collect.php', {
        url: `${site.url}/wp-content/plugins/leadtrail/collect.php?op=event`,
        method: 'POST',
        body: event,
      });
      const restEvent = await measure('events via REST fallback', { url: `${site.url}/wp-json/leadtrail/v1/event`, method: 'POST', body: event });
      // The documented server endpoint (A6), form-encoded; each lead distinct so none is a duplicate,
      // and the test-mode limit raised so that the per-visitor rate limit does not answer instead.
      sql(
        "INSERT INTO wp_options (option_name, option_value, autoload) VALUES ('leadtrail_test_request_limit', '100000000', 'no') ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)",
        site.database,
      );
      const lead = (i) =>
        new URLSearchParams({
          site_key: siteKey,
          visitor_id: String(visitor_id),
          session_id: String(session_id),
          hit_id: String(hit_id),
          name: `Bench ${process.pid} ${i} ${crypto.randomBytes(4).toString('hex')}`,
          phone: '+79251234567',
          text: 'Hello, world!',
        }).toString();
      const offline = await measure('requests via api/add_offline_message/', {
        url: `${site.url}/wp-json/leadtrail/v1/api/add_offline_message/`,
        method: 'POST',
        body: lead,
        contentType: 'application/x-www-form-urlencoded; charset=UTF-8',
      });
      // Callback orders: captcha images (one key, drawn again on each GET until it is used) and callback
      // orders with the captcha switched off; past the 10th order of the minute they answer status 4,
      // which is most of this run: the cost of the validated, locked and counted path.
      const captchaAnswer = await fetch(`${site.url}/wp-json/leadtrail/v1/captcha`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ visitor_id, session_id, hit_id, token }),
      });
      const { url: captchaUrl } = await captchaAnswer.json();
      const images = await measure('captcha images (GET captcha/image)', { url: captchaUrl, method: 'GET' });
      sql(
        "INSERT INTO wp_options (option_name, option_value, autoload) VALUES ('leadtrail_callback_captcha', '0', 'no') ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)",
        site.database,
      );
      const order = () => JSON.stringify({ visitor_id, session_id, hit_id, token, request_id: crypto.randomBytes(16).toString('hex'), phone: '79101234567' });
      const callbacks = await measure('sitePhoneCall via collect.php', {
        url: `${site.url}/wp-content/plugins/leadtrail/collect.php?op=callback`,
        method: 'POST',
        body: order,
      });
      console.log(`\nIngest throughput (php -S, 4 workers, same machine as the load; the first four: median of ${rounds} interleaved rounds;`);
      console.log('CPU/req: microseconds of CPU per request spent by the web server, the database server and the load generator)');
      row(noop.label, noop);
      row(rest.label, rest);
      row(floor.label, floor, noop);
      row(collect.label, collect, rest);
      row('', collect, noop);
      row('', collect, floor);
      console.log(
        `  ${''.padEnd(34)} per round: ${perRound('collect', 'rest')} the REST route; ${perRound('collect', 'noop')} the no-op file; ${perRound('collect', 'floor')} the DB floor`,
      );
      row(continued.label, continued, noop);
      row('', continued, floor);
      console.log(`  ${''.padEnd(34)} per round: ${perRound('continued', 'noop')} the no-op file`);
      row(restHit.label, restHit, rest);
      row(collectEvent.label, collectEvent, rest);
      row('', collectEvent, noop);
      row(restEvent.label, restEvent, rest);
      row('events vs hits via collect.php', collectEvent, { label: 'hits via collect.php', perSecond: collect.perSecond }, { cpu: false });
      row(offline.label, offline, rest);
      row(images.label, images, collect);
      row(callbacks.label, callbacks, collect);
      printToday(pick, perRound, ratios, noop, collect, continued, today);
      console.log('\n  goals: collect.php at least 5x the REST route and at least 0.5x the no-op file;');
      console.log('         (the DB floor is what any endpoint that writes each hit to the database pays, before any of its own work)');
      console.log('         an event costs at most twice a hit (events/s at least 0.5x hits/s)\n');
      await benchCapture(site);
      await benchPool(site, hit, { total: poolTotal, rounds, concurrency: 32, measure, median, headers: visitorAddress });
      await benchReplacement();
      await benchChat(site, hit, { measure, noop, collect });
      // Then the form plugins and WooCommerce, which the figures above are without.
      await benchCapturePlugins(site);
    }
    // Last: it replaces the bench site's tracking data with a generated big site.
    await benchReports(site, Number(process.env.LEADTRAIL_BENCH_PAGEVIEWS ?? 1_000_000));
  } finally {
    await stopSite(site);
    if (startedDb) await stopDbServer();
  }
}

main().catch((error) => {
  console.error(`[leadtrail] ${error.message}`);
  process.exit(1);
});
