// Code written for CoMagic as real sites write it (SPEC P1-P7, N7): readiness by polling, methods
// through the queue, the widget's methods on Comagic, the old embed, XHR-like answers, single-page
// apps, and calls that never hang.
import type { MockInstance } from 'vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Widgets } from '../widgets/api';
import { CONFIG, HIT, json, refusal, result, settle, SITE_KEY } from '../testing/fetch';
import { fakeServer, opOf } from '../testing/server';
import { bootPage, boot, g, runtimeScript, unloadPage } from '../testing/page';
import { watchHistory } from './history';

type Page = { Comagic?: unknown; ComagicWidget?: unknown; __cs?: unknown; __leadtrailWidgets?: Partial<Widgets> };
const w = window as unknown as Page;
const CKEY = 'Qx7pLm2ZrT9vWb4Nc8Hd1Ks6Fg3Jy5Ae';
const VENDOR_KEY = 'nS5lHq70Bt3oQ9ZkR2wX7vY4mP8cJ1aE';

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  unloadPage();
  localStorage.clear();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  unloadPage();
  localStorage.clear();
  history.replaceState(null, '', '/catalog/?utm_source=test');
});

/** Waits until the page can see `window.Comagic`. */
const shown = () => vi.waitFor(() => expect(w.Comagic && !Array.isArray(w.Comagic)).toBe(true));

describe('readiness as integrators test it (P1, R1)', () => {
  it('window.Comagic appears only with the first answer, and a poller reads the ids at once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    fakeServer(HIT, async (_c, op) => (op == 'hit' ? (await gate, undefined) : undefined));
    bootPage();
    // A real site's poller: every 100 ms, until Comagic is there, then one read sent to its CRM.
    const crm: unknown[] = [];
    const timer = setInterval(() => {
      const C = w.Comagic as { getCredentials?: () => { hit_id: number }; getVisitorId(): number; getSessionId(): number | null } | undefined;
      if (C && C.getCredentials) {
        clearInterval(timer);
        crm.push(C.getCredentials().hit_id, C.getVisitorId(), Number(C.getSessionId()), C.getSessionId() !== null);
      }
    }, 100);
    await settle();
    expect(w.Comagic).toBeUndefined();
    expect(w.ComagicWidget).toBeUndefined();
    release();
    await vi.waitFor(() => expect(crm).toHaveLength(4), { timeout: 2000 });
    expect(crm).toEqual([HIT.hit_id, HIT.visitor_id, HIT.session_id, true]);
    expect(await (w.Comagic as { ready: Promise<unknown> }).ready).toEqual(g.Comagic.getCredentials());
  });

  it('onReady (pushed before load) finds window.Comagic there', async () => {
    fakeServer(HIT);
    const seen: unknown[] = [];
    bootPage([
      'onReady',
      (c: { visitor_id: number }) => seen.push(c.visitor_id, (window as unknown as { Comagic: { getVisitorId(): number } }).Comagic.getVisitorId()),
    ]);
    await vi.waitFor(() => expect(seen).toEqual([HIT.visitor_id, HIT.visitor_id]));
  });

  it('a refused hit: window.Comagic never appears (no made-up ids)', async () => {
    fakeServer(HIT, (_c, op) => (op == 'hit' ? refusal(403, 'unknown_site_key', 'site_key') : undefined));
    bootPage();
    await settle();
    await settle();
    expect(w.Comagic).toBeUndefined();
  });
});

describe('every documented method as a queue command (P2)', () => {
  it('queued before load, replayed in order after the first answer, callbacks answered', async () => {
    const server = fakeServer(HIT);
    const cb = vi.fn();
    bootPage(
      ['trackEvent', 'Offer', 'DownloadBook'],
      ['setProperty', 'x', 'y'],
      ['addOfflineRequest', { name: 'Ann', phone: '79001234567' }, cb],
      ['hasProperty', 'x', cb],
    );
    await shown();
    await vi.waitFor(() => expect(cb).toHaveBeenCalledTimes(2));
    expect(server.applied.map((a) => a.op)).toEqual(['event', 'property_set', 'request', 'property_has']);
    expect(cb.mock.calls).toEqual([[{ success: true, result: null }], [{ success: true, result: true }]]);
  });

  it('after load Comagic.push and __cs.push run at once; unknown names (and non-methods) are reported once', async () => {
    const server = fakeServer(HIT);
    bootPage();
    await shown();
    const C = w.Comagic as { push(c: unknown): void };
    C.push(['trackEvent', 'a', 'b', 42]);
    (w.__cs as { push(c: unknown): void }).push(['deleteProperty', 'x']);
    await vi.waitFor(() => expect(server.applied).toHaveLength(2));
    expect(server.applied[0]!.body).toMatchObject({ category: 'a', action: 'b', name: '42' });
    C.push(['noSuchMethod']);
    C.push(['noSuchMethod']);
    C.push(['ready']);
    expect(warn.mock.calls.map((c) => String(c[1]))).toEqual(['unknown __cs command "noSuchMethod" ignored.', 'unknown __cs command "ready" ignored.']);
  });
});

