// The widgets' loader (A3; contracts.md, "Widgets"): fetched only when a widget opens, once, from
// next to the runtime's script; a failure is a console error, never a throw.
import type { MockInstance } from 'vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../core/runtime';
import type { WidgetApi, Widgets } from '../widgets/api';
import { CONFIG, result, settle } from '../testing/fetch';
import { fakeServer, opOf } from '../testing/server';
import { boot as bootRuntime, embed, g, holdScripts, resetPage } from '../testing/page';

const SRC = 'https://shop.example/wp-content/plugins/leadtrail/assets/build/leadtrail.js?ver=0.1.0';
const WIDGETS = 'https://shop.example/wp-content/plugins/leadtrail/assets/build/leadtrail-widgets.js?ver=0.1.0';

const w = window as { __leadtrailWidgets?: Widgets };
let err: MockInstance<typeof console.error>;
let added: HTMLScriptElement[];
const runtimes: Runtime[] = [];

/** The runtime's script tag as the plugin prints it (not put in the page: happy-dom would fetch it). */
function boot(attrs: Record<string, string> = { src: SRC, ...Object.fromEntries(Object.entries(CONFIG).map(([k, v]) => ['data-' + k, v])) }) {
  embed();
  const s = document.createElement('script');
  for (const [k, v] of Object.entries(attrs)) s.setAttribute(k, v);
  const rt = bootRuntime(s)!;
  runtimes.push(rt);
  return rt;
}

/** The bundle arrives: it registers itself, then its script's load event fires. */
function arrive(open: Widgets['openRequestForm'] = vi.fn(), script = added[0]!) {
  w.__leadtrailWidgets = { openRequestForm: open, openSitePhoneForm: vi.fn(), showCallbackNotice: vi.fn(), openChat: vi.fn() };
  script.dispatchEvent(new Event('load'));
  return open;
}

beforeEach(() => {
  for (const rt of runtimes.splice(0)) rt.stop();
  resetPage();
  err = vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  added = holdScripts();
});
afterEach(() => {
  for (const rt of runtimes.splice(0)) rt.stop();
  resetPage();
});

describe('Comagic.openSiteRequestPanel (A3)', () => {
  it('a page that never opens a widget never fetches the bundle', async () => {
    const { calls } = fakeServer();
    boot();
    await g.Comagic.ready;
    await g.Comagic.addOfflineRequest({ name: 'a' });
    await settle();
    expect(added).toEqual([]);
    expect(calls.map((c) => opOf(c.url))).toEqual(['hit', 'request']);
  });

  it("loads leadtrail-widgets.js (same ?ver=) on the first call, then opens the form with the core's api", async () => {
    fakeServer();
    boot();
    expect(g.Comagic.openSiteRequestPanel()).toBeUndefined();
    expect(added.map((s) => s.src)).toEqual([WIDGETS]);
    const open = arrive();
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
    const api = vi.mocked(open).mock.calls[0]![0] as WidgetApi;
    expect(api.rest).toBe(CONFIG.rest);
    expect(api.lean).toBe(CONFIG.collect);
    // The page's addOfflineRequest, waiting for the final answer (no `queued`: real-sites.test.ts).
    expect(await api.addOfflineRequest({ name: 'from the form' })).toStrictEqual({ success: true, result: null });
    expect(err).not.toHaveBeenCalled();
  });

  it('fetches once: calls while it loads and after it loaded open the form without another fetch', async () => {
    fakeServer();
    boot();
    g.Comagic.openSiteRequestPanel();
    g.Comagic.openSiteRequestPanel();
    expect(added).toHaveLength(1);
    const open = arrive();
    await settle();
    expect(open).toHaveBeenCalledTimes(2);
    g.Comagic.openSiteRequestPanel();
    await settle();
    expect(open).toHaveBeenCalledTimes(3);
    expect(added).toHaveLength(1);
  });

  it('a bundle that fails to load: a console error naming its URL, no throw, and the next call tries again', async () => {
    fakeServer();
    boot();
    expect(() => g.Comagic.openSiteRequestPanel()).not.toThrow();
    added[0]!.dispatchEvent(new Event('error'));
    await settle();
    expect(err).toHaveBeenCalledTimes(1);
    expect(err.mock.calls[0]!.slice(0, 3)).toEqual(['[LeadTrail]', 'openRequestForm failed:', WIDGETS]);
    g.Comagic.openSiteRequestPanel();
    expect(added).toHaveLength(2);
    const open = arrive(vi.fn(), added[1]);
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('a script that loads but registers nothing is an error too', async () => {
    fakeServer();
    boot();
    g.Comagic.openSiteRequestPanel();
    added[0]!.dispatchEvent(new Event('load'));
    await settle();
    expect(err.mock.calls[0]!.slice(1, 3)).toEqual(['openRequestForm failed:', WIDGETS]);
  });

  it('a widget that throws is reported, never thrown to the page', async () => {
    fakeServer();
    boot();
    g.Comagic.openSiteRequestPanel();
    arrive(() => {
      throw new Error('render failed');
    });
    await settle();
    expect(err.mock.calls[0]![1]).toBe('openRequestForm failed:');
  });

  it('uses a bundle already on the page without fetching it', async () => {
    fakeServer();
    const open = vi.fn();
    w.__leadtrailWidgets = { openRequestForm: open, openSitePhoneForm: vi.fn(), showCallbackNotice: vi.fn(), openChat: vi.fn() };
    boot();
    g.Comagic.openSiteRequestPanel();
    await settle();
    expect(added).toHaveLength(0);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('an inert runtime (no data attributes) fetches nothing and says so', async () => {
    boot({ src: SRC });
    err.mockClear();
    expect(() => g.Comagic.openSiteRequestPanel()).not.toThrow();
    await settle();
    expect(added).toHaveLength(0);
    expect(err).toHaveBeenCalledTimes(1);
  });
});

describe('Comagic.getOperatorStatus (A2) and Comagic.openChatWindow (A11)', () => {
  const CHAT = 'https://shop.example/wp-content/plugins/leadtrail/assets/build/leadtrail-chat.js?ver=0.1.0';

  it("answers the hit answer's chat at once, and its first call loads the status poll (leadtrail-chat.js), once", async () => {
    fakeServer({ ...result(), chat: true } as ReturnType<typeof result>);
    boot();
    await g.Comagic.ready;
    expect(g.Comagic.getOperatorStatus()).toBe(true);
    expect(g.Comagic.getOperatorStatus()).toBe(true);
    expect(added.map((s) => s.src)).toEqual([CHAT]);
  });

  it('false when the hit answer has no chat', async () => {
    fakeServer();
    boot();
    await g.Comagic.ready;
    expect(g.Comagic.getOperatorStatus()).toBe(false);
  });

  it("openChatWindow() opens the widgets' chat with the core's api (the bundle decides between chat and request form)", async () => {
    fakeServer();
    boot();
    expect(g.Comagic.openChatWindow()).toBeUndefined();
    expect(added.map((s) => s.src)).toEqual([WIDGETS]);
    const openChat = vi.fn();
    w.__leadtrailWidgets = { openRequestForm: vi.fn(), openSitePhoneForm: vi.fn(), showCallbackNotice: vi.fn(), openChat };
    added[0]!.dispatchEvent(new Event('load'));
    await settle();
    expect(openChat).toHaveBeenCalledTimes(1);
    expect((openChat.mock.calls[0]![0] as WidgetApi).lean).toBe(CONFIG.collect);
  });
});
