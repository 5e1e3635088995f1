import { describe, expect, it } from 'vitest';
import type { Fields as SentFields, Op } from './calls';
import * as z from 'zod/mini';
import { CallbackFields, callRequest, looseArgs, EventFields, PropertyNameFields, PropertySetFields, RequestFields, VisitorInfoFields } from './calls';
import { callbackFields, eventFields, propertyFields, requestFields, visitorInfoFields } from './args';
import { blank, fits, isCallTime, isEmail, isGroupId, isPhone, isSaleCost, saleFlag } from './formats';

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
  [
    "the seed's example",
    ['Offer', 'DownloadBook', 'CallTrackingBook', 'value'],
    { category: 'Offer', action: 'DownloadBook', name: 'CallTrackingBook', value: 'value' },
  ],
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
  // P5: text as real sites send it.
  ['numeric category and action', [1, 2], { category: '1', action: '2' }],
  ['a category alone in an array', [['c'], 'a', [5]], { category: 'c', action: 'a', name: '5' }],
  ['an array of two as category', [['c', 'd'], 'a'], 'invalid_category (category)'],
  ['an empty array as category', [[], 'a'], 'invalid_category (category)'],
  ['an object in an array as name', ['c', 'a', [{}]], 'invalid_name (name)'],
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
  ['numeric name', [7], { name: '7' }],
  ['a name alone in an array', [['n'], ['v']], { name: 'n', value: 'v' }],
  ['boolean name', [true], 'invalid_name (name)'],
  ['null name', [null], 'invalid_name (name)'],
  ['a NUL in the name', ['a\0b'], 'invalid_name (name)'],
  ['256-character name', ['x'.repeat(256)], 'invalid_name (name)'],
  ['4097-character value', ['n', 'v'.repeat(4097)], 'invalid_value (value)'],
  ['boolean value', ['n', true], 'invalid_value (value)'],
  ['object value', ['n', {}], 'invalid_value (value)'],
  ['half a surrogate pair in the value', ['n', '\ud83d'], 'invalid_value (value)'],
];

const infos: Sample[] = [
  [
    "the seed's example",
    [{ name: 'Test', phone: '79000000000', email: 'myemail@axample.com' }],
    { name: 'Test', phone: '79000000000', email: 'myemail@axample.com' },
  ],
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
  ['a named function', [function named() {}], 'missing_contact (name)'],
  ['a numeric name', [{ name: 42 }], { name: '42' }],
  ['a numeric phone', [{ phone: 79000000000 }], { phone: '79000000000' }],
  ['{name: ["Ivan"]} (a form serializer)', [{ name: ['Ivan'], email: ['a@example.com'] }], { name: 'Ivan', email: 'a@example.com' }],
  ['a boolean name', [{ name: true }], 'invalid_name (name)'],
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

const DMITRY = { name: 'Дмитрий', email: 'dmitry@comagic.ru', phone: '79123456789' };
const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => ['f' + i, 'v']));

