import type { MockInstance } from 'vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Checks } from './outbox';
import type { Entry } from './store';
import { backoff, createOutbox } from './outbox';
import { checkQueued } from './unchecked';
import { CAP, KEY, read, write } from './store';
import { setCookie } from '../identity/cookies';
import { CONFIG, HIT, json, refusal, result, settle, WHO } from '../testing/fetch';
import { fakeServer, opOf } from '../testing/server';
import { bootPage as boot, g, storedCalls, unloadPage as unload } from '../testing/page';
import { HIT_TRIES } from '../core/runtime';

let warn: MockInstance<typeof console.warn>;
let online: MockInstance<() => boolean>;

function goOffline() {
  online.mockReturnValue(false);
  dispatchEvent(new Event('offline'));
}
function goOnline() {
  online.mockReturnValue(true);
  dispatchEvent(new Event('online'));
}

/** The fixed calls of the seed's examples, in order. */
function makeCalls() {
  const C = g.Comagic;
  return [
    C.trackEvent('Offline', '1'),
    C.setProperty('Шаг', 'один'),
    C.addVisitorInfo({ email: 'a@example.com' }),
    C.setProperty('Шаг', 'два'),
    C.setProperty('Удалить', 'x'),
    C.deleteProperty('Удалить'),
    C.trackEvent('Offline', '2'),
  ];
}
const OPS = ['event', 'property_set', 'visitor_info', 'property_set', 'property_set', 'property_delete', 'event'];

beforeEach(() => {
  unload();
  localStorage.clear();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
  online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  unload();
  localStorage.clear();
  vi.useRealTimers();
});

describe('backoff', () => {
  it('doubles from 1 s to at most 60 s, each wait cut at random by up to half', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map(backoff)).toEqual([1e3, 2e3, 4e3, 8e3, 16e3, 32e3, 60e3, 60e3, 60e3]);
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    expect(backoff(0)).toBeCloseTo(500.5);
    expect(backoff(9)).toBeCloseTo(30030);
  });
});

describe('persisted before sent', () => {
  it('a write is in localStorage when its request goes out, and leaves it with the answer; reads are not kept', async () => {
    let seen: Entry[] | undefined;
    const server = fakeServer(HIT, (call, op) => {
      if (op != 'hit') seen ??= storedCalls().filter((e) => e.id == call.body.request_id);
      return undefined;
    });
    boot();
    await g.Comagic.ready;
    const p = g.Comagic.setProperty('Тип посетителя', 'Потенциальный');
    expect(storedCalls()).toEqual([{ id: expect.any(String), op: 'property_set', f: { name: 'Тип посетителя', value: 'Потенциальный' }, who: WHO }]);
    await p;
    expect(seen).toHaveLength(1);
    expect(seen![0]!.id).toBe(server.applied[0]!.body.request_id);
    expect(localStorage.getItem(KEY)).toBeNull();
    const q = g.Comagic.hasProperty('Тип посетителя');
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(await q).toStrictEqual({ success: true, result: true });
  });
});

