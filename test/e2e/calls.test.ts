// Calls: the webhook a telephony provider posts each call to, attribution of a call to the visit
// that held the dynamic number when the call began, the call-log import, the Calls screen and its
// export. In the product the Phone numbers screen and the page views that take pool numbers fill
// the numbers and holds tables; here the tests write those rows with SQL, as that screen would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { runDailyEvent, wpPhp } from './lib/cron';
import { downloadExport, erase, fields } from './lib/privacy';
import { demoUrl, openReadyPage } from './lib/visitor';
import { adminPage, caughtMails, getOption, keepOptions, logIn, saveSettings, setOption, siteUrl, sql } from './lib/wp';

const TOKEN = 'CallsTokenForTheEndToEndSuite0123456789abcdefghi';
const webhook = () => `${siteUrl()}/wp-json/leadtrail/v1/calls`;

let browser: Browser;
let restore: () => void;
beforeAll(async () => {
  browser = await launchBrowser();
  restore = keepOptions(['leadtrail_calls_token', 'leadtrail_calls_notify_missed', 'leadtrail_calls_notify_email', 'leadtrail_retention_days']);
  setOption('leadtrail_calls_token', TOKEN);
});
afterAll(async () => {
  restore?.();
  await browser?.close();
});

/** A fresh number of ours for each test, so tests never share one: E.164 digits. */
let serial = 0;
function freshNumber(): string {
  serial += 1;
  return `7495${String(Date.now()).slice(-5)}${String(serial).padStart(2, '0')}`;
}

/** UTC "YYYY-MM-DD HH:MM:SS" for a unix second, as the holds table stores times. */
const utc = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');

