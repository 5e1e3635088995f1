import type { MockInstance } from 'vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import type { Runtime } from './core/runtime';
import { HIT_TRIES } from './core/runtime';
import { Credentials } from './schemas/credentials';
import { HitRequest } from './schemas/hit';
import { getCookie, setCookie } from './identity/cookies';
import type { Call, Reply } from './testing/fetch';
import { CONFIG, REST_HIT, json, refusal, result, settle, SITE_KEY, stubFetch, success } from './testing/fetch';
import { boot as bootRuntime, embed, g, resetPage, runtimeScript } from './testing/page';

const DOCUMENTED = ['site_key', 'visitor_id', 'hit_id', 'session_id', 'consultant_server_url', 'key', 'uri', 'comagic_id'];

/** A fetch whose answers wait until `release()`. */
function gatedFetch(reply: (call: Call, i: number) => Reply = () => success()) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const calls = stubFetch(async (call, i) => {
    await gate;
    return reply(call, i);
  });
  return { calls, release };
}

/** Whether `p` has settled by now. */
async function isSettled(p: Promise<unknown>) {
  let done = false;
  void p.then(() => (done = true));
  await settle();
  return done;
}

let warn: MockInstance<typeof console.warn>;
let err: MockInstance<typeof console.error>;
const runtimes: Runtime[] = [];
/** Boots a runtime that afterEach stops (its form observer would outlive the test). */
function boot(script: Element) {
  const rt = bootRuntime(script);
  if (rt) runtimes.push(rt);
  return rt;
}
beforeEach(() => {
  resetPage();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  err = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  for (const rt of runtimes.splice(0)) rt.stop();
  resetPage();
});

describe('identity getters (R1)', () => {
  it('are undefined before the first answer and right after it hold the server ids', async () => {
    const { calls, release } = gatedFetch();
    embed();
    boot(runtimeScript());
    await settle();
    expect(calls).toHaveLength(1);
    expect(g.Comagic.getVisitorId()).toBeUndefined();
    expect(g.Comagic.getSessionId()).toBeUndefined();
    expect(g.Comagic.getCredentials()).toBeUndefined();
    release();
    const ready = await g.Comagic.ready;
    expect(g.Comagic.getVisitorId()).toBe(17258569);
    expect(g.Comagic.getSessionId()).toBe(255544855);
    expect(ready).toEqual(g.Comagic.getCredentials());
    expect(err).not.toHaveBeenCalled();
  });

  it('give the documented credentials: exactly these keys, these types (A5, F1, R2)', async () => {
    stubFetch(() => success());
    embed();
    boot(runtimeScript());
    const c = await g.Comagic.ready;
    expect(Object.keys(c).sort()).toEqual([...DOCUMENTED].sort());
    expect(Credentials.safeParse(c).success).toBe(true);
    expect(c).toEqual({
      site_key: SITE_KEY,
      visitor_id: 17258569,
      hit_id: 546833568748,
      session_id: 255544855,
      consultant_server_url: CONFIG.server,
      key: SITE_KEY,
      uri: location.href,
      comagic_id: '17258569.255544855.1777012580',
    });
  });

  it('hand out a copy each time', async () => {
    stubFetch(() => success());
    embed();
    boot(runtimeScript());
    await g.Comagic.ready;
    const c = g.Comagic.getCredentials()!;
    c.visitor_id = 1;
    expect(g.Comagic.getCredentials()!.visitor_id).toBe(17258569);
  });
});

