// The callback ("sitephone") form (A7) and the no-callback notice (A10) in happy-dom: dialog semantics,
// the mask as typed, the captcha only when switched on, the group choice only with groups, each
// status's message, Esc and focus.
import type { Mock } from 'vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { Answer } from '../schemas/calls';
import type { CaptchaAnswer } from '../schemas/answers';
import type { WidgetApi } from './api';
import { openSitePhoneForm } from './sitephone';
import { showCallbackNotice } from './notice';
import { json, settle } from '../testing/fetch';
import { resetPage } from '../testing/page';

const REST = 'https://shop.example/wp-json/leadtrail/v1/';
const COLLECT = 'https://shop.example/wp-content/plugins/leadtrail/collect.php';
const OK: Answer<'callback'> = { success: true, result: { status: 0, code: 'ok' } };
const RU_MASK = '+7 (___) ___-__-__';
const cap = (n: number): CaptchaAnswer => ({ key: String(n).padStart(32, 'K'), url: REST + 'captcha/image?key=' + n });

type Api = WidgetApi & { sitePhoneCall: Mock<WidgetApi['sitePhoneCall']>; getCaptcha: Mock<WidgetApi['getCaptcha']> };
let api: Api;
let groups: unknown[];
let settingsReply: unknown;
let fetched: string[];
let host: HTMLElement;
let captchas: number;

const root = () => host.shadowRoot!;
const $ = <T extends Element = HTMLElement>(sel: string) => root().querySelector<T>(sel);
const field = (name: string) => $<HTMLInputElement>(`[name="${name}"]`)!;
const dialog = () => $('[data-leadtrail-widget="sitephone"]')!;
const result = () => $('[data-leadtrail-result]')!;
const text = (id: string | null) =>
  id
    ? id
        .split(' ')
        .map((i) => root().getElementById(i)?.textContent)
        .join(' ')
    : '';
const focused = () => root().activeElement;
const flush = () =>
  act(async () => {
    await settle();
  });

async function open(mask?: string) {
  await act(() => void (host = openSitePhoneForm(api, { mask })!));
  await flush();
}
async function type(name: string, value: string, inputType = 'insertText') {
  await act(() => {
    const f = field(name);
    f.value = value;
    if (f.tagName == 'SELECT') f.dispatchEvent(new Event('change', { bubbles: true }));
    else f.dispatchEvent(new InputEvent('input', { bubbles: true, inputType }));
  });
}
/** Types `keys` one at a time at the end of the phone field. */
async function typeKeys(keys: string) {
  for (const k of keys) await type('phone', field('phone').value + k);
}
async function submit() {
  await act(() => void $('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
  await flush();
}
async function key(k: string) {
  const target = (focused() as HTMLElement | null) || document.body;
  await act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true })));
}

beforeEach(() => {
  document.documentElement.lang = 'en-US';
  document.body.innerHTML = '';
  captchas = 0;
  api = {
    addOfflineRequest: vi.fn(),
    sitePhoneCall: vi.fn(async () => OK),
    getCaptcha: vi.fn(async () => cap(++captchas)),
    lean: COLLECT,
    rest: REST,
  };
  groups = [];
  settingsReply = { success: true, result: { captcha: false, mask: RU_MASK } };
  fetched = [];
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(String(url));
    return String(url).endsWith('groups') ? json(200, { success: true, result: groups }) : json(200, settingsReply);
  });
});
afterEach(async () => {
  while (document.querySelector('leadtrail-widget')) {
    host = document.querySelector('leadtrail-widget')!;
    await key('Escape');
  }
  resetPage();
  document.documentElement.lang = '';
  vi.useRealTimers();
});

