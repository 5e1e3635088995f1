import { describe, expect, it } from 'vitest';
import type { Op } from './calls';
import { Answers } from './calls';
import { checkCallAnswer, checkCallbackAnswer, checkCaptcha, withStatus } from './answers';

/** The check an op's answer gets: a callback order's is in the lazily loaded checks. */
const check = (op: Op, body: unknown) => (op == 'callback' ? checkCallbackAnswer(body) : checkCallAnswer(op, body));

const ALL: Op[] = ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'property_has', 'property_get', 'properties', 'callback'];
const refusal = { success: false, result: { code: 'invalid_name', field: 'name', message: 'name is required.' } };

/** [label, body, accepted for these ops]. */
const samples: [string, unknown, Op[]][] = [
  ['{success: true}', { success: true }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request']],
  ['{success: true, result: null}', { success: true, result: null }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request']],
  ['result true', { success: true, result: true }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'property_has', 'property_get']],
  ['result false', { success: true, result: false }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'property_has', 'property_get']],
  ['result a string', { success: true, result: 'Потенциальный' }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'property_get']],
  ['result an empty string', { success: true, result: '' }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'property_get']],
  ['result a number', { success: true, result: 5 }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request']],
  [
    'result a map',
    { success: true, result: { 'Тип посетителя': 'Потенциальный', 'Действующий клиент': true } },
    ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'properties'],
  ],
  ['result an empty map', { success: true, result: {} }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'properties']],
  ['a map with false', { success: true, result: { a: false } }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request']],
  ['a map with a number', { success: true, result: { a: 1 } }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request']],
  ['a map with null', { success: true, result: { a: null } }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request']],
  ['result an array', { success: true, result: ['a'] }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request']],
  ['a refusal', refusal, ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'property_has', 'property_get', 'properties', 'callback']],
  [
    'a refusal with only a code',
    { success: false, result: { code: 'x' } },
    ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'property_has', 'property_get', 'properties', 'callback'],
  ],
  // A10's answers: any op takes a success of them ("whatever else the server added"); only a callback needs them.
  [
    'callback status 0',
    { success: true, result: { status: 0, code: 'ok' } },
    ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'callback'],
  ],
  ['callback status 1', { success: false, result: { status: 1, code: 'wrong_captcha' } }, ALL],
  ['callback status 4 with a message', { success: false, result: { status: 4, code: 'limit_exceeded', message: 'm' } }, ALL],
  ['callback status 3 with a field', { success: false, result: { status: 3, code: 'invalid_phone', field: 'phone' } }, ALL],
  [
    'callback success with status 1',
    { success: true, result: { status: 1, code: 'wrong_captcha' } },
    ['event', 'visitor_info', 'property_set', 'property_delete', 'request'],
  ],
  ['callback status 5 (a refusal all the same)', { success: false, result: { status: 5, code: 'x' } }, ALL],
  ['callback failure with status 0', { success: false, result: { status: 0, code: 'ok' } }, ALL],
  [
    'callback status as text (a map of text for the list)',
    { success: true, result: { status: '0', code: 'ok' } },
    ['event', 'visitor_info', 'property_set', 'property_delete', 'request', 'properties'],
  ],
  ['callback without a code', { success: true, result: { status: 0 } }, ['event', 'visitor_info', 'property_set', 'property_delete', 'request']],
  ['a refusal without a code', { success: false, result: { field: 'name' } }, []],
  ['a refusal without a result', { success: false }, []],
  ['success "true"', { success: 'true' }, []],
  ['success 1', { success: 1, result: true }, []],
  ['no success', { result: true }, []],
  ['null', null, []],
  ['an array', [{ success: true }], []],
  ['a string', '{"success":true}', []],
];

const OPS = ALL;

describe('checkCallAnswer / checkCallbackAnswer (the hand checks) agree with the zod schemas', () => {
  for (const op of OPS) {
    it.each(samples)(`${op}: %s`, (_label, body, ok) => {
      expect(Answers[op].safeParse(body).success).toBe(ok.includes(op));
      expect(check(op, body) !== undefined).toBe(ok.includes(op));
    });
  }
});

