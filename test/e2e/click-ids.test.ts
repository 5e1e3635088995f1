// Paid click ids (docs/contracts.md, "Hit"): a landing address with gclid, fbclid or Yandex's search
// marker ysclid names the session's source in the real hit, the session keeps the id (its landing
// address) and wp-admin shows it, as text; and the phone-number rules read the same source.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './lib/browser';
import { whenReady } from './lib/visitor';
import { adminPage, keepOptions, setOption, siteUrl, sql } from './lib/wp';

const SITE = '+7 (495) 182-51-68';
const GCLID_NUMBER = '74990000041';
const YANDEX_NUMBER = '74990000042';
const asText = (d: string) => `+7 (${d.slice(1, 4)}) ${d.slice(4, 7)}-${d.slice(7, 9)}-${d.slice(9)}`;

let browser: Browser;
let pageUrl: string;
let restore: () => void;

beforeAll(async () => {
  browser = await launchBrowser();
  restore = keepOptions(['leadtrail_phone_numbers']);
  setOption(
    'leadtrail_phone_numbers',
    JSON.stringify({
      site: ['74951825168'],
      rules: [
        { when: 'click_id', value: 'gclid', number: GCLID_NUMBER },
        { when: 'organic', value: 'yandex', number: YANDEX_NUMBER },
      ],
      pools: [],
    }),
  );
  const name = `click-ids-${Date.now()}`;
  sql(`INSERT INTO wp_posts (post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_type)
    VALUES (1, NOW(), UTC_TIMESTAMP(), '<p id="text">Call us: ${SITE}</p>', 'Click ids', '', 'publish', '${name}', '', '', NOW(), UTC_TIMESTAMP(), '', 'page')`);
  pageUrl = `${siteUrl()}/?page_id=${sql(`SELECT ID FROM wp_posts WHERE post_name = '${name}'`)[0]![0]}`;
});

afterAll(async () => {
  restore?.();
  await browser?.close();
});

type Credentials = { visitor_id: number; session_id: number };

/** A new visitor landing at `query` (no referrer): its ids and the number its page shows once replaced. */
async function land(query: string): Promise<{ credentials: Credentials; shown: string; page: Page }> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(pageUrl + query);
  const credentials = (await page.evaluate(whenReady)) as Credentials;
  // The replacement chunk has run once getPhones answers (empty when the visit has no number).
  await page.waitForFunction(() => Array.isArray((window as unknown as { Comagic: { getPhones(): unknown } }).Comagic.getPhones()));
  const shown = await page.evaluate(() => document.getElementById('text')!.textContent ?? '');
  return { credentials, shown, page };
}

const session = (id: number) => sql(`SELECT source, medium, campaign FROM wp_leadtrail_sessions WHERE id = ${id}`)[0];

describe('paid click ids and the Yandex search marker', { timeout: 90_000 }, () => {
  it('name the session source, and the number rules read the same source', async () => {
    const google = await land('&gclid=%3Cb%3EEAIaIQ%3C%2Fb%3E');
    const yandex = await land('&ysclid=lqk1abc');
    const facebook = await land('&fbclid=IwAR0x');

    expect(session(google.credentials.session_id)).toEqual(['google', 'cpc', '']);
    expect(session(yandex.credentials.session_id)).toEqual(['yandex', 'organic', '']);
    expect(session(facebook.credentials.session_id)).toEqual(['facebook', 'social', '']);

    await google.page.waitForFunction((n) => document.getElementById('text')!.textContent!.includes(n), asText(GCLID_NUMBER));
    await yandex.page.waitForFunction((n) => document.getElementById('text')!.textContent!.includes(n), asText(YANDEX_NUMBER));
    // No rule for fbclid: the site's own number stays.
    expect(facebook.shown).toBe(`Call us: ${SITE}`);

    // wp-admin shows the click id with the session, as text.
    const admin = await adminPage(browser);
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-visitors&visitor=${google.credentials.visitor_id}`);
    const sessions = admin.locator('h2#sessions + table');
    expect(await sessions.locator('thead').innerText()).toContain('Click id');
    expect(await sessions.locator('tbody tr').first().innerText()).toMatch(/google\s+cpc\s+gclid <b>EAIaIQ<\/b>/);
    expect(await sessions.locator('tbody b').count()).toBe(0);
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-visitors&visitor=${yandex.credentials.visitor_id}`);
    expect(await admin.locator('h2#sessions + table tbody tr').first().innerText()).toMatch(/yandex\s+organic\s+ysclid lqk1abc/);

    for (const { page } of [google, yandex, facebook, { page: admin }]) await page.context().close();
  });
});
