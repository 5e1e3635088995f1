// Visitor calls: the vendor's documented examples for events, visitor info and properties, pasted verbatim into a
// page of the harness WordPress, do what the page says (A1, A14-A19, R8); and A15's tracker URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { newVisitor, runLogged } from './lib/visitor';
import { sql } from './lib/wp';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('events (A1)', () => {
  it("Comagic.trackEvent('Offer', 'DownloadBook', 'CallTrackingBook', 'value') is recorded with the visitor, session and hit", async () => {
    const { context, page, credentials } = await newVisitor(browser);
    await page.addScriptTag({ content: "Comagic.trackEvent('Offer', 'DownloadBook', 'CallTrackingBook', 'value');" });
    await expect
      .poll(() =>
        sql(`SELECT visitor_id, session_id, hit_id, category, action, name, value FROM wp_leadtrail_events WHERE visitor_id = ${credentials.visitor_id}`),
      )
      .toEqual([
        [String(credentials.visitor_id), String(credentials.session_id), String(credentials.hit_id), 'Offer', 'DownloadBook', 'CallTrackingBook', 'value'],
      ]);
    await context.close();
  });

  it('name and value are optional', async () => {
    const { context, page, credentials } = await newVisitor(browser);
    await page.evaluate(() => (window as any).Comagic.trackEvent('Тариф', 'Открыл'));
    await expect
      .poll(() =>
        sql(`SELECT category, action, COALESCE(name, 'NULL'), COALESCE(value, 'NULL') FROM wp_leadtrail_events WHERE visitor_id = ${credentials.visitor_id}`),
      )
      .toEqual([['Тариф', 'Открыл', expect.stringMatching(/^(|NULL)$/), expect.stringMatching(/^(|NULL)$/)]]);
    await context.close();
  });
});

describe('visitor info (A14)', () => {
  it("the seed's example answers {success: true} and stores name, phone and e-mail", async () => {
    const { context, page, credentials } = await newVisitor(browser);
    const answer = await runLogged(
      page,
      "Comagic.addVisitorInfo({name:'Test', phone:'79000000000', email:'myemail@axample.com'},function(resp){console.log(resp)})",
    );
    expect(answer).toEqual({ success: true });
    expect(sql(`SELECT name FROM wp_leadtrail_visitors WHERE id = ${credentials.visitor_id}`)).toEqual([['Test']]);
    expect(sql(`SELECT kind, normalized FROM wp_leadtrail_contacts WHERE visitor_id = ${credentials.visitor_id} ORDER BY kind`)).toEqual([
      ['email', 'myemail@axample.com'],
      ['phone', '79000000000'],
    ]);
    await context.close();
  });

  it('overwrites the name, adds each phone and e-mail once, ignores other keys', async () => {
    const { context, page, credentials } = await newVisitor(browser);
    const answers = await page.evaluate(async () => {
      const C = (window as any).Comagic;
      return [
        await C.addVisitorInfo({ name: 'Первое', phone: '+7 (900) 000-00-01' }),
        await C.addVisitorInfo({ name: 'Второе', phone: '79000000001', email: 'a@example.com' }),
        await C.addVisitorInfo({ email: 'b@example.com', company: 'ignored' }),
        await C.addVisitorInfo({ company: 'only an unknown key' }),
      ];
    });
    expect(answers.slice(0, 3)).toEqual([{ success: true }, { success: true }, { success: true }]);
    expect(answers[3]).toMatchObject({ success: false, result: { code: 'missing_contact' } });
    expect(sql(`SELECT name FROM wp_leadtrail_visitors WHERE id = ${credentials.visitor_id}`)).toEqual([['Второе']]);
    expect(sql(`SELECT kind, normalized FROM wp_leadtrail_contacts WHERE visitor_id = ${credentials.visitor_id} ORDER BY kind, normalized`)).toEqual([
      ['email', 'a@example.com'],
      ['email', 'b@example.com'],
      ['phone', '79000000001'],
    ]);
    await context.close();
  });
});

