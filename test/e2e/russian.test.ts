// A Russian site (WPLANG ru_RU): LeadTrail's wp-admin screens and settings, its overview screen
// (React, @wordpress/i18n with the JSON that wp_set_script_translations() loads), a request's e-mail
// notice and a front-end widget speak Russian, from the .mo and JSON that `npm run build` makes of
// wp-plugin/languages/leadtrail-ru_RU.po. WordPress's own strings stay English here: the harness
// installs no core language pack, and the plugin's translations do not depend on one.
// A site in another language (German here) translates the widgets through the same catalogues: a
// .mo of its own in wp-content/languages/plugins, as translate.wordpress.org or Loco Translate put it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { newVisitor } from './lib/visitor';
import { e2eSite } from './lib/site';
import { adminPage, keepOptions, setOption, siteUrl, sql } from './lib/wp';

let browser: Browser;
let admin: Page;
let restore: () => void;

beforeAll(async () => {
  restore = keepOptions(['WPLANG']);
  setOption('WPLANG', 'ru_RU');
  browser = await launchBrowser();
  admin = await adminPage(browser);
});

afterAll(async () => {
  restore?.();
  await browser?.close();
});

const text = async (page: Page, selector = '#wpbody-content') => (await page.locator(selector).first().textContent()) ?? '';

describe('a Russian site', () => {
  it('shows LeadTrail’s menu and settings in Russian', async () => {
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail`);
    const menu = await text(admin, '#toplevel_page_leadtrail');
    for (const item of ['Настройки', 'Посетители', 'События', 'Заявки', 'Обзор']) expect(menu).toContain(item);
    expect(menu).not.toContain('Visitors');

    const settings = await text(admin);
    for (const label of [
      'Где работает API',
      'Ключ сайта',
      'Автоматический сбор',
      'Уведомления по e-mail',
      'Группы сотрудников',
      'Хранить данные отслеживания',
    ]) {
      expect(settings).toContain(label);
    }
    expect(settings).not.toContain('Where the API runs');

    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-requests`);
    expect(await text(admin)).toContain('Все формы');
  });

  it('shows the overview (its React screen) in Russian', async () => {
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-overview`);
    expect(await text(admin, '.wrap h1')).toBe('Обзор LeadTrail');
    // The script's own strings: they come from the JSON, not from the PHP.
    const screen = admin.locator('#leadtrail-overview');
    await expect.poll(async () => (await screen.textContent()) ?? '', { timeout: 15_000 }).toContain('Период');
    const shown = (await screen.textContent()) ?? '';
    expect(shown).toContain('Последние 7 дней');
    expect(shown).toContain('Сравнить с предыдущим периодом');
    expect(shown).not.toContain('Period');
  });

  it('e-mails a request notice in Russian', async () => {
    const { context, page } = await newVisitor(browser);
    const marker = `ru-notice-${Date.now()}`;
    await page.evaluate((m) => (window as any).Comagic.addOfflineRequest({ name: m, email: 'lead@example.com' }), marker);
    // Leads recorded by the lean endpoint are mailed on the next full WordPress load (wp-admin here).
    // The e2e site's mail stand-in keeps each message in an option (global-setup.ts).
    const mail = () =>
      sql(`SELECT option_value FROM wp_options WHERE option_name LIKE 'leadtrail\\_test\\_mail\\_%' AND option_value LIKE '%${marker}%'`)[0]?.[0] ?? '';
    await expect
      .poll(
        async () => {
          await admin.goto(`${siteUrl()}/wp-admin/`);
          return mail();
        },
        { timeout: 20_000 },
      )
      .not.toBe('');
    expect(mail()).toContain('Новая заявка: ');
    expect(mail()).toContain('отправлена новая заявка');
    expect(mail()).toContain('Открыть её в консоли WordPress:');
    expect(mail()).not.toContain('New request');
    await context.close();
  });

  it('shows a front-end widget in Russian', async () => {
    const { context, page } = await newVisitor(browser);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru-RU');
    await page.evaluate(() => (window as any).Comagic.openSiteRequestPanel());
    const widget = page.locator('[data-leadtrail-widget="request"]');
    await expect.poll(() => widget.count()).toBe(1);
    expect(await widget.textContent()).toContain('Оставить заявку');
    // The bundle's Russian is the .po's: the page carries no texts of its own.
    expect(await page.locator('#leadtrail-runtime').getAttribute('data-texts')).toBeNull();
    await context.close();
  });
});

describe('a German site with its own translation of LeadTrail', () => {
  const mo = () => path.join(e2eSite().dir, 'wp-content', 'languages', 'plugins', 'leadtrail-de_DE.mo');

  beforeAll(() => {
    setOption('WPLANG', 'de_DE');
    // The widgets' strings carry the context `widget`; "Close" is left untranslated on purpose.
    const po = [
      'msgid ""',
      'msgstr "Content-Type: text/plain; charset=UTF-8\\nLanguage: de_DE\\n"',
      '',
      'msgctxt "widget"',
      'msgid "Leave a request"',
      'msgstr "Anfrage hinterlassen"',
      '',
      'msgctxt "widget"',
      'msgid "Send"',
      'msgstr "Senden"',
      '',
      'msgctxt "widget"',
      'msgid "Chat with us"',
      'msgstr "Chatten Sie mit uns \\"jetzt\\" & <hier>"',
      '',
    ].join('\n');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadtrail-de-'));
    fs.writeFileSync(path.join(dir, 'de.po'), po);
    fs.mkdirSync(path.dirname(mo()), { recursive: true });
    execFileSync('msgfmt', ['--output-file', mo(), path.join(dir, 'de.po')]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  afterAll(() => {
    fs.rmSync(mo(), { force: true });
    setOption('WPLANG', 'ru_RU');
  });

  it('shows the request form with the site’s German, English where it has none', async () => {
    const { context, page } = await newVisitor(browser);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de-DE');
    // Escaped for the attribute, whole again in the DOM.
    expect(JSON.parse((await page.locator('#leadtrail-runtime').getAttribute('data-texts')) ?? '')).toEqual({
      widgets: { title: 'Anfrage hinterlassen', submit: 'Senden' },
      // The same English in the chat is the same entry.
      chat: { title: 'Chatten Sie mit uns "jetzt" & <hier>', send: 'Senden', request: 'Anfrage hinterlassen' },
    });
    await page.evaluate(() => (window as any).Comagic.openSiteRequestPanel());
    const widget = page.locator('[data-leadtrail-widget="request"]');
    await expect.poll(() => widget.count()).toBe(1);
    const shown = (await widget.textContent()) ?? '';
    expect(shown).toContain('Anfrage hinterlassen');
    expect(shown).toContain('Senden');
    expect(shown).not.toContain('Leave a request');
    expect(await widget.getByRole('button', { name: 'Close' }).count()).toBe(1);
    await context.close();
  });
});
