// Lead requests: Comagic.openSiteRequestPanel() (A3) used by a person: the lazily loaded request form,
// accessible, phone-sized, Russian or English, with the employee groups of the settings page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { demoUrl, type Credentials, whenReady } from './lib/visitor';
import { setOption, sql } from './lib/wp';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  setOption(
    'leadtrail_request_groups',
    JSON.stringify([
      { id: 1234, name: 'Продажи', email: 'sales@example.com' },
      { id: 77, name: 'Support' },
    ]),
  );
  setOption('leadtrail_test_request_limit', '100000');
});
afterAll(async () => {
  setOption('WPLANG', '');
  await browser?.close();
});

async function openDemo(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const widgetFetches: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('leadtrail-widgets.js')) widgetFetches.push(request.url());
  });
  await page.goto(demoUrl());
  const credentials = (await page.evaluate(whenReady)) as Credentials;
  return { context, page, credentials, widgetFetches };
}

const dialog = (page: Page) => page.locator('[data-leadtrail-widget="request"]');
const activeName = (page: Page) =>
  page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.getAttribute('name') ?? element?.tagName ?? null;
  });

describe('the request form', () => {
  it('loads only when opened, takes a request typed by a person, and the request is recorded', async () => {
    const { context, page, credentials, widgetFetches } = await openDemo();
    await page.waitForTimeout(300);
    expect(widgetFetches).toEqual([]);

    // A button of the page opens it, as a site would wire it.
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'open-request';
      button.textContent = 'Request';
      button.onclick = () => (window as any).Comagic.openSiteRequestPanel();
      document.body.prepend(button);
    });
    await page.click('#open-request');
    await expect.poll(() => dialog(page).count()).toBe(1);
    expect(widgetFetches).toHaveLength(1);
    expect(await dialog(page).getAttribute('role')).toBe('dialog');
    expect(await dialog(page).getAttribute('aria-modal')).toBe('true');
    await expect.poll(() => activeName(page)).toBe('name');

    // Every input has a label.
    for (const name of ['name', 'phone', 'email', 'message', 'group_id']) {
      const labelled = await dialog(page)
        .locator(`[name=${name}]`)
        .evaluate((input) => {
          const el = input as HTMLInputElement;
          return Boolean(el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby'));
        });
      expect(labelled, name).toBe(true);
    }

    // Submitting with neither phone nor e-mail shows the error next to the field; nothing is sent.
    await dialog(page).locator('[name=name]').fill('Пётр');
    await dialog(page).locator('button[type=submit]').click();
    await expect.poll(async () => (await dialog(page).textContent()) ?? '').toContain('Enter a phone number or an e-mail.');
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_requests WHERE visitor_id = ${credentials.visitor_id}`)).toEqual([['0']]);

    await dialog(page).locator('[name=phone]').fill('+7 (912) 555-44-33');
    await dialog(page).locator('[name=message]').fill('Перезвоните после обеда');
    await dialog(page).locator('[name=group_id]').selectOption('77');
    await dialog(page).locator('button[type=submit]').click();
    await expect.poll(async () => (await dialog(page).locator('[data-leadtrail-result]').textContent()) ?? '').toContain('Thank you');
    expect(sql(`SELECT name, phone, message, group_id, form_name, source FROM wp_leadtrail_requests WHERE visitor_id = ${credentials.visitor_id}`)).toEqual([
      ['Пётр', '+7 (912) 555-44-33', 'Перезвоните после обеда', '77', 'Request form', 'js'],
    ]);
    await context.close();
  });

  it('traps focus, closes on Esc and gives focus back to the opener', async () => {
    const { context, page } = await openDemo();
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'opener';
      button.onclick = () => (window as any).Comagic.openSiteRequestPanel();
      document.body.prepend(button);
    });
    await page.focus('#opener');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog(page).count()).toBe(1);
    await expect.poll(() => activeName(page)).toBe('name');
    const seen = new Set<string | null>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      seen.add(await page.evaluate(() => document.activeElement?.tagName ?? null));
    }
    // Focus never left the widget's host element for the page.
    expect([...seen]).toEqual(['LEADTRAIL-WIDGET']);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('opener');
    await context.close();
  });

  it('fits a phone-sized screen and speaks Russian on a Russian site', async () => {
    setOption('WPLANG', 'ru_RU');
    try {
      const { context, page } = await openDemo({ width: 375, height: 740 });
      expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^ru/);
      await page.evaluate(() => (window as any).Comagic.openSiteRequestPanel());
      await expect.poll(() => dialog(page).count()).toBe(1);
      const box = await dialog(page).boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(375);
      const overflow = await dialog(page).evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // The groups arrive from GET {collect}?op=groups after the form opened.
      await expect.poll(async () => (await dialog(page).textContent()) ?? '').toContain('Продажи');
      expect(await dialog(page).textContent()).toContain('Оставить заявку');
      await page.screenshot({ path: 'test/artifacts/request-form-phone-ru.png' });
      await context.close();
    } finally {
      setOption('WPLANG', '');
    }
  });
});
