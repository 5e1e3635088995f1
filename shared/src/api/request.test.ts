// addOfflineRequest (A4, F2, R4, R5, R8) through the runtime: bodies, answers, and the outbox's path.
import type { MockInstance } from 'vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../testing/fetch';
import { callRequest } from '../schemas/calls';
import { setCookie } from '../identity/cookies';
import { CONFIG, HIT, json, refusal, result, settle, WHO } from '../testing/fetch';
import { fakeServer, opOf } from '../testing/server';
import { bootPage as boot, g, storedCalls, unloadPage as unload } from '../testing/page';

const DMITRY = { name: 'Дмитрий', email: 'dmitry@comagic.ru', phone: '79123456789' };

let warn: MockInstance<typeof console.warn>;
let log: MockInstance<typeof console.log>;

/** The request calls among the fetches: their fields, less identity and request_id. */
const requests = (calls: Call[]) =>
  calls
    .filter((c) => opOf(c.url) == 'request')
    .map((c) => {
      const { visitor_id, session_id, hit_id, token, request_id, ...fields } = c.body;
      return fields;
    });

beforeEach(() => {
  unload();
  localStorage.clear();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
  log = vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  unload();
  localStorage.clear();
  vi.useRealTimers();
});

describe("the seed's examples, verbatim", () => {
  it('send these bodies to {collect}?op=request and log exactly {success: true, result: null}', async () => {
    const { calls } = fakeServer(HIT);
    boot();
    const Comagic = g.Comagic;
    const answers = [
      Comagic.addOfflineRequest({
        name: 'Дмитрий',
        email: 'dmitry@comagic.ru',
        phone: '79123456789',
        message: 'Текст заявки...',
        group_id: 1234,
      }),
      Comagic.addOfflineRequest({
        name: 'Дмитрий',
        email: 'dmitry@comagic.ru',
        phone: '79123456789',
        message: 'Онлайн заказ...',
        is_sale: true,
        sale_cost: '9999',
      }),
      Comagic.addOfflineRequest({ name: 'My Name Is' }, function (o: unknown) {
        console.log(o);
      }),
      Comagic.addOfflineRequest({
        name: 'Дмитрий',
        email: 'dmitry@comagic.ru',
        phone: '79123456789',
        form_name: 'Название заявки',
        message: 'Текст заявки...',
      }),
    ];
    expect(await Promise.all(answers)).toStrictEqual(answers.map(() => ({ success: true, result: null })));
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toStrictEqual({ success: true, result: null });
    expect(requests(calls)).toEqual([
      { ...DMITRY, message: 'Текст заявки...', group_id: 1234 },
      { ...DMITRY, message: 'Онлайн заказ...', is_sale: true, sale_cost: '9999' },
      { name: 'My Name Is' },
      { ...DMITRY, message: 'Текст заявки...', form_name: 'Название заявки' },
    ]);
    const sent = calls.filter((c) => opOf(c.url) == 'request');
    for (const c of sent) {
      expect(c.url).toBe(CONFIG.collect + '?op=request');
      expect(c.init.keepalive).toBe(true);
      expect(Object.keys(c.body).slice(0, 5)).toEqual(['visitor_id', 'session_id', 'hit_id', 'token', 'request_id']);
      expect(c.body).toMatchObject(WHO);
      expect(callRequest('request').safeParse(c.body).success).toBe(true);
    }
    expect(new Set(sent.map((c) => c.body.request_id)).size).toBe(4);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('answers (A4, R4, R8)', () => {
  it('callback and Promise get the same object, exactly {success: true, result: null} whatever the server added', async () => {
    fakeServer(HIT, (_c, op) => (op == 'request' ? json(200, { success: true, result: { id: 9 }, extra: 1 }) : undefined));
    boot();
    let got: unknown;
    const answer = await g.Comagic.addOfflineRequest({ phone: '+7 (912) 345-67-89' }, (o: unknown) => (got = o));
    expect(answer).toStrictEqual({ success: true, result: null });
    expect(got).toBe(answer);
  });

  it('R5: sale_cost without is_sale true is refused in the browser, naming is_sale; nothing is sent or kept', async () => {
    const { calls } = fakeServer(HIT);
    boot();
    await g.Comagic.ready;
    const cb = vi.fn();
    const cases = [
      g.Comagic.addOfflineRequest({ ...DMITRY, sale_cost: '9999' }, cb),
      g.Comagic.addOfflineRequest({ ...DMITRY, is_sale: false, sale_cost: 9999 }, cb),
    ];
    for (const p of cases) expect(await p).toStrictEqual({ success: false, result: { code: 'invalid_is_sale', field: 'is_sale' } });
    expect(cb).toHaveBeenCalledTimes(2);
    expect(calls.filter((c) => opOf(c.url) == 'request')).toHaveLength(0);
    expect(storedCalls()).toEqual([]);
    expect(warn.mock.calls[0]![1]).toBe('addOfflineRequest refused: invalid_is_sale (is_sale)');
  });

  it('bad arguments: the refusal names the field, settles after the call returns, never throws', async () => {
    const { calls } = fakeServer(HIT);
    boot();
    await g.Comagic.ready;
    const C = g.Comagic;
    const cases: Array<[[unknown], string, string]> = [
      [[undefined], 'missing_contact', 'name'],
      [[null], 'missing_contact', 'name'],
      [[{ form_name: 'x' }], 'missing_contact', 'name'],
      [[{ email: 'dmitry@' }], 'invalid_email', 'email'],
      [[{ phone: '12-34' }], 'invalid_phone', 'phone'],
      [[{ name: 'a', is_sale: 'maybe' }], 'invalid_is_sale', 'is_sale'],
      [[{ name: 'a', is_sale: true, sale_cost: '-1' }], 'invalid_sale_cost', 'sale_cost'],
      [[{ name: 'a', group_id: 'sales' }], 'invalid_group_id', 'group_id'],
      [[{ name: 'a', user_fields: ['x'] }], 'invalid_user_fields', 'user_fields'],
      [[{ name: 'a', form_name: 'f'.repeat(256) }], 'invalid_form_name', 'form_name'],
    ];
    for (const [args, code, field] of cases) {
      const cb = vi.fn();
      let p!: Promise<unknown>;
      expect(() => (p = C.addOfflineRequest(args[0], cb))).not.toThrow();
      expect(cb).not.toHaveBeenCalled();
      expect(await p, code).toStrictEqual({ success: false, result: { code, field } });
      expect(cb).toHaveBeenCalledWith(await p);
    }
    expect(calls.filter((c) => opOf(c.url) != 'hit')).toHaveLength(0);
    // The callback alone, in the place of req: refused, not a request named after the function.
    expect(await C.addOfflineRequest(function myCallback() {})).toStrictEqual({ success: false, result: { code: 'missing_contact', field: 'name' } });
  });

  it('a server refusal reaches callback and Promise as the server gave it, and is final', async () => {
    const server = fakeServer(HIT, (_c, op) => (op == 'request' ? refusal(400, 'unknown_group', 'group_id') : undefined));
    boot();
    const cb = vi.fn();
    const answer = await g.Comagic.addOfflineRequest({ ...DMITRY, group_id: 5 }, cb);
    expect(answer).toStrictEqual({ success: false, result: { code: 'unknown_group', field: 'group_id', message: 'unknown_group (test)' } });
    expect(cb).toHaveBeenCalledWith(answer);
    await settle();
    expect(server.visitorCalls()).toHaveLength(1);
    expect(storedCalls()).toEqual([]);
  });

  it('a callback that throws is reported; the Promise still resolves', async () => {
    fakeServer(HIT);
    boot();
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(
      await g.Comagic.addOfflineRequest({ name: 'a' }, () => {
        throw new Error('site bug');
      }),
    ).toStrictEqual({ success: true, result: null });
    expect(err.mock.calls[0]![1]).toBe('addOfflineRequest callback failed:');
  });
});

describe("the outbox's path (kept, in order, retried, idempotent)", () => {
  it('waits for the first hit answer, is kept in localStorage before it is sent, goes in call order', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const server = fakeServer(HIT, (_c, op) => (op == 'hit' ? gate.then(() => undefined) : undefined));
    boot();
    const C = g.Comagic;
    const all = [C.trackEvent('Form', 'open'), C.addOfflineRequest({ name: 'a', user_fields: { Город: 'Москва' } }), C.setProperty('lead')];
    await settle();
    expect(server.visitorCalls()).toHaveLength(0);
    expect(storedCalls().map((e) => [e.op, e.f])).toEqual([
      ['event', { category: 'Form', action: 'open' }],
      ['request', { name: 'a', user_fields: { Город: 'Москва' } }],
      ['property_set', { name: 'lead' }],
    ]);
    release();
    await Promise.all(all);
    expect(server.applied.map((a) => a.op)).toEqual(['event', 'request', 'property_set']);
    expect(storedCalls()).toEqual([]);
  });

  it('is sent again with the same request_id after 503 and a network error, and settles once', async () => {
    vi.useFakeTimers();
    let fails = 2;
    const server = fakeServer(HIT, (_c, op) => {
      if (op != 'request' || fails-- <= 0) return undefined;
      return fails ? json(503, { success: false, result: { code: 'storage_unavailable', field: '' } }) : new TypeError('offline');
    });
    boot();
    const cb = vi.fn();
    const p = g.Comagic.addOfflineRequest({ name: 'a' }, cb);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await p).toStrictEqual({ success: true, result: null });
    expect(cb).toHaveBeenCalledTimes(1);
    const sent = server.visitorCalls();
    // 503 at {collect}, then {rest}request (the fallback), a network error twice, then the answer.
    expect(new Set(sent.map((c) => c.body.request_id)).size).toBe(1);
    expect(server.applied).toHaveLength(1);
  });

  it('falls back to {rest}request when {collect} is not there', async () => {
    const server = fakeServer(HIT, (c, op) => (op == 'request' && c.url.startsWith(CONFIG.collect) ? json(404, {}) : undefined));
    boot();
    expect(await g.Comagic.addOfflineRequest({ name: 'a' })).toStrictEqual({ success: true, result: null });
    expect(server.visitorCalls().map((c) => c.url)).toEqual([CONFIG.collect + '?op=request', CONFIG.rest + 'request']);
  });

  it('a request left by a page that closed is sent by the next page with the same request_id and its own hit', async () => {
    vi.useFakeTimers();
    const first = fakeServer(HIT, (_c, op) => (op == 'request' ? json(503, {}) : undefined));
    boot();
    void g.Comagic.addOfflineRequest({ ...DMITRY, is_sale: 'yes', sale_cost: 100 });
    await vi.advanceTimersByTimeAsync(100);
    const left = storedCalls();
    expect(left).toEqual([{ id: expect.any(String), op: 'request', f: { ...DMITRY, is_sale: true, sale_cost: 100 }, who: WHO }]);
    expect(first.applied).toHaveLength(0);
    unload();

    setCookie('_comagic_id', HIT.comagic_id);
    setCookie('_leadtrail_token', HIT.token);
    const next = fakeServer(result(HIT.visitor_id, HIT.session_id, 999));
    boot();
    await g.Comagic.ready;
    await vi.advanceTimersByTimeAsync(100);
    expect(next.applied.map((a) => [a.op, a.body.request_id, a.body.hit_id])).toEqual([['request', left[0]!.id, HIT.hit_id]]);
    expect(storedCalls()).toEqual([]);
  });
});