describe('the hit', () => {
  it('sends a body the schema accepts: a new visitor has no visitor_id or token', async () => {
    document.title = 'Catalog';
    const calls = stubFetch(() => success());
    embed();
    boot(runtimeScript());
    await g.Comagic.ready;
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(CONFIG.collect);
    expect(HitRequest.safeParse(calls[0]!.body).success).toBe(true);
    expect(calls[0]!.body).toEqual({ site_key: SITE_KEY, url: location.href, referrer: document.referrer, title: 'Catalog' });
  });

  it('sends a returning visitor as visitor_id + token from the cookies, and stores the answer in them', async () => {
    setCookie('_comagic_id', '42.1.1777000000');
    setCookie('_leadtrail_token', '42.oldsig');
    const calls = stubFetch(() => success(result(42, 2, 3)));
    embed();
    boot(runtimeScript());
    await g.Comagic.ready;
    expect(calls[0]!.body).toMatchObject({ visitor_id: 42, token: '42.oldsig' });
    expect(HitRequest.safeParse(calls[0]!.body).success).toBe(true);
    expect(getCookie('_comagic_id')).toBe('42.2.1777012580');
    expect(getCookie('_leadtrail_token')).toBe(result(42).token);
  });

  it('clips long titles so the server does not refuse them', async () => {
    document.title = 'x'.repeat(600);
    const calls = stubFetch(() => success());
    embed();
    boot(runtimeScript());
    await g.Comagic.ready;
    expect((calls[0]!.body.title as string).length).toBe(512);
  });

  it('falls back to {rest}hit when data-collect answers 404', async () => {
    const calls = stubFetch((_c, i) => (i == 0 ? json(404, {}) : success()));
    embed();
    boot(runtimeScript());
    await g.Comagic.ready;
    expect(calls.map((c) => c.url)).toEqual([CONFIG.collect, REST_HIT]);
    expect(g.Comagic.getVisitorId()).toBe(17258569);
  });

  it('falls back to {rest}hit on a network error', async () => {
    const calls = stubFetch((_c, i) => (i == 0 ? new TypeError('Failed to fetch') : success()));
    embed();
    boot(runtimeScript());
    await g.Comagic.ready;
    expect(calls.map((c) => c.url)).toEqual([CONFIG.collect, REST_HIT]);
  });

  it('tries again with backoff when neither endpoint answers, logs once when it gives the leads up, getters undefined', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const calls = stubFetch(() => new TypeError('offline'));
    embed();
    boot(runtimeScript());
    await vi.advanceTimersByTimeAsync(6900);
    expect(calls).toHaveLength(2 * (HIT_TRIES - 1));
    expect(err).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(2 * HIT_TRIES);
    expect(err).toHaveBeenCalledTimes(1);
    expect(err.mock.calls[0]!.join(' ')).toContain('no hit answer');
    await vi.advanceTimersByTimeAsync(8000);
    expect(calls).toHaveLength(2 * HIT_TRIES + 2);
    expect(err).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
    expect(await isSettled(g.Comagic.ready)).toBe(false);
    expect(g.Comagic.getVisitorId()).toBeUndefined();
  });

  it('tries again on storage_unavailable (a 503 from {collect}; {rest}hit is not asked), then takes the answer', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const calls = stubFetch((_c, i) => (i < 2 ? refusal(503, 'storage_unavailable', '') : success()));
    embed();
    boot(runtimeScript());
    await vi.advanceTimersByTimeAsync(3100);
    expect(calls.map((c) => c.url)).toEqual([CONFIG.collect, CONFIG.collect, CONFIG.collect]);
    expect(g.Comagic.getVisitorId()).toBe(result().visitor_id);
    expect(err).not.toHaveBeenCalled();
  });
});

