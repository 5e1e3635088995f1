// The settings page (admin.php?page=leadtrail) as a site owner uses it, in Chromium: each field
// saved through options.php, each bad value refused with a message that names the field while the
// previous value is kept, and each setting then doing what it says on the front end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { demoUrl, whenReady } from './lib/visitor';
import { getOption, keepOptions, logInAsAdmin, setOption, siteUrl, sql } from './lib/wp';

const OPTIONS = [
  'leadtrail_mode',
  'leadtrail_cloud_site_key',
  'leadtrail_cloud_loader',
  'leadtrail_cloud_hosts',
  'leadtrail_capture_mapping',
  'leadtrail_session_idle_minutes',
  'leadtrail_request_groups',
  'leadtrail_trusted_proxies',
  'leadtrail_site_key',
  'leadtrail_test_request_limit',
];
// Real vendor keys contain `_` and `-`.
const VENDOR_KEY = 'MeeQnE5up4R0LFblvN_2_wxoPbWtDs-p';

let browser: Browser;
let admin: BrowserContext;
let page: Page;
let restoreOptions: () => void;

beforeAll(async () => {
  restoreOptions = keepOptions(OPTIONS);
  setOption('leadtrail_test_request_limit', '100000');
  browser = await launchBrowser();
  admin = await browser.newContext();
  page = await admin.newPage();
  await logInAsAdmin(page);
});

afterAll(async () => {
  restoreOptions?.();
  await admin?.close();
  await browser?.close();
});

