// Cloud mode: the vendor's embed code, our hidden-fields script on top of the vendor's
// runtime, and durable forwarding of captured leads to `{consultant_server_url}api/add_offline_message/`
// (A6) through the outbox, against a local stand-in of the vendor (fixtures/cloud/vendor-standin.ts)
// that can be down, slow or failing. Nothing is ever sent to an address off the allow-list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { getOption, keepOptions, logInAsAdmin, setClockOffset, setOption, siteUrl, sql } from './lib/wp';
import { VendorStandin } from './fixtures/cloud/vendor-standin';
import { e2eSite } from './lib/site';

const VENDOR_KEY = 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75';
const vendorIds = { visitor_id: 17258569, hit_id: 546833568748, session_id: 255544855 };
const muPlugin = (name = 'leadtrail-form-plugin-standins.php') => path.join(e2eSite().dir, 'wp-content', 'mu-plugins', name);
const BLOCKER = 'leadtrail-loopback-blocker.php';

const OPTIONS = [
  'leadtrail_mode',
  'leadtrail_cloud_site_key',
  'leadtrail_cloud_loader',
  'leadtrail_cloud_hosts',
  'leadtrail_test_forward_origins',
  'leadtrail_test_forward_timeout',
  'leadtrail_test_request_limit',
  'leadtrail_test_clock_offset',
  'leadtrail_test_block_loopback',
];
let restoreOptions: () => void;

const vendor = new VendorStandin((port) => ({ site_key: VENDOR_KEY, ...vendorIds, consultant_server_url: `http://127.0.0.1:${port}/` }));
/** A second "vendor" on another loopback port that is NOT allow-listed: it must never be contacted. */
const outsider = new VendorStandin();
let browser: Browser;
let admin: BrowserContext;
let clock = 0;

beforeAll(async () => {
  await vendor.start();
  await outsider.start();
  restoreOptions = keepOptions(OPTIONS);
  fs.copyFileSync(new URL('./fixtures/capture/leadtrail-form-plugin-standins.php', import.meta.url), muPlugin());
  fs.copyFileSync(new URL(`./fixtures/cloud/${BLOCKER}`, import.meta.url), muPlugin(BLOCKER));
  setOption('leadtrail_cloud_site_key', VENDOR_KEY);
  setOption('leadtrail_cloud_loader', `${vendor.origin}/static/cs.min.js`);
  setOption('leadtrail_test_forward_origins', vendor.origin);
  setOption('leadtrail_test_forward_timeout', '1.5');
  setOption('leadtrail_test_request_limit', '100000');
  setOption('leadtrail_mode', 'cloud');
  browser = await launchBrowser();
  admin = await browser.newContext();
  await logInAsAdmin(await admin.newPage());
});

afterAll(async () => {
  restoreOptions?.();
  fs.rmSync(muPlugin(), { force: true });
  fs.rmSync(muPlugin(BLOCKER), { force: true });
  await admin?.close();
  await browser?.close();
  await vendor.stop();
  await outsider.stop();
});

const hidden = (server: string) => ({
  site_key: VENDOR_KEY,
  key: VENDOR_KEY,
  uri: `${siteUrl()}/contacts/`,
  ...Object.fromEntries(Object.entries(vendorIds).map(([k, v]) => [k, String(v)])),
  consultant_server_url: server,
});

/** A lead captured on the site (the custom action through the form stand-in), as a form would post it. */
async function lead(message: string, server = `${vendor.origin}/`) {
  const response = await fetch(`${siteUrl()}/?leadtrail_standin=custom`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    body: new URLSearchParams({ ...hidden(server), name: 'Дмитрий', phone: '79123456789', message }).toString(),
  });
  expect(await response.json()).toEqual({ ok: true, plugin: 'custom' });
  const [row] = sql(`SELECT id FROM wp_leadtrail_requests WHERE message = '${message}'`);
  expect(row, `the lead "${message}" is written locally first`).toBeDefined();
  return Number(row![0]);
}

const delivery = (requestId: number) =>
  sql(`SELECT state, attempts, COALESCE(last_error, ''), COALESCE(next_try_at, 'NULL') FROM wp_leadtrail_outbox WHERE request_id = ${requestId}`)[0];

/** Runs the outbox now, as the loopback trigger does (admin-ajax.php, keyed with the site's secret). */
async function runOutbox() {
  const secret = getOption('leadtrail_secret')!;
  const key = crypto.createHmac('sha256', `leadtrail-forward|${secret}`).update('forward').digest('hex');
  const response = await fetch(`${siteUrl()}/wp-admin/admin-ajax.php`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action: 'leadtrail_forward', key }).toString(),
  });
  return response.json();
}

/** Moves the server's clock on, so that retries come due. */
function later(seconds: number) {
  clock += seconds;
  setClockOffset(clock);
}

// The custom lead's extra field ("Город") rides in `text` after the message (A4: message carries the rest).
const receivedFor = (message: string) => vendor.log.filter((r) => r.fields.text?.split('\n\n')[0] === message);
const recordedFor = (message: string) => vendor.recorded.filter((r) => r.text?.split('\n\n')[0] === message);

