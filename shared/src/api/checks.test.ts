// The lazily loaded checks (leadtrail-checks.js; contracts.md, "In the runtime"): fetched from next to
// the runtime's script by the first call that needs them (any visitor call, a captcha), never by a page
// that only reads the ids.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../core/runtime';
import type { Checks } from '../outbox/outbox';
import { CONFIG, json, result, settle, WHO } from '../testing/fetch';
import { fakeServer, opOf } from '../testing/server';
import { KEY as OUTBOX } from '../outbox/store';
import { boot as bootRuntime, embed, g, holdScripts, resetPage, storedCalls } from '../testing/page';

const SRC = 'https://shop.example/wp-content/plugins/leadtrail/assets/build/leadtrail.js?ver=0.1.0';
const CHECKS = 'https://shop.example/wp-content/plugins/leadtrail/assets/build/leadtrail-checks.js?ver=0.1.0';
const CKEY = 'Qx7pLm2ZrT9vWb4Nc8Hd1Ks6Fg3Jy5Ae';
const CURL = CONFIG.rest + 'captcha/image?key=' + CKEY;

const w = window as { __leadtrailChecks?: Checks };
/** The checks as the test setup put them on the page (testing/checks.ts). */
const onPage = w.__leadtrailChecks!;
let added: HTMLScriptElement[];
const runtimes: Runtime[] = [];

/** The runtime's script tag as the plugin prints it (not put in the page: happy-dom would fetch it). */
function boot() {
  embed();
  const s = document.createElement('script');
  s.setAttribute('src', SRC);
  for (const [k, v] of Object.entries(CONFIG)) s.setAttribute('data-' + k, String(v));
  const rt = bootRuntime(s)!;
  runtimes.push(rt);
  return rt;
}

/** The bundle arrives: it registers itself, then its script's load event fires. */
function arrive(script = added[0]!) {
  w.__leadtrailChecks = onPage;
  script.dispatchEvent(new Event('load'));
}

beforeEach(() => {
  for (const rt of runtimes.splice(0)) rt.stop();
  resetPage();
  localStorage.clear();
  delete w.__leadtrailChecks;
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  added = holdScripts();
});
afterEach(() => {
  for (const rt of runtimes.splice(0)) rt.stop();
  resetPage();
  localStorage.clear();
  w.__leadtrailChecks = onPage;
});

describe('leadtrail-checks.js', () => {
  it('a page that only reads the ids never fetches it', async () => {
    const { calls } = fakeServer();
    boot();
    const C = g.Comagic;
    await C.ready;
    C.getCredentials();
    C.getVisitorId();
    C.getSessionId();
    await settle();
    expect(added).toEqual([]);
    expect(calls.map((c) => opOf(c.url))).toEqual(['hit']);
  });

  it('events and properties wait unchecked until it is there, then go in call order; a bad one is refused', async () => {
    const { calls } = fakeServer();
    boot();
    const C = g.Comagic;
    await C.ready;
    const all = Promise.all([
      C.trackEvent('a', 'b'),
      C.setProperty('p', 'v'),
      C.hasProperty('p'),
      C.getProperty('p'),
      C.deleteProperty('p'),
      C.trackEvent('a'),
    ]);
    await settle();
    expect(added.map((s) => s.src)).toEqual([CHECKS]);
    expect(calls.map((c) => opOf(c.url))).toEqual(['hit']);
    arrive();
    const answers = await all;
    expect(answers.at(-1)).toStrictEqual({ success: false, result: { code: 'missing_action', field: 'action' } });
    expect(calls.map((c) => opOf(c.url))).toEqual(['hit', 'event', 'property_set', 'property_has', 'property_get', 'property_delete']);
    expect(added).toHaveLength(1);
  });

  it('get_captcha fetches it once (same ?ver=) and answers once it is there', async () => {
    const { calls } = fakeServer(result(), (_c, op) => (op == 'captcha' ? json(200, { key: CKEY, url: CURL }) : undefined));
    boot();
    const answer = g.Comagic.Captcha.get_captcha();
    await settle();
    expect(added.map((s) => s.src)).toEqual([CHECKS]);
    // The request is theirs: it goes once they are there.
    expect(calls.map((c) => opOf(c.url))).toEqual(['hit']);
    arrive();
    expect(await answer).toStrictEqual({ key: CKEY, url: CURL });
    expect(calls.map((c) => opOf(c.url))).toEqual(['hit', 'captcha']);
    expect(await g.Comagic.Captcha.get_captcha()).toStrictEqual({ key: CKEY, url: CURL });
    expect(added).toHaveLength(1);
  });

  it('get_captcha without the checks (they did not load): network_error, never a throw or a rejection', async () => {
    fakeServer(result(), (_c, op) => (op == 'captcha' ? json(200, { key: CKEY, url: CURL }) : undefined));
    boot();
    const cb = vi.fn();
    const answer = g.Comagic.Captcha.get_captcha(cb);
    await settle();
    added[0]!.dispatchEvent(new Event('error'));
    const none = { key: null, url: null, error: { code: 'network_error', field: '' } };
    expect(await answer).toStrictEqual(none);
    expect(cb).toHaveBeenCalledWith(none);
  });
});

describe('a callback order an earlier page left in the outbox (A10)', () => {
  const ORDER = { id: 'c'.repeat(32), op: 'callback', f: { phone: '79101234567' }, who: WHO };
  const ops = (calls: { url: string }[]) => calls.map((c) => opOf(c.url));

  it('is sent once the checks, which read its answer, are fetched; then it leaves the outbox', async () => {
    localStorage.setItem(OUTBOX, JSON.stringify([ORDER]));
    const { calls, applied } = fakeServer();
    boot();
    await g.Comagic.ready;
    await settle();
    expect(added.map((s) => s.src)).toEqual([CHECKS]);
    expect(ops(calls)).toEqual(['hit']);
    expect(storedCalls()).toEqual([ORDER]);
    arrive();
    await vi.waitFor(() => expect(storedCalls()).toEqual([]));
    expect(applied).toEqual([{ op: 'callback', body: { ...WHO, request_id: ORDER.id, phone: '79101234567' } }]);
  });

  it('while the checks do not load it is kept and not sent, and the load is tried again (backoff)', async () => {
    localStorage.setItem(OUTBOX, JSON.stringify([ORDER]));
    const { calls, applied } = fakeServer();
    boot();
    await g.Comagic.ready;
    await settle();
    added[0]!.dispatchEvent(new Event('error'));
    await settle();
    expect(ops(calls)).toEqual(['hit']);
    expect(storedCalls()).toEqual([ORDER]);
    // The outbox's backoff (1 s at most the first time) tries the load again.
    await vi.waitFor(() => expect(added).toHaveLength(2), { timeout: 3000 });
    expect(ops(calls)).toEqual(['hit']);
    expect(storedCalls()).toEqual([ORDER]);
    arrive(added[1]);
    await vi.waitFor(() => expect(storedCalls()).toEqual([]));
    expect(applied.map((a) => a.op)).toEqual(['callback']);
  });
});
