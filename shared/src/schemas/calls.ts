// The visitor calls (docs/contracts.md, "Visitor calls"): the single source of their
// request and answer types. As with the hit, the runtime imports only the types: the arguments are
// checked by hand in args.ts and the answers in answers.ts, and their tests prove that both agree
// with these schemas.
import * as z from 'zod/mini';
import {
  blank,
  fits,
  given as isGiven,
  CALL_AHEAD,
  CALL_PAST,
  isEmail,
  isPhone,
  MAX_GROUP_ID,
  MAX_SALE_COST,
  REQUEST_ID,
  saleFlag,
  TOKEN,
  trim,
} from './formats';
import { Id, Refusal } from './hit';

/** The operations, by their `op` on the lean endpoint. */
export const Op = z.enum(['event', 'visitor_info', 'property_set', 'property_delete', 'property_has', 'property_get', 'properties', 'request', 'callback']);

/** Who makes the call: the ids of a hit answer and the visitor token. */
export const Who = z.object({ visitor_id: Id, session_id: Id, hit_id: Id, token: z.string().check(z.regex(TOKEN)) });

/** Text of `min` to `max` characters (code points), well-formed (no half surrogate pair). */
const text = (min: number, max: number) => z.string().check(z.refine((s) => fits(s, min, max)));
/** Optional: absent or null is "not given". */
const opt = <T extends z.core.SomeType>(t: T) => z.optional(z.nullable(t));
/** "A number is taken as its decimal text." */
const textOrNumber = (max: number) => z.union([text(0, max), z.number()]);

export const EventFields = z.object({
  category: text(1, 255),
  action: text(1, 255),
  name: opt(textOrNumber(255)),
  value: opt(textOrNumber(255)),
});

/** A property's name: 1..255 characters, no NUL (the server could not key a map with it). */
const PropertyName = text(1, 255).check(z.refine((s) => !s.includes('\0')));

export const PropertySetFields = z.object({ name: PropertyName, value: opt(textOrNumber(4096)) });

/** delete, has, get. */
export const PropertyNameFields = z.object({ name: PropertyName });

const given = (v: string | null | undefined): v is string => v != null && !blank(v);

/** A14: at least one of the three (blank counts as not given); any other key is ignored. */
export const VisitorInfoFields = z
  .object({
    name: opt(text(0, 255)),
    phone: opt(text(0, 64)),
    email: opt(text(0, 254)),
  })
  .check(
    z.refine((f) => given(f.name) || given(f.phone) || given(f.email)),
    z.refine((f) => !given(f.phone) || isPhone(f.phone)),
    z.refine((f) => !given(f.email) || isEmail(f.email)),
  );

const ListFields = z.object({});

/** A lead's optional field: absent, null or blank text is "not given" (contracts.md, "Lead requests"). */
const lead = <T extends z.core.SomeType>(t: T) => z.optional(z.union([z.null(), z.string().check(z.refine(blank)), t]));
/** Lead text: a number is taken as its decimal text, which must pass `ok` too. */
const leadText = (max: number, ok: (s: string) => boolean = () => true) =>
  lead(z.union([text(1, max).check(z.refine(ok)), z.number().check(z.refine((n) => ok(String(n))))]));
/** Text that `re` matches once trimmed, of a number from `min` to `max` (a decimal comma as a point). */
const numberText = (re: RegExp, min: number, max: number) =>
  z.pipe(
    z.pipe(z.string(), z.transform(trim)).check(z.regex(re)),
    z.pipe(
      z.transform((t: string) => Number(t.replace(',', '.'))),
      z.number().check(z.gte(min), z.lte(max)),
    ),
  );

/** An employee group's id: a whole number 1..2147483647, or its digits. */
const GroupId = z.union([z.int().check(z.gte(1), z.lte(MAX_GROUP_ID)), numberText(/^\d{1,10}$/, 1, MAX_GROUP_ID)]);

/** A4 + F2: `addOfflineRequest(req)`; at least one of name, email, phone, message; R5. */
export const RequestFields = z
  .object({
    name: leadText(255),
    email: leadText(254, isEmail),
    phone: leadText(64, isPhone),
    message: leadText(10000),
    is_sale: lead(z.union([z.boolean(), z.literal([0, 1]), z.string().check(z.refine((s) => saleFlag(s) !== undefined))])),
    sale_cost: lead(z.union([z.number().check(z.gte(0), z.lte(MAX_SALE_COST)), numberText(/^\d{1,13}(?:[.,]\d{1,20})?$/, 0, MAX_SALE_COST)])),
    group_id: lead(GroupId),
    form_name: leadText(255),
    user_fields: lead(
      z
        .record(text(1, 255).check(z.refine((k) => !k.includes('\0'))), z.union([text(0, 1000), z.number()]))
        .check(z.refine((r) => Object.keys(r).length <= 50)),
    ),
    /** The request form's honeypot: any value (contracts.md, "Spam protection"). */
    leadtrail_hp: z.optional(z.unknown()),
  })
  .check(
    z.refine((f) => isGiven(f.name) || isGiven(f.email) || isGiven(f.phone) || isGiven(f.message)),
    // R5: a deal amount only with is_sale true.
    z.refine((f) => !isGiven(f.sale_cost) || saleFlag(f.is_sale) === true),
  );

