// The inspector's Phones view on the harness WordPress with numbers configured: the built Chrome
// extension in Chromium shows, for a static rule's visit, a pool visit and a visit that found the
// pool full, each number found on the page, what it was replaced with and why (from the hit
// answer's `kind` and `label`), the phone methods as the page sees them, and the id cookies, as text.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureExtensionBuilt, launchWithExtension, openPanel, tabIdOf } from './lib/extension';
import type { InspectorBrowser } from './lib/extension';
import { whenReady } from './lib/visitor';
import { keepOptions, logInAsAdmin, siteUrl, sql } from './lib/wp';

const SITE = '+7 (495) 182-51-68';
const CONTENT = `<p>Call us: ${SITE}</p><p><a href="tel:84951825168">8 495 182 51 68</a></p><p>Sales: <span class="comagic_phone">${SITE}</span></p>`;
const STATIC = '74990000051';
const POOL = '74990000061';
const FALLBACK = '74990000069';

let inspector: InspectorBrowser;
let pageUrl: string;
let restore: () => void;

beforeAll(async () => {
  inspector = await launchWithExtension(await ensureExtensionBuilt());
  restore = keepOptions(['leadtrail_phone_numbers']);
  const quoted = CONTENT.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  const name = `inspector-phones-${Date.now()}`;
  sql(`INSERT INTO wp_posts (post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_type)
    VALUES (1, NOW(), UTC_TIMESTAMP(), '${quoted}', 'Inspector phones', '', 'publish', '${name}', '', '', NOW(), UTC_TIMESTAMP(), '', 'page')`);
  pageUrl = `${siteUrl()}/?page_id=${sql(`SELECT ID FROM wp_posts WHERE post_name = '${name}'`)[0]![0]}`;

  // The Phone numbers screen, saved as an admin would: a static rule, a pool of one number for paid clicks.
  const admin = await inspector.context.newPage();
  await logInAsAdmin(admin);
  await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-phone-numbers`);
  await admin.fill('#leadtrail-phones-site', SITE);
  await admin.selectOption('select[name="rules[0][when]"]', 'utm_source');
  await admin.fill('input[name="rules[0][value]"]', 'inspector');
  await admin.fill('input[name="rules[0][number]"]', STATIC);
  await admin.fill('input[name="pools[0][label]"]', 'Paid');
  await admin.fill('textarea[name="pools[0][numbers]"]', POOL);
  await admin.selectOption('select[name="pools[0][when]"]', 'click_id');
  await admin.fill('input[name="pools[0][fallback]"]', FALLBACK);
  await Promise.all([admin.waitForNavigation(), admin.click('#submit')]);
  expect(await admin.locator('#leadtrail-phone-numbers .notice').allInnerTexts()).toContain('Phone numbers saved.');
  await admin.close();
}, 180_000);

afterAll(async () => {
  restore?.();
  sql('DELETE FROM wp_leadtrail_numbers');
  await inspector?.close();
});

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

/** A new visitor (no cookies) on the page at `query`, with the panel inspecting its tab. */
async function visit(query: string): Promise<{ page: Page; panel: Page }> {
  await inspector.context.clearCookies();
  const page = await inspector.context.newPage();
  await page.goto(pageUrl + query);
  await page.evaluate(whenReady);
  await page.waitForFunction(() => (window as unknown as { Comagic: { getPhones(): unknown[] } }).Comagic.getPhones().length > 0);
  const panel = await openPanel(inspector, await tabIdOf(inspector, page));
  await expect.poll(() => panel.getByTestId('phone-target').count()).toBeGreaterThan(0);
  return { page, panel };
}

async function targets(panel: Page): Promise<string[]> {
  return panel.getByTestId('phone-target').allInnerTexts();
}

describe('the Phones view on LeadTrail', { timeout: 90_000 }, () => {
  it("shows a static rule's number in each target, the methods and the id cookies, as text", async () => {
    const { page, panel } = await visit('&utm_source=inspector');
    const why = 'static number of the rule “utm_source = inspector”';
    expect(await targets(panel)).toEqual([
      `.comagic_phone\t${SITE}\t${STATIC}\t${why}`,
      // The tel: link's number as its href writes it, then the texts showing the site's number.
      `number=74951825168\t84951825168\t${STATIC}\t${why}`,
      `number=74951825168\t${SITE}\t${STATIC}\t${why}`,
      `number=74951825168\t8 495 182 51 68\t${STATIC}\t${why}`,
    ]);
    expect(await text(panel, 'phones-answer')).toContain(`this visit’s number\t${STATIC}: ${why}`);
    const methods = await text(panel, 'phone-methods');
    expect(methods).toContain('getDTPhones()\tnull');
    expect(methods).toContain(`getReplacedPhones()\t{'.comagic_phone': '${STATIC}', 'number=74951825168': '${STATIC}'}`);
    expect(methods).toContain("getReplacedPhones('dynamic')\t{}");
    expect(await text(panel, 'phone-elements')).toContain('tel: link "8 499 000 00 51"\ttel:84990000051');

    const credentials = (await page.evaluate(() =>
      (window as unknown as { Comagic: { getCredentials(): { comagic_id: string } } }).Comagic.getCredentials(),
    )) as { comagic_id: string };
    await page.evaluate(() => {
      document.cookie = '_comagic_probe=<img src=x onerror="window.__xss=1">; path=/';
    });
    await panel.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => text(panel, 'id-cookies')).toContain('_comagic_probe\t<img src=x onerror="window.__xss=1">');
    const cookies = await text(panel, 'id-cookies');
    expect(cookies).toContain(`_comagic_id\t${credentials.comagic_id}`);
    expect(cookies).toMatch(/_leadtrail_token\t\S+/);
    expect(await panel.locator('[data-testid=phones] img').count()).toBe(0);
    expect(await panel.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await panel.close();
    await page.close();
  });

  it('shows a pool number held by the visit, then the fallback for a visit that found the pool full', async () => {
    const first = await visit('&gclid=first');
    expect(await targets(first.panel)).toContain(`number=74951825168\t${SITE}\t${POOL}\tpool number “Pool: Paid”, held by this visit`);
    expect(await text(first.panel, 'phone-methods')).toContain(`getReplacedPhones('dynamic')\t{'${POOL}': ['.comagic_phone', 'number=74951825168']}`);

    const second = await visit('&gclid=second');
    expect(await targets(second.panel)).toContain(
      `number=74951825168\t${SITE}\t${FALLBACK}\tpool fallback “Pool fallback: Paid”: every number of the pool was held by other visits`,
    );
    expect(await text(second.panel, 'phone-methods')).toContain('getDTPhones()\tnull');
    for (const { page, panel } of [first, second]) {
      await panel.close();
      await page.close();
    }
  });
});
