// The request form (A3) in happy-dom: dialog semantics, labels, focus, the required-one-of rule,
// refusals next to their field, success, the slow notice, languages, the group choice.
import type { Mock } from 'vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { Answer } from '../schemas/calls';
import type { Runtime } from '../core/runtime';
import type { WidgetApi } from './api';
import { SLOW_MS } from './form';
import { openRequestForm } from './request';
import { CONFIG, json, settle } from '../testing/fetch';
import { fakeServer, opOf } from '../testing/server';
import { boot as bootRuntime, embed, g, resetPage, runtimeScript } from '../testing/page';

const REST = 'https://shop.example/wp-json/leadtrail/v1/';
const COLLECT = 'https://shop.example/wp-content/plugins/leadtrail/collect.php';
const OK: Answer<'request'> = { success: true, result: null };

type Api = WidgetApi & { addOfflineRequest: Mock<WidgetApi['addOfflineRequest']> };
let api: Api;
let groupsReply: () => Response | Promise<Response>;
let fetched: string[];
let host: HTMLElement;
const runtimes: Runtime[] = [];

const root = () => host.shadowRoot!;
const $ = <T extends Element = HTMLElement>(sel: string) => root().querySelector<T>(sel);
const field = (name: string) => $<HTMLInputElement>(`[name="${name}"]`)!;
const dialog = () => $('[data-leadtrail-widget="request"]')!;
const result = () => $('[data-leadtrail-result]')!;
const text = (id: string | null) =>
  id
    ? id
        .split(' ')
        .map((i) => root().getElementById(i)?.textContent)
        .join(' ')
    : '';
/** The element with focus, inside the shadow root. */
const focused = () => root().activeElement;

/** Lets Preact render and run its effects, and pending promises settle. */
const flush = () =>
  act(async () => {
    await settle();
  });

async function open(options?: { formName?: string }) {
  await act(() => void (host = openRequestForm(api, options)!));
  await flush();
}
async function type(name: string, value: string) {
  await act(() => {
    const f = field(name);
    f.value = value;
    f.dispatchEvent(new Event(f.tagName == 'SELECT' ? 'change' : 'input', { bubbles: true }));
  });
}
async function submit() {
  await act(() => void $('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
  await flush();
}
async function key(k: string, shiftKey = false) {
  const target = (focused() as HTMLElement | null) || document.body;
  const e = new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, composed: true, cancelable: true });
  await act(() => void target.dispatchEvent(e));
  return e;
}

beforeEach(() => {
  document.documentElement.lang = 'en-US';
  document.body.innerHTML = '';
  api = { addOfflineRequest: vi.fn(async () => OK), sitePhoneCall: vi.fn(), getCaptcha: vi.fn(), lean: COLLECT, rest: REST };
  groupsReply = () => json(200, { success: true, result: [] });
  fetched = [];
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(String(url));
    return groupsReply();
  });
});
afterEach(async () => {
  // Close what a test left open (Esc), so the next one starts clean.
  if (host?.isConnected) await key('Escape');
  for (const rt of runtimes.splice(0)) rt.stop();
  resetPage();
  document.documentElement.lang = '';
  vi.useRealTimers();
});

