// Visitor identity end to end (R1, R2, R3, A5, A12, A13, F1, F5, F7) on the real
// WordPress + MariaDB harness, in Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { count, getOption, logInAsAdmin, setClockOffset, siteUrl, sql } from './lib/wp';
import { whenReady } from './lib/visitor';

type Credentials = {
  site_key: string;
  key: string;
  uri: string;
  visitor_id: number;
  hit_id: number;
  session_id: number;
  consultant_server_url: string;
  comagic_id: string;
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  setClockOffset(0);
  await browser?.close();
});

const demo = () => `${siteUrl()}/leadtrail-demo/`;

async function visit(context: BrowserContext, url = demo()): Promise<{ page: Page; credentials: Credentials }> {
  const page = await context.newPage();
  await page.goto(url);
  const credentials = (await page.evaluate(whenReady)) as Credentials;
  return { page, credentials };
}

function hitRow(hitId: number) {
  const [row] = sql(`SELECT visitor_id, session_id, url FROM wp_leadtrail_hits WHERE id = ${Number(hitId)}`);
  return row ? { visitor_id: Number(row[0]), session_id: Number(row[1]), url: row[2] } : undefined;
}

describe('a fresh visitor', () => {
  it('gets server-assigned ids that match what the server recorded', async () => {
    const context = await browser.newContext();
    const { page, credentials } = await visit(context);
    const siteKey = getOption('leadtrail_site_key');

    // A5 + F1 + R2: the documented keys, with their documented types, plus key, uri and comagic_id.
    expect(Object.keys(credentials).sort()).toEqual(
      ['comagic_id', 'consultant_server_url', 'hit_id', 'key', 'session_id', 'site_key', 'uri', 'visitor_id'].sort(),
    );
    expect(credentials.site_key).toBe(siteKey);
    expect(credentials.key).toBe(siteKey);
    expect(credentials.uri).toBe(demo());
    expect(credentials.consultant_server_url).toBe(`${siteUrl()}/wp-content/plugins/leadtrail/server/`);
    for (const id of [credentials.visitor_id, credentials.session_id, credentials.hit_id]) {
      expect(Number.isInteger(id) && id > 0).toBe(true);
    }
    expect(hitRow(credentials.hit_id)).toEqual({ visitor_id: credentials.visitor_id, session_id: credentials.session_id, url: demo() });

    // A12, A13: the synchronous getters agree with the credentials.
    expect(await page.evaluate(() => [(window as any).Comagic.getVisitorId(), (window as any).Comagic.getSessionId()])).toEqual([
      credentials.visitor_id,
      credentials.session_id,
    ]);

    // F5 / R2: the cookie the site's server code reads.
    // document.cookie reaches the browser's cookie store asynchronously.
    await expect.poll(async () => (await context.cookies()).find((c) => c.name === '_comagic_id')?.value, { timeout: 5000 }).toBe(credentials.comagic_id);
    expect(credentials.comagic_id).toMatch(new RegExp(`^${credentials.visitor_id}\\.${credentials.session_id}\\.\\d{10}$`));

    // The demo page printed them through the onReady signal (F7).
    expect(await page.textContent('[data-key="visitor_id"]')).toBe(String(credentials.visitor_id));
    await context.close();
  });

  it('shows no Comagic before the first answer and replays queued calls afterwards, in order', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Hold the hit until the test has looked at the getters.
    await page.route(/collect\.php|\/leadtrail\/v1\/hit/, async (route) => {
      await held;
      await route.continue();
    });
    await page.addInitScript(() => {
      const w = window as any;
      w.order = [];
      w.__cs = w.__cs || [];
      w.__cs.push(['onReady', () => w.order.push('first')]);
      w.__cs.push(['noSuchCommand', 1]);
      w.__cs.push(['onReady', (c: any) => w.order.push(`second:${c.visitor_id}`)]);
    });
    await page.goto(demo(), { waitUntil: 'domcontentloaded' });
    // The runtime has loaded once `__cs` is no longer the page's array; no ids are known yet, so
    // code polling for `window.Comagic` must not find it (it would read no ids).
    await page.waitForFunction(() => !Array.isArray((window as any).__cs));
    const before = await page.evaluate(() => {
      const w = window as any;
      w.__cs.push(['onReady', () => w.order.push('third')]);
      return { comagic: typeof w.Comagic, widget: typeof w.ComagicWidget, order: [...w.order] };
    });
    expect(before).toEqual({ comagic: 'undefined', widget: 'undefined', order: [] });
    release();
    const credentials = (await page.evaluate(whenReady)) as Credentials;
    await page.waitForFunction(() => (window as any).order.length === 3);
    expect(await page.evaluate(() => (window as any).order)).toEqual(['first', `second:${credentials.visitor_id}`, 'third']);
    // After ready, a push runs at once.
    expect(
      await page.evaluate(() => {
        const w = window as any;
        w.Comagic.push(['onReady', () => w.order.push('now')]);
        return w.order.at(-1);
      }),
    ).toBe('now');
    await context.close();
  });
});

