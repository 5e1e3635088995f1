import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from 'webextension-polyfill';
import type { CallRecord } from '../messages/call-record';
import { CaptureStore } from './capture-store';

const PAGE = 'https://shop.example/';
const session = () => fakeBrowser.storage.session as unknown as Storage.StorageArea;

// Entries and navigations happen in this order, one second apart.
let clock = 0;
const tick = () => ++clock * 1000;

function call(id: string, status: CallRecord['status'] = 'returned'): CallRecord {
  return { id, at: tick(), path: 'Comagic.trackEvent', origin: 'page', args: ['Offer', 'Open'], status };
}

const request = (id: string) => ({ id, at: tick(), method: 'GET', url: `https://tracker.comagic.ru/vc/s/?n=${id}`, type: 'xmlhttprequest' });

describe('CaptureStore', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    clock = 0;
  });

  it('keeps one log per tab', async () => {
    const store = new CaptureStore(session());
    await store.recordCall(1, call('a'), PAGE);
    await store.recordCall(2, call('b'), PAGE);
    await store.recordRequest(2, request('r1'), PAGE);
    expect((await store.get(1)).calls.map((c) => c.id)).toEqual(['a']);
    expect((await store.get(2)).calls.map((c) => c.id)).toEqual(['b']);
    expect((await store.get(2)).requests.map((r) => r.id)).toEqual(['r1']);
    expect((await store.get(3)).calls).toEqual([]);
  });

  it('updates a call in place when its answer comes, keeping its page', async () => {
    const store = new CaptureStore(session());
    await store.navigate(1, 'https://shop.example/', tick());
    const waiting = call('a', 'waiting');
    await store.recordCall(1, waiting, PAGE);
    await store.recordCall(1, { ...waiting, status: 'answered', answer: { success: true } }, PAGE);
    expect((await store.get(1)).calls).toEqual([{ ...waiting, status: 'answered', answer: { success: true }, page: 1 }]);
  });

  it('adds later webRequest details to a known request only', async () => {
    const store = new CaptureStore(session());
    await store.recordRequest(1, request('r1'), PAGE);
    await store.updateRequest(1, 'r1', { status: 200, ms: 12 });
    await store.updateRequest(1, 'unknown', { status: 500 });
    expect((await store.get(1)).requests).toMatchObject([{ id: 'r1', status: 200, ms: 12 }]);
  });

  it('drops the oldest entries past its limits, and counts them', async () => {
    const store = new CaptureStore(session(), { calls: 2, requests: 1 });
    for (const id of ['a', 'b', 'c']) await store.recordCall(1, call(id), PAGE);
    await store.recordRequest(1, request('r1'), PAGE);
    await store.recordRequest(1, request('r2'), PAGE);
    const log = await store.get(1);
    expect(log.calls.map((c) => c.id)).toEqual(['b', 'c']);
    expect(log.requests.map((r) => r.id)).toEqual(['r2']);
    expect(log.dropped).toBe(2);
  });

  it('starts afresh on navigation, unless the log is preserved', async () => {
    const store = new CaptureStore(session());
    await store.navigate(1, 'https://shop.example/', tick());
    await store.recordCall(1, call('a'), PAGE);
    await store.navigate(1, 'https://shop.example/cart', tick());
    // Page numbers keep counting, so an entry can never land on a page of the same number.
    expect(await store.get(1)).toMatchObject({ calls: [], pages: [{ page: 2, url: 'https://shop.example/cart' }] });

    await store.setPreserve(1, true);
    await store.recordCall(1, call('b'), PAGE);
    await store.navigate(1, 'https://shop.example/checkout', tick());
    await store.recordCall(1, call('c'), PAGE);
    const log = await store.get(1);
    expect(log.pages.map((p) => [p.page, p.url])).toEqual([
      [2, 'https://shop.example/cart'],
      [3, 'https://shop.example/checkout'],
    ]);
    expect(log.calls.map((c) => [c.id, c.page])).toEqual([
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('gives the new page the entries stamped after its commit, even when they were reported before it', async () => {
    const store = new CaptureStore(session());
    await store.navigate(1, 'https://shop.example/', 1000);
    await store.recordCall(1, { ...call('old'), at: 1500 }, PAGE);
    await store.recordCall(1, { ...call('early'), at: 2100 }, PAGE);
    await store.navigate(1, 'https://shop.example/cart', 2000);
    expect((await store.get(1)).calls.map((c) => [c.id, c.page])).toEqual([['early', 2]]);
  });

  it('makes up the first page from the reporting document when no navigation was seen', async () => {
    const store = new CaptureStore(session());
    await store.recordCall(1, call('a'), 'https://shop.example/already-open');
    await store.setPreserve(1, true);
    await store.navigate(1, 'https://shop.example/next', tick());
    expect((await store.get(1)).pages.map((p) => [p.page, p.url])).toEqual([
      [1, 'https://shop.example/already-open'],
      [2, 'https://shop.example/next'],
    ]);
    expect((await store.get(1)).calls.map((c) => c.page)).toEqual([1]);
  });

  it('clears entries but keeps the current page and the preserve setting', async () => {
    const store = new CaptureStore(session());
    await store.setPreserve(1, true);
    await store.navigate(1, 'https://shop.example/', tick());
    await store.navigate(1, 'https://shop.example/cart', tick());
    await store.recordCall(1, call('a'), PAGE);
    await store.clear(1);
    expect(await store.get(1)).toMatchObject({ preserve: true, calls: [], requests: [], pages: [{ page: 2, url: 'https://shop.example/cart' }] });
  });

  it('survives a restart of the background: logs come back from storage.session', async () => {
    const first = new CaptureStore(session());
    await first.setPreserve(4, true);
    await first.recordCall(4, call('a'), PAGE);
    await first.flush();
    const second = new CaptureStore(session());
    expect(await second.get(4)).toMatchObject({ preserve: true, calls: [{ id: 'a' }] });
  });

  it('forgets closed tabs, also those closed while it slept', async () => {
    const store = new CaptureStore(session());
    for (const tab of [1, 2, 3]) await store.recordCall(tab, call(`c${tab}`), PAGE);
    await store.flush();
    await store.forget(1);
    await store.forgetAllBut([2]);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['tab:2']);
    expect((await new CaptureStore(session()).get(3)).calls).toEqual([]);
  });
});