const requests: Sample[] = [
  // The seed's four examples, verbatim.
  ["the seed's plain request", [{ ...DMITRY, message: 'Текст заявки...', group_id: 1234 }], { ...DMITRY, message: 'Текст заявки...', group_id: 1234 }],
  [
    "the seed's sale",
    [{ ...DMITRY, message: 'Онлайн заказ...', is_sale: true, sale_cost: '9999' }],
    { ...DMITRY, message: 'Онлайн заказ...', is_sale: true, sale_cost: '9999' },
  ],
  ["the seed's callback example", [{ name: 'My Name Is' }], { name: 'My Name Is' }],
  [
    "the seed's named form",
    [{ ...DMITRY, form_name: 'Название заявки', message: 'Текст заявки...' }],
    { ...DMITRY, message: 'Текст заявки...', form_name: 'Название заявки' },
  ],
  ['only a message', [{ message: 'Перезвоните' }], { message: 'Перезвоните' }],
  [
    'user_fields (F2), numbers as text',
    [{ name: 'a', user_fields: { Город: 'Москва', n: 5, empty: '' } }],
    { name: 'a', user_fields: { Город: 'Москва', n: '5', empty: '' } },
  ],
  ['50 user fields', [{ name: 'a', user_fields: fifty }], { name: 'a', user_fields: fifty }],
  ['no user fields: not sent', [{ name: 'a', user_fields: {} }], { name: 'a' }],
  ['numbers as text', [{ name: 42, phone: 79123456789, form_name: 7 }], { name: '42', phone: '79123456789', form_name: '7' }],
  [
    'blank and null fields are not given (not sent)',
    [{ name: '  ', phone: '79123456789', email: '', message: null, form_name: '\t', is_sale: ' ', sale_cost: '', group_id: null, user_fields: ' ' }],
    { phone: '79123456789' },
  ],
  // P5: extra keys are kept in user_fields when they are text (a number as its text); others ignored.
  ['other keys kept in user_fields', [{ name: 'a', company: 'x', text: 'y' }], { name: 'a', user_fields: { company: 'x', text: 'y' } }],
  [
    "a real site's request",
    [{ name: ['Ivan'], phone: [79001234567], utm_source: 'google', note: 42, is_sale: 'true', sale_cost: 9999, group_id: 1234 }],
    { name: 'Ivan', phone: '79001234567', is_sale: true, sale_cost: 9999, group_id: 1234, user_fields: { utm_source: 'google', note: '42' } },
  ],
  ['is_sale "false"', [{ name: 'a', is_sale: 'false' }], { name: 'a', is_sale: false }],
  [
    'extra keys that are no text, blank, or the credentials are left out',
    [
      {
        name: 'a',
        cb: () => 0,
        o: {},
        flag: true,
        blank: ' ',
        site_key: 'k',
        visitor_id: 1,
        hit_id: 2,
        session_id: 3,
        key: 'k',
        uri: 'u',
        consultant_server_url: 's',
      },
    ],
    { name: 'a' },
  ],
  [
    'user_fields win over an extra key of the same name; at most 50 in all',
    [{ name: 'a', user_fields: fifty, f0: 'x', more: 'y' }],
    { name: 'a', user_fields: fifty },
  ],
  ['is_sale words and a decimal comma', [{ name: 'a', is_sale: ' Yes ', sale_cost: '9999,50' }], { name: 'a', is_sale: true, sale_cost: '9999,50' }],
  ['is_sale 1 and a numeric amount', [{ message: 'm', is_sale: 1, sale_cost: 12.5 }], { message: 'm', is_sale: true, sale_cost: 12.5 }],
  ['is_sale "TRUE" and amount 0', [{ name: 'a', is_sale: 'TRUE', sale_cost: 0 }], { name: 'a', is_sale: true, sale_cost: 0 }],
  ['is_sale false without an amount', [{ name: 'a', is_sale: false }], { name: 'a', is_sale: false }],
  ['is_sale "off"', [{ name: 'a', is_sale: 'off' }], { name: 'a', is_sale: false }],
  ['a blank amount without is_sale', [{ name: 'a', sale_cost: ' ' }], { name: 'a' }],
  ['the largest amounts', [{ name: 'a', is_sale: true, sale_cost: '1000000000000' }], { name: 'a', is_sale: true, sale_cost: '1000000000000' }],
  ['the largest numeric amount', [{ name: 'a', is_sale: 'on', sale_cost: 1e12 }], { name: 'a', is_sale: true, sale_cost: 1e12 }],
  ['a group id as text', [{ name: 'a', group_id: ' 16587 ' }], { name: 'a', group_id: ' 16587 ' }],
  ['the largest group id', [{ name: 'a', group_id: 2147483647 }], { name: 'a', group_id: 2147483647 }],
  [
    'the longest texts',
    [{ name: emoji.repeat(255), message: 'm'.repeat(10000), form_name: 'f'.repeat(255) }],
    { name: emoji.repeat(255), message: 'm'.repeat(10000), form_name: 'f'.repeat(255) },
  ],
  ['the honeypot goes along', [{ name: 'a', leadtrail_hp: 'http://spam.example' }], { name: 'a', leadtrail_hp: 'http://spam.example' }],
  ['an empty honeypot does not', [{ name: 'a', leadtrail_hp: '' }], { name: 'a' }],
  ['nothing', [], 'missing_contact (name)'],
  ['null', [null], 'missing_contact (name)'],
  ['a string', ['Дмитрий'], 'missing_contact (name)'],
  ['a named function (a callback in its place)', [function named() {}], 'missing_contact (name)'],
  ['an empty object', [{}], 'missing_contact (name)'],
  ['no contact, only a form name and a sale', [{ form_name: 'x', is_sale: true, sale_cost: 5, group_id: 1 }], 'missing_contact (name)'],
  ['only blank contacts', [{ name: ' ', email: '\n', phone: '', message: '\t' }], 'missing_contact (name)'],
  ['R5: an amount without is_sale', [{ name: 'a', sale_cost: '9999' }], 'invalid_is_sale (is_sale)'],
  ['R5: an amount with is_sale false', [{ name: 'a', is_sale: false, sale_cost: 1 }], 'invalid_is_sale (is_sale)'],
  ['R5: an amount with is_sale "no"', [{ name: 'a', is_sale: 'no', sale_cost: 1 }], 'invalid_is_sale (is_sale)'],
  ["R5 comes before the amount's format", [{ name: 'a', sale_cost: 'abc' }], 'invalid_is_sale (is_sale)'],
  ['R5 comes before missing_contact', [{ sale_cost: 5 }], 'invalid_is_sale (is_sale)'],
  ['is_sale "maybe"', [{ name: 'a', is_sale: 'maybe' }], 'invalid_is_sale (is_sale)'],
  ['is_sale 2', [{ name: 'a', is_sale: 2 }], 'invalid_is_sale (is_sale)'],
  ['is_sale an object', [{ name: 'a', is_sale: {} }], 'invalid_is_sale (is_sale)'],
  ['a negative amount', [{ name: 'a', is_sale: true, sale_cost: -1 }], 'invalid_sale_cost (sale_cost)'],
  ['a signed amount text', [{ name: 'a', is_sale: true, sale_cost: '-5' }], 'invalid_sale_cost (sale_cost)'],
  ['an exponent', [{ name: 'a', is_sale: true, sale_cost: '1e3' }], 'invalid_sale_cost (sale_cost)'],
  ['a thousands separator', [{ name: 'a', is_sale: true, sale_cost: '1 000' }], 'invalid_sale_cost (sale_cost)'],
  ['two decimal points', [{ name: 'a', is_sale: true, sale_cost: '9.99.9' }], 'invalid_sale_cost (sale_cost)'],
  ['no digit before the point', [{ name: 'a', is_sale: true, sale_cost: '.5' }], 'invalid_sale_cost (sale_cost)'],
  ['an amount over 10^12', [{ name: 'a', is_sale: true, sale_cost: '1000000000000.01' }], 'invalid_sale_cost (sale_cost)'],
  ['a numeric amount over 10^12', [{ name: 'a', is_sale: true, sale_cost: 1e12 + 1 }], 'invalid_sale_cost (sale_cost)'],
  ['an amount NaN', [{ name: 'a', is_sale: true, sale_cost: NaN }], 'invalid_sale_cost (sale_cost)'],
  ['an amount true', [{ name: 'a', is_sale: true, sale_cost: true }], 'invalid_sale_cost (sale_cost)'],
  ['group 0', [{ name: 'a', group_id: 0 }], 'invalid_group_id (group_id)'],
  ['group "0"', [{ name: 'a', group_id: '0' }], 'invalid_group_id (group_id)'],
  ['group 1.5', [{ name: 'a', group_id: 1.5 }], 'invalid_group_id (group_id)'],
  ['group "12a"', [{ name: 'a', group_id: '12a' }], 'invalid_group_id (group_id)'],
  ['group over 2^31-1', [{ name: 'a', group_id: 2147483648 }], 'invalid_group_id (group_id)'],
  ['group of 11 digits', [{ name: 'a', group_id: '00000000001' }], 'invalid_group_id (group_id)'],
  ['group true', [{ name: 'a', group_id: true }], 'invalid_group_id (group_id)'],
  ['an object name', [{ name: {}, phone: '79123456789' }], 'invalid_name (name)'],
  ['a boolean name', [{ name: true }], 'invalid_name (name)'],
  ['a NaN name', [{ name: NaN, phone: '79123456789' }], 'invalid_name (name)'],
  ['half a surrogate pair in the name', [{ name: 'a\ud800' }], 'invalid_name (name)'],
  ['256 characters of name', [{ name: 'x'.repeat(256) }], 'invalid_name (name)'],
  ['a bad e-mail', [{ email: 'not an email' }], 'invalid_email (email)'],
  ['a numeric e-mail', [{ email: 5, name: 'a' }], 'invalid_email (email)'],
  ['a bad phone', [{ phone: '+7 CALL-ME' }], 'invalid_phone (phone)'],
  ['6 digits as a number', [{ phone: 123456 }], 'invalid_phone (phone)'],
  ['e-mail is checked before phone', [{ phone: 'bad', email: 'bad' }], 'invalid_email (email)'],
  ['name is checked first', [{ phone: 'bad', name: [] }], 'invalid_name (name)'],
  ['10001 characters of message', [{ message: 'm'.repeat(10001) }], 'invalid_message (message)'],
  ['256 characters of form name', [{ name: 'a', form_name: 'f'.repeat(256) }], 'invalid_form_name (form_name)'],
  ['user_fields text', [{ name: 'a', user_fields: 'Город=Москва' }], 'invalid_user_fields (user_fields)'],
  ['user_fields an array', [{ name: 'a', user_fields: ['Москва'] }], 'invalid_user_fields (user_fields)'],
  ['user_fields an empty array', [{ name: 'a', user_fields: [] }], 'invalid_user_fields (user_fields)'],
  ['user_fields a Date', [{ name: 'a', user_fields: new Date(0) }], 'invalid_user_fields (user_fields)'],
  ['user_fields a Map', [{ name: 'a', user_fields: new Map([['a', 'b']]) }], 'invalid_user_fields (user_fields)'],
  [
    'user_fields a class instance',
    [
      {
        name: 'a',
        user_fields: new (class Fields {
          a = 'b';
        })(),
      },
    ],
    'invalid_user_fields (user_fields)',
  ],
  ['user_fields without a prototype', [{ name: 'a', user_fields: Object.assign(Object.create(null), { a: 'b' }) }], { name: 'a', user_fields: { a: 'b' } }],
  ['user_fields with an empty name', [{ name: 'a', user_fields: { '': 'x' } }], 'invalid_user_fields (user_fields)'],
  ['user_fields with a NUL in a name', [{ name: 'a', user_fields: { 'a\0b': 'x' } }], 'invalid_user_fields (user_fields)'],
  ['user_fields with a 256-character name', [{ name: 'a', user_fields: { ['k'.repeat(256)]: 'x' } }], 'invalid_user_fields (user_fields)'],
  ['user_fields with null', [{ name: 'a', user_fields: { a: null } }], 'invalid_user_fields (user_fields)'],
  ['user_fields with a boolean', [{ name: 'a', user_fields: { a: true } }], 'invalid_user_fields (user_fields)'],
  ['user_fields with an object', [{ name: 'a', user_fields: { a: {} } }], 'invalid_user_fields (user_fields)'],
  ['user_fields with NaN', [{ name: 'a', user_fields: { a: NaN } }], 'invalid_user_fields (user_fields)'],
  ['user_fields with 1001 characters', [{ name: 'a', user_fields: { a: 'v'.repeat(1001) } }], 'invalid_user_fields (user_fields)'],
  ['51 user fields', [{ name: 'a', user_fields: { ...fifty, one: 'more' } }], 'invalid_user_fields (user_fields)'],
];

