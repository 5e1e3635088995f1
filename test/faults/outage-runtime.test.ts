// The runtime in Chromium while the site's database is stopped (docs/contracts.md, "In the runtime"):
// collect.php answers 503 storage_unavailable, and the runtime takes that as "the endpoint is there,
// not now": the captcha answers the documented error shape, the request form opens without groups,
// the hit is sent again later, and nothing goes to a REST route (WordPress would only answer 500).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../e2e/lib/browser';
import { database, setOption, siteUrl } from './lib';

const demoUrl = () => `${siteUrl()}/leadtrail-demo/`;
const GROUPS = [{ id: 7, name: 'Sales' }];

let browser: Browser;
beforeAll(async () => {
  setOption('leadtrail_request_groups', JSON.stringify(GROUPS));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The REST routes' requests a page makes (`/wp-json/…` or `?rest_route=`). */
function restRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => {
    if (/\/wp-json\/|[?&]rest_route=/.test(r.url())) urls.push(r.url());
  });
  return urls;
}

/** The statuses collect.php answered the page, in order (`op` or "hit"). */
function leanAnswers(page: Page): string[] {
  const seen: string[] = [];
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith('/collect.php')) seen.push(`${url.searchParams.get('op') ?? 'hit'} ${r.status()}`);
  });
  return seen;
}

async function readyPage(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(demoUrl());
  await page.waitForFunction(() => (window as any).Comagic?.getVisitorId?.() > 0);
  return page;
}

describe('the runtime while the database is stopped', () => {
  it('get_captcha answers the error shape, the request form opens with no groups, and no REST route is asked', async () => {
    const page = await readyPage();
    // What a page cache would serve while WordPress cannot: the same page, as it was.
    const cached = await (await fetch(demoUrl())).text();
    const rest = restRequests(page);
    const lean = leanAnswers(page);
    await database.stop();
    try {
      const captcha = await page.evaluate(() => new Promise((resolve) => (window as any).Comagic.Captcha.get_captcha(resolve)));
      expect(captcha).toEqual({ key: null, url: null, error: { code: 'storage_unavailable', field: '' } });

      await page.evaluate(() => (window as any).Comagic.openSiteRequestPanel());
      const form = page.locator('[data-leadtrail-widget="request"]');
      await expect.poll(() => form.count()).toBe(1);
      await expect.poll(() => lean.includes('groups 503')).toBe(true);
      expect(await form.locator('[name=group_id]').count()).toBe(0);

      // A page the cache serves now: its hit is refused for now (503), and not sent to {rest}hit.
      const context = await browser.newContext();
      const later = await context.newPage();
      await later.route(demoUrl(), (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=UTF-8', body: cached }));
      const laterRest = restRequests(later);
      const laterLean = leanAnswers(later);
      await later.goto(demoUrl());
      await expect.poll(() => laterLean.filter((a) => a == 'hit 503').length).toBeGreaterThanOrEqual(1);
      expect(await later.evaluate(() => typeof (window as any).Comagic)).toBe('undefined');

      expect(lean.filter((a) => a.startsWith('captcha'))).toEqual(['captcha 503']);
      expect(rest).toEqual([]);
      expect(laterRest).toEqual([]);

      // Once the database is back, the waiting hit goes out again (backoff) and the page gets its visitor.
      await database.start();
      await later.waitForFunction(() => (window as any).Comagic?.getVisitorId?.() > 0, undefined, { timeout: 120_000 });
      expect(laterRest).toEqual([]);
      await context.close();
    } finally {
      await database.start();
    }

    // The groups were there all along: with the database up the form offers them.
    const up = await readyPage();
    await up.evaluate(() => (window as any).Comagic.openSiteRequestPanel());
    await expect.poll(() => up.locator('[data-leadtrail-widget="request"] [name=group_id] option').count()).toBe(GROUPS.length + 1);
  });
});
