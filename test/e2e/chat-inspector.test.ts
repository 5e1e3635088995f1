// The inspector shows the online consultant of the page it inspects: getOperatorStatus() and the chat
// window's state (closed, waiting, talking, ended) with its messages, as text.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser } from './lib/browser';
import { ensureExtensionBuilt, launchWithExtension, openPanel, tabIdOf } from './lib/extension';
import type { InspectorBrowser } from './lib/extension';
import { demoUrl, whenReady } from './lib/visitor';
import { MESSAGE_WAIT, available, noOperatorsNoChats, operatorConsole } from './lib/chat';
import { STATUS_EVERY_MS } from '../../shared/src/chat/status';

vi.setConfig({ testTimeout: 120_000 });

let inspector: InspectorBrowser;
let browser: Browser;
beforeAll(async () => {
  noOperatorsNoChats();
  inspector = await launchWithExtension(await ensureExtensionBuilt());
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await inspector?.close();
  await browser?.close();
});

const card = (panel: Page) => panel.getByTestId('chat');
const cardText = (panel: Page) => card(panel).innerText();

/**
 * Waits until the panel's chat card reads `expected` (`read` of the card), with no click: the chat's
 * polls are not API calls, which would make the panel read the page again, so the panel reads it
 * again by itself every few seconds while the page has a chat.
 */
async function panelShows(panel: Page, read: (panel: Page) => Promise<string | null>, expected: string): Promise<void> {
  await expect.poll(async () => read(panel).catch(() => null), { timeout: 2 * MESSAGE_WAIT, interval: 500 }).toBe(expected);
}
const chatState = (panel: Page) => card(panel).getByTestId('chat-state').getAttribute('data-state');
const operatorStatus = (panel: Page) => card(panel).getByTestId('operator-status').innerText();

describe('the inspector on a page with the chat', () => {
  it('follows getOperatorStatus() and the chat from closed through waiting and talking to ended, messages as text', async () => {
    // The page asks for the operators' status every 20 s (STATUS_EVERY_MS): its clock is Playwright's,
    // moved on to the next ask rather than waited for.
    const page = await inspector.context.newPage();
    await page.clock.install();
    await page.goto(demoUrl());
    await page.evaluate(whenReady);
    const panel = await openPanel(inspector, await tabIdOf(inspector, page));
    await panelShows(panel, chatState, 'closed');
    expect(await cardText(panel)).toContain('never opened on this page');
    // The panel's getOperatorStatus() is the page's first: it starts the page's status poll.
    await panelShows(panel, operatorStatus, 'false');

    const operator = await operatorConsole(browser);
    await expect.poll(available, { timeout: MESSAGE_WAIT }).toBe('1');
    await page.clock.fastForward(STATUS_EVERY_MS);
    await panelShows(panel, operatorStatus, 'true');

    await page.evaluate(() => (window as any).Comagic.openChatWindow());
    const chat = page.locator('[data-leadtrail-widget="chat"]');
    await chat.locator('form[data-leadtrail-chat-state=none]').waitFor({ timeout: MESSAGE_WAIT });
    await panelShows(panel, chatState, 'none');
    const payload = '<img src=x onerror="window.__pwned=1"> hello';
    await chat.locator('textarea[name=text]').fill(payload);
    await chat.locator('button[type=submit]').click();
    await chat.locator('li[data-from=visitor]').waitFor({ timeout: MESSAGE_WAIT });
    await panelShows(panel, chatState, 'waiting');
    expect(await cardText(panel)).toContain(`visitor: ${payload}`);
    expect(await card(panel).locator('img').count()).toBe(0);

    await operator.locator('[data-chat-id][data-status=waiting]').first().click();
    await operator.locator('button[data-action=claim]').click();
    await operator.locator('textarea[name=reply]').fill('Hi, how can I help?');
    await operator.locator('button[data-action=send]').click();
    await chat.locator('li[data-from=operator]').waitFor({ timeout: MESSAGE_WAIT });
    await panelShows(panel, chatState, 'talking');
    const talking = await cardText(panel);
    expect(talking).toMatch(/operator\tadmin/);
    expect(talking).toContain('admin: Hi, how can I help?');

    await operator.locator('button[data-action=end]').click();
    await panelShows(panel, chatState, 'ended');

    await page.keyboard.press('Escape');
    await chat.waitFor({ state: 'detached' });
    await panelShows(panel, chatState, 'closed');
    expect(await cardText(panel)).toContain('admin: Hi, how can I help?');
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await panel.evaluate(() => (window as any).__pwned)).toBeUndefined();
    await operator.context().close();
  });
});