async function post(body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) {
  const response = await fetch(webhook(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* the assertions show the text */
  }
  return { status: response.status, json, text };
}

/** A pool number held by a real visit (a visitor from Yandex ads) from 10 minutes ago to 10 minutes ahead. */
async function visitHoldingPoolNumber(email?: string) {
  const context = await browser.newContext();
  const { page, credentials } = await openReadyPage(context, `${demoUrl()}?utm_source=yandex&utm_medium=cpc&utm_campaign=winter`);
  // With its token, from its own browser: the privacy tools then take the visitor as the address's.
  if (email) expect(await page.evaluate((e) => (window as any).Comagic.addVisitorInfo({ email: e }), email)).toMatchObject({ success: true });
  await context.close();
  const digits = freshNumber();
  const now = Math.floor(Date.now() / 1000);
  sql(`INSERT INTO wp_leadtrail_numbers (digits, kind, pool_id, position, label) VALUES ('${digits}', 'pool', 1, 1, '')`);
  sql(`INSERT INTO wp_leadtrail_number_holds (digits, visitor_id, session_id, held_from, held_until)
    VALUES ('${digits}', ${credentials.visitor_id}, ${credentials.session_id}, '${utc(now - 600)}', '${utc(now + 600)}')`);
  return { credentials, digits, now };
}

const callsOf = (where: string) => sql(`SELECT attribution, visitor_id, session_id, source FROM wp_leadtrail_phone_calls WHERE ${where}`);

describe('the calls webhook', () => {
  it('a call at T to a pool number belongs to the session that held the number at T', async () => {
    const { credentials, digits, now } = await visitHoldingPoolNumber();
    const answer = await post({
      called_number: `+${digits}`,
      caller_number: '+7 (912) 555-01-01',
      start_time: new Date(now * 1000).toISOString(),
      duration: 95,
      status: 'answered',
      recording_url: 'https://pbx.example.com/rec/1.mp3',
    });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json).toMatchObject({
      recorded: true,
      duplicate: false,
      attribution: 'session',
      visitor_id: credentials.visitor_id,
      session_id: credentials.session_id,
      source: 'yandex',
    });
    expect(callsOf(`id = ${answer.json.id}`)).toEqual([['session', String(credentials.visitor_id), String(credentials.session_id), 'yandex']]);

    // Before the hold began, the same number belonged to nobody.
    const before = await post({ called_number: digits, caller_number: '79125550102', start_time: now - 3600, status: 'missed' });
    expect(before.status, before.text).toBe(201);
    expect(before.json).toMatchObject({ attribution: 'none', visitor_id: 0, session_id: 0, source: '' });
  });

  it('a static number gives its source; an unknown number is unattributed and still recorded', async () => {
    const digits = freshNumber();
    sql(`INSERT INTO wp_leadtrail_numbers (digits, kind, pool_id, position, label) VALUES ('${digits}', 'static', 0, 1, 'google / cpc')`);
    const now = Math.floor(Date.now() / 1000);
    const stat = await post({ called_number: `8 ${digits.slice(1, 4)} ${digits.slice(4)}`, caller_number: '79125550103', start_time: now, status: 'answered' });
    expect(stat.json).toMatchObject({ attribution: 'static', source: 'google / cpc', visitor_id: 0 });
    const unknown = await post({ called_number: freshNumber(), caller_number: '79125550104', start_time: now, status: 'answered' });
    expect(unknown.status).toBe(201);
    expect(unknown.json).toMatchObject({ attribution: 'none', source: '' });
  });

  it('the same call sent twice is one row: by the provider call id, and by number + caller + start time', async () => {
    const digits = freshNumber();
    const now = Math.floor(Date.now() / 1000);
    const withId = { called_number: digits, caller_number: '79125550105', start_time: now, status: 'missed', call_id: `pbx-${digits}` };
    const first = await post(withId);
    const again = await post({ ...withId, duration: 3 });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.json).toMatchObject({ recorded: false, duplicate: true, id: first.json.id });

    const withoutId = { called_number: digits, caller_number: '79125550106', start_time: new Date(now * 1000).toISOString(), status: 'answered' };
    // The same moment written differently (unix seconds, another offset) is the same call.
    const offset = new Date((now + 3 * 3600) * 1000).toISOString().slice(0, 19) + '+03:00';
    const answers = await Promise.all([post(withoutId), post({ ...withoutId, start_time: now }), post({ ...withoutId, start_time: offset })]);
    expect(answers.map((a) => a.status).sort((a, b) => a - b)).toEqual([200, 200, 201]);
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_phone_calls WHERE called = '${digits}'`)).toEqual([['2']]);
  });

  it('a wrong or missing token is refused (401/403) and records nothing', async () => {
    const digits = freshNumber();
    const call = { called_number: digits, caller_number: '79125550107', start_time: Math.floor(Date.now() / 1000), status: 'answered' };
    const none = await post(call, {});
    const wrong = await post(call, { authorization: 'Bearer wrong-token' });
    const wrongField = await post({ ...call, token: TOKEN.replace(/.$/, 'x') }, {});
    expect([none.status, wrong.status, wrongField.status]).toEqual([401, 403, 403]);
    expect(none.json.code).toBe('leadtrail_calls_token_missing');
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_phone_calls WHERE called = '${digits}'`)).toEqual([['0']]);
    // The token as a form field works too, for providers that cannot send headers.
    const form = await fetch(webhook(), { method: 'POST', body: new URLSearchParams({ ...call, start_time: String(call.start_time), token: TOKEN }) });
    expect(form.status).toBe(201);
  });

  it('a malformed body gets a 400 naming the field, and records nothing', async () => {
    const digits = freshNumber();
    const good = { called_number: digits, caller_number: '79125550108', start_time: Math.floor(Date.now() / 1000), status: 'answered' };
    const cases: Array<[unknown, string]> = [
      ['{"called_number": ', 'body'],
      [{ ...good, called_number: undefined }, 'called_number'],
      [{ ...good, caller_number: 'abc' }, 'caller_number'],
      [{ ...good, start_time: '2026-02-30 10:00' }, 'start_time'],
      [{ ...good, start_time: 'yesterday' }, 'start_time'],
      [{ ...good, duration: -5 }, 'duration'],
      [{ ...good, status: 'maybe' }, 'status'],
      [{ ...good, recording_url: 'javascript:alert(1)' }, 'recording_url'],
      [{ ...good, call_id: 'x'.repeat(300) }, 'call_id'],
    ];
    for (const [body, field] of cases) {
      const answer = await post(body);
      expect(answer.status, `${field}: ${answer.text}`).toBe(400);
      expect(answer.json.data.field).toBe(field);
      expect(answer.json.message).toContain(field);
    }
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_phone_calls WHERE called = '${digits}'`)).toEqual([['0']]);
  });
});

async function importLog(admin: Page, csv: string): Promise<void> {
  await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-calls&tab=import`);
  await admin.setInputFiles('#leadtrail-call-log', { name: 'calls.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await Promise.all([admin.waitForURL(/import=\d+/), admin.click('#leadtrail-import-upload-submit')]);
}

describe('the missed-call notice', () => {
  it('is off by default and set on the settings page; a bad address is refused by name', async () => {
    const admin = await adminPage(browser);
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail`);
    expect(await admin.isChecked('#leadtrail_calls_notify_missed')).toBe(false);
    await admin.check('#leadtrail_calls_notify_missed');
    // What a browser's own check of type="email" would stop: the server must refuse it too.
    await admin.$eval('#leadtrail_calls_notify_email', (input) => {
      (input as HTMLInputElement).form!.noValidate = true;
    });
    await admin.fill('#leadtrail_calls_notify_email', 'not an address');
    const notices = await saveSettings(admin);
    expect(notices).toContain('Missed-call e-mail: enter one e-mail address');
    expect([getOption('leadtrail_calls_notify_missed'), getOption('leadtrail_calls_notify_email') ?? '']).toEqual(['1', '']);
    await admin.fill('#leadtrail_calls_notify_email', 'calls@example.com');
    await saveSettings(admin);
    expect(getOption('leadtrail_calls_notify_email')).toBe('calls@example.com');
    setOption('leadtrail_calls_notify_missed', '0');
    await admin.context().close();
  });

  it('with the setting on, a missed call is e-mailed; an answered one is not', async () => {
    setOption('leadtrail_calls_notify_missed', '1');
    setOption('leadtrail_calls_notify_email', 'calls@example.com');
    try {
      const caller = `7912${String(Date.now()).slice(-7)}`;
      const now = Math.floor(Date.now() / 1000);
      await post({ called_number: freshNumber(), caller_number: caller, start_time: now, status: 'missed' });
      await post({ called_number: freshNumber(), caller_number: caller, start_time: now, status: 'answered' });
      await expect.poll(() => caughtMails().split(`Missed call from +${caller}`).length - 1, { timeout: 10_000 }).toBe(1);
      expect(caughtMails()).toContain('calls@example.com');
      // An imported log is history: its missed calls send nothing.
      const admin = await adminPage(browser);
      const imported = `7912${String(Date.now() + 1).slice(-7)}`;
      await importLog(admin, `called,caller,start,status\n${freshNumber()},${imported},${now},missed\n`);
      await admin.click('#leadtrail-import-start');
      await admin.waitForSelector('#leadtrail-import-summary[data-done="1"]');
      expect(sql(`SELECT notify_state FROM wp_leadtrail_phone_calls WHERE caller = '${imported}'`)).toEqual([['none']]);
      await admin.context().close();
    } finally {
      setOption('leadtrail_calls_notify_missed', '0');
    }
  });
});

describe('the call-log import', () => {
  it('maps the columns, previews, imports the good rows attributed and lists the bad ones with reasons; a re-run doubles nothing', async () => {
    const { credentials, digits, now } = await visitHoldingPoolNumber();
    const local = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 19) + 'Z';
    const csv = [
      'calldate;src;dst;billsec;disposition;uniqueid',
      `${local(now)};+7 912 555-02-01;${digits};00:01:05;ANSWERED;imp-${digits}-1`,
      `${local(now)};not a phone;${digits};10;ANSWERED;imp-${digits}-2`,
      `31.12.2026;79125550203;${digits};10;ANSWERED;imp-${digits}-3`,
      `${local(now - 7200)};79125550204;${digits};0;NO ANSWER;imp-${digits}-4`,
      `${local(now)};79125550205;${digits};10;maybe;imp-${digits}-5`,
    ].join('\r\n');
    const admin = await adminPage(browser);
    await importLog(admin, csv);
    // The columns were guessed from the header's names.
    expect(await admin.inputValue('#leadtrail-map-called_number')).toBe('2');
    expect(await admin.inputValue('#leadtrail-map-caller_number')).toBe('1');
    expect(await admin.inputValue('#leadtrail-map-start_time')).toBe('0');
    expect(await admin.inputValue('#leadtrail-map-status')).toBe('4');
    expect(await admin.isChecked('#leadtrail-import-header')).toBe(true);
    const preview = (await admin.textContent('#leadtrail-import-preview-table')) ?? '';
    expect(preview).toContain('yandex');
    expect(preview).toContain('caller_number: not a phone number');
    // Nothing is imported before the button.
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_phone_calls WHERE called = '${digits}'`)).toEqual([['0']]);

    await admin.click('#leadtrail-import-start');
    await admin.waitForSelector('#leadtrail-import-summary[data-done="1"]');
    expect(await admin.textContent('#leadtrail-import-summary')).toContain('2 imported, 0 already there, 3 refused');
    const errors = await admin.$$eval('#leadtrail-import-errors tbody tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(errors.map(([row, field]) => [row, field])).toEqual([
      ['3', 'caller_number'],
      ['4', 'start_time'],
      ['6', 'status'],
    ]);
    expect(errors.every(([, , reason]) => (reason ?? '').length > 5)).toBe(true);
    expect(
      sql(
        `SELECT provider_call_id, attribution, visitor_id, source, duration, answered FROM wp_leadtrail_phone_calls WHERE called = '${digits}' ORDER BY provider_call_id`,
      ),
    ).toEqual([
      [`imp-${digits}-1`, 'session', String(credentials.visitor_id), 'yandex', '65', '1'],
      [`imp-${digits}-4`, 'none', '0', '', '0', '0'],
    ]);

    // Run again (as after an interruption): every good row is already there.
    await admin.click('#leadtrail-import-start');
    await admin.waitForSelector('#leadtrail-import-summary[data-done="1"]');
    expect(await admin.textContent('#leadtrail-import-summary')).toContain('0 imported, 2 already there, 3 refused');
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_phone_calls WHERE called = '${digits}'`)).toEqual([['2']]);

    // The visitor's page lists the call.
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-visitors&visitor=${credentials.visitor_id}`);
    expect(await admin.textContent('#calls')).toContain('(1)');
    await admin.context().close();
  });

  it('a file bigger than a chunk goes in chunks with progress, each row once', async () => {
    const digits = freshNumber();
    const now = Math.floor(Date.now() / 1000);
    const rows = Array.from({ length: 450 }, (_, i) => `${digits},7912${String(1000000 + i)},${now - i * 60},answered`);
    const admin = await adminPage(browser);
    await importLog(admin, ['number,caller,start,status', ...rows].join('\n'));
    await admin.selectOption('#leadtrail-map-called_number', '0');
    await admin.selectOption('#leadtrail-map-caller_number', '1');
    await admin.selectOption('#leadtrail-map-start_time', '2');
    await admin.selectOption('#leadtrail-map-status', '3');
    await Promise.all([admin.waitForURL(/mapped=1/), admin.click('#leadtrail-import-preview')]);
    const chunks: number[] = [];
    admin.on('request', (request) => {
      if (request.url().includes('admin-ajax.php')) chunks.push(1);
    });
    await admin.click('#leadtrail-import-start');
    await admin.waitForSelector('#leadtrail-import-summary[data-done="1"]');
    expect(await admin.textContent('#leadtrail-import-summary')).toContain('450 imported, 0 already there, 0 refused');
    expect(chunks.length).toBe(3);
    expect(await admin.getAttribute('#leadtrail-import-progress', 'value')).toBe('100');
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_phone_calls WHERE called = '${digits}'`)).toEqual([['450']]);
    await admin.context().close();
  });
});

describe('the call-log import of a Russian PBX', () => {
  it('stores a log with Cyrillic text in a request where a lead was written first', () => {
    // Writing a lead turns on the shortcut that answers our tables' charset without asking the
    // database (TableCharset); an upload later in the same request must still be stored.
    const name = `звонки-${freshNumber()}.csv`;
    wpPhp(
      `global $wpdb; LeadTrail\\Storage\\TableCharset::assumeOurs($wpdb);` +
        ` (new LeadTrail\\PhoneCalls\\CallImports($wpdb))->add(1, '${name}', "Дата;Откуда;Куда;Статус\\n");`,
    );
    expect(sql(`SELECT content FROM wp_leadtrail_call_imports WHERE file_name = '${name}'`)).toEqual([['Дата;Откуда;Куда;Статус\n']]);
  });
});

describe('the Calls screen', () => {
  it('lists the calls with filters, searches by phone and exports CSV with formulas neutralised', async () => {
    const digits = freshNumber();
    sql(`INSERT INTO wp_leadtrail_numbers (digits, kind, pool_id, position, label) VALUES ('${digits}', 'static', 0, 1, '=HYPERLINK("http://evil.example")')`);
    const now = Math.floor(Date.now() / 1000);
    const caller = `7913${String(Date.now()).slice(-7)}`;
    expect(
      (
        await post({
          called_number: digits,
          caller_number: caller,
          start_time: now,
          status: 'missed',
          recording_url: 'https://pbx.example.com/r.mp3?a=1&b=<x>',
        })
      ).status,
    ).toBe(201);

    const admin = await adminPage(browser);
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-calls&s=${encodeURIComponent(`+${caller.slice(0, 1)} ${caller.slice(1)}`)}`);
    const rows = admin.locator('#the-list tr');
    expect(await rows.count()).toBe(1);
    const row = (await rows.first().textContent()) ?? '';
    expect(row).toContain(`+${caller}`);
    expect(row).toContain('Missed');
    expect(row).toContain('=HYPERLINK("http://evil.example")');
    // The recording's address is a link escaped for an attribute: no markup gets through.
    const link = await rows.first().locator('a[href^="https://pbx.example.com/"]').getAttribute('href');
    expect(link).toMatch(/^https:\/\/pbx\.example\.com\/r\.mp3\?a=1&b=/);
    expect(link).not.toMatch(/[<>"]/);

    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-calls&s=${caller}&call_status=answered`);
    expect(await admin.locator('#the-list tr.no-items').count()).toBe(1);
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-calls&s=${caller}&call_status=missed&attributed=yes`);
    expect(await admin.locator('#the-list tr').count()).toBe(1);
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-calls&s=${caller}&attributed=no`);
    expect(await admin.locator('#the-list tr.no-items').count()).toBe(1);

    // The status: new until someone marks it processed (a nonce'd row action).
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-calls&s=${caller}`);
    expect(await rows.first().locator('td.column-processing').textContent()).toBe('New');
    await rows.first().hover();
    await Promise.all([admin.waitForURL(/leadtrail_call_status_done=processed/), rows.first().locator('a.leadtrail-call-mark').click()]);
    expect(await admin.textContent('.notice-success')).toContain('The call was marked processed.');
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-calls&s=${caller}&processing=new`);
    expect(await admin.locator('#the-list tr.no-items').count()).toBe(1);
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-calls&s=${caller}&processing=processed`);
    expect(await rows.first().locator('td.column-processing').textContent()).toBe('Processed');
    const forged = await admin.context().request.get(`${siteUrl()}/wp-admin/admin-post.php?action=leadtrail_call_status&call=1&status=new`);
    expect(forged.status(), 'no nonce, no change').toBe(403);

    const href = await admin.getAttribute('#leadtrail-calls-export', 'href');
    const csv = await (await admin.context().request.get(href!)).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`'+${caller}`);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(lines[1]).toContain(',missed,');
    expect(lines[1]).toMatch(/,webhook,processed$/);
    await admin.context().close();
  });

  it('the settings show the token; regenerating it refuses the old one', async () => {
    const admin = await adminPage(browser);
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail`);
    expect(await admin.textContent('#leadtrail-calls-token')).toBe(TOKEN);
    expect(await admin.textContent('#leadtrail-calls-url')).toBe(webhook());
    admin.on('dialog', (dialog) => void dialog.accept());
    await Promise.all([admin.waitForURL(/settings-updated/), admin.click('#leadtrail-calls-token-regenerate')]);
    const fresh = (await admin.textContent('#leadtrail-calls-token')) ?? '';
    expect(fresh).toMatch(/^[A-Za-z0-9]{48}$/);
    expect(fresh).not.toBe(TOKEN);
    const call = { called_number: freshNumber(), caller_number: '79125550109', start_time: Math.floor(Date.now() / 1000), status: 'answered' };
    expect((await post(call)).status).toBe(403);
    expect((await post(call, { authorization: `Bearer ${fresh}` })).status).toBe(201);
    setOption('leadtrail_calls_token', TOKEN);
    await admin.context().close();
  });

  it('a subscriber gets nothing: not the screen, not the export, not the import', async () => {
    const login = `calls_subscriber_${Date.now()}`;
    sql(`INSERT INTO wp_users (user_login, user_pass, user_nicename, user_email, user_registered, display_name)
      VALUES ('${login}', MD5('subscriber-pass'), '${login}', '${login}@example.com', NOW(), '${login}')`);
    const id = sql(`SELECT ID FROM wp_users WHERE user_login = '${login}'`)[0]![0];
    sql(
      `INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES (${id}, 'wp_capabilities', 'a:1:{s:10:"subscriber";b:1;}'), (${id}, 'wp_user_level', '0')`,
    );
    const page = await (await browser.newContext()).newPage();
    await logIn(page, login, 'subscriber-pass');

    const screen = await page.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-calls`);
    expect(screen?.status()).toBe(403);
    const exported = await page.context().request.get(`${siteUrl()}/wp-admin/admin-post.php?action=leadtrail_export_calls`);
    expect(exported.status()).toBe(403);
    expect(await exported.text()).not.toContain('Caller');
    const chunk = await page.context().request.post(`${siteUrl()}/wp-admin/admin-ajax.php`, { form: { action: 'leadtrail_calls_import_chunk', import: '1' } });
    expect(chunk.status()).toBe(403);
    const regenerate = await page.context().request.get(`${siteUrl()}/wp-admin/admin-post.php?action=leadtrail_regenerate_calls_token`);
    expect(regenerate.status()).toBe(403);
    expect(sql("SELECT option_value FROM wp_options WHERE option_name = 'leadtrail_calls_token'")).toEqual([[TOKEN]]);
    await page.context().close();
  });
});

