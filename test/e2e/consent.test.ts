// "Wait for consent" (docs/contracts.md, "Consent"), in Chromium. The WP Consent API is a third-party
// plugin that cannot be installed here, so a must-use plugin fakes it to its documented contract
// (fixtures/consent/leadtrail-consent-api-standin.php: wp_has_consent in PHP and JS, wp_set_consent,
// the wp_listen_for_consent_change event, the registry filter). With the setting on and no consent:
// no runtime request, no cookie, no hit, the page's __cs.push calls wait; consent given: the runtime
// loads, the calls run in order, one hit; a reload with consent stored loads at once; off: as before.
// A form sent on the server without consent is still one request, with no visitor; with consent it
// is the visitor's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { demoUrl, whenReady } from './lib/visitor';
import { adminPage, caughtMails, count, getOption, keepOptions, saveSettings, setOption, siteUrl, sql } from './lib/wp';
import { e2eSite } from './lib/site';

const STANDIN = 'leadtrail-consent-api-standin.php';
const standinPath = () => path.join(e2eSite().dir, 'wp-content', 'mu-plugins', STANDIN);
let restoreOptions: () => void;
let browser: Browser;
let admin: Page;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  restoreOptions = keepOptions(['leadtrail_wait_for_consent', 'leadtrail_test_request_limit']);
  setOption('leadtrail_test_request_limit', '100000');
  browser = await launchBrowser();
  admin = await adminPage(browser);
  contexts.push(admin.context());
});

afterAll(async () => {
  restoreOptions?.();
  fs.rmSync(standinPath(), { force: true });
  for (const context of contexts) await context.close();
  await browser?.close();
});

/** A visitor's tab that records what it asked the server for, with the page's own early __cs.push calls. */
async function visitorPage(context?: BrowserContext) {
  if (!context) {
    context = await browser.newContext();
    contexts.push(context);
  }
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    const w = window as any;
    w.order = [];
    document.addEventListener('DOMContentLoaded', () => {
      w.__cs.push(['onReady', () => w.order.push('first')]);
      w.__cs.push([
        'onReady',
        (c: any) => {
          w.order.push(`second:${c.visitor_id}`);
          w.Comagic.trackEvent('Consent', 'Queued');
        },
      ]);
    });
  });
  await page.goto(demoUrl());
  await page.waitForLoadState('load');
  const runtimeRequests = () => requests.filter((url) => /leadtrail\.js|collect\.php|leadtrail\/v1\/hit/.test(url));
  const leadtrailCookies = async () => (await context!.cookies()).filter((c) => /^_comagic_id|^_leadtrail/.test(c.name));
  return { page, context, runtimeRequests, leadtrailCookies };
}

describe('the setting', () => {
  it('is off by default; saved on, it is shown on, with a warning while no Consent API is active', async () => {
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail`);
    expect(await admin.isChecked('#leadtrail_wait_for_consent')).toBe(false);
    expect(await admin.locator('#leadtrail-consent-missing').count()).toBe(0);
    await admin.check('#leadtrail_wait_for_consent');
    expect(await saveSettings(admin)).toContain('Settings saved.');
    expect(getOption('leadtrail_wait_for_consent')).toBe('1');
    expect(await admin.isChecked('#leadtrail_wait_for_consent')).toBe(true);
    expect(await admin.locator('#leadtrail-consent-missing').innerText()).toContain('The WP Consent API is not active on this site');
  });

  it('without any Consent API, on means nothing loads', async () => {
    const { runtimeRequests, leadtrailCookies } = await visitorPage();
    expect(runtimeRequests()).toEqual([]);
    expect(await leadtrailCookies()).toEqual([]);
  });

  it('with the Consent API active: no warning, and LeadTrail is registered as consent-aware', async () => {
    fs.copyFileSync(new URL(`./fixtures/consent/${STANDIN}`, import.meta.url), standinPath());
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail`);
    expect(await admin.isChecked('#leadtrail_wait_for_consent')).toBe(true);
    expect(await admin.locator('#leadtrail-consent-missing').count()).toBe(0);
    const html = await (await fetch(demoUrl())).text();
    expect(html).toContain('<meta name="consent-api-standin-registered" content="yes">');
    expect(html).not.toMatch(/<script[^>]*id="leadtrail-runtime"/);
    expect(html).toMatch(/<script [^>]*id="leadtrail-embed">var __cs = __cs \|\| \[\];/);
  });
});