describe('the widget methods on Comagic too (P3)', () => {
  it('sitePhoneCall, openSitePhonePanel and getCaptcha(callback, options)', async () => {
    fakeServer(HIT, (_c, op) => (op == 'captcha' ? json(200, { key: CKEY, url: CONFIG.rest + 'captcha/image?key=' + CKEY }) : undefined));
    bootPage(['setUIPhoneMaskFormat', '+7 (___) ___-__-__']);
    await shown();
    const C = w.Comagic as {
      sitePhoneCall: (a: unknown, cb: unknown) => Promise<unknown>;
      openSitePhonePanel(): void;
      getCaptcha: (cb: unknown, o: unknown) => Promise<unknown>;
    };
    const cb = vi.fn();
    expect(await C.sitePhoneCall({ phone: '79101234567' }, cb)).toStrictEqual({ success: true, result: { status: 0, code: 'ok' } });
    expect(cb).toHaveBeenCalledTimes(1);
    const captcha = vi.fn();
    expect(await C.getCaptcha(captcha, { bg: '#ffffff' })).toStrictEqual({ key: CKEY, url: CONFIG.rest + 'captcha/image?key=' + CKEY });
    expect(captcha).toHaveBeenCalledWith({ key: CKEY, url: CONFIG.rest + 'captcha/image?key=' + CKEY });
    const open = vi.fn();
    w.__leadtrailWidgets = { openSitePhoneForm: open };
    C.openSitePhonePanel();
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    expect(open.mock.calls[0]![1]).toEqual({ mask: '+7 (___) ___-__-__' });
  });
});

describe('legacy and leftover embed codes (P4)', () => {
  it('the old `var Comagic = Comagic || []` queue: setAccount/setHost replayed, later pushes run, LeadTrail stays on', async () => {
    const server = fakeServer(HIT);
    const legacy: unknown[] = [
      ['setAccount', SITE_KEY],
      ['setHost', 'http://server.comagic.ru/comagic'],
      ['trackEvent', 'old', 'embed'],
    ];
    w.Comagic = legacy;
    const rt = boot(runtimeScript())!;
    expect(rt).toBeDefined();
    legacy.push(['setProperty', 'pushed', 'later']);
    await shown();
    expect(server.calls[0]!.body.site_key).toBe(SITE_KEY);
    expect(rt.host).toBe('http://server.comagic.ru/comagic');
    await vi.waitFor(() => expect(server.applied.map((a) => a.op)).toEqual(['event', 'property_set']));
    expect(warn).not.toHaveBeenCalled();
  });

  it("a theme's leftover vendor embed (another key, setCsHost) does not take the page from the plugin's key", async () => {
    const server = fakeServer(HIT);
    bootPage(['setCsAccount', VENDOR_KEY], ['setCsHost', '//server.comagic.ru/comagic']);
    await shown();
    expect(server.calls.filter((c) => opOf(c.url) == 'hit').map((c) => c.body.site_key)).toEqual([SITE_KEY]);
    expect(g.Comagic.getCredentials()!.site_key).toBe(SITE_KEY);
    expect(warn.mock.calls.map((c) => String(c[1]))).toEqual(['setCsAccount: a second key, ignored.']);
  });

  it('disableWidgets: a callback order without a callback opens no notice; the call still works', async () => {
    fakeServer(HIT);
    const notice = vi.fn();
    w.__leadtrailWidgets = { showCallbackNotice: notice };
    bootPage(['disableWidgets', true]);
    await shown();
    const answer = await g.ComagicWidget.sitePhoneCall({ phone: '79101234567' });
    expect(answer).toStrictEqual({ success: true, result: { status: 0, code: 'ok' } });
    await settle();
    expect(notice).not.toHaveBeenCalled();
  });
});

describe('callback answers read like an XHR (P6)', () => {
  it('response, responseText, status, statusText, readyState: there, but not in the documented shape', async () => {
    fakeServer(HIT);
    bootPage();
    await shown();
    let o: Record<string, unknown> = {};
    await g.Comagic.addOfflineRequest({ name: 'Ann' }, (a: Record<string, unknown>) => (o = a));
    expect(JSON.parse(o.response as string).success).toBe(true);
    expect([o.responseText, o.status, o.statusText, o.readyState]).toEqual([o.response, 200, 'OK', 4]);
    expect(Object.keys(o)).toEqual(['success', 'result']);
    expect(JSON.stringify(o)).toBe('{"success":true,"result":null}');
    const refused = (await g.Comagic.addVisitorInfo({})) as unknown as Record<string, unknown>;
    expect(JSON.parse(refused.response as string)).toEqual({ success: false, result: { code: 'missing_contact', field: 'name' } });
  });
});

