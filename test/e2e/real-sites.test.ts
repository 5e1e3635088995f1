// Code written for CoMagic, as real sites write it, runs unchanged on a page of the harness WordPress
// (SPEC P1-P7, N7): the theme's code is put into the page WordPress renders, before the embed code
// (right after <head>) or after it (before </body>), as a theme or a tag manager would. jQuery is
// WordPress's own copy (wp-includes/js/jquery).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { demoUrl } from './lib/visitor';
import { keepOptions, readSiteKey, setOption, sql } from './lib/wp';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const JQUERY = '<script src="/wp-includes/js/jquery/jquery.min.js"></script>';
const VENDOR_KEY = 'nS5lHq70Bt3oQ9ZkR2wX7vY4mP8cJ1aE';

/** The demo page as WordPress renders it, with `head` before the embed code and `body` at its end. */
async function sitePage(context: BrowserContext, { head = '', body = '' }: { head?: string; body?: string }, path = ''): Promise<Page> {
  const page = await context.newPage();
  const url = demoUrl() + path;
  await page.route(
    (u) => u.href.split('#')[0] == url,
    async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/<head[^>]*>/, (tag) => tag + head).replace('</body>', body + '</body>');
      await route.fulfill({ response, body: html });
    },
  );
  await page.goto(url);
  return page;
}

/** What the page put into `window.<name>`, once it is there. */
async function pageValue<T>(page: Page, name: string): Promise<T> {
  await page.waitForFunction((n) => (window as any)[n] !== undefined, name, { timeout: 20_000 });
  return page.evaluate((n) => (window as any)[n], name) as Promise<T>;
}

describe('readiness (P1)', () => {
  it('a setInterval poller placed before the embed reads the ids once, the moment window.Comagic is there', async () => {
    const context = await browser.newContext();
    const page = await sitePage(context, {
      head: `<script>
      var crmTimer = setInterval(function () {
        if (window.Comagic && Comagic.getCredentials) {
          clearInterval(crmTimer);
          window.crm = { hit: Comagic.getCredentials().hit_id, visitor: Comagic.getVisitorId(),
            session: Number(Comagic.getSessionId()), known: Comagic.getSessionId() !== null };
        }
      }, 100);
    </script>`,
    });
    const crm = await pageValue<{ hit: number; visitor: number; session: number; known: boolean }>(page, 'crm');
    expect(crm.known).toBe(true);
    expect(sql(`SELECT visitor_id, session_id FROM wp_leadtrail_hits WHERE id = ${crm.hit}`)).toEqual([[String(crm.visitor), String(crm.session)]]);
    await context.close();
  });
});

describe('methods through the queue (P2) and loose arguments (P5)', () => {
  it('__cs.push before the embed and Comagic.push after it (jQuery ready) run in order, once each', async () => {
    const context = await browser.newContext();
    const page = await sitePage(context, {
      head: `<script>var __cs = __cs || []; __cs.push(['trackEvent', 'Queue', 'Before']);
        __cs.push(['addOfflineRequest', { name: ['Ivan'], phone: 79001234567, utm_source: 'google', note: 'call me', is_sale: 'true', sale_cost: 9999 },
          function (o) { window.lead = o; }]);</script>${JQUERY}`,
      body: `<script>jQuery(function () {
        var wait = setInterval(function () {
          if (!window.Comagic) return;
          clearInterval(wait);
          Comagic.push(['setProperty', 'roistat_visit', 12345]);
          Comagic.push(['hasProperty', 'roistat_visit', function (o) { window.has = o; }]);
        }, 200);
      });</script>`,
    });
    expect(await pageValue(page, 'lead')).toEqual({ success: true, result: null });
    expect(await pageValue(page, 'has')).toEqual({ success: true, result: true });
    const visitor = await page.evaluate(() => (window as any).Comagic.getVisitorId());
    expect(sql(`SELECT category, action FROM wp_leadtrail_events WHERE visitor_id = ${visitor}`)).toEqual([['Queue', 'Before']]);
    const [name, phone, isSale, cost, fields] = sql(
      `SELECT name, phone, is_sale, sale_cost, user_fields FROM wp_leadtrail_requests WHERE visitor_id = ${visitor}`,
    )[0]!;
    expect([name, phone, isSale, Number(cost)]).toEqual(['Ivan', '79001234567', '1', 9999]);
    expect(JSON.parse(fields!)).toEqual({ utm_source: 'google', note: 'call me' });
    await context.close();
  });
});

