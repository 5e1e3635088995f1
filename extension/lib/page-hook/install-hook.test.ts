import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageWindow, settle } from '../../testing/page-window';
import type { PageWindow } from '../../testing/page-window';
import type { CallRecord } from '../messages/call-record';
import { BRIDGE_SOURCE, HOOK_SOURCE } from '../messages/page-channel';
import type { PageRequest, PageResponse } from '../messages/page-channel';
import { installHook } from './install-hook';

// The hook in a happy-dom page: what it records of the page's calls, and what it answers.

type Page = PageWindow & Record<string, unknown>;

let win: Page;
let calls: Map<string, CallRecord>;
let responses: Map<string, PageResponse>;

beforeEach(() => {
  win = pageWindow() as Page;
  calls = new Map();
  responses = new Map();
  installHook(win);
  win.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { source?: string; type?: string; call?: CallRecord; id?: string; response?: PageResponse };
    if (data.source !== HOOK_SOURCE) return;
    if (data.type === 'call' && data.call) calls.set(data.call.id, data.call);
    if (data.type === 'response' && data.id && data.response) responses.set(data.id, data.response);
  });
});

afterEach(async () => {
  await win.happyDOM.close();
});

const recorded = () => [...calls.values()];

async function ask(request: PageRequest): Promise<PageResponse> {
  const id = `r${responses.size + Math.random()}`;
  win.postMessage({ source: BRIDGE_SOURCE, id, request }, '*');
  for (let i = 0; i < 100 && !responses.has(id); i++) await settle(5);
  const response = responses.get(id);
  if (!response) throw new Error('the hook did not answer');
  return response;
}

