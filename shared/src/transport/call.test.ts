import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Checks } from '../outbox/outbox';
import { sendCall, TIMEOUT } from './call';
import { checkCallAnswer } from '../schemas/answers';
import { CONFIG, json, refusal, stubFetch } from '../testing/fetch';

const body = JSON.stringify({ visitor_id: 1, session_id: 2, hit_id: 3, token: '1.abc', request_id: 'r'.repeat(16), category: 'c', action: 'a' });
const ok = () => json(200, { success: true });
const LEAN = CONFIG.collect + '?op=event';
const REST = CONFIG.rest + 'event';
/** The lazily loaded checks as far as the ops other than a callback order need them: the check of their answer. */
const noChecks = vi.fn(async (): Promise<Checks> => ({ answer: checkCallAnswer }));

afterEach(() => {
  vi.useRealTimers();
});

describe('sendCall endpoints (contracts.md, "Visitor calls")', () => {
  it.each([
    ['event', 'event'],
    ['visitor_info', 'visitor-info'],
    ['property_set', 'property/set'],
    ['property_delete', 'property/delete'],
    ['property_has', 'property/has'],
    ['property_get', 'property/get'],
    ['properties', 'properties'],
  ] as const)('%s: {collect}?op=%s first, {rest}%s as the fallback', async (op, route) => {
    const calls = stubFetch((_c, i) => (i == 0 ? json(404, {}) : json(200, { success: true, result: op == 'properties' ? {} : true })));
    expect(await sendCall(CONFIG, op, body, noChecks)).toBeDefined();
    expect(calls.map((c) => c.url)).toEqual([`${CONFIG.collect}?op=${op}`, CONFIG.rest + route]);
    expect(calls.every((c) => c.init.method == 'POST' && c.init.body == body)).toBe(true);
    expect(new Headers(calls[0]!.init.headers).get('Content-Type')).toBe('application/json');
  });

  it('adds op to a collect URL that already has a query', async () => {
    const calls = stubFetch(ok);
    await sendCall({ ...CONFIG, collect: CONFIG.collect + '?ver=1' }, 'event', body, noChecks);
    expect(calls[0]!.url).toBe(CONFIG.collect + '?ver=1&op=event');
  });

  it('uses keepalive for the writes only, and a timeout signal for all', async () => {
    const calls = stubFetch(() => json(200, { success: true, result: true }));
    await sendCall(CONFIG, 'property_set', body, noChecks);
    await sendCall(CONFIG, 'property_has', body, noChecks);
    expect(calls.map((c) => c.init.keepalive)).toEqual([true, false]);
    expect(calls.every((c) => c.init.signal instanceof AbortSignal)).toBe(true);
  });
});