describe('widget methods on Comagic (P3), answers read like an XHR (P6)', () => {
  it('an inline onclick orders a callback with Comagic.sitePhoneCall and reads the answer as an XHR', async () => {
    const restore = keepOptions(['leadtrail_callback_captcha']);
    setOption('leadtrail_callback_captcha', '0');
    try {
      const context = await browser.newContext();
      const page = await sitePage(context, {
        body: `${JQUERY}<input id="cb-phone" value="+7 (910) 123-45-67">
          <button id="cb-order" onclick="Comagic.sitePhoneCall({phone: jQuery('#cb-phone').val(), captcha_key: '', captcha_value: '', delayed_call_time: ''},
            function (res) { window.called = [JSON.parse(res.response).success, res.statusText == 'OK', res.status == 200, res.readyState == 4, res]; })">Call me</button>`,
      });
      await page.waitForFunction(() => (window as any).Comagic);
      await page.click('#cb-order');
      const [ok, statusText, status, readyState, res] = await pageValue<unknown[]>(page, 'called');
      expect([ok, statusText, status, readyState]).toEqual([true, true, true, true]);
      expect(res).toEqual({ success: true, result: { status: 0, code: 'ok' } });
      const visitor = await page.evaluate(() => (window as any).Comagic.getVisitorId());
      expect(sql(`SELECT phone FROM wp_leadtrail_callbacks WHERE visitor_id = ${visitor}`)).toEqual([['+7 (910) 123-45-67']]);
      await context.close();
    } finally {
      restore();
    }
  });

  it('Comagic.getCaptcha(callback, {bg}) gives a key and a picture; openSitePhonePanel opens the form', async () => {
    const context = await browser.newContext();
    const page = await sitePage(context, {});
    await page.waitForFunction(() => (window as any).Comagic);
    const captcha = await page.evaluate(() => new Promise<{ key: string; url: string }>((r) => (window as any).Comagic.getCaptcha(r, { bg: '#ffffff' })));
    expect(captcha.key).toMatch(/^[A-Za-z0-9]{32}$/);
    const image = await context.request.get(captcha.url);
    expect(image.headers()['content-type']).toBe('image/png');
    await page.evaluate(() => (window as any).Comagic.openSitePhonePanel());
    await page.waitForSelector('[data-leadtrail-widget="sitephone"]');
    await context.close();
  });
});

describe('legacy and leftover embed codes (P4)', () => {
  it("the old Comagic array embed and a theme's vendor setCsAccount/setCsHost leave LeadTrail on its own key", async () => {
    const context = await browser.newContext();
    const page = await sitePage(context, {
      body: `<script>var Comagic = Comagic || []; Comagic.push(["setAccount", "${VENDOR_KEY}"]);
        Comagic.push(["setHost", "http://server.comagic.ru/comagic"]); Comagic.push(["trackEvent", "Legacy", "Array"]);
        var __cs = __cs || []; __cs.push(["setCsAccount", "${VENDOR_KEY}"]); __cs.push(["setCsHost", "//server.comagic.ru/comagic"]);</script>`,
    });
    await page.waitForFunction(() => (window as any).Comagic && !Array.isArray((window as any).Comagic));
    const credentials = await page.evaluate(() => (window as any).Comagic.getCredentials());
    expect(credentials.site_key).toBe(readSiteKey());
    await expect
      .poll(() => sql(`SELECT category, action FROM wp_leadtrail_events WHERE visitor_id = ${credentials.visitor_id}`))
      .toEqual([['Legacy', 'Array']]);
    await context.close();
  });

  it('disableWidgets: a callback order without a callback pops nothing up, and the server still answers it', async () => {
    const restore = keepOptions(['leadtrail_callback_captcha']);
    setOption('leadtrail_callback_captcha', '0');
    try {
      const context = await browser.newContext();
      const widgets: string[] = [];
      const site = await sitePage(context, { head: `<script>var __cs = __cs || []; __cs.push(['disableWidgets', true]);</script>` });
      site.on('request', (r) => r.url().includes('leadtrail-widgets.js') && widgets.push(r.url()));
      await site.waitForFunction(() => (window as any).Comagic);
      const answer = await site.evaluate(() => (window as any).Comagic.sitePhoneCall({ phone: '79101234568' }));
      expect(answer).toEqual({ success: true, result: { status: 0, code: 'ok' } });
      expect(await site.locator('leadtrail-widget').count()).toBe(0);
      expect(widgets).toEqual([]);
      await context.close();
    } finally {
      restore();
    }
  });
});