describe('refusals', () => {
  it('are logged with their code; the getters stay undefined and onReady never runs', async () => {
    const calls = stubFetch(() => refusal(403, 'unknown_site_key', 'site_key'));
    const onReady = vi.fn();
    embed(['onReady', onReady]);
    boot(runtimeScript());
    expect(await isSettled(g.Comagic.ready)).toBe(false);
    expect(calls).toHaveLength(1);
    expect(err).toHaveBeenCalledTimes(1);
    expect(err.mock.calls[0]!.join(' ')).toContain('unknown_site_key');
    expect(g.Comagic.getVisitorId()).toBeUndefined();
    expect(g.Comagic.getSessionId()).toBeUndefined();
    expect(g.Comagic.getCredentials()).toBeUndefined();
    expect(onReady).not.toHaveBeenCalled();
    expect(getCookie('_leadtrail_token')).toBeUndefined();
  });

  it.each(['invalid_token', 'unknown_visitor'])('%s: drop the cookies and retry once as a new visitor', async (code) => {
    setCookie('_comagic_id', '42.1.1777000000');
    setCookie('_leadtrail_token', '42.forged');
    const calls = stubFetch((_c, i) => (i == 0 ? refusal(403, code, code == 'invalid_token' ? 'token' : 'visitor_id') : success(result(77, 8, 9))));
    embed();
    boot(runtimeScript());
    await g.Comagic.ready;
    expect(calls).toHaveLength(2);
    expect(calls[0]!.body).toMatchObject({ visitor_id: 42, token: '42.forged' });
    expect(calls[1]!.body).not.toHaveProperty('visitor_id');
    expect(calls[1]!.body).not.toHaveProperty('token');
    expect(g.Comagic.getVisitorId()).toBe(77);
    expect(getCookie('_leadtrail_token')).toBe(result(77).token);
    expect(err).not.toHaveBeenCalled();
  });

  it("other refusals keep a returning visitor's cookies and are not retried", async () => {
    setCookie('_comagic_id', '42.1.1777000000');
    setCookie('_leadtrail_token', '42.sig');
    const calls = stubFetch(() => refusal(400, 'invalid_url', 'url'));
    embed();
    boot(runtimeScript());
    await settle();
    expect(calls).toHaveLength(1);
    expect(getCookie('_leadtrail_token')).toBe('42.sig');
    expect(err.mock.calls[0]!.join(' ')).toContain('invalid_url (url)');
  });

  it('retries only once, even when a stale cookie cannot be deleted (set on another path)', async () => {
    document.cookie = '_leadtrail_token=42.sig; path=/catalog/';
    const calls = stubFetch(() => refusal(403, 'invalid_token', 'token'));
    embed();
    boot(runtimeScript());
    // The retry's timing depends on happy-dom's response timers: wait for it, then make sure no
    // third attempt follows.
    await vi.waitFor(() => expect(calls).toHaveLength(2), { timeout: 5000 });
    await settle();
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.body).toHaveProperty('token', '42.sig');
    expect(err).toHaveBeenCalledTimes(1);
    document.cookie = '_leadtrail_token=; path=/catalog/; max-age=-1';
  });

  it('retries only once, and not for a new visitor', async () => {
    setCookie('_leadtrail_token', '42.forged');
    const calls = stubFetch(() => refusal(403, 'invalid_token', 'token'));
    embed();
    boot(runtimeScript());
    await vi.waitFor(() => expect(calls).toHaveLength(2), { timeout: 5000 });
    await settle();
    await settle();
    expect(calls).toHaveLength(2);
    expect(err).toHaveBeenCalledTimes(1);
    expect(err.mock.calls[0]!.join(' ')).toContain('invalid_token');
  });
});