describe('offline, then online', () => {
  it('keeps calls while navigator.onLine is false and sends them in order, once, on the online event', async () => {
    vi.useFakeTimers();
    const server = fakeServer(HIT);
    boot();
    await g.Comagic.ready;
    goOffline();
    const answers = makeCalls();
    await vi.advanceTimersByTimeAsync(500);
    expect(server.visitorCalls()).toHaveLength(0);
    expect(storedCalls().map((e) => e.op)).toEqual(OPS);
    goOnline();
    expect(await Promise.all(answers)).toEqual(OPS.map(() => ({ success: true })));
    expect(server.applied.map((a) => a.op)).toEqual(OPS);
    expect(server.visitorCalls()).toHaveLength(OPS.length);
    expect(server.props).toEqual(new Map([['Шаг', 'два']]));
    expect(storedCalls()).toEqual([]);
  });

  it('also retries on its own (backoff) when no online event comes', async () => {
    vi.useFakeTimers();
    const server = fakeServer(HIT);
    boot();
    await g.Comagic.ready;
    goOffline();
    const p = g.Comagic.trackEvent('c', 'a');
    await vi.advanceTimersByTimeAsync(10);
    online.mockReturnValue(true); // back, but silently
    await vi.advanceTimersByTimeAsync(900);
    expect(server.visitorCalls()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(await p).toStrictEqual({ success: true });
  });

  it('a network error keeps the call and retries it with the same request_id', async () => {
    vi.useFakeTimers();
    let failing = true;
    const server = fakeServer(HIT, (_c, op) => (op != 'hit' && failing ? new TypeError('Failed to fetch') : undefined));
    boot();
    await g.Comagic.ready;
    const p = g.Comagic.trackEvent('c', 'a');
    await vi.advanceTimersByTimeAsync(10);
    expect(server.visitorCalls()).toHaveLength(2); // data-collect, then data-rest
    failing = false;
    goOnline();
    expect(await p).toStrictEqual({ success: true });
    const ids = server.visitorCalls().map((c) => c.body.request_id);
    expect(new Set(ids).size).toBe(1);
    expect(server.applied).toHaveLength(1);
  });
});

describe('5xx, 408, 429: retried with backoff', () => {
  it('5xx then success: the same request_id is sent again after 1 s and applied once', async () => {
    vi.useFakeTimers();
    // One 503 of ours from {collect}: the REST route is not asked (it would only answer 500).
    let fail = 1;
    const server = fakeServer(HIT, (_c, op) => (op != 'hit' && fail-- > 0 ? refusal(503, 'storage_unavailable', '') : undefined));
    boot();
    await g.Comagic.ready;
    const cb = vi.fn();
    const p = g.Comagic.addVisitorInfo({ name: 'Анна' }, cb);
    const q = g.Comagic.trackEvent('after', 'it');
    await vi.advanceTimersByTimeAsync(10);
    expect(server.visitorCalls().map((c) => c.url)).toEqual([CONFIG.collect + '?op=visitor_info']);
    expect(cb).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(980);
    expect(server.visitorCalls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(await p).toStrictEqual({ success: true });
    expect(cb).toHaveBeenCalledTimes(1);
    expect(await q).toStrictEqual({ success: true });
    const calls = server.visitorCalls();
    expect(calls.map((c) => opOf(c.url))).toEqual(['visitor_info', 'visitor_info', 'event']);
    expect(new Set(calls.slice(0, 2).map((c) => c.body.request_id)).size).toBe(1);
    expect(server.applied.map((a) => a.op)).toEqual(['visitor_info', 'event']);
  });

  it('waits longer after each failure (1 s, 2 s, 4 s ...)', async () => {
    vi.useFakeTimers();
    const times: number[] = [];
    let fails = 4;
    fakeServer(HIT, (_c, op) => {
      if (op == 'hit') return undefined;
      times.push(Date.now());
      return fails-- > 0 ? json(429, {}) : undefined;
    });
    boot();
    await g.Comagic.ready;
    void g.Comagic.trackEvent('c', 'a');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([1e3, 2e3, 4e3, 8e3]);
  });

  it('the lost answer of an applied call: resent, applied once, settled once', async () => {
    vi.useFakeTimers();
    let drop = 1;
    const server = fakeServer(HIT);
    // The server applies the first call but its answer never reaches the page.
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const res = await realFetch(url, init);
      if (opOf(url) != 'hit' && drop-- > 0) throw new TypeError('connection reset');
      return res;
    });
    boot();
    await g.Comagic.ready;
    const cb = vi.fn();
    const p = g.Comagic.addVisitorInfo({ email: 'a@example.com' }, cb);
    await vi.advanceTimersByTimeAsync(1500);
    expect(await p).toStrictEqual({ success: true });
    expect(cb).toHaveBeenCalledTimes(1);
    const calls = server.visitorCalls();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.body.request_id).toBe(calls[0]!.body.request_id);
    expect(server.applied).toHaveLength(1);
  });
});

