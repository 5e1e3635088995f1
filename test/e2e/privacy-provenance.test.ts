// The privacy tools cannot be turned against a visitor: an attacker who knows a victim's ids and the
// public site key attaches its own address to the victim through every entry point that takes no
// token (vc/s with ve=, api/add_offline_message/, a captured form with the hidden fields). Exporting
// that address must return nothing of the victim, erasing it must delete nothing of the victim, and
// the victim's own address, given with its token, must still find all of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { downloadExport, erase, fields, type Report } from './lib/privacy';
import { type Credentials, whenReady } from './lib/visitor';
import { adminPage, keepOptions, setOption, siteUrl, sql } from './lib/wp';

const stamp = Date.now();
const victimEmail = `victoria.${stamp}@example.com`;
const attackerEmail = `mallory.${stamp}@example.com`;
const victimPhone = '79001234567';
const attackerPhone = '79990000000';

let browser: Browser;
let restoreOptions: () => void;
let victim: Credentials;
let admin: Page;

/** Everything of the victim, per table (contacts and requests: the victim's own, given with its token). */
function victimRows(): Record<string, string[][]> {
  const of = (table: string, columns: string, where = `visitor_id = ${victim.visitor_id}`) =>
    sql(`SELECT ${columns} FROM wp_leadtrail_${table} WHERE ${where} ORDER BY id`);
  return {
    visitor: of('visitors', 'id, name', `id = ${victim.visitor_id}`),
    sessions: of('sessions', 'id'),
    hits: of('hits', 'id, url'),
    events: of('events', 'id, category, action'),
    properties: of('properties', 'id, name, value'),
    contacts: of('contacts', 'id, kind, value', `visitor_id = ${victim.visitor_id} AND value NOT IN ('${attackerEmail}', '${attackerPhone}')`),
    requests: of('requests', 'id, name, email', `visitor_id = ${victim.visitor_id} AND email = '${victimEmail}'`),
  };
}
let victimBefore: Record<string, string[][]>;

/** What the victim does in its own browser: with its token (the runtime's calls, a same-origin form with its cookie). */
async function victimVisits(context: BrowserContext): Promise<Credentials> {
  const { page, credentials } = await newVisitorIn(context);
  const answers = await page.evaluate(
    async ({ email, phone }) => {
      const C = (window as any).Comagic;
      return [await C.addVisitorInfo({ name: 'Виктория', email, phone }), await C.setProperty('Тариф', 'Золотой')];
    },
    { email: victimEmail, phone: victimPhone },
  );
  for (const answer of answers) expect(answer).toMatchObject({ success: true });
  await page.evaluate(() => (window as any).Comagic.trackEvent('Каталог', 'Просмотр тайного товара'));
  await page.evaluate((email) => {
    document.body.insertAdjacentHTML(
      'beforeend',
      `<form data-leadtrail method="post" action="/" id="own">
      <input type="hidden" name="leadtrail_form" value="Своя форма"><input name="fio" value="Виктория">
      <input name="email" value="${email}"><button>Send</button></form>`,
    );
  }, victimEmail);
  await page.locator('#own input[name=visitor_id]').waitFor({ state: 'attached' });
  const [response] = await Promise.all([page.waitForNavigation(), page.click('#own button')]);
  expect(response?.status()).toBe(200);
  // trackEvent has no callback: its call is sent in the background, before the form's page.
  await until(() => sql(`SELECT COUNT(*) FROM wp_leadtrail_events WHERE visitor_id = ${credentials.visitor_id}`)[0]![0] === '1');
  return credentials;
}

async function until(done: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !done(); attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(done()).toBe(true);
}

async function newVisitorIn(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto(`${siteUrl()}/leadtrail-demo/`);
  const credentials = (await page.evaluate(whenReady)) as Credentials;
  return { page, credentials };
}

/** The attack: the victim's ids, the public key and the attacker's address, no token anywhere. */
async function attack(): Promise<void> {
  const ids = { site_key: victim.site_key, visitor_id: String(victim.visitor_id), session_id: String(victim.session_id), hit_id: String(victim.hit_id) };
  const tracker = await fetch(
    `${victim.consultant_server_url}vc/s/?sk=${victim.site_key}&ci=${victim.comagic_id}&hi=${victim.hit_id}` +
      `&ve=${encodeURIComponent(attackerEmail)}&vn=Mallory&vp=${attackerPhone}`,
  );
  expect(tracker.status).toBe(200);
  const server = await fetch(`${siteUrl()}/wp-json/leadtrail/v1/api/add_offline_message/`, {
    method: 'POST',
    body: new URLSearchParams({ ...ids, name: 'Mallory', email: attackerEmail, text: 'Сервер' }),
  });
  expect(server.status).toBe(200);
  const form = await fetch(`${siteUrl()}/`, {
    method: 'POST',
    body: new URLSearchParams({ ...ids, leadtrail_form: 'Чужая форма', fio: 'Mallory', email: attackerEmail, message: 'Форма' }),
  });
  expect(form.status).toBe(200);
}