const NOW = Date.now();
const MIN = 60_000;
const DAYS30 = 30 * 86_400_000;
const SEED_CALL = { captcha_key: 'jwgtGYZDYTA...4pBEWRx', captcha_value: '8315', phone: '79101234567', delayed_call_time: 1508927547000, group_id: '16587' };
const LATER = NOW + 3_600_000;

const callbacks: Sample[] = [
  // The seed's example verbatim: its time is in 2017, so the browser refuses it before any request.
  ["the seed's example verbatim (a time in 2017)", [SEED_CALL], 'invalid_delayed_call_time (delayed_call_time)'],
  [
    "the seed's example with a time an hour ahead",
    [{ ...SEED_CALL, delayed_call_time: LATER }],
    { captcha_key: 'jwgtGYZDYTA...4pBEWRx', captcha_value: '8315', phone: '79101234567', delayed_call_time: LATER, group_id: '16587' },
  ],
  ['only a phone', [{ phone: '+7 (910) 123-45-67' }], { phone: '+7 (910) 123-45-67' }],
  ['a phone as a number', [{ phone: 79101234567 }], { phone: '79101234567' }],
  ['the time as digits', [{ phone: '79101234567', delayed_call_time: String(LATER) }], { phone: '79101234567', delayed_call_time: LATER }],
  // NOW is read once when the file loads: the rows keep well inside or outside the limits, so a
  // slow run cannot move them across; isCallTime's own test below checks the exact edges.
  ['the time 30 s ago', [{ phone: '79101234567', delayed_call_time: NOW - MIN / 2 }], { phone: '79101234567', delayed_call_time: NOW - MIN / 2 }],
  [
    'the time 29 days ahead',
    [{ phone: '79101234567', delayed_call_time: NOW + DAYS30 - 86_400_000 }],
    { phone: '79101234567', delayed_call_time: NOW + DAYS30 - 86_400_000 },
  ],
  [
    'a captcha answer as a number, a group as a number',
    [{ phone: '79101234567', captcha_key: 'k', captcha_value: 8315, group_id: 7 }],
    { phone: '79101234567', captcha_key: 'k', captcha_value: '8315', group_id: 7 },
  ],
  [
    'empty and null optional fields, other keys',
    [{ phone: '79101234567', captcha_key: '', captcha_value: null, delayed_call_time: '', group_id: ' ', x: 1 }],
    { phone: '79101234567' },
  ],
  ['no phone', [{ captcha_key: 'k' }], 'missing_phone (phone)'],
  ['a blank phone', [{ phone: '  ' }], 'missing_phone (phone)'],
  ['a null phone', [{ phone: null }], 'missing_phone (phone)'],
  ['nothing at all', [undefined], 'missing_phone (phone)'],
  ['a function instead of the object', [() => 0], 'missing_phone (phone)'],
  ['a phone with letters', [{ phone: '7910abc4567' }], 'invalid_phone (phone)'],
  ['a phone of 6 digits', [{ phone: '123456' }], 'invalid_phone (phone)'],
  ['a phone alone in an array', [{ phone: ['79101234567'] }], { phone: '79101234567' }],
  ['a phone as an array of two', [{ phone: ['79101234567', '79101234568'] }], 'invalid_phone (phone)'],
  ['a phone of 65 characters', [{ phone: '7'.repeat(10) + ' '.repeat(55) }], 'invalid_phone (phone)'],
  ['a bad phone before a bad time', [{ phone: 'x', delayed_call_time: 1 }], 'invalid_phone (phone)'],
  ['a captcha key as an object', [{ phone: '79101234567', captcha_key: {} }], 'invalid_captcha_key (captcha_key)'],
  ['a 65-character captcha answer', [{ phone: '79101234567', captcha_value: '1'.repeat(65) }], 'invalid_captcha_value (captcha_value)'],
  ['the time 2 min ago', [{ phone: '79101234567', delayed_call_time: NOW - 2 * MIN }], 'invalid_delayed_call_time (delayed_call_time)'],
  ['the time 31 days ahead', [{ phone: '79101234567', delayed_call_time: NOW + DAYS30 + 86_400_000 }], 'invalid_delayed_call_time (delayed_call_time)'],
  ['the time as an ISO date', [{ phone: '79101234567', delayed_call_time: new Date(LATER).toISOString() }], 'invalid_delayed_call_time (delayed_call_time)'],
  ['the time with a fraction', [{ phone: '79101234567', delayed_call_time: LATER + 0.5 }], 'invalid_delayed_call_time (delayed_call_time)'],
  ['the time as a Date', [{ phone: '79101234567', delayed_call_time: new Date(LATER) }], 'invalid_delayed_call_time (delayed_call_time)'],
  ['the time NaN', [{ phone: '79101234567', delayed_call_time: NaN }], 'invalid_delayed_call_time (delayed_call_time)'],
  ['a group of letters', [{ phone: '79101234567', group_id: 'sales' }], 'invalid_group_id (group_id)'],
  ['a group 0', [{ phone: '79101234567', group_id: 0 }], 'invalid_group_id (group_id)'],
];

