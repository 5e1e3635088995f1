// A visitor call: `POST {collect}?op=<op>`, once more to `POST {rest}<route>` if that endpoint is
// unusable (the hit's rule, transport/hit.ts; docs/contracts.md, "Visitor calls").
import type { Config } from '../config';
import type { Answer, Op } from '../schemas/calls';
import type { Checks } from '../outbox/outbox';
import { isRead, route } from '../schemas/ops';
import { postJson, unusable } from './http';

/** A call that has not answered in this time is given up and tried again later. */
export const TIMEOUT = 10_000;

/** A 4xx that came without an answer of ours (a firewall's page, a proxy): final, like a refusal. */
const httpRefusal = (status: number): Answer => ({
  success: false,
  result: { code: 'http_error', field: '', message: 'HTTP ' + status },
});

/**
 * The final answer to `body`, or undefined when it should be sent again later: a network error or
 * timeout, 408, 429, a 5xx (one with our refusal, `storage_unavailable`, ends the try at once: the
 * REST route would fail too), or no usable answer from either endpoint. Final are a success with 2xx
 * and a refusal with 4xx (a refusal from `{collect}` is not retried at `{rest}`); a 4xx with no
 * answer from `{rest}` (404: no such route) is final too, as `http_error`. Writes use `keepalive`, so
 * that a call made as the page unloads still goes out (the outbox resends it if not answered).
 * The answer is read by the lazily loaded checks (`load`), which every visitor call needs for its
 * arguments anyway (this keeps the answers' checks out of the core): loaded first, since a call an
 * earlier page left finds them not yet there; while they do not load it is not sent.
 */
export async function sendCall<O extends Op>(config: Config, op: O, body: string, load: () => Promise<Checks | undefined>): Promise<Answer<O> | undefined> {
  const checks = await load();
  const check = checks?.answer && ((body: unknown) => (op == 'callback' ? checks.called!(body) : checks.answer!(op, body)) as Answer | undefined);
  if (!check) return;
  const lean = config.collect + (config.collect.includes('?') ? '&' : '?') + 'op=' + op;
  let last: Answer | undefined;
  for (const url of [lean, config.rest + route(op)]) {
    const reply = await postJson(url, body, { keepalive: !isRead(op), timeout: TIMEOUT });
    const s = reply?.status || 0;
    const answer = reply && check(reply.body);
    // A10: a callback's status is its answer, whatever the HTTP status (a 503 says status 3).
    if (op == 'callback' && answer && 'status' in (answer as Answer<'callback'>).result) return answer as Answer<O>;
    // The endpoint is there and asks to wait (a 5xx with our refusal: its database is down): the
    // fallback would be no better.
    if (s == 408 || s == 429 || (answer && s > 499)) return;
    if (answer && !unusable(s) && (answer.success ? s < 300 : s >= 400)) return answer as Answer<O>;
    last = s >= 400 && s < 500 ? httpRefusal(s) : undefined;
  }
  return last as Answer<O> | undefined;
}