describe('properties (A16-A19)', () => {
  it("the seed's examples round-trip exactly, with the documented callback shapes", async () => {
    const { context, page, credentials } = await newVisitor(browser);
    await page.addScriptTag({ content: "Comagic.setProperty('Тип посетителя', 'Потенциальный');\nComagic.setProperty('Действующий клиент');" });
    await expect.poll(() => sql(`SELECT COUNT(*) FROM wp_leadtrail_properties WHERE visitor_id = ${credentials.visitor_id}`)).toEqual([['2']]);

    expect(await runLogged(page, "Comagic.hasProperty('Действующий клиент', function(resp){console.log(resp)});")).toEqual({ success: true, result: true });
    expect(await runLogged(page, "Comagic.getProperty('Действующий клиент', function(resp){console.log(resp)});")).toEqual({ success: true, result: true });
    expect(await runLogged(page, "var callback = function(resp){console.log(resp)};\nComagic.getProperty('Тип посетителя', callback);")).toEqual({
      success: true,
      result: 'Потенциальный',
    });
    expect(await runLogged(page, "var callback = function(resp){console.log(resp)};\nComagic.getProperty('Тип клиента', callback);")).toEqual({
      success: true,
      result: false,
    });

    await page.addScriptTag({ content: "Comagic.deleteProperty('Тип посетителя');" });
    await expect
      .poll(() => runLogged(page, "Comagic.hasProperty('Тип посетителя', function(resp){console.log(resp)});"))
      .toEqual({ success: true, result: false });
    expect(sql(`SELECT name FROM wp_leadtrail_properties WHERE visitor_id = ${credentials.visitor_id}`)).toEqual([['Действующий клиент']]);
    await context.close();
  });

  it('names and values in any script, and a changed value, round-trip exactly; Promises equal the callbacks (R8)', async () => {
    const { context, page } = await newVisitor(browser);
    const samples: Array<[string, string]> = [
      ['名前', '値 🚀'],
      ['Ελληνικά', 'Ωμέγα'],
      ['quote\'s "and" <b>', '\\ back\nslash'],
      ['x'.repeat(255), 'y'.repeat(4096)],
    ];
    const results = await page.evaluate(async (pairs) => {
      const C = (window as any).Comagic;
      const out = [];
      for (const [name, value] of pairs) {
        await C.setProperty(name, 'first');
        await C.setProperty(name, value);
        const viaCallback = await new Promise((resolve) => C.getProperty(name, resolve));
        out.push([viaCallback, await C.getProperty(name), await C.hasProperty(name)]);
      }
      return out;
    }, samples);
    results.forEach(([viaCallback, viaPromise, has], i) => {
      expect(viaCallback).toEqual({ success: true, result: samples[i]![1] });
      expect(viaPromise).toEqual(viaCallback);
      expect(has).toEqual({ success: true, result: true });
    });
    await context.close();
  });
});

describe('the tracker endpoint (A15, F3)', () => {
  it("the seed's URL form works from a server with no browser; s=1 answers only success", async () => {
    const { context, credentials } = await newVisitor(browser);
    await context.close();
    const base = `${credentials.consultant_server_url}vc/s/`;
    const seedForm = `${base}?sk=${credentials.site_key}&ci=${credentials.comagic_id}&hi=${credentials.hit_id}&vn=new_user`;
    const full = await fetch(seedForm);
    expect(full.status).toBe(200);
    expect((await full.json()).success).toBe(true);
    expect(sql(`SELECT name FROM wp_leadtrail_visitors WHERE id = ${credentials.visitor_id}`)).toEqual([['new_user']]);

    const short = await fetch(
      `${base}?k=${credentials.site_key}&ci=${credentials.comagic_id}&vp=${encodeURIComponent('+7 912 000-11-22')}&ve=tracker@example.com&ur=${encodeURIComponent('https://example.com/page')}&s=1`,
    );
    expect(short.status).toBe(200);
    expect(await short.text()).toBe('{"success":true}');
    expect(sql(`SELECT kind, normalized FROM wp_leadtrail_contacts WHERE visitor_id = ${credentials.visitor_id} ORDER BY kind`)).toEqual([
      ['email', 'tracker@example.com'],
      ['phone', '79120001122'],
    ]);
  });

  it('refuses a wrong site key or a bad parameter, naming it; answers ids that do not fit as ids that do, writing nothing', async () => {
    const a = await newVisitor(browser);
    const b = await newVisitor(browser);
    await a.context.close();
    await b.context.close();
    const base = `${a.credentials.consultant_server_url}vc/s/`;
    const forged = `${a.credentials.visitor_id}.${b.credentials.session_id}.${a.credentials.comagic_id.split('.')[2]}`;
    const cases: Array<[string, string]> = [
      [`?sk=${'Q'.repeat(32)}&ci=${a.credentials.comagic_id}&vn=x`, 'sk'],
      [`?sk=${a.credentials.site_key}&ci=not-an-id&vn=x`, 'ci'],
      [`?sk=${a.credentials.site_key}&ci=${a.credentials.comagic_id}&ve=not-an-email`, 've'],
    ];
    for (const [query, field] of cases) {
      const response = await fetch(base + query);
      expect(response.status, query).toBeGreaterThanOrEqual(400);
      expect(response.status, query).toBeLessThan(500);
      expect(await response.json(), query).toMatchObject({ success: false, result: { field } });
    }
    for (const query of [
      `?sk=${a.credentials.site_key}&ci=${forged}&vn=x&s=1`,
      `?sk=${a.credentials.site_key}&ci=${a.credentials.comagic_id}&hi=${b.credentials.hit_id}&vn=x&s=1`,
    ]) {
      const response = await fetch(base + query);
      expect([response.status, await response.text()], query).toEqual([200, '{"success":true}']);
    }
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_contacts WHERE visitor_id IN (${a.credentials.visitor_id}, ${b.credentials.visitor_id})`)).toEqual([['0']]);
    expect(sql(`SELECT COALESCE(name, '') FROM wp_leadtrail_visitors WHERE id = ${a.credentials.visitor_id}`)).toEqual([['']]);
  });
});
