// Visitor calls: nothing is lost on a flaky network. Calls made offline, or whose answer never arrives,
// reach the server later, in order, each applied exactly once (the outbox and request_id).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { newVisitor, openReadyPage, whenReady } from './lib/visitor';
import { sql } from './lib/wp';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The same sequence each time: its end state tells whether order and once-only held. */
async function makeCalls(page: Page, tag: string) {
  await page.evaluate((t) => {
    const C = (window as any).Comagic;
    C.trackEvent('Offline', `${t}-1`);
    C.setProperty('Шаг', 'один');
    C.addVisitorInfo({ email: `${t}@example.com` });
    C.trackEvent('Offline', `${t}-2`);
    C.setProperty('Шаг', 'два');
    C.setProperty('Удалить', 'x');
    C.deleteProperty('Удалить');
    C.trackEvent('Offline', `${t}-3`);
  }, tag);
}

function serverState(visitorId: number) {
  return {
    events: sql(`SELECT action FROM wp_leadtrail_events WHERE visitor_id = ${visitorId} ORDER BY id`).map((r) => r[0]),
    properties: sql(`SELECT name, COALESCE(value, '') FROM wp_leadtrail_properties WHERE visitor_id = ${visitorId} ORDER BY name`),
    emails: sql(`SELECT normalized FROM wp_leadtrail_contacts WHERE visitor_id = ${visitorId} AND kind = 'email'`).map((r) => r[0]),
  };
}

const expected = (tag: string) => ({
  events: [`${tag}-1`, `${tag}-2`, `${tag}-3`],
  properties: [['Шаг', 'два']],
  emails: [`${tag}@example.com`],
});

describe('the offline-safe queue', () => {
  it('calls made offline are applied once, in order, when the browser is back online', async () => {
    const { context, page, credentials } = await newVisitor(browser);
    await context.setOffline(true);
    await makeCalls(page, 'a');
    await page.waitForTimeout(1500);
    expect(serverState(credentials.visitor_id).events).toEqual([]);
    await context.setOffline(false);
    await expect.poll(() => serverState(credentials.visitor_id), { timeout: 20_000 }).toEqual(expected('a'));
    await context.close();
  });

  it('calls left in the outbox when the page closed offline are sent by the next page, once', async () => {
    const { context, page, credentials } = await newVisitor(browser);
    await context.setOffline(true);
    await makeCalls(page, 'b');
    await page.waitForTimeout(500);
    await page.close();
    await context.setOffline(false);
    const next = await openReadyPage(context);
    expect(next.credentials.visitor_id).toBe(credentials.visitor_id);
    await expect.poll(() => serverState(credentials.visitor_id), { timeout: 20_000 }).toEqual(expected('b'));
    // A further reload must not send them again.
    await next.page.reload();
    await next.page.evaluate(whenReady);
    await next.page.waitForTimeout(1000);
    expect(serverState(credentials.visitor_id)).toEqual(expected('b'));
    await context.close();
  });

  it('a call whose answer is lost after the server applied it is retried and applied once', async () => {
    const { context, page, credentials } = await newVisitor(browser);
    let dropped = 0;
    // The first answer of each visitor call reaches the server but never the page.
    await page.route(/collect\.php\?op=|\/leadtrail\/v1\/(event|property|visitor-info)/, async (route) => {
      if (dropped < 3) {
        dropped += 1;
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    await makeCalls(page, 'c');
    await expect.poll(() => serverState(credentials.visitor_id), { timeout: 30_000 }).toEqual(expected('c'));
    expect(dropped).toBe(3);
    await context.close();
  });
});
