// Automatic server-side capture. Gravity Forms and Elementor Pro have no released copy on the test
// machine, so their integrations are driven here through stand-ins
// (fixtures/capture/leadtrail-form-plugin-standins.php, copied into mu-plugins) that fire the
// plugin's documented hook with a real visitor's hidden fields; so is the documented
// `leadtrail_capture_request` action. Every other plugin is tested as released:
// capture-real-plugins.test.ts submits the real Formidable, Fluent Forms, Contact Form 7, WPForms
// Lite and Ninja Forms forms (with the capture rules: no identity, forged ids, the flood ceiling, a
// failure inside capture), capture-real-woocommerce.test.ts buys through WooCommerce's checkouts.
// Comments and plain `data-leadtrail` forms go through real WordPress and a real browser. Each
// submission must end as exactly one request with the right fields and source; a broken submission
// never breaks the form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { newVisitor, type Credentials, whenReady } from './lib/visitor';
import { keepOptions, setOption, siteUrl, sql } from './lib/wp';
import { e2eSite } from './lib/site';

const siteDir = (): string => e2eSite().dir;
const muPlugin = () => path.join(siteDir(), 'wp-content', 'mu-plugins', 'leadtrail-form-plugin-standins.php');
const debugLog = () => path.join(siteDir(), 'debug.log');

let browser: Browser;
let context: BrowserContext;
let visitor: Credentials;
let restoreOptions: () => void;

beforeAll(async () => {
  fs.copyFileSync(new URL('./fixtures/capture/leadtrail-form-plugin-standins.php', import.meta.url), muPlugin());
  restoreOptions = keepOptions(['leadtrail_test_request_limit', 'leadtrail_capture_comments']);
  setOption('leadtrail_test_request_limit', '100000');
  browser = await launchBrowser();
  ({ context, credentials: visitor } = await newVisitor(browser));
});

afterAll(async () => {
  fs.rmSync(muPlugin(), { force: true });
  restoreOptions?.();
  await context?.close();
  await browser?.close();
});

/** The hidden fields exactly as the runtime put them into the visitor's forms. */
const hidden = (c: Credentials): Record<string, string> => ({
  site_key: c.site_key,
  key: c.key,
  uri: c.uri,
  visitor_id: String(c.visitor_id),
  hit_id: String(c.hit_id),
  session_id: String(c.session_id),
  consultant_server_url: c.consultant_server_url,
});

