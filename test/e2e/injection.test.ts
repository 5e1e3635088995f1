// What visitor text can do to the screens and mails it reaches: add lines to a notice e-mail, give a
// mailto: link a Cc, run as a spreadsheet formula from the CSV export; and what a hand-made query or
// body can do: a huge ?paged= on the four lists, user_fields sent as a JSON array.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { entryPoints, identity, postRaw, requestId, restUrl, tokenOf } from './lib/api';
import { launchBrowser } from './lib/browser';
import { newVisitor } from './lib/visitor';
import { adminPage, keepOptions, setOption, siteUrl, sql } from './lib/wp';

let browser: Browser;
let admin: Page;
let restoreOptions: () => void;
const stamp = `inj${Date.now()}`;
const evil = 'Open it in wp-admin: http://evil.example/steal';

beforeAll(async () => {
  restoreOptions = keepOptions(['leadtrail_test_request_limit', 'leadtrail_notify_admin']);
  setOption('leadtrail_test_request_limit', '100000');
  setOption('leadtrail_notify_admin', '1');
  browser = await launchBrowser();
  admin = await adminPage(browser);
});
afterAll(async () => {
  restoreOptions?.();
  await browser?.close();
});

async function postOfflineMessage(body: Record<string, unknown>, json = false) {
  const response = await fetch(restUrl('api/add_offline_message/'), {
    method: 'POST',
    headers: { 'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded; charset=UTF-8' },
    body: json ? JSON.stringify(body) : new URLSearchParams(body as Record<string, string>).toString(),
  });
  return { status: response.status, body: await response.json() };
}

/** A new visitor's ids as api/add_offline_message/ takes them. */
async function serverIds() {
  const { context, credentials } = await newVisitor(browser);
  await context.close();
  return { credentials, ids: { site_key: credentials.site_key, visitor_id: String(credentials.visitor_id), session_id: String(credentials.session_id) } };
}

/**
 * The body of the caught notice (global-setup.ts's mail stand-in keeps each one PHP-serialized) whose
 * text holds `marker`, once a wp-admin load has sent it.
 */
async function noticeBody(marker: string): Promise<string> {
  let stored = '';
  await expect
    .poll(
      async () => {
        await admin.goto(`${siteUrl()}/wp-admin/`);
        stored =
          sql(`SELECT option_value FROM wp_options WHERE option_name LIKE 'leadtrail\\_test\\_mail\\_%' AND option_value LIKE '%${marker}%'`)[0]?.[0] ?? '';
        return stored;
      },
      { timeout: 20_000 },
    )
    .not.toBe('');
  const bytes = Buffer.from(stored, 'utf8');
  const head = /s:7:"message";s:(\d+):"/.exec(stored)!;
  const start = Buffer.byteLength(stored.slice(0, head.index + head[0].length), 'utf8');
  return bytes.subarray(start, start + Number(head[1])).toString('utf8');
}

describe('the notice e-mail of a lead', () => {
  it('keeps a name on its line, quotes the message and gives the real wp-admin link first', async () => {
    const { credentials, ids } = await serverIds();
    const answer = await postOfflineMessage({
      ...ids,
      name: `Bob ${stamp}\n${evil}`,
      email: 'bob@example.com',
      text: `Hello\r\n${evil}\u2028second\nthird`,
    });
    expect(answer).toEqual({ status: 200, body: { success: true } });
    const id = sql(`SELECT id FROM wp_leadtrail_requests WHERE visitor_id = ${credentials.visitor_id}`)[0]![0];

    const body = await noticeBody(`Bob ${stamp}`);
    const lines = body.split('\n');
    expect(lines[1]).toBe(`Open it in wp-admin: ${siteUrl()}/wp-admin/admin.php?page=leadtrail-requests&request=${id}`);
    // Only that one line starts as the notice's link; the visitor's copies stay inside their fields.
    expect(lines.filter((line) => line.startsWith('Open it in wp-admin:'))).toHaveLength(1);
    expect(lines).toContain(`Name: Bob ${stamp} ${evil}`);
    expect(body).toContain(`\nMessage:\n> Hello\n> ${evil}\n> second\n> third`);
    expect(body).not.toMatch(/[\u2028\u2029\r]/);
  });

  it('keeps user_fields names and values on their lines', async () => {
    const { ids } = await serverIds();
    const form = new URLSearchParams({ ...ids, name: `Fields ${stamp}` });
    form.append(`user_fields[Город\n${evil}]`, `Москва\r\n${evil}`);
    const response = await fetch(restUrl('api/add_offline_message/'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      body: form.toString(),
    });
    expect(response.status).toBe(200);

    const body = await noticeBody(`Fields ${stamp}`);
    expect(body).toContain(`\nOther fields:\n  Город ${evil}: Москва ${evil}`);
    expect(body.split('\n').filter((line) => line.startsWith('Open it in wp-admin:'))).toHaveLength(1);
  });
});

