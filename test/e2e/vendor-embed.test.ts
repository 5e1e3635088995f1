// A theme that still prints the vendor's own embed code on a self-hosted site (a must-use plugin
// stands in for the theme or a header and footer plugin: it prints the code in <head> after our embed
// stub and before our deferred runtime runs, so the page pushes the vendor's key after ours). The plugin reads the front page (a loopback request from wp-admin, kept in a
// transient), says so on the settings page and in Site Health with the snippet, escaped, and where it
// is stored; "Check again" reads the page anew. The runtime keeps using this site's own key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { demoUrl, type Credentials, whenReady } from './lib/visitor';
import { adminPage, readSiteKey, siteUrl, sql } from './lib/wp';
import { e2eSite } from './lib/site';

const VENDOR_KEY = 'Vnd0r_KeyFromTheTheme-0123456789';
const MU_PLUGIN = 'leadtrail-theme-vendor-embed.php';
const muPlugin = () => path.join(e2eSite().dir, 'wp-content', 'mu-plugins', MU_PLUGIN);
// The vendor's embed code as real sites print it, plus markup in a comment that must stay text in wp-admin.
const VENDOR_EMBED = `<!-- Comagic -->
<script type="text/javascript">
var __cs = __cs || [];
__cs.push(["setCsAccount", "${VENDOR_KEY}"]);
__cs.push(["setCsHost", "//server.comagic.ru/comagic"]);
/* <b id="leadtrail-injected">not markup</b> */
</script>
<script type="text/javascript" async src="//app.comagic.ru/static/cs.min.js"></script>
<!-- End Comagic -->`;

let browser: Browser;
let admin: Page;

const forgetReport = () => sql("DELETE FROM wp_options WHERE option_name LIKE '%\\_transient\\_%leadtrail\\_vendor\\_embed'");

beforeAll(async () => {
  fs.writeFileSync(
    muPlugin(),
    `<?php
add_action('wp_head', static function (): void {
	if (!is_admin()) {
		echo ${JSON.stringify(VENDOR_EMBED).replace(/\$/g, '\\$')}, "\\n";
	}
});
`,
  );
  forgetReport();
  browser = await launchBrowser();
  admin = await adminPage(browser);
});

afterAll(async () => {
  fs.rmSync(muPlugin(), { force: true });
  forgetReport();
  await admin?.context().close();
  await browser?.close();
});

async function settingsNotice(): Promise<string> {
  await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail`);
  return (await admin.locator('#leadtrail-vendor-embed').textContent()) ?? '';
}

describe("the vendor's embed code left in the theme (self-hosted mode)", () => {
  it('the front page really has it in <head>, after our own embed stub', async () => {
    const html = await (await fetch(demoUrl())).text();
    const vendor = html.indexOf(`"setCsAccount", "${VENDOR_KEY}"`);
    expect(vendor).toBeGreaterThan(html.indexOf('id="leadtrail-embed"'));
    expect(vendor).toBeLessThan(html.indexOf('</head>'));
  });

  it('the settings page shows each snippet, escaped, and the file it comes from', async () => {
    const text = await settingsNotice();
    expect(text).toContain('The front page still prints CoMagic’s own embed code');
    expect(text).toContain(`__cs.push(["setCsAccount", "${VENDOR_KEY}"]);`);
    expect(text).toContain('<script type="text/javascript" async src="//app.comagic.ru/static/cs.min.js"></script>');
    expect(text).toContain(`a must-use plugin’s file: wp-content/mu-plugins/${MU_PLUGIN}`);
    // The snippet is shown as text: its markup never becomes part of the admin page.
    expect(text).toContain('<b id="leadtrail-injected">not markup</b>');
    expect(await admin.locator('#leadtrail-injected').count()).toBe(0);
    expect(await admin.locator('#leadtrail-vendor-embed script').count()).toBe(0);
  });

  it('Site Health lists it as a recommended improvement with the same advice', async () => {
    await admin.goto(`${siteUrl()}/wp-admin/site-health.php`);
    const issues = admin.locator('#health-check-issues-recommended');
    await expect.poll(async () => (await issues.textContent()) ?? '', { timeout: 30_000 }).toContain('The front page still prints CoMagic’s own embed code');
    const text = (await issues.textContent()) ?? '';
    expect(text).toContain(`__cs.push(["setCsAccount", "${VENDOR_KEY}"]);`);
    expect(text).toContain(`wp-content/mu-plugins/${MU_PLUGIN}`);
    expect(await admin.locator('#leadtrail-injected').count()).toBe(0);
  });

  it('the runtime keeps using our own key: the hit is recorded with it', async () => {
    const context = await browser.newContext();
    // The vendor's loader is not what this test is about, and the machine is offline.
    await context.route(/comagic\.ru/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(demoUrl());
    const credentials = (await page.evaluate(whenReady)) as Credentials;
    expect(credentials.site_key).toBe(readSiteKey());
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_hits WHERE visitor_id = ${credentials.visitor_id}`)).toEqual([['1']]);
    await context.close();
  });

  it('once the code is removed, "Check again" reads the page anew and says it is gone', async () => {
    fs.rmSync(muPlugin(), { force: true });
    expect(await settingsNotice()).toContain('still prints CoMagic’s own embed code');
    await Promise.all([admin.waitForNavigation(), admin.click('#leadtrail-vendor-embed-check')]);
    const text = (await admin.locator('#leadtrail-vendor-embed').textContent()) ?? '';
    expect(text).toContain('The front page has no CoMagic embed code besides LeadTrail’s');
    expect(text).not.toContain(VENDOR_KEY);
  });
});
