// The Events screen filters by category, action and date range, exports the filtered rows
// as CSV, and the visitor's detail page shows contacts, properties, sessions and events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { newVisitor, type Credentials } from './lib/visitor';
import { logInAsAdmin, siteUrl } from './lib/wp';

let browser: Browser;
let admin: Page;
let visitor: Credentials;
const stamp = `t${Date.now()}`;

beforeAll(async () => {
  browser = await launchBrowser();
  const v = await newVisitor(browser);
  visitor = v.credentials;
  await v.page.evaluate(async (s) => {
    const C = (window as any).Comagic;
    await C.trackEvent(`Cat-${s}`, 'Read', 'Book', '1');
    await C.trackEvent(`Cat-${s}`, 'Download', 'Price list', '2');
    await C.trackEvent(`Other-${s}`, 'Read', 'Blog', '=HYPERLINK("http://evil")');
    await C.setProperty('Тип посетителя', 'Потенциальный');
    await C.addVisitorInfo({ name: 'Анна', phone: '79001112233', email: 'anna@example.com' });
  }, stamp);
  await v.context.close();
  const context = await browser.newContext({ acceptDownloads: true });
  admin = await context.newPage();
  await logInAsAdmin(admin);
});
afterAll(async () => {
  await browser?.close();
});

const events = (query: string) => `${siteUrl()}/wp-admin/admin.php?page=leadtrail-events&${query}`;
const bodyText = async () => (await admin.textContent('#wpbody-content')) ?? '';

describe('the Events screen', () => {
  it('filters by category and by action', async () => {
    await admin.goto(events(`category=${encodeURIComponent(`Cat-${stamp}`)}`));
    let text = await bodyText();
    expect(text).toContain('Price list');
    expect(text).toContain('Book');
    expect(text).not.toContain(`Other-${stamp}`);

    await admin.goto(events(`category=${encodeURIComponent(`Cat-${stamp}`)}&action=Download`));
    text = await bodyText();
    expect(text).toContain('Price list');
    expect(text).not.toContain('Book');
  });

  it('filters by date range (an empty range shows none of them)', async () => {
    await admin.goto(events(`category=${encodeURIComponent(`Cat-${stamp}`)}&from=2001-01-01&to=2001-01-31`));
    expect(await bodyText()).not.toContain('Price list');
    const today = new Date();
    const from = new Date(today.getTime() - 2 * 86400_000).toISOString().slice(0, 10);
    const to = new Date(today.getTime() + 2 * 86400_000).toISOString().slice(0, 10);
    await admin.goto(events(`category=${encodeURIComponent(`Cat-${stamp}`)}&from=${from}&to=${to}`));
    expect(await bodyText()).toContain('Price list');
  });

  it('exports the filtered events as CSV, with spreadsheet formulas neutralised', async () => {
    await admin.goto(events(`category=${encodeURIComponent(`Other-${stamp}`)}`));
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.click('text=Export CSV')]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(`Other-${stamp}`);
    expect(csv).not.toContain(`Cat-${stamp}`);
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe("a visitor's detail page", () => {
  it('is linked from the Visitors screen and shows contacts, properties, sessions and events', async () => {
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-visitors&s=${visitor.visitor_id}`);
    await Promise.all([admin.waitForURL(/visitor=\d+/), admin.click(`a[href*="visitor=${visitor.visitor_id}"]`)]);
    const text = await bodyText();
    for (const expected of ['Анна', '79001112233', 'anna@example.com', 'Тип посетителя', 'Потенциальный', `Cat-${stamp}`, 'Price list', '(direct)']) {
      expect(text).toContain(expected);
    }
  });

  it('an unknown visitor id gives a clear notice', async () => {
    const response = await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-visitors&visitor=999999999`);
    expect(response?.status()).toBe(200);
    expect((await bodyText()).toLowerCase()).toMatch(/not found|no visitor/);
  });
});