async function openSettings() {
  const response = await page.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail`);
  expect(response?.status()).toBe(200);
}

/** Submits the settings form; answers the notices shown after the redirect back. */
async function save(): Promise<string> {
  const [response] = await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  expect(response?.status(), 'options.php never answers with a server error').toBeLessThan(500);
  expect(page.url()).toContain('page=leadtrail');
  return (await page.locator('.wrap').first().locator('.notice, .error, .updated').allInnerTexts()).join('\n');
}

/** The embed code a front-end page gets. */
async function embedOf() {
  const html = await (await fetch(demoUrl())).text();
  return {
    embed: html.match(/<script[^>]*id="leadtrail-embed"[^>]*>([^<]*)<\/script>/)?.[1] ?? '',
    loader: html.match(/<script[^>]*id="leadtrail-cloud-loader"[^>]*src="([^"]*)"/)?.[1] ?? '',
    runtime: /id="leadtrail-runtime"/.test(html),
  };
}

describe('the mode', () => {
  it('refuses the cloud mode without a CoMagic site key, naming the field, and stays self-hosted', async () => {
    await openSettings();
    await page.fill('#leadtrail_cloud_site_key', '');
    await page.check('input[name=leadtrail_mode][value=cloud]');
    expect(await save()).toContain('Mode: enter the CoMagic site key to use the cloud mode.');
    expect(getOption('leadtrail_mode')).toBe('self-hosted');
    expect((await embedOf()).runtime).toBe(true);
  });

  it('switches to the cloud mode in one save (key, hosts, loader): pages get the vendor embed code', async () => {
    await openSettings();
    await page.fill('#leadtrail_cloud_site_key', VENDOR_KEY);
    await page.fill('#leadtrail_cloud_hosts', 'app.uiscom.ru\n*.comagic.ru');
    await page.fill('#leadtrail_cloud_loader', 'https://app.uiscom.ru/static/cs.min.js');
    await page.check('input[name=leadtrail_mode][value=cloud]');
    expect(await save()).toContain('Settings saved.');
    expect(await page.locator('input[name=leadtrail_mode][value=cloud]').isChecked()).toBe(true);
    const front = await embedOf();
    expect(front.embed).toBe(`var __cs = __cs || []; __cs.push(["setCsAccount", "${VENDOR_KEY}"]);`);
    expect(front.loader).toBe('https://app.uiscom.ru/static/cs.min.js');
    expect(front.runtime).toBe(false);
  });

  it('refuses a bad key, an http or off-list loader and an address as a host, each by name, keeping the saved values', async () => {
    await openSettings();
    await page.fill('#leadtrail_cloud_site_key', 'too-short"><script>alert(1)</script>');
    await page.fill('#leadtrail_cloud_loader', 'http://evil.example/cs.min.js');
    await page.fill('#leadtrail_cloud_hosts', '10.0.0.1');
    const notices = await save();
    expect(notices).toContain('CoMagic site key: enter the 32 characters (letters, digits, “_” or “-”) from your embed code. The previous key was kept.');
    expect(notices).toContain('CoMagic loader: use an https address');
    expect(notices).toContain('Allowed CoMagic hosts: enter host names such as app.comagic.ru');
    expect(getOption('leadtrail_cloud_site_key')).toBe(VENDOR_KEY);
    expect(getOption('leadtrail_cloud_loader')).toBe('https://app.uiscom.ru/static/cs.min.js');
    expect(getOption('leadtrail_cloud_hosts')).toBe('app.uiscom.ru\n*.comagic.ru');
    expect(await page.locator('#leadtrail_cloud_site_key').inputValue()).toBe(VENDOR_KEY);
    expect((await embedOf()).loader).toBe('https://app.uiscom.ru/static/cs.min.js');
  });

  it('refuses a key of 31 or 33 characters or with a dot, naming the field, keeping the saved one', async () => {
    for (const bad of [VENDOR_KEY.slice(1), `${VENDOR_KEY}_`, VENDOR_KEY.replace('_', '.')]) {
      await openSettings();
      await page.fill('#leadtrail_cloud_site_key', bad);
      expect(await save(), bad).toContain('CoMagic site key: enter the 32 characters');
      expect(getOption('leadtrail_cloud_site_key')).toBe(VENDOR_KEY);
    }
  });

  it('switches back to self-hosted: pages get our embed code and runtime again', async () => {
    await openSettings();
    await page.check('input[name=leadtrail_mode][value=self-hosted]');
    expect(await save()).toContain('Settings saved.');
    const front = await embedOf();
    expect(front.runtime).toBe(true);
    expect(front.loader).toBe('');
    expect(front.embed).toContain(`__cs.push(["setCsAccount", "${getOption('leadtrail_site_key')}"]);`);
  });
});

describe('the site key', () => {
  it('is regenerated after a confirmation, and pages get the new one', async () => {
    await openSettings();
    const before = (await page.locator('#leadtrail-site-key').innerText()).trim();
    expect(before).toMatch(/^[A-Za-z0-9]{32}$/);
    page.once('dialog', (dialog) => void dialog.accept());
    await Promise.all([page.waitForNavigation(), page.click('#leadtrail-regenerate')]);
    const after = (await page.locator('#leadtrail-site-key').innerText()).trim();
    expect(after).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(after).not.toBe(before);
    expect((await embedOf()).embed).toContain(`"${after}"`);
  });

  it('is kept when the confirmation is dismissed', async () => {
    await openSettings();
    const before = (await page.locator('#leadtrail-site-key').innerText()).trim();
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.click('#leadtrail-regenerate');
    await page.waitForTimeout(300);
    expect(getOption('leadtrail_site_key')).toBe(before);
  });
});

describe('sessions, proxies and groups', () => {
  it('refuses an idle time out of range and a proxy that is no address, by name, keeping the saved values', async () => {
    await openSettings();
    await page.fill('#leadtrail_session_idle_minutes', '45');
    expect(await save()).toContain('Settings saved.');
    expect(getOption('leadtrail_session_idle_minutes')).toBe('45');
    await page.locator('#leadtrail_session_idle_minutes').evaluate((input: HTMLInputElement) => {
      input.removeAttribute('min');
      input.value = '0';
    });
    await page.fill('#leadtrail_trusted_proxies', 'not-an-address');
    const notices = await save();
    expect(notices).toContain('Idle time: enter a whole number of minutes from 1 to 1440. The previous value was kept.');
    expect(notices).toContain('Trusted proxies: “not-an-address” is not an IP address or a CIDR range');
    expect(getOption('leadtrail_session_idle_minutes')).toBe('45');
  });

  it('adds a group whose name is markup: shown as text here, offered by the request form', async () => {
    await openSettings();
    const hostile = '<img src=x onerror="window.__pwned=1">Продажи';
    const row = page
      .locator('#leadtrail-groups tbody tr')
      .filter({ has: page.locator('input[name$="[id]"][value=""]') })
      .first();
    await row.locator('input[name$="[id]"]').fill('501');
    await row.locator('input[name$="[name]"]').fill(hostile);
    await row.locator('input[name$="[email]"]').fill('sales@example.com');
    expect(await save()).toContain('Settings saved.');
    expect(await page.locator(`#leadtrail-groups input[name$="[name]"][value="${hostile.replace(/"/g, '\\"')}"]`).count()).toBe(1);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(JSON.parse(getOption('leadtrail_request_groups')!)).toContainEqual({ id: 501, name: hostile, email: 'sales@example.com' });

    const visitor = await browser.newContext();
    const front = await visitor.newPage();
    await front.goto(demoUrl());
    await front.waitForFunction(() => (window as any).Comagic);
    await front.evaluate(() => (window as any).Comagic.openSiteRequestPanel());
    const select = front.locator('[data-leadtrail-widget="request"] select[name=group_id]');
    await expect.poll(() => select.count()).toBe(1);
    expect(await select.locator('option[value="501"]').innerText()).toBe(hostile);
    expect(await front.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await visitor.close();
  });

  it('refuses a group row without an ID, naming the row and field, and keeps the list', async () => {
    await openSettings();
    const before = getOption('leadtrail_request_groups');
    const row = page
      .locator('#leadtrail-groups tbody tr')
      .filter({ has: page.locator('input[name$="[id]"][value=""]') })
      .first();
    await row.locator('input[name$="[name]"]').fill('Без номера');
    const notices = await save();
    expect(notices).toMatch(/Employee group \d+, ID: this is required\./);
    expect(notices).toContain('Employee groups: nothing was changed; the previous list was kept.');
    expect(getOption('leadtrail_request_groups')).toBe(before);
  });
});

