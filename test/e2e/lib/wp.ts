// The harness WordPress under test: its URL, its database, and test-mode levers.
import type { Browser, Page } from 'playwright-core';
import { sql as rawSql } from '../../harness/mariadb.mjs';
import { e2eSite } from './site';

export const siteUrl = (): string => e2eSite().url;

/** The mysql client's batch output writes a value's newline, tab, NUL and backslash escaped. */
const unescape = (cell: string) => cell.replace(/\\(.)/g, (_, c: string) => (({ n: '\n', t: '\t', 0: '\0' }) as Record<string, string>)[c] ?? c);

/** Runs SQL on the test site's database; rows come back as arrays of strings, as stored. */
export function sql(statement: string): string[][] {
  const out: string = rawSql(statement, e2eSite().database);
  // No rows print nothing; a row holding '' prints an empty line.
  if (out === '') return [];
  return out
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => line.split('\t').map(unescape));
}

export function count(table: string, where = '1=1'): number {
  return Number(sql(`SELECT COUNT(*) FROM wp_leadtrail_${table} WHERE ${where}`)[0]?.[0]);
}

/** Writes an option straight into the database (the plugin reads its options per request). */
export function setOption(name: string, value: string): void {
  const quoted = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  sql(
    `INSERT INTO wp_options (option_name, option_value, autoload) VALUES (${quoted(name)}, ${quoted(value)}, 'no') ` +
      `ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)`,
  );
}

/** An option's stored value, or undefined when there is none. */
export const getOption = (name: string): string | undefined => sql(`SELECT option_value FROM wp_options WHERE option_name = '${name}'`)[0]?.[0];

/** The site key the plugin generated for the e2e site (32 letters and digits); throws if it has none. */
export function readSiteKey(): string {
  const key = getOption('leadtrail_site_key') ?? '';
  if (!/^[A-Za-z0-9]{32}$/.test(key)) throw new Error(`the e2e site has no valid leadtrail_site_key: "${key}"`);
  return key;
}

/** Remembers the options `names` as they are now; the returned function puts them back (and deletes the ones that were not there). */
export function keepOptions(names: string[]): () => void {
  const list = names.map((n) => `'${n}'`).join(',');
  const saved = sql(`SELECT option_name, option_value FROM wp_options WHERE option_name IN (${list})`);
  return () => {
    sql(`DELETE FROM wp_options WHERE option_name IN (${list})`);
    for (const [name, value] of saved) setOption(name!, value!);
  };
}

/** Moves the server's clock (test mode only: docs/contracts.md). */
export function setClockOffset(seconds: number): void {
  setOption('leadtrail_test_clock_offset', String(Math.trunc(seconds)));
}

/** A Set-Cookie header as Playwright adds a cookie, for the site at `base`. */
function browserCookie(header: string, base: string) {
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  const at = pair.indexOf('=');
  const attribute = (name: string) => attributes.find((a) => a.toLowerCase().startsWith(`${name}=`))?.slice(name.length + 1);
  return {
    name: pair.slice(0, at),
    value: pair.slice(at + 1),
    domain: new URL(base).hostname,
    path: attribute('path') ?? '/',
    httpOnly: attributes.some((a) => a.toLowerCase() === 'httponly'),
  };
}

/**
 * Logs `page`'s browser context in as `login`: WordPress's login form, posted as the browser would,
 * and the auth cookies it answers handed to the context. The page stays where it is (go to a
 * wp-admin page next): the Dashboard a browser lands on would cost seconds that no test uses.
 */
export async function logIn(page: Page, login: string, password: string, base = siteUrl()): Promise<void> {
  const response = await fetch(`${base}/wp-login.php`, {
    method: 'POST',
    redirect: 'manual',
    // wp-login.php refuses a browser that did not keep its test cookie.
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
    body: new URLSearchParams({ log: login, pwd: password, 'wp-submit': 'Log In', redirect_to: `${base}/wp-admin/`, testcookie: '1' }),
  });
  await response.arrayBuffer();
  const cookies = response.headers
    .getSetCookie()
    .map((header) => browserCookie(header, base))
    .filter((cookie) => cookie.value !== '' && cookie.value !== 'deleted');
  if (response.status !== 302 || !cookies.some((cookie) => cookie.name.startsWith('wordpress_logged_in_'))) {
    throw new Error(`logging in as ${login} at ${base} failed: HTTP ${response.status}, cookies ${cookies.map((c) => c.name).join(', ') || 'none'}`);
  }
  await page.context().addCookies(cookies);
}

export const logInAsAdmin = (page: Page, base = siteUrl()): Promise<void> => logIn(page, 'admin', 'admin', base);

/** A page of a new browser context logged in as the admin (close it with `page.context().close()`). */
export async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logInAsAdmin(page);
  return page;
}

/** Submits the LeadTrail settings form on `page`; answers the notices shown after the redirect back. */
export async function saveSettings(page: Page): Promise<string> {
  const [response] = await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  if ((response?.status() ?? 0) >= 500) throw new Error(`options.php answered ${response?.status()}`);
  return (await page.locator('.wrap').first().locator('.notice, .error, .updated').allInnerTexts()).join('\n');
}

/** Every message the e2e site's mail stand-in caught (global-setup.ts), serialized, oldest first. */
export function caughtMails(): string {
  return sql("SELECT option_value FROM wp_options WHERE option_name LIKE 'leadtrail\\_test\\_mail\\_%' ORDER BY option_id")
    .map((row) => row[0])
    .join('\n');
}