function agree(samples: Sample[], hand: (...args: unknown[]) => SentFields, zodOf: (...args: unknown[]) => unknown, schema: z.ZodMiniType, op: Op) {
  it.each(samples)('%s', (_label, args, expected) => {
    const got = outcome(() => hand(...args));
    expect(got).toEqual(expected);
    // The zod schema (the contract, read loosely as the browser reads arguments) takes the same
    // arguments exactly when the hand check does...
    expect(z.safeParse(looseArgs(schema), zodOf(...args)).success).toBe(typeof got == 'object');
    // ...and what the runtime sends is a body of the contract.
    if (typeof got == 'object') expect(callRequest(op).safeParse({ ...who, ...got }).success).toBe(true);
  });
}

describe('trackEvent arguments (A1): hand check = zod schema', () => {
  agree(
    events,
    (c, a, n, v) => eventFields(c, a, n, v),
    (category, action, name, value) => ({ category, action, name, value }),
    EventFields,
    'event',
  );
});

describe('setProperty arguments (A16): hand check = zod schema', () => {
  agree(
    properties,
    (n, v) => propertyFields(n, v, 1),
    (name, value) => ({ name, value }),
    PropertySetFields,
    'property_set',
  );
});

describe('has/get/deleteProperty arguments (A17-A19): hand check = zod schema', () => {
  const names = properties.filter(([, args]) => args.length < 2);
  agree(
    names,
    (n) => propertyFields(n),
    (name) => ({ name }),
    PropertyNameFields,
    'property_get',
  );
  it('ignore a second argument (the callback)', () => {
    expect(propertyFields('n', 'v'.repeat(5000))).toEqual({ name: 'n' });
  });
});

