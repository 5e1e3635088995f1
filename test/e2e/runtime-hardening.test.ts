// The runtime against a real WordPress in Chromium: credentials only in forms that post to this site
// (or an origin the settings allow), a lead made while the page-view hit fails still sent from that
// page (with a visitor once the hit answers, without one when it never does), and a lead never
// dropped from a full outbox to make room for events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { hitEndpoints } from './lib/api';
import { demoUrl, newVisitor } from './lib/visitor';
import { keepOptions, logInAsAdmin, setOption, siteUrl, sql } from './lib/wp';

const FIELDS = ['site_key', 'key', 'uri', 'visitor_id', 'hit_id', 'session_id', 'consultant_server_url'];

let browser: Browser;
let restoreOptions: () => void;
beforeAll(async () => {
  restoreOptions = keepOptions(['leadtrail_form_origins', 'leadtrail_test_request_limit']);
  // Every lead of the suite comes from 127.0.0.1: the per-address limit is not under test here.
  setOption('leadtrail_test_request_limit', '100000');
  browser = await launchBrowser();
});
afterAll(async () => {
  restoreOptions?.();
  await browser?.close();
});

/** Requests stored with `name`: [visitor_id, session_id, hit_id, page_url]. */
const leadsNamed = (name: string) => sql(`SELECT visitor_id, session_id, hit_id, page_url FROM wp_leadtrail_requests WHERE name = '${name}' ORDER BY id`);

