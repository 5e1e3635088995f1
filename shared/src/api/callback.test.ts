// A8 `Comagic.Captcha.get_captcha`, A10 `ComagicWidget.sitePhoneCall`, A7 `openSitePhonePanel` and A9's
// mask in the core (docs/contracts.md, "Callback orders"): shapes, statuses, R4, R8, the outbox.
import type { MockInstance } from 'vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WidgetApi, Widgets } from '../widgets/api';
import type { Call, Reply } from '../testing/fetch';
import { callRequest } from '../schemas/calls';
import { KEY as OUTBOX } from '../outbox/store';
import { CONFIG, HIT, json, refusal, settle, UNUSABLE_LEAN, WHO } from '../testing/fetch';
import { fakeServer, opOf } from '../testing/server';
import { bootPage as boot, g, storedCalls, unloadPage as unload } from '../testing/page';

const CKEY = 'Qx7pLm2ZrT9vWb4Nc8Hd1Ks6Fg3Jy5Ae';
const CURL = CONFIG.rest + 'captcha/image?key=' + CKEY;
const LATER = () => Date.now() + 3_600_000;
const SEED = { captcha_key: 'jwgtGYZDYTA...4pBEWRx', captcha_value: '8315', phone: '79101234567', delayed_call_time: 1508927547000, group_id: '16587' };

const w = window as { __leadtrailWidgets?: Widgets; ComagicWidget?: unknown };
const W = () =>
  (g as unknown as { ComagicWidget: { sitePhoneCall: (a?: unknown, c?: unknown) => Promise<unknown>; openSitePhonePanel(): void } }).ComagicWidget;
let warn: MockInstance<typeof console.warn>;
let err: MockInstance<typeof console.error>;
let widgets: { [K in keyof Widgets]: MockInstance<Widgets[K]> & Widgets[K] };

const ops = (calls: Call[]) => calls.map((c) => opOf(c.url));

/** A server that answers the callback op (and the captcha) with `answer` (undefined: the fake server's success). */
function server(answer?: (call: Call, op: string) => Reply | undefined) {
  return fakeServer(HIT, (call, op) => (op == 'captcha' ? json(200, { key: CKEY, url: CURL }) : op == 'callback' ? answer?.(call, op) : undefined));
}

beforeEach(() => {
  unload();
  localStorage.clear();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  err = vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
  // The bundle is "on the page": the core hands it the calls without fetching it.
  widgets = { openRequestForm: vi.fn(), openSitePhoneForm: vi.fn(), showCallbackNotice: vi.fn() } as never;
  w.__leadtrailWidgets = widgets;
});
afterEach(() => {
  unload();
  localStorage.clear();
  vi.useRealTimers();
});

describe('Comagic.Captcha.get_captcha (A8)', () => {
  it('callback({key, url}) exactly, the Promise the same object; POST {collect}?op=captcha with the identity, no request_id', async () => {
    const { calls } = server();
    boot();
    const cb = vi.fn();
    const answer = await g.Comagic.Captcha.get_captcha(cb);
    expect(answer).toStrictEqual({ key: CKEY, url: CURL });
    expect(cb).toHaveBeenCalledTimes(1);
    expect(cb.mock.calls[0]![0]).toBe(answer);
    const call = calls.find((c) => opOf(c.url) == 'captcha')!;
    expect(call.url).toBe(CONFIG.collect + '?op=captcha');
    expect(calls.filter((c) => opOf(c.url) == 'captcha')).toHaveLength(1);
    expect(call.init.method).toBe('POST');
    expect(call.body).toStrictEqual(WHO);
  });

  it('waits for the first hit answer', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { calls } = fakeServer(HIT, async (_c, op) => {
      if (op == 'hit') await gate;
      return op == 'captcha' ? json(200, { key: CKEY, url: CURL }) : undefined;
    });
    boot();
    const p = g.Comagic.Captcha.get_captcha();
    await settle();
    expect(ops(calls)).toEqual(['hit']);
    release();
    expect(await p).toStrictEqual({ key: CKEY, url: CURL });
  });

  it('a refusal or no answer: {key: null, url: null, error: {code, field}}, never a throw or a rejection', async () => {
    let reply: () => Reply = () => refusal(403, 'invalid_token', 'token');
    fakeServer(HIT, (_c, op) => (op == 'captcha' ? reply() : undefined));
    boot();
    const cb = vi.fn(() => {
      throw new Error('page bug');
    });
    expect(await g.Comagic.Captcha.get_captcha(cb)).toStrictEqual({ key: null, url: null, error: { code: 'invalid_token', field: 'token' } });
    expect(err.mock.calls.some((c) => c[1] == 'get_captcha callback failed:')).toBe(true);
    reply = () => new Error('offline');
    expect(await g.Comagic.Captcha.get_captcha()).toStrictEqual({ key: null, url: null, error: { code: 'network_error', field: '' } });
    reply = () => new Response('<html>', { status: 502 });
    expect(await g.Comagic.Captcha.get_captcha()).toStrictEqual({ key: null, url: null, error: { code: 'http_error', field: '' } });
  });

  it.each(UNUSABLE_LEAN)('asks {rest}captcha when {collect}?op=captcha answers %s', async (_label, first) => {
    const { calls } = fakeServer(HIT, (c, op) =>
      op == 'captcha' ? (c.url.startsWith(CONFIG.collect) ? first() : json(200, { key: CKEY, url: CURL })) : undefined,
    );
    boot();
    expect(await g.Comagic.Captcha.get_captcha()).toStrictEqual({ key: CKEY, url: CURL });
    const sent = calls.filter((c) => opOf(c.url) == 'captcha');
    expect(sent.map((c) => c.url)).toEqual([CONFIG.collect + '?op=captcha', CONFIG.rest + 'captcha']);
    expect(sent[1]!.body).toStrictEqual(WHO);
  });

  it('503 storage_unavailable from {collect}?op=captcha is the answer: the error shape, and no REST call (it would only answer 500)', async () => {
    const { calls } = fakeServer(HIT, (_c, op) => (op == 'captcha' ? refusal(503, 'storage_unavailable', '') : undefined));
    boot();
    const cb = vi.fn();
    expect(await g.Comagic.Captcha.get_captcha(cb)).toStrictEqual({ key: null, url: null, error: { code: 'storage_unavailable', field: '' } });
    expect(cb).toHaveBeenCalledWith({ key: null, url: null, error: { code: 'storage_unavailable', field: '' } });
    expect(calls.filter((c) => opOf(c.url) == 'captcha').map((c) => c.url)).toEqual([CONFIG.collect + '?op=captcha']);
  });
});

