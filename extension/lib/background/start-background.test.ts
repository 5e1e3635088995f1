import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { fakeEvent } from '../../testing/fake-event';
import { settle } from '../../testing/page-window';
import type { CallRecord } from '../messages/call-record';
import { LOG_PORT_NAME } from '../messages/runtime-messages';
import type { TabLog } from '../messages/tab-log';
import { startBackground } from './start-background';
import type { BackgroundApis } from './start-background';

// The background as the browser runs it, on fakeBrowser; webRequest and runtime ports, which
// fakeBrowser does not implement, are fake events the test fires.

type Listener = (...args: never[]) => unknown;

function fakeWebRequest() {
  return {
    onBeforeRequest: fakeEvent<Listener>(),
    onSendHeaders: fakeEvent<Listener>(),
    onCompleted: fakeEvent<Listener>(),
    onErrorOccurred: fakeEvent<Listener>(),
  };
}

/** The panel, as the background sees it: an extension page. */
const PANEL = { url: 'chrome-extension://test-extension-id/panel.html?tabId=7' } as Runtime.MessageSender;

function fakePort(sender: Runtime.MessageSender = PANEL) {
  const onMessage = fakeEvent<(message: unknown) => void>();
  const onDisconnect = fakeEvent<() => void>();
  const received: unknown[] = [];
  const port = { name: LOG_PORT_NAME, sender, onMessage, onDisconnect, postMessage: (message: unknown) => received.push(message), disconnect() {} };
  return { port, onMessage, onDisconnect, received };
}

function start() {
  const webRequest = fakeWebRequest();
  const onConnect = fakeEvent<(port: Runtime.Port) => void>();
  const sendMessage = vi.fn();
  const api = {
    ...fakeBrowser,
    webRequest,
    runtime: { ...fakeBrowser.runtime, onConnect },
    tabs: { ...fakeBrowser.tabs, sendMessage },
  } as unknown as BackgroundApis;
  const { store, ready } = startBackground(api);
  return { store, ready, webRequest, onConnect, sendMessage };
}

// Calls and commits happen in this order, a second apart.
let clock = 1_700_000_000_000;
const tick = () => (clock += 1000);
const call = (id: string): CallRecord => ({ id, at: tick(), path: 'Comagic.trackEvent', origin: 'page', args: ['Offer', 'Open'], status: 'returned' });
const fromTab = (tabId: number, frameId = 0) => ({ tab: { id: tabId }, frameId, url: 'https://shop.example/' }) as Runtime.MessageSender;
// trigger() resolves when every listener has answered; the answers (typed as promises) are not needed.
const message = (...args: Parameters<typeof fakeBrowser.runtime.onMessage.trigger>) => fakeBrowser.runtime.onMessage.trigger(...args).then(() => undefined);
const hookCall = (id: string, tabId = 7) => message({ type: 'hook-call', call: call(id) }, fromTab(tabId));
const commit = (tabId: number, url: string) => fakeBrowser.webNavigation.onCommitted.trigger({ tabId, frameId: 0, url, timeStamp: tick() } as never);

