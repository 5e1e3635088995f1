// Lead requests. The vendor's documented examples for A4 (verbatim) and A6 (its form fields), the
// demo page's three forms driven by the browser, the Requests screen, refusals, and "once only".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { demoUrl, newVisitor, openReadyPage, runLogged } from './lib/visitor';
import { postRaw, requestId, tokenOf, identity, entryPoints } from './lib/api';
import { caughtMails, logInAsAdmin, setClockOffset, setOption, siteUrl, sql } from './lib/wp';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  // The seed's first example names group 1234; every request of this suite comes from 127.0.0.1.
  setOption('leadtrail_request_groups', JSON.stringify([{ id: 1234, name: 'Продажи', email: 'sales@example.com' }]));
  setOption('leadtrail_test_request_limit', '100000');
});
afterAll(async () => {
  await browser?.close();
});

const requestsOf = (visitorId: number, columns = "name, email, phone, message, is_sale, sale_cost, COALESCE(group_id, ''), COALESCE(form_name, ''), source") =>
  sql(`SELECT ${columns} FROM wp_leadtrail_requests WHERE visitor_id = ${visitorId} ORDER BY id`);

const seedExamples: Array<[string, string, string[]]> = [
  [
    'a plain request with a group',
    `Comagic.addOfflineRequest({
  name: 'Дмитрий',
  email: 'dmitry@comagic.ru',
  phone: '79123456789',
  message: 'Текст заявки...',
  group_id: 1234
});`,
    ['Дмитрий', 'dmitry@comagic.ru', '79123456789', 'Текст заявки...', '0', expect.stringMatching(/^(0(\.00)?|NULL|)$/) as unknown as string, '1234', '', 'js'],
  ],
  [
    'a request that led to a sale',
    `Comagic.addOfflineRequest({
  name: 'Дмитрий',
  email: 'dmitry@comagic.ru',
  phone: '79123456789',
  message: 'Онлайн заказ...',
  is_sale: true,
  sale_cost: '9999'
});`,
    ['Дмитрий', 'dmitry@comagic.ru', '79123456789', 'Онлайн заказ...', '1', '9999.00', '', '', 'js'],
  ],
  [
    'a request with a form name',
    "Comagic.addOfflineRequest({name: 'Дмитрий', email: 'dmitry@comagic.ru', phone: '79123456789', form_name: 'Название заявки', message: 'Текст заявки...'});",
    [
      'Дмитрий',
      'dmitry@comagic.ru',
      '79123456789',
      'Текст заявки...',
      '0',
      expect.stringMatching(/^(0(\.00)?|NULL|)$/) as unknown as string,
      '',
      'Название заявки',
      'js',
    ],
  ],
];

describe('addOfflineRequest (A4), the seed examples verbatim', () => {
  for (const [label, code, row] of seedExamples) {
    it(label, async () => {
      const { context, page, credentials } = await newVisitor(browser);
      await page.addScriptTag({ content: code });
      await expect.poll(() => requestsOf(credentials.visitor_id)).toEqual([row]);
      await context.close();
    });
  }

  it('the callback example gets {success: true, result: null}', async () => {
    const { context, page, credentials } = await newVisitor(browser);
    const answer = await runLogged(page, 'Comagic.addOfflineRequest({"name": "My Name Is"}, function(o) {console.log(o);});');
    expect(answer).toEqual({ success: true, result: null });
    expect(requestsOf(credentials.visitor_id, 'name, hit_id, session_id')).toEqual([
      ['My Name Is', String(credentials.hit_id), String(credentials.session_id)],
    ]);
    await context.close();
  });

  it('sale_cost without is_sale is refused naming is_sale (R5), and user_fields are kept (F2)', async () => {
    const { context, page, credentials } = await newVisitor(browser);
    const answers = await page.evaluate(async () => {
      const C = (window as any).Comagic;
      return [
        await C.addOfflineRequest({ name: 'Без продажи', sale_cost: '100' }),
        await C.addOfflineRequest({ name: 'Поля', user_fields: { Город: 'Москва', Размер: 42 } }),
      ];
    });
    expect(answers[0]).toMatchObject({ success: false, result: { code: 'invalid_is_sale', field: 'is_sale' } });
    expect(answers[1]).toEqual({ success: true, result: null });
    const [fields] = requestsOf(credentials.visitor_id, 'user_fields');
    expect(JSON.parse(fields![0]!)).toEqual({ Город: 'Москва', Размер: '42' });
    await context.close();
  });
});

