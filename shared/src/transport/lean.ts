// The lean endpoint first, the REST route only when the lean one is not there (docs/contracts.md,
// "In the runtime"): for the requests made outside the core (the captcha, the widgets' reads). The
// hit and the visitor calls follow the same rule in the core (hit.ts, call.ts).
import type { Reply } from './http';
import { isObj, isRefusal } from '../schemas/guards';
import { unusable } from './http';

/** `{collect}?op=<op>` (`&op=` when data-collect has a query already). */
export const leanUrl = (collect: string, op: string) => collect + (collect.includes('?') ? '&' : '?') + 'op=' + op;

/**
 * Whether a reply means the endpoint is not usable there: no reply (network error, timeout),
 * 404, 405, or a 5xx without a refusal of ours (a server's or a proxy's error page). A 5xx with
 * our refusal (`storage_unavailable`) is an answer: the REST route would only fail with a 500.
 */
const notThere = (reply: Reply | undefined): boolean =>
  !reply || (unusable(reply.status) && !(reply.status > 499 && isObj(reply.body) && isRefusal(reply.body)));

/** `send(lean)`'s reply, or `send(rest)`'s when the lean endpoint is not there. */
export async function leanFirst(send: (url: string) => Promise<Reply | undefined>, lean: string, rest: string): Promise<Reply | undefined> {
  const reply = await send(lean);
  return notThere(reply) ? send(rest) : reply;
}
