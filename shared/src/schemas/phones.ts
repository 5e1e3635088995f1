// The hit answer's `phones` field and the shapes of the number-replacement methods (docs/contracts.md,
// "Phone numbers"). Types only reach the runtime; phones/check.ts checks answers by hand.
import * as z from 'zod/mini';

/** E.164 digits without "+". */
const Digits = z.string().check(z.regex(/^[1-9]\d{7,14}$/));

/** `result.phones`: the site's own numbers and the one this visit is shown (null: none, the site's stays). */
export const PhonesAnswer = z.object({
  site: z.array(Digits),
  number: z.nullable(Digits),
  dynamic: z.boolean(),
  /** With a number: why this visit is shown it (its row of the numbers table), for tools. */
  kind: z.optional(z.enum(['static', 'pool', 'fallback'])),
  label: z.optional(z.string()),
});

/** N3/N4: one target on the page. */
export const PhoneTarget = z.object({
  id: z.string(),
  img: z.string(),
  text: z.string(),
  raw: z.string(),
});

export type PhonesAnswer = z.infer<typeof PhonesAnswer>;
export type PhoneTarget = z.infer<typeof PhoneTarget>;