/** A6's two entry points: `{server}` (the plugin's server/ folder, on the lean endpoint) and the REST route, the earlier `{server}`. */
const offlineMessage = {
  server: () => `${siteUrl()}/wp-content/plugins/leadtrail/server/api/add_offline_message/`,
  rest: () => `${siteUrl()}/wp-json/leadtrail/v1/api/add_offline_message/`,
};

async function postForm(fields: Record<string, string>, url = offlineMessage.server()) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, body: await response.json() };
}

describe.each(['server', 'rest'] as const)('POST api/add_offline_message/ (A6, F1) at %s', (entry) => {
  it("the seed's form data, with this site's credentials, answers {success: true}", async () => {
    const { context, credentials } = await newVisitor(browser);
    await context.close();
    expect(credentials.consultant_server_url).toBe(`${siteUrl()}/wp-content/plugins/leadtrail/server/`);
    const answer = await postForm(
      {
        site_key: credentials.site_key,
        visitor_id: String(credentials.visitor_id),
        hit_id: String(credentials.hit_id),
        session_id: String(credentials.session_id),
        name: 'John Smith',
        email: 'no@email.adr',
        phone: '+79251234567',
        text: 'Hello, world!',
        is_sale: 'true',
        sale_cost: '10000',
      },
      offlineMessage[entry](),
    );
    expect(answer).toEqual({ status: 200, body: { success: true } });
    expect(requestsOf(credentials.visitor_id, 'name, email, phone, message, is_sale, sale_cost, source')).toEqual([
      ['John Smith', 'no@email.adr', '+79251234567', 'Hello, world!', '1', '10000.00', 'server'],
    ]);
  });

  it('accepts key and uri (F1), refuses a wrong key or bad fields writing nothing, and keeps a lead whose ids do not fit with no visitor', async () => {
    const a = await newVisitor(browser);
    const b = await newVisitor(browser);
    await a.context.close();
    await b.context.close();
    const base = { visitor_id: String(a.credentials.visitor_id), session_id: String(a.credentials.session_id), name: 'F1' };
    expect(await postForm({ ...base, key: a.credentials.site_key, uri: 'https://example.com/contact', text: 'via key' }, offlineMessage[entry]())).toEqual({
      status: 200,
      body: { success: true },
    });
    expect(requestsOf(a.credentials.visitor_id, 'page_url')).toEqual([['https://example.com/contact']]);

    const refusals: Array<[Record<string, string>, number, string]> = [
      [{ ...base, site_key: 'W'.repeat(32), text: 'x' }, 403, 'site_key'],
      [{ ...base, site_key: a.credentials.site_key, visitor_id: 'abc', text: 'x' }, 400, 'visitor_id'],
      [{ site_key: a.credentials.site_key, name: 'no ids' }, 400, 'visitor_id'],
      [{ ...base, site_key: a.credentials.site_key, email: 'not-an-email' }, 400, 'email'],
      [{ ...base, site_key: a.credentials.site_key, text: 't'.repeat(20_000) }, 400, 'text'],
      [{ ...base, site_key: a.credentials.site_key, sale_cost: '5' }, 400, 'is_sale'],
    ];
    for (const [fields, status, field] of refusals) {
      const answer = await postForm(fields, offlineMessage[entry]());
      expect(answer.status, JSON.stringify(fields).slice(0, 120)).toBe(status);
      expect(answer.body).toMatchObject({ success: false, result: { field } });
    }
    expect(requestsOf(a.credentials.visitor_id, 'COUNT(*)')).toEqual([['1']]);
    expect(requestsOf(b.credentials.visitor_id, 'COUNT(*)')).toEqual([['0']]);

    // Ids that do not fit are answered as ids that do (the answer must not tell which exist).
    const misfits: Array<Record<string, string>> = [{ session_id: String(b.credentials.session_id) }, { hit_id: String(b.credentials.hit_id) }];
    for (const [index, misfit] of misfits.entries()) {
      const text = `misfit ${index} ${a.credentials.visitor_id}`;
      expect(await postForm({ ...base, site_key: a.credentials.site_key, ...misfit, text })).toEqual({ status: 200, body: { success: true } });
      expect(sql(`SELECT visitor_id, session_id, hit_id FROM wp_leadtrail_requests WHERE message = '${text}'`)).toEqual([['0', '0', '0']]);
    }
  });

  it('invalid UTF-8, a 2 MB body and bad JSON get clear refusals, never a 500', async () => {
    const url = offlineMessage[entry]();
    const bad = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'site_key=x&name=%FF%FE' });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    const huge = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `name=${'x'.repeat(2 * 1024 * 1024)}`,
    });
    expect([400, 413]).toContain(huge.status);
    const json = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":' });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ success: false, result: { code: 'invalid_json', field: 'body' } });
  });
});

