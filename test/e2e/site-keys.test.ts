// Site keys as the vendor issues them: 32 characters of [A-Za-z0-9_-] (real keys contain `_`). With
// such a key as this site's key, every entry point takes it: the runtime (setCsAccount in the embed
// code, then the hit), the hidden fields of a captured form, api/add_offline_message/ and vc/s/.
// Each still refuses 31 or 33 characters or other characters, naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { newVisitor, type Credentials, whenReady } from './lib/visitor';
import { keepOptions, setOption, siteUrl, sql } from './lib/wp';

const KEY = 'MeeQnE5up4R0LFblvN_2_wxoPbWtDs-p';
const BAD_KEYS = [KEY.slice(1), `${KEY}_`, KEY.replace('_', '.')];

let browser: Browser;
let visitor: Credentials;
let restoreOptions: () => void;

beforeAll(async () => {
  restoreOptions = keepOptions(['leadtrail_site_key', 'leadtrail_test_request_limit']);
  setOption('leadtrail_site_key', KEY);
  setOption('leadtrail_test_request_limit', '100000');
  browser = await launchBrowser();
  const { context, credentials } = await newVisitor(browser);
  await context.close();
  visitor = credentials;
});

afterAll(async () => {
  restoreOptions?.();
  await browser?.close();
});

const requestsOf = (visitorId: number, columns: string) => sql(`SELECT ${columns} FROM wp_leadtrail_requests WHERE visitor_id = ${visitorId} ORDER BY id`);

async function postForm(fields: Record<string, string>) {
  const response = await fetch(`${siteUrl()}/wp-json/leadtrail/v1/api/add_offline_message/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, body: await response.json() };
}

describe('a site key with "_" and "-"', () => {
  it('the runtime takes it from the embed code and the hit is recorded with it', () => {
    expect(visitor.site_key).toBe(KEY);
    expect(visitor.key).toBe(KEY);
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_hits WHERE visitor_id = ${visitor.visitor_id}`)).toEqual([['1']]);
  });

  it('api/add_offline_message/ takes it as site_key and as key, and refuses 31, 33 or other characters naming the field', async () => {
    const ids = { visitor_id: String(visitor.visitor_id), session_id: String(visitor.session_id), hit_id: String(visitor.hit_id) };
    expect(await postForm({ ...ids, site_key: KEY, name: 'Underscore', text: 'by site_key' })).toEqual({ status: 200, body: { success: true } });
    expect(await postForm({ ...ids, key: KEY, name: 'Underscore', text: 'by key' })).toEqual({ status: 200, body: { success: true } });
    for (const bad of BAD_KEYS) {
      for (const field of ['site_key', 'key']) {
        const answer = await postForm({ ...ids, [field]: bad, name: 'x', text: 'refused' });
        expect(answer.status, `${field}=${bad}`).toBe(400);
        expect(answer.body).toMatchObject({ success: false, result: { code: `invalid_${field}`, field } });
      }
    }
    expect(requestsOf(visitor.visitor_id, 'message')).toEqual([['by site_key'], ['by key']]);
  });

  it('vc/s/ takes it as sk and as k, and refuses 31, 33 or other characters naming the parameter', async () => {
    const base = `${visitor.consultant_server_url}vc/s/?ci=${visitor.comagic_id}&s=1`;
    expect(await (await fetch(`${base}&sk=${KEY}&vn=Underscore`)).text()).toBe('{"success":true}');
    expect(await (await fetch(`${base}&k=${KEY}&ve=underscore@example.com`)).text()).toBe('{"success":true}');
    for (const bad of BAD_KEYS) {
      for (const name of ['sk', 'k']) {
        const response = await fetch(`${base}&${name}=${encodeURIComponent(bad)}&vn=refused`);
        expect(response.status, `${name}=${bad}`).toBe(400);
        expect(await response.json()).toMatchObject({ success: false, result: { code: `invalid_${name}`, field: name } });
      }
    }
    expect(sql(`SELECT name FROM wp_leadtrail_visitors WHERE id = ${visitor.visitor_id}`)).toEqual([['Underscore']]);
  });

  it("a form posted to the site is captured with the visitor from the runtime's hidden fields", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl()}/leadtrail-demo/`);
    const credentials = (await page.evaluate(whenReady)) as Credentials;
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        `<form data-leadtrail method="post" action="/" id="plain">
        <input type="hidden" name="leadtrail_form" value="Key check">
        <input name="fio" value="Form with underscore key"><input name="телефон" value="8 (800) 555-35-35"><button>Send</button></form>`,
      );
    });
    // ("name" would be WordPress's own query variable: a post slug.)
    await expect.poll(() => page.locator('#plain input[name=site_key]').inputValue()).toBe(KEY);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#plain button')]);
    expect(response?.status()).toBe(200);
    expect(requestsOf(credentials.visitor_id, 'source, name, session_id')).toEqual([['form', 'Form with underscore key', String(credentials.session_id)]]);
    await context.close();
  });
});