describe('after a page reload', () => {
  it('the next page replays what was left, after its own hit answer, in order, with the same request_ids and the original hit', async () => {
    vi.useFakeTimers();
    const first = fakeServer(HIT);
    boot();
    await g.Comagic.ready;
    goOffline();
    // Not awaited: offline, the calls wait in the outbox for the next page.
    void makeCalls();
    await vi.advanceTimersByTimeAsync(100);
    expect(first.visitorCalls()).toHaveLength(0);
    const left = storedCalls();
    expect(left.map((e) => e.op)).toEqual(OPS);
    expect(left.every((e) => e.who && e.who.hit_id == HIT.hit_id)).toBe(true);
    unload();
    goOnline();

    // The next page: the same visitor, a new hit.
    setCookie('_comagic_id', HIT.comagic_id);
    setCookie('_leadtrail_token', HIT.token);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const next = fakeServer(result(HIT.visitor_id, HIT.session_id, 999), (_c, op) => (op == 'hit' ? gate.then(() => undefined) : undefined));
    boot();
    await vi.advanceTimersByTimeAsync(100);
    expect(next.visitorCalls()).toHaveLength(0);
    release();
    await g.Comagic.ready;
    await vi.advanceTimersByTimeAsync(100);
    expect(next.applied.map((a) => a.op)).toEqual(OPS);
    expect(next.applied.map((a) => a.body.request_id)).toEqual(left.map((e) => e.id));
    expect(next.applied.every((a) => a.body.hit_id == HIT.hit_id)).toBe(true);
    expect(next.props).toEqual(new Map([['Шаг', 'два']]));
    expect(storedCalls()).toEqual([]);

    // And the page after that has nothing to send.
    unload();
    const third = fakeServer(HIT);
    boot();
    await g.Comagic.ready;
    await vi.advanceTimersByTimeAsync(100);
    expect(third.visitorCalls()).toHaveLength(0);
  });

  it("a call made before the first answer of a page that closed takes the next page's first answer", async () => {
    fakeServer(HIT, (_c, op) => (op == 'hit' ? new Promise<undefined>(() => {}) : undefined));
    boot();
    void g.Comagic.trackEvent('early', 'bird');
    expect(storedCalls()).toEqual([{ id: expect.any(String), op: 'event', f: { category: 'early', action: 'bird' } }]);
    unload();
    const other = result(77, 8, 9);
    const next = fakeServer(other);
    boot();
    await g.Comagic.ready;
    await settle();
    await settle();
    expect(next.applied).toHaveLength(1);
    expect(next.applied[0]!.body).toMatchObject({ visitor_id: 77, session_id: 8, hit_id: 9, token: other.token, category: 'early' });
  });

  it('entries of another visitor (the cookies changed) are sent with their own identity', async () => {
    const theirs = { visitor_id: 42, session_id: 4, hit_id: 2, token: '42.sig' };
    const left: Entry[] = [
      { id: 'a'.repeat(32), op: 'event', f: { category: 'old', action: 'visitor' }, who: theirs },
      { id: 'b'.repeat(32), op: 'property_set', f: { name: 'n' }, who: theirs },
    ];
    write(() => left);
    const server = fakeServer(HIT);
    boot();
    const mine = g.Comagic.trackEvent('new', 'visitor');
    await mine;
    expect(server.applied.map((a) => [a.body.visitor_id, a.body.token, a.body.request_id])).toEqual([
      [42, '42.sig', 'a'.repeat(32)],
      [42, '42.sig', 'b'.repeat(32)],
      [HIT.visitor_id, HIT.token, expect.any(String)],
    ]);
  });

  it('a refusal of a replayed entry ends it and the line goes on', async () => {
    write(() => [{ id: 'a'.repeat(32), op: 'event', f: { category: 'c', action: 'a' }, who: { ...WHO, token: `${WHO.visitor_id}.forged` } }]);
    const server = fakeServer(HIT, (call, op) => (op == 'event' && call.body.token != HIT.token ? refusal(403, 'invalid_token', 'token') : undefined));
    boot();
    expect(await g.Comagic.trackEvent('c', 'b')).toStrictEqual({ success: true });
    expect(server.applied.map((a) => a.body.action)).toEqual(['b']);
    expect(storedCalls()).toEqual([]);
  });

  it('malformed stored entries are skipped; garbage in the key does not break the runtime', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify([
        null,
        5,
        { id: 'short', op: 'event', f: {} },
        { id: 'c'.repeat(20), op: 'drop_tables', f: {} },
        { id: 'd'.repeat(20), op: 'property_get', f: { name: 'x' } },
        { id: 'e'.repeat(20), op: 'event', f: 'x' },
        { id: 'f'.repeat(20), op: 'event', f: { category: 'ok', action: 'ok' } },
      ]),
    );
    expect(read().map((e) => e.id)).toEqual(['f'.repeat(20)]);
    localStorage.setItem(KEY, '{not json');
    expect(read()).toEqual([]);
    const server = fakeServer(HIT);
    boot();
    expect(await g.Comagic.trackEvent('c', 'a')).toStrictEqual({ success: true });
    expect(server.applied).toHaveLength(1);
  });
});