/** A vendor-like runtime written to the documented API (SPEC A4, A5, A12, A13, A16–A18). */
function vendorRuntime() {
  const properties: Record<string, unknown> = {};
  return {
    state: { visitor: 17258569, session: 255544855 },
    getVisitorId() {
      return this.state.visitor;
    },
    getSessionId() {
      return this.state.session;
    },
    getCredentials() {
      return { site_key: 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75', visitor_id: this.getVisitorId(), hit_id: 546833568748, session_id: this.getSessionId() };
    },
    trackEvent(_category: string, _action: string) {},
    setProperty(name: string, value?: unknown) {
      properties[name] = value ?? true;
    },
    getProperty(name: string, callback: (answer: unknown) => void) {
      setTimeout(() => callback({ success: true, result: properties[name] ?? false }), 5);
    },
    hasProperty(name: string, callback: (answer: unknown) => void) {
      setTimeout(() => callback({ success: true, result: name in properties }), 5);
    },
    addOfflineRequest(_request: unknown, callback?: (answer: unknown) => void) {
      setTimeout(() => callback?.({ success: true, result: null }), 30);
    },
    addVisitorInfo(_info: unknown, callback?: (answer: unknown) => void) {
      callback?.({ success: true });
    },
    getOperatorStatus: () => false,
    openSiteRequestPanel() {},
    openChatWindow() {},
    reinitTrackView() {},
    getPhones: () => [],
    getDTPhones: () => null,
    getReplacedPhones: () => ({}),
    deleteProperty(name: string) {
      delete properties[name];
    },
    Captcha: { get_captcha: (callback: (answer: unknown) => void) => callback({ key: 'k1', url: '/captcha/k1.png' }) },
  };
}

type Api = ReturnType<typeof vendorRuntime>;
const api = () => win['Comagic'] as Api;

describe('recording calls', () => {
  it('records a call on a Comagic assigned after the hook, with its arguments and return', async () => {
    win['Comagic'] = vendorRuntime();
    api().trackEvent('Offer', 'DownloadBook');
    const credentials = api().getCredentials();
    await settle();
    expect(credentials.visitor_id).toBe(17258569);
    expect(recorded()).toMatchObject([
      { path: 'Comagic.trackEvent', args: ['Offer', 'DownloadBook'], status: 'returned', origin: 'page', returned: { $lt: 'undefined' } },
      { path: 'Comagic.getCredentials', args: [], status: 'returned', returned: { visitor_id: 17258569, hit_id: 546833568748 } },
    ]);
    // `this.getVisitorId()` inside getCredentials is the runtime's own business: not recorded.
    expect(recorded()).toHaveLength(2);
    expect(recorded()[1]?.ms).toBeGreaterThanOrEqual(0);
  });

  it('records the callback answer and still hands it to the page', async () => {
    win['Comagic'] = vendorRuntime();
    const answers: unknown[] = [];
    api().addOfflineRequest({ name: 'Ann', phone: '+79000000000' }, (answer) => answers.push(answer));
    await settle();
    expect(recorded()[0]).toMatchObject({ status: 'waiting', args: [{ name: 'Ann' }, { $lt: 'function' }] });
    await settle(50);
    expect(answers).toEqual([{ success: true, result: null }]);
    expect(recorded()[0]).toMatchObject({ status: 'answered', answer: { success: true, result: null } });
  });

  it('records an answer given synchronously, inside the call', async () => {
    win['Comagic'] = vendorRuntime();
    api().addVisitorInfo({ name: 'Ann' }, () => undefined);
    await settle();
    expect(recorded()).toMatchObject([{ path: 'Comagic.addVisitorInfo', status: 'answered', answer: { success: true } }]);
  });

  it('records promise answers (R8) and rejections', async () => {
    win['Comagic'] = {
      hasProperty: () => Promise.resolve({ success: true, result: true }),
      getProperty: () => Promise.reject(new Error('offline')),
    };
    const comagic = win['Comagic'] as { hasProperty(): Promise<unknown>; getProperty(): Promise<unknown> };
    await comagic.hasProperty();
    await expect(comagic.getProperty()).rejects.toThrow('offline');
    await settle();
    expect(recorded()).toMatchObject([
      { path: 'Comagic.hasProperty', status: 'answered', answer: { success: true, result: true } },
      { path: 'Comagic.getProperty', status: 'rejected', error: 'Error: offline' },
    ]);
  });

  it('records a call that throws, and the page still gets the exception', async () => {
    win['Comagic'] = {
      getCredentials: () => {
        throw new TypeError('not ready');
      },
    };
    expect(() => (win['Comagic'] as { getCredentials(): unknown }).getCredentials()).toThrow('not ready');
    await settle();
    expect(recorded()).toMatchObject([{ path: 'Comagic.getCredentials', status: 'threw', error: 'TypeError: not ready' }]);
  });

  it('keeps `this` the real object and leaves internals and markers untouched', async () => {
    const runtime = { ...vendorRuntime(), __leadtrail: { runtime: 'leadtrail', version: '0.1.0' }, _secret: () => 1 };
    win['Comagic'] = runtime;
    const exposed = win['Comagic'] as typeof runtime;
    expect(exposed.getVisitorId()).toBe(17258569);
    expect(exposed.__leadtrail).toBe(runtime.__leadtrail);
    expect(exposed._secret).toBe(runtime._secret);
    expect(exposed.trackEvent).toBe(exposed.trackEvent);
    expect(exposed.trackEvent.name).toBe('trackEvent');
    await settle();
    expect(recorded().map((call) => call.path)).toEqual(['Comagic.getVisitorId']);
  });

  it('records nested namespaces, methods added later, and ComagicWidget', async () => {
    win['Comagic'] = {};
    win['ComagicWidget'] = {
      sitePhoneCall: (_request: unknown, callback: (a: unknown) => void) => callback({ success: true, result: { status: 0, code: 'ok' } }),
    };
    const runtime = win['Comagic'] as Partial<Api>;
    // A half-loaded runtime finishing its set-up: the object gains methods after it was assigned.
    Object.assign(runtime, { Captcha: vendorRuntime().Captcha, openChatWindow() {} });
    runtime.Captcha?.get_captcha(() => undefined);
    runtime.openChatWindow?.();
    (win['ComagicWidget'] as { sitePhoneCall(r: unknown, c: () => void): void }).sitePhoneCall({ phone: '+79000000000' }, () => undefined);
    await settle();
    expect(recorded().map((call) => [call.path, call.status])).toEqual([
      ['Comagic.Captcha.get_captcha', 'answered'],
      ['Comagic.openChatWindow', 'returned'],
      ['ComagicWidget.sitePhoneCall', 'answered'],
    ]);
  });

  it('still lets a frozen API work, unrecorded', async () => {
    win['Comagic'] = Object.freeze(vendorRuntime());
    expect(api().getVisitorId()).toBe(17258569);
    await settle();
    expect(recorded()).toEqual([]);
  });

  it('records __cs pushes before the runtime loads and after it takes the queue over (R3)', async () => {
    win['__cs'] = (win['__cs'] as unknown[] | undefined) ?? [];
    (win['__cs'] as unknown[]).push(['setCsAccount', 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75']);
    const early = win['__cs'] as unknown[];
    expect(early).toEqual([['setCsAccount', 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75']]);
    // The runtime replays the array (reading it is not a call) and installs its own queue.
    const ran: unknown[] = [];
    early.forEach((command) => ran.push(command));
    win['__cs'] = { push: (command: unknown) => ran.push(command) };
    (win['__cs'] as { push(c: unknown): void }).push(['trackEvent', 'Offer', 'Open']);
    await settle();
    expect(ran).toEqual([
      ['setCsAccount', 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75'],
      ['trackEvent', 'Offer', 'Open'],
    ]);
    expect(recorded().map((call) => [call.path, call.args])).toEqual([
      ['__cs.push', [['setCsAccount', 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75']]],
      ['__cs.push', [['trackEvent', 'Offer', 'Open']]],
    ]);
  });
});

describe('answering the bridge', () => {
  it('says so when the page has no Comagic', async () => {
    const response = await ask({ kind: 'inspect' });
    expect(response).toMatchObject({
      kind: 'snapshot',
      snapshot: { url: 'https://shop.example/catalog', comagic: { present: false }, widgetMissing: null, queue: { state: 'absent' } },
    });
  });

  it("reads a vendor runtime's credentials, ids and queue without recording them", async () => {
    win['__cs'] = [['setCsAccount', 'key']];
    win['Comagic'] = vendorRuntime();
    const response = await ask({ kind: 'inspect' });
    expect(response).toMatchObject({
      kind: 'snapshot',
      snapshot: {
        comagic: {
          present: true,
          runtime: { name: 'vendor', loader: null },
          missing: [],
          credentials: { ok: true, value: { site_key: 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75', hit_id: 546833568748 } },
          visitorId: { ok: true, value: 17258569 },
          sessionId: { ok: true, value: 255544855 },
          properties: null,
        },
        queue: { state: 'waiting', commands: [['setCsAccount', 'key']] },
      },
    });
    expect(recorded()).toEqual([]);
  });

  it("lists LeadTrail's properties and version", async () => {
    win['Comagic'] = {
      ...vendorRuntime(),
      __leadtrail: { runtime: 'leadtrail', version: '0.2.0', properties: () => Promise.resolve({ 'Тип посетителя': 'Потенциальный' }) },
    };
    const response = await ask({ kind: 'inspect' });
    expect(response).toMatchObject({
      snapshot: {
        comagic: {
          runtime: { name: 'leadtrail', version: '0.2.0' },
          properties: { ok: true, value: { 'Тип посетителя': 'Потенциальный' } },
        },
      },
    });
  });

  it('reports a half-loaded or throwing runtime field by field', async () => {
    win['Comagic'] = {
      getCredentials() {
        throw new Error('not initialised');
      },
      get getVisitorId() {
        throw new Error('getter exploded');
      },
    };
    const response = await ask({ kind: 'inspect' });
    if (response.kind !== 'snapshot' || !response.snapshot.comagic.present) throw new Error(`unexpected ${JSON.stringify(response)}`);
    const comagic = response.snapshot.comagic;
    expect(comagic.missing).toContain('trackEvent');
    expect(comagic.missing).toContain('getVisitorId');
    expect(comagic.credentials).toEqual({ ok: false, error: 'Error: not initialised' });
    expect(comagic.visitorId).toEqual({ ok: false, error: 'Error: getter exploded' });
    expect(comagic.sessionId).toEqual({ ok: false, error: 'getSessionId is not a function' });
  });

  it("reads the phone methods, LeadTrail's hit answer as its chunk got it, the number elements and the id cookies", async () => {
    win.document.body.innerHTML = '<span class="comagic_phone">+7 (499) 000-00-01</span><a href="tel:+74990000001">call</a>';
    win.document.cookie = '_comagic_id=17.25.1';
    win.document.cookie = '_leadtrail_token=<b>t</b>';
    win.document.cookie = 'other=1';
    const answer = { site: ['74951825168'], number: '74990000001', dynamic: false, kind: 'static', label: 'utm_source = google' };
    const replaced = { '.comagic_phone': '74990000001' };
    win['Comagic'] = {
      ...vendorRuntime(),
      getPhones: () => [{ id: '.comagic_phone', img: '', text: '+7 (495) 182-51-68', raw: '74951825168' }],
      getReplacedPhones: (type?: string) => (type === 'dynamic' ? {} : replaced),
    };
    // The chunk registers itself; the core calls it with the answer's `phones`.
    win['__leadtrailPhones'] = (phones: unknown) => `started with ${JSON.stringify(phones)}`;
    const started = (win['__leadtrailPhones'] as (phones: unknown) => string)(answer);
    expect(started).toBe(`started with ${JSON.stringify(answer)}`);

    const response = await ask({ kind: 'inspect' });
    if (response.kind !== 'snapshot') throw new Error(`unexpected ${JSON.stringify(response)}`);
    expect(response.snapshot.phones).toEqual({
      methods: {
        getPhones: { ok: true, value: [{ id: '.comagic_phone', img: '', text: '+7 (495) 182-51-68', raw: '74951825168' }] },
        getDTPhones: { ok: true, value: null },
        replaced: { ok: true, value: replaced },
        replacedStatic: { ok: true, value: replaced },
        replacedDynamic: { ok: true, value: {} },
      },
      answer,
      elements: [
        { where: '.comagic_phone', text: '+7 (499) 000-00-01' },
        { where: 'tel: link "call"', text: 'tel:+74990000001' },
      ],
      cookies: [
        { name: '_comagic_id', value: '17.25.1' },
        { name: '_leadtrail_token', value: '<b>t</b>' },
      ],
    });
    expect(recorded()).toEqual([]);
  });

  it('reads no phone methods without Comagic, and reports a throwing one in its place', async () => {
    expect(await ask({ kind: 'inspect' })).toMatchObject({ snapshot: { phones: { methods: null, answer: null, elements: [], cookies: [] } } });
    win['Comagic'] = {
      getPhones() {
        throw new Error('not ready');
      },
    };
    expect(await ask({ kind: 'inspect' })).toMatchObject({
      snapshot: {
        phones: { methods: { getPhones: { ok: false, error: 'Error: not ready' }, getDTPhones: { ok: false, error: 'getDTPhones is not a function' } } },
      },
    });
  });

  it("reads getOperatorStatus() and LeadTrail's chat window, and drops a chat view of another shape", async () => {
    win['__leadtrailChatView'] = { state: 'waiting', operator: null, messages: [{ id: 1, from: 'visitor', text: '<b>hi</b>', at: 1700000000 }] };
    expect(await ask({ kind: 'inspect' })).toMatchObject({ snapshot: { chat: null } });

    win['Comagic'] = { ...vendorRuntime(), getOperatorStatus: () => true };
    expect(await ask({ kind: 'inspect' })).toMatchObject({
      snapshot: {
        chat: {
          operatorStatus: { ok: true, value: true },
          window: { state: 'waiting', operator: null, messages: [{ id: 1, from: 'visitor', text: '<b>hi</b>', at: 1700000000 }] },
        },
      },
    });
    win['__leadtrailChatView'] = { state: 'typing', messages: 'none' };
    expect(await ask({ kind: 'inspect' })).toMatchObject({ snapshot: { chat: { operatorStatus: { ok: true, value: true }, window: null } } });
    expect(recorded()).toEqual([]);
  });

  it("runs an action as the page would, marked as the inspector's, and returns its answer", async () => {
    win['Comagic'] = vendorRuntime();
    const response = await ask({ kind: 'run', action: { method: 'addOfflineRequest', args: [{ name: 'Test' }] } });
    expect(response).toMatchObject({
      kind: 'ran',
      call: { path: 'Comagic.addOfflineRequest', origin: 'inspector', status: 'answered', answer: { success: true, result: null } },
    });
    api().trackEvent('After', 'Action');
    await settle();
    expect(recorded().map((call) => [call.path, call.origin])).toEqual([
      ['Comagic.addOfflineRequest', 'inspector'],
      ['Comagic.trackEvent', 'page'],
    ]);
  });

  it('fails an action cleanly when the method is missing, and ignores forged requests', async () => {
    expect(await ask({ kind: 'run', action: { method: 'trackEvent', args: ['a', 'b'] } })).toEqual({
      kind: 'failed',
      error: 'Comagic.trackEvent is not a function on this page',
    });
    win['Comagic'] = vendorRuntime();
    win.postMessage({ source: BRIDGE_SOURCE, id: 'forged', request: { kind: 'run', action: { method: 'eval', args: ['1'] } } }, '*');
    await settle(20);
    expect(responses.has('forged')).toBe(false);
    expect(recorded()).toEqual([]);
  });
});
