// Visitor calls: bad input to each visitor route gets a 4xx with a code naming the field, never a 500,
// and writes nothing; SQL and script payloads are stored as text and shown escaped in wp-admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { newVisitor, type Credentials } from './lib/visitor';
import { entryPoints, identity, postRaw, requestId, tokenOf, type Operation } from './lib/api';
import { logInAsAdmin, siteUrl, sql } from './lib/wp';

let browser: Browser;
let visitor: { credentials: Credentials; token: string };

beforeAll(async () => {
  browser = await launchBrowser();
  const v = await newVisitor(browser);
  visitor = { credentials: v.credentials, token: await tokenOf(v.context) };
  await v.context.close();
});
afterAll(async () => {
  await browser?.close();
});

const written = () => ['events', 'properties', 'contacts'].map((t) => sql(`SELECT COUNT(*) FROM wp_leadtrail_${t}`)[0]?.[0]).join(',');
const body = (fields: Record<string, unknown>) => JSON.stringify({ ...identity(visitor.credentials, visitor.token), request_id: requestId(), ...fields });
const huge = 'x'.repeat(10 * 1024 * 1024);

function invalidUtf8(fields: Record<string, unknown>, field: string): Uint8Array {
  const [head, tail] = body({ ...fields, [field]: 'A@@B' }).split('@@');
  const encode = (text = '') => [...new TextEncoder().encode(text)];
  return new Uint8Array([...encode(head), 0xff, 0xfe, ...encode(tail)]);
}

const cases: Array<[Operation, string, () => string | Uint8Array, number, string, string]> = [
  ['event', 'no category', () => body({ action: 'a' }), 400, 'missing_category', 'category'],
  ['event', 'no action', () => body({ category: 'c' }), 400, 'missing_action', 'action'],
  ['event', 'a numeric-array category', () => body({ category: [1], action: 'a' }), 400, 'invalid_category', 'category'],
  ['event', 'an object as name', () => body({ category: 'c', action: 'a', name: { x: 1 } }), 400, 'invalid_name', 'name'],
  ['event', 'a 300-character action', () => body({ category: 'c', action: 'a'.repeat(300) }), 400, 'invalid_action', 'action'],
  ['event', 'invalid UTF-8 in the category', () => invalidUtf8({ action: 'a' }, 'category'), 400, 'invalid_category', 'category'],
  ['event', 'a 10 MB value', () => body({ category: 'c', action: 'a', value: huge }), 413, 'payload_too_large', 'body'],
  [
    'event',
    'no request_id',
    () => JSON.stringify({ ...identity(visitor.credentials, visitor.token), category: 'c', action: 'a' }),
    400,
    'missing_request_id',
    'request_id',
  ],
  ['event', 'garbage JSON', () => '{"category": ', 400, 'invalid_json', 'body'],
  ['visitor_info', 'no contact at all', () => body({ company: 'x' }), 400, 'missing_contact', 'name'],
  ['visitor_info', 'a bad e-mail', () => body({ email: 'not an email' }), 400, 'invalid_email', 'email'],
  ['visitor_info', 'a phone with letters', () => body({ phone: '+7 CALL-ME-NOW' }), 400, 'invalid_phone', 'phone'],
  ['visitor_info', 'a numeric name', () => body({ name: 42 }), 400, 'invalid_name', 'name'],
  ['visitor_info', 'invalid UTF-8 in the name', () => invalidUtf8({}, 'name'), 400, 'invalid_name', 'name'],
  ['property_set', 'no name', () => body({ value: 'v' }), 400, 'missing_name', 'name'],
  ['property_set', 'an empty name', () => body({ name: '' }), 400, 'invalid_name', 'name'],
  ['property_set', 'a boolean value', () => body({ name: 'n', value: true }), 400, 'invalid_value', 'value'],
  ['property_set', 'a 100 KB name', () => body({ name: 'n'.repeat(100_000) }), 400, 'invalid_name', 'name'],
  ['property_set', 'a 5000-character value', () => body({ name: 'n', value: 'v'.repeat(5000) }), 400, 'invalid_value', 'value'],
  ['property_set', 'invalid UTF-8 in the value', () => invalidUtf8({ name: 'n' }, 'value'), 400, 'invalid_value', 'value'],
  ['property_get', 'no name', () => body({}), 400, 'missing_name', 'name'],
  ['property_has', 'a numeric name', () => body({ name: 7 }), 400, 'invalid_name', 'name'],
  ['property_delete', 'a 10 MB name', () => body({ name: huge }), 413, 'payload_too_large', 'body'],
];

describe('refusals', () => {
  for (const [op, label, make, status, code, field] of cases) {
    for (const [entry, url] of entryPoints(op)) {
      it(`${op} (${entry}): ${label} → ${status} ${code}`, async () => {
        const before = written();
        const answer = await postRaw(url, make());
        expect(answer.status).toBe(status);
        expect(answer.body).toMatchObject({ success: false, result: { code, field } });
        expect(written()).toBe(before);
      });
    }
  }

  it('an unknown op names the op', async () => {
    const answer = await postRaw(`${siteUrl()}/wp-content/plugins/leadtrail/collect.php?op=drop_tables`, body({}));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ success: false, result: { code: 'invalid_op', field: 'op' } });
  });
});

describe('hostile text is stored as text and shown escaped', () => {
  const script = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const sqlish = "x'); DROP TABLE wp_leadtrail_events; --";

  it('on the Events screen and on the visitor page', async () => {
    const v = await newVisitor(browser);
    await v.page.evaluate(
      async ([s, q]) => {
        const C = (window as any).Comagic;
        await C.trackEvent(s, q, s, q);
        await C.setProperty(s, q);
        await C.setProperty(q, s);
        await C.addVisitorInfo({ name: s });
      },
      [script, sqlish],
    );
    expect(sql(`SELECT category, action FROM wp_leadtrail_events WHERE visitor_id = ${v.credentials.visitor_id}`)).toEqual([[script, sqlish]]);
    await v.context.close();

    const admin = await browser.newContext();
    const page = await admin.newPage();
    await logInAsAdmin(page);
    for (const url of [
      `${siteUrl()}/wp-admin/admin.php?page=leadtrail-events`,
      `${siteUrl()}/wp-admin/admin.php?page=leadtrail-visitors&visitor=${v.credentials.visitor_id}`,
    ]) {
      await page.goto(url);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as any).__pwned), url).toBeUndefined();
      const text = (await page.textContent('#wpbody-content')) ?? '';
      expect(text, url).toContain(script);
      expect(text, url).toContain(sqlish);
    }
    await admin.close();
  });
});
