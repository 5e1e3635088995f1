import * as z from 'zod/mini';
import { JsonValue } from './json-value';

/**
 * returned: the call is over (no callback, no promise); waiting: it returned and its callback or
 * promise has not answered yet; answered: the callback ran or the promise resolved; rejected: the
 * promise rejected; threw: the call itself threw.
 */
const CallStatus = z.enum(['returned', 'waiting', 'answered', 'rejected', 'threw']);

/** Who made the call: the page's own code, or the inspector's panel (an action). */
const CallOrigin = z.enum(['page', 'inspector']);

/** One call of the API, as the page hook records it. */
export const CallRecord = z.object({
  /** Unique per document: the hook's random prefix and a counter. */
  id: z.string(),
  /** Wall-clock time the call started, in ms since the epoch. */
  at: z.number(),
  /** `Comagic.trackEvent`, `Comagic.Captcha.get_captcha`, `__cs.push`… */
  path: z.string(),
  origin: CallOrigin,
  args: z.array(JsonValue),
  status: CallStatus,
  returned: z.optional(JsonValue),
  answer: z.optional(JsonValue),
  error: z.optional(z.string()),
  /** Time to return, or to answer when there is an answer, in ms. */
  ms: z.optional(z.number()),
});
export type CallRecord = z.infer<typeof CallRecord>;
