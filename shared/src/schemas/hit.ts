// The hit endpoint's request and answer (docs/contracts.md, "Hit"). The single source of the
// types: the runtime imports only the types from here (the zod code stays out of the bundle);
// schemas/guards.ts checks answers by hand and its tests prove it agrees with these schemas.
import * as z from 'zod/mini';
import { COMAGIC_ID, SITE_KEY, TOKEN } from './formats';
import { PhonesAnswer } from './phones';

/** A server-assigned id: a positive (safe) integer (R1). */
export const Id = z.int().check(z.positive());

const text = (max: number) => z.string().check(z.maxLength(max));

const page = {
  site_key: z.string().check(z.regex(SITE_KEY)),
  url: text(2048).check(z.regex(/^https?:\/\/./i)),
  referrer: text(2048),
  title: text(512),
};

/** `POST {collect}`: `visitor_id` and `token` come together or not at all. */
export const HitRequest = z.union([z.strictObject(page), z.strictObject({ ...page, visitor_id: Id, token: z.string().check(z.regex(TOKEN)) })]);

export const HitResult = z
  .object({
    visitor_id: Id,
    session_id: Id,
    hit_id: Id,
    token: z.string().check(z.regex(TOKEN)),
    comagic_id: z.string().check(z.regex(COMAGIC_ID)),
    new_session: z.boolean(),
    /** On a site with phone numbers (docs/contracts.md, "Phone numbers"). */
    phones: z.optional(PhonesAnswer),
    /** Present and true while an operator is available (docs/contracts.md, "Chat"). */
    chat: z.optional(z.boolean()),
  })
  .check(z.refine((r) => r.comagic_id.startsWith(`${r.visitor_id}.${r.session_id}.`) && r.token.startsWith(`${r.visitor_id}.`)));

const HitSuccess = z.object({ success: z.literal(true), result: HitResult });

export const Refusal = z.object({
  success: z.literal(false),
  result: z.object({
    code: z.string(),
    field: z.optional(z.string()),
    message: z.optional(z.string()),
  }),
});

export const HitAnswer = z.union([HitSuccess, Refusal]);

export type HitRequest = z.infer<typeof HitRequest>;
export type HitResult = z.infer<typeof HitResult>;
export type Refusal = z.infer<typeof Refusal>;
export type HitAnswer = z.infer<typeof HitAnswer>;