describe('addVisitorInfo arguments (A14): hand check = zod schema', () => {
  agree(
    infos,
    (info) => visitorInfoFields(info),
    (info) => info,
    VisitorInfoFields,
    'visitor_info',
  );

  it('names the field whose getter throws', () => {
    const info = {
      phone: '79000000000',
      get email(): string {
        throw new Error('page bug');
      },
    };
    expect(outcome(() => visitorInfoFields(info))).toBe('invalid_email (email)');
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(outcome(() => visitorInfoFields(revoked.proxy))).toBe('invalid_name (name)');
  });
});

describe('addOfflineRequest arguments (A4, F2, R5): hand check = zod schema', () => {
  agree(
    requests,
    (req) => requestFields(req),
    (req) => req,
    RequestFields,
    'request',
  );

  it('names the field whose getter throws; a revoked proxy as user_fields is invalid', () => {
    const req = {
      name: 'a',
      get group_id(): number {
        throw new Error('page bug');
      },
    };
    expect(outcome(() => requestFields(req))).toBe('invalid_group_id (group_id)');
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(outcome(() => requestFields({ name: 'a', user_fields: revoked.proxy }))).toBe('invalid_user_fields (user_fields)');
    expect(outcome(() => requestFields(revoked.proxy))).toBe('invalid_name (name)');
  });

  it('a honeypot that is not text is sent as "1" (given is all the server looks at)', () => {
    expect(requestFields({ name: 'a', leadtrail_hp: { x: 1 } })).toEqual({ name: 'a', leadtrail_hp: '1' });
    expect(requestFields({ name: 'a', leadtrail_hp: null })).toEqual({ name: 'a' });
  });
});