describe('ComagicWidget.sitePhoneCall (A10)', () => {
  it('status 0: exactly {success: true, result: {status: 0, code: "ok"}} to the callback and the Promise (R8)', async () => {
    const { calls } = server();
    boot();
    const cb = vi.fn();
    const time = LATER();
    const answer = await W().sitePhoneCall({ ...SEED, delayed_call_time: time }, cb);
    expect(answer).toStrictEqual({ success: true, result: { status: 0, code: 'ok' } });
    expect(cb.mock.calls[0]![0]).toBe(answer);
    const call = calls.find((c) => opOf(c.url) == 'callback')!;
    expect(call.url).toBe(CONFIG.collect + '?op=callback');
    const { request_id, ...rest } = call.body;
    expect(request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(rest).toStrictEqual({
      ...WHO,
      captcha_key: SEED.captcha_key,
      captcha_value: '8315',
      phone: '79101234567',
      delayed_call_time: time,
      group_id: '16587',
    });
    expect(callRequest('callback').safeParse(call.body).success).toBe(true);
    expect(widgets.showCallbackNotice).not.toHaveBeenCalled();
  });

  it("the seed's example verbatim: refused in the browser (its time is in 2017), through the callback, no request", async () => {
    const { calls } = server();
    boot();
    await g.Comagic.ready;
    const resp: unknown[] = [];
    let thrown: unknown;
    try {
      // eslint-disable-next-line
      W().sitePhoneCall(
        { captcha_key: 'jwgtGYZDYTA...4pBEWRx', captcha_value: '8315', phone: '79101234567', delayed_call_time: 1508927547000, group_id: '16587' },
        function (r: unknown) {
          resp.push(r);
        },
      );
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeUndefined();
    await settle();
    expect(resp).toStrictEqual([{ success: false, result: { status: 3, code: 'invalid_delayed_call_time', field: 'delayed_call_time' } }]);
    expect(ops(calls)).toEqual(['hit']);
  });

  it.each([
    [1, 'wrong_captcha', 200],
    [2, 'no_scenario', 200],
    [3, 'platform_error', 503],
    [4, 'limit_exceeded', 200],
    [4, 'limit_exceeded', 429],
  ])('status %i (%s, HTTP %i) is final: answered as is, not sent again', async (status, code, http) => {
    const { calls } = server(() => json(http, { success: false, result: { status, code, message: 'm' } }));
    boot();
    const cb = vi.fn();
    const answer = await W().sitePhoneCall({ phone: '79101234567', captcha_key: CKEY, captcha_value: '1234' }, cb);
    expect(answer).toStrictEqual({ success: false, result: { status, code } });
    expect(cb.mock.calls[0]![0]).toBe(answer);
    expect(ops(calls)).toEqual(['hit', 'callback']);
    expect(localStorage.getItem(OUTBOX)).toBeNull();
  });

  it("the server's refusal of an input: status 3 with its field; one without a status (identity) gets status 3", async () => {
    let reply = () => json(400, { success: false, result: { status: 3, code: 'unknown_group', field: 'group_id', message: 'm' } });
    server(() => reply());
    boot();
    expect(await W().sitePhoneCall({ phone: '79101234567', group_id: 99 }, () => {})).toStrictEqual({
      success: false,
      result: { status: 3, code: 'unknown_group', field: 'group_id' },
    });
    reply = () => refusal(403, 'identity_mismatch', 'session_id');
    expect(await W().sitePhoneCall({ phone: '79101234567' }, () => {})).toStrictEqual({
      success: false,
      result: { status: 3, code: 'identity_mismatch', field: 'session_id' },
    });
  });

  it.each([
    ['letters in the phone', { phone: '7910abc' }, 'invalid_phone', 'phone'],
    ['no phone', {}, 'missing_phone', 'phone'],
    ['not an object', 'x', 'missing_phone', 'phone'],
    ['a time 31 days ahead', { phone: '79101234567', delayed_call_time: Date.now() + 31 * 864e5 }, 'invalid_delayed_call_time', 'delayed_call_time'],
    ['a bad group', { phone: '79101234567', group_id: 'sales' }, 'invalid_group_id', 'group_id'],
  ])('%s: refused in the browser before any request (R4), status 3 naming the field', async (_l, args, code, field) => {
    const { calls } = server();
    boot();
    await g.Comagic.ready;
    const cb = vi.fn();
    const answer = await W().sitePhoneCall(args, cb);
    expect(answer).toStrictEqual({ success: false, result: { status: 3, code, field } });
    expect(cb.mock.calls[0]![0]).toBe(answer);
    expect(ops(calls)).toEqual(['hit']);
    expect(warn).toHaveBeenCalledWith('[LeadTrail]', `sitePhoneCall refused: ${code} (${field})`);
  });

  it('is a write of the outbox: kept in localStorage before it is sent, sent again with the same request_id', async () => {
    let fail = 1;
    const { calls, applied } = server(() => (fail-- > 0 ? new Error('offline') : undefined));
    boot();
    await g.Comagic.ready;
    vi.useFakeTimers();
    const p = W().sitePhoneCall({ phone: '+7 (910) 123-45-67' }, () => {});
    const stored = storedCalls();
    expect(stored).toMatchObject([{ op: 'callback', f: { phone: '+7 (910) 123-45-67' }, who: WHO }]);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(await p).toStrictEqual({ success: true, result: { status: 0, code: 'ok' } });
    const sent = calls.filter((c) => opOf(c.url) == 'callback');
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sent.map((c) => c.body.request_id)).size).toBe(1);
    expect(applied).toHaveLength(1);
    expect(localStorage.getItem(OUTBOX)).toBeNull();
  });

  it('without a callback: the same answer for the Promise, and the pop-up notice shows it', async () => {
    server(() => json(200, { success: false, result: { status: 4, code: 'limit_exceeded' } }));
    boot();
    const answer = await W().sitePhoneCall({ phone: '79101234567' });
    expect(answer).toStrictEqual({ success: false, result: { status: 4, code: 'limit_exceeded' } });
    await settle();
    expect(widgets.showCallbackNotice).toHaveBeenCalledTimes(1);
    expect(widgets.showCallbackNotice.mock.calls[0]![1]).toBe(answer);
    // A browser refusal too.
    await W().sitePhoneCall({ phone: 'abc' });
    await settle();
    expect(widgets.showCallbackNotice.mock.calls[1]![1]).toStrictEqual({ success: false, result: { status: 3, code: 'invalid_phone', field: 'phone' } });
  });

  it('a callback that throws is reported, never thrown', async () => {
    server();
    boot();
    const answer = await W().sitePhoneCall({ phone: '79101234567' }, () => {
      throw new Error('page bug');
    });
    expect((answer as { success: boolean }).success).toBe(true);
    expect(err.mock.calls.some((c) => c[1] == 'sitePhoneCall callback failed:')).toBe(true);
    expect(widgets.showCallbackNotice).not.toHaveBeenCalled();
  });
});