describe('privacy and retention', () => {
  it("a visitor's calls are in its personal data export and go with its erasure", async () => {
    const email = `caller-${Date.now()}@example.com`;
    const { credentials, digits, now } = await visitHoldingPoolNumber(email);
    const caller = `7914${String(Date.now()).slice(-7)}`;
    expect((await post({ called_number: digits, caller_number: caller, start_time: now, status: 'answered', duration: 42 })).json).toMatchObject({
      attribution: 'session',
      visitor_id: credentials.visitor_id,
    });

    const admin = await adminPage(browser);
    const { report } = await downloadExport(admin, email);
    const items = Object.values(report['leadtrail-calls']?.items ?? {}).map(fields);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ Caller: `+${caller}`, 'Number called': `+${digits}`, Status: 'Answered', Source: 'yandex', 'Duration (s)': '42' });

    await erase(admin, email);
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_phone_calls WHERE visitor_id = ${credentials.visitor_id}`)).toEqual([['0']]);
    await admin.context().close();
  });

  it('retention keeps calls, and the visitor a call belongs to, like the other leads', async () => {
    const { credentials, digits, now } = await visitHoldingPoolNumber();
    expect((await post({ called_number: digits, caller_number: '79125550110', start_time: now, status: 'missed' })).status).toBe(201);
    const id = credentials.visitor_id;
    const back = (column: string) => `${column} = ${column} - INTERVAL 40 DAY`;
    sql(`UPDATE wp_leadtrail_hits SET ${back('created_at')} WHERE visitor_id = ${id}`);
    sql(`UPDATE wp_leadtrail_sessions SET ${back('started_at')}, ${back('last_hit_at')} WHERE visitor_id = ${id}`);
    sql(`UPDATE wp_leadtrail_phone_calls SET ${back('started_at')}, ${back('created_at')} WHERE visitor_id = ${id}`);
    sql(`UPDATE wp_leadtrail_visitors SET ${back('created_at')}, ${back('last_seen_at')} WHERE id = ${id}`);
    setOption('leadtrail_retention_days', '30');
    await runDailyEvent('leadtrail_prune_tracking');
    setOption('leadtrail_retention_days', '0');
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_sessions WHERE visitor_id = ${id}`), 'the old visit goes').toEqual([['0']]);
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_phone_calls WHERE visitor_id = ${id}`), 'the call stays').toEqual([['1']]);
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_visitors WHERE id = ${id}`), 'and so does its visitor').toEqual([['1']]);
  });
});