describe('the dialog', () => {
  it('is a labelled modal dialog in a shadow root, with a label for every field and stable names', async () => {
    await open();
    expect(host.tagName).toBe('LEADTRAIL-WIDGET');
    expect(host.getAttribute('style')).toContain('all:initial');
    expect(root().querySelector('style')!.textContent).toContain('.sheet');
    const d = dialog();
    expect(d.getAttribute('role')).toBe('dialog');
    expect(d.getAttribute('aria-modal')).toBe('true');
    expect(text(d.getAttribute('aria-labelledby'))).toBe('Leave a request');
    const controls = Array.from(root().querySelectorAll<HTMLInputElement>('input, select, textarea'));
    expect(controls.map((c) => c.name)).toEqual(['name', 'phone', 'email', 'message', 'website']);
    for (const c of controls) expect(root().querySelector(`label[for="${c.id}"]`)?.textContent, c.name).toBeTruthy();
    expect($('button[type=submit]')!.textContent).toBe('Send');
    expect($('button.x')!.getAttribute('aria-label')).toBe('Close');
    expect(result().getAttribute('aria-live')).toBe('polite');
    // The honeypot: out of sight, out of the tab order, hidden from assistive technology.
    expect(field('website').tabIndex).toBe(-1);
    expect(field('website').closest('[aria-hidden="true"]')).not.toBeNull();
    // Nothing of it in the page's own tree.
    expect(document.querySelector('[data-leadtrail-widget]')).toBeNull();
  });

  it('takes the focus to the first field; Tab and Shift+Tab stay inside', async () => {
    await open();
    expect(document.activeElement).toBe(host);
    expect(focused()).toBe(field('name'));
    const last = $<HTMLButtonElement>('button.x')!;
    last.focus();
    // The close button comes first in the header; the submit button is the last in the form.
    const order = Array.from(root().querySelectorAll<HTMLElement>('button, input:not([tabindex="-1"]), textarea'));
    const first = order[0]!;
    const end = order[order.length - 1]!;
    end.focus();
    let e = await key('Tab');
    expect(e.defaultPrevented).toBe(true);
    expect(focused()).toBe(first);
    e = await key('Tab', true);
    expect(e.defaultPrevented).toBe(true);
    expect(focused()).toBe(end);
    // In the middle, Tab is the browser's.
    field('phone').focus();
    e = await key('Tab');
    expect(e.defaultPrevented).toBe(false);
  });

  it('focus that lands on the page behind comes back in', async () => {
    const outside = document.createElement('button');
    document.body.prepend(outside);
    await open();
    await act(() => outside.focus());
    expect(document.activeElement).toBe(host);
    expect(focused()).toBe(field('name'));
  });

  it('Esc closes it and the focus returns to where it was; so does the close button', async () => {
    const opener = document.createElement('button');
    document.body.appendChild(opener);
    opener.focus();
    document.documentElement.style.overflow = 'auto';
    await open();
    expect(document.documentElement.style.overflow).toBe('hidden');
    await key('Escape');
    expect(host.isConnected).toBe(false);
    expect(document.activeElement).toBe(opener);
    expect(document.documentElement.style.overflow).toBe('auto');

    await open();
    await act(() => $<HTMLButtonElement>('button.x')!.click());
    expect(host.isConnected).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('opening it again while it is open brings the same one forward', async () => {
    await open();
    const first = host;
    await type('name', 'Анна');
    field('message').focus();
    await act(() => void openRequestForm(api));
    expect(document.querySelectorAll('leadtrail-widget')).toHaveLength(1);
    expect(focused()).toBe(field('name'));
    expect(field('name').value).toBe('Анна');
    host = first;
  });
});

describe('sending', () => {
  it('needs a phone or an e-mail: the error is shown by both, announced, and nothing is sent', async () => {
    await open();
    await type('name', 'Анна');
    await submit();
    expect(api.addOfflineRequest).not.toHaveBeenCalled();
    for (const name of ['phone', 'email']) {
      expect(field(name).getAttribute('aria-invalid')).toBe('true');
      expect(text(field(name).getAttribute('aria-describedby'))).toBe('Enter a phone number or an e-mail.');
    }
    expect(field('name').getAttribute('aria-invalid')).toBeNull();
    expect(result().textContent).toBe('Please correct the marked fields.');
    expect(focused()).toBe(field('phone'));
    // Typing a phone clears it.
    await type('phone', '7');
    expect(field('email').getAttribute('aria-invalid')).toBeNull();
  });

  it('checks the phone and the e-mail before sending, each next to its field', async () => {
    await open();
    await type('phone', '12-34');
    await type('email', 'anna@');
    await submit();
    expect(api.addOfflineRequest).not.toHaveBeenCalled();
    expect(text(field('phone').getAttribute('aria-describedby'))).toBe('Check the phone number: 7 to 15 digits.');
    expect(text(field('email').getAttribute('aria-describedby'))).toBe('Check the e-mail address.');
    expect(focused()).toBe(field('phone'));
  });

  it('sends through addOfflineRequest and shows the success; the form gives way to a close button', async () => {
    const opener = document.createElement('button');
    document.body.appendChild(opener);
    opener.focus();
    await open();
    await type('name', '  Анна ');
    await type('phone', '+7 (912) 345-67-89');
    await type('message', 'Перезвоните после 18:00');
    await submit();
    expect(api.addOfflineRequest).toHaveBeenCalledTimes(1);
    expect(api.addOfflineRequest.mock.calls[0]![0]).toEqual({
      name: 'Анна',
      phone: '+7 (912) 345-67-89',
      email: '',
      message: 'Перезвоните после 18:00',
      form_name: 'Request form',
    });
    expect(result().textContent).toBe('Thank you! Your request has been sent. We will contact you soon.');
    expect(field('name')).toBeNull();
    const done = $<HTMLButtonElement>('button.submit')!;
    expect(done.type).toBe('button');
    expect(focused()).toBe(done);
    await act(() => done.click());
    expect(host.isConnected).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('takes the form name from the options', async () => {
    await open({ formName: 'Заказ звонка' });
    await type('email', 'anna@example.com');
    await submit();
    expect(api.addOfflineRequest.mock.calls[0]![0]).toMatchObject({ email: 'anna@example.com', form_name: 'Заказ звонка' });
  });

  it("shows a refusal next to the field it names, with the field's text", async () => {
    api.addOfflineRequest.mockResolvedValueOnce({ success: false, result: { code: 'invalid_email', field: 'email', message: 'x' } });
    await open();
    await type('email', 'anna@example.com');
    await submit();
    expect(field('email').getAttribute('aria-invalid')).toBe('true');
    expect(text(field('email').getAttribute('aria-describedby'))).toBe('Check the e-mail address.');
    expect(field('phone').getAttribute('aria-invalid')).toBeNull();
    expect(result().textContent).toBe('Please correct the marked fields.');
    expect(focused()).toBe(field('email'));
    // Fixed and sent again.
    await submit();
    expect(api.addOfflineRequest).toHaveBeenCalledTimes(2);
    expect(result().textContent).toContain('Thank you!');
  });

  it('a refusal of no field of the form: a try-later notice, and the button works again', async () => {
    api.addOfflineRequest.mockResolvedValueOnce({ success: false, result: { code: 'http_error', field: '', message: 'HTTP 403' } });
    await open();
    await type('phone', '79123456789');
    await submit();
    expect(result().textContent).toBe('The request could not be sent. Please try again later.');
    expect($('button[type=submit]')!.getAttribute('aria-disabled')).toBeNull();
    expect(root().querySelectorAll('[aria-invalid]')).toHaveLength(0);
  });

  it('no answer for a while (offline, the server asks to wait): says the request is kept; the answer still lands', async () => {
    let answer!: (a: Answer<'request'>) => void;
    api.addOfflineRequest.mockReturnValueOnce(new Promise((r) => (answer = r)));
    await open();
    await type('phone', '79123456789');
    vi.useFakeTimers();
    await act(() => void $('form')!.dispatchEvent(new Event('submit', { cancelable: true })));
    expect(result().textContent).toBe('Sending…');
    expect($('button[type=submit]')!.getAttribute('aria-disabled')).toBe('true');
    // A second press while it is on its way sends nothing more.
    await act(() => void $('form')!.dispatchEvent(new Event('submit', { cancelable: true })));
    expect(api.addOfflineRequest).toHaveBeenCalledTimes(1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(SLOW_MS);
    });
    expect(result().textContent).toContain('Your request is saved and will be sent automatically');
    await act(async () => answer(OK));
    vi.useRealTimers();
    await flush();
    expect(result().textContent).toContain('Thank you!');
  });

  it('a `queued` answer (no answer in 10 s): the request stays saved, the button stays off, nothing is sent twice', async () => {
    api.addOfflineRequest.mockResolvedValueOnce({ success: false, result: { code: 'queued', field: '' } });
    await open();
    await type('phone', '79123456789');
    await submit();
    expect(result().textContent).toContain('Your request is saved and will be sent automatically');
    expect($('button[type=submit]')!.getAttribute('aria-disabled')).toBe('true');
    await submit();
    expect(api.addOfflineRequest).toHaveBeenCalledTimes(1);
  });

  it('offline at the press: the notice at once', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    api.addOfflineRequest.mockReturnValueOnce(new Promise(() => {}));
    await open();
    await type('email', 'anna@example.com');
    await submit();
    expect(result().textContent).toContain('Your request is saved');
  });

  it('sends the honeypot as leadtrail_hp when something filled it', async () => {
    await open();
    await type('email', 'bot@example.com');
    await type('website', 'http://spam.example');
    await submit();
    expect(api.addOfflineRequest.mock.calls[0]![0]).toMatchObject({ leadtrail_hp: 'http://spam.example' });
  });
});

describe('the employee groups', () => {
  it('a choice of the groups from GET {collect}?op=groups, sent as group_id; a refusal of it shown there', async () => {
    groupsReply = () =>
      json(200, {
        success: true,
        result: [
          { id: 16587, name: 'Продажи' },
          { id: 2, name: 'Support' },
        ],
      });
    api.addOfflineRequest.mockResolvedValueOnce({ success: false, result: { code: 'unknown_group', field: 'group_id' } });
    await open();
    expect(fetched).toEqual([COLLECT + '?op=groups']);
    const select = field('group_id') as unknown as HTMLSelectElement;
    expect(select.tagName).toBe('SELECT');
    expect(root().querySelector(`label[for="${select.id}"]`)!.textContent).toBe('Department');
    expect(Array.from(select.options).map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Any department'],
      ['16587', 'Продажи'],
      ['2', 'Support'],
    ]);
    await type('phone', '79123456789');
    await type('group_id', '16587');
    await submit();
    expect(api.addOfflineRequest.mock.calls[0]![0]).toMatchObject({ group_id: 16587 });
    expect(text(select.getAttribute('aria-describedby'))).toBe('Choose another department.');
    expect(focused()).toBe(select);
  });

  it.each([
    ['no groups', () => json(200, { success: true, result: [] })],
    ['a refusal', () => json(400, { success: false, result: { code: 'invalid_op', field: 'op' } })],
    [
      'a malformed list',
      () =>
        json(200, {
          success: true,
          result: [
            { id: 'x', name: 'Sales' },
            { id: 0, name: 'Zero' },
          ],
        }),
    ],
    ['storage_unavailable', () => json(503, { success: false, result: { code: 'storage_unavailable', field: '' } })],
  ])('no choice with %s', async (_label, reply) => {
    groupsReply = reply as () => Response;
    await open();
    expect(fetched).toEqual([COLLECT + '?op=groups']);
    expect(field('group_id')).toBeNull();
    await type('phone', '79123456789');
    await submit();
    expect(api.addOfflineRequest.mock.calls[0]![0].group_id).toBeUndefined();
  });
});

describe('languages', () => {
  it.each([['ru-RU'], ['ru'], ['RU']])('Russian for lang="%s"', async (lang) => {
    document.documentElement.lang = lang;
    await open();
    expect(text(dialog().getAttribute('aria-labelledby'))).toBe('Оставить заявку');
    expect(root().querySelector('label[for="lt-phone"]')!.textContent).toBe('Телефон');
    expect($('button[type=submit]')!.textContent).toBe('Отправить');
    await submit();
    expect(text(field('phone').getAttribute('aria-describedby'))).toBe('Укажите телефон или e-mail.');
    await type('phone', '79123456789');
    await submit();
    expect(api.addOfflineRequest.mock.calls[0]![0].form_name).toBe('Форма заявки');
    expect(result().textContent).toBe('Спасибо! Заявка отправлена, мы скоро свяжемся с вами.');
  });

  it.each([['en-US'], ['de'], [''], ['rue']])('English for lang="%s"', async (lang) => {
    document.documentElement.lang = lang;
    await open();
    expect(text(dialog().getAttribute('aria-labelledby'))).toBe('Leave a request');
    expect(root().querySelector('label[for="lt-phone"]')!.textContent).toBe('Phone');
  });
});

describe('with the runtime', () => {
  it('the bundle registers itself; Comagic.openSiteRequestPanel opens it and the request goes to {collect}?op=request', async () => {
    const server = fakeServer();
    // GETs are the form's own (the groups); the fake server takes the POSTs.
    const post = globalThis.fetch;
    const gets: string[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) =>
      init?.method == 'POST' ? post(url, init) : (gets.push(url), Promise.resolve(json(200, { success: true, result: [{ id: 7, name: 'Sales' }] }))),
    );
    await import('./index');
    expect(typeof (window as { __leadtrailWidgets?: { openRequestForm?: unknown } }).__leadtrailWidgets?.openRequestForm).toBe('function');
    embed();
    runtimes.push(bootRuntime(runtimeScript())!);
    await g.Comagic.ready;
    await act(() => g.Comagic.openSiteRequestPanel());
    await flush();
    host = document.querySelector('leadtrail-widget')!;
    expect(dialog()).not.toBeNull();
    // Opened after the (already registered) bundle's promise, outside act: its effects run on the next frame.
    await vi.waitFor(() => expect(field('group_id')).not.toBeNull(), { timeout: 5000 });
    await type('name', 'Дмитрий');
    await type('email', 'dmitry@comagic.ru');
    await type('group_id', '7');
    await submit();
    await flush();
    expect(result().textContent).toContain('Thank you!');
    // The groups were asked from the runtime's lean endpoint; the request went the outbox's way.
    expect(gets).toEqual([CONFIG.collect + '?op=groups']);
    const sent = server.calls.filter((c) => opOf(c.url) == 'request');
    expect(sent.map((c) => c.url)).toEqual([CONFIG.collect + '?op=request']);
    expect(sent[0]!.body).toMatchObject({ name: 'Дмитрий', email: 'dmitry@comagic.ru', group_id: 7, form_name: 'Request form' });
    expect(sent[0]!.body).not.toHaveProperty('phone');
    expect(sent[0]!.body).not.toHaveProperty('leadtrail_hp');
  });
});
