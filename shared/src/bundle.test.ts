// The shipped core (bundle.mjs: minified, its internal property names renamed) does what the sources
// do: the other tests run the sources, so a rename that reaches a built-in's method (a Set's `add`)
// or the wire would pass them all and break every page.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { ComagicWidget } from './api/comagic';
import { bundle } from '../bundle.mjs';
import { CONFIG, json, settle } from './testing/fetch';
import { fakeServer, opOf } from './testing/server';
import { embed, g, resetPage, runtimeScript } from './testing/page';

const FIELDS = ['site_key', 'key', 'uri', 'visitor_id', 'hit_id', 'session_id', 'consultant_server_url'];
const CKEY = 'Qx7pLm2ZrT9vWb4Nc8Hd1Ks6Fg3Jy5Ae';
let code: string;

beforeAll(async () => {
  code = await bundle('./src/index.ts');
}, 60_000);
afterAll(() => {
  localStorage.clear();
  resetPage();
});

it('boots, answers, fills the forms (also later ones), sends the calls and reads a captcha', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const { calls } = fakeServer(undefined, (_c, op) => (op == 'captcha' ? json(200, { key: CKEY, url: CONFIG.rest + 'x' }) : undefined));
  resetPage();
  embed(['onReady', () => {}]);
  // `data-origins` is read from the tag's dataset: a renamed `origins` would miss it.
  runtimeScript().setAttribute('data-origins', 'https://crm.example');
  document.body.innerHTML = '<form method="post"><input name="email"></form><form method="post" action="https://crm.example/lead"></form>';
  // oxlint-disable-next-line typescript/no-implied-eval -- runs the built bundle as the page's script tag would
  new Function(code)();
  await vi.waitFor(() => expect((window as { Comagic?: unknown }).Comagic).toBeTruthy());
  const creds = await g.Comagic.ready;
  expect(g.Comagic.getVisitorId()).toBe(creds.visitor_id);
  const names = (form: HTMLFormElement) => [...form.querySelectorAll('input[data-leadtrail]')].map((i) => (i as HTMLInputElement).name);
  expect(names(document.forms[0]!)).toEqual(FIELDS);
  expect(names(document.forms[1]!)).toEqual(FIELDS);
  const later = document.createElement('form');
  document.body.appendChild(later);
  await vi.waitFor(() => expect(names(later)).toEqual(FIELDS));
  expect(await g.Comagic.trackEvent('a', 'b')).toStrictEqual({ success: true });
  expect(await g.Comagic.setProperty('p', 'v')).toStrictEqual({ success: true });
  expect(await g.Comagic.getProperty('p')).toStrictEqual({ success: true, result: 'v' });
  expect(await g.Comagic.addVisitorInfo({ name: 'Ann' })).toStrictEqual({ success: true });
  expect(await g.Comagic.Captcha.get_captcha()).toStrictEqual({ key: CKEY, url: CONFIG.rest + 'x' });
  // A callback order's answer is read by the checks (their `called`).
  expect(await (g.ComagicWidget as ComagicWidget).sitePhoneCall({ phone: '79101234567' }, () => {})).toStrictEqual({
    success: true,
    result: { status: 0, code: 'ok' },
  });
  // A call made while the checks are not on the page waits unchecked; they check it once there (their `queued`).
  const w = window as { __leadtrailChecks?: unknown };
  const checks = w.__leadtrailChecks;
  delete w.__leadtrailChecks;
  const request = g.Comagic.addOfflineRequest({ name: 'Ann' });
  await settle();
  w.__leadtrailChecks = checks;
  expect(await request).toStrictEqual({ success: true, result: null });
  expect(calls.map((c) => opOf(c.url))).toEqual(['hit', 'event', 'property_set', 'property_get', 'visitor_info', 'captcha', 'callback', 'request']);
  // The endpoints the core hands the checks and the widgets keep their names (`collect` is renamed inside it).
  expect(calls.find((c) => opOf(c.url) == 'captcha')!.url).toBe(CONFIG.collect + '?op=captcha');
  const openRequestForm = vi.fn();
  (window as { __leadtrailWidgets?: unknown }).__leadtrailWidgets = { openRequestForm };
  g.Comagic.openSiteRequestPanel();
  await vi.waitFor(() => expect(openRequestForm).toHaveBeenCalled());
  expect(openRequestForm.mock.calls[0]![0]).toMatchObject({ lean: CONFIG.collect, rest: CONFIG.rest });
});
