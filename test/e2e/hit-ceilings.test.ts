// Floods of page views are bounded per client address, people browsing are not, and crawlers and
// headless browsers make no visitor (docs/contracts.md, "Hit"). Each case posts from its own
// address: the site trusts the harness (127.0.0.1) as a proxy and reads X-Forwarded-For.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hitEndpoints } from './lib/api';
import { launchBrowser } from './lib/browser';
import { demoUrl } from './lib/visitor';
import { count, keepOptions, readSiteKey, setClockOffset, setOption, siteUrl } from './lib/wp';

type Answer = { status: number; headers: Headers; body: any };

let siteKey = '';
let restoreOptions: () => void;
beforeAll(() => {
  siteKey = readSiteKey();
  restoreOptions = keepOptions(['leadtrail_trusted_proxies', 'leadtrail_hit_ceiling', 'leadtrail_visitor_ceiling', 'leadtrail_test_clock_offset']);
  setOption('leadtrail_trusted_proxies', '127.0.0.1');
  // The ceilings count in fixed 10-minute windows: the server's clock is set 5 s into one, so
  // that no case straddles two.
  const now = Math.floor(Date.now() / 1000);
  setClockOffset(Math.ceil(now / 600) * 600 + 5 - now);
});
afterAll(() => restoreOptions());

/** A documentation-range address that no other case of this run used. */
const addresses = new Set<string>();
function freshAddress(): string {
  for (;;) {
    const candidate = `${crypto.randomInt(0, 2) ? '198.51.100' : '203.0.113'}.${crypto.randomInt(1, 255)}`;
    if (!addresses.has(candidate)) {
      addresses.add(candidate);
      return candidate;
    }
  }
}

async function hit(
  endpoint: string,
  address: string,
  extra: Record<string, unknown> = {},
  userAgent = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/133.0',
): Promise<Answer> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address, 'User-Agent': userAgent },
    body: JSON.stringify({ site_key: siteKey, url: `${siteUrl()}/leadtrail-demo/`, referrer: '', title: 'Demo', ...extra }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const rows = () => ['visitors', 'sessions', 'hits'].map((table) => count(table));

for (const [name, endpoint] of Object.entries(hitEndpoints)) {
  describe(`per-address ceilings (${name} endpoint)`, () => {
    it('beyond the new-visitor ceiling an address is refused 429 rate_limited, writing nothing; its visitors keep browsing', async () => {
      setOption('leadtrail_visitor_ceiling', '3');
      setOption('leadtrail_hit_ceiling', '1000');
      const flood = freshAddress();
      const accepted = [];
      for (let i = 0; i < 3; i++) accepted.push(await hit(endpoint(), flood));
      expect(accepted.map((a) => a.status)).toEqual([200, 200, 200]);

      const before = rows();
      const refused = await hit(endpoint(), flood);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ success: false, result: { code: 'rate_limited', field: '' } });
      const retryAfter = Number(refused.headers.get('Retry-After'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(600);
      expect(rows(), 'a refused hit writes no row').toEqual(before);

      // The visitors it already made go on browsing, and another address is not affected.
      const { visitor_id, token } = accepted[0]!.body.result;
      expect((await hit(endpoint(), flood, { visitor_id, token })).status).toBe(200);
      expect((await hit(endpoint(), freshAddress())).status).toBe(200);
    });

    it('beyond the hit ceiling even a known visitor is refused, and another address is not', async () => {
      setOption('leadtrail_visitor_ceiling', '1000');
      setOption('leadtrail_hit_ceiling', '4');
      const flood = freshAddress();
      const first = await hit(endpoint(), flood);
      expect(first.status).toBe(200);
      const { visitor_id, token } = first.body.result;
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await hit(endpoint(), flood, { visitor_id, token })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(count('hits', `visitor_id = ${visitor_id}`)).toBe(4);
      expect((await hit(endpoint(), freshAddress())).status).toBe(200);
    });
  });
}

describe('people behind one address', () => {
  it('with the default ceilings, 30 people behind one office address each browse ten pages', async () => {
    setOption('leadtrail_visitor_ceiling', '');
    setOption('leadtrail_hit_ceiling', '');
    const office = freshAddress();
    const people = await Promise.all(Array.from({ length: 30 }, () => hit(hitEndpoints.collect(), office)));
    expect(people.map((p) => p.status)).toEqual(Array(30).fill(200));
    const pages = [];
    for (let page = 0; page < 9; page++) {
      pages.push(
        ...(await Promise.all(people.map((p) => hit(hitEndpoints.collect(), office, { visitor_id: p.body.result.visitor_id, token: p.body.result.token })))),
      );
    }
    expect(pages.filter((p) => p.status !== 200)).toEqual([]);
  });
});

describe('crawlers and headless browsers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a headless Chromium that says so opens a page and makes no visitor; the runtime gives no made-up ids', async () => {
    const context = await browser.newContext({
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    });
    const page = await context.newPage();
    const before = rows();
    const answered = page.waitForResponse((response) => response.url().includes('collect.php'));
    await page.goto(demoUrl());
    const answer = await answered;
    expect(answer.status()).toBe(403);
    expect((await answer.json()).result).toMatchObject({ code: 'robot_user_agent', field: 'user_agent' });
    const ids = await page.evaluate(() => {
      const comagic = (window as any).Comagic;
      return [typeof comagic?.getVisitorId?.(), typeof comagic?.getSessionId?.()];
    });
    expect(ids).toEqual(['undefined', 'undefined']);
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('_comagic_id');
    expect(rows()).toEqual(before);
    await context.close();
  });

  for (const [name, userAgent] of [
    ['Googlebot', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
    ['YandexBot', 'Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)'],
    ['bingbot', 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)'],
  ] as const) {
    it(`${name} is refused 403 robot_user_agent at both entry points, writing nothing`, async () => {
      const before = rows();
      for (const endpoint of Object.values(hitEndpoints)) {
        const answer = await hit(endpoint(), freshAddress(), {}, userAgent);
        expect(answer.status).toBe(403);
        expect(answer.body.result.code).toBe('robot_user_agent');
      }
      expect(rows()).toEqual(before);
    });
  }
});
