// The online consultant end to end: getOperatorStatus() and openChatWindow() (A2, A11) on an open page,
// a visitor and an operator (two Chromium contexts, the operator logged into wp-admin) chatting, atomic
// claiming, isolation between visitors, the operator routes' permissions, and escaping.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { demoUrl, whenReady } from './lib/visitor';
import { adminPage, logIn, setClockOffset, siteUrl, sql } from './lib/wp';
import { downloadExport, erase } from './lib/privacy';
import { STATUS_EVERY_MS } from '../../shared/src/chat/status';
import { CONSOLE, MESSAGE_WAIT, REST, apiVisitor, available, collect, makeUser, noOperatorsNoChats, nonceOf, post } from './lib/chat';
import * as chat from './lib/chat';

// Two operators and a visitor are three Chromium contexts.
vi.setConfig({ testTimeout: 90_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(noOperatorsNoChats);

const visitor = () => chat.visitor(browser);
const operatorConsole = (login?: string) => chat.operatorConsole(browser, login);

/** The visitor's poll straight to the lean endpoint, from its page (its cookies, its origin). */
function poll(page: Page, body: Record<string, unknown>) {
  return page.evaluate(
    async ({ url, body }) => {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    },
    { url: collect() + '?op=chat', body },
  );
}

const tokenOf = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name === '_leadtrail_token')!.value;

describe('getOperatorStatus() and openChatWindow() (A2, A11)', () => {
  it('false with no console open, true at the next status poll once an operator opens it on an already open page, false again once it closes', async () => {
    // The page polls every 20 s (STATUS_EVERY_MS): its clock is Playwright's, moved on to each poll
    // rather than waited for.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(demoUrl());
    await page.evaluate(whenReady);
    expect(await page.evaluate(() => (window as any).Comagic.getOperatorStatus())).toBe(false);

    const operator = await operatorConsole();
    await expect.poll(available, { timeout: MESSAGE_WAIT }).toBe('1');
    await page.clock.fastForward(STATUS_EVERY_MS);
    await page.waitForFunction(() => (window as any).Comagic.getOperatorStatus() === true, undefined, { timeout: MESSAGE_WAIT, polling: 200 });

    // Closing the console says so (its pagehide beacon): the site is at once without an operator.
    await operator.close();
    await expect.poll(available, { timeout: MESSAGE_WAIT }).toBe('0');
    await page.clock.fastForward(STATUS_EVERY_MS);
    await page.waitForFunction(() => (window as any).Comagic.getOperatorStatus() === false, undefined, { timeout: MESSAGE_WAIT, polling: 200 });
    await context.close();
    await operator.context().close();
  });

  it('a page opened while an operator is available knows it from its first answer', async () => {
    const operator = await operatorConsole();
    await expect.poll(available, { timeout: MESSAGE_WAIT }).toBe('1');
    const { context, page } = await visitor();
    expect(await page.evaluate(() => (window as any).Comagic.getOperatorStatus())).toBe(true);
    await context.close();
    await operator.context().close();
  });

  it('openChatWindow() opens the request form when no one is available, and the chat when someone is', async () => {
    const { context, page } = await visitor();
    await page.evaluate(() => (window as any).Comagic.openChatWindow());
    await page.locator('[data-leadtrail-widget="request"]').waitFor();
    expect(await page.locator('[data-leadtrail-widget="chat"]').count()).toBe(0);
    await context.close();

    const operator = await operatorConsole();
    await expect.poll(available, { timeout: MESSAGE_WAIT }).toBe('1');
    const second = await visitor();
    await second.page.evaluate(() => (window as any).Comagic.openChatWindow());
    await second.page.locator('[data-leadtrail-widget="chat"]').waitFor();
    expect(await second.page.locator('[data-leadtrail-widget="request"]').count()).toBe(0);
    await second.context.close();
    await operator.context().close();
  });
});

describe('a visitor and an operator', () => {
  it('exchange messages both ways; the history survives a reload on both sides', async () => {
    const operator = await operatorConsole();
    await expect.poll(available, { timeout: MESSAGE_WAIT }).toBe('1');
    const { context, page, credentials } = await visitor();
    await page.evaluate(() => (window as any).Comagic.openChatWindow());
    const chat = page.locator('[data-leadtrail-widget="chat"]');
    await chat.locator('textarea[name=text]').fill('Hello, do you ship to Kazan?');
    await chat.locator('button[type=submit]').click();
    await chat.locator('li[data-from=visitor]', { hasText: 'Hello, do you ship to Kazan?' }).waitFor({ timeout: MESSAGE_WAIT });

    const item = operator.locator(`[data-chat-id][data-status=waiting]`).first();
    await item.waitFor({ timeout: MESSAGE_WAIT });
    const chatId = await item.getAttribute('data-chat-id');
    expect(sql(`SELECT visitor_id FROM wp_leadtrail_chats WHERE id = ${chatId}`)[0]![0]).toBe(String(credentials.visitor_id));
    await item.click();
    await operator.locator('button[data-action=claim]').click();
    await operator.locator('.leadtrail-chat-messages li[data-from=visitor]', { hasText: 'do you ship to Kazan' }).waitFor({ timeout: MESSAGE_WAIT });
    // Typing, both ways.
    await operator.locator('textarea[name=reply]').fill('Yes, in two');
    await chat.locator('[data-leadtrail-typing]').waitFor({ timeout: MESSAGE_WAIT });
    await chat.locator('textarea[name=text]').pressSequentially('and');
    await operator.locator('.leadtrail-chat-typing', { hasText: 'typing' }).waitFor({ timeout: MESSAGE_WAIT });
    await chat.locator('textarea[name=text]').fill('');
    await operator.locator('textarea[name=reply]').fill('Yes, in two days.');
    await operator.locator('button[data-action=send]').click();

    await chat.locator('li[data-from=operator]', { hasText: 'Yes, in two days.' }).waitFor({ timeout: MESSAGE_WAIT });
    await chat.locator('[data-leadtrail-operator]', { hasText: 'admin' }).waitFor({ timeout: MESSAGE_WAIT });

    await page.reload();
    await page.evaluate(whenReady);
    await page.evaluate(() => (window as any).Comagic.openChatWindow());
    await chat.locator('li[data-from=operator]', { hasText: 'Yes, in two days.' }).waitFor({ timeout: MESSAGE_WAIT });
    expect(await chat.locator('li[data-from]').allInnerTexts()).toEqual([
      expect.stringContaining('Hello, do you ship to Kazan?'),
      expect.stringContaining('Yes, in two days.'),
    ]);

    await operator.reload();
    await operator.locator(`[data-chat-id="${chatId}"]`).click();
    await operator.locator('.leadtrail-chat-messages li[data-from=operator]', { hasText: 'Yes, in two days.' }).waitFor({ timeout: MESSAGE_WAIT });
    expect(await operator.locator('.leadtrail-chat-messages li').count()).toBe(2);
    await context.close();
    await operator.context().close();
  });

  it('two operators cannot take the same chat: of claims at the same moment exactly one wins', async () => {
    const first = await operatorConsole();
    const second = await operatorConsole(makeUser('editor', ['leadtrail_operator']));
    const nonces = [await nonceOf(first), await nonceOf(second)];
    for (let round = 0; round < 3; round++) {
      const who = await apiVisitor();
      const sent = await post(collect() + '?op=chat', { ...who, after: 0, text: `round ${round}` });
      expect(sent.status).toBe(200);
      const id = sql(`SELECT id FROM wp_leadtrail_chats WHERE open_visitor = ${who.visitor_id}`)[0]![0];
      const claims = await Promise.all(
        [first, second].map((op, i) => op.context().request.post(`${REST()}chat/chats/${id}/claim`, { headers: { 'X-WP-Nonce': nonces[i]! } })),
      );
      expect(claims.map((c) => c.status()).sort((a, b) => a - b)).toEqual([200, 409]);
      expect(sql(`SELECT COUNT(DISTINCT operator_id) FROM wp_leadtrail_chats WHERE id = ${id} AND operator_id IS NOT NULL`)[0]![0]).toBe('1');
    }
    await first.context().close();
    await second.context().close();
  });
});

describe('nobody answers', () => {
  it("after the wait the window offers the request form, prefilled with the visitor's messages", async () => {
    sql(
      "INSERT INTO wp_options (option_name, option_value, autoload) VALUES ('leadtrail_chat_no_answer_seconds', '10', 'no') ON DUPLICATE KEY UPDATE option_value = '10'",
    );
    const operator = await operatorConsole();
    await expect.poll(available, { timeout: MESSAGE_WAIT }).toBe('1');
    const { context, page } = await visitor();
    await page.evaluate(() => (window as any).Comagic.openChatWindow());
    const chat = page.locator('[data-leadtrail-widget="chat"]');
    await chat.locator('textarea[name=text]').fill('Is anyone there?');
    await chat.locator('button[type=submit]').click();
    await expect.poll(() => sql("SELECT COUNT(*) FROM wp_leadtrail_chat_messages WHERE body = 'Is anyone there?'")[0]![0], { timeout: MESSAGE_WAIT }).toBe('1');
    // The wait is the server's: its clock is moved past it rather than waited for (still within the
    // operator's presence, so that the chat is unanswered rather than without operators).
    setClockOffset(15);
    try {
      await chat.locator('[data-leadtrail-no-answer] button').click({ timeout: MESSAGE_WAIT });
    } finally {
      setClockOffset(0);
    }
    const form = page.locator('[data-leadtrail-widget="request"]');
    await form.waitFor();
    expect(await form.locator('textarea[name=message]').inputValue()).toBe('Is anyone there?');
    expect(await page.locator('[data-leadtrail-widget="chat"]').count()).toBe(0);
    sql("DELETE FROM wp_options WHERE option_name = 'leadtrail_chat_no_answer_seconds'");
    await context.close();
    await operator.context().close();
  });
});

describe('safety', () => {
  it("a second visitor cannot read or write the first one's chat by changing ids", async () => {
    const a = await visitor();
    const b = await visitor();
    const secret = 'my order number is 4711';
    expect((await poll(a.page, { visitor_id: a.credentials.visitor_id, token: await tokenOf(a.context), after: 0, text: secret })).status).toBe(200);
    const chatId = Number(sql(`SELECT id FROM wp_leadtrail_chats WHERE open_visitor = ${a.credentials.visitor_id}`)[0]![0]);

    // A's id with B's token, A's id without a token, B's own poll naming A's chat: nothing of A's.
    const forged = await poll(b.page, { visitor_id: a.credentials.visitor_id, token: await tokenOf(b.context), after: 0 });
    expect(forged.status).toBe(403);
    expect(forged.body.result.code).toBe('invalid_token');
    const tokenless = await poll(b.page, { visitor_id: a.credentials.visitor_id, after: 0 });
    expect(tokenless.status).toBe(400);
    const own = await poll(b.page, { visitor_id: b.credentials.visitor_id, token: await tokenOf(b.context), after: 0, chat_id: chatId, id: chatId });
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).not.toContain(secret);
    expect(own.body.result.state).toBe('none');
    const write = await poll(b.page, { visitor_id: a.credentials.visitor_id, token: await tokenOf(b.context), after: 0, text: 'injected' });
    expect(write.status).toBe(403);
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_chat_messages WHERE body = 'injected'`)[0]![0]).toBe('0');
    await a.context.close();
    await b.context.close();
  });

  it('a logged-out user, an admin without the nonce and a Subscriber get 401/403 from every operator route', async () => {
    const routes: [string, string][] = [
      ['POST', 'chat/presence'],
      ['GET', 'chat/chats'],
      ['GET', 'chat/chats/1'],
      ['POST', 'chat/chats/1/claim'],
      ['POST', 'chat/chats/1/messages'],
      ['POST', 'chat/chats/1/typing'],
      ['POST', 'chat/chats/1/end'],
      ['POST', 'chat/chats/1/transfer'],
    ];
    const subscriber = makeUser('subscriber');
    const page = await (await browser.newContext()).newPage();
    await logIn(page, subscriber, 'operator-pass');
    const subscriberNonce = await (await page.goto(`${siteUrl()}/wp-admin/admin-ajax.php?action=rest-nonce`))!.text();
    expect(subscriberNonce).toMatch(/^[0-9a-f]{10}$/);
    expect((await page.goto(CONSOLE()))?.status()).toBe(403);
    const admin = await adminPage(browser);

    for (const [method, route] of routes) {
      const anonymous = await fetch(REST() + route, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: method === 'POST' ? '{"text":"x"}' : undefined,
      });
      expect([route, anonymous.status]).toEqual([route, 401]);
      const noNonce = await admin.context().request.fetch(REST() + route, { method, data: method === 'POST' ? { text: 'x' } : undefined });
      expect([route, noNonce.status()]).toEqual([route, 401]);
      const sub = await page
        .context()
        .request.fetch(REST() + route, { method, headers: { 'X-WP-Nonce': subscriberNonce }, data: method === 'POST' ? { text: 'x' } : undefined });
      expect([route, sub.status()]).toEqual([route, 403]);
    }
    await page.context().close();
    await admin.context().close();
  });

  it('script payloads in messages run nowhere: the chat window and the console show them as text', async () => {
    const operator = await operatorConsole();
    await expect.poll(available, { timeout: MESSAGE_WAIT }).toBe('1');
    const { context, page } = await visitor();
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    await page.evaluate(() => (window as any).Comagic.openChatWindow());
    const chat = page.locator('[data-leadtrail-widget="chat"]');
    await chat.locator('textarea[name=text]').fill(payload);
    await chat.locator('button[type=submit]').click();
    const item = operator.locator('[data-chat-id][data-status=waiting]').first();
    await item.waitFor({ timeout: MESSAGE_WAIT });
    await item.click();
    await operator.locator('button[data-action=claim]').click();
    const shown = operator.locator('.leadtrail-chat-messages li[data-from=visitor] .text');
    await shown.waitFor({ timeout: MESSAGE_WAIT });
    expect(await shown.innerText()).toBe(payload);
    await operator.locator('textarea[name=reply]').fill(payload.replace('x', 'y'));
    await operator.locator('button[data-action=send]').click();
    await chat.locator('li[data-from=operator]', { hasText: '<img src=y' }).waitFor({ timeout: MESSAGE_WAIT });
    expect(await chat.locator('img[src=x], img[src=y]').count()).toBe(0);
    expect(await operator.locator('.leadtrail-chat-messages img').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await operator.evaluate(() => (window as any).__pwned)).toBeUndefined();
    await context.close();
    await operator.context().close();
  });
});

describe('privacy', () => {
  it("the exporter lists a person's chat messages and the eraser removes them with the chats", async () => {
    const { context, page, credentials } = await visitor();
    const email = `chatter-${Date.now()}@example.com`;
    await page.evaluate((email) => new Promise((done) => (window as any).Comagic.addVisitorInfo({ email }, done)), email);
    const text = `please call me back ${Date.now()}`;
    expect((await poll(page, { visitor_id: credentials.visitor_id, token: await tokenOf(context), after: 0, text })).status).toBe(200);
    const admin = await adminPage(browser);

    const { report } = await downloadExport(admin, email);
    const messages = Object.values(report['leadtrail-chats']?.items ?? {}).map((item) => item.map((f) => f.value).join(' | '));
    expect(messages).toEqual([expect.stringContaining(text)]);

    await erase(admin, email);
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_chats WHERE visitor_id = ${credentials.visitor_id}`)[0]![0]).toBe('0');
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_chat_messages WHERE body = '${text}'`)[0]![0]).toBe('0');
    await context.close();
    await admin.context().close();
  });
});
