import type { MockInstance } from 'vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call, Reply } from '../testing/fetch';
import { callRequest } from '../schemas/calls';
import { CONFIG, HIT, refusal, settle, success, WHO } from '../testing/fetch';
import { fakeServer, opOf } from '../testing/server';
import { bootPage as boot, g, storedCalls, unloadPage as unload } from '../testing/page';

const ID = expect.stringMatching(/^[A-Za-z0-9_-]{16,64}$/);

let warn: MockInstance<typeof console.warn>;
let err: MockInstance<typeof console.error>;

/** The visitor calls among the fetches, as [op, body] less identity and request_id. */
const sent = (calls: Call[]) =>
  calls
    .filter((c) => opOf(c.url) != 'hit')
    .map((c) => {
      const { visitor_id, session_id, hit_id, token, request_id, ...fields } = c.body;
      return [opOf(c.url), fields];
    });

beforeEach(() => {
  unload();
  localStorage.clear();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  err = vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
});
afterEach(() => {
  unload();
  localStorage.clear();
  vi.useRealTimers();
});

describe('answers: the documented shapes (A1, A14, A16-A19)', () => {
  it('each method answers with exactly its documented object', async () => {
    fakeServer(HIT);
    boot();
    const C = g.Comagic;
    expect(await C.trackEvent('Offer', 'DownloadBook', 'CallTrackingBook', 'value')).toStrictEqual({ success: true });
    expect(await C.addVisitorInfo({ name: 'Test', phone: '79000000000', email: 'myemail@axample.com' })).toStrictEqual({ success: true });
    expect(await C.setProperty('Тип посетителя', 'Потенциальный')).toStrictEqual({ success: true });
    expect(await C.setProperty('Действующий клиент')).toStrictEqual({ success: true });
    expect(await C.hasProperty('Действующий клиент')).toStrictEqual({ success: true, result: true });
    expect(await C.hasProperty('Тип клиента')).toStrictEqual({ success: true, result: false });
    expect(await C.getProperty('Тип посетителя')).toStrictEqual({ success: true, result: 'Потенциальный' });
    expect(await C.getProperty('Действующий клиент')).toStrictEqual({ success: true, result: true });
    expect(await C.getProperty('Тип клиента')).toStrictEqual({ success: true, result: false });
    expect(await C.__leadtrail.properties()).toStrictEqual({ 'Тип посетителя': 'Потенциальный', 'Действующий клиент': true });
    expect(await C.deleteProperty('Тип посетителя')).toStrictEqual({ success: true });
    expect(await C.getProperty('Тип посетителя')).toStrictEqual({ success: true, result: false });
    expect(warn).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
  });

  it('callback and Promise get the very same object (R8)', async () => {
    fakeServer(HIT);
    boot();
    const C = g.Comagic;
    const got: unknown[] = [];
    const answers = await Promise.all([
      C.addVisitorInfo({ name: 'Анна' }, (a: unknown) => (got[0] = a)),
      C.hasProperty('x', (a: unknown) => (got[1] = a)),
      C.getProperty('x', (a: unknown) => (got[2] = a)),
      C.addVisitorInfo({}, (a: unknown) => (got[3] = a)),
    ]);
    expect(got).toHaveLength(4);
    answers.forEach((a, i) => expect(a).toBe(got[i]));
    expect(answers).toStrictEqual([
      { success: true },
      { success: true, result: false },
      { success: true, result: false },
      { success: false, result: { code: 'missing_contact', field: 'name' } },
    ]);
  });

  it('a server refusal reaches callback and Promise as the server gave it, and is final', async () => {
    const server = fakeServer(HIT, (_c, op, i) => (op == 'event' && i == 1 ? refusal(403, 'identity_mismatch', 'hit_id') : undefined));
    boot();
    const cb = vi.fn();
    const first = g.Comagic.trackEvent('c', 'a');
    const second = g.Comagic.getProperty('p', cb);
    expect(await first).toStrictEqual({ success: false, result: { code: 'identity_mismatch', field: 'hit_id', message: 'identity_mismatch (test)' } });
    expect(await second).toStrictEqual({ success: true, result: false });
    expect(cb).toHaveBeenCalledWith(await second);
    expect(server.visitorCalls()).toHaveLength(2);
    expect(warn.mock.calls.map((c) => c[1])).toEqual(['trackEvent refused: identity_mismatch (hit_id): identity_mismatch (test)']);
    expect(storedCalls()).toEqual([]);
  });

  it('properties() rejects on a refusal (the inspector shows why)', async () => {
    fakeServer(HIT, (_c, op) => (op == 'properties' ? refusal(403, 'invalid_token', 'token') : undefined));
    boot();
    await expect(g.Comagic.__leadtrail.properties()).rejects.toThrow('invalid_token');
  });
});