describe('the demo page, driven by the browser', () => {
  it('the AJAX form (addOfflineRequest), the classic send.php form and the jQuery form each record one request', async () => {
    const context = await browser.newContext();
    const { page, credentials } = await openReadyPage(context);

    await page.fill('#demo-ajax-request [name=name]', 'Аякс');
    await page.fill('#demo-ajax-request [name=phone]', '+7 (912) 345-67-89');
    await page.click('#demo-ajax-submit');
    await expect.poll(() => page.textContent('#demo-ajax-result')).toBe('{"success":true,"result":null}');

    await page.fill('#demo-jquery-form [name=name]', 'Джейквери');
    await page.fill('#demo-jquery-form [name=text]', 'Через beforeSend');
    await page.click('#demo-jquery-submit');
    await expect.poll(() => page.getAttribute('#demo-jquery-result', 'data-status')).toBe('200');

    await page.fill('#demo-classic-form [name=name]', 'Классика');
    await page.fill('#demo-classic-form [name=email]', 'classic@example.com');
    await Promise.all([page.waitForURL(/demo_form=classic/), page.click('#demo-classic-submit')]);
    expect(await page.getAttribute('#demo-classic-result', 'data-result')).toBe('ok');

    expect(requestsOf(credentials.visitor_id, 'name, source, session_id')).toEqual([
      ['Аякс', 'js', String(credentials.session_id)],
      ['Джейквери', 'server', String(credentials.session_id)],
      ['Классика', 'server', String(credentials.session_id)],
    ]);
    await context.close();
  });
});