describe('sitePhoneCall arguments (A10): hand check = zod schema', () => {
  agree(
    callbacks,
    (args) => callbackFields(args),
    (args) => args,
    CallbackFields,
    'callback',
  );

  it('isCallTime: from a minute ago to 30 days ahead, to the millisecond', () => {
    const now = 1_800_000_000_000;
    expect([now - MIN, now, now + DAYS30, String(now), ` ${now} `].every((t) => isCallTime(t, now))).toBe(true);
    expect([now - MIN - 1, now + DAYS30 + 1, '', '-1', '1e12', `${now}.0`, true, null].some((t) => isCallTime(t, now))).toBe(false);
  });
});

describe('the shared formats', () => {
  it('saleFlag, isSaleCost and isGroupId', () => {
    expect([true, 1, 'true', ' On ', 'YES', '1'].map(saleFlag)).toEqual([true, true, true, true, true, true]);
    expect([false, 0, 'false', 'off', 'No', '0'].map(saleFlag)).toEqual([false, false, false, false, false, false]);
    expect([2, 'y', 'да', null, {}, 'true!'].map(saleFlag)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(['0', '9999', '9999,5', '12.34', ' 7 ', 0, 1e12, 0.001].every(isSaleCost)).toBe(true);
    expect(['', '-1', '1,000.5', '1e3', '٣', 1e12 + 1, -0.01, Infinity, '10000000000000'].some(isSaleCost)).toBe(false);
    expect(['1', ' 16587 ', '2147483647', 1, 2147483647].every(isGroupId)).toBe(true);
    expect(['', '0', '-1', '2147483648', '1.0', 0, 1.5, 2147483648, NaN].some(isGroupId)).toBe(false);
  });

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
