// Hand checks of the visitor methods' arguments, made in the browser before any request (R4), with
// the server's limits and codes (docs/contracts.md). Each returns the fields to send, or throws a
// Refused that the caller turns into the documented refusal. They must accept exactly what the
// schemas in calls.ts accept (args.test.ts compares them).
import type { Fields } from './calls';
import { blank, fits, isEmail, isPhone } from './formats';

/** A refusal's `result`, as the server would give it (less its English `message`). */
export interface Refused {
  code: string;
  field: string;
}

function refuse(code: string, field: string): never {
  throw { code, field } satisfies Refused;
}

const invalid = (field: string) => refuse('invalid_' + field, field);

/**
 * Puts `v` into `to[field]` when it is text of `min` to `max` characters (with `numbers`, a finite
 * number as its decimal text). `min` 0 makes it optional: undefined and null are "not given".
 */
function text(to: Fields, field: string, v: unknown, min: number, max: number, numbers?: 1): void {
  if (v === undefined && min) refuse('missing_' + field, field);
  if (v == null && !min) return;
  if (numbers && typeof v == 'number' && isFinite(v)) v = String(v);
  if (typeof v != 'string' || !fits(v, min, max)) invalid(field);
  to[field] = v as string;
}

/** A1 `trackEvent(category, action, name?, value?)`. */
export function eventFields(category: unknown, action: unknown, name: unknown, value: unknown): Fields {
  const f: Fields = {};
  text(f, 'category', category, 1, 255);
  text(f, 'action', action, 1, 255);
  text(f, 'name', name, 0, 255, 1);
  text(f, 'value', value, 0, 255, 1);
  return f;
}

/**
 * A16-A19: the property's `name` (1..255 characters, no NUL); with `withValue` (A16) also the
 * optional `value` (at most 4096 characters, or a number).
 */
export function propertyFields(name: unknown, value?: unknown, withValue?: 1): Fields {
  const f: Fields = {};
  text(f, 'name', name, 1, 255);
  if (f.name!.includes('\0')) invalid('name');
  if (withValue) text(f, 'value', value, 0, 4096, 1);
  return f;
}

/**
 * A14 `addVisitorInfo({name, phone, email})`: other keys are ignored, a blank value counts as not
 * given, at least one must be given. Anything that is not an object gives nothing (missing_contact).
 */
export function visitorInfoFields(info: unknown): Fields {
  const o = Object(info) as Record<string, unknown>;
  // A getter that throws (a page's proxy, say) makes its field invalid: NaN is no text.
  const get = (k: string) => {
    try {
      return o[k];
    } catch {
      return NaN;
    }
  };
  const f: Fields = {};
  text(f, 'name', get('name'), 0, 255);
  text(f, 'phone', get('phone'), 0, 64);
  text(f, 'email', get('email'), 0, 254);
  for (const k in f) if (blank(f[k]!)) delete f[k];
  if (!(f.name || f.phone || f.email)) refuse('missing_contact', 'name');
  if (f.phone && !isPhone(f.phone)) invalid('phone');
  if (f.email && !isEmail(f.email)) invalid('email');
  return f;
}
