import { describe, expect, it } from 'vitest';
import type { Fields as SentFields, Op } from './calls';
import { callRequest, EventFields, PropertyNameFields, PropertySetFields, VisitorInfoFields } from './calls';
import { eventFields, propertyFields, visitorInfoFields } from './args';
import { blank, fits, isEmail, isPhone } from './formats';

/** The fields, or the refusal's `code (field)`. */
function outcome(check: () => SentFields): SentFields | string {
  try {
    return check();
  } catch (e) {
    const { code, field } = e as { code: string; field: string };
    return `${code} (${field})`;
  }
}

const who = { visitor_id: 1, session_id: 2, hit_id: 3, token: '1.abc', request_id: 'a'.repeat(32) };
const emoji = '😀';

type Sample = [label: string, args: unknown[], expected: SentFields | string];

const events: Sample[] = [
  ["the seed's example", ['Offer', 'DownloadBook', 'CallTrackingBook', 'value'],
    { category: 'Offer', action: 'DownloadBook', name: 'CallTrackingBook', value: 'value' }],
  ['no name and value', ['Тариф', 'Открыл'], { category: 'Тариф', action: 'Открыл' }],
  ['null name and value', ['c', 'a', null, null], { category: 'c', action: 'a' }],
  ['empty name and value', ['c', 'a', '', ''], { category: 'c', action: 'a', name: '', value: '' }],
  ['numbers as name and value', ['c', 'a', 42, -3.5], { category: 'c', action: 'a', name: '42', value: '-3.5' }],
  ['a big number', ['c', 'a', 1, 1e21], { category: 'c', action: 'a', name: '1', value: '1e+21' }],
  ['255 emoji (510 UTF-16 units)', ['c', emoji.repeat(255)], { category: 'c', action: emoji.repeat(255) }],
  ['nothing', [], 'missing_category (category)'],
  ['no action', ['c'], 'missing_action (action)'],
  ['null category', [null, 'a'], 'invalid_category (category)'],
  ['empty category', ['', 'a'], 'invalid_category (category)'],
  ['numeric category', [1, 'a'], 'invalid_category (category)'],
  ['array category', [['c'], 'a'], 'invalid_category (category)'],
  ['256-character action', ['c', 'a'.repeat(256)], 'invalid_action (action)'],
  ['256 emoji', ['c', emoji.repeat(256)], 'invalid_action (action)'],
  ['half a surrogate pair at the end', ['c', 'a\ud83d'], 'invalid_action (action)'],
  ['half a surrogate pair at the start', ['c', '\ude00a'], 'invalid_action (action)'],
  ['NaN name', ['c', 'a', NaN], 'invalid_name (name)'],
  ['Infinity value', ['c', 'a', 'n', Infinity], 'invalid_value (value)'],
  ['object name', ['c', 'a', { x: 1 }], 'invalid_name (name)'],
  ['boolean value', ['c', 'a', 'n', true], 'invalid_value (value)'],
  ['256-character name', ['c', 'a', 'n'.repeat(256)], 'invalid_name (name)'],
];

const properties: Sample[] = [
  ["the seed's example with a value", ['Тип посетителя', 'Потенциальный'], { name: 'Тип посетителя', value: 'Потенциальный' }],
  ["the seed's example without one", ['Действующий клиент'], { name: 'Действующий клиент' }],
  ['null value', ['n', null], { name: 'n' }],
  ['empty value', ['n', ''], { name: 'n', value: '' }],
  ['numeric value', ['n', 5], { name: 'n', value: '5' }],
  ['the longest name and value', ['x'.repeat(255), 'y'.repeat(4096)], { name: 'x'.repeat(255), value: 'y'.repeat(4096) }],
  ['4096 emoji', ['n', emoji.repeat(4096)], { name: 'n', value: emoji.repeat(4096) }],
  ['nothing', [], 'missing_name (name)'],
  ['empty name', [''], 'invalid_name (name)'],
  ['numeric name', [7], 'invalid_name (name)'],
  ['null name', [null], 'invalid_name (name)'],
  ['a NUL in the name', ['a\0b'], 'invalid_name (name)'],
  ['256-character name', ['x'.repeat(256)], 'invalid_name (name)'],
  ['4097-character value', ['n', 'v'.repeat(4097)], 'invalid_value (value)'],
  ['boolean value', ['n', true], 'invalid_value (value)'],
  ['object value', ['n', {}], 'invalid_value (value)'],
  ['half a surrogate pair in the value', ['n', '\ud83d'], 'invalid_value (value)'],
];