describe('ComagicWidget.openSitePhonePanel (A7) and setUIPhoneMaskFormat (A9)', () => {
  it("opens the bundle's sitephone form with the pushed mask and the core's calls", async () => {
    server();
    boot(['setUIPhoneMaskFormat', '1 () __-__']);
    await g.Comagic.ready;
    expect(W().openSitePhonePanel()).toBeUndefined();
    await settle();
    expect(widgets.openSitePhoneForm).toHaveBeenCalledTimes(1);
    const [api, options] = widgets.openSitePhoneForm.mock.calls[0]! as [WidgetApi, unknown];
    expect(options).toStrictEqual({ mask: '1 () __-__' });
    expect(api.rest).toBe(CONFIG.rest);
    expect(await api.getCaptcha()).toStrictEqual({ key: CKEY, url: CURL });
    // The form's order answers the form: no notice pops up over it.
    expect(await api.sitePhoneCall({ phone: '79101234567' })).toStrictEqual({ success: true, result: { status: 0, code: 'ok' } });
    await settle();
    expect(widgets.showCallbackNotice).not.toHaveBeenCalled();
  });

  it('a later push changes the mask the next form gets; no mask pushed: none', async () => {
    server();
    boot();
    await g.Comagic.ready;
    W().openSitePhonePanel();
    await settle();
    expect(widgets.openSitePhoneForm.mock.calls[0]![1]).toStrictEqual({ mask: undefined });
    g.__cs.push(['setUIPhoneMaskFormat', '+7 (___) ___-__-__']);
    W().openSitePhonePanel();
    await settle();
    expect(widgets.openSitePhoneForm.mock.calls[1]![1]).toStrictEqual({ mask: '+7 (___) ___-__-__' });
  });
});