describe('the request bodies (contracts.md)', () => {
  it('carry the identity, a request_id and exactly the fields; names and values in any script', async () => {
    const { calls } = fakeServer(HIT);
    boot();
    const C = g.Comagic;
    await C.trackEvent('Offer', 'DownloadBook', 'CallTrackingBook', 'value');
    await C.trackEvent('Тариф', 'Открыл', 42, 1.5);
    await C.addVisitorInfo({ name: '名前', phone: '+7 (900) 000-00-01', email: '', company: 'x' });
    await C.setProperty('Тип посетителя', 'Потенциальный 🚀');
    await C.setProperty('Действующий клиент', null);
    await C.setProperty('Счёт', 0);
    await C.hasProperty('Ελληνικά', 'not a function');
    await C.getProperty('quote\'s "and" <b>');
    await C.deleteProperty('Тип посетителя');
    await C.__leadtrail.properties();
    const visitor = calls.filter((c) => opOf(c.url) != 'hit');
    for (const c of visitor) {
      expect(c.url.startsWith(CONFIG.collect + '?op=')).toBe(true);
      expect(c.body).toMatchObject({ ...WHO, request_id: ID });
      expect(callRequest(opOf(c.url) as never).safeParse(c.body).success).toBe(true);
      expect(Object.keys(c.body).slice(0, 5)).toEqual(['visitor_id', 'session_id', 'hit_id', 'token', 'request_id']);
    }
    expect(new Set(visitor.map((c) => c.body.request_id)).size).toBe(visitor.length);
    expect(sent(calls)).toEqual([
      ['event', { category: 'Offer', action: 'DownloadBook', name: 'CallTrackingBook', value: 'value' }],
      ['event', { category: 'Тариф', action: 'Открыл', name: '42', value: '1.5' }],
      ['visitor_info', { name: '名前', phone: '+7 (900) 000-00-01' }],
      ['property_set', { name: 'Тип посетителя', value: 'Потенциальный 🚀' }],
      ['property_set', { name: 'Действующий клиент' }],
      ['property_set', { name: 'Счёт', value: '0' }],
      ['property_has', { name: 'Ελληνικά' }],
      ['property_get', { name: 'quote\'s "and" <b>' }],
      ['property_delete', { name: 'Тип посетителя' }],
      ['properties', {}],
    ]);
  });
});

describe('bad arguments (R4)', () => {
  it('are refused in the browser with the code naming the field: no request, never a throw', async () => {
    const { calls } = fakeServer(HIT);
    boot();
    await g.Comagic.ready;
    const C = g.Comagic;
    const cb = vi.fn();
    const cases: Array<[() => Promise<unknown>, string, string]> = [
      [() => C.trackEvent(), 'missing_category', 'category'],
      [() => C.trackEvent(undefined, 'a'), 'missing_category', 'category'],
      [() => C.trackEvent(null, 'a'), 'invalid_category', 'category'],
      [() => C.trackEvent({}, 'a'), 'invalid_category', 'category'],
      [() => C.trackEvent('c'), 'missing_action', 'action'],
      [() => C.trackEvent('c', 'a'.repeat(256)), 'invalid_action', 'action'],
      [() => C.trackEvent('c', 'a', ['n', 'm']), 'invalid_name', 'name'],
      [() => C.trackEvent('c', 'a', 'n', NaN), 'invalid_value', 'value'],
      [() => C.addVisitorInfo(undefined, cb), 'missing_contact', 'name'],
      [() => C.addVisitorInfo(null, cb), 'missing_contact', 'name'],
      [() => C.addVisitorInfo({ company: 'x' }, cb), 'missing_contact', 'name'],
      [() => C.addVisitorInfo({ email: 'not an email' }, cb), 'invalid_email', 'email'],
      [() => C.addVisitorInfo({ phone: '+7 CALL-ME-NOW' }, cb), 'invalid_phone', 'phone'],
      [() => C.addVisitorInfo({ name: {} }, cb), 'invalid_name', 'name'],
      [() => C.setProperty(), 'missing_name', 'name'],
      [() => C.setProperty(''), 'invalid_name', 'name'],
      [() => C.setProperty({ toString: () => 'x' }), 'invalid_name', 'name'],
      [() => C.setProperty('n', true), 'invalid_value', 'value'],
      [() => C.setProperty('n', 'v'.repeat(4097)), 'invalid_value', 'value'],
      [() => C.hasProperty(undefined, cb), 'missing_name', 'name'],
      [() => C.getProperty(null, cb), 'invalid_name', 'name'],
      [() => C.getProperty([7, 8], cb), 'invalid_name', 'name'],
      [() => C.deleteProperty(undefined), 'missing_name', 'name'],
    ];
    for (const [call, code, field] of cases) {
      let promise!: Promise<unknown>;
      expect(() => (promise = call())).not.toThrow();
      expect(await promise, code).toStrictEqual({ success: false, result: { code, field } });
    }
    expect(calls.filter((c) => opOf(c.url) != 'hit')).toHaveLength(0);
    expect(cb).toHaveBeenCalledTimes(9);
    expect(warn).toHaveBeenCalledTimes(cases.length);
    expect(warn.mock.calls[0]![1]).toBe('trackEvent refused: missing_category (category)');
    expect(storedCalls()).toEqual([]);
  });

  it('settle after the call returns, never inside it', async () => {
    fakeServer(HIT);
    boot();
    const cb = vi.fn();
    void g.Comagic.hasProperty('', cb);
    expect(cb).not.toHaveBeenCalled();
    await settle();
    expect(cb).toHaveBeenCalledWith({ success: false, result: { code: 'invalid_name', field: 'name' } });
  });

  it('are refused at once even before the first hit answer', async () => {
    const { calls } = fakeServer(HIT, (_c, op) => (op == 'hit' ? new Promise<Reply>(() => {}) : undefined));
    boot();
    expect(await g.Comagic.setProperty(true)).toStrictEqual({ success: false, result: { code: 'invalid_name', field: 'name' } });
    expect(calls).toHaveLength(1);
  });

  it('detached methods work (no `this`)', async () => {
    fakeServer(HIT);
    boot();
    const { trackEvent, hasProperty } = g.Comagic;
    expect(await trackEvent('c', 'a')).toStrictEqual({ success: true });
    expect(await hasProperty('x')).toStrictEqual({ success: true, result: false });
  });
});