describe('the sitephone form', () => {
  it('is a labelled modal dialog with the stable hooks; reads the groups and the callback settings only', async () => {
    await open();
    expect(fetched.sort()).toEqual([COLLECT + '?op=callback_settings', COLLECT + '?op=groups']);
    const d = dialog();
    expect(d.getAttribute('role')).toBe('dialog');
    expect(d.getAttribute('aria-modal')).toBe('true');
    expect(text(d.getAttribute('aria-labelledby'))).toBe('Request a call back');
    const controls = Array.from(root().querySelectorAll<HTMLInputElement>('input, select, textarea'));
    expect(controls.map((c) => c.name)).toEqual(['phone', 'delayed_call_time']);
    for (const c of controls) expect(root().querySelector(`label[for="${c.id}"]`)?.textContent, c.name).toBeTruthy();
    expect(field('delayed_call_time').type).toBe('datetime-local');
    expect(field('phone').type).toBe('tel');
    expect(result().getAttribute('aria-live')).toBe('polite');
    expect($('button[type=submit]')!.textContent).toBe('Call me back');
    expect(focused()).toBe(field('phone'));
    expect(api.getCaptcha).not.toHaveBeenCalled();
  });

  it('Esc closes it and the focus returns to the opener', async () => {
    const opener = document.createElement('button');
    document.body.appendChild(opener);
    opener.focus();
    await open();
    await key('Escape');
    expect(host.isConnected).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('Russian texts for a Russian page', async () => {
    document.documentElement.lang = 'ru-RU';
    await open();
    expect(text(dialog().getAttribute('aria-labelledby'))).toBe('Заказать обратный звонок');
    expect($('button[type=submit]')!.textContent).toBe('Перезвоните мне');
  });
});

describe('the phone mask', () => {
  it("the settings' mask when none was pushed: digits fill the slots as typed, backspace works", async () => {
    await open();
    expect(field('phone').placeholder).toBe(RU_MASK);
    await typeKeys('9101234567');
    expect(field('phone').value).toBe('+7 (910) 123-45-67');
    const v = field('phone').value;
    await type('phone', v.slice(0, -1), 'deleteContentBackward');
    expect(field('phone').value).toBe('+7 (910) 123-45-6');
    await submit();
    expect(api.sitePhoneCall.mock.calls[0]![0].phone).toBe('+7 (910) 123-45-6');
  });

  it('a paste lands in the slots and is sent as shown', async () => {
    await open();
    await type('phone', '8 910 123 45 67', 'insertFromPaste');
    expect(field('phone').value).toBe('+7 (910) 123-45-67');
    await submit();
    expect(api.sitePhoneCall.mock.calls[0]![0].phone).toBe('+7 (910) 123-45-67');
  });

  it("the pushed mask (setUIPhoneMaskFormat) wins over the settings'", async () => {
    await open('1 () __-__');
    expect(field('phone').placeholder).toBe('1 () __-__');
    await typeKeys('23456');
    expect(field('phone').value).toBe('1 () 23-45');
  });

  it('no mask anywhere: the field takes what is typed', async () => {
    settingsReply = { success: true, result: { captcha: false } };
    await open();
    await type('phone', '+44 20 7946 0958');
    expect(field('phone').value).toBe('+44 20 7946 0958');
  });
});

describe('sending', () => {
  it('sends the phone, the time as UTC ms and the group as a number; success gives way to a close button', async () => {
    groups = [
      { id: 16587, name: 'Sales' },
      { id: 2, name: 'Support' },
    ];
    await open();
    expect(Array.from(field('group_id').querySelectorAll('option')).map((o) => o.textContent)).toEqual(['Any department', 'Sales', 'Support']);
    await typeKeys('9101234567');
    await type('delayed_call_time', '2031-05-06T07:08');
    await type('group_id', '16587');
    await submit();
    expect(api.sitePhoneCall).toHaveBeenCalledTimes(1);
    expect(api.sitePhoneCall.mock.calls[0]![0]).toStrictEqual({
      phone: '+7 (910) 123-45-67',
      delayed_call_time: new Date(2031, 4, 6, 7, 8).getTime(),
      group_id: 16587,
      captcha_key: undefined,
      captcha_value: undefined,
    });
    expect(result().textContent).toBe('Thank you! We will call you back soon.');
    expect(root().querySelector('input')).toBeNull();
    expect(focused()?.textContent).toBe('Close');
  });

  it('an empty phone is named by its field and nothing is sent', async () => {
    await open();
    await submit();
    expect(api.sitePhoneCall).not.toHaveBeenCalled();
    expect(field('phone').getAttribute('aria-invalid')).toBe('true');
    expect(text(field('phone').getAttribute('aria-describedby'))).toBe('Enter your phone number.');
  });

  it.each([
    [2, 'no_scenario', 'Call backs are not available right now.'],
    [3, 'platform_error', 'Something went wrong. Please try again later.'],
    [4, 'limit_exceeded', 'Too many requests. Please try again in a minute.'],
  ])('status %i (%s): "%s", the form stays', async (status, code, message) => {
    api.sitePhoneCall.mockResolvedValue({ success: false, result: { status, code } });
    await open();
    await typeKeys('9101234567');
    await submit();
    expect(result().textContent).toBe(message);
    expect(field('phone').value).toBe('+7 (910) 123-45-67');
  });

  it.each([
    ['invalid_phone', 'phone', 'Check the phone number: 7 to 15 digits.'],
    ['invalid_delayed_call_time', 'delayed_call_time', 'Choose a time from now to 30 days ahead.'],
    ['unknown_group', 'group_id', 'Choose another department.'],
  ])('a refusal of %s is shown by its field, which gets the focus', async (code, name, message) => {
    groups = [{ id: 5, name: 'Sales' }];
    api.sitePhoneCall.mockResolvedValue({ success: false, result: { status: 3, code, field: name } });
    await open();
    await typeKeys('123');
    await submit();
    expect(field(name).getAttribute('aria-invalid')).toBe('true');
    expect(text(field(name).getAttribute('aria-describedby'))).toContain(message);
    expect(focused()).toBe(field(name));
  });
});

describe('the captcha', () => {
  it('only when the settings switch it on: picture, a new picture on demand, sent with its key', async () => {
    settingsReply = { success: true, result: { captcha: true } };
    await open();
    expect($<HTMLImageElement>('.captcha img')!.getAttribute('src')).toBe(cap(1).url);
    expect($<HTMLImageElement>('.captcha img')!.alt).toBe('A picture with 4 digits');
    expect(root().querySelector(`label[for="${field('captcha_value').id}"]`)!.textContent).toBe('Code from the picture');
    await act(() => $<HTMLButtonElement>('button.more')!.click());
    await flush();
    expect($<HTMLImageElement>('.captcha img')!.getAttribute('src')).toBe(cap(2).url);
    await type('phone', '+7 (910) 123-45-67');
    await submit();
    expect(api.sitePhoneCall).not.toHaveBeenCalled();
    expect(text(field('captcha_value').getAttribute('aria-describedby'))).toBe('Enter the code from the picture.');
    await type('captcha_value', ' 8315 ');
    await submit();
    expect(api.sitePhoneCall.mock.calls[0]![0]).toMatchObject({ captcha_key: cap(2).key, captcha_value: '8315' });
  });

  it('status 1: a new picture, the answer cleared, the error by the field, focus on it', async () => {
    settingsReply = { success: true, result: { captcha: true } };
    api.sitePhoneCall.mockResolvedValueOnce({ success: false, result: { status: 1, code: 'wrong_captcha' } });
    await open();
    await type('phone', '79101234567');
    await type('captcha_value', '0000');
    await submit();
    expect(api.getCaptcha).toHaveBeenCalledTimes(2);
    expect($<HTMLImageElement>('.captcha img')!.getAttribute('src')).toBe(cap(2).url);
    expect(field('captcha_value').value).toBe('');
    expect(text(field('captcha_value').getAttribute('aria-describedby'))).toBe('The code was wrong. Enter the code from the new picture.');
    expect(focused()).toBe(field('captcha_value'));
    await type('captcha_value', '8315');
    await submit();
    expect(api.sitePhoneCall.mock.calls[1]![0]).toMatchObject({ captcha_key: cap(2).key, captcha_value: '8315' });
    expect(result().textContent).toBe('Thank you! We will call you back soon.');
  });

  it('a picture that does not come: says so, the button tries again', async () => {
    settingsReply = { success: true, result: { captcha: true } };
    api.getCaptcha.mockResolvedValueOnce({ key: null, url: null, error: { code: 'network_error', field: '' } });
    await open();
    expect($('.captcha img')).toBeNull();
    expect($('.captcha .pic')!.textContent).toBe('The picture did not load.');
    await act(() => $<HTMLButtonElement>('button.more')!.click());
    await flush();
    expect($<HTMLImageElement>('.captcha img')).not.toBeNull();
  });

  it('off in the settings but the server asks for it (status 1): the captcha appears', async () => {
    api.sitePhoneCall.mockResolvedValueOnce({ success: false, result: { status: 1, code: 'wrong_captcha' } });
    await open();
    expect(field('captcha_value')).toBeNull();
    await type('phone', '79101234567');
    await submit();
    expect(field('captcha_value')).not.toBeNull();
    expect(api.getCaptcha).toHaveBeenCalledTimes(1);
  });
});

describe('the notice of sitePhoneCall without a callback (A10)', () => {
  const notice = () => document.querySelector('leadtrail-widget')!.shadowRoot!;
  it.each([
    [OK, 'Thank you! We will call you back soon.'],
    [{ success: false, result: { status: 1, code: 'wrong_captcha' } }, 'The code from the picture was wrong. Please try again.'],
    [{ success: false, result: { status: 2, code: 'no_scenario' } }, 'Call backs are not available right now.'],
    [{ success: false, result: { status: 3, code: 'platform_error' } }, 'Something went wrong. Please try again later.'],
    [{ success: false, result: { status: 4, code: 'limit_exceeded' } }, 'Too many requests. Please try again in a minute.'],
    [{ success: false, result: { status: 3, code: 'invalid_phone', field: 'phone' } }, 'Check the phone number: 7 to 15 digits.'],
    [
      { success: false, result: { status: 3, code: 'queued', field: '' } },
      'The connection is slow or lost. Your call back request is saved and will be sent automatically; you can close this window.',
    ],
  ] as [Answer<'callback'>, string][])('%j: "%s" in a dialog, OK focused and closing it', async (answer, message) => {
    await act(() => void showCallbackNotice(api, answer));
    await flush();
    const d = notice().querySelector('[data-leadtrail-widget="sitephone-notice"]')!;
    expect(d.getAttribute('role')).toBe('dialog');
    expect(notice().getElementById(d.getAttribute('aria-describedby')!)!.textContent).toBe(message);
    expect(notice().querySelector('[data-leadtrail-result]')!.textContent).toBe(message);
    const ok = notice().activeElement as HTMLButtonElement;
    expect(ok.textContent).toBe('OK');
    await act(() => ok.click());
    expect(document.querySelector('leadtrail-widget')).toBeNull();
  });

  it('a newer answer replaces the one on screen', async () => {
    await act(() => void showCallbackNotice(api, { success: false, result: { status: 4, code: 'limit_exceeded' } }));
    await act(() => void showCallbackNotice(api, OK));
    await flush();
    expect(document.querySelectorAll('leadtrail-widget')).toHaveLength(1);
    expect(notice().querySelector('[data-leadtrail-result]')!.textContent).toBe('Thank you! We will call you back soon.');
  });
});
