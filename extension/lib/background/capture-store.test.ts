import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from 'webextension-polyfill';
import type { CallRecord } from '../messages/call-record';
import { CaptureStore } from './capture-store';

const session = () => fakeBrowser.storage.session as unknown as Storage.StorageArea;

function call(id: string, status: CallRecord['status'] = 'returned'): CallRecord {
  return { id, at: 1_700_000_000_000, path: 'Comagic.trackEvent', origin: 'page', args: ['Offer', 'Open'], status };
}

const request = (id: string) => ({ id, at: 1_700_000_000_000, method: 'GET', url: `https://tracker.comagic.ru/vc/s/?n=${id}`, type: 'xmlhttprequest' });

describe('CaptureStore', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps one log per tab', async () => {
    const store = new CaptureStore(session());
    await store.recordCall(1, call('a'));
    await store.recordCall(2, call('b'));
    await store.recordRequest(2, request('r1'));
    expect((await store.get(1)).calls.map((c) => c.id)).toEqual(['a']);
    expect((await store.get(2)).calls.map((c) => c.id)).toEqual(['b']);
    expect((await store.get(2)).requests.map((r) => r.id)).toEqual(['r1']);
    expect((await store.get(3)).calls).toEqual([]);
  });

  it('updates a call in place when its answer comes, keeping its page', async () => {
    const store = new CaptureStore(session());
    await store.navigate(1, 'https://shop.example/', 1);
    await store.recordCall(1, call('a', 'waiting'));
    await store.recordCall(1, { ...call('a', 'answered'), answer: { success: true } });
    expect((await store.get(1)).calls).toEqual([{ ...call('a', 'answered'), answer: { success: true }, page: 1 }]);
  });

  it('adds later webRequest details to a known request only', async () => {
    const store = new CaptureStore(session());
    await store.recordRequest(1, request('r1'));
    await store.updateRequest(1, 'r1', { status: 200, ms: 12 });
    await store.updateRequest(1, 'unknown', { status: 500 });
    expect((await store.get(1)).requests).toMatchObject([{ id: 'r1', status: 200, ms: 12 }]);
  });

  it('drops the oldest entries past its limits, and counts them', async () => {
    const store = new CaptureStore(session(), { calls: 2, requests: 1 });
    for (const id of ['a', 'b', 'c']) await store.recordCall(1, call(id));
    await store.recordRequest(1, request('r1'));
    await store.recordRequest(1, request('r2'));
    const log = await store.get(1);
    expect(log.calls.map((c) => c.id)).toEqual(['b', 'c']);
    expect(log.requests.map((r) => r.id)).toEqual(['r2']);
    expect(log.dropped).toBe(2);
  });

  it('starts afresh on navigation, unless the log is preserved', async () => {
    const store = new CaptureStore(session());
    await store.navigate(1, 'https://shop.example/', 1);
    await store.recordCall(1, call('a'));
    await store.navigate(1, 'https://shop.example/cart', 2);
    expect(await store.get(1)).toMatchObject({ calls: [], pages: [{ page: 1, url: 'https://shop.example/cart' }] });

    await store.setPreserve(1, true);
    await store.recordCall(1, call('b'));
    await store.navigate(1, 'https://shop.example/checkout', 3);
    await store.recordCall(1, call('c'));
    const log = await store.get(1);
    expect(log.pages.map((p) => [p.page, p.url])).toEqual([[1, 'https://shop.example/cart'], [2, 'https://shop.example/checkout']]);
    expect(log.calls.map((c) => [c.id, c.page])).toEqual([['b', 1], ['c', 2]]);
  });

  it('clears entries but keeps the current page and the preserve setting', async () => {
    const store = new CaptureStore(session());
    await store.setPreserve(1, true);
    await store.navigate(1, 'https://shop.example/', 1);
    await store.navigate(1, 'https://shop.example/cart', 2);
    await store.recordCall(1, call('a'));
    await store.clear(1);
    expect(await store.get(1)).toMatchObject({ preserve: true, calls: [], requests: [], pages: [{ page: 2 }] });
  });

  it('survives a restart of the background: logs come back from storage.session', async () => {
    const first = new CaptureStore(session());
    await first.setPreserve(4, true);
    await first.recordCall(4, call('a'));
    await first.flush();
    const second = new CaptureStore(session());
    expect(await second.get(4)).toMatchObject({ preserve: true, calls: [{ id: 'a' }] });
  });

  it('forgets closed tabs, also those closed while it slept', async () => {
    const store = new CaptureStore(session());
    for (const tab of [1, 2, 3]) await store.recordCall(tab, call(`c${tab}`));
    await store.flush();
    await store.forget(1);
    await store.forgetAllBut([2]);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['tab:2']);
    expect((await new CaptureStore(session()).get(3)).calls).toEqual([]);
  });
});
