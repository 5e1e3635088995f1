// What `Comagic.getCredentials()` returns (A5) plus F1's `key`, `uri` and R2's `comagic_id`.
import * as z from 'zod/mini';
import { COMAGIC_ID } from './formats';
import { Id } from './hit';

export const Credentials = z.strictObject({
  site_key: z.string(),
  visitor_id: Id,
  hit_id: Id,
  session_id: Id,
  consultant_server_url: z.string(),
  /** F1: the same site key under the vendor's other name. */
  key: z.string(),
  /** F1: the page address at the time of the call. */
  uri: z.string(),
  /** R2: `<visitor_id>.<session_id>.<unix seconds>`. */
  comagic_id: z.string().check(z.regex(COMAGIC_ID)),
});

export type Credentials = z.infer<typeof Credentials>;
