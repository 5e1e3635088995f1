// Employee groups route chats: a chat opened for a group (the chat window's group choice) goes to that
// group's operators only, as an administrator set them on the operators' profiles; and a chat nobody
// took within the wait e-mails the group's address (and the site admin), once, as a request's notice.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { adminPage, keepOptions, setClockOffset, setOption, siteUrl, sql } from './lib/wp';
import { MESSAGE_WAIT, REST, apiVisitor, available, collect, makeUser, noOperatorsNoChats, nonceOf, operatorConsole, post, userId, visitor } from './lib/chat';

vi.setConfig({ testTimeout: 120_000 });

const SALES = 501;
const SUPPORT = 502;

let browser: Browser;
let restore: () => void;
let editor: string;
beforeAll(async () => {
  browser = await launchBrowser();
  restore = keepOptions(['leadtrail_request_groups', 'leadtrail_chat_no_answer_seconds']);
  setOption(
    'leadtrail_request_groups',
    JSON.stringify([
      { id: SALES, name: 'Sales <b>team</b>', email: 'sales-chat@example.com' },
      { id: SUPPORT, name: 'Support' },
    ]),
  );
  editor = makeUser('editor', ['leadtrail_operator']);
  // An administrator puts the editor in Sales on the editor's profile.
  const admin = await adminPage(browser);
  await admin.goto(`${siteUrl()}/wp-admin/user-edit.php?user_id=${userId(editor)}`);
  await admin.locator(`input[name="leadtrail_chat_groups[]"][value="${SALES}"]`).check();
  await Promise.all([admin.waitForNavigation(), admin.click('#submit')]);
  await admin.context().close();
});
afterAll(async () => {
  setClockOffset(0);
  restore?.();
  await browser?.close();
});
beforeEach(noOperatorsNoChats);

/** The chats the operator's console is given now, by id. */
async function listed(console: Page): Promise<number[]> {
  const res = await console.context().request.get(`${REST()}chat/chats`, { headers: { 'X-WP-Nonce': (await nonceOf(console))! } });
  return (await res.json()).result.chats.map((c: { id: number }) => c.id);
}

const chatOf = (visitorId: number) => Number(sql(`SELECT id FROM wp_leadtrail_chats WHERE open_visitor = ${visitorId}`)[0]?.[0]);