beforeAll(async () => {
  browser = await launchBrowser();
  restoreOptions = keepOptions(['leadtrail_test_request_limit']);
  setOption('leadtrail_test_request_limit', '100000');
  const context = await browser.newContext();
  victim = await victimVisits(context);
  await context.close();
  victimBefore = victimRows();
  expect(victimBefore.requests).toHaveLength(1);
  expect(victimBefore.contacts).toHaveLength(2);
  await attack();
  // The attack was stored: each token-less entry point kept what it was given.
  expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_requests WHERE email = '${attackerEmail}'`)).toEqual([['2']]);
  expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_contacts WHERE value = '${attackerEmail}'`)).toEqual([['1']]);
  admin = await adminPage(browser);
});

afterAll(async () => {
  restoreOptions?.();
  await admin?.context().close();
  await browser?.close();
});

const items = (report: Report, group: string) => Object.values(report[group]?.items ?? {}).map(fields);

describe("an attacker's address attached to a victim without its token", () => {
  it('the export of that address holds only what was sent with it, says why, and nothing of the victim', async () => {
    const { report } = await downloadExport(admin, attackerEmail);
    const text = JSON.stringify(report);

    expect(
      Object.keys(report)
        .filter((group) => group.startsWith('leadtrail-'))
        .sort(),
    ).toEqual(['leadtrail-contacts', 'leadtrail-matches', 'leadtrail-requests']);
    for (const secret of ['Виктория', victimEmail, victimPhone, 'Золотой', 'Просмотр тайного товара', 'leadtrail-demo', `"${victim.visitor_id}"`]) {
      expect(text, secret).not.toContain(secret);
    }
    const requests = items(report, 'leadtrail-requests');
    expect(requests.map((r) => String(r.Message)).sort()).toEqual(['Сервер', 'Форма']);
    for (const request of requests) {
      expect(request).toMatchObject({ Name: 'Mallory', 'E-mail': attackerEmail });
      expect(request).not.toHaveProperty('Visitor ID');
    }
    const contacts = items(report, 'leadtrail-contacts');
    expect(contacts).toEqual([expect.objectContaining({ Kind: 'E-mail', Value: attackerEmail })]);
    expect(contacts[0]).not.toHaveProperty('Visitor ID');
    // One line per row the address was found in, each saying why only that row is there.
    const matches = items(report, 'leadtrail-matches').map((m) => m.Match);
    expect(matches).toHaveLength(3);
    for (const match of matches) expect(match).toMatch(/without the visitor's token/);
  });

  it("erasing that address deletes what was sent with it and nothing of the victim's", async () => {
    expect(await erase(admin, attackerEmail)).toEqual([]);
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_requests WHERE email = '${attackerEmail}'`)).toEqual([['0']]);
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_contacts WHERE value = '${attackerEmail}'`)).toEqual([['0']]);
    expect(victimRows()).toEqual(victimBefore);
  });

  it("the victim's own address still finds all of the victim, given with its token", async () => {
    const { report } = await downloadExport(admin, victimEmail);
    expect(Object.keys(report['leadtrail-visitors']!.items)).toEqual([`leadtrail-visitor-${victim.visitor_id}`]);
    expect(items(report, 'leadtrail-visitors')[0]).toMatchObject({ Name: 'Виктория' });
    expect(items(report, 'leadtrail-properties')).toEqual([expect.objectContaining({ Name: 'Тариф', Value: 'Золотой' })]);
    expect(items(report, 'leadtrail-events')).toEqual([expect.objectContaining({ Action: 'Просмотр тайного товара' })]);
    expect(items(report, 'leadtrail-requests')).toEqual([
      expect.objectContaining({ 'Visitor ID': String(victim.visitor_id), Name: 'Виктория', Form: 'Своя форма' }),
    ]);
    expect(items(report, 'leadtrail-contacts')).toEqual(
      expect.arrayContaining([expect.objectContaining({ Kind: 'E-mail', Value: victimEmail }), expect.objectContaining({ Kind: 'Phone', Value: victimPhone })]),
    );
    const matches = items(report, 'leadtrail-matches').map((m) => m.Match);
    expect(matches).toHaveLength(2);
    for (const match of matches) expect(match).toMatch(new RegExp(`visitor ${victim.visitor_id} with its token`));
  });
});