/**
 * A10: `sitePhoneCall({captcha_key, captcha_value, phone, delayed_call_time, group_id})` (contracts.md,
 * "Callback orders"): phone required; the captcha's key and answer as text (or a number); the time in
 * UTC milliseconds from a minute ago to 30 days ahead (by this browser's clock).
 */
const inCallSpan = (t: number) => t >= Date.now() - CALL_PAST && t <= Date.now() + CALL_AHEAD;

export const CallbackFields = z.object({
  phone: z.union([text(1, 64).check(z.refine((s) => !blank(s) && isPhone(s))), z.number().check(z.refine((n) => isPhone(String(n))))]),
  captcha_key: lead(textOrNumber(64)),
  captcha_value: lead(textOrNumber(64)),
  delayed_call_time: lead(
    z.union([
      z.int().check(z.refine(inCallSpan)),
      z.pipe(z.pipe(z.string(), z.transform(trim)).check(z.regex(/^\d{1,15}$/)), z.pipe(z.transform(Number), z.number().check(z.refine(inCallSpan)))),
    ]),
  ),
  group_id: lead(GroupId),
});

/** What every body carries besides the operation's fields. */
const CallBase = z.object({ ...Who.shape, request_id: z.string().check(z.regex(REQUEST_ID)) });

export const Fields = {
  event: EventFields,
  visitor_info: VisitorInfoFields,
  property_set: PropertySetFields,
  property_delete: PropertyNameFields,
  property_has: PropertyNameFields,
  property_get: PropertyNameFields,
  properties: ListFields,
  request: RequestFields,
  callback: CallbackFields,
} as const;

/**
 * P5: the arguments as the browser reads them before `schema` (a method's fields) checks them: a
 * value alone in an array as that value, a finite number as its decimal text.
 */
export const looseArgs = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.transform((o: unknown) =>
      o && typeof o == 'object' && !Array.isArray(o)
        ? Object.fromEntries(
            Object.entries(o).map(([k, v]) => {
              const x: unknown = Array.isArray(v) && v.length == 1 ? v[0] : v;
              return [k, typeof x == 'number' && isFinite(x) ? String(x) : x];
            }),
          )
        : o,
    ),
    schema,
  );

/** The body of `op`. */
export const callRequest = (op: Op) => z.intersection(CallBase, Fields[op]);

/** event, visitor info, set, delete: exactly A14's `{success: true}`. */
const Ack = z.object({ success: z.literal(true) });
/** A4: exactly `{success: true, result: null}`, whatever else the server added. */
const RequestAck = z.pipe(
  Ack,
  z.transform(() => ({ success: true as const, result: null })),
);
/** A17. */
const HasAnswer = z.object({ success: z.literal(true), result: z.boolean() });
/** A18: the value; `true` for a property set without one; `false` when not set. */
const GetAnswer = z.object({ success: z.literal(true), result: z.union([z.string(), z.boolean()]) });
/** The inspector's list: name -> value, or `true` for a property set without a value. */
const ListAnswer = z.object({ success: z.literal(true), result: z.record(z.string(), z.union([z.string(), z.literal(true)])) });

/**
 * A10: `{success, result: {status, code}}`, success exactly when the status is 0; a refusal of the
 * input names its `field` (status 3). Final whatever the HTTP status (contracts.md).
 */
export const CallbackAnswer = z
  .object({
    success: z.boolean(),
    result: z.object({ status: z.int().check(z.gte(0), z.lte(4)), code: z.string(), field: z.optional(z.string()), message: z.optional(z.string()) }),
  })
  .check(z.refine((a) => a.success == (a.result.status == 0)));

export const Answers = {
  event: z.union([Ack, Refusal]),
  visitor_info: z.union([Ack, Refusal]),
  property_set: z.union([Ack, Refusal]),
  property_delete: z.union([Ack, Refusal]),
  property_has: z.union([HasAnswer, Refusal]),
  property_get: z.union([GetAnswer, Refusal]),
  properties: z.union([ListAnswer, Refusal]),
  request: z.union([RequestAck, Refusal]),
  callback: z.union([CallbackAnswer, Refusal]),
} as const;

export type Op = z.infer<typeof Op>;
export type Who = z.infer<typeof Who>;
/** What `sitePhoneCall` answers (A10): always with a status; a refusal also names its field. */
export interface CallbackAnswer {
  success: boolean;
  result: { status: number; code: string; field?: string };
}
/** The answer of `op`, a success or a refusal. */
export type Answer<O extends Op = Op> = z.infer<(typeof Answers)[O]>;
/**
 * An operation's fields as the runtime sends them: text (numbers already turned into text where the
 * contract takes them as text), a lead's `is_sale` flag, `sale_cost` and `group_id` as given, and
 * its `user_fields`.
 */
export type Fields = Record<string, string | number | boolean | Record<string, string>>;
