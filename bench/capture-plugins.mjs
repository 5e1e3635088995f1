// What automatic capture adds to a submission of each released form plugin of
// `sharedPlugins` of test/harness/paths.mjs (the ones the end-to-end suite installs): each is installed into the
// bench site, its form made through its own PHP API (test/e2e/php/), and posted over HTTP the way
// its own script posts it (or the browser, for Formidable without JavaScript), with the hidden
// fields and cookies the runtime gives a visitor. A must-use plugin switches capture off for a
// request carrying the cookie `leadtrail_bench_capture=off` (LeadTrail's integrations are then not
// registered; everything else is the same), so capture on and off are interleaved in one run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from '../test/harness/mariadb.mjs';
import { run } from '../test/harness/processes.mjs';
import { sharedPlugins } from '../test/harness/paths.mjs';

const MU = 'leadtrail-bench-capture-switch.php';
const phpDir = fileURLToPath(new URL('../test/e2e/php/', import.meta.url));

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};

const zipOf = (slug) =>
  fs.existsSync(sharedPlugins) ? fs.readdirSync(sharedPlugins).find((file) => new RegExp(`^${slug}-\\d[\\w.]*\\.zip$`).test(file)) : undefined;

/** The named fields of the first <form> whose opening tag matches `marker`, as the page serves them. */
function formFields(html, marker) {
  const start = html.search(new RegExp(`<form[^>]*${marker}`));
  if (start < 0) throw new Error(`no form ${marker} on the page`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields = [];
  for (const [tag] of form.matchAll(/<(input|textarea)\b[^>]*>/g)) {
    const name = /\bname=["']([^"']+)["']/.exec(tag)?.[1];
    if (!name || /type=["'](submit|checkbox|radio)["']/.test(tag)) continue;
    fields.push([name.replace(/&#0?39;/g, "'"), /\bvalue=["']([^"']*)["']/.exec(tag)?.[1] ?? '']);
  }
  return fields;
}

/** A cookie jar for one client: what the site set, sent back with each request. */
function cookieJar(initial) {
  const jar = new Map(Object.entries(initial));
  return {
    header: (extra = {}) => [...jar, ...Object.entries(extra)].map(([k, v]) => `${k}=${v}`).join('; '),
    take(response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
    },
  };
}

/**
 * @param {{url: string, dir: string, database: string}} site a running harness site with the plugin
 * @param {{submissions?: number}} [options]
 */
export async function benchCapturePlugins(site, { submissions = Number(process.env.LEADTRAIL_BENCH_PLUGIN_CAPTURES ?? 100) } = {}) {
  const slugs = ['formidable', 'fluentform', 'contact-form-7', 'wpforms-lite', 'ninja-forms', 'woocommerce'];
  const missing = slugs.filter((slug) => !zipOf(slug));
  if (missing.length > 0) {
    console.log(`\nCapture per form plugin: not measured: no released zip of ${missing.join(', ')} in ${sharedPlugins}`);
    return null;
  }
  const php = (script, ...args) => run('php', [path.join(phpDir, 'with-site.php'), site.dir, site.url, path.join(phpDir, script), ...args]).trim();
  const db = (statement) => sql(statement, site.database).trim();
  const plugins = path.join(site.dir, 'wp-content', 'plugins');
  const install = (slug, main = `${slug}/${slug}.php`) => {
    if (!fs.existsSync(path.join(plugins, slug))) run('unzip', ['-q', '-o', path.join(sharedPlugins, zipOf(slug)), '-d', plugins]);
    php('plugin-state.php', 'activate', main);
  };
  const mu = path.join(site.dir, 'wp-content', 'mu-plugins');
  fs.mkdirSync(mu, { recursive: true });
  fs.writeFileSync(
    path.join(mu, MU),
    `<?php
// The bench machine has no mail server: messages are dropped, in both modes alike.
add_filter('pre_wp_mail', '__return_true');
// All the bench's submissions come from one address: Fluent Forms' own flood guard (5 in 30 seconds) off.
add_filter('fluentform/prevent_malicious_attacks', '__return_false');
// Capture off for this request: LeadTrail's integrations are registered at plugins_loaded (20).
add_action('plugins_loaded', static function (): void {
	if (($_COOKIE['leadtrail_bench_capture'] ?? '') === 'off') {
		remove_action('plugins_loaded', array('LeadTrail\\\\Integrations\\\\Integrations', 'register'), 20);
	}
}, 0);
`,
  );
  db(
    "INSERT INTO wp_options (option_name, option_value, autoload) VALUES ('leadtrail_test_request_limit', '100000000', 'no') ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)",
  );
  db(
    "INSERT INTO wp_options (option_name, option_value, autoload) VALUES ('leadtrail_notify_admin', '0', 'no') ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)",
  );
  try {
    install('formidable');
    const formidableId = php('formidable-form.php');
    install('fluentform');
    install('contact-form-7', 'contact-form-7/wp-contact-form-7.php');
    install('wpforms-lite', 'wpforms-lite/wpforms.php');
    const wpformsId = php('wpforms-form.php');
    install('ninja-forms');
    install('woocommerce');
    php('woocommerce-store.php');
    const productId = db("SELECT post_id FROM wp_postmeta WHERE meta_key = '_sku' AND meta_value = 'leadtrail-kettle' LIMIT 1");
    const fluentId = db("SELECT id FROM wp_fluentform_forms WHERE title = 'Contact Form Demo' ORDER BY id LIMIT 1");
    const cf7Id = db("SELECT ID FROM wp_posts WHERE post_type = 'wpcf7_contact_form' AND post_title = 'Contact form 1' ORDER BY ID LIMIT 1");
    const ninjaId = db("SELECT id FROM wp_nf3_forms WHERE title = 'Contact Me' ORDER BY id LIMIT 1");
    const page = (slug, content) => php('form-page.php', slug, slug, content);
    const pages = {
      formidable: page('bench-formidable', `[formidable id=${formidableId}]`),
      fluent: page('bench-fluent', `[fluentform id="${fluentId}"]`),
      cf7: page('bench-cf7', `[contact-form-7 id="${cf7Id}" title="Contact form 1"]`),
      wpforms: page('bench-wpforms', `[wpforms id="${wpformsId}"]`),
      ninja: page('bench-ninja', `[ninja_form id=${ninjaId}]`),
      woocommerce: page('bench-checkout', '[woocommerce_checkout]'),
    };

    // A visitor as the runtime makes one: its ids from a hit, its cookies, the form's hidden fields.
    const siteKey = db("SELECT option_value FROM wp_options WHERE option_name = 'leadtrail_site_key'");
    const visitor = async (uri) => {
      const answer = await fetch(`${site.url}/wp-content/plugins/leadtrail/collect.php`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ site_key: siteKey, url: uri, referrer: '', title: 'Bench' }),
      }).then((r) => r.json());
      const { visitor_id, session_id, hit_id, token } = answer.result;
      return {
        id: visitor_id,
        cookies: { _comagic_id: `${visitor_id}.${session_id}.${Math.floor(Date.now() / 1000)}`, _leadtrail_token: token },
        hidden: [
          ['site_key', siteKey],
          ['key', siteKey],
          ['uri', uri],
          ['visitor_id', String(visitor_id)],
          ['hit_id', String(hit_id)],
          ['session_id', String(session_id)],
          ['consultant_server_url', `${site.url}/wp-content/plugins/leadtrail/server/`],
        ],
      };
    };
    const get = async (url, jar) => {
      const response = await fetch(url, { headers: { Cookie: jar.header() } });
      jar.take(response);
      return response.text();
    };
    // The page's fields with `values` put in (a select or a radio button the page lists is added).
    const fill = (fields, values) => [
      ...fields.map(([name, value]) => [name, values[name] ?? value]),
      ...Object.entries(values).filter(([name]) => !fields.some(([known]) => known === name)),
    ];
    const ajax = `${site.url}/wp-admin/admin-ajax.php`;

    // Each: the form's page once per visitor, then one POST per submission as the plugin sends it;
    // `ok` tells the plugin's success answer from a refusal.
    const cases = {
      'Formidable 6.34 (a page POST)': async (who, jar) => {
        const fields = formFields(await get(pages.formidable, jar), 'id="form_contact-us"');
        const ids = Object.fromEntries(
          db(`SELECT field_key, id FROM wp_frm_fields WHERE form_id = ${formidableId}`)
            .split('\n')
            .map((l) => l.split('\t')),
        );
        return (i) => ({
          url: pages.formidable,
          body: new URLSearchParams([
            ...fill(fields, {
              [`item_meta[${ids.name}]`]: `Посетитель ${i}`,
              [`item_meta[${ids.email}]`]: `v${i}@example.com`,
              [`item_meta[${ids.message}]`]: `Заявка ${i}`,
            }),
            ...who.hidden,
          ]),
          ok: (status, text) => status === 200 && text.includes('successfully submitted'),
        });
      },
      'Fluent Forms 6.2 (admin-ajax, the form as one string)': async (who, jar) => {
        const fields = formFields(await get(pages.fluent, jar), 'id="fluentform_');
        return (i) => ({
          url: ajax,
          body: new URLSearchParams({
            action: 'fluentform_submit',
            form_id: fluentId,
            data: new URLSearchParams([
              ...fill(fields, { 'names[first_name]': 'Посетитель', 'names[last_name]': String(i), email: `v${i}@example.com`, message: `Заявка ${i}` }),
              ...who.hidden,
            ]).toString(),
          }),
          ok: (status, text) => status === 200 && text.includes('"success"'),
        });
      },
      'Contact Form 7 6.1 (its REST route)': async (who, jar) => {
        const fields = formFields(await get(pages.cf7, jar), 'class="wpcf7-form');
        return (i) => {
          const body = new FormData();
          for (const [name, value] of [
            ...fill(fields, { 'your-name': `Посетитель ${i}`, 'your-email': `v${i}@example.com`, 'your-subject': 'Звонок', 'your-message': `Заявка ${i}` }),
            ...who.hidden,
          ])
            body.append(name, value);
          return {
            url: `${site.url}/wp-json/contact-form-7/v1/contact-forms/${cf7Id}/feedback`,
            body,
            ok: (status, text) => status === 200 && text.includes('"mail_sent"'),
          };
        };
      },
      'WPForms Lite 2.0 (admin-ajax)': async (who, jar) => {
        const html = await get(pages.wpforms, jar);
        const fields = formFields(html, `id="wpforms-form-${wpformsId}"`);
        const token = /data-token="([^"]+)"/.exec(html)?.[1] ?? '';
        return (i) => {
          const body = new FormData();
          // As its script adds them: the anti-spam token, and a visit that began 5 seconds earlier.
          const now = Math.floor(Date.now() / 1000);
          for (const [name, value] of [
            ...fill(fields, {
              'wpforms[fields][1][first]': 'Посетитель',
              'wpforms[fields][1][last]': String(i),
              'wpforms[fields][2]': `v${i}@example.com`,
              'wpforms[fields][3]': `Заявка ${i}`,
            }),
            ...who.hidden,
            ['action', 'wpforms_submit'],
            ['wpforms[token]', token],
            ['start_timestamp', String(now - 5)],
            ['end_timestamp', String(now)],
          ])
            body.append(name, value);
          return { url: ajax, body, ok: (status, text) => status === 200 && text.includes('"success":true') };
        };
      },
      'Ninja Forms 3.14 (admin-ajax, JSON; no hidden fields, the cookies)': async (who, jar) => {
        const html = await get(pages.ninja, jar);
        const nonce = /"ajaxNonce":"([^"]+)"/.exec(html)?.[1] ?? '';
        const fields = Object.fromEntries(
          db(`SELECT \`key\`, id FROM wp_nf3_fields WHERE parent_id = ${ninjaId}`)
            .split('\n')
            .map((l) => l.split('\t')),
        );
        const field = (key, value) => [fields[key], { id: Number(fields[key]), value }];
        return (i) => ({
          url: ajax,
          body: new URLSearchParams({
            action: 'nf_ajax_submit',
            security: nonce,
            formData: JSON.stringify({
              id: ninjaId,
              fields: Object.fromEntries([field('name', `Посетитель ${i}`), field('email', `v${i}@example.com`), field('message', `Заявка ${i}`)]),
              settings: {},
              extra: {},
            }),
          }),
          ok: (status, text) => status === 200 && !text.includes('"errors":{"') && text.includes('"actions"'),
        });
      },
      'WooCommerce 10.9 (classic checkout, wc-ajax; a cart each time)': async (who, jar) => {
        await get(`${site.url}/?add-to-cart=${productId}`, jar);
        const fields = formFields(await get(pages.woocommerce, jar), 'name="checkout"');
        return async (i) => {
          await get(`${site.url}/?add-to-cart=${productId}`, jar);
          return {
            url: `${site.url}/?wc-ajax=checkout`,
            body: new URLSearchParams([
              ...fill(fields, {
                billing_first_name: 'Посетитель',
                billing_last_name: String(i),
                billing_address_1: '1 Main St',
                billing_city: 'Los Angeles',
                billing_state: 'CA',
                billing_postcode: '90001',
                billing_country: 'US',
                billing_email: `v${i}@example.com`,
                payment_method: 'cod',
              }),
              ...who.hidden,
            ]),
            ok: (status, text) => status === 200 && text.includes('"result":"success"'),
          };
        };
      },
    };

    console.log(
      `\nCapture per form plugin (the released plugins; ${submissions} submissions with capture and ${submissions} without, interleaved, one visitor each;`,
    );
    console.log('the time of the plugin\'s own POST as the visitor waits; "added" = capture on minus capture off)');
    const results = {};
    for (const [label, prepare] of Object.entries(cases)) {
      const who = await visitor(`${site.url}/bench-form/`);
      const jars = { on: cookieJar(who.cookies), off: cookieJar({ ...who.cookies, leadtrail_bench_capture: 'off' }) };
      const makers = { on: await prepare(who, jars.on), off: await prepare(who, jars.off) };
      const samples = { on: [], off: [] };
      const refused = { on: 0, off: 0 };
      let firstRefusal = '';
      const post = async (mode, i) => {
        const { url, body, ok } = await makers[mode](`${mode}-${i}`);
        const started = performance.now();
        const response = await fetch(url, { method: 'POST', headers: { Cookie: jars[mode].header(), Referer: `${site.url}/bench-form/` }, body });
        const text = await response.text();
        const ms = performance.now() - started;
        jars[mode].take(response);
        if (!ok(response.status, text)) {
          refused[mode] += 1;
          firstRefusal ||= `${response.status} ${text
            .replace(/<[^>]*>|\\[nt]/g, ' ')
            .replace(/\s+/g, ' ')
            .slice(0, 200)}`;
        }
        return ms;
      };
      for (let i = 0; i < 5; i++) for (const mode of ['off', 'on']) await post(mode, `warm${i}`);
      const before = Number(db(`SELECT COUNT(*) FROM wp_leadtrail_requests WHERE visitor_id = ${who.id}`));
      for (let i = 0; i < submissions; i++) {
        samples.off.push(await post('off', i));
        samples.on.push(await post('on', i));
      }
      const recorded = Number(db(`SELECT COUNT(*) FROM wp_leadtrail_requests WHERE visitor_id = ${who.id}`)) - before;
      const on = stats(samples.on);
      const off = stats(samples.off);
      const f = (n) => n.toFixed(1).padStart(6);
      console.log(`  ${label}`);
      console.log(
        `    capture off p50 ${f(off.p50)} ms  p95 ${f(off.p95)} ms;  on p50 ${f(on.p50)} ms  p95 ${f(on.p95)} ms;  added p50 ${f(on.p50 - off.p50)} ms  p95 ${f(on.p95 - off.p95)} ms`,
      );
      console.log(`    ${recorded} of ${submissions} captured submissions recorded`);
      if (firstRefusal) console.log(`    the plugin refused ${refused.on} with capture and ${refused.off} without, first: ${firstRefusal}`);
      results[label] = { on, off, recorded, refused };
    }
    return results;
  } finally {
    fs.rmSync(path.join(mu, MU), { force: true });
  }
}