describe('single-page apps (N7)', () => {
  it('"Count page views of single-page apps": pushState records a new hit of the same visitor; the form fields follow', async () => {
    const restore = keepOptions(['leadtrail_spa_page_views']);
    setOption('leadtrail_spa_page_views', '1');
    try {
      const context = await browser.newContext();
      const page = await sitePage(context, { body: '<form id="spa-form" method="post"><input name="phone"></form>' });
      await page.waitForFunction(() => (window as any).Comagic);
      const first = await page.evaluate(() => (window as any).Comagic.getCredentials());
      await page.evaluate(() => history.pushState({}, '', '?step=2'));
      await page.waitForFunction((id) => (window as any).Comagic.getCredentials().hit_id != id, first.hit_id);
      const second = await page.evaluate(() => (window as any).Comagic.getCredentials());
      expect(second.visitor_id).toBe(first.visitor_id);
      expect(sql(`SELECT visitor_id, url FROM wp_leadtrail_hits WHERE id = ${second.hit_id}`)).toEqual([[String(first.visitor_id), demoUrl() + '?step=2']]);
      expect(await page.inputValue('#spa-form input[name="hit_id"]')).toBe(String(second.hit_id));
      await context.close();
    } finally {
      restore();
    }
  });

  it('without the switch only Comagic.reinitTrackView() counts a new page view', async () => {
    const context = await browser.newContext();
    const page = await sitePage(context, {});
    await page.waitForFunction(() => (window as any).Comagic);
    const first = await page.evaluate(() => (window as any).Comagic.getCredentials());
    await page.evaluate(() => history.pushState({}, '', '?step=3'));
    expect(await page.evaluate(() => document.getElementById('leadtrail-runtime')!.hasAttribute('data-spa'))).toBe(false);
    await page.evaluate(() => (window as any).Comagic.reinitTrackView());
    await page.waitForFunction((id) => (window as any).Comagic.getCredentials().hit_id != id, first.hit_id);
    expect(sql(`SELECT url FROM wp_leadtrail_hits WHERE visitor_id = ${first.visitor_id} ORDER BY url`)).toEqual([[demoUrl()], [demoUrl() + '?step=3']]);
    await context.close();
  });
});

describe('calls never hang', () => {
  it('offline: the callback answers `queued` within 10 s, the request is recorded once when the network is back, no second answer', async () => {
    const context = await browser.newContext();
    const page = await sitePage(context, {});
    await page.waitForFunction(() => (window as any).Comagic);
    const visitor = await page.evaluate(() => (window as any).Comagic.getVisitorId());
    await page.route(
      (u) => u.href.includes('op=request') || u.href.endsWith('/request'),
      (route) => route.abort(),
    );
    await page.evaluate(() => {
      (window as any).answers = [];
      (window as any).Comagic.addOfflineRequest({ name: 'Offline Olga', phone: '79001112233' }, (o: unknown) => (window as any).answers.push(o));
    });
    await page.waitForFunction(() => (window as any).answers.length == 1, null, { timeout: 15_000 });
    expect(await page.evaluate(() => (window as any).answers)).toEqual([{ success: false, result: { code: 'queued', field: '' } }]);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await expect.poll(() => sql(`SELECT name FROM wp_leadtrail_requests WHERE visitor_id = ${visitor}`), { timeout: 70_000 }).toEqual([['Offline Olga']]);
    expect(await page.evaluate(() => (window as any).answers.length)).toBe(1);
    await context.close();
  });
});