describe('the field mapping of captured forms', () => {
  it('refuses an unreadable line by number and keeps the mapping; a saved mapping picks the fields of the next submission', async () => {
    await openSettings();
    await page.fill('#leadtrail_capture_mapping', 'form:survey name=fio phone=mobile message=comment');
    expect(await save()).toContain('Settings saved.');
    await page.fill('#leadtrail_capture_mapping', 'form:survey name=fio\nthis is not a mapping');
    expect(await save()).toContain('Field mapping: line 2 cannot be read');
    expect(getOption('leadtrail_capture_mapping')).toBe('form:survey name=fio phone=mobile message=comment');

    // A site's own form whose field names no automatic rule knows ("fio", "mobile", "comment").
    const visitor = await browser.newContext();
    const front = await visitor.newPage();
    await front.goto(demoUrl());
    await front.evaluate(whenReady);
    await front.evaluate(() =>
      document.body.insertAdjacentHTML(
        'beforeend',
        `<form data-leadtrail method="post" action="" id="survey">
      <input type="hidden" name="leadtrail_form" value="survey"><input name="fio" value="Ольга Петрова">
      <input name="mobile" value="+7 912 000-11-22"><textarea name="comment">Сопоставление полей из настроек</textarea><button>Send</button></form>`,
      ),
    );
    await expect
      .poll(() =>
        front
          .locator('#survey input[name=visitor_id]')
          .inputValue()
          .catch(() => ''),
      )
      .not.toBe('');
    await Promise.all([front.waitForNavigation(), front.click('#survey button')]);
    await visitor.close();
    expect(sql("SELECT name, phone, form_name, source FROM wp_leadtrail_requests WHERE message = 'Сопоставление полей из настроек'")).toEqual([
      ['Ольга Петрова', '+7 912 000-11-22', 'survey', 'form'],
    ]);
  });
});
