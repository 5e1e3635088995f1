// WordPress's privacy tools over LeadTrail's data (DESIGN.md, "Safety lines"): an admin exports and
// then erases, by e-mail address, what LeadTrail holds about one person, through Tools > Export /
// Erase Personal Data as the screens do it; another visitor's rows stay.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { downloadExport, erase, fields } from './lib/privacy';
import { newVisitor } from './lib/visitor';
import { keepOptions, logInAsAdmin, setOption, siteUrl, sql } from './lib/wp';

// The address as the person gives it to the admin; the leads carry it in other cases and spaces.
const email = `anna.privacy.${Date.now()}@example.com`;
// Page views of Anna beyond the first: more than one export page and one eraser call hold.
const extraHits = 1500;

type Visitor = { id: number; sessionId: number };
let browser: Browser;
let restoreOptions: () => void;
let anna: Visitor; // a lead with the address
let annaAtWork: Visitor; // the address given as a contact only
let boris: Visitor; // another person, whose lead's address merely contains Anna's
// A form Anna sent with no visitor (no consent, no JavaScript): captured on the server, visitor 0.
const anonymousMessage = `Без отслеживания ${Date.now()}`;
let anonymousRequest: number;
const requestIdOf = (visitor: Visitor) => Number(sql(`SELECT id FROM wp_leadtrail_requests WHERE visitor_id = ${visitor.id}`)[0]![0]);

async function visitorDoing(action: (C: any, address: string) => Promise<unknown>, address = email): Promise<Visitor> {
  const { context, page, credentials } = await newVisitor(browser);
  const answers = (await page.evaluate(`(${action.toString()})(window.Comagic, ${JSON.stringify(address)})`)) as unknown[];
  for (const answer of answers) expect(answer).toMatchObject({ success: true });
  await context.close();
  return { id: credentials.visitor_id, sessionId: credentials.session_id };
}

beforeAll(async () => {
  browser = await launchBrowser();
  restoreOptions = keepOptions(['leadtrail_test_request_limit']);
  setOption('leadtrail_test_request_limit', '100000');

  anna = await visitorDoing(async (C, address) => [
    await C.addOfflineRequest({ name: 'Анна', email: ` ${address.toUpperCase()} `, phone: '79001112233', message: 'Перезвоните после обеда' }),
    await C.setProperty('Тариф', 'Премиум'),
  ]);
  annaAtWork = await visitorDoing(async (C, address) => [await C.addVisitorInfo({ name: 'Анна Петровна', email: address, phone: '79005556677' })]);
  boris = await visitorDoing(async (C, address) => [
    await C.addOfflineRequest({ name: 'Борис', email: `boris.${address}`, message: 'Нужен счёт' }),
    await C.addVisitorInfo({ phone: '79009998877' }),
    await C.setProperty('Тариф', 'Базовый'),
  ]);
  const posted = await fetch(`${siteUrl()}/`, {
    method: 'POST',
    body: new URLSearchParams({ leadtrail_form: 'Privacy form', fio: 'Анна', email, message: anonymousMessage }),
  });
  expect(posted.status).toBe(200);
  anonymousRequest = Number(sql(`SELECT id FROM wp_leadtrail_requests WHERE visitor_id = 0 AND message = '${anonymousMessage}'`)[0]![0]);
  expect(anonymousRequest).toBeGreaterThan(0);
  sql(
    // Hit ids are drawn at random by the plugin (docs/contracts.md, "Ids"); these rows take a run of
    // ids from a random start (MariaDB's RAND() has about 2^30 values: 1500 draws may repeat one).
    `INSERT INTO wp_leadtrail_hits (id, visitor_id, session_id, created_at, url, title)
      SELECT ${2 ** 32 + crypto.randomInt(2 ** 47) * 32} + seq, ${anna.id}, ${anna.sessionId}, UTC_TIMESTAMP(), CONCAT('${siteUrl()}/catalog/?item=', seq), CONCAT('Товар ', seq) FROM seq_1_to_${extraHits}`,
  );
  // Cloud mode's outbox: Anna's lead already reached CoMagic; Boris's still waits.
  const outbox = (visitor: Visitor, state: string) =>
    `(${requestIdOf(visitor)}, 'https://server.comagic.ru/api/add_offline_message/', '{}', '${state}', 1, UNIX_TIMESTAMP(), UNIX_TIMESTAMP())`;
  sql(
    `INSERT INTO wp_leadtrail_outbox (request_id, target, payload, state, attempts, next_try_at, created_at) VALUES ${outbox(anna, 'delivered')}, ${outbox(boris, 'pending')}`,
  );
});

afterAll(async () => {
  restoreOptions?.();
  await browser?.close();
});

/** The rows of each LeadTrail table that belong to `visitor`. */
function rowsOf(visitor: Visitor): Record<string, number> {
  const tables = ['visitors', 'sessions', 'hits', 'events', 'contacts', 'properties', 'requests'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = Number(sql(`SELECT COUNT(*) FROM wp_leadtrail_${table} WHERE ${table === 'visitors' ? 'id' : 'visitor_id'} = ${visitor.id}`)[0]![0]);
  }
  return counts;
}