describe('a visitor', () => {
  let visitor: Awaited<ReturnType<typeof visitorPage>>;
  let hitsBefore: number;

  it('before consent: no runtime request, no cookie, no hit; the page’s __cs.push calls wait', async () => {
    hitsBefore = count('hits');
    visitor = await visitorPage();
    await visitor.page.waitForTimeout(500);
    expect(visitor.runtimeRequests()).toEqual([]);
    expect(await visitor.leadtrailCookies()).toEqual([]);
    expect(count('hits')).toBe(hitsBefore);
    expect(
      await visitor.page.evaluate(() => ({ queued: (window as any).__cs.length, comagic: typeof (window as any).Comagic, order: (window as any).order })),
    ).toEqual({ queued: 4, comagic: 'undefined', order: [] }); // setCsAccount, the demo's onReady, and ours
    expect(await visitor.page.locator('#leadtrail-demo-form input[name=visitor_id]').count(), 'no hidden fields either').toBe(0);
  });

  it('a refusal changes nothing', async () => {
    await visitor.page.evaluate(() => (window as any).wp_set_consent('statistics', 'deny'));
    await visitor.page.waitForTimeout(300);
    expect(visitor.runtimeRequests()).toEqual([]);
    expect(count('hits')).toBe(hitsBefore);
  });

  it('consent given (the event): the runtime loads, the queued calls run in order, cookies set, one hit', async () => {
    await visitor.page.evaluate(() => (window as any).wp_set_consent('statistics', 'allow'));
    await visitor.page.waitForFunction(() => (window as any).order.length === 2);
    const credentials = (await visitor.page.evaluate(whenReady)) as { visitor_id: number };
    expect(await visitor.page.evaluate(() => (window as any).order)).toEqual(['first', `second:${credentials.visitor_id}`]);
    expect((await visitor.leadtrailCookies()).map((c) => c.name).sort()).toEqual(['_comagic_id', '_leadtrail_token']);
    expect(count('hits', `visitor_id = ${credentials.visitor_id}`)).toBe(1);
    expect(count('hits')).toBe(hitsBefore + 1);
    await expect.poll(() => count('events', `visitor_id = ${credentials.visitor_id} AND category = 'Consent'`)).toBe(1);
    expect(visitor.runtimeRequests().filter((url) => url.includes('leadtrail.js'))).toHaveLength(1);
  });

  it('a reload with consent stored loads at once, as the same visitor', async () => {
    const [before] = await visitor.page.evaluate(() => [(window as any).Comagic.getVisitorId()]);
    const again = await visitorPage(visitor.context);
    const credentials = (await again.page.evaluate(whenReady)) as { visitor_id: number };
    expect(credentials.visitor_id).toBe(before);
    expect(await again.page.evaluate(() => (window as any).order)).toEqual(['first', `second:${before}`]);
    expect(count('hits', `visitor_id = ${before}`)).toBe(2);
  });

  it('a form sent on the server with the hidden fields is recorded, and the answer sets no cookie', async () => {
    const fields = (await visitor.page.evaluate(() => (window as any).Comagic.getCredentials())) as Record<string, unknown>;
    const response = await fetch(`${String(fields.consultant_server_url)}api/add_offline_message/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      body: new URLSearchParams({
        site_key: String(fields.site_key),
        visitor_id: String(fields.visitor_id),
        session_id: String(fields.session_id),
        hit_id: String(fields.hit_id),
        name: 'Согласный',
        phone: '79990000009',
        text: 'С согласия',
      }).toString(),
    });
    expect(await response.json()).toEqual({ success: true });
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(sql(`SELECT name FROM wp_leadtrail_requests WHERE visitor_id = ${Number(fields.visitor_id)}`)).toEqual([['Согласный']]);
  });
});

/** Adds a plain captured form to the page and sends it (`name` would be a WordPress query var: `fio`). */
async function sendPlainForm(page: Page, name: string, message: string) {
  await page.evaluate(
    ([name, message]) => {
      document.body.insertAdjacentHTML(
        'beforeend',
        `<form data-leadtrail method="post" action="/" id="plain">
      <input type="hidden" name="leadtrail_form" value="Consent form">
      <input name="fio" value="${name}"><input name="phone" value="+7 900 000-00-01">
      <textarea name="message">${message}</textarea><button>Send</button></form>`,
      );
    },
    [name, message],
  );
  const [response] = await Promise.all([page.waitForNavigation(), page.click('#plain button')]);
  expect(response?.status()).toBe(200);
}

describe('a form sent on the server (a plain <form data-leadtrail>)', () => {
  const rowsOf = (message: string) =>
    sql(`SELECT id, visitor_id, session_id, hit_id, source, page_url, notify_state
    FROM wp_leadtrail_requests WHERE message = '${message}' ORDER BY id`);

  it('without consent: one request with no visitor, no cookie, no hit; the Requests screen says so, with no visitor link', async () => {
    setOption('leadtrail_wait_for_consent', '1');
    const hitsBefore = count('hits');
    const { page, runtimeRequests, leadtrailCookies } = await visitorPage();
    const message = `Без согласия ${Date.now()}`;
    const formPage = page.url();
    await sendPlainForm(page, 'Несогласный', message);
    const rows = rowsOf(message);
    expect(rows.map((row) => row.slice(1))).toEqual([['0', '0', '0', 'form', formPage, expect.stringMatching(/^(pending|sent)$/)]]);
    expect(await leadtrailCookies()).toEqual([]);
    expect(runtimeRequests()).toEqual([]);
    expect(count('hits')).toBe(hitsBefore);

    const id = rows[0]![0];
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-requests&s=${encodeURIComponent(message)}`);
    const cell = admin.locator('#the-list tr td.column-visitor_id');
    expect(await cell.innerText()).toBe('No visitor (no tracking consent or no JavaScript)');
    expect(await cell.locator('a').count()).toBe(0);
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-requests&request=${id}`);
    const origin = admin.locator('#leadtrail-request-origin');
    expect(await origin.locator('tr', { hasText: 'Visitor' }).first().locator('td').innerText()).toBe('No visitor (no tracking consent or no JavaScript)');
    expect(await admin.locator('a[href*="page=leadtrail-visitors"][href*="visitor=0"]').count()).toBe(0);

    // The notice e-mail still goes out, naming no visitor; the CSV leaves the ID cells empty.
    await expect
      .poll(
        async () => {
          await admin.goto(`${siteUrl()}/wp-admin/`);
          return caughtMails();
        },
        { timeout: 20_000 },
      )
      .toContain(message);
    const mail = sql(`SELECT option_value FROM wp_options WHERE option_name LIKE 'leadtrail\\_test\\_mail\\_%' AND option_value LIKE '%${message}%'`)[0]![0];
    expect(mail).toContain('\nVisitor ID: No visitor (no tracking consent or no JavaScript)\n');
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-requests&s=${encodeURIComponent(message)}`);
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.click('text=Export CSV')]);
    const [, row] = fs
      .readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(row!.split(',').slice(-3)).toEqual(['', '', '']);
  });

  it('with consent: the runtime’s hidden fields make it the visitor’s', async () => {
    const { page } = await visitorPage();
    await page.evaluate(() => (window as any).wp_set_consent('statistics', 'allow'));
    await page.waitForFunction(() => (window as any).order.length === 2);
    const credentials = (await page.evaluate(whenReady)) as { visitor_id: number; session_id: number };
    await expect.poll(() => page.locator('#leadtrail-demo-form input[name=visitor_id]').count()).toBe(1);
    const message = `С согласием ${Date.now()}`;
    await sendPlainForm(page, 'Согласный', message);
    expect(rowsOf(message).map((row) => row.slice(1, 3))).toEqual([[String(credentials.visitor_id), String(credentials.session_id)]]);
  });
});

describe('the setting off', () => {
  it('prints the runtime tag as before: it loads without asking, the calls run at once', async () => {
    setOption('leadtrail_wait_for_consent', '0');
    const html = await (await fetch(demoUrl())).text();
    expect(html).toMatch(/<script [^>]*defer id="leadtrail-runtime" src="[^"]+leadtrail\.js/);
    expect(html).not.toContain('leadtrail-consent-loader');
    expect(html).toContain('<meta name="consent-api-standin-registered" content="no">');
    const { page, leadtrailCookies } = await visitorPage();
    await page.waitForFunction(() => (window as any).order.length === 2);
    expect((await leadtrailCookies()).map((c) => c.name).sort()).toEqual(['_comagic_id', '_leadtrail_token']);
  });
});
