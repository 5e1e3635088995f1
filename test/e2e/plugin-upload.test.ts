// The plugin zip: dist/leadtrail.zip (built by `npm run build`, which `npm test` runs first) is
// uploaded through wp-admin into a second, empty harness WordPress, activated, and works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { logInAsAdmin } from './lib/wp';
import { describeSite, ensureSite, serveSite, stopSite } from '../harness/wordpress.mjs';
import { root } from '../harness/paths.mjs';
import { whenReady } from './lib/visitor';
import { e2eSite, siblingSiteName } from './lib/site';

const zip = path.join(root, 'dist', 'leadtrail.zip');
const site = describeSite({ name: siblingSiteName('upload'), port: e2eSite().port + 1, withPlugin: false });
let browser: Browser;

beforeAll(async () => {
  expect(fs.existsSync(zip), 'run `npm run build` first').toBe(true);
  await ensureSite(site, { fresh: true });
  await serveSite(site);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stopSite(site);
});

describe('the plugin zip', () => {
  it('installs through wp-admin, activates with a notice, and front-end pages get a working Comagic', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await logInAsAdmin(page, site.url);
    await page.goto(`${site.url}/wp-admin/plugin-install.php?tab=upload`);
    await page.setInputFiles('#pluginzip', zip);
    await Promise.all([page.waitForURL(/update\.php/), page.click('#install-plugin-submit')]);
    expect(await page.textContent('#wpbody-content')).toContain('Plugin installed successfully');

    await Promise.all([page.waitForURL(/plugins\.php/), page.click('a:has-text("Activate Plugin")')]);
    const notice = page.locator('.notice a[href*="page=leadtrail"]');
    await expect.poll(() => notice.count()).toBeGreaterThan(0);
    await Promise.all([page.waitForURL(/page=leadtrail/), notice.first().click()]);
    const settings = (await page.textContent('#wpbody-content')) ?? '';
    const key = settings.match(/\b[A-Za-z0-9]{32}\b/)?.[0];
    expect(key).toBeDefined();

    const visitor = await browser.newContext();
    const front = await visitor.newPage();
    await front.goto(`${site.url}/`);
    const credentials = (await front.evaluate(whenReady)) as Record<string, unknown>;
    expect(credentials.site_key).toBe(key);
    expect(Number.isInteger(credentials.visitor_id) && (credentials.visitor_id as number) > 0).toBe(true);
    await visitor.close();
    await context.close();
  });
});
