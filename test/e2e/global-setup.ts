// Brings up a fresh harness WordPress for the end-to-end suite, apart from the `npm start` site.
import type { TestProject } from 'vitest/node';
import { ensureDbServer, stopDbServer } from '../harness/mariadb.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { describeSite, ensureSite, serveSite, stopSite } from '../harness/wordpress.mjs';
import type {} from './lib/site';
import { e2eWorkers } from './workers';

/**
 * The machine has no mail server: a must-use plugin stands in for it (WordPress's documented
 * `pre_wp_mail` filter, 5.7+) and keeps each message in an option `leadtrail_test_mail_<id>`; it also
 * keeps each captcha's answer in `leadtrail_test_captcha_<key>`, and switches collect.php on to keep
 * them too (option `leadtrail_test_captcha_answers`).
 */
function installMailCatcher(siteDir: string) {
  const dir = path.join(siteDir, 'wp-content', 'mu-plugins');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'leadtrail-test-mail.php'),
    `<?php
// One option per message, so that mails sent by concurrent requests never overwrite each other.
add_filter('pre_wp_mail', static function ($short, array $atts) {
	$mail = array('to' => (array) $atts['to'], 'subject' => (string) $atts['subject'], 'message' => (string) $atts['message']);
	add_option('leadtrail_test_mail_' . uniqid('', true), $mail, '', 'no');
	return true;
}, 10, 2);
// The captcha's test-mode hook (docs/contracts.md, "Captcha"): tests read the answer here, never
// from the image.
// One option per key: captchas made at the same moment must not overwrite each other's answer.
add_action('leadtrail_captcha_created', static function (string $key, string $answer): void {
	add_option('leadtrail_test_captcha_' . $key, $answer, '', 'no');
}, 10, 2);
// collect.php runs no hooks: this switch makes it keep each captcha's answer the same way (TestAnswers).
add_option('leadtrail_test_captcha_answers', '1', '', 'no');
// Every file of the suite sends notices to one site: one file's mails must not use up the next
// file's budget (floods.test.ts sets the real budget for its digest test).
add_option('leadtrail_test_notice_budget', '1000', '', 'no');
`,
  );
}

/**
 * One site per worker (vitest.config.ts, maxWorkers), on one MariaDB server: LEADTRAIL_TEST_PORT
 * (default 8898) for the first, 10 more for each next one. A site's test files may use the next two
 * ports for sites of their own (the upload test, the harness test).
 */
export default async function setup(project: TestProject) {
  const port = Number(process.env.LEADTRAIL_TEST_PORT ?? 8898);
  const startedDb = Boolean(await ensureDbServer());
  const sites = Array.from({ length: e2eWorkers() }, (_, i) => describeSite({ name: i === 0 ? 'e2e' : `e2e${i + 1}`, port: port + 10 * i, withPlugin: true }));
  const started: typeof sites = [];
  for (const site of sites) {
    await ensureSite(site, { fresh: true });
    installMailCatcher(site.dir);
    if (await serveSite(site)) started.push(site);
  }
  project.provide(
    'leadtrailSites',
    sites.map((site, i) => ({
      worker: i + 1,
      name: site.name,
      url: site.url,
      port: site.port,
      database: site.database,
      dir: site.dir,
    })),
  );
  return async () => {
    for (const site of started) await stopSite(site);
    if (startedDb) await stopDbServer();
  };
}