describe('single-page apps (N7)', () => {
  it('reinitTrackView: a new hit for the current address, a new hit_id, same visitor; the form fields follow', async () => {
    const second = result(HIT.visitor_id, HIT.session_id, HIT.hit_id + 1);
    let hits = 0;
    const server = fakeServer(HIT, (_c, op) => (op == 'hit' && hits++ ? json(200, { success: true, result: second }) : undefined));
    document.body.innerHTML = '<form method="post"><input name="phone"></form>';
    bootPage();
    await shown();
    history.pushState(null, '', '/catalog/item-7/');
    (w.Comagic as { reinitTrackView(): void }).reinitTrackView();
    await vi.waitFor(() => expect(g.Comagic.getCredentials()!.hit_id).toBe(second.hit_id));
    const sent = server.calls.filter((c) => opOf(c.url) == 'hit').map((c) => c.body);
    expect(sent[1]).toMatchObject({ url: 'https://shop.example/catalog/item-7/', visitor_id: HIT.visitor_id, token: HIT.token });
    expect(g.Comagic.getVisitorId()).toBe(HIT.visitor_id);
    expect(new FormData(document.forms[0]!).get('hit_id')).toBe(String(second.hit_id));
  });

  it('the history watcher counts an address change once: pushState, replaceState, back; not the same page or an anchor', () => {
    const count = vi.fn();
    watchHistory(count);
    history.pushState(null, '', '/spa/one');
    history.replaceState(null, '', '/spa/one');
    history.pushState(null, '', '/spa/one#reviews');
    expect(count).toHaveBeenCalledTimes(1);
    history.replaceState(null, '', '/spa/two');
    expect(count).toHaveBeenCalledTimes(2);
    history.replaceState(null, '', '/spa/one');
    dispatchEvent(new PopStateEvent('popstate'));
    expect(count).toHaveBeenCalledTimes(3);
  });
});

describe('calls never hang (contracts.md, "queued")', () => {
  it('the callback answers `queued` within 10 s while the call waits; the retry goes once and answers no second time', async () => {
    vi.useFakeTimers();
    let down = true;
    const server = fakeServer(HIT, (_c, op) => (op != 'hit' && down ? new Error('offline') : undefined));
    bootPage();
    await vi.advanceTimersByTimeAsync(10);
    await shown();
    const cb = vi.fn();
    const p = g.Comagic.addOfflineRequest({ name: 'Ann', phone: '79001234567' }, cb);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(cb).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(cb.mock.calls).toEqual([[{ success: false, result: { code: 'queued', field: '' } }]]);
    expect(await p).toBe(cb.mock.calls[0]![0]);
    down = false;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(server.applied.map((a) => a.op)).toEqual(['request']);
    expect(cb).toHaveBeenCalledTimes(1);
  });

  it('our own forms get no `queued`: they keep waiting and show the final answer', async () => {
    vi.useFakeTimers();
    let down = true;
    fakeServer(HIT, (_c, op) => (op == 'request' && down ? new Error('offline') : undefined));
    const open = vi.fn();
    w.__leadtrailWidgets = { openRequestForm: open };
    bootPage();
    await vi.advanceTimersByTimeAsync(10);
    g.Comagic.openSiteRequestPanel();
    await vi.advanceTimersByTimeAsync(10);
    const api = open.mock.calls[0]![0] as { addOfflineRequest(req: unknown): Promise<unknown> };
    let answer: unknown;
    void api.addOfflineRequest({ name: 'Ann', phone: '79001234567' }).then((a) => (answer = a));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(answer).toBeUndefined();
    down = false;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(answer).toStrictEqual({ success: true, result: null });
  });

  it('a callback order answers status 3, code `queued`', async () => {
    vi.useFakeTimers();
    fakeServer(HIT, (_c, op) => (op == 'callback' ? new Error('offline') : undefined));
    bootPage();
    await vi.advanceTimersByTimeAsync(10);
    const p = g.ComagicWidget.sitePhoneCall({ phone: '79101234567' }, () => {});
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await p).toStrictEqual({ success: false, result: { status: 3, code: 'queued', field: '' } });
  });
});

describe("the inspector's list of documented methods (extension/)", () => {
  it('finds every one of them on LeadTrail', async () => {
    const { COMAGIC_METHODS, WIDGET_METHODS } = await import('../../../extension/lib/page-hook/documented-api');
    fakeServer(HIT);
    bootPage();
    await shown();
    const has = (o: unknown, path: string) => typeof path.split('.').reduce((v, k) => (v as Record<string, unknown> | undefined)?.[k], o) == 'function';
    expect(COMAGIC_METHODS.filter((m) => !has(w.Comagic, m))).toEqual([]);
    expect(WIDGET_METHODS.filter((m) => !has(w.ComagicWidget, m) || !has(w.Comagic, m))).toEqual([]);
  });
});
