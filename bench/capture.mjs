// What automatic capture adds to a form submission. A stand-in form handler (a must-use
// plugin) answers a POST like a form plugin; with capture on it fires `leadtrail_capture_request`
// with a real visitor's hidden fields (one request recorded per submission, each different), with
// capture off it does the same work without the hook. Interleaved in one run: the time inside PHP
// around the hook (median, p95) and the whole POST as the visitor waits. Forwarding (cloud mode)
// never runs in this request, so the self-hosted mode is measured.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from '../test/harness/mariadb.mjs';

const MU = 'leadtrail-bench-capture.php';
const OPTIONS = ['leadtrail_test_request_limit', 'leadtrail_notify_admin'];

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};

/**
 * @param {{url: string, dir: string, database: string}} site a running harness site with the plugin
 * @param {{submissions?: number}} [options]
 */
export async function benchCapture(site, { submissions = Number(process.env.LEADTRAIL_BENCH_CAPTURES ?? 300) } = {}) {
  const mu = path.join(site.dir, 'wp-content', 'mu-plugins');
  fs.mkdirSync(mu, { recursive: true });
  fs.writeFileSync(
    path.join(mu, MU),
    `<?php
add_action('wp_loaded', static function () {
	if (!isset($_GET['leadtrail_bench_capture']) || ($_SERVER['REQUEST_METHOD'] ?? '') !== 'POST') {
		return;
	}
	$post = wp_unslash($_POST);
	$fields = array('name' => $post['name'] ?? '', 'email' => $post['email'] ?? '', 'message' => $post['message'] ?? '');
	$started = hrtime(true);
	if ($_GET['leadtrail_bench_capture'] === 'on') {
		do_action('leadtrail_capture_request', $fields, array('form_name' => 'Bench'));
	}
	$ms = (hrtime(true) - $started) / 1e6;
	wp_send_json(array('ok' => true, 'ms' => $ms));
});
`,
  );
  const saved = sql(`SELECT option_name, option_value FROM wp_options WHERE option_name IN (${OPTIONS.map((o) => `'${o}'`).join(',')})`, site.database);
  const set = (name, value) =>
    sql(
      `INSERT INTO wp_options (option_name, option_value, autoload) VALUES ('${name}', '${value}', 'no') ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)`,
      site.database,
    );
  set('leadtrail_test_request_limit', '100000000');
  set('leadtrail_notify_admin', '0'); // no mail server on the bench machine: measure capture, not sendmail
  try {
    const siteKey = sql("SELECT option_value FROM wp_options WHERE option_name = 'leadtrail_site_key'", site.database).trim();
    const hit = await fetch(`${site.url}/wp-content/plugins/leadtrail/collect.php`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ site_key: siteKey, url: `${site.url}/contacts/`, referrer: '', title: 'Contacts' }),
    }).then((r) => r.json());
    const { visitor_id, session_id, hit_id } = hit.result;
    const hidden = {
      site_key: siteKey,
      key: siteKey,
      uri: `${site.url}/contacts/`,
      visitor_id,
      session_id,
      hit_id,
      consultant_server_url: `${site.url}/wp-json/leadtrail/v1/`,
    };

    const samples = { on: { php: [], total: [] }, off: { php: [], total: [] } };
    const post = async (mode, i) => {
      const started = performance.now();
      const response = await fetch(`${site.url}/?leadtrail_bench_capture=${mode}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
        body: new URLSearchParams({ ...hidden, name: `Посетитель ${i}`, email: `v${i}@example.com`, message: `Заявка номер ${i} (${mode})` }).toString(),
      });
      const answer = await response.json();
      samples[mode].total.push(performance.now() - started);
      samples[mode].php.push(answer.ms);
    };
    for (let i = 0; i < 20; i++) await post(i % 2 ? 'on' : 'off', -i - 1); // warm-up, not counted
    samples.on = { php: [], total: [] };
    samples.off = { php: [], total: [] };
    const before = Number(sql(`SELECT COUNT(*) FROM wp_leadtrail_requests WHERE form_name = 'Bench' AND visitor_id = ${visitor_id}`, site.database));
    for (let i = 0; i < submissions; i++) {
      await post('off', i);
      await post('on', i);
    }
    const recorded = Number(sql(`SELECT COUNT(*) FROM wp_leadtrail_requests WHERE form_name = 'Bench' AND visitor_id = ${visitor_id}`, site.database)) - before;

    const on = { php: stats(samples.on.php), total: stats(samples.on.total) };
    const off = { php: stats(samples.off.php), total: stats(samples.off.total) };
    const f = (n) => n.toFixed(2).padStart(7);
    console.log(`\nAutomatic capture: ${submissions} form submissions with and ${submissions} without capture, interleaved; ${recorded} requests recorded`);
    console.log(`  capture inside PHP (the hook)       p50 ${f(on.php.p50)} ms   p95 ${f(on.php.p95)} ms   (goal: p50 under 5 ms)`);
    console.log(`  form POST, capture on               p50 ${f(on.total.p50)} ms   p95 ${f(on.total.p95)} ms`);
    console.log(`  form POST, capture off (baseline)   p50 ${f(off.total.p50)} ms   p95 ${f(off.total.p95)} ms`);
    console.log(`  added to the submission             p50 ${f(on.total.p50 - off.total.p50)} ms   p95 ${f(on.total.p95 - off.total.p95)} ms`);
    return { on, off, recorded };
  } finally {
    fs.rmSync(path.join(mu, MU), { force: true });
    sql(`DELETE FROM wp_options WHERE option_name IN (${OPTIONS.map((o) => `'${o}'`).join(',')})`, site.database);
    for (const line of saved.split('\n').filter(Boolean)) {
      const [name, value] = line.split('\t');
      set(name, value);
    }
  }
}