async function fire(plugin: string, fields: Record<string, string>, { broken = false, cookies = '', referer = '' } = {}) {
  const response = await fetch(`${siteUrl()}/?leadtrail_standin=${plugin}${broken ? '&broken=1' : ''}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8',
      ...(cookies ? { Cookie: cookies } : {}),
      ...(referer ? { Referer: referer } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

const rowsOf = (where: string) =>
  sql(`SELECT source, name, email, phone, message, COALESCE(form_name, ''), is_sale, COALESCE(sale_cost, ''), session_id, hit_id, page_url
    FROM wp_leadtrail_requests WHERE visitor_id = ${visitor.visitor_id} AND ${where} ORDER BY id`);

// [plugin in the stand-in, source, form name as recorded, the message it records]
const plugins: Array<[string, string, string]> = [
  ['gravityforms', 'gravityforms', 'Заявка'],
  ['elementor', 'elementor', 'New Form'],
  ['custom', 'custom', 'API'],
];

describe('each form plugin’s hook records exactly one request', () => {
  for (const [plugin, source, form] of plugins) {
    it(`${plugin}: the documented hook → one request, source "${source}"`, async () => {
      const message = `Перезвоните (${plugin})`;
      const fields = { ...hidden(visitor), name: 'Иван Петров', email: 'ivan@example.com', phone: '+7 912 345-67-89', message };
      expect(await fire(plugin, fields)).toEqual({ status: 200, body: { ok: true, plugin } });
      // The same submission again (a double click, a retried AJAX post): still one request.
      expect((await fire(plugin, fields)).status).toBe(200);
      expect(rowsOf(`source = '${source}'`)).toEqual([
        [
          source,
          'Иван Петров',
          'ivan@example.com',
          '+7 912 345-67-89',
          message,
          form,
          '0',
          '',
          String(visitor.session_id),
          String(visitor.hit_id),
          visitor.uri,
        ],
      ]);
    });
  }

  it('custom: fields with no lead field of their own are kept as user fields', () => {
    expect(JSON.parse(sql(`SELECT user_fields FROM wp_leadtrail_requests WHERE visitor_id = ${visitor.visitor_id} AND source = 'custom'`)[0]![0]!)).toEqual({
      Город: 'Москва',
    });
  });
});

describe('a broken submission never breaks the host form', () => {
  for (const plugin of ['gravityforms', 'elementor']) {
    it(`${plugin}: the host still answers success, nothing is recorded`, async () => {
      const before = Number(sql('SELECT COUNT(*) FROM wp_leadtrail_requests')[0]![0]);
      const answer = await fire(plugin, { ...hidden(visitor), name: 'Сломанный', message: `broken ${plugin}` }, { broken: true });
      expect(answer).toEqual({ status: 200, body: { ok: true, plugin } });
      expect(Number(sql('SELECT COUNT(*) FROM wp_leadtrail_requests')[0]![0])).toBe(before);
    });
  }

  it('a submission object that throws is logged with error_log', () => {
    const log = fs.readFileSync(debugLog(), 'utf8');
    expect(log).toContain('LeadTrail: a elementor submission was not recorded: RuntimeException: stand-in: the record is broken');
  });
});

describe('WordPress comments (real wp-comments-post.php)', () => {
  const postId = () =>
    sql("SELECT ID FROM wp_posts WHERE post_type = 'post' AND post_status = 'publish' AND comment_status = 'open' ORDER BY ID LIMIT 1")[0]![0]!;
  const comment = (text: string) =>
    fetch(`${siteUrl()}/wp-comments-post.php`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        ...hidden(visitor),
        comment_post_ID: postId(),
        author: 'Комментатор',
        email: 'c@example.com',
        url: '',
        comment: text,
      }).toString(),
    });

  it('is off by default: a comment records no request', async () => {
    expect((await comment('Первый комментарий, без записи')).status).toBe(302);
    expect(rowsOf("source = 'comments'")).toEqual([]);
  });

  it('when switched on, a comment is one request', async () => {
    setOption('leadtrail_capture_comments', '1');
    expect((await comment('Второй комментарий')).status).toBe(302);
    const [row] = rowsOf("source = 'comments'");
    expect(row!.slice(0, 6)).toEqual(['comments', 'Комментатор', 'c@example.com', 'NULL', 'Второй комментарий', expect.stringMatching(/^Comment: /)]);
  });
});

describe('a plain <form data-leadtrail> posted to the site (real browser, real runtime)', () => {
  it('is captured once, with the hidden fields the runtime added, and the page still renders', async () => {
    const page = await context.newPage();
    await page.goto(`${siteUrl()}/leadtrail-demo/`);
    await page.evaluate(whenReady);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        `<form data-leadtrail method="post" action="/" id="plain">
        <input type="hidden" name="leadtrail_form" value="Обратный звонок">
        <input name="fio" value="Мария"><input name="телефон" value="8 (800) 555-35-35">
        <textarea name="comment">Перезвоните утром</textarea><button>Send</button></form>`,
      );
    });
    await expect.poll(() => page.locator('#plain input[name=visitor_id]').count()).toBe(1);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#plain button')]);
    expect(response?.status()).toBe(200);
    expect(rowsOf("source = 'form'").map((r) => r.slice(0, 6))).toEqual([
      ['form', 'Мария', 'NULL', '8 (800) 555-35-35', 'Перезвоните утром', 'Обратный звонок'],
    ]);
    await page.close();
  });
});
