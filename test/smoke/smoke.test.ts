// The plugin on the oldest WordPress it claims (Debian's 6.1): it activates, embeds the runtime, a
// visit makes a hit, a request is recorded, a plain form is captured, and every LeadTrail screen
// loads. The PHP-log guard (test/e2e/php-errors.ts) fails the file on any notice from the plugin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { siteDir } from '../harness/paths.mjs';
import { launchBrowser } from '../e2e/lib/browser';
import { newVisitor } from '../e2e/lib/visitor';
import { adminPage, setOption, siteUrl, sql } from '../e2e/lib/wp';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  setOption('leadtrail_test_request_limit', '100000');
});

afterAll(async () => {
  await browser?.close();
});

describe('LeadTrail on WordPress 6.1', () => {
  it('runs on WordPress 6.1, the plugin active', () => {
    const version = fs.readFileSync(path.join(siteDir('e2e'), 'wp-includes', 'version.php'), 'utf8').match(/\$wp_version = '([^']+)'/)?.[1];
    expect(version).toMatch(/^6\.1(\.|$)/);
    expect(sql("SELECT option_value FROM wp_options WHERE option_name = 'active_plugins'")[0]![0]).toContain('leadtrail/leadtrail.php');
    expect(sql("SHOW TABLES LIKE 'wp_leadtrail_requests'")).toEqual([['wp_leadtrail_requests']]);
  });

  it('embeds the runtime; a visit is a hit of a session; a request is recorded', async () => {
    const { context, page, credentials } = await newVisitor(browser);
    expect(await page.locator('script#leadtrail-runtime').count()).toBe(1);
    expect(credentials.hit_id).toBeGreaterThan(0);
    expect(sql(`SELECT visitor_id, session_id FROM wp_leadtrail_hits WHERE id = ${credentials.hit_id}`)).toEqual([
      [String(credentials.visitor_id), String(credentials.session_id)],
    ]);
    await page.addScriptTag({ content: "Comagic.addOfflineRequest({name: 'Дмитрий', phone: '79123456789', message: 'Смоук'});" });
    await expect
      .poll(() => sql(`SELECT name, phone, message, source FROM wp_leadtrail_requests WHERE visitor_id = ${credentials.visitor_id}`))
      .toEqual([['Дмитрий', '79123456789', 'Смоук', 'js']]);
    await context.close();
  });

  it('captures a plain <form data-leadtrail> posted to the site, once, with its hit', async () => {
    const { context, page, credentials } = await newVisitor(browser);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        `<form data-leadtrail method="post" action="/" id="plain">
        <input type="hidden" name="leadtrail_form" value="Обратный звонок">
        <input name="fio" value="Мария"><input name="phone" value="8 (800) 555-35-35"><button>Send</button></form>`,
      );
    });
    await expect.poll(() => page.locator('#plain input[name=hit_id]').count()).toBe(1);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#plain button')]);
    expect(response?.status()).toBe(200);
    expect(sql(`SELECT source, name, phone, form_name, hit_id FROM wp_leadtrail_requests WHERE visitor_id = ${credentials.visitor_id}`)).toEqual([
      ['form', 'Мария', '8 (800) 555-35-35', 'Обратный звонок', String(credentials.hit_id)],
    ]);
    await context.close();
  });

  it('every LeadTrail screen loads for the admin', async () => {
    const page = await adminPage(browser);
    for (const screen of ['leadtrail', 'leadtrail-visitors', 'leadtrail-events', 'leadtrail-requests', 'leadtrail-callbacks']) {
      const response = await page.goto(`${siteUrl()}/wp-admin/admin.php?page=${screen}`);
      expect(response?.status(), screen).toBe(200);
      expect(await page.locator('.wrap h1').first().innerText(), screen).toContain('LeadTrail');
      expect(await page.locator('#error-page').count(), screen).toBe(0);
    }
    const plugins = await page.goto(`${siteUrl()}/wp-admin/plugins.php`);
    expect(plugins?.status()).toBe(200);
    expect(await page.locator('tr[data-slug="leadtrail"].active').count()).toBe(1);
    await page.context().close();
  });
});
