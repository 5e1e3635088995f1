// The entry points that take ids without a token (api/add_offline_message/, vc/s/) must not tell
// whether ids exist: the same status, body and headers for a real visitor's ids, for ids that do
// not exist and for ids that do not fit together. Otherwise anyone can map the visitors' ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './lib/browser';
import { newVisitor, type Credentials } from './lib/visitor';
import { count, keepOptions, setOption, siteUrl, sql } from './lib/wp';

let browser: Browser;
let restoreOptions: () => void;
let a: Credentials;
let b: Credentials;
const unknownId = '8999999999999';

type Reply = { status: number; text: string; headers: Record<string, string> };

/** The whole answer but its Date header, which only says when. */
async function reply(response: Response): Promise<Reply> {
  const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'));
  return { status: response.status, text: await response.text(), headers };
}

/** The ids of `a`, then ids that do not exist, then ids that exist but do not fit together. */
function idCases() {
  const real = { visitor_id: String(a.visitor_id), session_id: String(a.session_id), hit_id: String(a.hit_id) };
  return {
    real,
    'unknown visitor and session': { visitor_id: unknownId, session_id: unknownId, hit_id: String(a.hit_id) },
    'unknown hit': { ...real, hit_id: unknownId },
    "another visitor's session": { ...real, session_id: String(b.session_id) },
    "another session's hit": { ...real, hit_id: String(b.hit_id) },
  };
}

const offlineMessage = async (fields: Record<string, string>) =>
  reply(
    await fetch(`${siteUrl()}/wp-json/leadtrail/v1/api/add_offline_message/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      body: new URLSearchParams({ site_key: a.site_key, ...fields }).toString(),
    }),
  );

beforeAll(async () => {
  browser = await launchBrowser();
  restoreOptions = keepOptions(['leadtrail_test_request_limit']);
  setOption('leadtrail_test_request_limit', '100000');
  for (const which of ['a', 'b'] as const) {
    const visitor = await newVisitor(browser);
    if (which === 'a') {
      a = visitor.credentials;
      expect(await visitor.page.evaluate(() => (window as any).Comagic.addVisitorInfo({ name: 'Своё имя' }))).toEqual({ success: true });
    } else {
      b = visitor.credentials;
    }
    await visitor.context.close();
  }
});

afterAll(async () => {
  restoreOptions?.();
  await browser?.close();
});

describe('api/add_offline_message/ with the honeypot filled', () => {
  it('answers the same whatever the ids, and writes nothing', async () => {
    const before = count('requests');
    const replies: Record<string, Reply> = {};
    for (const [name, ids] of Object.entries(idCases())) {
      replies[name] = await offlineMessage({ ...ids, name: 'Бот', text: 'spam', leadtrail_hp: 'http://spam.example' });
    }
    expect(replies.real).toMatchObject({ status: 200, text: '{"success":true}' });
    for (const [name, answer] of Object.entries(replies)) expect(answer, name).toEqual(replies.real);
    expect(count('requests')).toBe(before);
  });
});

describe('api/add_offline_message/ without the honeypot', () => {
  it('answers the same whatever the ids; a lead whose ids do not fit is recorded with no visitor', async () => {
    const replies: Record<string, Reply> = {};
    for (const [name, ids] of Object.entries(idCases())) {
      replies[name] = await offlineMessage({ ...ids, name: 'Клиент', text: `Заявка: ${name}` });
    }
    expect(replies.real).toMatchObject({ status: 200, text: '{"success":true}' });
    for (const [name, answer] of Object.entries(replies)) expect(answer, name).toEqual(replies.real);
    const stored = sql("SELECT message, visitor_id, session_id, hit_id FROM wp_leadtrail_requests WHERE message LIKE 'Заявка: %' ORDER BY id");
    expect(stored).toEqual([
      ['Заявка: real', String(a.visitor_id), String(a.session_id), String(a.hit_id)],
      ...Object.keys(idCases())
        .slice(1)
        .map((name) => [`Заявка: ${name}`, '0', '0', '0']),
    ]);
  });
});

describe('vc/s/', () => {
  it('answers the same whatever the ids, and writes only for ids that fit', async () => {
    const replies: Record<string, Reply> = {};
    const seconds = a.comagic_id.split('.')[2];
    for (const [name, ids] of Object.entries(idCases())) {
      const query = `sk=${a.site_key}&ci=${ids.visitor_id}.${ids.session_id}.${seconds}&hi=${ids.hit_id}&vp=${encodeURIComponent('+7 900 111-22-33')}`;
      replies[name] = await reply(await fetch(`${a.consultant_server_url}vc/s/?${query}&s=1`));
    }
    expect(replies.real).toMatchObject({ status: 200, text: '{"success":true}' });
    for (const [name, answer] of Object.entries(replies)) expect(answer, name).toEqual(replies.real);
    // Other files on this site use the same number: only the visitors named here count.
    const named = [a.visitor_id, b.visitor_id, unknownId].join(', ');
    expect(sql(`SELECT visitor_id FROM wp_leadtrail_contacts WHERE normalized = '79001112233' AND visitor_id IN (${named})`)).toEqual([[String(a.visitor_id)]]);
  });

  it('does not overwrite a name the visitor set itself with its token', async () => {
    const answer = await fetch(`${a.consultant_server_url}vc/s/?sk=${a.site_key}&ci=${a.comagic_id}&vn=${encodeURIComponent('Чужое имя')}&s=1`);
    expect(await answer.text()).toBe('{"success":true}');
    expect(sql(`SELECT name FROM wp_leadtrail_visitors WHERE id = ${a.visitor_id}`)).toEqual([['Своё имя']]);
  });

  it('still names a visitor that has no name given with its token', async () => {
    const answer = await fetch(`${b.consultant_server_url}vc/s/?sk=${b.site_key}&ci=${b.comagic_id}&vn=${encodeURIComponent('Имя с сервера')}&s=1`);
    expect(await answer.text()).toBe('{"success":true}');
    expect(sql(`SELECT name FROM wp_leadtrail_visitors WHERE id = ${b.visitor_id}`)).toEqual([['Имя с сервера']]);
  });
});