describe('hidden credential fields go only to forms that post to this site or an allowed origin', () => {
  async function formsPage(): Promise<Page> {
    const { page } = await newVisitor(browser);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        `
        <form id="same" method="post" action="/thanks/"><input name="email"></form>
        <form id="other" method="post" action="https://other.example/collect"><input name="email" value="a@example.com"><button>Send</button></form>
        <form id="allowed" method="post" action="https://crm.example/lead"><input name="email"></form>`,
      );
    });
    return page;
  }
  const ours = (page: Page, id: string) => page.$$eval(`#${id} input[data-leadtrail]`, (inputs) => inputs.map((i) => (i as HTMLInputElement).name));

  it('a form posting to another origin gets none, also when sent; a same-origin and an allowed one get them', async () => {
    setOption('leadtrail_form_origins', 'https://crm.example');
    const page = await formsPage();
    await expect.poll(() => ours(page, 'same')).toEqual(FIELDS);
    expect(await ours(page, 'allowed')).toEqual(FIELDS);
    expect(await ours(page, 'other')).toEqual([]);

    // What the other site receives when the form is sent.
    let posted = '';
    await page.route('https://other.example/**', async (route: Route) => {
      posted = route.request().postData() ?? '';
      await route.fulfill({ status: 200, contentType: 'text/html', body: 'ok' });
    });
    await Promise.all([page.waitForURL('https://other.example/collect'), page.click('#other button')]);
    expect(posted).toBe('email=a%40example.com');
    await page.context().close();
  });

  it('without the setting the other origin gets none either; a form whose action moves away loses them', async () => {
    setOption('leadtrail_form_origins', '');
    const page = await formsPage();
    await expect.poll(() => ours(page, 'same')).toEqual(FIELDS);
    expect(await ours(page, 'allowed')).toEqual([]);
    await page.evaluate(() => document.querySelector('#same')!.setAttribute('action', 'https://other.example/x'));
    await expect.poll(() => ours(page, 'same')).toEqual([]);
    await page.context().close();
  });

  it('the setting is saved normalised from wp-admin and a bad entry is refused by name, the old list kept', async () => {
    const context = await browser.newContext();
    const admin = await context.newPage();
    await logInAsAdmin(admin);
    const save = async (value: string) => {
      await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail`);
      await admin.fill('#leadtrail_form_origins', value);
      await Promise.all([admin.waitForNavigation(), admin.click('#submit')]);
      return (await admin.locator('.wrap .notice, .wrap .error, .wrap .updated').allInnerTexts()).join('\n');
    };
    await save('HTTPS://CRM.Example:443/\nhttp://10.0.0.5:8080');
    expect(sql("SELECT option_value FROM wp_options WHERE option_name = 'leadtrail_form_origins'")).toEqual([['https://crm.example\nhttp://10.0.0.5:8080']]);
    const html = await (await fetch(demoUrl())).text();
    expect(html).toMatch(/<script [^>]*defer id="leadtrail-runtime"[^>]* data-origins="https:\/\/crm\.example http:\/\/10\.0\.0\.5:8080"><\/script>/);

    const notice = await save('https://crm.example/leads?x=<b>');
    expect(notice).toContain('Other origins of lead forms');
    expect(notice).toContain('“https://crm.example/leads?x=<b>”');
    expect(await admin.locator('.wrap .notice b, .wrap .error b').count()).toBe(0);
    expect(sql("SELECT option_value FROM wp_options WHERE option_name = 'leadtrail_form_origins'")).toEqual([['https://crm.example\nhttp://10.0.0.5:8080']]);
    await context.close();
  });
});

describe('a lead made while the page-view hit fails is sent from that page', () => {
  const isHit = (url: URL) => url.href == hitEndpoints.collect() || url.href.startsWith(hitEndpoints.rest());

  it('the hit fails, the visitor sends a lead, the server comes back: stored once, with the visitor, without another page view', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let failing = true;
    let hits = 0;
    await page.route(isHit, async (route) => {
      hits += 1;
      if (failing) await route.abort('connectionrefused');
      else await route.continue();
    });
    await page.goto(demoUrl());
    const name = `Hit down ${Date.now()}`;
    // Before the first hit answer there is no window.Comagic: the page queues the call, as sites do.
    const answer = page.evaluate(
      (n) => new Promise((resolve) => (window as any).__cs.push(['addOfflineRequest', { name: n, phone: '+7 910 123-45-67' }, resolve])),
      name,
    );
    await expect.poll(() => hits).toBeGreaterThanOrEqual(2);
    expect(leadsNamed(name)).toEqual([]);
    failing = false;
    expect(await answer).toEqual({ success: true, result: null });
    const visitorId = await page.evaluate(() => (window as any).Comagic.getVisitorId());
    const leads = leadsNamed(name);
    expect(leads).toHaveLength(1);
    expect(leads[0]![0]).toBe(String(visitorId));
    expect(Number(visitorId)).toBeGreaterThan(0);
    expect(page.url()).toBe(demoUrl());
    await context.close();
  });

  it('the hit never succeeds: the lead is still stored, once, without a visitor, with its page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(isHit, (route) => route.abort('connectionrefused'));
    await page.goto(demoUrl());
    const name = `No hit ${Date.now()}`;
    const answer = await page.evaluate(
      (n) => new Promise((resolve) => (window as any).__cs.push(['addOfflineRequest', { name: n, message: 'перезвоните' }, resolve])),
      name,
    );
    expect(answer).toEqual({ success: true, result: null });
    expect(leadsNamed(name)).toEqual([['0', '0', '0', demoUrl()]]);
    expect(await page.evaluate(() => localStorage.getItem('leadtrail_outbox'))).toBeNull();
    // Reloaded (the hit now answers), nothing is sent again.
    await page.unroute(isHit);
    await page.reload();
    await page.waitForFunction(() => (window as any).Comagic);
    await page.evaluate(() => (window as any).Comagic.trackEvent('after', 'reload'));
    expect(leadsNamed(name)).toHaveLength(1);
    await context.close();
  });
});

describe('a full outbox drops events, never the lead', () => {
  it('offline, a lead then 500 events: the lead is kept and stored once when the browser is back online', async () => {
    const { context, page, credentials } = await newVisitor(browser);
    await context.setOffline(true);
    const name = `Outbox full ${Date.now()}`;
    const stored = await page.evaluate(async (n) => {
      const C = (window as any).Comagic;
      void C.addOfflineRequest({ name: n, email: 'full@example.com' });
      const first = C.trackEvent('flood', '0');
      for (let i = 1; i < 500; i++) void C.trackEvent('flood', String(i));
      const dropped = await first;
      const list = JSON.parse(localStorage.getItem('leadtrail_outbox') || '[]');
      return { dropped, length: list.length, ops: [...new Set(list.map((e: { op: string }) => e.op))] };
    }, name);
    expect(stored).toEqual({ dropped: { success: false, result: { code: 'outbox_full', field: '' } }, length: 500, ops: ['request', 'event'] });
    await context.setOffline(false);
    await expect.poll(() => leadsNamed(name), { timeout: 30_000 }).toHaveLength(1);
    expect(leadsNamed(name)[0]![0]).toBe(String(credentials.visitor_id));
    await context.close();
  });
});