const infos: Sample[] = [
  ["the seed's example", [{ name: 'Test', phone: '79000000000', email: 'myemail@axample.com' }],
    { name: 'Test', phone: '79000000000', email: 'myemail@axample.com' }],
  ['a formatted phone', [{ name: 'Первое', phone: '+7 (900) 000-00-01' }], { name: 'Первое', phone: '+7 (900) 000-00-01' }],
  ['other keys ignored', [{ email: 'b@example.com', company: 'x' }], { email: 'b@example.com' }],
  ['an international address', [{ email: 'пример@почта.рф' }], { email: 'пример@почта.рф' }],
  ['an address with spaces around (sent as given)', [{ email: ' a@example.com ' }], { email: ' a@example.com ' }],
  ['a blank name beside a phone', [{ name: '  ', phone: '79000000000' }], { phone: '79000000000' }],
  ['a null name beside a phone', [{ name: null, phone: '1234567' }], { phone: '1234567' }],
  ['15 digits', [{ phone: '123456789012345' }], { phone: '123456789012345' }],
  ['only an unknown key', [{ company: 'x' }], 'missing_contact (name)'],
  ['an empty object', [{}], 'missing_contact (name)'],
  ['only blank values', [{ name: ' \t', phone: '', email: '\n' }], 'missing_contact (name)'],
  ['nothing', [], 'missing_contact (name)'],
  ['null', [null], 'missing_contact (name)'],
  ['a string', ['Test'], 'missing_contact (name)'],
  ['a numeric name', [{ name: 42 }], 'invalid_name (name)'],
  ['a numeric phone', [{ phone: 79000000000 }], 'invalid_phone (phone)'],
  ['a 256-character name', [{ name: 'x'.repeat(256) }], 'invalid_name (name)'],
  ['half a surrogate pair in the name', [{ name: 'a\ud800' }], 'invalid_name (name)'],
  ['a phone with letters', [{ phone: '+7 CALL-ME-NOW' }], 'invalid_phone (phone)'],
  ['6 digits', [{ phone: '123456' }], 'invalid_phone (phone)'],
  ['16 digits', [{ phone: '1234567890123456' }], 'invalid_phone (phone)'],
  ['full-width digits', [{ phone: '１２３４５６７' }], 'invalid_phone (phone)'],
  ['a tab between digits', [{ phone: '123\t4567' }], 'invalid_phone (phone)'],
  ['a 65-character phone', [{ phone: '1234567' + ' '.repeat(58) }], 'invalid_phone (phone)'],
  ['not an address', [{ email: 'not an email' }], 'invalid_email (email)'],
  ['no top-level domain', [{ email: 'a@b' }], 'invalid_email (email)'],
  ['a 65-character local part', [{ email: 'a'.repeat(65) + '@example.com' }], 'invalid_email (email)'],
  ['a 254-character address', [{ email: 'a@' + ('b'.repeat(61) + '.').repeat(4) + 'comd' }], { email: 'a@' + ('b'.repeat(61) + '.').repeat(4) + 'comd' }],
  ['a 255-character address', [{ email: 'a@' + ('b'.repeat(61) + '.').repeat(4) + 'comde' }], 'invalid_email (email)'],
  ['a good phone, a bad e-mail', [{ phone: '79000000000', email: 'x@' }], 'invalid_email (email)'],
];

function agree(samples: Sample[], hand: (...args: unknown[]) => SentFields, zodOf: (...args: unknown[]) => unknown,
  schema: { safeParse(v: unknown): { success: boolean } }, op: Op) {
  it.each(samples)('%s', (_label, args, expected) => {
    const got = outcome(() => hand(...args));
    expect(got).toEqual(expected);
    // The zod schema (the contract) takes the same arguments exactly when the hand check does...
    expect(schema.safeParse(zodOf(...args)).success).toBe(typeof got == 'object');
    // ...and what the runtime sends is a body of the contract.
    if (typeof got == 'object') expect(callRequest(op).safeParse({ ...who, ...got }).success).toBe(true);
  });
}

describe('trackEvent arguments (A1): hand check = zod schema', () => {
  agree(events, (c, a, n, v) => eventFields(c, a, n, v), (category, action, name, value) => ({ category, action, name, value }), EventFields, 'event');
});

describe('setProperty arguments (A16): hand check = zod schema', () => {
  agree(properties, (n, v) => propertyFields(n, v, 1), (name, value) => ({ name, value }), PropertySetFields, 'property_set');
});

describe('has/get/deleteProperty arguments (A17-A19): hand check = zod schema', () => {
  const names = properties.filter(([, args]) => args.length < 2);
  agree(names, (n) => propertyFields(n), (name) => ({ name }), PropertyNameFields, 'property_get');
  it('ignore a second argument (the callback)', () => {
    expect(propertyFields('n', 'v'.repeat(5000))).toEqual({ name: 'n' });
  });
});

describe('addVisitorInfo arguments (A14): hand check = zod schema', () => {
  agree(infos, (info) => visitorInfoFields(info), (info) => info, VisitorInfoFields, 'visitor_info');

  it('names the field whose getter throws', () => {
    const info = { phone: '79000000000', get email(): string { throw new Error('page bug'); } };
    expect(outcome(() => visitorInfoFields(info))).toBe('invalid_email (email)');
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(outcome(() => visitorInfoFields(revoked.proxy))).toBe('invalid_name (name)');
  });
});

describe('the shared formats', () => {
  it('fits counts characters, not UTF-16 units, and refuses half pairs', () => {
    expect(fits('ab', 1, 2)).toBe(true);
    expect(fits('abc', 1, 2)).toBe(false);
    expect(fits('', 1, 2)).toBe(false);
    expect(fits(emoji + emoji, 0, 2)).toBe(true);
    expect(fits(emoji + emoji + 'a', 0, 2)).toBe(false);
    expect(fits('\ud83d\ud83d', 0, 9)).toBe(false);
    expect(fits('\ude00\ude00', 0, 9)).toBe(false);
    expect(fits('x'.repeat(10_000_000), 0, 255)).toBe(false);
  });
  it('blank is what PHP trim() removes', () => {
    expect(blank(' \t\n\r\0\x0B')).toBe(true);
    expect(blank('\u00a0')).toBe(false);
  });
  it('isPhone and isEmail', () => {
    expect(isPhone('8 (800) 555.35-35')).toBe(true);
    expect(isPhone('+7 912 000-11-22')).toBe(true);
    expect(isPhone('+7 912 000/11/22')).toBe(false);
    expect(isEmail('first.last+tag@sub.example.co')).toBe(true);
    expect(isEmail('a..b@example.com')).toBe(false);
    expect(isEmail('a@-example.com')).toBe(false);
    expect(isEmail('a@example.c0m')).toBe(false);
    expect(isEmail('a@b@example.com')).toBe(false);
  });
});