describe('a callback that throws', () => {
  it('is reported on the console; its Promise resolves and the next calls go on', async () => {
    fakeServer(HIT);
    boot();
    const C = g.Comagic;
    const boom = () => {
      throw new Error('site bug');
    };
    const a = C.getProperty('x', boom);
    const b = C.addVisitorInfo({}, boom);
    const c = C.hasProperty('x', boom);
    expect(await a).toStrictEqual({ success: true, result: false });
    expect(await b).toStrictEqual({ success: false, result: { code: 'missing_contact', field: 'name' } });
    expect(await c).toStrictEqual({ success: true, result: false });
    expect(await C.trackEvent('c', 'a')).toStrictEqual({ success: true });
    expect(err.mock.calls.map((c) => String(c[1])).sort()).toEqual([
      'addVisitorInfo callback failed:',
      'getProperty callback failed:',
      'hasProperty callback failed:',
    ]);
  });
});

describe('order and the first hit answer (R1)', () => {
  it('calls made before the first answer wait, then go in call order with its identity', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const server = fakeServer(HIT, (_c, op) => (op == 'hit' ? gate.then(() => success(HIT)) : undefined) as Reply | undefined);
    boot();
    const C = g.Comagic;
    const order: string[] = [];
    const all = [
      C.trackEvent('c', '1').then(() => order.push('event 1')),
      C.setProperty('p', 'v').then(() => order.push('set')),
      C.getProperty('p', () => order.push('get (callback)')),
      C.trackEvent('c', '2').then(() => order.push('event 2')),
    ];
    await settle();
    expect(server.visitorCalls()).toHaveLength(0);
    expect(storedCalls().map((e) => e.op)).toEqual(['event', 'property_set', 'event']);
    expect(storedCalls().every((e) => e.who === undefined)).toBe(true);
    release();
    await Promise.all(all);
    expect(order).toEqual(['event 1', 'set', 'get (callback)', 'event 2']);
    expect(server.applied.map((a) => a.op)).toEqual(['event', 'property_set', 'property_get', 'event']);
    expect(server.applied.every((a) => a.body.hit_id == HIT.hit_id && a.body.token == HIT.token)).toBe(true);
    expect(storedCalls()).toEqual([]);
  });

  it('sends one call at a time: the next waits for the answer of the one before', async () => {
    const gates: Array<() => void> = [];
    const server = fakeServer(HIT, (_c, op) => (op == 'hit' ? undefined : new Promise<undefined>((r) => gates.push(() => r(undefined)))));
    boot();
    await g.Comagic.ready;
    const a = g.Comagic.trackEvent('c', '1');
    const b = g.Comagic.trackEvent('c', '2');
    await settle();
    expect(server.visitorCalls().map((c) => c.body.action)).toEqual(['1']);
    gates[0]!();
    expect(await a).toStrictEqual({ success: true });
    await settle();
    expect(server.visitorCalls().map((c) => c.body.action)).toEqual(['1', '2']);
    gates[1]!();
    expect(await b).toStrictEqual({ success: true });
    expect(server.applied.map((x) => x.body.action)).toEqual(['1', '2']);
  });
});
