// The online consultant's e2e helpers: operators on the console (LeadTrail > Chats), users with roles, and
// the visitor's poll as the page and server code would send it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoUrl, whenReady, type Credentials } from './visitor';
import { adminPage, logIn, readSiteKey, siteUrl, sql } from './wp';

export const CONSOLE = () => `${siteUrl()}/wp-admin/admin.php?page=leadtrail-chats`;
export const REST = () => `${siteUrl()}/wp-json/leadtrail/v1/`;
export const collect = () => `${siteUrl()}/wp-content/plugins/leadtrail/collect.php`;
/** Generous wait for what the page polls every second (messages) or is moved on to (the status). */
export const MESSAGE_WAIT = 10_000;
/** Whether the site has an operator now, as the hits and the status poll read it: '1' or '0'. */
export const available = () => sql("SELECT option_value > UNIX_TIMESTAMP() FROM wp_options WHERE option_name = 'leadtrail_chat_available_until'")[0]![0];

/** Nobody is on the console and no chat is open. */
export function noOperatorsNoChats(): void {
  sql('UPDATE wp_leadtrail_operators SET seen_until = 0');
  sql("UPDATE wp_options SET option_value = '0' WHERE option_name = 'leadtrail_chat_available_until'");
  sql("UPDATE wp_leadtrail_chats SET status = 'ended', open_visitor = NULL");
}

export async function visitor(browser: Browser): Promise<{ context: BrowserContext; page: Page; credentials: Credentials }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(demoUrl());
  const credentials = (await page.evaluate(whenReady)) as Credentials;
  return { context, page, credentials };
}

/** Logs `login` (password "operator-pass") into wp-admin in a new context. */
async function operatorPage(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, login, 'operator-pass');
  return page;
}

/** An operator's console page (the admin, or a user logged in with `login`). */
export async function operatorConsole(browser: Browser, login?: string): Promise<Page> {
  const page = login ? await operatorPage(browser, login) : await adminPage(browser);
  await page.goto(CONSOLE());
  return page;
}

/** A user with a role (and extra capabilities), password "operator-pass"; returns the login. */
export function makeUser(role: string, extra: string[] = []): string {
  const login = `chat_${role}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  sql(`INSERT INTO wp_users (user_login, user_pass, user_nicename, user_email, user_registered, display_name)
    VALUES ('${login}', MD5('operator-pass'), '${login}', '${login}@example.com', NOW(), 'Operator ${login.slice(-6)}')`);
  const id = userId(login);
  const caps = [role, ...extra];
  const serialized = `a:${caps.length}:{${caps.map((c) => `s:${c.length}:"${c}";b:1;`).join('')}}`;
  sql(`INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (${id}, 'wp_capabilities', '${serialized}'), (${id}, 'wp_user_level', '0')`);
  return login;
}

export const userId = (login: string): string => sql(`SELECT ID FROM wp_users WHERE user_login = '${login}'`)[0]![0]!;

export const nonceOf = (page: Page) => page.getAttribute('#leadtrail-chat-console', 'data-nonce');

/** JSON POSTed from the test process (no browser), as server code would. */
export async function post(url: string, body: object) {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

/** A new visitor from a page-view hit sent by the test process: its id and token. */
export async function apiVisitor(): Promise<{ visitor_id: number; token: string }> {
  const { body } = await post(collect(), { site_key: readSiteKey(), url: demoUrl(), referrer: '', title: 'Chat' });
  return { visitor_id: body.result.visitor_id, token: body.result.token };
}