describe('the Requests screen', () => {
  it('lists each request with its visitor, session source and form name; hostile text is escaped', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const context = await browser.newContext();
    const { page, credentials } = await openReadyPage(context, `${demoUrl()}?utm_source=req-src&utm_medium=cpc&utm_campaign=req-camp`);
    await page.evaluate(
      (h) => (window as any).Comagic.addOfflineRequest({ name: h, message: "'; DROP TABLE wp_leadtrail_requests; --", form_name: 'Форма на экране' }),
      hostile,
    );
    await expect.poll(() => requestsOf(credentials.visitor_id, 'id')).toHaveLength(1);
    const [[id]] = requestsOf(credentials.visitor_id, 'id') as [[string]];
    await context.close();

    const admin = await (await browser.newContext()).newPage();
    await logInAsAdmin(admin);
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-requests&form=${encodeURIComponent('Форма на экране')}`);
    let text = (await admin.textContent('#wpbody-content')) ?? '';
    expect(text).toContain(hostile);
    expect(text).toContain('Форма на экране');
    await admin.goto(`${siteUrl()}/wp-admin/admin.php?page=leadtrail-requests&request=${id}`);
    text = (await admin.textContent('#wpbody-content')) ?? '';
    for (const expected of [hostile, String(credentials.visitor_id), 'req-src', 'cpc', 'req-camp', '/leadtrail-demo/', 'DROP TABLE']) {
      expect(text).toContain(expected);
    }
    expect(await admin.evaluate(() => (window as any).__pwned)).toBeUndefined();
  });
});

describe('once only', () => {
  it('the same submission from the browser and the server, and a double click, is recorded once', async () => {
    const { context, page, credentials } = await newVisitor(browser);
    await page.evaluate(async () => {
      const C = (window as any).Comagic;
      const req = { name: 'Дубль', phone: '79001234567', message: 'Один раз' };
      await Promise.all([C.addOfflineRequest(req), C.addOfflineRequest({ ...req })]);
    });
    expect(
      await postForm({
        site_key: credentials.site_key,
        visitor_id: String(credentials.visitor_id),
        session_id: String(credentials.session_id),
        name: 'Дубль',
        phone: '+7 900 123-45-67',
        text: 'Один раз',
      }),
    ).toEqual({ status: 200, body: { success: true } });
    expect(requestsOf(credentials.visitor_id, 'COUNT(*)')).toEqual([['1']]);
    await context.close();
  });

  it('a request sent offline reaches the server once when the browser is back', async () => {
    const { context, page, credentials } = await newVisitor(browser);
    await context.setOffline(true);
    const answer = page.evaluate(() => (window as any).Comagic.addOfflineRequest({ name: 'Офлайн', email: 'offline@example.com' }));
    await page.waitForTimeout(1000);
    expect(requestsOf(credentials.visitor_id, 'COUNT(*)')).toEqual([['0']]);
    await context.setOffline(false);
    expect(await answer).toEqual({ success: true, result: null });
    await page.waitForTimeout(500);
    expect(requestsOf(credentials.visitor_id, 'name')).toEqual([['Офлайн']]);
    await context.close();
  });

  it('the same request_id sent to both entry points is applied once', async () => {
    const v = await newVisitor(browser);
    const token = await tokenOf(v.context);
    await v.context.close();
    const body = JSON.stringify({ ...identity(v.credentials, token), request_id: requestId(), name: 'Идемпотентность' });
    const answers = [];
    for (const [, url] of entryPoints('request')) answers.push(await postRaw(url, body));
    expect(answers.map((a) => a.body)).toEqual([
      { success: true, result: null },
      { success: true, result: null },
    ]);
    expect(requestsOf(v.credentials.visitor_id, 'COUNT(*)')).toEqual([['1']]);
  });
});

describe('spam protection', () => {
  it('a filled honeypot is answered like a success and records nothing; over the rate limit is a 429', async () => {
    const v = await newVisitor(browser);
    const token = await tokenOf(v.context);
    await v.context.close();
    const [, lean] = entryPoints('request')[0]!;
    const send = (fields: Record<string, unknown>) => postRaw(lean, JSON.stringify({ ...identity(v.credentials, token), request_id: requestId(), ...fields }));
    expect((await send({ name: 'Бот', leadtrail_hp: 'http://spam.example' })).body).toEqual({ success: true, result: null });
    expect(requestsOf(v.credentials.visitor_id, 'COUNT(*)')).toEqual([['0']]);
    // Every test posts from 127.0.0.1: move the test clock past both rate windows for a fresh count.
    setClockOffset(6 * 3600);
    setOption('leadtrail_test_request_limit', '2');
    try {
      expect((await send({ name: 'Первый' })).status).toBe(200);
      expect((await send({ name: 'Второй' })).status).toBe(200);
      const third = await send({ name: 'Третий' });
      expect(third.status).toBe(429);
      expect(third.body).toMatchObject({ success: false, result: { code: 'rate_limited' } });
    } finally {
      setOption('leadtrail_test_request_limit', '100000');
      setClockOffset(0);
    }
    expect(requestsOf(v.credentials.visitor_id, 'name')).toEqual([['Первый'], ['Второй']]);
  });
});

describe('e-mail notices', () => {
  const mails = caughtMails;
  let admin: import('playwright-core').Page;
  // Leads recorded by the lean endpoint are mailed on the next full WordPress load (wp-admin here).
  const runCron = async () => {
    admin ??= await (await browser.newContext()).newPage();
    if (!admin.url().includes('/wp-admin/')) await logInAsAdmin(admin);
    await admin.goto(`${siteUrl()}/wp-admin/`);
  };

  it('each new request e-mails the site admin (wp_mail), and nothing when the setting is off', async () => {
    const { context, page } = await newVisitor(browser);
    const marker = `Уведомление ${Date.now()}`;
    await page.evaluate((m) => (window as any).Comagic.addOfflineRequest({ name: m, email: 'lead@example.com' }), marker);
    await expect
      .poll(
        async () => {
          await runCron();
          return mails();
        },
        { timeout: 20_000 },
      )
      .toContain(marker);
    expect(mails()).toContain('admin@example.com');

    setOption('leadtrail_notify_admin', '0');
    try {
      const silent = `Без письма ${Date.now()}`;
      await page.evaluate((m) => (window as any).Comagic.addOfflineRequest({ name: m, phone: '79005554433' }), silent);
      await runCron();
      await page.waitForTimeout(1500);
      await runCron();
      expect(mails()).not.toContain(silent);
    } finally {
      setOption('leadtrail_notify_admin', '1');
    }
    await context.close();
  });
});