describe('without localStorage', () => {
  it.each([
    [
      'unavailable (blocked storage throws on access)',
      () => {
        const denied = () => {
          throw new DOMException('denied', 'SecurityError');
        };
        vi.stubGlobal('localStorage', { getItem: denied, setItem: denied, removeItem: denied });
        return { mockRestore: () => vi.unstubAllGlobals() };
      },
    ],
    // (On the instance: happy-dom binds its methods there on first use, past a prototype spy.)
    [
      'full (setItem throws QuotaExceededError)',
      () =>
        vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
          throw new DOMException('full', 'QuotaExceededError');
        }),
    ],
  ])('%s: calls are kept in memory and still sent in order; one warning', async (_label, breakStorage) => {
    vi.useFakeTimers();
    const broken = breakStorage();
    try {
      const server = fakeServer(HIT);
      boot();
      await g.Comagic.ready;
      goOffline();
      const answers = makeCalls();
      await vi.advanceTimersByTimeAsync(100);
      goOnline();
      expect(await Promise.all(answers)).toEqual(OPS.map(() => ({ success: true })));
      expect(server.applied.map((a) => a.op)).toEqual(OPS);
      const texts = warn.mock.calls.map((c) => String(c[1]));
      expect(texts.filter((t) => t.includes('localStorage'))).toHaveLength(1);
    } finally {
      broken.mockRestore();
    }
  });
});

describe('the cap', () => {
  it(`keeps at most ${CAP} calls: the oldest is dropped with a warning and settles as outbox_full`, async () => {
    vi.useFakeTimers();
    const server = fakeServer(HIT);
    boot();
    await g.Comagic.ready;
    goOffline();
    const answers = Array.from({ length: CAP + 2 }, (_, i) => g.Comagic.trackEvent('cap', String(i)));
    await vi.advanceTimersByTimeAsync(10);
    expect(storedCalls()).toHaveLength(CAP);
    expect(storedCalls()[0]!.f.action).toBe('2');
    expect(await answers[0]).toStrictEqual({ success: false, result: { code: 'outbox_full', field: '' } });
    expect(await answers[1]).toStrictEqual({ success: false, result: { code: 'outbox_full', field: '' } });
    expect(warn.mock.calls.filter((c) => String(c[1]).includes('oldest'))).toHaveLength(1);
    goOnline();
    await vi.advanceTimersByTimeAsync(10);
    expect(await answers[CAP + 1]).toStrictEqual({ success: true });
    expect(server.applied.map((a) => a.body.action)).toEqual(Array.from({ length: CAP }, (_, i) => String(i + 2)));
    // 500 calls, each stored before it is sent: slow on a busy machine, not a measure of anything.
  }, 30_000);

  it('never drops the call on its way', async () => {
    let release!: () => void;
    const gate = new Promise<undefined>((r) => (release = () => r(undefined)));
    const server = fakeServer(HIT, (_c, op) => (op == 'event' ? gate : undefined));
    boot();
    await g.Comagic.ready;
    const answers = Array.from({ length: CAP + 1 }, (_, i) => g.Comagic.trackEvent('cap', String(i)));
    await settle();
    expect(server.visitorCalls()).toHaveLength(1);
    release();
    expect(await answers[0]).toStrictEqual({ success: true });
    expect(await answers[1]).toStrictEqual({ success: false, result: { code: 'outbox_full', field: '' } });
    // 501 calls through localStorage: seconds on a busy machine.
  }, 30_000);
});