describe('the vendor’s embed code and our hidden fields', () => {
  it('pages get the vendor embed (F4) instead of ours, and forms get the vendor’s credentials', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl()}/leadtrail-demo/`);
    expect(await page.locator('#leadtrail-embed').innerHTML()).toBe(`var __cs = __cs || []; __cs.push(["setCsAccount", "${VENDOR_KEY}"]);`);
    expect(await page.locator('#leadtrail-cloud-loader').getAttribute('src')).toBe(`${vendor.origin}/static/cs.min.js`);
    expect(await page.locator('#leadtrail-runtime').count()).toBe(0);

    await page.evaluate(() =>
      document.body.insertAdjacentHTML(
        'beforeend',
        `<form data-leadtrail method="post" action="/" id="plain">
      <input type="hidden" name="leadtrail_form" value="Заказ звонка"><input name="name" value="Дмитрий">
      <input name="phone" value="79123456789"><textarea name="message">Из облачного режима</textarea><button>Send</button></form>`,
      ),
    );
    await expect
      .poll(() =>
        page
          .locator('#plain input[name=visitor_id]')
          .inputValue()
          .catch(() => ''),
      )
      .toBe(String(vendorIds.visitor_id));
    expect(await page.locator('#plain input[name=consultant_server_url]').inputValue()).toBe(`${vendor.origin}/`);

    await Promise.all([page.waitForNavigation(), page.click('#plain button')]);
    const [row] = sql("SELECT id, source, visitor_id, session_id, hit_id FROM wp_leadtrail_requests WHERE message = 'Из облачного режима'");
    expect(row!.slice(1)).toEqual(['form', String(vendorIds.visitor_id), String(vendorIds.session_id), String(vendorIds.hit_id)]);
    // The loopback trigger sends it without the visitor waiting: delivered with A6's fields.
    await expect.poll(() => recordedFor('Из облачного режима').length, { timeout: 15_000 }).toBe(1);
    expect(receivedFor('Из облачного режима')[0]).toMatchObject({
      path: '/api/add_offline_message/',
      fields: {
        site_key: VENDOR_KEY,
        visitor_id: '17258569',
        hit_id: '546833568748',
        session_id: '255544855',
        name: 'Дмитрий',
        phone: '79123456789',
        uri: expect.stringContaining('/leadtrail-demo/'),
      },
    });
    await expect.poll(() => delivery(Number(row![0]))?.[0]).toBe('delivered');
    await context.close();
  });
});

describe('a host whose loopback requests fail', () => {
  it('keeps the lead pending (shown so) with cron armed, until a run delivers it once', async () => {
    setOption('leadtrail_test_block_loopback', '1');
    const id = await lead('Заявка без петли');
    try {
      // Written first, then nothing: the trigger could not reach the site.
      await new Promise((r) => setTimeout(r, 1000));
      expect(delivery(id)!.slice(0, 2)).toEqual(['pending', '0']);
      expect(vendor.log.filter((r) => r.fields.text?.startsWith('Заявка без петли'))).toEqual([]);
      const cron = getOption('cron')!;
      expect(cron, 'the WP-Cron fallback is scheduled').toContain('leadtrail_forward_outbox');
      const page = await admin.newPage();
      await page.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-requests`);
      const cell = page.locator('tr', { hasText: 'Заявка без петли' }).locator('.leadtrail-delivery');
      expect(await cell.getAttribute('data-state')).toBe('pending');
      expect(await cell.innerText()).toBe('Pending');
      await page.close();
    } finally {
      setOption('leadtrail_test_block_loopback', '');
    }
    await runOutbox();
    await expect.poll(() => delivery(id)?.[0], { timeout: 10_000 }).toBe('delivered');
    expect(recordedFor('Заявка без петли')).toHaveLength(1);
  });
});

