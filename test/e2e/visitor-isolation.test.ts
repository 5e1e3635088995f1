// Visitor calls: a visitor reads and deletes only its own properties, through the runtime and through the
// routes called directly with another visitor's ids (DESIGN.md "Safety lines").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { newVisitor } from './lib/visitor';
import { entryPoints, identity, postRaw, requestId, tokenOf, type Operation } from './lib/api';
import { sql } from './lib/wp';

let browser: Browser;
let first: Awaited<ReturnType<typeof newVisitor>>;
let second: Awaited<ReturnType<typeof newVisitor>>;
let firstToken: string;
let secondToken: string;

beforeAll(async () => {
  browser = await launchBrowser();
  first = await newVisitor(browser);
  second = await newVisitor(browser);
  firstToken = await tokenOf(first.context);
  secondToken = await tokenOf(second.context);
  await first.page.evaluate(() => (window as any).Comagic.setProperty('Секрет', 'только мой'));
});
afterAll(async () => {
  await browser?.close();
});

const stored = () => sql(`SELECT value FROM wp_leadtrail_properties WHERE visitor_id = ${first.credentials.visitor_id}`);

describe('isolation of properties', () => {
  it("the second visitor's runtime does not see the first visitor's property", async () => {
    expect(stored()).toEqual([['только мой']]);
    const seen = await second.page.evaluate(async () => {
      const C = (window as any).Comagic;
      return [await C.hasProperty('Секрет'), await C.getProperty('Секрет'), await C.__leadtrail.properties()];
    });
    expect(seen.slice(0, 2)).toEqual([
      { success: true, result: false },
      { success: true, result: false },
    ]);
    expect(seen[2]).toEqual({});
    await second.page.evaluate(() => (window as any).Comagic.deleteProperty('Секрет'));
    expect(stored()).toEqual([['только мой']]);
  });

  const reads: Operation[] = ['property_get', 'property_has', 'properties', 'property_delete', 'property_set'];
  for (const op of reads) {
    for (const [entry, url] of entryPoints(op)) {
      it(`${op} (${entry}) with the first visitor's ids and the second's token is refused`, async () => {
        const forged = { ...identity(first.credentials, secondToken), request_id: requestId(), name: 'Секрет', value: 'чужой' };
        const answer = await postRaw(url, JSON.stringify(forged));
        expect(answer.status).toBe(403);
        expect(answer.body).toMatchObject({ success: false, result: { code: 'invalid_token', field: 'token' } });
        expect(answer.text).not.toContain('только мой');
        expect(stored()).toEqual([['только мой']]);
      });
    }
  }

  it("the first visitor's token with the second visitor's session is refused", async () => {
    const [, url] = entryPoints('property_get')[0]!;
    const mixed = { ...identity(first.credentials, firstToken), session_id: second.credentials.session_id, request_id: requestId(), name: 'Секрет' };
    const answer = await postRaw(url, JSON.stringify(mixed));
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ success: false, result: { code: 'identity_mismatch', field: 'session_id' } });
  });

  it("the first visitor's own token reads it (the routes work, so the refusals above mean something)", async () => {
    for (const [, url] of entryPoints('property_get')) {
      const answer = await postRaw(url, JSON.stringify({ ...identity(first.credentials, firstToken), request_id: requestId(), name: 'Секрет' }));
      expect(answer.body).toEqual({ success: true, result: 'только мой' });
    }
  });
});
