// The visitor calls (docs/contracts.md, "Visitor calls (issue 4)"): the single source of their
// request and answer types. As with the hit, the runtime imports only the types: the arguments are
// checked by hand in args.ts and the answers in answers.ts, and their tests prove that both agree
// with these schemas.
import * as z from 'zod/mini';
import { blank, fits, isEmail, isPhone, REQUEST_ID, TOKEN } from './formats';
import { Id, Refusal } from './hit';

/** The operations, by their `op` on the lean endpoint. */
export const Op = z.enum(['event', 'visitor_info', 'property_set', 'property_delete', 'property_has', 'property_get', 'properties']);

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
export const PropertyName = text(1, 255).check(z.refine((s) => !s.includes('\0')));

export const PropertySetFields = z.object({ name: PropertyName, value: opt(textOrNumber(4096)) });

/** delete, has, get. */
export const PropertyNameFields = z.object({ name: PropertyName });

const given = (v: string | null | undefined): v is string => v != null && !blank(v);

/** A14: at least one of the three (blank counts as not given); any other key is ignored. */
export const VisitorInfoFields = z.object({
  name: opt(text(0, 255)),
  phone: opt(text(0, 64)),
  email: opt(text(0, 254)),
}).check(
  z.refine((f) => given(f.name) || given(f.phone) || given(f.email)),
  z.refine((f) => !given(f.phone) || isPhone(f.phone)),
  z.refine((f) => !given(f.email) || isEmail(f.email)),
);

export const ListFields = z.object({});

/** What every body carries besides the operation's fields. */
export const CallBase = z.object({ ...Who.shape, request_id: z.string().check(z.regex(REQUEST_ID)) });

export const Fields = {
  event: EventFields,
  visitor_info: VisitorInfoFields,
  property_set: PropertySetFields,
  property_delete: PropertyNameFields,
  property_has: PropertyNameFields,
  property_get: PropertyNameFields,
  properties: ListFields,
} as const;

/** The body of `op`. */
export const callRequest = (op: Op) => z.intersection(CallBase, Fields[op]);

/** event, visitor info, set, delete: exactly A14's `{success: true}`. */
export const Ack = z.object({ success: z.literal(true) });
/** A17. */
export const HasAnswer = z.object({ success: z.literal(true), result: z.boolean() });
/** A18: the value; `true` for a property set without one; `false` when not set. */
export const GetAnswer = z.object({ success: z.literal(true), result: z.union([z.string(), z.boolean()]) });
/** The inspector's list: name -> value, or `true` for a property set without a value. */
export const ListAnswer = z.object({ success: z.literal(true), result: z.record(z.string(), z.union([z.string(), z.literal(true)])) });

export const Answers = {
  event: z.union([Ack, Refusal]),
  visitor_info: z.union([Ack, Refusal]),
  property_set: z.union([Ack, Refusal]),
  property_delete: z.union([Ack, Refusal]),
  property_has: z.union([HasAnswer, Refusal]),
  property_get: z.union([GetAnswer, Refusal]),
  properties: z.union([ListAnswer, Refusal]),
} as const;

export type Op = z.infer<typeof Op>;
export type Who = z.infer<typeof Who>;
export type Ack = z.infer<typeof Ack>;
export type HasAnswer = z.infer<typeof HasAnswer>;
export type GetAnswer = z.infer<typeof GetAnswer>;
export type ListAnswer = z.infer<typeof ListAnswer>;
/** The answer of `op`, a success or a refusal. */
export type Answer<O extends Op = Op> = z.infer<(typeof Answers)[O]>;
/** An operation's fields as the runtime sends them: numbers already turned into text. */
export type Fields = Record<string, string>;