describe('groups route chats', () => {
  it('the profile keeps the groups the administrator chose for an operator', () => {
    expect(sql(`SELECT meta_value FROM wp_usermeta WHERE user_id = ${userId(editor)} AND meta_key = 'leadtrail_chat_groups'`)[0]![0]).toContain(`i:${SALES};`);
  });

  it('a chat opened for a group is listed to its operators only; another operator can neither see nor take it; a chat without a group, or for a group without operators, goes to everyone', async () => {
    const sales = await operatorConsole(browser, editor);
    const admin = await operatorConsole(browser);
    await expect.poll(available, { timeout: MESSAGE_WAIT }).toBe('1');

    const { context, page, credentials } = await visitor(browser);
    await page.evaluate(() => (window as any).Comagic.openChatWindow());
    const chat = page.locator('[data-leadtrail-widget="chat"]');
    await chat.locator(`select[name=group_id] option[value="${SALES}"]`).waitFor({ state: 'attached' });
    await chat.locator('select[name=group_id]').selectOption(String(SALES));
    await chat.locator('textarea[name=text]').fill('A question for sales');
    await chat.locator('button[type=submit]').click();
    await chat.locator('li[data-from=visitor]').waitFor({ timeout: MESSAGE_WAIT });
    const id = chatOf(credentials.visitor_id);
    expect(sql(`SELECT group_id FROM wp_leadtrail_chats WHERE id = ${id}`)[0]![0]).toBe(String(SALES));

    await sales.locator(`[data-chat-id="${id}"]`).waitFor({ timeout: MESSAGE_WAIT });
    expect(await listed(admin)).not.toContain(id);
    const adminNonce = (await nonceOf(admin))!;
    const peek = await admin.context().request.get(`${REST()}chat/chats/${id}`, { headers: { 'X-WP-Nonce': adminNonce } });
    expect([peek.status(), (await peek.json()).code]).toEqual([403, 'other_group']);
    const grab = await admin.context().request.post(`${REST()}chat/chats/${id}/claim`, { headers: { 'X-WP-Nonce': adminNonce } });
    expect([grab.status(), (await grab.json()).code]).toEqual([403, 'other_group']);
    await sales.locator(`[data-chat-id="${id}"]`).click();
    await sales.locator('button[data-action=claim]').click();
    await expect.poll(() => sql(`SELECT operator_id FROM wp_leadtrail_chats WHERE id = ${id}`)[0]![0], { timeout: MESSAGE_WAIT }).toBe(userId(editor));

    // No group, and a group no operator belongs to: everyone's.
    const plain = await apiVisitor();
    expect((await post(collect() + '?op=chat', { ...plain, text: 'No group' })).status).toBe(200);
    const support = await apiVisitor();
    expect((await post(collect() + '?op=chat', { ...support, text: 'For support', group_id: SUPPORT })).status).toBe(200);
    for (const console of [sales, admin]) {
      expect(await listed(console)).toEqual(expect.arrayContaining([chatOf(plain.visitor_id), chatOf(support.visitor_id)]));
    }
    await context.close();
    await sales.context().close();
    await admin.context().close();
  });

  it('a group that is not in the settings is refused naming group_id, and no chat is opened', async () => {
    const who = await apiVisitor();
    const answer = await post(collect() + '?op=chat', { ...who, text: 'Lost', group_id: 999 });
    expect([answer.status, answer.body.result.code, answer.body.result.field]).toEqual([400, 'unknown_group', 'group_id']);
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_chats WHERE visitor_id = ${who.visitor_id}`)[0]![0]).toBe('0');
  });
});

describe('a missed chat', () => {
  it("e-mails the group's address and the site admin once, the visitor's text quoted; a chat taken in time is not mailed", async () => {
    setOption('leadtrail_chat_no_answer_seconds', '10');
    const text = '<script>alert(1)</script>\nOpen it in wp-admin: https://evil.example/';
    const missed = await apiVisitor();
    expect((await post(collect() + '?op=chat', { ...missed, text, group_id: SALES })).status).toBe(200);
    const missedId = chatOf(missed.visitor_id);
    const taken = await apiVisitor();
    expect((await post(collect() + '?op=chat', { ...taken, text: 'Taken in time', group_id: SALES })).status).toBe(200);
    const takenId = chatOf(taken.visitor_id);
    sql(`UPDATE wp_leadtrail_chats SET status = 'talking', operator_id = ${userId(editor)} WHERE id = ${takenId}`);
    const subject = (id: number) => `Missed chat #${id}`;
    const mails = () => sql("SELECT option_value FROM wp_options WHERE option_name LIKE 'leadtrail\\_test\\_mail\\_%'").map((row) => row[0]!);
    const mailsOf = (id: number) => mails().filter((m) => m.includes(subject(id) + '"')).length;

    // The server's clock moves past the wait; the next full WordPress load (wp-admin) sends the e-mail.
    setClockOffset(15);
    try {
      const admin = await adminPage(browser);
      await admin.goto(`${siteUrl()}/wp-admin/`);
      await expect.poll(() => mailsOf(missedId), { timeout: MESSAGE_WAIT }).toBe(1);
      const mail = mails().find((m) => m.includes(subject(missedId) + '"'))!;
      expect(mail).toContain('sales-chat@example.com');
      expect(mail).toContain('admin@example.com');
      expect(mail).toContain('> <script>alert(1)</script>');
      expect(mail).toContain('> Open it in wp-admin: https://evil.example/');
      expect(mail).toContain('Sales <b>team</b>');

      // The visitor's page noticing it too, more admin loads, and a later missed chat: still one e-mail.
      expect((await post(collect() + '?op=chat', { ...missed, after: 0 })).body.result.no_answer).toBe(true);
      await admin.goto(`${siteUrl()}/wp-admin/`);
      const later = await apiVisitor();
      expect((await post(collect() + '?op=chat', { ...later, text: 'Later' })).status).toBe(200);
      sql(`UPDATE wp_leadtrail_chats SET created_at = created_at - 60 WHERE id = ${chatOf(later.visitor_id)}`);
      await admin.goto(`${siteUrl()}/wp-admin/`);
      await expect.poll(() => mailsOf(chatOf(later.visitor_id)), { timeout: MESSAGE_WAIT }).toBe(1);
      expect(mailsOf(missedId)).toBe(1);
      expect(mailsOf(takenId)).toBe(0);
      await admin.context().close();
    } finally {
      setClockOffset(0);
    }
  });
});