describe('Tools > Export Personal Data', () => {
  it("downloads a file with the LeadTrail data of the address's visitors, and nothing of another visitor", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await logInAsAdmin(page);
    const { report, files } = await downloadExport(page, email);

    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'leadtrail-visitors',
        'leadtrail-contacts',
        'leadtrail-requests',
        'leadtrail-properties',
        'leadtrail-sessions',
        'leadtrail-hits',
      ]),
    );
    expect(Object.keys(report['leadtrail-visitors']!.items).sort()).toEqual([`leadtrail-visitor-${anna.id}`, `leadtrail-visitor-${annaAtWork.id}`].sort());
    expect(fields(report['leadtrail-visitors']!.items[`leadtrail-visitor-${annaAtWork.id}`])).toMatchObject({
      'Visitor ID': String(annaAtWork.id),
      Name: 'Анна Петровна',
    });

    const requests = Object.values(report['leadtrail-requests']!.items).map(fields);
    expect(requests).toHaveLength(2);
    expect(requests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          'Visitor ID': String(anna.id),
          Name: 'Анна',
          'E-mail': ` ${email.toUpperCase()} `,
          Phone: '79001112233',
          Message: 'Перезвоните после обеда',
          Source: 'js',
          'Forwarded to CoMagic': 'Delivered',
        }),
      ]),
    );
    // The lead with no visitor is hers too, found by its address alone.
    const anonymous = requests.find((r) => r.Message === anonymousMessage);
    expect(anonymous).toMatchObject({ Name: 'Анна', 'E-mail': email, Source: 'form' });
    expect(anonymous).not.toHaveProperty('Visitor ID');
    expect(Object.values(report['leadtrail-contacts']!.items).map(fields)).toEqual(
      expect.arrayContaining([expect.objectContaining({ Kind: 'E-mail', Value: email }), expect.objectContaining({ Kind: 'Phone', Value: '79005556677' })]),
    );
    expect(Object.values(report['leadtrail-properties']!.items).map(fields)).toEqual([expect.objectContaining({ Name: 'Тариф', Value: 'Премиум' })]);
    // Every page view, over several export pages; Boris's are not there.
    const hits = Object.values(report['leadtrail-hits']!.items).map(fields);
    expect(hits).toHaveLength(extraHits + 2);
    expect(hits).toEqual(
      expect.arrayContaining([expect.objectContaining({ Address: `${siteUrl()}/catalog/?item=${extraHits}`, Title: `Товар ${extraHits}` })]),
    );
    expect(new Set(hits.map((hit) => hit['Visitor ID']))).toEqual(new Set([String(anna.id), String(annaAtWork.id)]));
    expect(files.get('index.html')!.toString('utf8')).toContain('LeadTrail: requests');
    await context.close();
  });
});

describe('Tools > Erase Personal Data', () => {
  it("erases the address's visitors, says which leads CoMagic still has, and keeps another visitor's rows", async () => {
    const borisBefore = rowsOf(boris);
    expect(borisBefore).toMatchObject({ visitors: 1, requests: 1, contacts: 1, properties: 1 });
    // Its id only: WP-Cron may try to forward it meanwhile and change its state.
    const borisOutbox = sql(`SELECT id FROM wp_leadtrail_outbox WHERE request_id = ${requestIdOf(boris)}`);
    expect(borisOutbox).toHaveLength(1);
    const annaRequest = requestIdOf(anna);

    const context = await browser.newContext();
    const page = await context.newPage();
    await logInAsAdmin(page);
    expect(await erase(page, email)).toEqual([
      '1 lead of this person was forwarded to CoMagic (cloud mode). LeadTrail erased its own copy; erase the lead in your CoMagic account too.',
    ]);

    const nothing = { visitors: 0, sessions: 0, hits: 0, events: 0, contacts: 0, properties: 0, requests: 0 };
    expect(rowsOf(anna)).toEqual(nothing);
    expect(rowsOf(annaAtWork)).toEqual(nothing);
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_outbox WHERE request_id = ${annaRequest}`)).toEqual([['0']]);
    expect(sql(`SELECT COUNT(*) FROM wp_leadtrail_requests WHERE id = ${anonymousRequest}`)).toEqual([['0']]);
    expect(rowsOf(boris)).toEqual(borisBefore);
    expect(sql(`SELECT id FROM wp_leadtrail_outbox WHERE request_id = ${requestIdOf(boris)}`)).toEqual(borisOutbox);
    await context.close();
  });
});

describe('Settings > Privacy > Policy Guide', () => {
  it('suggests a LeadTrail paragraph that names the cookies', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await logInAsAdmin(page);
    await page.goto(`${siteUrl()}/wp-admin/privacy-policy-guide.php`);
    const section = page.getByRole('button', { name: /^LeadTrail/ });
    await section.click();
    // The panel's id is WordPress's own (from the plugin's name before 6.4, a counter since).
    const text = await page.locator(`#${await section.getAttribute('aria-controls')}`).innerText();
    expect(text).toContain('_comagic_id');
    expect(text).toContain('_leadtrail_token');
    expect(text).toContain("WordPress's privacy tools");
    await context.close();
  });
});