describe('the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('logs the calls the bridge reports, per tab, and shows their count on the badge', async () => {
    const { store } = start();
    await hookCall('a', 7);
    await hookCall('b', 7);
    await hookCall('c', 8);
    expect((await store.get(7)).calls.map((c) => c.id)).toEqual(['a', 'b']);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('2');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('1');
  });

  it('ignores calls from no tab or a subframe, and messages that do not parse', async () => {
    const { store } = start();
    await message({ type: 'hook-call', call: call('a') }, {});
    await message({ type: 'hook-call', call: call('b') }, fromTab(7, 3));
    await message({ type: 'hook-call', call: { id: 'c' } }, fromTab(7));
    expect((await store.get(7)).calls).toEqual([]);
  });

  it('clears the log and the badge on navigation unless preserve is on, and on request', async () => {
    const { store } = start();
    await commit(7, 'https://shop.example/');
    await hookCall('a');
    await commit(7, 'https://shop.example/cart');
    expect((await store.get(7)).calls).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');

    await message({ type: 'set-preserve', tabId: 7, preserve: true }, PANEL);
    await hookCall('b');
    await commit(7, 'https://shop.example/checkout');
    await hookCall('c');
    expect((await store.get(7)).calls.map((c) => [c.id, c.page])).toEqual([
      ['b', 2],
      ['c', 3],
    ]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('2');

    // A subframe's navigation is not the tab's.
    await fakeBrowser.webNavigation.onCommitted.trigger({ tabId: 7, frameId: 2, url: 'https://ads.example/', timeStamp: 0 } as never);
    expect((await store.get(7)).pages).toHaveLength(2);

    await message({ type: 'clear-log', tabId: 7 }, PANEL);
    expect(await store.get(7)).toMatchObject({ calls: [], preserve: true });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('drops the log of a closed tab, and at start-up those of tabs already gone', async () => {
    await fakeBrowser.storage.session.set({ 'tab:99': { tabId: 99, preserve: false, pages: [], calls: [], requests: [], dropped: 0 } });
    const { store, ready } = start();
    await ready;
    expect(await fakeBrowser.storage.session.get('tab:99')).toEqual({});
    await hookCall('a', 5);
    await store.flush();
    await fakeBrowser.tabs.onRemoved.trigger(5, { windowId: 0, isWindowClosing: false });
    await settle();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('captures tracking requests of tabs with body, headers and status, and nothing else', async () => {
    const { store, webRequest } = start();
    const body = new TextEncoder().encode('{"site_key":"k","url":"https://shop.example/"}').buffer;
    webRequest.onBeforeRequest.fire({
      requestId: '41',
      tabId: 7,
      url: 'https://shop.example/wp-content/plugins/leadtrail/collect.php',
      method: 'POST',
      type: 'ping',
      timeStamp: 1000,
      requestBody: { raw: [{ bytes: body }] },
    } as never);
    webRequest.onSendHeaders.fire({
      requestId: '41',
      tabId: 7,
      url: 'https://shop.example/wp-content/plugins/leadtrail/collect.php',
      requestHeaders: [{ name: 'Content-Type', value: 'application/json' }],
    } as never);
    webRequest.onCompleted.fire({
      requestId: '41',
      tabId: 7,
      url: 'https://shop.example/wp-content/plugins/leadtrail/collect.php',
      statusCode: 200,
      statusLine: 'HTTP/1.1 200 OK',
      timeStamp: 1042,
    } as never);
    webRequest.onBeforeRequest.fire({ requestId: '42', tabId: 7, url: 'https://cdn.example/app.js', method: 'GET', type: 'script', timeStamp: 1 } as never);
    webRequest.onBeforeRequest.fire({
      requestId: '43',
      tabId: -1,
      url: 'https://server.comagic.ru/api/add_offline_message/',
      method: 'POST',
      type: 'other',
      timeStamp: 1,
    } as never);
    webRequest.onBeforeRequest.fire({
      requestId: '44',
      tabId: 7,
      url: 'https://server.comagic.ru/api/add_offline_message/',
      method: 'POST',
      type: 'xmlhttprequest',
      timeStamp: 2000,
      requestBody: { formData: { name: ['Ann'] } },
    } as never);
    webRequest.onErrorOccurred.fire({
      requestId: '44',
      tabId: 7,
      url: 'https://server.comagic.ru/api/add_offline_message/',
      error: 'net::ERR_BLOCKED_BY_CLIENT',
      timeStamp: 2005,
    } as never);
    await settle();
    expect((await store.get(7)).requests).toEqual([
      {
        id: '41',
        page: 1,
        at: 1000,
        method: 'POST',
        url: 'https://shop.example/wp-content/plugins/leadtrail/collect.php',
        type: 'ping',
        body: { kind: 'text', text: '{"site_key":"k","url":"https://shop.example/"}', truncated: false },
        requestHeaders: [{ name: 'Content-Type', value: 'application/json' }],
        status: 200,
        statusLine: 'HTTP/1.1 200 OK',
        ms: 42,
      },
      {
        id: '44',
        page: 1,
        at: 2000,
        method: 'POST',
        url: 'https://server.comagic.ru/api/add_offline_message/',
        type: 'xmlhttprequest',
        body: { kind: 'form', fields: [['name', 'Ann']] },
        error: 'net::ERR_BLOCKED_BY_CLIENT',
        ms: 5,
      },
    ]);
  });

  it("passes the panel's page requests to the tab's bridge, and says when the page is out of reach", async () => {
    const { sendMessage } = start();
    sendMessage.mockResolvedValueOnce({ kind: 'failed', error: 'Comagic.trackEvent is not a function on this page' });
    const request = { kind: 'run', action: { method: 'trackEvent', args: ['a', 'b'] } };
    const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'ask-page', tabId: 7, request }, PANEL);
    expect(sendMessage).toHaveBeenCalledWith(7, { type: 'page-request', request }, { frameId: 0 });
    expect(answer).toEqual({ kind: 'failed', error: 'Comagic.trackEvent is not a function on this page' });

    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    const [unreachable] = await fakeBrowser.runtime.onMessage.trigger({ type: 'ask-page', tabId: 8, request: { kind: 'inspect' } }, PANEL);
    expect(unreachable).toMatchObject({ kind: 'failed', error: expect.stringContaining('cannot reach this page') });
  });

  it('lets only extension pages drive or watch a tab, not content scripts', async () => {
    const { sendMessage, onConnect, store } = start();
    await hookCall('a');
    const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'ask-page', tabId: 7, request: { kind: 'inspect' } }, fromTab(8));
    await message({ type: 'clear-log', tabId: 7 }, fromTab(8));
    expect(answer).toBeUndefined();
    expect(sendMessage).not.toHaveBeenCalled();
    expect((await store.get(7)).calls).toHaveLength(1);

    const { port, onMessage, received } = fakePort(fromTab(8));
    onConnect.fire(port as unknown as Runtime.Port);
    expect(onMessage.hasListeners()).toBe(false);
    await settle(80);
    expect(received).toEqual([]);
  });

  it('keeps a watching panel up to date over its port, batched', async () => {
    const { onConnect } = start();
    await hookCall('a');
    const { port, onMessage, onDisconnect, received } = fakePort();
    onConnect.fire(port as unknown as Runtime.Port);
    onMessage.fire({ type: 'watch', tabId: 7 });
    await settle(80);
    expect(received).toHaveLength(1);
    await hookCall('b');
    await hookCall('c');
    await settle(80);
    expect(received).toHaveLength(2);
    expect((received[1] as { log: TabLog }).log.calls.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    onDisconnect.fire();
    await hookCall('d');
    await settle(80);
    expect(received).toHaveLength(2);
  });
});