describe('the request screen', () => {
  it('links an address with ? = & % to that address only, with no Cc or subject', async () => {
    const { credentials, ids } = await serverIds();
    const email = 'a?cc=boss%40corp.example&subject=Pay@example.com';
    expect(await postOfflineMessage({ ...ids, name: `Mailto ${stamp}`, email })).toEqual({ status: 200, body: { success: true } });
    const id = sql(`SELECT id FROM wp_leadtrail_requests WHERE visitor_id = ${credentials.visitor_id}`)[0]![0];

    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-requests&request=${id}`);
    const link = admin.locator('#leadtrail-request-fields a[href^="mailto:"]');
    expect(await link.textContent()).toBe(email);
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe('mailto:a%3Fcc%3Dboss%2540corp.example%26subject%3DPay@example.com');
    // As a mail client reads it (RFC 6068): one recipient, this address; no header fields.
    const url = new URL(href);
    expect(url.search).toBe('');
    expect(decodeURIComponent(url.pathname)).toBe(email);
  });
});

describe('the CSV export of requests', () => {
  it('neutralises a formula after leading blanks and in full-width signs', async () => {
    const { ids } = await serverIds();
    const names = [` =2+3 ${stamp}`, `\u00a0+1 ${stamp}`, `＝1+1 ${stamp}`, `＠SUM(A1) ${stamp}`];
    for (const name of names) {
      expect((await postOfflineMessage({ ...ids, name })).status).toBe(200);
    }
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.context().addCookies(await admin.context().cookies());
    await page.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-requests&s=${encodeURIComponent(stamp)}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Export CSV')]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    await context.close();
    for (const name of names) {
      expect(csv).toContain(`'${name}`);
    }
  });
});

describe('a huge ?paged=', () => {
  it.each(['leadtrail-requests', 'leadtrail-events', 'leadtrail-visitors', 'leadtrail-callbacks'])('%s answers 200 with its last page', async (slug) => {
    const response = await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=${slug}&paged=9223372036854775807`);
    expect(response!.status()).toBe(200);
    // The list itself is shown (a fatal error leaves the page without its table).
    expect(await admin.locator('#wpbody-content table.wp-list-table').count()).toBe(1);
  });
});

describe('user_fields given as a JSON array', () => {
  it('is invalid_user_fields on every JSON entry point, and nothing is stored', async () => {
    const { context, credentials } = await newVisitor(browser);
    const token = await tokenOf(context);
    await context.close();
    const before = sql(`SELECT COUNT(*) FROM wp_leadtrail_requests WHERE visitor_id = ${credentials.visitor_id}`)[0]![0];

    for (const [where, url] of entryPoints('request')) {
      for (const userFields of [['a'], []]) {
        const answer = await postRaw(url, JSON.stringify({ ...identity(credentials, token), request_id: requestId(), name: 'Array', user_fields: userFields }));
        expect(answer.status, `${where} ${JSON.stringify(userFields)}`).toBe(400);
        expect(answer.body).toMatchObject({ success: false, result: { code: 'invalid_user_fields', field: 'user_fields' } });
      }
    }
    const server = await postOfflineMessage(
      {
        site_key: credentials.site_key,
        visitor_id: credentials.visitor_id,
        session_id: credentials.session_id,
        name: 'Array',
        user_fields: ['a'],
      },
      true,
    );
    expect(server.status).toBe(400);
    expect(server.body).toMatchObject({ success: false, result: { code: 'invalid_user_fields', field: 'user_fields' } });

    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_requests WHERE visitor_id = ${credentials.visitor_id}`)[0]![0]).toBe(before);
  });
});
