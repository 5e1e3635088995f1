import type { JsonValue, ReadResult } from '../messages/json-value';
import type { PhoneElement, PhoneMethods, PhonesState } from '../messages/page-snapshot';
import { describeError, toJsonSafe } from './to-json-safe';

/** The elements the vendor documents for replacement (N1), then `tel:` links. */
const MARKED = [
  '#comagic_phone',
  '.comagic_phone',
  '[name=comagic_phone]',
  '.call_phone_1',
  '.call_phone_2',
  '.call_phone_3',
  '.call_phone_4',
  '.call_phone_5',
];
const TEL_LINKS = 'a[href^="tel:" i]';
/** The vendor's `_comagic_id…` / `_cs_…` cookies and LeadTrail's `_comagic_id` / `_leadtrail_token`. */
const ID_COOKIE = /^_{0,2}(comagic|cs_|leadtrail)/i;
const MAX_ELEMENTS = 50;
const MAX_TEXT = 200;

const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

function call(api: object, name: string, args: unknown[]): ReadResult {
  try {
    const method = Reflect.get(api, name) as unknown;
    if (typeof method !== 'function') return { ok: false, error: `${name} is not a function` };
    return { ok: true, value: toJsonSafe(Reflect.apply(method, api, args)) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

function readMethods(api: unknown): PhoneMethods | null {
  if ((typeof api !== 'object' && typeof api !== 'function') || api === null) return null;
  return {
    getPhones: call(api, 'getPhones', []),
    getDTPhones: call(api, 'getDTPhones', []),
    replaced: call(api, 'getReplacedPhones', []),
    replacedStatic: call(api, 'getReplacedPhones', ['static']),
    replacedDynamic: call(api, 'getReplacedPhones', ['dynamic']),
  };
}

function readElements(doc: Document): PhoneElement[] {
  const out: PhoneElement[] = [];
  for (const selector of MARKED) {
    for (const element of doc.querySelectorAll(selector)) {
      const value = element.tagName === 'INPUT' ? (element as HTMLInputElement).value : (element.textContent ?? '');
      out.push({ where: selector, text: clip(value.trim()) });
    }
  }
  for (const link of doc.querySelectorAll(TEL_LINKS)) {
    out.push({ where: `tel: link "${clip((link.textContent ?? '').trim())}"`, text: clip(link.getAttribute('href') ?? '') });
  }
  return out.slice(0, MAX_ELEMENTS);
}

function readCookies(doc: Document): PhonesState['cookies'] {
  let all = '';
  try {
    all = doc.cookie;
  } catch {
    // A sandboxed or opaque-origin document has no cookies to show.
  }
  return all
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => ID_COOKIE.test(pair))
    .map((pair) => {
      const at = pair.indexOf('=');
      return at < 0 ? { name: pair, value: '' } : { name: pair.slice(0, at), value: clip(pair.slice(at + 1)) };
    });
}

/** Call tracking as the page sees it; never throws (each failing read is reported in its place). */
export function readPhones(api: unknown, answer: JsonValue | null, doc: Document): PhonesState {
  return { methods: readMethods(api), answer, elements: readElements(doc), cookies: readCookies(doc) };
}
