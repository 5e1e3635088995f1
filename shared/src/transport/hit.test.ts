import { describe, expect, it, vi } from 'vitest';
import { TIMEOUT } from './call';
import { sendHit } from './hit';
import { CONFIG, json, REST_HIT, refusal, result, SITE_KEY, stubFetch, success } from '../testing/fetch';

const req = { site_key: SITE_KEY, url: 'https://shop.example/', referrer: '', title: 'Shop' };

describe('sendHit', () => {
  it('posts JSON to data-collect and returns its answer', async () => {
    const calls = stubFetch(() => success());
    expect(await sendHit(CONFIG, req)).toEqual({ success: true, result: result() });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(CONFIG.collect);
    expect(calls[0]!.init.method).toBe('POST');
    expect(new Headers(calls[0]!.init.headers).get('Content-Type')).toBe('application/json');
    expect(calls[0]!.body).toEqual(req);
  });

  it.each([
    ['404, even with an answer-shaped body', () => refusal(404, 'rest_no_route', 'path')],
    ['404 with an HTML page', () => new Response('<h1>Not Found</h1>', { status: 404 })],
    ['405', () => refusal(405, 'method_not_allowed', 'method')],
    ['500', () => new Response('Fatal error', { status: 500 })],
    ['an HTML 503', () => new Response('<h1>Service Unavailable</h1>', { status: 503 })],
    ["WordPress's JSON 500 (not our envelope)", () => json(500, { code: 'internal_server_error', message: 'x', data: { status: 500 } })],
    ['a network error', () => new TypeError('Failed to fetch')],
    ['a non-JSON 200', () => new Response('<br><b>Warning</b>: {"success":true}', { status: 200 })],
    ['a JSON 200 that is no answer', () => json(200, { hello: 'cache' })],
  ])('falls back to {rest}hit once on %s', async (_name, first) => {
    const calls = stubFetch((_c, i) => (i == 0 ? first() : success()));
    expect(await sendHit(CONFIG, req)).toEqual({ success: true, result: result() });
    expect(calls.map((c) => c.url)).toEqual([CONFIG.collect, REST_HIT]);
    expect(calls[1]!.body).toEqual(calls[0]!.body);
  });

  it('does not fall back on a refusal', async () => {
    const calls = stubFetch(() => refusal(400, 'invalid_url', 'url'));
    const answer = await sendHit(CONFIG, req);
    expect(answer).toMatchObject({ success: false, result: { code: 'invalid_url', field: 'url' } });
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['503 storage_unavailable', 503, 'storage_unavailable'],
    ['a 500 with our refusal', 500, 'internal_error'],
  ])('gives undefined (try again later) on %s from {collect}, without asking {rest}hit', async (_label, status, code) => {
    const calls = stubFetch(() => refusal(status, code, ''));
    await expect(sendHit(CONFIG, req)).resolves.toBeUndefined();
    expect(calls.map((c) => c.url)).toEqual([CONFIG.collect]);
  });

  it('gives undefined when {rest}hit, asked after a 404, says 503 storage_unavailable', async () => {
    const calls = stubFetch((_c, i) => (i == 0 ? new Response('Not Found', { status: 404 }) : refusal(503, 'storage_unavailable', '')));
    await expect(sendHit(CONFIG, req)).resolves.toBeUndefined();
    expect(calls).toHaveLength(2);
  });

  it(`gives up on an endpoint after ${TIMEOUT} ms (a hung server) and tries the fallback`, async () => {
    vi.useFakeTimers();
    const calls = stubFetch((call, i) =>
      i > 0
        ? success()
        : new Promise((_resolve, reject) => call.init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const answer = sendHit(CONFIG, req);
    await vi.advanceTimersByTimeAsync(TIMEOUT);
    expect(await answer).toEqual({ success: true, result: result() });
    expect(calls.map((c) => c.url)).toEqual([CONFIG.collect, REST_HIT]);
    vi.useRealTimers();
  });

  it('gives undefined, not an exception, when both endpoints fail', async () => {
    const calls = stubFetch(() => new TypeError('offline'));
    await expect(sendHit(CONFIG, req)).resolves.toBeUndefined();
    expect(calls).toHaveLength(2);
  });
});