describe('sendCall outcomes', () => {
  it('returns a 2xx success from data-collect without trying the fallback', async () => {
    const calls = stubFetch(ok);
    expect(await sendCall(CONFIG, 'event', body, noChecks)).toStrictEqual({ success: true });
    expect(calls).toHaveLength(1);
  });

  it('returns a 4xx refusal from data-collect as final, without the fallback', async () => {
    const calls = stubFetch(() => refusal(403, 'invalid_token', 'token'));
    expect(await sendCall(CONFIG, 'event', body, noChecks)).toEqual({
      success: false,
      result: { code: 'invalid_token', field: 'token', message: 'invalid_token (test)' },
    });
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['a network error', () => new TypeError('Failed to fetch')],
    ['404', () => new Response('<h1>Not Found</h1>', { status: 404 })],
    ['405', () => refusal(405, 'method_not_allowed', 'method')],
    ['500', () => new Response('Fatal error', { status: 500 })],
    ["WordPress's JSON 500 (not our envelope)", () => json(500, { code: 'internal_server_error', message: 'x', data: { status: 500 } })],
    ['a non-JSON 200', () => new Response('<br><b>Warning</b>', { status: 200 })],
    ['a 200 that is no answer', () => json(200, { hello: 'cache' })],
    ['a refusal with 200', () => json(200, { success: false, result: { code: 'x' } })],
    ['an HTML 403 (a firewall)', () => new Response('Forbidden', { status: 403 })],
  ])('falls back to {rest} once on %s', async (_label, first) => {
    const calls = stubFetch((_c, i) => (i == 0 ? first() : ok()));
    expect(await sendCall(CONFIG, 'event', body, noChecks)).toStrictEqual({ success: true });
    expect(calls.map((c) => c.url)).toEqual([LEAN, REST]);
  });

  it.each([
    ['network errors', () => new TypeError('offline')],
    ['HTML 5xx', () => new Response('<h1>Bad Gateway</h1>', { status: 502 })],
    ['non-JSON 200s', () => new Response('oops', { status: 200 })],
  ])('asks to retry later (undefined) on %s from both', async (_label, reply) => {
    const calls = stubFetch(reply);
    expect(await sendCall(CONFIG, 'event', body, noChecks)).toBeUndefined();
    expect(calls).toHaveLength(2);
  });

  it.each([
    ['503 storage_unavailable', 503, 'storage_unavailable'],
    ['a 500 with our refusal', 500, 'internal_error'],
  ])('asks to retry later on %s from {collect}, without the fallback (it would only answer 500)', async (_label, status, code) => {
    const calls = stubFetch(() => refusal(status, code, ''));
    expect(await sendCall(CONFIG, 'event', body, noChecks)).toBeUndefined();
    expect(calls.map((c) => c.url)).toEqual([LEAN]);
  });

  it.each([408, 429])('asks to retry later on %i, without the fallback', async (status) => {
    const calls = stubFetch(() => refusal(status, 'rate_limited', ''));
    expect(await sendCall(CONFIG, 'event', body, noChecks)).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('gives a final http_error for a 4xx without an answer from {rest}', async () => {
    stubFetch((_c, i) => (i == 0 ? new TypeError('x') : new Response('Not Found', { status: 404 })));
    expect(await sendCall(CONFIG, 'event', body, noChecks)).toEqual({ success: false, result: { code: 'http_error', field: '', message: 'HTTP 404' } });
  });

  it('does not end on a 4xx from {collect} when {rest} cannot be reached', async () => {
    stubFetch((_c, i) => (i == 0 ? new Response('Forbidden', { status: 403 }) : new TypeError('x')));
    expect(await sendCall(CONFIG, 'event', body, noChecks)).toBeUndefined();
  });

  it(`gives up on a request after ${TIMEOUT} ms and tries the fallback`, async () => {
    vi.useFakeTimers();
    const signals: AbortSignal[] = [];
    const calls = stubFetch((call, i) => {
      if (i > 0) return ok();
      signals.push(call.init.signal!);
      return new Promise((_resolve, reject) => call.init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    });
    const answer = sendCall(CONFIG, 'event', body, noChecks);
    await vi.advanceTimersByTimeAsync(TIMEOUT - 1);
    expect(calls).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await answer).toStrictEqual({ success: true });
    expect(signals[0]!.aborted).toBe(true);
    expect(calls).toHaveLength(2);
  });
});

describe("the answers (a callback order's too, A10) are read by the lazily loaded checks", () => {
  const checks = (window as { __leadtrailChecks?: Checks }).__leadtrailChecks!;

  it('every op loads them, and an answer their check refuses is no answer', async () => {
    noChecks.mockClear();
    stubFetch(() => json(200, { success: 'yes' }));
    expect(await sendCall(CONFIG, 'event', body, noChecks)).toBeUndefined();
    expect(noChecks).toHaveBeenCalledTimes(1);
  });

  it('loads them before sending and answers with their check: a status is final whatever the HTTP status', async () => {
    const order: string[] = [];
    const load = async () => (order.push('load'), checks);
    const calls = stubFetch(() => (order.push('fetch'), json(503, { success: false, result: { status: 3, code: 'platform_error', message: 'm' } })));
    expect(await sendCall(CONFIG, 'callback', body, load)).toStrictEqual({ success: false, result: { status: 3, code: 'platform_error' } });
    expect(order).toEqual(['load', 'fetch']);
    expect(calls.map((c) => c.url)).toEqual([CONFIG.collect + '?op=callback']);
  });

  it('sends nothing while they do not load: no answer, to be sent again later', async () => {
    const calls = stubFetch(ok);
    expect(await sendCall(CONFIG, 'callback', body, async () => undefined)).toBeUndefined();
    expect(await sendCall(CONFIG, 'callback', body, async () => ({}))).toBeUndefined();
    expect(await sendCall(CONFIG, 'event', body, async () => undefined)).toBeUndefined();
    expect(calls).toEqual([]);
  });
});