describe('sessions (R1)', () => {
  it('a reload keeps visitor and session and gets a new hit', async () => {
    const context = await browser.newContext();
    const first = await visit(context);
    await first.page.reload();
    const again = (await first.page.evaluate(whenReady)) as Credentials;
    expect(again.visitor_id).toBe(first.credentials.visitor_id);
    expect(again.session_id).toBe(first.credentials.session_id);
    expect(again.hit_id).not.toBe(first.credentials.hit_id);
    expect(count('hits', `session_id = ${again.session_id}`)).toBe(2);
    await context.close();
  });

  it('a new UTM campaign starts a new session of the same visitor', async () => {
    const context = await browser.newContext();
    const first = await visit(context);
    const tagged = await visit(context, `${demo()}?utm_source=newsletter&utm_medium=email&utm_campaign=winter`);
    expect(tagged.credentials.visitor_id).toBe(first.credentials.visitor_id);
    expect(tagged.credentials.session_id).not.toBe(first.credentials.session_id);
    expect(sql(`SELECT source, medium, campaign FROM wp_leadtrail_sessions WHERE id = ${tagged.credentials.session_id}`)).toEqual([
      ['newsletter', 'email', 'winter'],
    ]);
    // The same campaign again continues that session.
    const same = await visit(context, `${demo()}?utm_source=newsletter&utm_medium=email&utm_campaign=winter`);
    expect(same.credentials.session_id).toBe(tagged.credentials.session_id);
    await context.close();
  });

  it('31 idle minutes start a new session; 29 do not', async () => {
    const context = await browser.newContext();
    try {
      const first = await visit(context);
      setClockOffset(29 * 60);
      const soon = await visit(context);
      expect(soon.credentials.session_id).toBe(first.credentials.session_id);
      setClockOffset(29 * 60 + 31 * 60);
      const later = await visit(context);
      expect(later.credentials.visitor_id).toBe(first.credentials.visitor_id);
      expect(later.credentials.session_id).not.toBe(first.credentials.session_id);
    } finally {
      setClockOffset(0);
      await context.close();
    }
  });

  it('another browser context is another visitor', async () => {
    const one = await browser.newContext();
    const two = await browser.newContext();
    const a = await visit(one);
    const b = await visit(two);
    expect(b.credentials.visitor_id).not.toBe(a.credentials.visitor_id);
    expect(b.credentials.session_id).not.toBe(a.credentials.session_id);
    await one.close();
    await two.close();
  });
});

describe('hidden credential fields (DESIGN flow, step 4)', () => {
  it('every form carries the current credentials, also a form added later', async () => {
    const context = await browser.newContext();
    const { page, credentials } = await visit(context);
    const fields = (selector: string) =>
      page.$$eval(`${selector} input[type=hidden]`, (inputs) =>
        Object.fromEntries(inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value])),
      );
    const expected = {
      site_key: credentials.site_key,
      key: credentials.key,
      uri: credentials.uri,
      visitor_id: String(credentials.visitor_id),
      hit_id: String(credentials.hit_id),
      session_id: String(credentials.session_id),
      consultant_server_url: credentials.consultant_server_url,
    };
    expect(await fields('#leadtrail-demo-form')).toEqual(expected);
    await page.evaluate(() => {
      const form = document.createElement('form');
      form.id = 'late';
      document.body.append(form);
    });
    await page.waitForFunction(() => document.querySelectorAll('#late input[type=hidden]').length === 7);
    expect(await fields('#late')).toEqual(expected);
    await context.close();
  });
});

describe('the Visitors screen', () => {
  it('shows a visitor with its session, found by visitor id', async () => {
    const visitorContext = await browser.newContext();
    const { credentials } = await visit(visitorContext, `${demo()}?utm_source=screen-test&utm_medium=cpc&utm_campaign=c42`);
    await visitorContext.close();

    const admin = await browser.newContext();
    const page = await admin.newPage();
    await logInAsAdmin(page);
    await page.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-visitors&s=${credentials.visitor_id}`);
    const text = (await page.textContent('#wpbody-content')) ?? '';
    expect(text).toContain(String(credentials.visitor_id));
    expect(text).toContain('screen-test');
    expect(text).toContain('cpc');
    expect(text).toContain('c42');
    await admin.close();
  });
});
