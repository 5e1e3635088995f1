// The chat window as a visitor meets it: a docked, non-modal panel at the bottom right (the whole width on
// a phone) that keeps the page usable, and the contacts the visitor leaves in it, stored as
// Comagic.addVisitorInfo (A14) stores them and shown on the operator console.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { demoUrl, whenReady, type Credentials } from './lib/visitor';
import { sql } from './lib/wp';
import { MESSAGE_WAIT, available, noOperatorsNoChats, operatorConsole } from './lib/chat';

vi.setConfig({ testTimeout: 90_000 });

let browser: Browser;
let operator: Page;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await operator?.context().close();
  await browser?.close();
});
beforeEach(async () => {
  noOperatorsNoChats();
  await operator?.context().close();
  operator = await operatorConsole(browser);
  await expect.poll(available, { timeout: MESSAGE_WAIT }).toBe('1');
});

/** A visitor's page of the given size with the chat window open. */
async function chatPage(viewport = { width: 1280, height: 800 }): Promise<{ page: Page; credentials: Credentials }> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(demoUrl());
  const credentials = (await page.evaluate(whenReady)) as Credentials;
  await page.evaluate(() => (window as any).Comagic.openChatWindow());
  const panel = page.locator('[data-leadtrail-widget="chat"]');
  await panel.waitFor();
  // The panel slides in; its box is where it rests only once that animation has finished.
  await panel.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  return { page, credentials };
}

/** The name of the focused element's field, looking into the widget's shadow root. */
const focusedField = (page: Page) =>
  page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a?.getAttribute('name') ?? a?.tagName;
  });

describe('the chat window is a docked panel', () => {
  it('sits at the bottom right, labelled, focus in its message field, the page behind still usable; Escape closes it', async () => {
    const { page } = await chatPage();
    const panel = page.getByRole('dialog', { name: 'Chat with us' });
    expect(await panel.getAttribute('data-leadtrail-widget')).toBe('chat');
    expect(await panel.getAttribute('aria-modal')).toBe('false');
    const box = (await panel.boundingBox())!;
    expect(Math.round(box.x + box.width)).toBe(1280 - 16);
    expect(Math.round(box.y + box.height)).toBe(800 - 16);
    expect(box.width).toBeLessThanOrEqual(400);
    expect(await focusedField(page)).toBe('text');
    // Not modal: no backdrop over the page, the page still scrolls and its top left is the page's own.
    expect(await page.evaluate(() => document.documentElement.style.overflow)).not.toBe('hidden');
    expect(await page.evaluate(() => document.elementFromPoint(10, 10)?.tagName)).not.toBe('LEADTRAIL-WIDGET');

    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('takes the whole width at the bottom of a phone-sized screen', async () => {
    const { page } = await chatPage({ width: 375, height: 667 });
    const box = (await page.locator('[data-leadtrail-widget="chat"]').boundingBox())!;
    expect([Math.round(box.x), Math.round(box.width), Math.round(box.y + box.height)]).toEqual([0, 375, 667]);
    await page.context().close();
  });
});

describe('the visitor leaves a name, phone and e-mail in the chat window', () => {
  const name = 'Анна <img src=x onerror="window.__pwned=1">';
  const phone = '+7 (900) 123-45-67';
  const email = 'Anna.Chat@Example.com';
  const stored = (visitorId: number) => ({
    name: sql(`SELECT name, name_verified FROM wp_leadtrail_visitors WHERE id = ${visitorId}`),
    contacts: sql(`SELECT kind, value, normalized, normalized_hash, source, verified FROM wp_leadtrail_contacts WHERE visitor_id = ${visitorId} ORDER BY kind`),
  });

  it('a bad phone is refused naming the field and nothing is stored; good ones are stored exactly as addVisitorInfo stores them; the console shows them as text', async () => {
    const { page, credentials } = await chatPage();
    const chat = page.locator('[data-leadtrail-widget="chat"]');
    await chat.locator('[data-leadtrail-chat-contacts] summary').click();
    await chat.locator('input[name=phone]').fill('call me');
    await chat.locator('button[data-action=save-contacts]').click();
    await chat.locator('input[name=phone][aria-invalid=true]').waitFor({ timeout: MESSAGE_WAIT });
    expect(await chat.locator('#lt-phone-error').innerText()).toContain('phone');
    expect(stored(credentials.visitor_id).contacts).toEqual([]);

    await chat.locator('input[name=name]').fill(name);
    await chat.locator('input[name=phone]').fill(phone);
    await chat.locator('input[name=email]').fill(email);
    await chat.locator('button[data-action=save-contacts]').click();
    await chat.locator('[data-leadtrail-chat-contacts] [role=status]', { hasText: 'we have your contacts' }).waitFor({ timeout: MESSAGE_WAIT });
    expect(await chat.locator('input[aria-invalid=true]').count()).toBe(0);

    // Another visitor gives the same through the documented method: the rows are the same.
    const other = await (await browser.newContext()).newPage();
    await other.goto(demoUrl());
    const otherId = ((await other.evaluate(whenReady)) as Credentials).visitor_id;
    const answer = await other.evaluate((info) => new Promise((done) => (window as any).Comagic.addVisitorInfo(info, done)), { name, phone, email });
    expect(answer).toMatchObject({ success: true });
    const mine = stored(credentials.visitor_id);
    expect(mine.name).toEqual([[name, '1']]);
    expect(mine.contacts).toHaveLength(2);
    expect(mine).toEqual(stored(otherId));

    await chat.locator('textarea[name=text]').fill('Here are my contacts');
    await chat.locator('button[type=submit]').click();
    const item = operator.locator(`[data-chat-id][data-status=waiting]`, { hasText: 'Анна' });
    await item.waitFor({ timeout: MESSAGE_WAIT });
    const shown = await item.innerText();
    expect(shown).toContain(name);
    expect(shown).toContain(phone);
    expect(shown).toContain(email);
    expect(await operator.locator('.leadtrail-chat-list img').count()).toBe(0);
    expect(await operator.evaluate(() => (window as any).__pwned)).toBeUndefined();
    await page.context().close();
    await other.context().close();
  });
});
