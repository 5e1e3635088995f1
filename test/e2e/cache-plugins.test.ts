// Cache and optimisation plugins (docs/contracts.md, "Cache and optimisation plugins"): the embed and
// runtime tags carry each plugin's exclusion, the public answers are kept by no cache, and a page served
// whole from a page cache still gives each visitor a working runtime, their own ids and their own phone
// number. The page cache is a stand-in (fixtures/page-cache/advanced-cache.php: WordPress's
// advanced-cache.php drop-in, as WP Super Cache and WP Rocket install it), since no cache plugin's
// release is available here; WordPress, MariaDB and Chromium are the real ones.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './lib/browser';
import { whenReady } from './lib/visitor';
import { keepOptions, readSiteKey, setOption, siteUrl, sql } from './lib/wp';
import { e2eSite } from './lib/site';

const SITE = '+7 (495) 182-51-68';
const NUMBERS = { alpha: '74990000031', beta: '74990000032' };
const asText = (d: string) => `+7 (${d.slice(1, 4)}) ${d.slice(4, 7)}-${d.slice(7, 9)}-${d.slice(9)}`;
const dropIn = fileURLToPath(new URL('./fixtures/page-cache/advanced-cache.php', import.meta.url));

let browser: Browser;
let pageUrl: string;
let restore: () => void;
let siteDir: string;
let wpConfig: string;

beforeAll(async () => {
  browser = await launchBrowser();
  restore = keepOptions(['leadtrail_phone_numbers']);
  setOption(
    'leadtrail_phone_numbers',
    JSON.stringify({
      site: ['74951825168'],
      rules: Object.entries(NUMBERS).map(([source, number]) => ({ when: 'utm_source', value: source, number })),
      pools: [],
    }),
  );
  const name = `cache-plugins-${Date.now()}`;
  sql(`INSERT INTO wp_posts (post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_type)
    VALUES (1, NOW(), UTC_TIMESTAMP(), '<p id="text">Call us: ${SITE}</p>', 'Cached page', '', 'publish', '${name}', '', '', NOW(), UTC_TIMESTAMP(), '', 'page')`);
  pageUrl = `${siteUrl()}/?page_id=${sql(`SELECT ID FROM wp_posts WHERE post_name = '${name}'`)[0]![0]}`;

  // The drop-in and WP_CACHE, as a page cache plugin writes them on activation.
  siteDir = e2eSite().dir;
  wpConfig = fs.readFileSync(path.join(siteDir, 'wp-config.php'), 'utf8');
  fs.writeFileSync(path.join(siteDir, 'wp-config.php'), wpConfig.replace('<?php', "<?php\ndefine('WP_CACHE', true);"));
  fs.copyFileSync(dropIn, path.join(siteDir, 'wp-content', 'advanced-cache.php'));
  // opcache looks at a compiled file's date at most every 2 s (opcache.revalidate_freq): until then a
  // worker may run the wp-config.php it compiled before, without WP_CACHE.
  await new Promise((resolve) => setTimeout(resolve, 2100));
});

afterAll(async () => {
  if (siteDir) {
    fs.writeFileSync(path.join(siteDir, 'wp-config.php'), wpConfig);
    fs.rmSync(path.join(siteDir, 'wp-content', 'advanced-cache.php'), { force: true });
    fs.rmSync(path.join(siteDir, 'wp-content', 'cache', 'leadtrail-stand-in'), { recursive: true, force: true });
  }
  restore?.();
  await browser?.close();
});

type Credentials = { visitor_id: number; session_id: number; hit_id: number };

/** A new visitor at `query`: the HTML it was served, how, its ids once ready, and the number its page shows. */
async function visit(query: string): Promise<{ html: string; cache: string | undefined; credentials: Credentials; shown: string; page: Page }> {
  const page = await (await browser.newContext()).newPage();
  const response = await page.goto(pageUrl + query);
  const html = (await response?.text()) ?? '';
  const credentials = (await page.evaluate(whenReady)) as Credentials;
  await page.waitForFunction(() => (window as unknown as { Comagic: { getPhones(): unknown[] } }).Comagic.getPhones().length > 0);
  const shown = await page.evaluate(() => document.getElementById('text')!.textContent ?? '');
  return { html, cache: response?.headers()['x-stand-in-cache'], credentials, shown, page };
}

describe('a page served whole from a page cache', { timeout: 90_000 }, () => {
  let html = '';

  it('gives two visitors from two campaigns the same stored HTML, and each their own ids and number', async () => {
    const first = await visit('&utm_source=alpha');
    const second = await visit('&utm_source=beta');
    expect(first.cache).toBe('miss');
    expect(second.cache).toBe('hit');
    expect(second.html).toBe(first.html);
    html = first.html;

    expect(first.shown).toBe(`Call us: ${asText(NUMBERS.alpha)}`);
    expect(second.shown).toBe(`Call us: ${asText(NUMBERS.beta)}`);
    expect(second.credentials.visitor_id).not.toBe(first.credentials.visitor_id);
    expect(second.credentials.hit_id).not.toBe(first.credentials.hit_id);
    const sources = sql(
      `SELECT source FROM wp_leadtrail_sessions WHERE id IN (${first.credentials.session_id}, ${second.credentials.session_id}) ORDER BY source`,
    );
    expect(sources).toEqual([['alpha'], ['beta']]);

    // Nothing of a visitor is in what the cache stored: no ids, no number given out.
    for (const value of [first.credentials.visitor_id, first.credentials.hit_id, first.credentials.session_id, NUMBERS.alpha, NUMBERS.beta]) {
      expect(html).not.toContain(String(value));
    }
    expect(html).not.toContain(asText(NUMBERS.alpha));
    for (const { page } of [first, second]) await page.context().close();
  });

  it("prints the embed and runtime tags with every plugin's exclusion, data-cfasync before src", () => {
    const exclusions = 'data-cfasync="false" data-no-optimize="1" data-no-defer="1" data-no-minify="1" nowprocket';
    expect(html).toContain(`<script ${exclusions} id="leadtrail-embed">var __cs = __cs || []; __cs.push(["setCsAccount", "${readSiteKey()}"]);`);
    expect(html).toMatch(new RegExp(`<script ${exclusions} defer id="leadtrail-runtime" src="[^"]+/assets/build/leadtrail\\.js\\?ver=`));
  });
});

describe('the public answers', () => {
  const collect = () => `${siteUrl()}/wp-content/plugins/leadtrail/collect.php`;

  it('are kept by no browser, proxy or page cache: the lean endpoint and the REST routes', async () => {
    for (const url of [`${collect()}?op=callback_settings`, `${siteUrl()}/?rest_route=/leadtrail/v1/callback/settings`]) {
      for (let i = 0; i < 2; i++) {
        const response = await fetch(url);
        expect(response.status, url).toBe(200);
        expect(response.headers.get('cache-control'), url).toBe('no-store, private');
        expect(response.headers.get('x-stand-in-cache'), url).not.toBe('hit');
      }
    }
    const hit = await fetch(collect(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ site_key: readSiteKey(), url: pageUrl, referrer: '', title: 'Cached page' }),
    });
    expect(hit.status).toBe(200);
    expect(hit.headers.get('cache-control')).toBe('no-store, private');
  });
});
