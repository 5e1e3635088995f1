// Hand checks of the visitor methods' arguments, made in the browser before any request (R4), with
// the server's limits and codes (docs/contracts.md). Each returns the fields to send, or throws a
// Refused that the caller turns into the documented refusal. They must accept exactly what the
// schemas in calls.ts accept (args.test.ts compares them). They read arguments as real sites send
// them (P5): text may come as a number or wrapped in a one-element array (a form serializer's habit).
import type { Fields } from './calls';
import { isObj, isStr } from './guards';
import { blank, fits, given, isCallTime, isEmail, isGroupId, isPhone, isSaleCost, saleFlag, trim } from './formats';

/** A refusal's `result`, as the server would give it (less its English `message`). */
export interface Refused {
  code: string;
  field: string;
}

function refuse(code: string, field: string): never {
  throw { code, field } satisfies Refused;
}

const invalid = (field: string) => refuse('invalid_' + field, field);

/** The one value of a one-element array, else `v` itself. */
const one = (v: unknown) => (Array.isArray(v) && v.length == 1 ? v[0] : v);

/** A finite number as its decimal text (JavaScript's `String()`), else `v` itself. */
const numberText = (v: unknown) => (typeof v == 'number' && isFinite(v) ? String(v) : v);

/**
 * Puts `v` into `to[field]` when it is text of `min` to `max` characters, or a finite number (as its
 * decimal text), either of them alone in an array. `min` 0 makes it optional: undefined and null are
 * "not given".
 */
function text(to: Fields, field: string, v: unknown, min: number, max: number): void {
  v = one(v);
  if (v === undefined && min) refuse('missing_' + field, field);
  if (v == null && !min) return;
  v = numberText(v);
  if (!isStr(v) || !fits(v, min, max)) invalid(field);
  to[field] = v as string;
}

/** A1 `trackEvent(category, action, name?, value?)`. */
export function eventFields(category: unknown, action: unknown, name: unknown, value: unknown): Fields {
  const f: Fields = {};
  text(f, 'category', category, 1, 255);
  text(f, 'action', action, 1, 255);
  text(f, 'name', name, 0, 255);
  text(f, 'value', value, 0, 255);
  return f;
}

/**
 * A16-A19: the property's `name` (1..255 characters, no NUL); with `withValue` (A16) also the
 * optional `value` (at most 4096 characters, or a number).
 */
export function propertyFields(name: unknown, value?: unknown, withValue?: 1): Fields {
  const f: Fields = {};
  text(f, 'name', name, 1, 255);
  if ((f.name as string).includes('\0')) invalid('name');
  if (withValue) text(f, 'value', value, 0, 4096);
  return f;
}

/**
 * Reads the keys of whatever the page passed (anything that is not an object has none), a value alone
 * in an array as that value. A getter that throws (a page's proxy, say) makes its field invalid: NaN
 * is no text, flag, amount or id.
 */
function reader(from: unknown) {
  // Not Object(from): a function (a callback passed in its place) has a `name`.
  const o = ((typeof from == 'object' && from) || {}) as Record<string, unknown>;
  return (k: string) => {
    try {
      return one(o[k]);
    } catch {
      return NaN;
    }
  };
}

/**
 * A14 `addVisitorInfo({name, phone, email})`: other keys are ignored, a blank value counts as not
 * given, at least one must be given. Anything that is not an object gives nothing (missing_contact).
 */
export function visitorInfoFields(info: unknown): Fields {
  const get = reader(info);
  const f = {} as Record<string, string>;
  text(f, 'name', get('name'), 0, 255);
  text(f, 'phone', get('phone'), 0, 64);
  text(f, 'email', get('email'), 0, 254);
  for (const k in f) if (blank(f[k]!)) delete f[k];
  if (!(f.name || f.phone || f.email)) refuse('missing_contact', 'name');
  if (f.phone && !isPhone(f.phone)) invalid('phone');
  if (f.email && !isEmail(f.email)) invalid('email');
  return f;
}

/**
 * A4 + F2 `addOfflineRequest(req)` (contracts.md, "Lead requests"): fields checked in the server's
 * order, the first bad one refused; a field that is absent, null or blank is not given (and not
 * sent); at least one of name, email, phone, message, else `missing_contact` (field `name`). Text
 * fields take a number as its decimal text; `is_sale` is sent as a boolean; `sale_cost` and
 * `group_id` as given; `sale_cost` without `is_sale` true is `invalid_is_sale` (R5). `leadtrail_hp`
 * (the request form's honeypot) goes along when not absent, null or "". Other keys are ignored.
 */