describe('the stored list is shared by tabs', () => {
  it("two outboxes add and remove their own entries without dropping each other's", async () => {
    const send = vi.fn(async () => ({ success: true as const }));
    const a = createOutbox(send);
    const b = createOutbox(send);
    const entry = (id: string): Entry => ({ id: id.repeat(20), op: 'event', f: { category: 'c', action: id } });
    a.add(entry('a'));
    b.add(entry('b'));
    a.add(entry('c'));
    expect(read().map((e) => e.f.action)).toEqual(['a', 'b', 'c']);
    a.open(WHO);
    await settle();
    expect(read().map((e) => e.f.action)).toEqual(['b']);
    b.open({ ...WHO, hit_id: 5 });
    await settle();
    expect(read()).toEqual([]);
    a.stop();
    b.stop();
    expect(send.mock.calls.map((call) => (call as unknown as [Entry, unknown])[0].f.action)).toEqual(['a', 'c', 'b']);
    expect((send.mock.calls[2] as unknown as [Entry, { hit_id: number }])[1].hit_id).toBe(5);
  });

  it('stamps stored calls made before the first answer with its identity', () => {
    const send = vi.fn(() => new Promise<undefined>(() => {}));
    const box = createOutbox(send);
    box.add({ id: 'a'.repeat(20), op: 'event', f: { category: 'c', action: 'a' } });
    expect(read()[0]!.who).toBeUndefined();
    box.open(WHO);
    expect(read()[0]!.who).toEqual(WHO);
    box.stop();
  });
});

describe('calls checked lazily (leadtrail-checks.js)', () => {
  const raw = (id: string, f: Record<string, unknown>): Entry => ({ id: id.repeat(20), op: 'request', f: f as Entry['f'], u: 1 });
  const checks: Checks = {
    request: (f: unknown) => {
      const { name } = f as { name?: unknown };
      if (typeof name != 'string') throw { code: 'missing_contact', field: 'name' };
      return { name };
    },
    queued: (queue, save, end) => checkQueued(checks, queue, save, end),
  };

  it('keeps unchecked calls in order, stored, unsent until the checks load; then sends or refuses them', async () => {
    const send = vi.fn(async () => ({ success: true as const }));
    let loaded: typeof checks | undefined;
    const box = createOutbox(send, async () => loaded);
    const answers: unknown[] = [];
    box.add(raw('a', { name: 'Ann', x: () => 1 }), (a) => answers.push(a));
    box.add(raw('b', { name: NaN }), (a) => answers.push(a));
    box.add({ id: 'c'.repeat(20), op: 'event', f: { category: 'c', action: 'a' } }, (a) => answers.push(a));
    box.open(WHO);
    await settle();
    expect(send).not.toHaveBeenCalled();
    expect(read().map((e) => e.u)).toEqual([1, 1, undefined]);
    expect(read()[1]!.f.name).toEqual({ '\0': 0 });
    loaded = checks;
    box.add(raw('d', {}), (a) => answers.push(a));
    await settle();
    await settle();
    expect(answers).toEqual([
      { success: false, result: { code: 'missing_contact', field: 'name' } },
      { success: false, result: { code: 'missing_contact', field: 'name' } },
      { success: true },
      { success: true },
    ]);
    expect(send.mock.calls.map((call) => (call as unknown as [Entry])[0].f)).toEqual([{ name: 'Ann' }, { category: 'c', action: 'a' }]);
    expect(read()).toEqual([]);
    box.stop();
  });
});

