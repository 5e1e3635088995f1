// Formats shared by the zod schemas and the hand checks; kept free of zod so the runtime bundle
// can use them without pulling zod in.

/** A site key: 32 characters [A-Za-z0-9_-], as the vendor issues them (contracts.md, "Site keys"). */
export const SITE_KEY = /^[\w-]{32}$/;
/** `<visitor_id>.<session_id>.<unix seconds>` (R2, F5). */
export const COMAGIC_ID = /^\d+\.\d+\.\d+$/;
/** `<visitor_id>.<base64url signature>` (contracts.md, "Visitor token"). */
export const TOKEN = /^\d+\.[\w-]+$/;

/** The hidden form fields (contracts.md): the credentials a server-side handler needs (A6, F1). */
export const FIELD_NAMES = ['site_key', 'key', 'uri', 'visitor_id', 'hit_id', 'session_id', 'consultant_server_url'] as const;

/** A visitor call's idempotency key (contracts.md, "Visitor calls"). */
export const REQUEST_ID = /^[\w-]{16,64}$/;

/**
 * Whether `s` is well-formed text of `min` to `max` characters. The server counts characters
 * (code points), not UTF-16 units: an emoji is one. Half a surrogate pair makes it ill-formed: JSON
 * would carry it as `\udXXX`, which is no UTF-8, and the server would refuse the whole body.
 */
export function fits(s: string, min: number, max: number): boolean {
  // Code points <= units <= 2 * code points: a longer text is refused before it is counted. With
  // the `u` flag only a lone surrogate is one `Cs` code point.
  if (s.length > 2 * max || /\p{Cs}/u.test(s)) return false;
  // oxlint-disable-next-line typescript/no-misused-spread -- code points are what the server counts
  const n = [...s].length;
  return n >= min && n <= max;
}

/** Empty or only what PHP's trim() takes away: the server counts such a contact as not given. */
// oxlint-disable-next-line no-control-regex -- NUL and vertical tab are in PHP's trim() set
export const blank = (s: string) => /^[ \t\n\r\0\x0B]*$/.test(s);

/** `s` less what PHP's trim() takes away at both ends. */
// oxlint-disable-next-line no-control-regex -- NUL and vertical tab are in PHP's trim() set
export const trim = (s: string) => s.replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g, '');

/** A lead's field is "not given" when absent, null, or blank text (contracts.md, "Lead requests"). */
export const given = (v: unknown) => v != null && !(typeof v == 'string' && blank(v));

/**
 * A lead's `is_sale` (A4): a boolean, 1/0, or the words forms and server code make of one (any case,
 * trimmed); undefined when `v` is none of them.
 */
export function saleFlag(v: unknown): boolean | undefined {
  if (typeof v == 'boolean') return v;
  if (v === 1 || v === 0) return !!v;
  const m = typeof v == 'string' && /^(?:(true|1|on|yes)|false|0|off|no)$/.exec(trim(v).toLowerCase());
  if (m) return !!m[1];
}

/** The largest deal amount (`sale_cost`) and employee group id the server takes. */
export const MAX_SALE_COST = 1e12;
export const MAX_GROUP_ID = 2147483647;

/**
 * Whether `v` is a number from `min` to `max` (with `int`, a whole one), or text of one that `re`
 * matches once trimmed (a decimal comma read as a point).
 */
function amount(v: unknown, re: RegExp, min: number, max: number, int?: 1): boolean {
  const t = typeof v == 'string' ? trim(v) : '';
  const n = t ? (re.test(t) ? +t.replace(',', '.') : NaN) : typeof v == 'number' && (!int || v % 1 == 0) ? v : NaN;
  return n >= min && n <= max;
}

/** `sale_cost`: 0..10^12, a number or digits with at most one `.` or `,` before the decimals ("9999,50"). */
export const isSaleCost = (v: unknown) => amount(v, /^\d{1,13}(?:[.,]\d{1,20})?$/, 0, MAX_SALE_COST);

/** `group_id`: a whole number 1..2147483647, or 1 to 10 digits. */
export const isGroupId = (v: unknown) => amount(v, /^\d{1,10}$/, 1, MAX_GROUP_ID, 1);

/** The time span a callback's `delayed_call_time` may name: from a minute ago to 30 days ahead (ms). */
export const CALL_PAST = 6e4;
export const CALL_AHEAD = 2592e6;

/** `delayed_call_time` (A10): UTC milliseconds, a whole number or up to 15 digits, in that span of `now`. */
export const isCallTime = (v: unknown, now = Date.now()) => amount(v, /^\d{1,15}$/, now - CALL_PAST, now + CALL_AHEAD, 1);

/** 7 to 15 digits once `+ ( ) - .` and spaces are taken out (contracts.md, visitor info). */
export const isPhone = (s: string) => /^\d{7,15}$/.test(s.replace(/[+().\- ]/g, ''));

const ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
/** The server's e-mail syntax: a dot-atom local part (any script), `@`, labels, a last label of letters. */
const email = () => new RegExp(`^(${ATOM}(?:\\.${ATOM})*)@(?:${LABEL}\\.)+\\p{L}{2,63}$`, 'u');

/** An e-mail address the server takes: syntax as above, the local part at most 64 characters. */
export function isEmail(s: string): boolean {
  const m = email().exec(s.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, ''));
  return !!m && fits(m[1]!, 1, 64);
}