describe('durable forwarding through an outage', () => {
  const messages = ['Заявка во время сбоя 1', 'Заявка во время сбоя 2', 'Заявка во время сбоя 3'];
  const ids: number[] = [];

  it('vendor down: the leads are kept, failed with the error, retried later', async () => {
    vendor.mode = 'down';
    for (const message of messages) ids.push(await lead(message));
    await runOutbox();
    for (const id of ids) {
      await expect.poll(() => delivery(id)?.[0], { timeout: 10_000 }).toBe('failed');
      expect(delivery(id)![2]).not.toBe('');
    }
    for (const message of messages) expect(recordedFor(message)).toEqual([]);
  });

  it('vendor answering 500: still failed, "HTTP 500" recorded, attempts counted', async () => {
    vendor.mode = 'error';
    await runOutbox();
    for (const id of ids) expect(delivery(id)![0]).toBe('failed'); // not due yet: nothing sent
    later(600);
    await runOutbox();
    for (const id of ids) {
      await expect.poll(() => delivery(id)?.[2], { timeout: 10_000 }).toBe('HTTP 500, not an A6 answer');
      expect(Number(delivery(id)![1])).toBeGreaterThanOrEqual(2);
    }
  });

  it('the Requests screen shows each state, with the error and a resend button', async () => {
    const page = await admin.newPage();
    await page.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-requests`);
    const cell = (message: string) => page.locator('tr', { hasText: message }).locator('.leadtrail-delivery');
    expect(await cell(messages[0]!).getAttribute('data-state')).toBe('failed');
    expect(await cell(messages[0]!).innerText()).toBe('Failed, will retry');
    expect(await cell('Из облачного режима').innerText()).toBe('Delivered');
    await page.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-requests&request=${ids[0]}`);
    expect(await page.locator('#leadtrail-delivery-state').getAttribute('data-state')).toBe('failed');
    expect(await page.locator('#leadtrail-delivery-error').innerText()).toBe('HTTP 500, not an A6 answer');
    expect(await page.locator('#leadtrail-request-resend button, #leadtrail-request-resend input[type=submit]').count()).toBe(1);
    await page.close();
  });

  it('after the vendor recovers, every lead is delivered exactly once, with A6’s fields', async () => {
    vendor.mode = 'up';
    later(3600);
    await runOutbox();
    for (const id of ids) await expect.poll(() => delivery(id)?.[0], { timeout: 10_000 }).toBe('delivered');
    // More runs (cron, other nodes) send nothing again.
    await runOutbox();
    await runOutbox();
    for (const message of messages) expect(recordedFor(message)).toHaveLength(1);
    expect(recordedFor(messages[0]!)[0]).toEqual({
      site_key: VENDOR_KEY,
      visitor_id: '17258569',
      hit_id: '546833568748',
      session_id: '255544855',
      name: 'Дмитрий',
      phone: '79123456789',
      text: `${messages[0]}\n\nГород: Москва`,
      uri: `${siteUrl()}/contacts/`,
    });
  });

  it('a manual resend (nonce) of a pending lead delivers it; a delivered lead offers no resend', async () => {
    vendor.mode = 'down';
    const id = await lead('Ручная повторная отправка');
    await expect.poll(() => delivery(id)?.[0], { timeout: 10_000 }).toBe('failed');
    vendor.mode = 'up';
    const page = await admin.newPage();
    await page.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-requests&request=${id}`);
    await Promise.all([page.waitForNavigation(), page.click('#leadtrail-request-resend [type=submit]')]);
    await expect.poll(() => delivery(id)?.[0], { timeout: 15_000 }).toBe('delivered');
    expect(recordedFor('Ручная повторная отправка')).toHaveLength(1);
    await page.reload();
    expect(await page.locator('#leadtrail-request-resend').count()).toBe(0);
    // A forged resend without the nonce is refused.
    const forged = await page.request.post(`${siteUrl()}/wp-admin/admin-post.php`, { form: { action: 'leadtrail_resend', request: String(id) } });
    expect(forged.status()).toBe(403);
    await page.close();
  });

  it('a slow vendor (answers after our timeout, but records it): never sent twice at once, the retry waits', async () => {
    vendor.mode = 'slow';
    const id = await lead('Медленный ответ');
    // The lead's own loopback run and ours race for the row; one claims it, the other skips it.
    await Promise.all([runOutbox(), runOutbox()]);
    await expect.poll(() => delivery(id)?.[0], { timeout: 10_000 }).toBe('failed');
    expect(delivery(id)![2]).toMatch(/^Timed out; the vendor may have received it/);
    await expect.poll(() => recordedFor('Медленный ответ').length, { timeout: 10_000 }).toBe(1);
    expect(receivedFor('Медленный ответ')).toHaveLength(1);
    vendor.mode = 'up';
    later(300); // inside the 15 minutes a timeout waits: nothing is sent again
    await runOutbox();
    expect(receivedFor('Медленный ответ')).toHaveLength(1);
    expect(Number(delivery(id)![3])).toBeGreaterThan(0);
  });
});

describe('no SSRF: a client-supplied consultant_server_url off the allow-list is never contacted', () => {
  const targets = [
    ['a loopback port that is not allow-listed', () => `${outsider.origin}/`],
    ['the same over IPv6 loopback', () => `http://[::1]:${outsider.port}/`],
    ['https to a loopback address', () => 'https://127.0.0.1/'],
    ['https to a private address', () => 'https://10.0.0.1/'],
    ['https to the link-local metadata address', () => 'https://169.254.169.254/'],
    ['a host outside the allow-list', () => 'https://evil.example/'],
    ['an allowed-looking name that is not under the allowed domain', () => 'https://comagic.ru.evil.example/'],
    ['plain http to an allowed host', () => 'http://server.comagic.ru/'],
  ] as const;

  for (const [label, target] of targets) {
    it(label, async () => {
      const before = vendor.log.length;
      const id = await lead(`SSRF: ${label}`, target());
      await runOutbox();
      expect(delivery(id)![0]).toBe('failed');
      expect(delivery(id)![2]).toMatch(/^Not sent: /);
      expect(delivery(id)![3]).toBe('NULL'); // never retried
      expect(outsider.log).toEqual([]);
      expect(vendor.log.length).toBe(before);
    });
  }
});