describe('room for what matters (leads, callback orders, visitor info)', () => {
  const full = { success: false, result: { code: 'outbox_full', field: '' } };

  it(`offline, a lead then ${CAP} events: the oldest event makes room, the lead is kept and sent once`, async () => {
    vi.useFakeTimers();
    const server = fakeServer(HIT);
    boot();
    await g.Comagic.ready;
    goOffline();
    const lead = g.Comagic.addOfflineRequest({ name: 'Анна', phone: '+7 910 123-45-67' });
    const events = Array.from({ length: CAP }, (_, i) => g.Comagic.trackEvent('cap', String(i)));
    await vi.advanceTimersByTimeAsync(10);
    expect(storedCalls()).toHaveLength(CAP);
    expect(storedCalls()[0]!.op).toBe('request');
    expect(await events[0]).toStrictEqual(full);
    goOnline();
    await vi.advanceTimersByTimeAsync(10);
    expect(await lead).toStrictEqual({ success: true, result: null });
    expect(server.applied.filter((a) => a.op == 'request')).toHaveLength(1);
    expect(server.applied.filter((a) => a.op == 'event')).toHaveLength(CAP - 1);
  }, 30_000);

  it('an event does not push out a lead, a callback order or visitor info: when only those wait, the new event is refused', async () => {
    vi.useFakeTimers();
    const server = fakeServer(HIT);
    boot();
    await g.Comagic.ready;
    goOffline();
    const kept = Array.from({ length: CAP }, (_, i) =>
      i % 3 == 0
        ? g.Comagic.addOfflineRequest({ name: 'n' + i })
        : i % 3 == 1
          ? g.Comagic.addVisitorInfo({ name: 'n' + i })
          : (g.ComagicWidget as { sitePhoneCall(a: unknown, cb: unknown): Promise<unknown> }).sitePhoneCall({ phone: '79101234567' }, () => {}),
    );
    const event = g.Comagic.trackEvent('late', 'event');
    await vi.advanceTimersByTimeAsync(10);
    expect(await event).toStrictEqual(full);
    expect(
      storedCalls()
        .map((e) => e.op)
        .filter((op) => op == 'event'),
    ).toEqual([]);
    expect(storedCalls()).toHaveLength(CAP);
    goOnline();
    await vi.advanceTimersByTimeAsync(10);
    await Promise.all(kept);
    expect(server.applied).toHaveLength(CAP);
  }, 30_000);

  it('the stored list is cut the same way: events go first, then the oldest of the rest', () => {
    const entry = (op: Entry['op'], i: number): Entry => ({ id: `${op}-${i}`.padEnd(16, 'x'), op, f: { i } });
    write(() => [entry('request', 0), ...Array.from({ length: CAP }, (_, i) => entry('event', i)), entry('visitor_info', 1)]);
    const kept = read();
    expect(kept).toHaveLength(CAP);
    expect(kept[0]!.op).toBe('request');
    expect(kept.at(-1)!.op).toBe('visitor_info');
    expect(kept.filter((e) => e.op == 'event').map((e) => e.f.i)).toEqual(Array.from({ length: CAP - 2 }, (_, i) => i + 2));
    write(() => Array.from({ length: CAP + 1 }, (_, i) => entry('callback', i)));
    expect(read()[0]!.f.i).toBe(1);
  });
});