describe('the __cs queue (R3, F4, F7)', () => {
  it('replays early commands in order after the first answer; onReady gets the credentials', async () => {
    const order: unknown[] = [];
    const { release } = gatedFetch();
    embed(['onReady', (c: Credentials) => order.push(['first', c.visitor_id, g.Comagic.getVisitorId()])], ['onReady', () => order.push('second')]);
    boot(runtimeScript());
    g.__cs.push(['onReady', () => order.push('third (after load, before answer)')]);
    await settle();
    expect(order).toEqual([]);
    release();
    await g.Comagic.ready;
    expect(order).toEqual([['first', 17258569, 17258569], 'second', 'third (after load, before answer)']);
  });

  it('runs onReady at once after ready, through __cs.push and Comagic.push', async () => {
    stubFetch(() => success());
    embed();
    boot(runtimeScript());
    await g.Comagic.ready;
    const a = vi.fn();
    const b = vi.fn();
    g.__cs.push(['onReady', a]);
    expect(a).toHaveBeenCalledWith(g.Comagic.getCredentials());
    g.Comagic.push(['onReady', b]);
    expect(b).toHaveBeenCalledTimes(1);
    expect(b.mock.calls[0]![0].visitor_id).toBe(17258569);
  });

  it('Comagic.push before ready waits like __cs.push', async () => {
    const { release } = gatedFetch();
    embed();
    boot(runtimeScript());
    const f = vi.fn();
    g.Comagic.push(['onReady', f]);
    await settle();
    expect(f).not.toHaveBeenCalled();
    release();
    await g.Comagic.ready;
    expect(f).toHaveBeenCalledTimes(1);
  });

  it('warns once per unknown command name and never throws', async () => {
    stubFetch(() => success());
    embed(['noSuchCommand', 1], ['noSuchCommand', 2]);
    expect(() => boot(runtimeScript())).not.toThrow();
    expect(() => g.__cs.push(['noSuchCommand'])).not.toThrow();
    expect(() => g.Comagic.push('garbage')).not.toThrow();
    await g.Comagic.ready;
    const texts = warn.mock.calls.map((c) => String(c[1]));
    expect(texts.filter((t) => t.includes('noSuchCommand'))).toHaveLength(1);
  });

  it('knows the documented setUIPhoneMaskFormat (A9): kept after the answer, no warning', async () => {
    stubFetch(() => success());
    embed(['setUIPhoneMaskFormat', '1 () __-__']);
    const rt = boot(runtimeScript())!;
    expect(rt.phoneMask).toBeUndefined();
    await g.Comagic.ready;
    expect(rt.phoneMask).toBe('1 () __-__');
    expect(warn).not.toHaveBeenCalled();
  });

  it('a throwing onReady callback does not stop the others', async () => {
    stubFetch(() => success());
    const after = vi.fn();
    embed(
      [
        'onReady',
        () => {
          throw new Error('site bug');
        },
      ],
      ['onReady', after],
    );
    boot(runtimeScript());
    await g.Comagic.ready;
    expect(after).toHaveBeenCalledTimes(1);
    expect(err).toHaveBeenCalledTimes(1);
  });

  it('sends nothing until a site key is set, then applies setAccount at once (old name)', async () => {
    const calls = stubFetch(() => success());
    (window as unknown as { __cs: unknown[] }).__cs = [];
    boot(runtimeScript());
    await settle();
    expect(calls).toHaveLength(0);
    g.__cs.push(['setAccount', SITE_KEY]);
    await g.Comagic.ready;
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body.site_key).toBe(SITE_KEY);
  });

  it('rejects a malformed site key in the browser, before any request', async () => {
    const calls = stubFetch(() => success());
    (window as unknown as { __cs: unknown[] }).__cs = [['setCsAccount', 'not-a-key']];
    boot(runtimeScript());
    await settle();
    expect(calls).toHaveLength(0);
    expect(err).toHaveBeenCalledTimes(1);
  });

  it('sends one hit only, and keeps the first site key', async () => {
    const calls = stubFetch(() => success());
    embed(['setCsAccount', SITE_KEY], ['setCsHost', '//server.comagic.ru/comagic']);
    const rt = boot(runtimeScript())!;
    expect(rt.host).toBe('//server.comagic.ru/comagic');
    g.__cs.push(['setHost', '//other.example/x']);
    expect(rt.host).toBe('//other.example/x');
    g.__cs.push(['setCsAccount', 'B'.repeat(32)]);
    await g.Comagic.ready;
    expect(calls).toHaveLength(1);
    expect(g.Comagic.getCredentials()!.site_key).toBe(SITE_KEY);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe("a theme's leftover vendor embed", () => {
  it("keeps our key when the page pushes the vendor's setCsAccount after ours, before the hit is sent", async () => {
    const calls = stubFetch(() => success());
    embed(['setCsAccount', SITE_KEY], ['setCsAccount', 'Vendor_Key-0123456789abcdefghijk'], ['setCsHost', '//server.comagic.ru/comagic']);
    boot(runtimeScript());
    await g.Comagic.ready;
    expect(calls).toHaveLength(1);
    expect(g.Comagic.getCredentials()!.site_key).toBe(SITE_KEY);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('the globals', () => {
  it('identify the runtime for tools and give ComagicWidget and __cs.push', () => {
    stubFetch(() => success());
    embed();
    boot(runtimeScript());
    expect(g.Comagic.__leadtrail).toEqual({ runtime: 'leadtrail', version: pkg.version, properties: expect.any(Function) });
    expect(typeof g.ComagicWidget).toBe('object');
    expect(Array.isArray(g.__cs)).toBe(false);
    expect(typeof g.__cs.push).toBe('function');
  });

  it('documented methods never throw, even when called detached or with junk', async () => {
    stubFetch(() => success());
    embed();
    boot(runtimeScript());
    const { getVisitorId, getSessionId, getCredentials, push } = g.Comagic;
    const calls = () => [getVisitorId(), getSessionId(), getCredentials(), push(undefined as never), push([] as never)];
    expect(calls).not.toThrow();
    await g.Comagic.ready;
    expect(calls).not.toThrow();
    expect(getVisitorId()).toBe(17258569);
  });

  it('stay inert when a data attribute is missing: an error, no request, undefined getters', async () => {
    const calls = stubFetch(() => success());
    embed(['onReady', () => {}]);
    boot(runtimeScript({ collect: CONFIG.collect, server: CONFIG.server }));
    await settle();
    expect(calls).toHaveLength(0);
    expect(err).toHaveBeenCalledTimes(1);
    expect(String(err.mock.calls[0]![1])).toContain('data-rest');
    expect(g.Comagic.getVisitorId()).toBeUndefined();
    expect(() => g.__cs.push(['onReady', () => {}])).not.toThrow();
  });

  it('leave another Comagic runtime in place', () => {
    const calls = stubFetch(() => success());
    const vendor = { getVisitorId: () => 1 };
    (window as unknown as { Comagic: unknown }).Comagic = vendor;
    embed();
    expect(boot(runtimeScript())).toBeUndefined();
    expect((window as unknown as { Comagic: unknown }).Comagic).toBe(vendor);
    expect(Array.isArray(g.__cs)).toBe(true);
    expect(calls).toHaveLength(0);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('boot once when the script is on the page twice', async () => {
    const calls = stubFetch(() => success());
    embed();
    boot(runtimeScript());
    const first = g.Comagic;
    expect(boot(runtimeScript())).toBeUndefined();
    await first.ready;
    expect(g.Comagic).toBe(first);
    expect(calls).toHaveLength(1);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('forms on the page', () => {
  it('get the credentials as hidden fields after the first answer', async () => {
    document.body.innerHTML = '<form method="post" action="/send.php"><input name="phone"></form>';
    const { release } = gatedFetch();
    embed();
    boot(runtimeScript());
    await settle();
    const form = document.forms[0]!;
    expect(form.querySelectorAll('input[data-leadtrail]')).toHaveLength(0);
    release();
    await g.Comagic.ready;
    const data = new FormData(form);
    expect(data.get('visitor_id')).toBe('17258569');
    expect(data.get('hit_id')).toBe('546833568748');
    expect(data.get('session_id')).toBe('255544855');
    expect(data.get('site_key')).toBe(SITE_KEY);
    expect(data.get('key')).toBe(SITE_KEY);
    expect(data.get('uri')).toBe(location.href);
    expect(data.get('consultant_server_url')).toBe(CONFIG.server);
    expect(data.get('comagic_id')).toBeNull();
  });
});