describe('what the callbacks get', () => {
  it('exactly {success: true} for the writes, whatever else the server added (A14)', () => {
    expect(checkCallAnswer('visitor_info', { success: true, result: null, extra: 1 })).toStrictEqual({ success: true });
    expect(checkCallAnswer('event', { success: true })).toStrictEqual({ success: true });
  });
  it('exactly {success: true, result: null} for a request (A4), whatever the server added', () => {
    expect(checkCallAnswer('request', { success: true, result: null })).toStrictEqual({ success: true, result: null });
    expect(checkCallAnswer('request', { success: true })).toStrictEqual({ success: true, result: null });
    expect(checkCallAnswer('request', { success: true, result: { id: 5 }, extra: 1 })).toStrictEqual({ success: true, result: null });
    // The schema's output is the same object.
    expect(Answers.request.parse({ success: true, result: 7 })).toStrictEqual({ success: true, result: null });
  });
  it('{success: true, result} for the reads', () => {
    expect(checkCallAnswer('property_has', { success: true, result: false, x: 1 })).toStrictEqual({ success: true, result: false });
    expect(checkCallAnswer('property_get', { success: true, result: 'v' })).toStrictEqual({ success: true, result: 'v' });
    expect(checkCallAnswer('properties', { success: true, result: { a: true } })).toStrictEqual({ success: true, result: { a: true } });
  });
  it('the refusal as the server gave it', () => {
    expect(checkCallAnswer('property_get', refusal)).toBe(refusal);
  });
});

describe("a callback order's answer (A10)", () => {
  it('is exactly {success, result: {status, code}} (+ field), whatever else the server added', () => {
    expect(checkCallbackAnswer({ success: true, result: { status: 0, code: 'ok', message: 'm', id: 5 }, x: 1 })).toStrictEqual({
      success: true,
      result: { status: 0, code: 'ok' },
    });
    expect(checkCallbackAnswer({ success: false, result: { status: 4, code: 'limit_exceeded', message: 'm' } })).toStrictEqual({
      success: false,
      result: { status: 4, code: 'limit_exceeded' },
    });
    expect(checkCallbackAnswer({ success: false, result: { status: 3, code: 'invalid_phone', field: 'phone', message: 'm' } })).toStrictEqual({
      success: false,
      result: { status: 3, code: 'invalid_phone', field: 'phone' },
    });
  });
  it('withStatus gives any refusal status 3 and keeps its code and field', () => {
    expect(withStatus({ success: false, result: { code: 'invalid_token', field: 'token', message: 'm' } })).toStrictEqual({
      success: false,
      result: { status: 3, code: 'invalid_token', field: 'token' },
    });
    expect(withStatus({ success: false, result: { code: 'x' } })).toStrictEqual({ success: false, result: { status: 3, code: 'x' } });
    const a = { success: false, result: { status: 1, code: 'wrong_captcha' } };
    expect(withStatus(a)).toBe(a);
  });
});

describe("get_captcha's answer (A8)", () => {
  const KEY = 'a'.repeat(16) + 'B'.repeat(15) + '9';
  const URL = 'https://shop.example/wp-json/leadtrail/v1/captcha/image?key=' + KEY;
  it('exactly {key, url} from a 2xx answer of that shape', () => {
    expect(checkCaptcha({ status: 200, body: { key: KEY, url: URL, success: true } })).toStrictEqual({ key: KEY, url: URL });
  });
  it('{key: null, url: null, error} otherwise', () => {
    const none = (code: string, field = '') => ({ key: null, url: null, error: { code, field } });
    expect(checkCaptcha({ status: 403, body: { success: false, result: { code: 'invalid_token', field: 'token', message: 'm' } } })).toStrictEqual(
      none('invalid_token', 'token'),
    );
    expect(checkCaptcha({ status: 503, body: { success: false, result: { code: 'storage_unavailable' } } })).toStrictEqual(none('storage_unavailable'));
    expect(checkCaptcha({ status: 500, body: { key: KEY, url: URL } })).toStrictEqual(none('http_error'));
    expect(checkCaptcha({ status: 200, body: { key: 'short', url: URL } })).toStrictEqual(none('http_error'));
    expect(checkCaptcha({ status: 200, body: { key: KEY, url: '' } })).toStrictEqual(none('http_error'));
    expect(checkCaptcha({ status: 200, body: undefined })).toStrictEqual(none('http_error'));
    expect(checkCaptcha(undefined)).toStrictEqual(none('network_error'));
  });
});