describe('a page view whose hit fails (the lead still goes from this page)', () => {
  const down = () => new TypeError('Failed to fetch');
  const identity = ['visitor_id', 'session_id', 'hit_id', 'token'];

  it('retries the hit with backoff; a lead made meanwhile goes out with the identity as soon as there is one', async () => {
    vi.useFakeTimers();
    // Two tries fail at both endpoints (1 s between them, then 2 s: Math.random is 0 here).
    let failures = 4;
    const server = fakeServer(HIT, (_c, op) => (op == 'hit' && failures-- > 0 ? down() : undefined));
    boot();
    const lead = g.Comagic.addOfflineRequest({ name: 'Анна' });
    await vi.advanceTimersByTimeAsync(10);
    expect(server.visitorCalls()).toEqual([]);
    await vi.advanceTimersByTimeAsync(3100);
    expect(await lead).toStrictEqual({ success: true, result: null });
    expect(server.calls.filter((c) => opOf(c.url) == 'hit')).toHaveLength(5);
    expect(server.applied).toHaveLength(1);
    expect(server.applied[0]!.body).toMatchObject(WHO);
    expect(g.Comagic.getVisitorId()).toBe(HIT.visitor_id);
  });

  it(`after ${HIT_TRIES} failed tries the lead goes without a visitor, once; the other calls wait for the identity`, async () => {
    vi.useFakeTimers();
    let serverDown = true;
    const server = fakeServer(HIT, (_c, op) => (op == 'hit' && serverDown ? down() : undefined));
    boot();
    const event = g.Comagic.trackEvent('before', 'hit');
    const lead = g.Comagic.addOfflineRequest({ name: 'Анна', message: 'перезвоните' });
    await vi.advanceTimersByTimeAsync(7100);
    expect(server.calls.filter((c) => opOf(c.url) == 'hit')).toHaveLength(2 * HIT_TRIES);
    expect(await lead).toStrictEqual({ success: true, result: null });
    expect(server.applied.map((a) => a.op)).toEqual(['request']);
    const body = server.applied[0]!.body;
    for (const key of identity) expect(body).not.toHaveProperty(key);
    expect(body).toMatchObject({ request_id: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'Анна', message: 'перезвоните' });
    expect(storedCalls().map((e) => e.op)).toEqual(['event']);
    // The hit keeps trying (backoff up to 60 s); once it answers, the event goes with the identity.
    // The page's callback does not wait for that: it has `queued` after 10 s (contracts.md).
    await vi.advanceTimersByTimeAsync(3000);
    expect(await event).toStrictEqual({ success: false, result: { code: 'queued', field: '' } });
    serverDown = false;
    await vi.advanceTimersByTimeAsync(61_000);
    expect(server.applied.map((a) => a.op)).toEqual(['request', 'event']);
    expect(server.applied[1]!.body).toMatchObject(WHO);
  });

  it('when the hit gives up, a lead the page queued goes without a visitor; onReady waits for the ids and Comagic stays hidden', async () => {
    vi.useFakeTimers();
    let serverDown = true;
    const server = fakeServer(HIT, (_c, op) => (op == 'hit' && serverDown ? down() : undefined));
    const answers: unknown[] = [];
    const ready: unknown[] = [];
    boot(['addOfflineRequest', { name: 'Анна' }, (o: unknown) => answers.push(o)], ['onReady', (c: unknown) => ready.push(c)]);
    await vi.advanceTimersByTimeAsync(7100);
    expect(answers).toStrictEqual([{ success: true, result: null }]);
    expect(server.applied.map((a) => a.op)).toEqual(['request']);
    for (const key of identity) expect(server.applied[0]!.body).not.toHaveProperty(key);
    expect(ready).toEqual([]);
    expect((window as { Comagic?: unknown }).Comagic).toBeUndefined();
    serverDown = false;
    await vi.advanceTimersByTimeAsync(61_000);
    expect(ready).toEqual([expect.objectContaining({ visitor_id: HIT.visitor_id })]);
    expect((window as { Comagic?: unknown }).Comagic).toBeDefined();
    expect(server.applied.map((a) => a.op)).toEqual(['request']);
  });

  it('a final refusal of the hit sends the lead without a visitor at once, and the hit is not tried again', async () => {
    vi.useFakeTimers();
    const server = fakeServer(HIT, (_c, op) => (op == 'hit' ? refusal(400, 'invalid_url', 'url') : undefined));
    boot();
    const lead = g.Comagic.addOfflineRequest({ phone: '79101234567' });
    await vi.advanceTimersByTimeAsync(10);
    expect(await lead).toStrictEqual({ success: true, result: null });
    expect(server.applied[0]!.body).not.toHaveProperty('visitor_id');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(server.calls.filter((c) => opOf(c.url) == 'hit')).toHaveLength(1);
  });

  it('a lead that went without a visitor stays so: its retry after the hit answered carries no identity either', async () => {
    vi.useFakeTimers();
    let serverDown = true;
    const server = fakeServer(HIT, (_c, op) => ((op == 'hit' || op == 'request') && serverDown ? down() : undefined));
    boot();
    const lead = g.Comagic.addOfflineRequest({ name: 'Анна' });
    await vi.advanceTimersByTimeAsync(7100);
    expect(storedCalls()).toEqual([expect.objectContaining({ op: 'request', who: {} })]);
    serverDown = false;
    await vi.advanceTimersByTimeAsync(61_000);
    expect(await lead).toStrictEqual({ success: true, result: null });
    const sent = server.calls.filter((c) => opOf(c.url) == 'request');
    expect(new Set(sent.map((c) => c.body.request_id)).size).toBe(1);
    for (const c of sent) for (const key of identity) expect(c.body).not.toHaveProperty(key);
    expect(server.applied).toHaveLength(1);
  });

  it('a stored lead of an earlier page that got no identity goes without a visitor from the next page too', async () => {
    vi.useFakeTimers();
    localStorage.setItem(KEY, JSON.stringify([{ id: 'r'.repeat(32), op: 'request', f: { name: 'Анна' }, who: {} }]));
    const server = fakeServer(HIT);
    boot();
    await g.Comagic.ready;
    await vi.advanceTimersByTimeAsync(10);
    expect(server.applied).toHaveLength(1);
    expect(server.applied[0]!.body).toEqual({ request_id: 'r'.repeat(32), name: 'Анна' });
  });
});