export function requestFields(req: unknown): Fields {
  const get = reader(req);
  const f: Fields = {};
  const lead = (field: string, max: number, ok?: (s: string) => boolean) => {
    const v = get(field);
    text(f, field, given(v) ? v : null, 0, max);
    if (ok && field in f && !ok(f[field] as string)) invalid(field);
  };
  lead('name', 255);
  lead('email', 254, isEmail);
  lead('phone', 64, isPhone);
  lead('message', 10000);
  const sale = get('is_sale');
  if (given(sale)) {
    const flag = saleFlag(sale);
    if (flag === undefined) invalid('is_sale');
    f.is_sale = flag!;
  }
  const cost = get('sale_cost');
  if (given(cost)) {
    if (f.is_sale !== true) invalid('is_sale');
    if (!isSaleCost(cost)) invalid('sale_cost');
    f.sale_cost = cost as string | number;
  }
  const group = get('group_id');
  if (given(group)) {
    if (!isGroupId(group)) invalid('group_id');
    f.group_id = group as string | number;
  }
  lead('form_name', 255);
  const extra = get('user_fields');
  const u = given(extra) ? userFields(extra) : {};
  // The keys a request has no field for (`utm_source`, `note`...) join its user_fields when they are
  // text, as far as those take them; others are ignored (P5).
  for (const k of keysOf(req)) {
    const x = numberText(get(k));
    if (!OWN.includes(k) && !(k in u) && Object.keys(u).length < 50 && isUserField(k, x) && !blank(x as string)) u[k] = x as string;
  }
  if (Object.keys(u).length) f.user_fields = u;
  const hp = get('leadtrail_hp');
  if (hp != null && hp !== '') f.leadtrail_hp = typeof hp == 'string' ? hp : '1';
  if (!(f.name || f.email || f.phone || f.message)) refuse('missing_contact', 'name');
  return f;
}

/**
 * A10 `sitePhoneCall({captcha_key, captcha_value, phone, delayed_call_time, group_id})` (contracts.md,
 * "Callback orders"), checked in the order phone, captcha_key, captcha_value, delayed_call_time,
 * group_id; absent, null or blank is "not given". `phone` is required (a number is taken as its text);
 * the captcha's key and answer are text of at most 64 characters (or a number), whether they are
 * right is the server's to say (status 1); `delayed_call_time` is sent as a number; `group_id` as given.
 */
export function callbackFields(args: unknown): Fields {
  const get = reader(args);
  const f: Fields = {};
  const phone = get('phone');
  if (!given(phone)) refuse('missing_phone', 'phone');
  text(f, 'phone', phone, 1, 64);
  if (!isPhone(f.phone as string)) invalid('phone');
  for (const k of ['captcha_key', 'captcha_value']) {
    const v = get(k);
    if (given(v)) text(f, k, v, 1, 64);
  }
  const time = get('delayed_call_time');
  if (given(time)) {
    if (!isCallTime(time)) invalid('delayed_call_time');
    f.delayed_call_time = +trim(String(time));
  }
  const group = get('group_id');
  if (given(group)) {
    if (!isGroupId(group)) invalid('group_id');
    f.group_id = group as string | number;
  }
  return f;
}

/** The keys of a request that are its own fields, or the credentials sites copy into their data. */
const OWN =
  'name email phone message is_sale sale_cost group_id form_name user_fields leadtrail_hp site_key key uri visitor_id hit_id session_id consultant_server_url comagic_id'.split(
    ' ',
  );

/** The own keys of the page's argument; none if it is not an object or they cannot be listed. */
function keysOf(from: unknown): string[] {
  try {
    return isObj(from) ? Object.keys(from) : [];
  } catch {
    return [];
  }
}

/** A user field: a name of 1..255 characters without NUL, text of at most 1000. */
const isUserField = (k: string, x: unknown) => fits(k, 1, 255) && !k.includes('\0') && isStr(x) && fits(x, 0, 1000);

/**
 * F2 `user_fields`: a plain object of at most 50 names with text or numbers (isUserField). Plain as
 * zod's record takes it: its constructor's prototype has its own `isPrototypeOf` (an Object of any
 * frame, or none), so an array, a Date, a Map or a class's instance is refused.
 */
function userFields(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    if (!isObj(v)) throw 0;
    const c = v.constructor;
    if (typeof c == 'function' && !Object.prototype.hasOwnProperty.call(c.prototype, 'isPrototypeOf')) throw 0;
    const keys = Object.keys(v);
    if (keys.length > 50) throw 0;
    for (const k of keys) {
      const x = numberText(v[k]);
      if (!isUserField(k, x)) throw 0;
      out[k] = x as string;
    }
  } catch {
    invalid('user_fields');
  }
  return out;
}
